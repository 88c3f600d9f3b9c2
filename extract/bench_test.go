package extract_test

import (
	"os"
	"testing"

	"github.com/tailor-cli/tailor/extract"
)

// BenchmarkParsePDF measures extraction of the 2-page pdfTeX sample resume.
func BenchmarkParsePDF(b *testing.B) {
	data, err := os.ReadFile(samples + "strong-dl.pdf")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := extract.ParsePDF("strong-dl.pdf", data, extract.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
