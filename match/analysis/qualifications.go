package analysis

import (
	"slices"
	"time"

	"github.com/tailor-cli/tailor/extract"
	"github.com/tailor-cli/tailor/match/taxonomy"
	"github.com/tailor-cli/tailor/match/text"
)

// Experience is the time a resume's dated roles span.
type Experience struct {
	// Months counts the months the roles span, overlapping roles once.
	Months int
	// Roles are the roles' date ranges, in the resume's order, with
	// Offset in the document's text.
	Roles []taxonomy.DateRange
	// Bodies are the spans of text each role's dates govern: from their
	// line to the next role's, or the end of the part.
	Bodies []text.Span
}

// Experience reads the dates of the roles under the resume's Experience
// headings, one range per line, taking now as the present; zero when the
// resume has no Experience part or gives it no dates.
func (a *Analysis) Experience(now time.Time) Experience {
	var e Experience
	for _, ln := range a.Doc.Lines {
		if a.Doc.SectionAt(ln.Start).Name != extract.SectionExperience {
			continue
		}
		rs := a.rules.DateRangesAt(a.Doc.Text[ln.Start:ln.End], now)
		if len(rs) == 0 {
			continue
		}
		r := rs[0]
		r.Offset += ln.Start
		if n := len(e.Bodies); n > 0 && a.Doc.SectionAt(e.Bodies[n-1].Start).Start == a.Doc.SectionAt(ln.Start).Start {
			e.Bodies[n-1].End = ln.Start
		}
		e.Roles = append(e.Roles, r)
		e.Bodies = append(e.Bodies, text.Span{Start: ln.Start, End: a.Doc.SectionAt(ln.Start).End})
	}
	e.Months = Months(e.Roles)
	return e
}

// Months counts the months date ranges span, overlapping ones once.
func Months(rs []taxonomy.DateRange) int {
	spans := slices.Clone(rs)
	slices.SortFunc(spans, func(x, y taxonomy.DateRange) int { return x.Start - y.Start })
	months, end := 0, -1
	for _, r := range spans {
		if start := max(r.Start, end); r.End > start {
			months += r.End - start
		}
		end = max(end, r.End)
	}
	return months
}

// Degree is a degree a resume's Education part names.
type Degree struct {
	// Level is the highest level its line names.
	Level taxonomy.DegreeLevel
	// Unfinished reports that the line says it is not finished ("PhD
	// candidate", "expected 2027").
	Unfinished bool
	// Start and End are the line's offsets in the document's text.
	Start, End int
}

// Degrees returns the degrees named on the lines under the resume's
// Education headings, in order.
func (a *Analysis) Degrees() []Degree {
	var out []Degree
	for _, ln := range a.Doc.Lines {
		if a.Doc.SectionAt(ln.Start).Name != extract.SectionEducation {
			continue
		}
		line := a.Doc.Text[ln.Start:ln.End]
		levels := a.rules.DegreeLevels(line)
		if len(levels) == 0 {
			continue
		}
		out = append(out, Degree{Level: levels[0], Unfinished: a.rules.Has(taxonomy.CueUnfinished, line), Start: ln.Start, End: ln.End})
	}
	return out
}

// Rules returns the language rules the document was analysed with.
func (a *Analysis) Rules() *taxonomy.Rules { return a.rules }
