package match

import (
	"fmt"
	"slices"
	"strings"
)

// suggest returns the change to make for one job skill, or nil when the
// resume already shows it in the job's own words. Advice never claims the
// skill: additions are conditional, templates have blanks.
func suggest(js jobSkill, res SkillResult) *Suggestion {
	term := js.term
	switch res.Status {
	case Missing:
		asked := fmt.Sprintf("The job asks for %s (%s) and the resume does not show it.", term, js.importance)
		if len(res.Alternatives) > 0 {
			asked = fmt.Sprintf("The job asks for %s or %s (%s; any one will do) and the resume shows none of them.",
				term, strings.Join(res.Alternatives, " or "), js.importance)
		}
		return &Suggestion{
			Kind: Add, Term: term, Template: template(js.skill, term),
			Advice: asked + fmt.Sprintf(" If you have used it, write \"%s\" as the job does, in a bullet that says what you did with it and in your skills list.", term),
		}
	case Partial:
		where := ""
		if len(res.ResumeEvidence) > 0 {
			where = fmt.Sprintf(" (%s, line %d)", res.ResumeEvidence[0].Section, res.ResumeEvidence[0].Line)
		}
		return &Suggestion{
			Kind: Name, Term: term, Template: template(js.skill, term),
			Advice: fmt.Sprintf("You show %s%s, which is %s work, but never write \"%s\". If that work counts, name it where you mention %s, e.g. \"%s (%s)\", so a search for \"%s\" finds it.",
				res.ResumeTerm, where, res.Name, term, res.ResumeTerm, term, res.ResumeTerm, term),
		}
	default:
		ownWords := slices.ContainsFunc(js.wordings, func(w string) bool { return sameTerm(res.ResumeTerm, w) })
		if res.ListedOnly {
			words := ""
			if !ownWords {
				words = fmt.Sprintf(", and write \"%s\" as the job does", term)
			}
			return &Suggestion{
				Kind: ShowWork, Term: term, Template: template(js.skill, term),
				Advice: fmt.Sprintf("You list %s in your skills, but no bullet in your experience or projects shows it. If you have used it, add a bullet that says what you did with it and what came of it%s.",
					res.ResumeTerm, words),
			}
		}
		if ownWords {
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
