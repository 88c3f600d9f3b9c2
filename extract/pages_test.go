package extract_test

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/tailor-cli/tailor/extract"
)

// TestParsePDF_PagesAtOnceAsOneByOne: reading a PDF's pages at once (one
// per CPU) gives exactly what reading them one by one gives, for every
// PDF of the samples and fixtures, errors included. Run with -race it also
// checks the workers share nothing they write.
func TestParsePDF_PagesAtOnceAsOneByOne(t *testing.T) {
	t.Parallel()
	var files []string
	for _, glob := range []string{"../testdata/samples/*.pdf", "../testdata/pdf/*.pdf"} {
		m, _ := filepath.Glob(glob)
		files = append(files, m...)
	}
	// No sample or fixture has the four pages that two workers need:
	// these do, in each of the built fonts (a CID font with a Unicode map,
	// and one without).
	built := map[string][]byte{
		"built.pdf": buildPDFPages(textPage("First page, Python and Go"), textPage("Second page, Kubernetes"), textPage("Third page"), textPage("Fourth page")),
		"built-cid.pdf": buildPDFPages("BT /F2 11 Tf 72 700 Td "+cid("pytorch")+" Tj ET", textPage("Second page"),
			"BT /F2 11 Tf 72 700 Td "+cid("kubernetes")+" Tj ET", textPage("Fourth page"), "BT /F3 11 Tf 72 700 Td <00010002> Tj ET"),
		// Invisible text on every page: the warning counts it over all
		// pages, whichever worker read them.
		"built-hidden.pdf": buildPDFPages(hiddenPage("First"), hiddenPage("Second"), hiddenPage("Third"), hiddenPage("Fourth")),
	}
	// The PDF library panics on the second page's bad hex string, read
	// beside the others (two workers for four pages): the file is damaged, whichever way it is read.
	damaged := buildPDFPages(textPage("First page"), "BT /F1 11 Tf <ZZ> Tj ET", textPage("Third page"), textPage("Fourth page"))
	if _, err := extract.ParsePDF("damaged.pdf", damaged, extract.Options{PageWorkers: 4}); !errors.Is(err, extract.ErrMalformed) {
		t.Errorf("a panic on one of four pages read at once: %v, want a damaged PDF", err)
	}
	multi := 0
	check := func(name string, data []byte) {
		one, err1 := extract.ParsePDF(name, data, extract.Options{PageWorkers: 1})
		many, err4 := extract.ParsePDF(name, data, extract.Options{PageWorkers: 4})
		if (err1 == nil) != (err4 == nil) || err1 != nil && err1.Error() != err4.Error() {
			t.Errorf("%s: errors %v and %v", name, err1, err4)
			return
		}
		if err1 != nil {
			return
		}
		if one.Pages >= 4 {
			multi++
		}
		if one.Text != many.Text || one.Pages != many.Pages || !slices.Equal(one.Warnings, many.Warnings) || len(one.Lines) != len(many.Lines) {
			t.Errorf("%s: pages at once read differently", name)
		}
	}
	for _, f := range files {
		if filepath.Base(f) == "loop-xref.pdf" {
			continue // its cross-reference loop never ends, before any page: a timeout's fixture
		}
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		check(f, data)
	}
	for name, data := range built {
		check(name, data)
	}
	check("damaged.pdf", damaged)
	if multi < len(built) {
		t.Errorf("only %d PDFs of four pages or more read: the test checks too little", multi)
	}
}

// hiddenPage is a page of visible text with invisible text (render mode 3)
// beneath it.
func hiddenPage(name string) string {
	return textPage(name+" page of the resume") + " BT 3 Tr /F1 11 Tf 72 600 Td (kubernetes docker terraform ansible pytorch) Tj ET"
}

// TestParsePDF_CutHexString checks that a content stream ending inside a
// hexadecimal string reads the text before it. The PDF library's own
// reader loops for ever there; tailor reads content streams itself.
func TestParsePDF_CutHexString(t *testing.T) {
	t.Parallel()
	data := buildPDF("BT /F1 12 Tf 72 700 Td (Hello there) Tj ET <414")
	done := make(chan string, 1)
	go func() {
		doc, err := extract.ParsePDF("cut.pdf", data, extract.Options{})
		if err != nil {
			done <- "error: " + err.Error()
			return
		}
		done <- doc.Text
	}()
	select {
	case got := <-done:
		if !strings.Contains(got, "Hello there") {
			t.Errorf("text %q, want the words before the cut string", got)
		}
	case <-time.After(2 * time.Minute): // a guard against a hang, not a speed check
		t.Fatal("reading a content stream cut inside a hexadecimal string hangs")
	}
}

// TestParsePDF_FormXObjectLimit checks that a form XObject's content,
// which is not measured before the page is read, is held to the limit of
// one stream: the file gets a limit error naming it, not a read of any
// size.
func TestParsePDF_FormXObjectLimit(t *testing.T) {
	t.Parallel()
	form := "BT /F1 12 Tf 72 700 Td (Hello) Tj ET" + strings.Repeat(" ", 3000)
	data := writePDF([]string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 6 0 R >> /XObject << /X1 5 0 R >> >> /Contents 4 0 R >>",
		"<< /Length 7 >>\nstream\n/X1 Do\nendstream",
		fmt.Sprintf("<< /Type /XObject /Subtype /Form /BBox [0 0 612 792] /Resources << /Font << /F1 6 0 R >> >> /Length %d >>\nstream\n%s\nendstream", len(form), form),
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
	}, func(int) string { return "" })
	if doc, err := extract.ParsePDF("form.pdf", data, extract.Options{}); err != nil || !strings.Contains(doc.Text, "Hello") {
		t.Fatalf("within the limit: %v, want the form's text", err)
	}
	_, err := extract.ParsePDF("form.pdf", data, extract.Options{MaxStreamBytes: 2000})
	var le *extract.LimitError
	if !errors.As(err, &le) || le.Limit != extract.LimitStream || !strings.HasPrefix(err.Error(), "form.pdf: ") {
		t.Errorf("error %v, want the one-stream limit naming form.pdf", err)
	}
}
