package match

import "math"

// Baseline compares a report with the one an earlier version of the
// resume got against the same job: what the edit changed.
type Baseline struct {
	// Resume is the earlier version's file.
	Resume string `json:"resume"`
	// Score is the earlier version's score; Change is the score now less
	// it.
	Score  float64 `json:"score"`
	Change float64 `json:"change"`
	// Improved are the skills whose status rose (missing to partial or
	// matched, partial to matched); Worsened those whose status fell.
	Improved []SkillChange `json:"improved"`
	Worsened []SkillChange `json:"worsened"`
	// NewlyMet are the requirements beyond skills met now and not before;
	// NoLongerMet the reverse. Each is "kind: the job's words".
	NewlyMet    []string `json:"newly_met"`
	NoLongerMet []string `json:"no_longer_met"`
}

// SkillChange is a skill whose status an edit changed.
type SkillChange struct {
	// ID and Name name the skill (or keyword ask).
	ID   string `json:"id"`
	Name string `json:"name"`
	// Before and After are its statuses in the two versions.
	Before Status `json:"before"`
	After  Status `json:"after"`
	// Importance is required or preferred.
	Importance Importance `json:"importance"`
}

// statusRank orders statuses from worst to best.
var statusRank = map[Status]int{Missing: 0, Partial: 1, Matched: 2}

// CompareBaseline sets now.Baseline to what changed since before, the
// report an earlier version of the same resume got against the same job.
func CompareBaseline(now, before *Report) {
	b := &Baseline{Resume: before.Resume, Score: before.Score, Change: round1(now.Score - before.Score),
		Improved: []SkillChange{}, Worsened: []SkillChange{}, NewlyMet: []string{}, NoLongerMet: []string{}}
	was := map[string]Status{}
	for _, s := range before.Skills {
		was[s.ID] = s.Status
	}
	for _, s := range now.Skills {
		old, ok := was[s.ID]
		if !ok || old == s.Status {
			continue
		}
		c := SkillChange{ID: s.ID, Name: s.Name, Before: old, After: s.Status, Importance: s.Importance}
		if statusRank[s.Status] > statusRank[old] {
			b.Improved = append(b.Improved, c)
		} else {
			b.Worsened = append(b.Worsened, c)
		}
	}
	met := func(r *Report) map[string]bool {
		out := map[string]bool{}
		for _, q := range r.Requirements {
			if q.Status == RequirementMet {
				out[q.Kind+": "+q.Text] = true
			}
		}
		return out
	}
	metBefore, metNow := met(before), met(now)
	for _, q := range now.Requirements {
		key := q.Kind + ": " + q.Text
		switch {
		case metNow[key] && !metBefore[key]:
			b.NewlyMet = append(b.NewlyMet, key)
		case !metNow[key] && metBefore[key]:
			b.NoLongerMet = append(b.NoLongerMet, key)
		}
	}
	now.Baseline = b
}

// round1 rounds to one decimal, as scores are.
func round1(f float64) float64 { return math.Round(f*10) / 10 }
