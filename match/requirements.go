package match

import (
	"fmt"
	"maps"
	"math"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/tailor-cli/tailor/match/analysis"
	"github.com/tailor-cli/tailor/match/job"
	"github.com/tailor-cli/tailor/match/taxonomy"
	"github.com/tailor-cli/tailor/match/text"
)

// yearsAsked finds the count of years a clause asks: "5+ years", "3-5
// years" (the least), "at least five years".
var yearsAsked = regexp.MustCompile(`(?i)\b(\d{1,2}|[a-z]+)\s*(?:\+|plus)?\s*(?:(?:-|–|to)\s*\d{1,2}\s*\+?\s*)?(?:years?|yrs)\b`)

// checkRequirements states, for each of the job's requirements beyond
// skills, whether the resume meets it, where the resume can say: years of
// experience against the dates of its roles (taking now as the present),
// a degree's level against its Education part (degrees). Other kinds are
// unknown: the person confirms them.
func checkRequirements(qs []job.Requirement, a *analysis.Analysis, tax *taxonomy.Taxonomy, exp analysis.Experience,
	degrees []analysis.Degree) []Requirement {
	rules := a.Rules()
	out := []Requirement{}
	for _, q := range qs {
		r := Requirement{Kind: string(q.Kind), Text: q.Text, Importance: q.Importance, Status: RequirementUnknown, JobEvidence: q.Evidence}
		switch q.Kind {
		case taxonomy.RequireYears:
			checkYears(&r, rules, exp, a, tax)
		case taxonomy.RequireDegree:
			checkDegree(&r, rules, degrees, a)
		}
		out = append(out, r)
	}
	return out
}

// highestDegree returns the highest finished level among degrees, or "".
func highestDegree(rules *taxonomy.Rules, degrees []analysis.Degree) string {
	best := ""
	for _, d := range degrees {
		if !d.Unfinished && (best == "" || rules.DegreeRank(d.Level) < rules.DegreeRank(taxonomy.DegreeLevel(best))) {
			best = string(d.Level)
		}
	}
	return best
}

// checkYears compares the years a clause asks with the resume's: the
// months its dated roles span, overlaps once. Years asked in an area
// ("4+ years of PyTorch", "of building deep learning models") count the
// roles whose text shows a skill named after the years (up to a comma),
// or a narrower one.
func checkYears(r *Requirement, rules *taxonomy.Rules, exp analysis.Experience, a *analysis.Analysis, tax *taxonomy.Taxonomy) {
	asked, rest := -1, ""
	for _, m := range yearsAsked.FindAllStringSubmatchIndex(r.Text, -1) {
		if n, ok := rules.Number(r.Text[m[2]:m[3]]); ok && n > 0 {
			asked, rest = n, r.Text[m[1]:]
			break
		}
	}
	// The area is named right after the years, up to the first comma:
	// "4+ years of software engineering, at least 2 of them on ML
	// infrastructure" asks four years overall.
	if k := strings.IndexAny(rest, ",;()"); k >= 0 {
		rest = rest[:k]
	}
	if asked < 0 {
		r.Note = "tailor could not read how many years the job asks"
		return
	}
	if len(exp.Roles) == 0 {
		r.Note = fmt.Sprintf("%d years asked; no dated roles found under an Experience heading", asked)
		return
	}
	// The area: the skills the clause names.
	area := map[string]string{}
	for _, h := range tax.Scan(text.Tokenize(rest)) {
		if !h.Ambiguous {
			area[h.Skill.ID] = h.Skill.Name
		}
	}
	roles, months := exp.Roles, exp.Months
	what := ""
	if len(area) > 0 {
		roles = nil
		for k, body := range exp.Bodies {
			if showsArea(a, body, area, tax) {
				roles = append(roles, exp.Roles[k])
			}
		}
		months = analysis.Months(roles)
		names := slices.Sorted(maps.Values(area))
		what = strings.Join(names, " or ")
	}
	r.Status = RequirementUnmet
	if months >= asked*12 {
		r.Status = RequirementMet
	}
	if len(roles) > 0 {
		ev := a.Evidence(taxonomy.Hit{Start: roles[0].Offset, End: roles[0].Offset + len(roles[0].Text)}, "Experience")
		r.ResumeEvidence = &ev
	}
	switch {
	case len(roles) == 0:
		r.Note = fmt.Sprintf("%d years asked; none of your %d dated roles shows %s", asked, len(exp.Roles), what)
	case len(area) == 0:
		r.Note = fmt.Sprintf("%d years asked; your %d dated roles span %.1f years", asked, len(roles), yearsOf(months))
	default:
		r.Note = fmt.Sprintf("%d years asked; your roles showing %s (%d of %d) span %.1f years", asked, what, len(roles), len(exp.Roles), yearsOf(months))
	}
}

