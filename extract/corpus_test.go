package extract_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/tailor-cli/tailor/extract"
)

// corpus is the shared folder of real-world documents beside the project.
const corpus = "../../shared/corpus"

// corpusFiles returns the files matching pattern in the corpus, or skips
// the test when the corpus is absent.
func corpusFiles(t *testing.T, pattern string) []string {
	t.Helper()
	if _, err := os.Stat(filepath.Join(corpus, "MANIFEST.tsv")); err != nil {
		t.Skipf("corpus not found at %s (it sits beside the project in CI): %v", corpus, err)
	}
	files, err := filepath.Glob(filepath.Join(corpus, pattern))
	if err != nil || len(files) == 0 {
		t.Fatalf("no files match %s: %v", pattern, err)
	}
	return files
}

// TestCorpus_Resumes reads every real resume PDF: each must give text with
// words, sections and no undecodable characters.
func TestCorpus_Resumes(t *testing.T) {
	t.Parallel()
	for _, p := range corpusFiles(t, "resumes/*.pdf") {
		t.Run(filepath.Base(p), func(t *testing.T) {
			t.Parallel()
			doc, err := extract.Read(p, extract.Options{})
			if err != nil {
				t.Fatal(err)
			}
			if n := len(strings.Fields(doc.Text)); n < 40 {
				t.Errorf("only %d words", n)
			}
			if strings.ContainsRune(doc.Text, '\uFFFD') {
				t.Errorf("text holds U+FFFD")
			}
			checkDocument(t, doc)
		})
	}
}

// TestCorpus_Broken reads every malformed or hostile PDF: each must end
// quickly with a result or a one-line error naming the file, never a
// panic.
func TestCorpus_Broken(t *testing.T) {
	t.Parallel()
	for _, p := range corpusFiles(t, "broken/*.pdf") {
		t.Run(filepath.Base(p), func(t *testing.T) {
			t.Parallel()
			type result struct {
				doc *extract.Document
				err error
			}
			done := make(chan result, 1)
			go func() {
				doc, err := extract.Read(p, extract.Options{})
				done <- result{doc, err}
			}()
			var r result
			select {
			case r = <-done:
			case <-time.After(2 * time.Minute): // a guard against a hang, not a speed check
				t.Fatal("still reading after 2 minutes")
			}
			if r.err == nil {
				checkDocument(t, r.doc)
				if r.doc.Pages > 5 {
					t.Errorf("%d pages from a one-page file", r.doc.Pages)
				}
				return
			}
			msg := r.err.Error()
			if !strings.HasPrefix(msg, p) || strings.Contains(msg, "\n") {
				t.Errorf("error is not one line naming the file: %q", msg)
			}
			for _, bad := range []string{"panic", "goroutine", "runtime error"} {
				if strings.Contains(msg, bad) {
					t.Errorf("error mentions %q: %s", bad, msg)
				}
			}
			known := []error{extract.ErrNotPDF, extract.ErrMalformed, extract.ErrNoText, extract.ErrEncrypted}
			if !containsErr(r.err, known) {
				t.Errorf("error %q is none of the sentinel errors", msg)
			}
		})
	}
}

func containsErr(err error, targets []error) bool {
	for _, t := range targets {
		if errors.Is(err, t) {
			return true
		}
	}
	return false
}
