package text_test

import (
	"testing"

	"github.com/tailor-cli/tailor/extract"
	"github.com/tailor-cli/tailor/match/text"
)

// BenchmarkTokenize measures prose tokenizing plus tailor's inner splits on
// the 2-page sample resume's text.
func BenchmarkTokenize(b *testing.B) {
	doc, err := extract.Read("../../testdata/samples/strong-dl.pdf", extract.Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(doc.Text)))
	b.ReportAllocs()
	for b.Loop() {
		text.Tokenize(doc.Text)
	}
}
