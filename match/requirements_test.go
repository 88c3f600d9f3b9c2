package match

import (
	"strings"
	"testing"
	"time"

	"github.com/tailor-cli/tailor/match/internal/fixture"
	"github.com/tailor-cli/tailor/match/job"
)

// reqNow is the present of the requirement tests.
var reqNow = time.Date(2026, time.November, 30, 12, 0, 0, 0, time.UTC)

// requirementsOf compares a resume with a job and returns its requirements
// by kind.
func requirementsOf(t *testing.T, jobText, resume string) map[string]Requirement {
	t.Helper()
	tax := fixture.Taxonomy(t)
	jd := job.New("job.md", fixture.Markdown(t, "job.md", jobText), tax)
	r := CompareAt(jd, fixture.Markdown(t, "cv.md", resume), reqNow)
	out := map[string]Requirement{}
	for _, q := range r.Requirements {
		out[q.Kind] = q
	}
	return out
}

func TestRequirements_Years(t *testing.T) {
	t.Parallel()
	const jobOverall = "# Engineer\n\n## Requirements\n- 5+ years of professional experience.\n"
	const jobArea = "# Engineer\n\n## Requirements\n- 4+ years of experience with PyTorch.\n"
	tests := []struct {
		name, job, resume string
		status            RequirementStatus
		note              string
	}{
		{"overlapping roles count once", jobOverall, `# Ana
## Experience
### Engineer, Acme
Mar 2020 – Jun 2022
- Built services.
### Consultant, Self-employed
2021 – 2023
- Advised clients.
`, RequirementUnmet, "span 2.8 years"}, // Mar 2020 – Dec 2022: a years-only range ends when its last year starts
		{"present is today", jobOverall, `# Ana
## Experience
### Engineer, Acme
05/2019 – present
- Built services.
`, RequirementMet, "span 7.6 years"},
		{"two-digit end year", jobOverall, `# Ana
## Experience
### Engineer, Acme
2015–21
- Built services.
`, RequirementMet, "span 6.0 years"},
		{"years in an area count the roles that show it", jobArea, `# Ana
## Experience
### ML Engineer, Acme
Jan 2023 – present
- Trained models in PyTorch.
### Web Developer, Beta
2015 – 2022
- Built web pages in Python.
`, RequirementUnmet, "showing PyTorch (1 of 2) span 3.9 years"},
		{"an implied skill shows the area", "# E\n\n## Requirements\n- 3+ years of deep learning.\n", `# Ana
## Experience
### ML Engineer, Acme
2019 – 2024
- Trained CNNs for defect detection.
`, RequirementMet, "showing Deep learning (1 of 1) span 5.0 years"},
		{"the area is named before the first comma", "# E\n\n## Requirements\n- 4+ years of software work, at least 2 of them with PyTorch.\n", `# Ana
## Experience
### Web Developer, Beta
2015 – 2022
- Built web pages in Python.
`, RequirementMet, "your 1 dated roles span 7.0 years"},
		{"no dates", jobOverall, "# Ana\n\n## Experience\n- Built services for a long time.\n", RequirementUnknown, "no dated roles"},
		{"the education's dates are not a role's", jobOverall, `# Ana
## Education
BSc Physics, 2010 – 2020
`, RequirementUnknown, "no dated roles"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			q, ok := requirementsOf(t, tt.job, tt.resume)["years"]
			if !ok {
				t.Fatal("no years requirement found")
			}
			if q.Status != tt.status || !strings.Contains(q.Note, tt.note) {
				t.Errorf("status %s, note %q; want %s and a note holding %q", q.Status, q.Note, tt.status, tt.note)
			}
			if q.Status != RequirementUnknown && (q.ResumeEvidence == nil) != (q.Status == RequirementUnmet && strings.Contains(q.Note, "none of")) {
				t.Errorf("resume evidence %+v for status %s", q.ResumeEvidence, q.Status)
			}
		})
	}
}

