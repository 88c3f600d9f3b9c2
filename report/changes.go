package report

import (
	"fmt"
	"sort"
	"strings"

	"github.com/tailor-cli/tailor/match"
)

// topChangesShown is how many changes the short form of the text and
// Markdown reports gives in full.
const topChangesShown = 5

// gain is the points a change can win: all of a missing skill's, the half
// of a partial one's not yet earned; none for wording or a missing bullet,
// which are still worth doing.
func gain(r *match.Report, s match.SkillResult) float64 {
	w := r.Breakdown.Preferred.Weight
	if s.Importance == match.Required {
		w = r.Breakdown.Required.Weight
	}
	switch s.Status {
	case match.Missing:
		return w
	case match.Partial:
		return w * (1 - match.PartialCredit)
	}
	return 0
}

// changes returns the skills that have something to change, the n that win
// the most points first (in report order on ties), and the rest.
func changes(r *match.Report, n int) (top, rest []match.SkillResult) {
	var all []match.SkillResult
	for _, s := range r.Skills {
		if s.Suggestion != nil {
			all = append(all, s)
		}
	}
	sort.SliceStable(all, func(i, j int) bool { return gain(r, all[i]) > gain(r, all[j]) })
	if len(all) <= n {
		return all, nil
	}
	return all[:n], all[n:]
}

// gapGroup names the rest of the changes of one kind in one line.
type gapGroup struct {
	Title string
	Names []string
}

// gapGroups sorts the changes not given in full into groups, by kind and
// importance, each naming its skills.
func gapGroups(rest []match.SkillResult) []gapGroup {
	groups := []gapGroup{{Title: "Missing, required"}, {Title: "Missing, preferred"},
		{Title: "Partial: name the broader skill where you show the narrower one"},
		{Title: "Listed in your skills, but no bullet shows it"},
		{Title: "Written in other words than the job's"}}
	for _, s := range rest {
		switch {
		case s.Status == match.Missing && s.Importance == match.Required:
			groups[0].Names = append(groups[0].Names, s.Name)
		case s.Status == match.Missing:
			groups[1].Names = append(groups[1].Names, s.Name)
		case s.Status == match.Partial:
			groups[2].Names = append(groups[2].Names, fmt.Sprintf("%s (you show %s)", s.Name, s.ResumeTerm))
		case s.Suggestion.Kind == match.ShowWork:
			groups[3].Names = append(groups[3].Names, s.Name)
		default:
			groups[4].Names = append(groups[4].Names, fmt.Sprintf("%s (you write %q, the job %q)", s.Name, s.ResumeTerm, s.JobTerm))
		}
	}
	out := groups[:0]
	for _, g := range groups {
		if len(g.Names) > 0 {
			out = append(out, g)
		}
	}
	return out
}

// missingAdvice is the advice the short form says once for the missing
// skills it gives in full.
const missingAdvice = "For a missing skill, only if it is true of you: write the job's word, in a bullet that says what you did with it and in your skills list."

// restAdvice is the advice the short form says once for all the changes it
// only names.
const restAdvice = "The same for each of these, only if true. --detail gives the advice on every one."

// requirementsAdvice explains the marks of the requirements beyond skills.
const requirementsAdvice = "✓ and ✗ come from your roles' dates and your Education; ? is yours to confirm. Not scored."

// baselineLines says what changed since the baseline, one line each: the
// score, the skills improved and worsened, the requirements newly met and
// no longer met; empty lines are left out.
func baselineLines(b *match.Baseline) []string {
	sign := "+"
	if b.Change < 0 {
		sign = ""
	}
	out := []string{fmt.Sprintf("Score %s → %s (%s%s) since %s.", trim1(b.Score), trim1(b.Score+b.Change), sign, trim1(b.Change), b.Resume)}
	changes := func(cs []match.SkillChange) string {
		var parts []string
		for _, c := range cs {
			parts = append(parts, fmt.Sprintf("%s (%s → %s)", c.Name, c.Before, c.After))
		}
		return strings.Join(parts, ", ")
	}
	if len(b.Improved) > 0 {
		out = append(out, "Now shown better: "+changes(b.Improved)+".")
	}
	if len(b.Worsened) > 0 {
		out = append(out, "Shown less well than before: "+changes(b.Worsened)+".")
	}
	if len(b.NewlyMet) > 0 {
		out = append(out, "Newly met: "+strings.Join(b.NewlyMet, "; ")+".")
	}
	if len(b.NoLongerMet) > 0 {
		out = append(out, "No longer met: "+strings.Join(b.NoLongerMet, "; ")+".")
	}
	if len(out) == 1 {
		out = append(out, "No skill or requirement changed status.")
	}
	return out
}

// failedChecks returns the resume checks that did not pass.
func failedChecks(cs []match.Check) []match.Check {
	var out []match.Check
	for _, c := range cs {
		if !c.Passed {
			out = append(out, c)
		}
	}
	return out
}
