package match

import (
	"fmt"
	"slices"
	"strings"
	"unicode"

	"github.com/tailor-cli/tailor/extract"
	"github.com/tailor-cli/tailor/match/analysis"
	"github.com/tailor-cli/tailor/match/taxonomy"
	"github.com/tailor-cli/tailor/match/text"
)

// RequireTitle is the kind of the requirement that the resume carry the
// job's title, in its headline or its latest role.
const RequireTitle = "title"

// titleWords returns the words of a title that say what the job is, in
// lower case: its level, terms and small words left out.
func titleWords(title string, rules *taxonomy.Rules) []string {
	var out []string
	for _, w := range strings.FieldsFunc(strings.ToLower(title), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '+' && r != '#'
	}) {
		if !rules.Word(taxonomy.WordsTitleFiller, w) && !slices.Contains(out, w) {
			out = append(out, w)
		}
	}
	return out
}

// checkTitle compares the job's title with the resume's headline (its
// header) and latest role (the line of the dated role that ends last,
// and the line above it): met when one of them holds every word of the title that
// says what the job is.
func checkTitle(jobTitle string, a *analysis.Analysis, exp analysis.Experience) (Requirement, bool) {
	rules := a.Rules()
	want := titleWords(jobTitle, rules)
	if len(want) == 0 {
		return Requirement{}, false
	}
	r := Requirement{Kind: RequireTitle, Text: jobTitle, Importance: Preferred, Status: RequirementUnmet,
		JobEvidence: Evidence{Section: "Title", Text: jobTitle}}
	doc := a.Doc
	var candidates []text.Span
	for _, ln := range doc.Lines {
		if doc.SectionAt(ln.Start).Name == extract.SectionHeader {
			candidates = append(candidates, text.Span{Start: ln.Start, End: ln.End})
		}
	}
	if len(exp.Roles) > 0 {
		// The latest role: the one that ends last (the first of those).
		latest := 0
		for k, role := range exp.Roles {
			if role.End > exp.Roles[latest].End {
				latest = k
			}
		}
		off := exp.Bodies[latest].Start
		if li := doc.LineAt(off); li >= 0 {
			candidates = append(candidates, text.Span{Start: doc.Lines[li].Start, End: doc.Lines[li].End})
			if li > 0 {
				candidates = append(candidates, text.Span{Start: doc.Lines[li-1].Start, End: doc.Lines[li-1].End})
			}
		}
	}
	for _, c := range candidates {
		got := titleWords(doc.Text[c.Start:c.End], rules)
		if !slices.ContainsFunc(want, func(w string) bool { return !slices.Contains(got, w) }) {
			ev := a.Evidence(taxonomy.Hit{Start: c.Start, End: c.Start}, string(doc.SectionAt(c.Start).Name))
			r.ResumeEvidence = &ev
			r.Status = RequirementMet
			r.Note = "your headline or latest role carries the job's title"
			return r, true
		}
	}
	r.Note = fmt.Sprintf("neither your headline nor your latest role says %q; if it is true of you, use the job's words there", jobTitle)
	return r, true
}
