package extract_test

import (
	"errors"
	"fmt"
	"slices"
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

// TestParsePDF_OCRLayer: a scanned page (an image) whose only text is the
// invisible layer OCR software writes (text render mode 3) reads as that
// text, with the OCR warning; on a page that shows text, invisible words (stuffed
// keywords) stay out.
func TestParsePDF_OCRLayer(t *testing.T) {
	t.Parallel()
	layer := "BT 3 Tr /F1 11 Tf 72 700 Td (Nadia Okafor, data engineer) Tj 0 -14 Td (Airflow and dbt pipelines on Snowflake) Tj ET"
	// Without an image, the page is no scan: invisible text alone is a
	// stuffing trick, and the file has no text.
	if _, err := extract.ParsePDF("hidden.pdf", scanPDF(layer, false), extract.Options{}); !errors.Is(err, extract.ErrNoText) {
		t.Errorf("invisible text alone: %v, want ErrNoText", err)
	}
	scan := scanPDF(layer, true)
	doc, err := extract.ParsePDF("scan.pdf", scan, extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(doc.Text, "Airflow and dbt pipelines on Snowflake") {
		t.Errorf("the OCR layer is not read:\n%s", doc.Text)
	}
	if !slices.ContainsFunc(doc.Warnings, func(w extract.Warning) bool { return w.Code == extract.WarnOCRLayer }) {
		t.Errorf("no OCR warning: %+v", doc.Warnings)
	}
	stuffed := scanPDF("BT /F1 11 Tf 72 700 Td (Nadia Okafor, data engineer) Tj ET BT 3 Tr /F1 4 Tf 72 600 Td (Kubernetes Rust CUDA TensorRT) Tj ET", true)
	doc, err = extract.ParsePDF("stuffed.pdf", stuffed, extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(doc.Text, "Kubernetes") || !strings.Contains(doc.Text, "Nadia Okafor") {
		t.Errorf("hidden words read, or shown words lost:\n%s", doc.Text)
	}
	if !slices.ContainsFunc(doc.Warnings, func(w extract.Warning) bool { return w.Code == extract.WarnHiddenText }) {
		t.Errorf("no hidden-text warning: %+v", doc.Warnings)
	}
}

// scanPDF returns a one-page PDF with font /F1 whose content is text,
// drawn over a page-sized image first when image is set, as a scan's is.
func scanPDF(text string, image bool) []byte {
	content := text
	if image {
		content = "q 612 0 0 792 0 0 cm /Im1 Do Q " + text
	}
	img := "<< /Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length 1 >>\nstream\n\x80\nendstream"
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> /XObject << /Im1 6 0 R >> >> /Contents 5 0 R >>",
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
		fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(content), content),
		img,
	}
	return writePDF(objs, func(int) string { return "" })
}

// TestParsePDF_ActualText: marked content with /ActualText (LaTeX's icon
// fonts write "tel:" over a phone glyph) reads as its text, not the
// glyphs it covers; nested and plain marked content changes nothing.
func TestParsePDF_ActualText(t *testing.T) {
	t.Parallel()
	content := "/Span << /ActualText (tel:) >> BDC BT /F1 12 Tf 72 700 Td (J) Tj ET EMC " +
		"BT /F1 12 Tf 90 700 Td (+1 555 0100) Tj ET " +
		"/P BMC BT /F1 12 Tf 72 680 Td (Kubernetes engineer) Tj ET EMC"
	doc, err := extract.ParsePDF("icons.pdf", buildPDF(content), extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(doc.Text, "tel: +1 555 0100") || strings.Contains(doc.Text, "J") || !strings.Contains(doc.Text, "Kubernetes engineer") {
		t.Errorf("text %q", doc.Text)
	}
}

// TestParsePDF_GlyphNames: without a ToUnicode map, a glyph named
// "uniXXXX" reads as that code point, and one named only by a number
// ("g12") is undecodable: never the raw code it stands on.
func TestParsePDF_GlyphNames(t *testing.T) {
	t.Parallel()
	content := "BT /N1 12 Tf 72 700 Td (ABCD) Tj ET"
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /N1 4 0 R >> >> /Contents 5 0 R >>",
		"<< /Type /Font /Subtype /Type1 /BaseFont /Test /FirstChar 65 /LastChar 68 /Widths [500 500 500 500] " +
			"/Encoding << /Type /Encoding /Differences [65 /uni004B /uni0038 /u1F680 /g12] >> >>",
		fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(content), content),
	}
	doc, err := extract.ParsePDF("names.pdf", writePDF(objs, func(int) string { return "" }), extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.TrimSpace(doc.Text); got != "K8🚀" {
		t.Errorf("text %q, want %q", got, "K8🚀")
	}
}
