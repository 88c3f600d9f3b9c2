package extract

import (
	"bytes"
	"fmt"
	"html"
	"regexp"
	"strings"
	"sync"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// ReadText reads a resume or job description held in memory. name is used
// in errors and as Document.Path; format is FormatText or FormatMarkdown.
// Text that is not valid UTF-8 is read as Windows-1252, with a warning;
// UTF-16 with a byte-order mark (as Windows Notepad saves "Unicode") is
// decoded; text holding NUL bytes is ErrNotText.
func ReadText(name string, data []byte, format Format) (*Document, error) {
	return readText(name, data, format, Options{})
}

// readText is ReadText within the limits of opts.
func readText(name string, data []byte, format Format, opts Options) (*Document, error) {
	data, err := fromUTF16(name, data)
	if err != nil {
		return nil, err
	}
	if bytes.IndexByte(data, 0) >= 0 {
		return nil, fmt.Errorf("%s: %w: it holds binary data", name, ErrNotText)
	}
	doc := &Document{Path: name, Format: format, Pages: 1}
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	if !utf8.Valid(data) {
		decoded, err := charmap.Windows1252.NewDecoder().Bytes(data)
		if err != nil {
			return nil, fmt.Errorf("%s: %w: %v", name, ErrNotText, err)
		}
		data = decoded
		doc.Warnings = append(doc.Warnings, Warning{Code: WarnNotUTF8,
			Message: "The file is not UTF-8; it was read as Windows-1252. Save it as UTF-8 if accents look wrong."})
	}
	text := strings.ReplaceAll(string(data), "\r\n", "\n")
	text = strings.ReplaceAll(text, "\r", "\n")
	var raws []rawLine
	gap := false
	inFence := false
	for _, line := range strings.Split(text, "\n") {
		r := rawLine{page: 1}
		if format == FormatMarkdown {
			if strings.HasPrefix(strings.TrimSpace(line), "```") {
				inFence = !inFence
				continue
			}
			if !inFence {
				r.emphasis = mdBoldLine().MatchString(line)
				r.level = headingLevel(line)
				line, r.markdown = stripMarkdown(line)
			}
		}
		if strings.TrimSpace(line) == "" {
			gap = true
			continue
		}
		r.text, r.paraGap = line, gap
		gap = false
		raws = append(raws, r)
	}
	builder{}.build(doc, raws)
	if err := checkText(doc, opts); err != nil {
		return nil, err
	}
	if strings.TrimSpace(doc.Text) == "" {
		return nil, fmt.Errorf("%s: %w: the file is empty", name, ErrNoText)
	}
	doc.Warnings = append(doc.Warnings, contentWarnings(doc)...)
	return doc, nil
}

var (
	mdHeading   = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^\s{0,3}#{1,6}\s+`) })
	mdList      = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^(\s*)(?:\\?[-*+]|\d+[.)])\s+`) })
	mdLink      = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`!?\[([^\]]*)\]\([^)]*\)`) })
	mdEmphasis  = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile("\\*\\*|__|`") })
	mdBoldLabel = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`^(\s*)(?:\*\*|__)([^*_:]+?)(?:\*\*|__)\s+([-•·–] )`)
	})
	mdBoldLine = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`^\s{0,3}(?:#{1,6}\s+)?(?:\*\*[^*]+\*\*|__[^_]+__)\s*[:!?.]?\s*$`)
	})
	mdEscape   = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile("\\\\([!-/:-@\\[-`{-~])") })
	mdRule     = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^\s{0,3}(?:[-*_]\s*){3,}$`) })
	mdTableSep = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$`) })
)

// headingLevel returns the level of a Markdown heading line (the count of
// its #), or 0 when it is none.
func headingLevel(line string) int {
	loc := mdHeading().FindStringIndex(line)
	if loc == nil {
		return 0
	}
	return strings.Count(line[:loc[1]], "#")
}

// stripMarkdown removes Markdown syntax from one line, keeping its words:
// heading markers (reported as heading), list markers (as "•", also when
// escaped as job boards export them: "\- Python"), links (their
// text), emphasis and table pipes; entity references ("&amp;") are decoded.
func stripMarkdown(line string) (string, bool) {
	if mdRule().MatchString(line) || mdTableSep().MatchString(line) {
		return "", false
	}
	heading := false
	if loc := mdHeading().FindStringIndex(line); loc != nil {
		line, heading = line[loc[1]:], true
		line = strings.TrimRight(line, "# ")
	}
	if loc := mdList().FindStringSubmatchIndex(line); loc != nil {
		rest := line[loc[1]:]
		if strings.HasPrefix(strings.TrimSpace(line), `\`) {
			// A board's escaped list pasted onto one line ("\- Python \-
			// PyTorch"): its items stay items.
			rest = strings.ReplaceAll(rest, ` \- `, " • ")
		}
		line = "• " + rest
	}
	line = mdLink().ReplaceAllString(line, "$1")
	// "**What you'll do** - build … - run …": a bold lead-in before a list
	// pasted onto one line labels it.
	line = mdBoldLabel().ReplaceAllString(line, "$1$2: $3")
	line = mdEmphasis().ReplaceAllString(line, "")
	// A backslash escapes the punctuation after it ("trade\-offs", "\|",
	// "Full\-time", as job boards export them): the punctuation is the text.
	if strings.Contains(line, "\\") {
		line = mdEscape().ReplaceAllString(line, "$1")
	}
	if strings.Contains(line, "&") {
		// Markdown decodes entity references: "&amp;" pasted from a
		// job board is "&".
		line = html.UnescapeString(line)
	}
	if strings.HasPrefix(strings.TrimSpace(line), "|") {
		line = strings.Trim(strings.ReplaceAll(line, "|", " · "), " ·")
	}
	return line, heading
}

// fromUTF16 decodes text that starts with a UTF-16 byte-order mark (little
// or big endian) to UTF-8; other text is returned as it is.
func fromUTF16(name string, data []byte) ([]byte, error) {
	if len(data) < 2 || !(data[0] == 0xff && data[1] == 0xfe || data[0] == 0xfe && data[1] == 0xff) {
		return data, nil
	}
	out, err := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder().Bytes(data)
	if err != nil {
		return nil, fmt.Errorf("%s: %w: it starts as UTF-16 but is not: %v", name, ErrNotText, err)
	}
	return out, nil
}