func TestRequirements_Degree(t *testing.T) {
	t.Parallel()
	const master = "# Engineer\n\n## Requirements\n- MS or PhD in Computer Science.\n"
	const bachelorOrEquivalent = "# Engineer\n\n## Requirements\n- BS/MS in Computer Science or equivalent practical experience.\n"
	tests := []struct {
		name, job, education string
		status               RequirementStatus
		note                 string
	}{
		{"a master's meets a master's", master, "M.Sc. in Machine Learning, Example University (2013 – 2015)", RequirementMet,
			"you name a master's; the job names Computer Science, and yours is none of them"},
		{"the field the job names", master, "MS in Computer Science, 2015", RequirementMet, "in a field the job names (Computer Science)"},
		{"the field by its initials", master, "MSc CS, Example University", RequirementMet, "in a field the job names (Computer Science)"},
		{"a related field", "# E\n\n## Requirements\n- MSc in Statistics, Mathematics or a related field.\n", "MSc Data Science, 2018", RequirementMet,
			"the job names Statistics, Mathematics or a related field: say how yours relates"},
		{"a doctorate meets a master's", master, "Ph.D., Statistics, 2020\n\nB.Sc. Mathematics, 2014", RequirementMet, "you name a doctorate's"},
		{"a bachelor's does not meet a master's", master, "BSc (Hons) Computer Science, 2014 - 2018", RequirementUnmet, "your highest is a bachelor's"},
		{"an unfinished doctorate is not one", master, "PhD candidate in Computer Vision, 2023 – present\n\nB.S., Physics, 2019", RequirementUnmet, "bachelor's"},
		{"the lowest level the job names is asked", bachelorOrEquivalent, "B.S. in Economics, 2012", RequirementMet, "bachelor's or higher asked"},
		{"no education", master, "", RequirementUnknown, "no finished degree"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			resume := "# Ana\n\n## Experience\n- Built things.\n"
			if tt.education != "" {
				resume += "\n## Education\n" + tt.education + "\n"
			}
			q, ok := requirementsOf(t, tt.job, resume)["degree"]
			if !ok {
				t.Fatal("no degree requirement found")
			}
			if q.Status != tt.status || !strings.Contains(q.Note, tt.note) {
				t.Errorf("status %s, note %q; want %s and a note holding %q", q.Status, q.Note, tt.status, tt.note)
			}
		})
	}
	q := requirementsOf(t, bachelorOrEquivalent, "# Ana\n\n## Education\nHigh school diploma, 2010\n\nPursuing a Bachelor's in CS\n")["degree"]
	if q.Status != RequirementUnmet || !strings.Contains(q.Note, "not finished") {
		t.Errorf("unfinished bachelor's: status %s, note %q", q.Status, q.Note)
	}
}

func TestCompare_ExperienceYearsAndHighestDegree(t *testing.T) {
	t.Parallel()
	tax := fixture.Taxonomy(t)
	// A job that asks neither: the resume's facts are reported anyway.
	jd := job.New("job.md", fixture.Markdown(t, "job.md", "# Engineer\n\n## Requirements\n- PyTorch\n"), tax)
	r := CompareAt(jd, fixture.Markdown(t, "cv.md", `# Ana
## Experience
### Engineer, Acme
Jan 2020 – Jun 2021
- Built services.
## Education
PhD candidate in Physics, 2023 – present

M.Eng. in Computing, 2019
`), reqNow)
	if r.ExperienceYears != 1.5 || r.HighestDegree != "master" {
		t.Errorf("experience %v years, degree %q; want 1.5 and master (the doctorate is not finished)", r.ExperienceYears, r.HighestDegree)
	}
	if len(r.Requirements) != 1 || r.Requirements[0].Kind != RequireTitle {
		t.Errorf("requirements %+v, want the title alone", r.Requirements)
	}
}

func TestRequirements_Title(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, job, resume string
		status            RequirementStatus
	}{
		{"the headline carries it, with a level", "# Senior Data Engineer (m/f/d)\n\n## Requirements\n- SQL\n",
			"# Ana\nData Engineer · Leeds\n\n## Experience\n- Built pipelines.\n", RequirementMet},
		{"the latest role carries it", "# Data Engineer\n\n## Requirements\n- SQL\n",
			"# Ana\n\n## Experience\n### Lead Data Engineer, Acme\nMar 2022 – present\n- Built pipelines.\n### Analyst, Beta\n2019 – 2022\n- Wrote SQL.\n", RequirementMet},
		{"an earlier role does not", "# Data Engineer\n\n## Requirements\n- SQL\n",
			"# Ana\n\n## Experience\n### Analyst, Acme\nMar 2022 – present\n- Wrote SQL.\n### Data Engineer, Beta\n2019 – 2022\n- Built pipelines.\n", RequirementUnmet},
		{"a word of the title missing", "# Machine Learning Engineer\n\n## Requirements\n- SQL\n",
			"# Ana\nSoftware Engineer\n\n## Experience\n- Built services.\n", RequirementUnmet},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			q, ok := requirementsOf(t, tt.job, tt.resume)[RequireTitle]
			if !ok {
				t.Fatal("no title requirement")
			}
			if q.Status != tt.status || q.Importance != Preferred || (q.ResumeEvidence != nil) != (tt.status == RequirementMet) {
				t.Errorf("status %s, importance %s, evidence %v; want %s", q.Status, q.Importance, q.ResumeEvidence, tt.status)
			}
			if q.Status == RequirementUnmet && !strings.Contains(q.Note, "if it is true of you") {
				t.Errorf("note %q does not hedge", q.Note)
			}
		})
	}
}
