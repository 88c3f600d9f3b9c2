package cli

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"testing"

	"github.com/tailor-cli/tailor/extract"
	"github.com/tailor-cli/tailor/match"
)

// benchFolder writes n PDFs built from the sample resumes and, when
// present, the corpus's real resumes from many producers.
func benchFolder(b *testing.B, n int) string {
	srcs, _ := filepath.Glob(samples + "*.pdf")
	corpus, _ := filepath.Glob("../../../../../shared/corpus/resumes/*.pdf")
	srcs = append(srcs, corpus...)
	dir := b.TempDir()
	for i := range n {
		data, err := os.ReadFile(srcs[i%len(srcs)])
		if err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("%04d-%s", i, filepath.Base(srcs[i%len(srcs)]))), data, 0o644); err != nil {
			b.Fatal(err)
		}
	}
	return dir
}

// BenchmarkScreen measures screening throughput (resumes/s) on 200 PDFs,
// as tailor screen runs it: worker processes, spooled rows, CSV output.
func BenchmarkScreen(b *testing.B) {
	const n = 200
	dir := benchFolder(b, n)
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

// BenchmarkScreenInProcess does the same work without worker processes:
// two goroutines reading and comparing the same 200 PDFs. The difference
// from BenchmarkScreen is the cost of isolating files in processes.
func BenchmarkScreenInProcess(b *testing.B) {
	const n = 200
	dir := benchFolder(b, n)
	tax, err := loadTaxonomy("")
	if err != nil {
		b.Fatal(err)
	}
	jd, err := loadJob("../../../../testdata/jobs/cv-engineer.md", nil, tax, extract.Options{})
	if err != nil {
		b.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.pdf"))
	b.ResetTimer()
	for b.Loop() {
		var wg sync.WaitGroup
		work := make(chan string)
		for range runtime.NumCPU() {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for f := range work {
					if doc, err := extract.Read(f, extract.Options{}); err == nil {
						match.Compare(jd, doc)
					}
				}
			}()
		}
		for _, f := range files {
			work <- f
		}
		close(work)
		wg.Wait()
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "resumes/s")
}
