package match

import (
	"fmt"
	"strings"
)

// suggest returns the change to make for one job skill, or nil when the
// resume already shows it in the job's own words. Advice never claims the
// skill: additions are conditional, templates have blanks.
func suggest(js jobSkill, res SkillResult) *Suggestion {
	term := js.term
	switch res.Status {
	case Missing:
		return &Suggestion{
			Kind: Add, Term: term, Template: template(js.skill, term),
			Advice: fmt.Sprintf("The job asks for %s (%s) and the resume does not show it. If you have used it, write \"%s\" as the job does, in a bullet that says what you did with it and in your skills list.",
				term, js.importance, term),
		}
	case Partial:
		return &Suggestion{
			Kind: Name, Term: term, Template: template(js.skill, term),
			Advice: fmt.Sprintf("You show %s; the job asks for %s. If that work counts, write \"%s (%s)\" so a search for \"%s\" finds it.",
				res.ResumeTerm, term, term, res.ResumeTerm, term),
		}
	default:
		if sameTerm(res.ResumeTerm, term) {
			return nil
		}
		return &Suggestion{
			Kind: Align, Term: term,
			Advice: fmt.Sprintf("You write \"%s\"; the job writes \"%s\". Applicant tracking systems search literally: use the job's term too, e.g. \"%s (%s)\".",
				res.ResumeTerm, term, res.ResumeTerm, term),
		}
	}
}

// template returns the skill's bullet template, or a generic one naming
// the job's term.
func template(s *Skill, term string) string {
	if t := strings.TrimSpace(s.Template); t != "" {
		return t
	}
	return fmt.Sprintf("Used %s to [what you built or improved], [result, with a number]", term)
}
