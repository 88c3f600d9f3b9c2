package report

import (
	"bufio"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/tailor-cli/tailor/extract"
)

// DocumentFormats returns the formats of `tailor extract`, sorted.
func DocumentFormats() []string {
	out := []string{"json", "text"}
	sort.Strings(out)
	return out
}

// extracted is the JSON form of a document: what tailor read from a file.
type extracted struct {
	Path     string             `json:"path"`
	Format   extract.Format     `json:"format"`
	Producer string             `json:"producer"`
	Pages    int                `json:"pages"`
	Sections []extractedSection `json:"sections"`
	Text     string             `json:"text"`
	Warnings []extract.Warning  `json:"warnings"`
}

type extractedSection struct {
	Name    string `json:"name"`
	Heading string `json:"heading,omitempty"`
	Text    string `json:"text"`
}

// WriteDocument writes what tailor read from a file: as text with a marker
// before each section ("== Experience =="), or as JSON.
func WriteDocument(w io.Writer, doc *extract.Document, format string) error {
	out := extracted{Path: doc.Path, Format: doc.Format, Producer: doc.Producer, Pages: doc.Pages, Text: doc.Text,
		Sections: []extractedSection{}, Warnings: doc.Warnings}
	if out.Warnings == nil {
		out.Warnings = []extract.Warning{}
	}
	for _, s := range doc.Sections {
		out.Sections = append(out.Sections, extractedSection{Name: string(s.Name), Heading: s.Heading,
			Text: strings.TrimSpace(doc.Text[s.Start:s.End])})
	}
	switch format {
	case "json":
		return writeJSON(w, out)
	case "text":
		bw := bufio.NewWriter(w)
		fmt.Fprintf(bw, "# %s: %s, %d page(s)", out.Path, out.Format, out.Pages)
		if out.Producer != "" {
			fmt.Fprintf(bw, ", made by %s", out.Producer)
		}
		bw.WriteString("\n")
		for _, wn := range out.Warnings {
			fmt.Fprintf(bw, "# warning %s: %s\n", wn.Code, wn.Message)
		}
		for _, s := range out.Sections {
			marker := s.Name
			if s.Heading != "" && !strings.EqualFold(s.Heading, s.Name) {
				marker = fmt.Sprintf("%s (%s)", s.Name, s.Heading)
			}
			fmt.Fprintf(bw, "\n== %s ==\n%s\n", marker, s.Text)
		}
		return bw.Flush()
	}
	return fmt.Errorf("unknown format %q (want one of %s)", format, strings.Join(DocumentFormats(), ", "))
}
