package cli

import (
	"errors"
	"fmt"
	"time"

	ucli "github.com/urfave/cli/v3"

	"github.com/tailor-cli/tailor/extract"
)

// limitFlags are the flags that set extract.Options, shared by check and
// screen; limitFlagNames maps each limit to its flag, for error hints.
var limitFlagNames = map[string]string{
	extract.LimitSize:     "max-size",
	extract.LimitPages:    "max-pages",
	extract.LimitText:     "max-text",
	extract.LimitStream:   "max-stream",
	extract.LimitInflated: "max-inflated",
	extract.LimitEntries:  "max-entries",
	extract.LimitDepth:    "max-depth",
}

func limitFlags() []ucli.Flag {
	return []ucli.Flag{
		&ucli.IntFlag{Name: "max-size", Value: extract.DefaultMaxBytes >> 20, Usage: "largest file read, in `MB`"},
		&ucli.IntFlag{Name: "max-pages", Value: extract.DefaultMaxPages, Usage: "most PDF pages read"},
		&ucli.IntFlag{Name: "max-text", Value: extract.DefaultMaxTextBytes >> 10, Usage: "most text extracted from a file, in `KB`"},
		&ucli.IntFlag{Name: "max-stream", Value: extract.DefaultMaxStreamBytes >> 20, Usage: "most one PDF content stream may decompress to, in `MB`"},
		&ucli.IntFlag{Name: "max-inflated", Value: extract.DefaultMaxInflatedBytes >> 20, Usage: "most all of a PDF's content streams may decompress to, in `MB`"},
		&ucli.IntFlag{Name: "max-entries", Value: extract.DefaultMaxEntries, Usage: "most files a DOCX archive may hold"},
		&ucli.IntFlag{Name: "max-depth", Value: extract.DefaultMaxXMLDepth, Usage: "deepest a DOCX's XML may nest"},
		&ucli.BoolFlag{Name: "ocr", Usage: "recognise the text of scanned PDFs with tesseract (installed separately; slow)"},
	}
}

// limitOptions reads the limit flags.
func limitOptions(cmd *ucli.Command) (extract.Options, error) {
	o := extract.Options{
		MaxBytes:         int64(cmd.Int("max-size")) << 20,
		MaxPages:         cmd.Int("max-pages"),
		MaxTextBytes:     int64(cmd.Int("max-text")) << 10,
		MaxStreamBytes:   int64(cmd.Int("max-stream")) << 20,
		MaxInflatedBytes: int64(cmd.Int("max-inflated")) << 20,
		MaxEntries:       cmd.Int("max-entries"),
		MaxXMLDepth:      cmd.Int("max-depth"),
		OCR:              cmd.Bool("ocr"),
	}
	if o.MaxBytes <= 0 || o.MaxPages <= 0 || o.MaxTextBytes <= 0 || o.MaxStreamBytes <= 0 || o.MaxInflatedBytes <= 0 ||
		o.MaxEntries <= 0 || o.MaxXMLDepth <= 0 {
		return o, usageError{err: errors.New("the --max-... limits must be positive")}
	}
	return o, nil
}

// describe returns an error's one-line message, naming the flag that
// raises a limit the file exceeded.
func describe(err error) string {
	msg := oneLine(err.Error())
	var le *extract.LimitError
	if errors.As(err, &le) {
		if flag, ok := limitFlagNames[le.Limit]; ok {
			msg += fmt.Sprintf(" (raise it with --%s)", flag)
		}
	}
	return msg
}

// readTimeout is --timeout, or with --ocr and no --timeout the time OCR
// may take: recognising a page takes seconds.
func readTimeout(cmd *ucli.Command) time.Duration {
	if cmd.Bool("ocr") && !cmd.IsSet("timeout") {
		return extract.OCRTimeout
	}
	return cmd.Duration("timeout")
}
