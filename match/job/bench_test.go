package job_test

import (
	"testing"

	"github.com/tailor-cli/tailor/extract"
	"github.com/tailor-cli/tailor/match/job"
	"github.com/tailor-cli/tailor/match/taxonomy"
)

// BenchmarkJob measures analysing the longest bundled job ad
// (testdata/jobs/nlp-research-engineer.txt): what every check with --job
// and every screening run pays once.
func BenchmarkJob(b *testing.B) {
	doc, err := extract.Read("../../testdata/jobs/nlp-research-engineer.txt", extract.Options{})
	if err != nil {
		b.Fatal(err)
	}
	tax, err := taxonomy.Builtin()
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		job.New(doc.Path, doc, tax)
	}
}
