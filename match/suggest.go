package match

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/tailor-cli/tailor/match/job"
	"github.com/tailor-cli/tailor/match/taxonomy"
	"github.com/tailor-cli/tailor/match/text"
)

// suggest returns the change to make for one job skill, or nil when the
// resume already shows it in the job's own words. via is the skill that
// earns a partial its credit (nil otherwise). Advice never claims the
// skill: additions are conditional, templates have blanks.
func suggest(js job.Ask, res SkillResult, via *taxonomy.Skill) *Suggestion {
	term := midSentence(js.Skill, js.Term)
	switch res.Status {
	case Missing:
		asked := fmt.Sprintf("The job asks for %s (%s) and the resume does not show it.", term, js.Importance)
		if len(res.Alternatives) > 0 {
			asked = fmt.Sprintf("The job asks for %s or %s (%s; any one will do) and the resume shows none of them.",
				term, strings.Join(res.Alternatives, " or "), js.Importance)
		}
		return &Suggestion{
			Kind: Add, Term: term, Template: template(js.Skill, term),
			Advice: asked + fmt.Sprintf(" If you have used it, write \"%s\" as the job does, in a bullet that says what you did with it and in your skills list.", term),
		}
	case Partial:
		where := ""
		if len(res.ResumeEvidence) > 0 {
			where = fmt.Sprintf(" (%s, line %d)", res.ResumeEvidence[0].Section, res.ResumeEvidence[0].Line)
		}
		if via == js.Skill {
			// Another tool of the kind asked: related work, and no licence
			// to write the tool the job names.
			return &Suggestion{
				Kind: Add, Term: term, Template: template(js.Skill, term),
				Advice: fmt.Sprintf("The job asks for %s (%s); you show %s%s, a different tool of the same kind (%s), but not %s. If you have used %s, write it as the job does, in a bullet that says what you did with it; if not, leave %s as it is: it is the closest you have, and naming %s beside it would claim work you have not done.",
					term, js.Importance, res.ResumeTerm, where, js.Skill.Name, term, term, res.ResumeTerm, term),
			}
		}
		shown := res.ResumeTerm
		if via != nil {
			shown = midSentence(via, shown)
		}
		return &Suggestion{
			Kind: Name, Term: term, Template: template(js.Skill, term),
			Advice: fmt.Sprintf("You show %s%s, which is %s work, but never write \"%s\". If that work counts, name it where you mention %s, e.g. \"%s (%s)\", so a search for \"%s\" finds it.",
				shown, where, midSentence(js.Skill, res.Name), term, shown, term, shown, term),
		}
	default:
		ownWords := slices.ContainsFunc(js.Wordings, func(w string) bool { return text.SameTerm(res.ResumeTerm, w) })
		if res.ListedOnly {
			words := ""
			if !ownWords {
				words = fmt.Sprintf(", and write \"%s\" as the job does", term)
			}
			return &Suggestion{
				Kind: ShowWork, Term: term, Template: template(js.Skill, term),
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
// the job's term (s is nil for the job's own terms).
func template(s *taxonomy.Skill, term string) string {
	if s != nil && strings.TrimSpace(s.Template) != "" {
		return strings.TrimSpace(s.Template)
	}
	return fmt.Sprintf("Used %s to [what you built or improved], [result, with a number]", term)
}

// midSentence returns a wording of skill s as it reads inside a sentence:
// a capital that only starts a sentence ("Fine-tuned ViT models",
// "Transfer learning from …") is lowered, while names (Python, Keras,
// Jetson Orin, Kaggle competitions) keep theirs. A capital is a
// sentence's when the skill's name is in sentence case ("Transfer
// learning", not "Python") and the taxonomy writes the lowered word in
// lower case: as the whole wording, or, for the name itself, as the first
// word of one of its terms ("transfer learning", but never "kaggle").
// Other than the name, a lower-case form the taxonomy lists
// case-sensitively ("fine-tuned") is lowered for any skill.
func midSentence(s *taxonomy.Skill, text string) string {
	lowered, ok := lowerFirst(text)
	switch {
	case !ok:
		return text
	case text != s.Name:
		if slices.Contains(s.Exact, lowered) || slices.Contains(s.Ambiguous, lowered) ||
			sentenceCase(s.Name) && slices.Contains(s.Aliases, lowered) || slices.Contains(s.ToolTerms(), lowered) {
			return lowered
		}
		return text
	case !sentenceCase(s.Name):
		return text
	}
	first, _, _ := strings.Cut(lowered, " ")
	for _, forms := range [][]string{s.Aliases, s.Exact, s.Ambiguous, s.Listed, s.ToolTerms()} {
		for _, f := range forms {
			if w, _, _ := strings.Cut(f, " "); w == first {
				return lowered
			}
		}
	}
	return text
}

// lowerFirst lowers the first letter of text when its first word is
// capitalised ("Transfer", not "GPU/TPU" or "PyTorch").
func lowerFirst(text string) (string, bool) {
	first, _, _ := strings.Cut(text, " ")
	r, n := utf8.DecodeRuneInString(first)
	if !unicode.IsUpper(r) || strings.ContainsFunc(first[n:], unicode.IsUpper) {
		return text, false
	}
	return string(unicode.ToLower(r)) + text[n:], true
}

// sentenceCase reports whether a display name is a phrase written in
// sentence case ("Transfer learning", "Large language models (LLM)"),
// not a proper name ("Python", "Jetson Orin", "Weights & Biases").
func sentenceCase(name string) bool {
	_, rest, ok := strings.Cut(name, " ")
	r, _ := utf8.DecodeRuneInString(rest)
	return ok && unicode.IsLower(r)
}
