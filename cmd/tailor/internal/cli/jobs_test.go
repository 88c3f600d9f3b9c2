package cli

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/tailor-cli/tailor/match"
)

const jobs = "../../../../testdata/jobs/"

func TestCheck_SeveralJobs(t *testing.T) {
	t.Parallel()
	args := []string{"check", samples + "strong-dl.pdf", "--job", jobs + "cv-engineer.md", "--job", jobs + "ml-platform-engineer.txt",
		"-j", jobs + "nlp-research-engineer.txt"}
	code, stdout, stderr := run(t, "", append(args, "--format", "json")...)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var ranked []match.JobRank
	if err := json.Unmarshal([]byte(stdout), &ranked); err != nil {
		t.Fatalf("not a JSON array: %v", err)
	}
	if len(ranked) != 3 {
		t.Fatalf("%d jobs ranked, want 3", len(ranked))
	}
	var files []string
	for k, j := range ranked {
		if j.Rank != k+1 || j.Report == nil || j.Report.Score != j.Score || j.JobTitle == "" {
			t.Errorf("entry %d: rank %d, score %v, title %q, report %v", k, j.Rank, j.Score, j.JobTitle, j.Report != nil)
		}
		if k > 0 && j.Score > ranked[k-1].Score {
			t.Errorf("job %d scores %v, above the one before it (%v)", k+1, j.Score, ranked[k-1].Score)
		}
		files = append(files, j.Job)
	}
	slices.Sort(files)
	if want := []string{jobs + "cv-engineer.md", jobs + "ml-platform-engineer.txt", jobs + "nlp-research-engineer.txt"}; !slices.Equal(files, want) {
		t.Errorf("jobs %q, want %q", files, want)
	}
	// The text table names each job's title and file, in the same order.
	code, stdout, _ = run(t, "", args...)
	if code != 0 {
		t.Fatalf("text: exit %d", code)
	}
	last := -1
	for _, j := range ranked {
		k := strings.Index(stdout, j.JobTitle+" ("+j.Job+")")
		if k < last {
			t.Errorf("text table: %q missing or out of order:\n%s", j.JobTitle, stdout)
		}
		last = k
	}
	// --min-score: exit 1 only when no job reaches it.
	if code, _, _ := run(t, "", append(args, "--min-score", trimScore(ranked[0].Score))...); code != 0 {
		t.Errorf("min-score at the best job's score: exit %d, want 0", code)
	}
	if code, _, _ := run(t, "", append(args, "--min-score", trimScore(ranked[0].Score+0.5))...); code != 1 {
		t.Errorf("min-score above every job: exit %d, want 1", code)
	}
	for _, format := range []string{"markdown", "html"} {
		code, out, stderr := run(t, "", append(args, "--format", format)...)
		if code != 0 || !strings.Contains(out, ranked[0].JobTitle) {
			t.Errorf("%s: exit %d, %s; output lacks the best job", format, code, stderr)
		}
	}
	if code, _, stderr := run(t, "x", "check", samples+"strong-dl.pdf", "--job", "-", "--job", "-"); code != 2 || !strings.Contains(stderr, "more than once") {
		t.Errorf("--job - twice: exit %d, %q", code, stderr)
	}
}

func trimScore(f float64) string {
	b, _ := json.Marshal(f)
	return string(b)
}
