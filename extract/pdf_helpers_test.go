package extract_test

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/tailor-cli/tailor/extract"
)

// buildPDF returns a valid one-page PDF whose page content stream is
// content, with a Helvetica font named /F1 (no /Widths, as the standard 14
// fonts often have none) and a CID font /F2 (Identity-H, two-byte codes,
// /W widths and a ToUnicode map for the codes 0x0001-0x001A = a-z).
func buildPDF(content string) []byte {
	return buildPDFWith(content, func(int) string { return "" })
}

// buildPDFWith is buildPDF with extra entries for the trailer dictionary,
// given the cross-reference table's offset.
func buildPDFWith(content string, trailerExtra func(xref int) string) []byte {
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R /F2 6 0 R >> >> /Contents 5 0 R >>",
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
		fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(content), content),
		"<< /Type /Font /Subtype /Type0 /BaseFont /Test /Encoding /Identity-H /DescendantFonts [7 0 R] /ToUnicode 8 0 R >>",
		"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Test /DW 1000 /W [1 26 500] >>",
	}
	cmap := "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n1 beginbfrange\n<0001> <001A> <0061>\nendbfrange\nendcmap\nCMapName currentdict /CMap defineresource pop\nend\nend"
	objs = append(objs, fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(cmap), cmap))
	return writePDF(objs, trailerExtra)
}

// writePDF numbers objs from 1 and writes them with their cross-reference
// table (extract.WriteTestPDF).
var writePDF = extract.WriteTestPDF

// loopingPDF is a PDF whose cross-reference section names itself as the
// previous one (/Prev), which sends the PDF library's reader round the same
// table forever.
func loopingPDF() []byte {
	b := buildPDFWith("BT /F1 12 Tf 72 700 Td (loop) Tj ET", func(xref int) string { return fmt.Sprintf(" /Prev %d", xref) })
	return b
}

// cid encodes lower-case ASCII letters as the two-byte codes of font /F2.
func cid(s string) string {
	var b bytes.Buffer
	b.WriteByte('<')
	for _, r := range s {
		fmt.Fprintf(&b, "%04X", int(r-'a'+1))
	}
	b.WriteByte('>')
	return b.String()
}

// buildPDFPages returns a valid PDF with one page per content stream, all
// using buildPDF's fonts, plus /F3: a CID font with no ToUnicode map, whose
// text cannot be decoded.
func buildPDFPages(contents ...string) []byte {
	n := len(contents)
	// Objects: 1 catalog, 2 pages, 3 F1, 4 F2, 5 F2 descendant, 6 F2 cmap,
	// 7 F3, 8 F3 descendant, then a page and a content stream per page.
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"", // pages, filled below
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
		"<< /Type /Font /Subtype /Type0 /BaseFont /Test /Encoding /Identity-H /DescendantFonts [5 0 R] /ToUnicode 6 0 R >>",
		"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Test /DW 1000 /W [1 26 500] >>",
		"", // cmap, filled below
		"<< /Type /Font /Subtype /Type0 /BaseFont /NoMap /Encoding /Identity-H /DescendantFonts [8 0 R] >>",
		"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /NoMap /DW 500 >>",
	}
	cmap := "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n1 beginbfrange\n<0001> <001A> <0061>\nendbfrange\nendcmap\nCMapName currentdict /CMap defineresource pop\nend\nend"
	objs[5] = fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(cmap), cmap)
	kids := ""
	for i, c := range contents {
		page, stream := 9+2*i, 10+2*i
		kids += fmt.Sprintf("%d 0 R ", page)
		objs = append(objs,
			fmt.Sprintf("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R /F2 4 0 R /F3 7 0 R >> >> /Contents %d 0 R >>", stream),
			fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(c), c))
	}
	objs[1] = fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", kids, n)
	return writePDF(objs, func(int) string { return "" })
}

// textPage draws lines of text with /F1, top to bottom.
func textPage(lines ...string) string {
	var b strings.Builder
	b.WriteString("BT /F1 11 Tf 14 TL 72 740 Td ")
	for _, l := range lines {
		fmt.Fprintf(&b, "(%s) Tj T* ", l)
	}
	b.WriteString("ET")
	return b.String()
}
