package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	ucli "github.com/urfave/cli/v3"

	"github.com/tailor-cli/tailor/extract"
	"github.com/tailor-cli/tailor/report"
)

// extractCommand is "tailor extract": show what tailor reads from a file.
func extractCommand(stdout io.Writer, jsonErrors *bool) *ucli.Command {
	return &ucli.Command{
		Name:        "extract",
		Usage:       "show the text, sections and warnings tailor reads from a resume",
		ArgsUsage:   "FILE",
		Description: "FILE is a .pdf, .docx, .txt or .md file. Exit status: 0 read; 2 usage or input error.",
		Flags: append([]ucli.Flag{
			&ucli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "text", Usage: "output format: " + strings.Join(report.DocumentFormats(), ", ")},
			&ucli.DurationFlag{Name: "timeout", Value: 10 * time.Second, Usage: "give up reading the file after `D`"},
		}, limitFlags()...),
		Action: func(ctx context.Context, cmd *ucli.Command) error {
			format := cmd.String("format")
			*jsonErrors = format == "json"
			if !slices.Contains(report.DocumentFormats(), format) {
				return usageError{err: fmt.Errorf("unknown format %q (want one of %s)", format, strings.Join(report.DocumentFormats(), ", "))}
			}
			if cmd.Args().Len() != 1 {
				return usageError{err: fmt.Errorf("extract needs exactly one FILE, got %d arguments", cmd.Args().Len())}
			}
			if readTimeout(cmd) <= 0 {
				return usageError{err: errors.New("--timeout must be positive")}
			}
			opts, err := limitOptions(cmd)
			if err != nil {
				return err
			}
			path := cmd.Args().First()
			done := make(chan error, 1)
			var doc *extract.Document
			go func() {
				var err error
				defer func() { done <- err }()
				defer recovered(&err)
				doc, err = extract.Read(path, opts)
			}()
			select {
			case err := <-done:
				if err != nil {
					return err
				}
			case <-time.After(readTimeout(cmd)):
				return fmt.Errorf("%s: %w after %s: the file may be damaged so that reading it never ends (raise --timeout to wait longer)",
					path, errGaveUp, readTimeout(cmd))
			}
			return report.WriteDocument(stdout, doc, format)
		},
	}
}