// showsArea reports whether the resume's text in body shows one of the
// area's skills, or a narrower skill that implies one.
func showsArea(a *analysis.Analysis, body text.Span, area map[string]string, tax *taxonomy.Taxonomy) bool {
	for _, h := range a.Hits {
		if h.Start < body.Start || h.End > body.End {
			continue
		}
		if _, ok := area[h.Skill.ID]; ok {
			return true
		}
		for _, id := range tax.Implied(h.Skill.ID) {
			if _, ok := area[id]; ok {
				return true
			}
		}
	}
	return false
}

// checkDegree compares the lowest degree level a clause names with the
// highest finished one the resume's Education part names.
func checkDegree(r *Requirement, rules *taxonomy.Rules, degrees []analysis.Degree, a *analysis.Analysis) {
	levels := rules.DegreeLevels(r.Text)
	if len(levels) == 0 {
		r.Note = "tailor could not read which degree the job asks"
		return
	}
	asked := levels[len(levels)-1]
	equivalent := rules.Has(taxonomy.CueEquivalent, r.Text)
	var best *analysis.Degree
	for k := range degrees {
		d := &degrees[k]
		if d.Unfinished {
			continue
		}
		if best == nil || rules.DegreeRank(d.Level) < rules.DegreeRank(best.Level) {
			best = d
		}
	}
	if best == nil {
		r.Note = fmt.Sprintf("%s's or higher asked; no finished degree found under an Education heading", asked)
		if len(degrees) > 0 {
			r.Status = RequirementUnmet
			ev := a.Evidence(taxonomy.Hit{Start: degrees[0].Start, End: degrees[0].Start}, "Education")
			r.ResumeEvidence = &ev
			r.Note = fmt.Sprintf("%s's or higher asked; your degree is not finished", asked)
		}
		return
	}
	ev := a.Evidence(taxonomy.Hit{Start: best.Start, End: best.Start}, "Education")
	r.ResumeEvidence = &ev
	if rules.DegreeRank(best.Level) <= rules.DegreeRank(asked) {
		r.Status = RequirementMet
		r.Note = fmt.Sprintf("%s's or higher asked; you name a %s's", asked, best.Level)
	} else {
		r.Status = RequirementUnmet
		r.Note = fmt.Sprintf("%s's or higher asked; your highest is a %s's", asked, best.Level)
		if equivalent {
			r.Note += "; equivalent experience is accepted: say what yours is"
		}
	}
	// The field is a note, not the status: "a related field" is the
	// reader's call.
	fields := degreeFields(r.Text, rules)
	if len(fields) == 0 {
		return
	}
	line := strings.ToLower(a.Doc.Text[best.Start:best.End])
	words := strings.FieldsFunc(line, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	for _, f := range fields {
		if strings.Contains(line, strings.ToLower(f)) || initials(f) != "" && slices.Contains(words, initials(f)) {
			r.Note += fmt.Sprintf("; in a field the job names (%s)", f)
			return
		}
	}
	r.Note += fmt.Sprintf("; the job names %s", strings.Join(fields, ", "))
	if rules.Has(taxonomy.CueRelatedField, r.Text) {
		r.Note += " or a related field: say how yours relates"
	} else {
		r.Note += ", and yours is none of them"
	}
}

// degreeIn finds where a degree clause names its fields: after its last
// "in" ("a Master of Science in Nursing", "BS/MS in Computer Science,
// Statistics or a related field").
var degreeIn = regexp.MustCompile(`(?i)\bin\s+`)

// fieldBreaks separate the fields of a list: "A, B or C", "A/B".
var fieldBreaks = regexp.MustCompile(`(?i),|/|\bor\b|\band\b`)

// degreeFields returns the fields a degree clause names, without the
// related or equivalent alternatives; none when it names no field.
func degreeFields(clause string, rules *taxonomy.Rules) []string {
	ms := degreeIn.FindAllStringIndex(clause, -1)
	if len(ms) == 0 {
		return nil
	}
	rest := clause[ms[len(ms)-1][1]:]
	if k := strings.IndexAny(rest, ".;()"); k >= 0 {
		rest = rest[:k]
	}
	var out []string
	for _, part := range fieldBreaks.Split(rest, -1) {
		part = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(part), "a "))
		if part == "" || len(strings.Fields(part)) > 4 || rules.Has(taxonomy.CueRelatedField, part) || rules.Has(taxonomy.CueEquivalent, part) {
			continue
		}
		out = append(out, part)
	}
	return out
}

// initials returns the lower-case initials of a field of two or more
// words ("computer science" → "cs"), or "" for one word.
func initials(field string) string {
	ws := strings.Fields(field)
	if len(ws) < 2 {
		return ""
	}
	var sb strings.Builder
	for _, w := range ws {
		r, _ := utf8.DecodeRuneInString(w)
		sb.WriteRune(unicode.ToLower(r))
	}
	return sb.String()
}

// yearsOf puts months in years, to one decimal.
func yearsOf(months int) float64 { return math.Round(float64(months)*10/12) / 10 }
