package extract_test

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"testing"

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
	data := buildPDFPages(textPage("First page, Python and Go"), textPage("Second page, Kubernetes"), textPage("Third page"), textPage("Fourth page"))
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
		if one.Pages > 1 {
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
	check("built.pdf", data)
	check("damaged.pdf", damaged)
	if multi < 3 {
		t.Errorf("only %d PDFs of several pages: the test checks too little", multi)
	}
}
