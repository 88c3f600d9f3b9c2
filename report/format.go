package report

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/tailor-cli/tailor/match"
)

// Writer writes a report in one format.
type Writer interface {
	// Write writes r to w and returns the first write error.
	Write(w io.Writer, r *match.Report) error
}

// Options adjust how writers render.
type Options struct {
	// Color enables ANSI colour in the text format. The caller decides:
	// on only for a terminal, and never when NO_COLOR is set.
	Color bool
	// Detail gives the text and Markdown formats' advice on every skill
	// to change; without it they give the five changes that win the most
	// points in full and name the rest. JSON and HTML hold everything.
	Detail bool
}

var formats = map[string]func(Options) Writer{
	"text":     func(o Options) Writer { return textWriter{color: o.Color, detail: o.Detail} },
	"json":     func(Options) Writer { return jsonWriter{} },
	"markdown": func(o Options) Writer { return markdownWriter{detail: o.Detail} },
	"html":     func(Options) Writer { return htmlWriter{} },
}

// Formats returns the names of the supported formats, sorted.
func Formats() []string {
	out := make([]string, 0, len(formats))
	for name := range formats {
		out = append(out, name)
	}
	sort.Strings(out)
	return out
}

// New returns the writer for a format name.
func New(name string, opts Options) (Writer, error) {
	f, ok := formats[name]
	if !ok {
		return nil, fmt.Errorf("unknown format %q (want one of %s)", name, strings.Join(Formats(), ", "))
	}
	return f(opts), nil
}
