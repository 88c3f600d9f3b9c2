package match

import (
	"os"
	"testing"

	"github.com/tailor-cli/tailor/extract"
	"github.com/tailor-cli/tailor/match/internal/fixture"
	"github.com/tailor-cli/tailor/match/job"
)

// FuzzCompare compares arbitrary job and resume texts: the report must keep
// its invariants whatever the input.
func FuzzCompare(f *testing.F) {
	tax := fixture.Taxonomy(f)
	f.Add("## Requirements\n- PyTorch or TensorFlow; Go is a plus.\n", "Built LSTMs in PyTorch.\n• R. Lee, CVPR.")
	for _, p := range []string{"../testdata/jobs/cv-engineer.md", "../testdata/samples/strong-dl.md"} {
		if data, err := os.ReadFile(p); err == nil {
			f.Add(string(data), string(data))
		}
	}
	f.Fuzz(func(t *testing.T, jobText, resumeText string) {
		jobDoc, err := extract.ReadText("job.md", []byte(jobText), extract.FormatMarkdown)
		if err != nil {
			return
		}
		resume, err := extract.ReadText("cv.md", []byte(resumeText), extract.FormatMarkdown)
		if err != nil {
			return
		}
		r := Compare(job.New("job.md", jobDoc, tax), resume)
		if r.Score < 0 || r.Score > 100 {
			t.Fatalf("score %v", r.Score)
		}
		seen := map[string]bool{}
		for _, s := range r.Skills {
			if seen[s.ID] {
				t.Errorf("skill %s reported twice", s.ID)
			}
			seen[s.ID] = true
			if s.Status != Matched && s.Suggestion == nil {
				t.Errorf("%s %s has no suggestion", s.Status, s.ID)
			}
			for _, e := range append(append([]Evidence{}, s.JobEvidence...), s.ResumeEvidence...) {
				if e.TermStart < 0 || e.TermStart > e.TermEnd || e.TermEnd > len(e.Text) || e.Line < 1 {
					t.Errorf("%s: evidence %+v out of range", s.ID, e)
				}
			}
		}
		b := r.Breakdown
		if b.Required.Total+b.Preferred.Total != len(r.Skills) || b.Earned > b.Possible {
			t.Errorf("breakdown %+v for %d skills", b, len(r.Skills))
		}
	})
}
