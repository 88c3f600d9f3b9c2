package report_test

import (
	"bytes"
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/tailor-cli/tailor/match"
	"github.com/tailor-cli/tailor/report"
)

// shortlist builds a batch of n ranked rows from the sample reports, with
// scores spread over 0-100, plus one failed and one skipped file with
// hostile names.
func shortlist(t *testing.T, n int) report.Batch {
	t.Helper()
	var samples []*match.Report
	for _, name := range []string{"strong-dl", "partial-ml", "web-dev-decoys"} {
		samples = append(samples, sampleReports(t)[name])
	}
	rows := make([]match.Row, 0, n+2)
	for i := range n {
		r := *samples[i%len(samples)]
		r.Score = float64((n-i)*1000/n) / 10 // descending, as ranked
		rows = append(rows, match.Row{File: fmt.Sprintf("cv/candidate-%05d.pdf", i+1), Status: match.RowOK, Rank: i + 1, Report: &r})
	}
	rows = append(rows,
		match.Row{File: `cv/<img src=x onerror="window.pwned=1">.pdf`, Status: match.RowError, Error: `cv/<script>window.pwned=1</script>.pdf: not a PDF`},
		match.Row{File: "cv/\u202eskipped.exe", Status: match.RowSkipped, Error: "not a resume file type"})
	return report.Batch{
		Job:         "builtin:deep-learning-engineer",
		Summary:     match.Summary{Ranked: n, Failed: 1, Skipped: 1, Total: n + 2},
		ShowSkipped: true,
		Rows: func(fn func(match.Row) error) error {
			for _, r := range rows {
				if err := fn(r); err != nil {
					return err
				}
			}
			return nil
		},
	}
}

func writeShortlist(t *testing.T, b report.Batch) string {
	t.Helper()
	w, err := report.NewBatch("html", report.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := w.WriteBatch(&buf, b); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

// TestShortlistHTML_EveryFileOnce checks that every input has exactly one
// row, failed and skipped ones included, and the histogram counts every
// ranked one.
func TestShortlistHTML_EveryFileOnce(t *testing.T) {
	page := writeShortlist(t, shortlist(t, 40))
	if n := len(regexp.MustCompile(`<tr class="(ok|error|skipped)"`).FindAllString(page, -1)); n != 42 {
		t.Errorf("%d rows, want 42", n)
	}
	for i := 1; i <= 40; i++ {
		if c := strings.Count(page, fmt.Sprintf(`data-name="cv/candidate-%05d.pdf"`, i)); c != 1 {
			t.Fatalf("candidate %d appears %d times", i, c)
		}
	}
	total := 0
	for _, m := range regexp.MustCompile(`<title>\d+–\d+: (\d+)</title>`).FindAllStringSubmatch(page, -1) {
		var c int
		fmt.Sscan(m[1], &c)
		total += c
	}
	if total != 40 {
		t.Errorf("histogram counts %d candidates, want 40", total)
	}
	// By default a file that is no resume is counted, not listed.
	b := shortlist(t, 40)
	b.ShowSkipped = false
	page = writeShortlist(t, b)
	if n := len(regexp.MustCompile(`<tr class="(ok|error|skipped)"`).FindAllString(page, -1)); n != 41 || strings.Contains(page, "skipped.exe") ||
		!strings.Contains(page, "1 skipped") {
		t.Errorf("without --show-skipped: %d rows, or the skipped file listed, or not counted", n)
	}
	if !strings.Contains(page, `<option value="pytorch">PyTorch</option>`) {
		t.Error("no required-skill filter for PyTorch")
	}
}

// TestShortlistHTML_HostileNamesAreText checks that file names and errors
// reach the page as text.
func TestShortlistHTML_HostileNamesAreText(t *testing.T) {
	page := writeShortlist(t, shortlist(t, 3))
	if n := strings.Count(page, "<script"); n != 1 {
		t.Errorf("%d <script elements, want only the page's own", n)
	}
	for _, bad := range []string{"<img", "\u202e"} {
		if strings.Contains(page, bad) {
			t.Errorf("page contains %q", bad)
		}
	}
	if !strings.Contains(page, "&lt;script&gt;window.pwned=1&lt;/script&gt;") {
		t.Error("the error's markup is not shown as text")
	}
	if externalRef.MatchString(strings.ReplaceAll(page, "src=x", "")) {
		t.Error("page refers to something to load")
	}
}

// TestShortlistHTML_NameAndLink: a row shows the candidate's name and
// links to the resume by its path relative to the page's folder, escaped;
// without a folder (blind screening) there is no link.
func TestShortlistHTML_NameAndLink(t *testing.T) {
	t.Parallel()
	base := t.TempDir()
	file := filepath.Join(base, "cv", "Jo Bloggs #1.pdf")
	r := *sampleReports(t)["strong-dl"]
	b := report.Batch{Job: "job.md", Summary: match.Summary{Ranked: 1, Total: 1}, FileBase: base,
		Rows: func(fn func(match.Row) error) error {
			return fn(match.Row{File: file, Status: match.RowOK, Rank: 1, Name: "Jo Bloggs", Email: "jo@example.com", Report: &r})
		}}
	page := writeShortlist(t, b)
	for _, want := range []string{`<summary><bdi>Jo Bloggs</bdi> · `, `href="cv/Jo%20Bloggs%20%231.pdf"`, "jo@example.com"} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %q", want)
		}
	}
	b.FileBase = ""
	if page := writeShortlist(t, b); strings.Contains(page, "href=\"cv/") {
		t.Error("a page without a folder links the file")
	}
}
