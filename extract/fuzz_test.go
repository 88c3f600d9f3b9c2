package extract_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tailor-cli/tailor/extract"
)

// FuzzParsePDF feeds mutated PDFs to the reader: it must return a document
// or an error naming the file, never panic or hang. Seeds are the sample
// PDFs, a hand-built PDF, and the broken corpus when it is present.
func FuzzParsePDF(f *testing.F) {
	seeds, _ := filepath.Glob(samples + "*.pdf")
	broken, _ := filepath.Glob("../../shared/corpus/broken/*.pdf")
	for _, p := range append(seeds, broken...) {
		if data, err := os.ReadFile(p); err == nil {
			f.Add(data)
		}
	}
	f.Add(buildPDF("BT /F1 12 Tf 72 700 Td [(Py) 20 (Torch)] TJ ET"))
	f.Add(buildPDF("BT /F2 10 Tf 72 700 Td " + cid("cnn") + " Tj ET"))
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := extract.ParsePDF("fuzz.pdf", data, extract.Options{})
		if err != nil {
			if !strings.HasPrefix(err.Error(), "fuzz.pdf") {
				t.Errorf("error does not name the file: %q", err)
			}
			return
		}
		checkDocument(t, doc)
	})
}

// FuzzReadText feeds arbitrary bytes to the text and Markdown readers.
func FuzzReadText(f *testing.F) {
	for _, p := range []string{samples + "strong-dl.md", samples + "web-dev-decoys.txt"} {
		if data, err := os.ReadFile(p); err == nil {
			f.Add(data, true)
		}
	}
	f.Add([]byte("# H\n\n- [a](b) **c** `d`\n| x | y |\n|---|---|\n"), true)
	f.Fuzz(func(t *testing.T, data []byte, markdown bool) {
		format := extract.FormatText
		if markdown {
			format = extract.FormatMarkdown
		}
		doc, err := extract.ReadText("fuzz.txt", data, format)
		if err != nil {
			return
		}
		checkDocument(t, doc)
	})
}

// FuzzReadHTML feeds arbitrary bytes to the web page reader.
func FuzzReadHTML(f *testing.F) {
	f.Add([]byte("<html><body><nav>x</nav><h2>Requirements</h2><ul><li>PyTorch &amp; JAX</li></ul><table><tr><td>a</td><td>b</td></tr></table></body></html>"))
	f.Add([]byte("<div><p hidden>a</p><p style='display:none'>b</p><h1>c<h2>d</h1></div>"))
	f.Add([]byte(strings.Repeat("<div>", 300) + "deep" + strings.Repeat("</div>", 300)))
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := extract.ReadHTML("fuzz.html", data)
		if err != nil {
			return
		}
		checkDocument(t, doc)
	})
}

// checkDocument asserts the invariants every Document keeps: lines and
// sections lie inside the text, in order, and sections tile it.
func checkDocument(t *testing.T, doc *extract.Document) {
	t.Helper()
	prev := 0
	for i, ln := range doc.Lines {
		if ln.Start < prev || ln.End < ln.Start || ln.End > len(doc.Text) {
			t.Fatalf("line %d [%d,%d) out of order or outside text of %d bytes", i, ln.Start, ln.End, len(doc.Text))
		}
		prev = ln.End
	}
	if len(doc.Sections) == 0 || doc.Sections[0].Start != 0 && doc.Sections[0].Name == "Header" {
		t.Fatalf("sections do not start the text: %+v", doc.Sections)
	}
	for i, s := range doc.Sections {
		if s.Start > s.End || s.End > len(doc.Text) {
			t.Fatalf("section %d [%d,%d) outside text of %d bytes", i, s.Start, s.End, len(doc.Text))
		}
	}
	if last := doc.Sections[len(doc.Sections)-1]; last.End != len(doc.Text) {
		t.Fatalf("last section ends at %d, text at %d", last.End, len(doc.Text))
	}
}
