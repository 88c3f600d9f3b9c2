package taxonomy

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
)

// DegreeLevel is the level of a degree, as the rules file names it
// (doctorate, master, bachelor, …).
type DegreeLevel string

// degreeRule gives the level of the degrees its pattern names.
type degreeRule struct {
	level DegreeLevel
	re    *regexp.Regexp
	// needles: what every match holds (see needles), and numbered. Most
	// lines of a resume name no degree.
	needles needles
	ids     [][]int32
}

type degreeEntry struct {
	Level           string   `yaml:"level"`
	Patterns        []string `yaml:"patterns"`
	Examples        []string `yaml:"examples"`
	Counterexamples []string `yaml:"counterexamples"`
	Line            int      `yaml:"-"`
}

// Dates are the words dates and counts are written with, from the rules
// file's dates entry.
type Dates struct {
	// Months holds, for each month in calendar order, the starts of its
	// names ("jan", "janv").
	Months [12][]string
	// Present are the words that end a range that has not ended
	// ("present", "now").
	Present []string
	// Numbers are number words, from zero up, each at its value's index.
	Numbers []string
	// rangeRe finds a date range; built from the words above.
	rangeRe *regexp.Regexp
}

type datesEntry struct {
	Months          []string `yaml:"months"`
	Present         []string `yaml:"present"`
	Numbers         []string `yaml:"numbers"`
	Examples        []string `yaml:"examples"`
	Counterexamples []string `yaml:"counterexamples"`
}

// compileQualifications adds the degree levels and the date words of f to
// r, after those of base: an extension's degree entry adds patterns to a
// level of the same name, or a new level below the others; its date words
// add to the built-in ones (month names by position).
func compileQualifications(r *Rules, name string, f rulesSource, base *Rules) error {
	errf := func(line int, format string, args ...any) error {
		return fmt.Errorf("%s:%d: %w: %s", name, line, ErrTaxonomy, fmt.Sprintf(format, args...))
	}
	patterns := map[DegreeLevel][]string{}
	var levels []DegreeLevel
	if base != nil {
		for _, d := range base.degrees {
			levels = append(levels, d.level)
			patterns[d.level] = []string{d.re.String()}
		}
		// The base is shared: copy what an extension appends to.
		r.dates = base.dates
		for m := range r.dates.Months {
			r.dates.Months[m] = slices.Clone(base.dates.Months[m])
		}
		r.dates.Present = slices.Clone(base.dates.Present)
		r.dates.Numbers = slices.Clone(base.dates.Numbers)
	}
	for i, e := range f.Degrees {
		if e.Level == "" || len(e.Patterns) == 0 {
			return errf(e.Line, "degree %d: a level and patterns are needed", i+1)
		}
		l := DegreeLevel(strings.ToLower(e.Level))
		if !slices.Contains(levels, l) {
			levels = append(levels, l)
		}
		patterns[l] = append(patterns[l], alternation(e.Patterns))
		r.checks = append(r.checks, entryChecks(sectionEntry{Examples: e.Examples, Counterexamples: e.Counterexamples},
			fmt.Sprintf("%s:%d: degree %q", name, e.Line, e.Level), func(c *ruleCheck) { c.degree = l })...)
	}
	r.degrees = nil
	for _, l := range levels {
		re, err := regexp.Compile("(?:" + strings.Join(patterns[l], ")|(?:") + ")")
		if err != nil {
			// Each entry's patterns are compiled apart only now, to name
			// the one at fault, rather than twice on every run
			// (BenchmarkBuiltinRules: 17% fewer allocations).
			for _, e := range f.Degrees {
				if _, eerr := regexp.Compile(alternation(e.Patterns)); eerr != nil && DegreeLevel(strings.ToLower(e.Level)) == l {
					return errf(e.Line, "degree %q: %v", e.Level, eerr)
				}
			}
			return errf(1, "degree %q: %v", l, err)
		}
		ns, ids := needlesOf(re.String())
		r.degrees = append(r.degrees, degreeRule{level: l, re: re, needles: ns, ids: ids})
	}
	if f.DatesLine != 0 {
		e := f.Dates
		if len(e.Months) != 0 && len(e.Months) != 12 {
			return errf(f.DatesLine, "dates: %d months, want 12", len(e.Months))
		}
		for m, names := range e.Months {
			r.dates.Months[m] = append(r.dates.Months[m], strings.Fields(strings.ToLower(names))...)
		}
		for _, w := range e.Present {
			r.dates.Present = append(r.dates.Present, strings.ToLower(w))
		}
		for k, w := range e.Numbers {
			if k < len(r.dates.Numbers) {
				r.dates.Numbers[k] += " " + strings.ToLower(w)
			} else {
				r.dates.Numbers = append(r.dates.Numbers, strings.ToLower(w))
			}
		}
		r.checks = append(r.checks, entryChecks(sectionEntry{Examples: e.Examples, Counterexamples: e.Counterexamples},
			fmt.Sprintf("%s:%d: dates", name, f.DatesLine), func(c *ruleCheck) { c.dateRange = true })...)
	}
	if len(r.dates.Present) > 0 && len(r.dates.Months[0]) > 0 {
		re, err := regexp.Compile(r.dates.rangeExpr())
		if err != nil {
			return errf(f.DatesLine, "dates: %v", err)
		}
		r.dates.rangeRe = re
	}
	return nil
}

