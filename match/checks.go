package match

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/tailor-cli/tailor/extract"
	"github.com/tailor-cli/tailor/match/analysis"
	"github.com/tailor-cli/tailor/match/taxonomy"
	"github.com/tailor-cli/tailor/match/text"
)

// Check is one thing a recruiter looks at in any resume, whatever the job.
type Check struct {
	// Code is a stable identifier: measurable-results, date-formats,
	// length, contact, cliches.
	Code string `json:"code"`
	// Passed reports that the resume does well on it.
	Passed bool `json:"passed"`
	// Message says what was found.
	Message string `json:"message"`
	// Fix says what to do; empty when it passed.
	Fix string `json:"fix,omitempty"`
}

// Check codes.
const (
	CheckMeasurable  = "measurable-results"
	CheckDateFormats = "date-formats"
	CheckLength      = "length"
	CheckContact     = "contact"
	CheckCliches     = "cliches"
)

// The bounds the checks hold a resume to.
const (
	// minMeasurable is the share of experience bullets that should state
	// a measurable result.
	minMeasurable = 0.5
	// minWords and maxWords bound a resume's length in words: a page to
	// two.
	minWords, maxWords = 250, 1100
)

// dateForm tells the forms of a date range's start apart: a month's name,
// a month's number, a year alone.
var (
	numericMonth = regexp.MustCompile(`^\d{1,2}\s*[/.]`)
	yearOnly     = regexp.MustCompile(`^(19|20)\d{2}`)
)

// resumeChecks runs the checks a recruiter makes on any resume.
func resumeChecks(a *analysis.Analysis, exp analysis.Experience) []Check {
	rules := a.Rules()
	doc := a.Doc
	out := []Check{}

	// Measurable results: the share of experience bullets with a number.
	bullets, measured := 0, 0
	for _, b := range experienceBullets(doc, exp) {
		bullets++
		if rules.Has(taxonomy.CueMeasurable, b) {
			measured++
		}
	}
	if bullets > 0 {
		c := Check{Code: CheckMeasurable, Passed: float64(measured) >= minMeasurable*float64(bullets),
			Message: fmt.Sprintf("%d of your %d experience bullets state a measurable result", measured, bullets)}
		if !c.Passed {
			c.Fix = "Put a number on more bullets where it is true: how much, how many, how fast, from what to what."
		}
		out = append(out, c)
	}

	// Dates in one form.
	forms := map[string]string{}
	var order []string
	for _, r := range exp.Roles {
		form := "month name"
		switch {
		case numericMonth.MatchString(r.Text):
			form = "month number"
		case yearOnly.MatchString(r.Text):
			form = "year only"
		}
		if _, ok := forms[form]; !ok {
			forms[form] = r.Text
			order = append(order, form)
		}
	}
	if len(exp.Roles) > 1 {
		c := Check{Code: CheckDateFormats, Passed: len(forms) == 1, Message: "your roles' dates are written one way"}
		if !c.Passed {
			var ex []string
			for _, f := range order {
				ex = append(ex, fmt.Sprintf("%q", forms[f]))
			}
			c.Message = "your roles' dates are written in " + fmt.Sprint(len(forms)) + " ways: " + strings.Join(ex, ", ")
			c.Fix = "Write every date range one way, e.g. \"Mar 2020 – Jun 2022\"."
		}
		out = append(out, c)
	}

	// Length in words.
	words := extract.WordCount(doc.Text)
	c := Check{Code: CheckLength, Passed: words >= minWords && words <= maxWords, Message: fmt.Sprintf("%d words", words)}
	switch {
	case words < minWords:
		c.Fix = fmt.Sprintf("Under %d words leaves a reader little to go on: say more about what you did and what came of it.", minWords)
	case words > maxWords:
		c.Fix = fmt.Sprintf("Over %d words is more than two pages: cut what the job does not ask about.", maxWords)
	}
	out = append(out, c)

	// Contact details.
	var lacking []string
	for _, w := range doc.Warnings {
		switch w.Code {
		case extract.WarnNoEmail:
			lacking = append(lacking, "email address")
		case extract.WarnNoPhone:
			lacking = append(lacking, "phone number")
		}
	}
	c = Check{Code: CheckContact, Passed: len(lacking) == 0, Message: "email address and phone number found"}
	if !c.Passed {
		c.Message = "no " + strings.Join(lacking, " and no ") + " found"
		c.Fix = "Put your email address and phone number at the top."
	}
	out = append(out, c)

	// Clichés and filler.
	var found []string
	for _, sp := range a.Sentences {
		s := doc.Text[sp.Start:sp.End]
		if !rules.Has(taxonomy.CueCliche, s) {
			continue
		}
		for _, m := range rules.Find(taxonomy.CueCliche, s) {
			if m = strings.ToLower(m); !slices.Contains(found, m) {
				found = append(found, m)
			}
		}
	}
	c = Check{Code: CheckCliches, Passed: len(found) == 0, Message: "no cliché or filler phrase found"}
	if !c.Passed {
		c.Message = "phrases that say little: \"" + strings.Join(found, "\", \"") + "\""
		c.Fix = "Replace each with what you did and what came of it (\"responsible for the pipeline\" → \"built the pipeline that feeds 40 dashboards\")."
	}
	out = append(out, c)
	return out
}

// experienceBullets returns the text of each bullet under the resume's
// Experience headings, with the lines it wraps onto: up to the next
// bullet, heading, dated role line or paragraph break.
func experienceBullets(doc *extract.Document, exp analysis.Experience) []string {
	dated := map[int]bool{}
	for _, b := range exp.Bodies {
		dated[b.Start] = true
	}
	var out []string
	open := false // whether the last bullet may take the next line
	prevEnd := 0
	for _, ln := range doc.Lines {
		line := doc.Text[ln.Start:ln.End]
		gap := strings.Contains(doc.Text[prevEnd:ln.Start], "\n\n")
		prevEnd = ln.End
		switch {
		case doc.SectionAt(ln.Start).Name != extract.SectionExperience || ln.Heading || dated[ln.Start]:
			open = false
		case text.BulletLen(line) > 0:
			out = append(out, line)
			open = true
		case open && !gap:
			out[len(out)-1] += " " + line
		default:
			open = false
		}
	}
	return out
}
