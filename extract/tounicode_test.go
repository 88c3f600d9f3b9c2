package extract_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/tailor-cli/tailor/extract"
)

// TestParsePDF_ToUnicodeWinsOverEncoding: a Type 3 font as Chromium writes
// it for an OpenType web font (glyph names /g1 ... in /Differences, and a
// correct ToUnicode map) reads as its text, not its glyph names; a glyph
// the map gives several variants of one character (a hyphen as "-", soft
// hyphen and U+2010) is that character once.
func TestParsePDF_ToUnicodeWinsOverEncoding(t *testing.T) {
	t.Parallel()
	// Codes 1-26 are a-z, 27 a space, 28 a hyphen written three ways.
	var diffs, widths []string
	for c := 1; c <= 28; c++ {
		diffs = append(diffs, fmt.Sprintf("/g%X", c))
		widths = append(widths, "500")
	}
	cmap := "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n1 begincodespacerange\n<00> <FF>\nendcodespacerange\n" +
		"1 beginbfrange\n<01> <1A> <0061>\nendbfrange\n2 beginbfchar\n<1B> <0020>\n<1C> <002D00AD2010>\nendbfchar\nendcmap\nend\nend"
	show := func(s string) string {
		var b strings.Builder
		b.WriteByte('<')
		for _, r := range s {
			switch r {
			case ' ':
				b.WriteString("1B")
			case '-':
				b.WriteString("1C")
			default:
				fmt.Fprintf(&b, "%02X", int(r-'a'+1))
			}
		}
		b.WriteByte('>')
		return b.String()
	}
	content := "BT /T3 12 Tf 72 700 Td " + show("lukas brandt") + " Tj 0 -20 Td " + show("kubernetes engineer") + " Tj 0 -20 Td " + show("on-call rota") + " Tj ET"
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /T3 4 0 R >> >> /Contents 5 0 R >>",
		"<< /Type /Font /Subtype /Type3 /FontBBox [0 0 1000 1000] /FontMatrix [0.001 0 0 0.001 0 0] /CharProcs << >> " +
			"/Encoding << /Type /Encoding /Differences [1 " + strings.Join(diffs, " ") + "] >> /FirstChar 1 /LastChar 28 " +
			"/Widths [" + strings.Join(widths, " ") + "] /ToUnicode 6 0 R /Resources << >> >>",
		fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(content), content),
		fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(cmap), cmap),
	}
	doc, err := extract.ParsePDF("web-font.pdf", writePDF(objs, func(int) string { return "" }), extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"lukas brandt", "kubernetes engineer", "on-call rota"} {
		if !strings.Contains(doc.Text, want) {
			t.Errorf("text lacks %q:\n%s", want, doc.Text)
		}
	}
	for _, w := range doc.Warnings {
		if w.Code == "garbled-text" {
			t.Errorf("warning %s: %s", w.Code, w.Message)
		}
	}
}