// rangeExpr is the expression of a date range: a start ("Mar 2020",
// "05/2019", "2019"), a dash or "to", and an end (the same, a two-digit
// year as in "2018–21", or a word of Present).
func (d Dates) rangeExpr() string {
	var months []string
	for _, names := range d.Months {
		months = append(months, names...)
	}
	for k, n := range months {
		months[k] = regexp.QuoteMeta(n)
	}
	month := `(?:` + strings.Join(months, "|") + `)\pL*\.?`
	present := make([]string, len(d.Present))
	for k, w := range d.Present {
		present[k] = regexp.QuoteMeta(w)
	}
	start := `(?:(?P<sm>` + month + `)\s+|(?P<snum>\d{1,2})\s*[/.]\s*)?(?P<sy>(?:19|20)\d{2})`
	end := `(?:(?P<em>` + month + `)\s+|(?P<enum>\d{1,2})\s*[/.]\s*)?(?P<ey>(?:19|20)?\d{2})`
	return `(?i)\b` + start + `\s*(?:-|–|—|to|until|till)\s*(?:` + end + `|(?P<now>` + strings.Join(present, "|") + `))\b`
}

// DateRange is a span of time a resume gives a role, in months counted
// from year 0: Start is the first month, End the month after the last.
type DateRange struct {
	Start, End int
	// Text is the range as written; Open reports that it runs to the
	// present.
	Text string
	Open bool
	// Offset is where Text starts in the string searched.
	Offset int
}

// DateRanges returns the date ranges written in s, in order, taking the
// present as the month of today; see DateRangesAt.
func (r *Rules) DateRanges(s string) []DateRange { return r.DateRangesAt(s, time.Now()) }

// DateRangesAt returns the date ranges written in s ("Mar 2020 – Jun
// 2022", "2019 – present", "2018–21", "05/2019 – 07/2021"), in order; a
// range to the present ends in now's month. A range with months runs to the
// end of its last month; one in years only runs from the start of its
// first year to the start of its last, but at least a year ("2014 – 2018"
// is four years, "2016 – 2016" one). Ranges that end before they start
// are left out.
func (r *Rules) DateRangesAt(s string, now time.Time) []DateRange {
	re := r.dates.rangeRe
	// Every range starts with a year of 19xx or 20xx; most lines hold
	// none, and looking for it first is much cheaper than the expression.
	if re == nil || !strings.Contains(s, "19") && !strings.Contains(s, "20") {
		return nil
	}
	var out []DateRange
	for _, m := range re.FindAllStringSubmatchIndex(s, -1) {
		group := func(name string) string {
			k := re.SubexpIndex(name)
			if k < 0 || m[2*k] < 0 {
				return ""
			}
			return s[m[2*k]:m[2*k+1]]
		}
		// monthOf finds the month the named part gave, by name or number;
		// 0 when it gave none.
		monthOf := func(name, num string) int {
			if w := strings.ToLower(group(name)); w != "" {
				for k, names := range r.dates.Months {
					for _, n := range names {
						if strings.HasPrefix(w, n) {
							return k + 1
						}
					}
				}
			}
			if v, err := strconv.Atoi(group(num)); err == nil && v >= 1 && v <= 12 {
				return v
			}
			return 0
		}
		sy, _ := strconv.Atoi(group("sy"))
		sm := monthOf("sm", "snum")
		d := DateRange{Text: s[m[0]:m[1]], Offset: m[0]}
		d.Start = sy*12 + max(sm, 1) - 1
		switch {
		case group("now") != "":
			d.Open = true
			d.End = now.Year()*12 + int(now.Month())
		default:
			ey, _ := strconv.Atoi(group("ey"))
			if ey < 100 {
				ey += sy / 100 * 100
			}
			if ey < sy {
				continue
			}
			em := monthOf("em", "enum")
			switch {
			case em > 0:
				d.End = ey*12 + em
			case sm > 0:
				d.End = ey*12 + 12
			default:
				d.End = max(ey*12, d.Start+12)
			}
		}
		if d.End <= d.Start || d.End > (now.Year()+10)*12 {
			continue
		}
		out = append(out, d)
	}
	return out
}

// DegreeLevels returns the levels of the degrees s names, highest first.
func (r *Rules) DegreeLevels(s string) []DegreeLevel {
	s = strings.ReplaceAll(s, "’", "'")
	var held *heldNeedles
	var out []DegreeLevel
	for _, d := range r.degrees {
		if d.ids != nil {
			if held == nil {
				h := r.needles.held(s)
				held = &h
			}
			if !held.all(d.ids) {
				continue
			}
		}
		if d.re.MatchString(s) {
			out = append(out, d.level)
		}
	}
	return out
}

// DegreeRank returns the rank of a level: 0 for the highest the rules
// name, and -1 for a level they do not.
func (r *Rules) DegreeRank(l DegreeLevel) int {
	return slices.IndexFunc(r.degrees, func(d degreeRule) bool { return d.level == l })
}

// Number reads a count written in digits or as a word of the rules
// ("five"), and false when w is neither.
func (r *Rules) Number(w string) (int, bool) {
	if v, err := strconv.Atoi(w); err == nil {
		return v, true
	}
	w = strings.ToLower(w)
	for k, words := range r.dates.Numbers {
		if slices.Contains(strings.Fields(words), w) {
			return k, true
		}
	}
	return 0, false
}

// DegreeLevelList returns the degree levels the rules know, highest first.
func (r *Rules) DegreeLevelList() []DegreeLevel {
	out := make([]DegreeLevel, len(r.degrees))
	for k, d := range r.degrees {
		out[k] = d.level
	}
	return out
}
