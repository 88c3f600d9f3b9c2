package extract_test

import (
	"bytes"
	"io"
	"os"
	"testing"

	"github.com/ledongthuc/pdf"
	"github.com/tailor-cli/tailor/extract"
)

// benchSample returns the 2-page pdfTeX sample resume's bytes, and sets
// b's bytes per operation to their length.
func benchSample(b *testing.B) []byte {
	b.Helper()
	data, err := os.ReadFile(samples + "strong-dl.pdf")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	return data
}

// BenchmarkParsePDF measures extraction of the 2-page pdfTeX sample resume.
func BenchmarkParsePDF(b *testing.B) {
	data := benchSample(b)
	for b.Loop() {
		if _, err := extract.ParsePDF("strong-dl.pdf", data, extract.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLibraryPlainText measures the PDF library alone reading the
// same sample's text (ledongthuc/pdf's GetPlainText, without positions,
// fonts' widths or layout): the floor under BenchmarkParsePDF that tailor
// does not own.
func BenchmarkLibraryPlainText(b *testing.B) {
	data := benchSample(b)
	for b.Loop() {
		r, err := pdf.NewReader(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			b.Fatal(err)
		}
		rd, err := r.GetPlainText()
		if err != nil {
			b.Fatal(err)
		}
		if n, _ := io.Copy(io.Discard, rd); n == 0 {
			b.Fatal("no text")
		}
	}
}
