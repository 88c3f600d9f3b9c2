package match_test

import (
	"strings"
	"testing"

	"github.com/tailor-cli/tailor/extract"
	"github.com/tailor-cli/tailor/match"
	"github.com/tailor-cli/tailor/match/job"
	"github.com/tailor-cli/tailor/match/taxonomy"
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

func builtinJob(b *testing.B) *job.Job {
	b.Helper()
	tax, err := taxonomy.Builtin()
	if err != nil {
		b.Fatal(err)
	}
	doc, err := job.ProfileDocument(job.DefaultProfile)
	if err != nil {
		b.Fatal(err)
	}
	return job.New(doc.Path, doc, tax)
}

// BenchmarkCompare measures matching one extracted resume against an
// analysed job: the per-resume cost of batch screening.
func BenchmarkCompare(b *testing.B) {
	doc := readSample(b)
	jd := builtinJob(b)
	b.ReportAllocs()
	for b.Loop() {
		match.Compare(jd, doc)
	}
}

// BenchmarkCheck measures a whole check from PDF bytes: taxonomy load, job
// analysis, extraction and comparison, as one `tailor check` does.
func BenchmarkCheck(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		jd := builtinJob(b)
		match.Compare(jd, readSample(b))
	}
}

// BenchmarkCompareLong measures matching a 50-page resume (the sample's
// text 25 times) against the built-in job: comparison must grow with the
// resume's length, not its square.
func BenchmarkCompareLong(b *testing.B) {
	one := readSample(b)
	long, err := extract.ReadText("long.txt", []byte(strings.Repeat(one.Text+"\n\n", 25)), extract.FormatText)
	if err != nil {
		b.Fatal(err)
	}
	jd := builtinJob(b)
	b.ReportAllocs()
	for b.Loop() {
		match.Compare(jd, long)
	}
}
