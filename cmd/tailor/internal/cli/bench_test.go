package cli

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkScreen measures screening throughput (resumes/s) on a folder of
// 200 PDFs built from the sample resumes and, when present, the corpus's
// real resumes from many producers.
func BenchmarkScreen(b *testing.B) {
	srcs, _ := filepath.Glob(samples + "*.pdf")
	corpus, _ := filepath.Glob("../../../../../shared/corpus/resumes/*.pdf")
	srcs = append(srcs, corpus...)
	dir := b.TempDir()
	const n = 200
	for i := range n {
		data, err := os.ReadFile(srcs[i%len(srcs)])
		if err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("%04d-%s", i, filepath.Base(srcs[i%len(srcs)]))), data, 0o644); err != nil {
			b.Fatal(err)
		}
	}
	job := "../../../../testdata/jobs/cv-engineer.md"
	b.ResetTimer()
	for b.Loop() {
		code := Run(context.Background(), []string{"tailor", "screen", "--job", job, "--format", "csv", dir}, nil, io.Discard, io.Discard)
		if code != 0 {
			b.Fatalf("exit %d", code)
		}
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "resumes/s")
}
