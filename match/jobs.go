package match

import (
	"cmp"
	"slices"
)

// JobRank is one job in the ranking of several jobs against one resume.
type JobRank struct {
	// Rank is the 1-based position, by score (highest first), then by job.
	Rank int `json:"rank"`
	// Job and JobTitle name the job (its file, its title).
	Job      string `json:"job"`
	JobTitle string `json:"job_title"`
	// Score is the report's score.
	Score float64 `json:"score"`
	// MissingRequired names up to three missing required skills, in the
	// report's order.
	MissingRequired []string `json:"missing_required"`
	// UnmetRequirements are the job's required asks beyond skills the
	// resume does not meet, as "kind: the job's words".
	UnmetRequirements []string `json:"unmet_requirements"`
	// Report is the full gap report.
	Report *Report `json:"report"`
}

// RankJobs orders the reports of one resume against several jobs, best
// fit first.
func RankJobs(reports []*Report) []JobRank {
	out := make([]JobRank, 0, len(reports))
	for _, r := range reports {
		missing := r.MissingRequired()
		jr := JobRank{Job: r.Job, JobTitle: r.JobTitle, Score: r.Score, MissingRequired: append([]string{}, missing[:min(3, len(missing))]...),
			UnmetRequirements: []string{}, Report: r}
		for _, q := range r.Requirements {
			if q.Status == RequirementUnmet && q.Importance == Required {
				jr.UnmetRequirements = append(jr.UnmetRequirements, q.Kind+": "+q.Text)
			}
		}
		out = append(out, jr)
	}
	slices.SortStableFunc(out, func(a, b JobRank) int {
		if c := cmp.Compare(b.Score, a.Score); c != 0 {
			return c
		}
		return cmp.Compare(a.Job, b.Job)
	})
	for k := range out {
		out[k].Rank = k + 1
	}
	return out
}
