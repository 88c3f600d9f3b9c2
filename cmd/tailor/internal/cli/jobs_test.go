package cli

import (
	"encoding/json"
	"math"
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

func TestCheck_Baseline(t *testing.T) {
	t.Parallel()
	const versions = "../../../../testdata/versions/"
	args := []string{"check", versions + "data-scientist-v2.md", "--baseline", versions + "data-scientist-v1.md"}
	code, stdout, stderr := run(t, "", append(args, "--format", "json")...)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var rep match.Report
	if err := json.Unmarshal([]byte(stdout), &rep); err != nil {
		t.Fatal(err)
	}
	b := rep.Baseline
	if b == nil {
		t.Fatal("no baseline in the report")
	}
	// The same resume alone scores what the baseline says.
	_, alone, _ := run(t, "", "check", versions+"data-scientist-v1.md", "--format", "json")
	var old match.Report
	if err := json.Unmarshal([]byte(alone), &old); err != nil {
		t.Fatal(err)
	}
	if b.Score != old.Score || b.Change <= 0 || b.Change != round(rep.Score-old.Score) {
		t.Errorf("baseline score %v change %v; the earlier version alone scores %v, the new one %v", b.Score, b.Change, old.Score, rep.Score)
	}
	improved := map[string]match.SkillChange{}
	for _, c := range b.Improved {
		improved[c.ID] = c
	}
	for _, id := range []string{"pytorch", "quantization", "distributed-training"} {
		if c, ok := improved[id]; !ok || c.After != match.Matched {
			t.Errorf("%s: not improved to matched in %+v", id, b.Improved)
		}
	}
	if len(b.Worsened) != 0 {
		t.Errorf("worsened %+v, want none", b.Worsened)
	}
	if !slices.ContainsFunc(b.NewlyMet, func(s string) bool { return strings.HasPrefix(s, "degree: ") }) {
		t.Errorf("newly met %q lacks the degree", b.NewlyMet)
	}
	for _, format := range []string{"text", "markdown", "html"} {
		code, out, _ := run(t, "", append(args, "--format", format)...)
		if code != 0 || !strings.Contains(out, "Since the earlier version") || !strings.Contains(out, "PyTorch (missing → matched)") {
			t.Errorf("%s: exit %d; the change is not shown", format, code)
		}
	}
	if code, _, stderr := run(t, "", "check", versions+"data-scientist-v2.md", "--baseline", versions+"nope.md"); code != 2 || !strings.HasPrefix(stderr, "tailor: baseline ") || !strings.Contains(stderr, "nope.md") {
		t.Errorf("missing baseline: exit %d, %q", code, stderr)
	}
	if code, _, _ := run(t, "", "check", versions+"data-scientist-v2.md", "--baseline", versions+"data-scientist-v1.md",
		"--job", jobs+"cv-engineer.md", "--job", jobs+"ml-platform-engineer.txt"); code != 2 {
		t.Errorf("--baseline with several jobs: exit %d, want 2", code)
	}
}

// round rounds to one decimal, as scores are.
func round(f float64) float64 { return math.Round(f*10) / 10 }
