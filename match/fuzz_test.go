package match

import (
	"os"
	"strings"
	"testing"

	"github.com/tailor-cli/tailor/extract"
)

// FuzzLoadTaxonomy feeds arbitrary YAML to the taxonomy loader: it must
// return a taxonomy or an error naming the file, never panic, and a
// taxonomy it accepts must scan text safely.
func FuzzLoadTaxonomy(f *testing.F) {
	f.Add([]byte(testTaxonomy))
	f.Add([]byte("version: \"1\"\ncategories:\n  - {id: t, name: T}\nskills:\n  - {id: a, name: A, category: t, aliases: [\"C++\", a-b c], not: [x a-b], implies: []}\n"))
	f.Add([]byte("version: 1\nskills: [{id: x}]\n"))
	f.Add([]byte("{{{"))
	f.Fuzz(func(t *testing.T, data []byte) {
		tax, err := LoadTaxonomy("fuzz.yaml", data, nil)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "fuzz.yaml") {
				t.Errorf("error does not name the file: %q", err)
			}
			return
		}
		for _, s := range tax.Skills() {
			if len(s.patterns) == 0 {
				t.Errorf("skill %q compiled no patterns", s.ID)
			}
		}
		tax.scan(Tokenize("Trained CNNs in PyTorch/JAX, C++ and Go 1.22; go-to-market " + string(data)))
	})
}

// FuzzCompare compares arbitrary job and resume texts: the report must keep
// its invariants whatever the input.
func FuzzCompare(f *testing.F) {
	tax := loadTestTaxonomy(f)
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
		r := NewJob("job.md", jobDoc, tax).Compare(resume)
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
