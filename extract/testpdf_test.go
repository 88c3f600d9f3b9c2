package extract

import (
	"bytes"
	"fmt"
)

// WriteTestPDF numbers objs from 1 and writes them as a PDF with their
// cross-reference table; trailerExtra adds entries to the trailer, given
// the table's offset. It lives in a test file of the package so that the
// package's own tests and its external tests (extract_test) share it.
func WriteTestPDF(objs []string, trailerExtra func(xref int) string) []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n")
	offsets := make([]int, len(objs))
	for i, o := range objs {
		offsets[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, off := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R%s >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, trailerExtra(xref), xref)
	return b.Bytes()
}
