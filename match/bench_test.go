package match_test

import (
	"testing"

	"github.com/tailor-cli/tailor/extract"
	"github.com/tailor-cli/tailor/match"
)

const strongPDF = "../testdata/samples/strong-dl.pdf"

func readSample(b *testing.B) *extract.Document {
	b.Helper()
	doc, err := extract.Read(strongPDF, extract.Options{})
	if err != nil {
		b.Fatal(err)
	}
	return doc
}

func builtinJob(b *testing.B) *match.Job {
	b.Helper()
	tax, err := match.BuiltinTaxonomy()
	if err != nil {
		b.Fatal(err)
	}
	doc, err := match.ProfileDocument(match.DefaultProfile)
	if err != nil {
		b.Fatal(err)
	}
	return match.NewJob(doc.Path, doc, tax)
}

// BenchmarkTokenize measures prose tokenizing plus tailor's inner splits on
// the 2-page sample resume's text.
func BenchmarkTokenize(b *testing.B) {
	text := readSample(b).Text
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		match.Tokenize(text)
	}
}

// BenchmarkCompare measures matching one extracted resume against an
// analysed job: the per-resume cost of batch screening.
func BenchmarkCompare(b *testing.B) {
	doc := readSample(b)
	job := builtinJob(b)
	b.ReportAllocs()
	for b.Loop() {
		job.Compare(doc)
	}
}

// BenchmarkCheck measures a whole check from PDF bytes: taxonomy load, job
// analysis, extraction and comparison, as one `tailor check` does.
func BenchmarkCheck(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		job := builtinJob(b)
		job.Compare(readSample(b))
	}
}
