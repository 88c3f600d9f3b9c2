package extract_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/tailor-cli/tailor/extract"
)

// pageTreePDF returns a PDF whose page tree is pages (object 2's
// dictionary); object 3 is a page showing "alpha beta", and objects from 6
// on are extra, as given.
func pageTreePDF(pages string, extra ...string) []byte {
	content := "BT /F1 12 Tf 72 700 Td (alpha beta) Tj ET"
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		pages,
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
		fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(content), content),
	}
	return writePDF(append(objs, extra...), func(int) string { return "" })
}

// TestParsePDF_PageTree: the same page object listed twice is read twice
// (qpdf --pages a.pdf a.pdf writes pages that print alike); a tree that
// holds itself, or shares empty nodes many times over, ends.
func TestParsePDF_PageTree(t *testing.T) {
	t.Parallel()
	doc, err := extract.ParsePDF("twice.pdf", pageTreePDF("<< /Type /Pages /Kids [3 0 R 3 0 R 3 0 R] /Count 3 >>"), extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if doc.Pages != 3 || strings.Count(doc.Text, "alpha beta") != 3 {
		t.Errorf("%d pages, text %q; want the page three times", doc.Pages, doc.Text)
	}
	doc, err = extract.ParsePDF("cycle.pdf", pageTreePDF("<< /Type /Pages /Kids [2 0 R 3 0 R 2 0 R] /Count 1 >>"), extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if doc.Pages != 1 {
		t.Errorf("a tree that holds itself: %d pages, want 1", doc.Pages)
	}
	// Object 6 is a node whose 40 kids are all object 7, whose 40 kids are
	// all object 8, ...: 40^6 paths to empty nodes, and one page.
	var extra []string
	for i := 6; i < 12; i++ {
		extra = append(extra, fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count 0 >>", strings.Repeat(fmt.Sprintf("%d 0 R ", i+1), 40)))
	}
	extra = append(extra, "<< /Type /Pages /Kids [] /Count 0 >>")
	doc, err = extract.ParsePDF("shared.pdf", pageTreePDF("<< /Type /Pages /Kids [6 0 R 3 0 R] /Count 1 >>", extra...), extract.Options{})
	if err != nil || doc.Pages != 1 {
		t.Errorf("a tree of shared empty nodes: %v, want its one page", err)
	}
}
