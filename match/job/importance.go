package job

import (
	"regexp"
	"strings"

	"github.com/tailor-cli/tailor/extract"
	"github.com/tailor-cli/tailor/match/analysis"
	"github.com/tailor-cli/tailor/match/taxonomy"
	"github.com/tailor-cli/tailor/match/text"
)

var (
	// preferredHeading marks sections whose skills are wanted, not needed.
	preferredHeading = regexp.MustCompile(`(?i)nice[ -]to[ -]have|preferred|bonus|\bplus(es)?\b|desir|optional|good[ -]to[ -]have|extra credit|would be (great|nice)|ideal(ly)?\b|not required`)
	// requirementsHeading marks sections that list what the candidate needs.
	requirementsHeading = regexp.MustCompile(`(?i)requirement|qualification|must[ -]have|what you('ll| will)? (need|bring)|you have|skills|who you are|about you|tech stack|experience`)
	// boilerplateHeading marks sections that describe the employer, not the
	// role: skills named there are not asked of the candidate.
	boilerplateHeading = regexp.MustCompile(`(?i)benefit|perks|compensation|salary|pay range|equal opportunit|\beeo\b|about (us|the company)|who we are|our (company|mission)|what we offer|why join|life at|diversity|accommodation|how to apply`)
	// preferredCue marks a clause that asks for a skill as a plus.
	preferredCue = newCue(`(?i)nice[ -]to[ -]have|\b(a|big|huge|strong) plus\b|\bpreferred\b|\bpreferably\b|\bbonus\b|\bideally\b|desirable|\bnot required\b|\boptional\b|would be (great|nice|helpful)|\badvantage\b`,
		"nice", "plus", "prefer", "bonus", "ideal", "desirab", "required", "optional", "would be", "advantage")
	// requiredCue marks a clause that says a skill is needed.
	requiredCue = newCue(`(?i)\b(required|must|essential|mandatory)\b`, "required", "must", "essential", "mandatory")
	// boilerplateCue marks sentences about pay, benefits or equal
	// opportunity.
	boilerplateCue = newCue(`(?i)equal[ -]opportunity|regardless of|401\(?k\)?|health insurance|paid time off|parental leave|salary range|\bbenefits\b`,
		"equal", "regardless", "401", "health", "paid time", "parental", "salary", "benefits")
)

// importanceRules returns the function that says how much the job wants
// what it names at a hit, and false for boilerplate (about the employer,
// pay, benefits, equal opportunity). The cues are regular expressions, so
// each section, sentence and clause is judged once.
func importanceRules(doc *extract.Document, a *analysis.Analysis, hasList bool, listSection func(extract.Section) bool) func(taxonomy.Hit) (Importance, bool) {
	type sectionCues struct{ boilerplate, preferred, list bool }
	type clauseCues struct{ preferred, required bool }
	sections := map[int]sectionCues{}
	boilerSentence := map[text.Span]bool{}
	clauses := map[string]clauseCues{}
	return func(h taxonomy.Hit) (Importance, bool) {
		sec := doc.SectionAt(h.Start)
		cues, ok := sections[sec.Start]
		if !ok {
			cues = sectionCues{boilerplateHeading.MatchString(sec.Heading), preferredHeading.MatchString(sec.Heading), listSection(sec)}
			sections[sec.Start] = cues
		}
		if cues.boilerplate {
			return "", false
		}
		sent := a.SentenceAt(h.Start)
		boiler, ok := boilerSentence[sent]
		if !ok {
			boiler = boilerplateCue.MatchString(doc.Text[sent.Start:sent.End])
			boilerSentence[sent] = boiler
		}
		if boiler {
			return "", false
		}
		cl := clause(doc.Text, sent, h)
		cc, ok := clauses[cl]
		if !ok {
			cc = clauseCues{preferredCue.MatchString(cl), requiredCue.MatchString(cl)}
			clauses[cl] = cc
		}
		switch {
		case cues.preferred || cc.preferred:
			return Preferred, true
		case hasList && !cues.list && !cc.required:
			return Preferred, true
		}
		return Required, true
	}
}

// IsRequirementsSection reports whether a job section lists what the
// candidate needs or would ideally have.
func IsRequirementsSection(s extract.Section) bool {
	return requirementsHeading.MatchString(s.Heading) || preferredHeading.MatchString(s.Heading)
}

// cue is a case-insensitive regular expression with words, in lower case,
// of which every match holds one. Most clauses hold none, and looking for
// them first is many times faster than running the expression: a job asks
// a cue of every clause that names a skill.
type cue struct {
	re    *regexp.Regexp
	words []string
}

func newCue(expr string, words ...string) cue {
	return cue{regexp.MustCompile(expr), words}
}

// MatchString reports whether s holds a match of the cue.
func (c cue) MatchString(s string) bool {
	lower := strings.ToLower(s)
	for _, w := range c.words {
		if strings.Contains(lower, w) {
			return c.re.MatchString(s)
		}
	}
	return false
}

// memoSections returns test, remembering its answer for each section (by
// where it starts and its heading): a job asks it of every hit and every
// noun phrase.
func memoSections(test func(extract.Section) bool) func(extract.Section) bool {
	type key struct {
		start   int
		heading string
	}
	seen := map[key]bool{}
	return func(s extract.Section) bool {
		k := key{s.Start, s.Heading}
		v, ok := seen[k]
		if !ok {
			v = test(s)
			seen[k] = v
		}
		return v
	}
}

// clause returns the part of a sentence around a hit between semicolons,
// em dashes or line breaks, so that "PyTorch required; JAX a plus" marks only
// JAX as a plus.
func clause(text string, sent text.Span, h taxonomy.Hit) string {
	s := text[sent.Start:sent.End]
	lo, hi := h.Start-sent.Start, h.End-sent.Start
	if i := strings.LastIndexAny(s[:lo], ";\n—"); i >= 0 {
		s, hi = s[i+1:], hi-(i+1)
	}
	if i := strings.IndexAny(s[hi:], ";\n—"); i >= 0 {
		s = s[:hi+i]
	}
	return s
}
