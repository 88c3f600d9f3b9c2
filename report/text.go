package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/tailor-cli/tailor/match"
)

// textWriter writes a report for reading at a terminal: the score and why,
// then the changes to make (the five that win the most points in full and
// the rest by name, or all in full with detail), then what already matches.
type textWriter struct{ color, detail bool }

const wrapWidth = 100

// ANSI styles used when colour is on.
const (
	bold   = "\x1b[1m"
	dim    = "\x1b[2m"
	red    = "\x1b[31m"
	green  = "\x1b[32m"
	yellow = "\x1b[33m"
	cyan   = "\x1b[36m"
	reset  = "\x1b[0m"
)

func (t textWriter) style(code, s string) string {
	if !t.color || s == "" {
		return s
	}
	return code + s + reset
}

// resumeOnlyShown is how many of the skills the job does not ask for the
// short form names.
const resumeOnlyShown = 20

func (t textWriter) Write(w io.Writer, r *match.Report) error {
	bw := bufio.NewWriter(w)
	p := func(format string, args ...any) { fmt.Fprintf(bw, format, args...) }
	job := r.Job
	if r.JobTitle != "" {
		job = fmt.Sprintf("%s (%s)", r.JobTitle, r.Job)
	}
	p("%s %s\n", t.style(bold, "Resume:"), r.Resume)
	p("%s %s\n\n", t.style(bold, "Job:   "), job)
	p("%s %s\n", t.style(bold, "Match score:"), t.style(bold+scoreColor(r.Score), fmt.Sprintf("%s / 100", trim1(r.Score))))
	for _, reason := range r.Reasons {
		t.wrap(bw, "  ", "  ", reason)
	}
	if r.Baseline != nil {
		p("\n%s\n", t.style(bold, "Since the earlier version"))
		for _, line := range baselineLines(r.Baseline) {
			t.wrap(bw, "  ", "    ", line)
		}
	}
	if len(r.Warnings) > 0 {
		p("\n%s\n", t.style(bold+yellow, "Warnings"))
		for _, wn := range r.Warnings {
			t.wrap(bw, "  ! ", "    ", fmt.Sprintf("%s (%s): %s", wn.Code, wn.Source, wn.Message))
		}
	}
	if len(r.Requirements) > 0 {
		p("\n%s\n", t.style(bold, fmt.Sprintf("Check first: asked beyond skills (%d)", len(r.Requirements))))
		for _, q := range r.Requirements {
			mark, color := "?", cyan
			switch q.Status {
			case match.RequirementMet:
				mark, color = "✓", green
			case match.RequirementUnmet:
				mark, color = "✗", red
			}
			// The short form gives a checked requirement's finding alone;
			// the job's words are in --detail, JSON and HTML.
			line := fmt.Sprintf("%s (%s): %s", q.Kind, q.Importance, q.Text)
			switch {
			case q.Note != "" && q.Status != match.RequirementUnknown && !t.detail:
				line = fmt.Sprintf("%s (%s): %s", q.Kind, q.Importance, q.Note)
			case q.Note != "":
				line += " — " + q.Note
			}
			t.wrap(bw, "  "+t.style(color, mark)+" ", "    ", line)
		}
		t.wrap(bw, "  ", "  ", requirementsAdvice)
	}
	if len(r.Checks) > 0 {
		failed := failedChecks(r.Checks)
		if len(failed) == 0 {
			p("\n%s %s\n", t.style(bold, "Resume checks:"), fmt.Sprintf("all %d pass (measurable results, dates, length, contact, clichés).", len(r.Checks)))
		} else {
			p("\n%s\n", t.style(bold, fmt.Sprintf("Resume checks: %d of %d to fix", len(failed), len(r.Checks))))
			for _, c := range failed {
				t.wrap(bw, "  "+t.style(yellow, "!")+" ", "    ", fmt.Sprintf("%s: %s. %s", c.Code, c.Message, c.Fix))
			}
		}
	}
	if !t.detail {
		top, rest := changes(r, topChangesShown)
		if len(top) > 0 {
			t.details(bw, "Changes that win the most points", top)
			t.wrap(bw, "  ", "  ", missingAdvice)
		}
		if len(rest) > 0 {
			p("\n%s\n", t.style(bold, fmt.Sprintf("Other changes (%d)", len(rest))))
			for _, g := range gapGroups(rest) {
				t.wrap(bw, "  "+t.style(yellow, "•")+" ", "    ", fmt.Sprintf("%s: %s.", g.Title, strings.Join(g.Names, ", ")))
			}
			t.wrap(bw, "  ", "  ", restAdvice)
		}
	}
	groups := []struct {
		title string
		mark  string
		color string
		keep  func(match.SkillResult) bool
	}{
		{"Missing", "✗", red, func(s match.SkillResult) bool { return s.Status == match.Missing }},
		{"Partial: shown through a narrower skill", "~", yellow, func(s match.SkillResult) bool { return s.Status == match.Partial }},
		{"Listed in your skills, but no bullet shows it", "!", yellow, func(s match.SkillResult) bool {
			return s.Status == match.Matched && s.Suggestion != nil && s.Suggestion.Kind == match.ShowWork
		}},
		{"Matched, but in other words than the job's", "≈", cyan, func(s match.SkillResult) bool {
			return s.Status == match.Matched && s.Suggestion != nil && s.Suggestion.Kind == match.Align
		}},
	}
	for _, g := range groups {
		if !t.detail {
			break
		}
		var skills []match.SkillResult
		for _, s := range r.Skills {
			if g.keep(s) {
				skills = append(skills, s)
			}
		}
		if len(skills) == 0 {
			continue
		}
		t.group(bw, g.title, g.mark, g.color, skills)
	}
	var matched []string
	for _, s := range r.Skills {
		if s.Status == match.Matched && s.Suggestion == nil {
			matched = append(matched, s.Name)
		}
	}
	if len(matched) > 0 {
		p("\n%s\n", t.style(bold, fmt.Sprintf("Matched in the job's own words (%d)", len(matched))))
		t.wrap(bw, "  "+t.style(green, "✓")+" ", "    ", strings.Join(matched, ", "))
	}
	if len(r.ResumeOnly) > 0 {
		p("\n%s\n", t.style(bold, fmt.Sprintf("On the resume, not asked for by this job (%d)", len(r.ResumeOnly))))
		names := strings.Join(r.ResumeOnly, ", ")
		if n := len(r.ResumeOnly) - resumeOnlyShown; n > 0 && !t.detail {
			// The short form names the first ones: they take no action.
			names = strings.Join(r.ResumeOnly[:resumeOnlyShown], ", ") + fmt.Sprintf(", and %d more (--detail lists them).", n)
		}
		t.wrap(bw, "  ", "  ", names)
	}
	return bw.Flush()
}

// details writes the changes given in full, each with its mark.
func (t textWriter) details(w *bufio.Writer, title string, skills []match.SkillResult) {
	fmt.Fprintf(w, "\n%s\n", t.style(bold, fmt.Sprintf("%s (%d)", title, len(skills))))
	for _, s := range skills {
		mark, color := "≈", cyan
		switch {
		case s.Status == match.Missing:
			mark, color = "✗", red
		case s.Status == match.Partial:
			mark, color = "~", yellow
		case s.Suggestion.Kind == match.ShowWork:
			mark, color = "!", yellow
		}
		t.skill(w, mark, color, s, true)
	}
}

// maxDetailed is how many skills of one group the text format details;
// the rest are named on one line.
const maxDetailed = 8

// group writes one group of skills: each with the job's sentence, the
// resume's evidence and the advice, up to maxDetailed, then the rest by name.
func (t textWriter) group(w *bufio.Writer, title, mark, color string, skills []match.SkillResult) {
	fmt.Fprintf(w, "\n%s\n", t.style(bold, fmt.Sprintf("%s (%d)", title, len(skills))))
	var rest []string
	if len(skills) > maxDetailed {
		for _, s := range skills[maxDetailed:] {
			rest = append(rest, fmt.Sprintf("%s (%s)", s.Name, s.Importance))
		}
		skills = skills[:maxDetailed]
	}
	for _, s := range skills {
		t.skill(w, mark, color, s, false)
	}
	if len(rest) > 0 {
		t.wrap(w, "  "+t.style(color, mark)+" ", "    ", "Also: "+strings.Join(rest, ", ")+
			". Run with --format markdown --detail for advice on every skill.")
	}
}

// skill writes one skill in full: the job's sentence, the resume's, the
// advice and the bullet to write if true. short leaves out the advice of a
// missing skill, said once for all (missingAdvice), but for the resume's
// closest work.
func (t textWriter) skill(w *bufio.Writer, mark, color string, s match.SkillResult, short bool) {
	{
		fmt.Fprintf(w, "  %s %s  %s\n", t.style(color, mark), t.style(bold, s.Name), t.style(dim, fmt.Sprintf("%s · %s", s.Importance, s.Category)))
		if len(s.Alternatives) > 0 {
			t.wrap(w, "      or:     ", "              ", strings.Join(s.Alternatives, ", ")+" (the job accepts any one)")
		}
		if len(s.JobEvidence) > 0 {
			e := s.JobEvidence[0]
			t.wrap(w, "      job:    ", "              ", fmt.Sprintf("%q (%s, line %d)", e.Text, e.Section, e.Line))
		}
		if len(s.ResumeEvidence) > 0 {
			e := s.ResumeEvidence[0]
			t.wrap(w, "      resume: ", "              ", fmt.Sprintf("%q (%s, line %d)", e.Text, e.Section, e.Line))
		}
		if sg := s.Suggestion; sg != nil && short && s.Status == match.Missing {
			if c := sg.Closest; c != nil {
				t.wrap(w, "      near:   ", "              ", fmt.Sprintf("%q (%s, line %d): your closest work; if you used it there, name it there.", c.Text, c.Section, c.Line))
			}
		} else if sg != nil {
			t.wrap(w, "      do:     ", "              ", sg.Advice)
		}
		if sg := s.Suggestion; sg != nil {
			if sg.Template != "" {
				t.wrap(w, "      if true: ", "              ", fmt.Sprintf("\"%s\"", sg.Template))
			}
		}
	}
}

// wrap writes s word-wrapped to wrapWidth columns, the first line after
// first and the rest after indent.
func (t textWriter) wrap(w io.Writer, first, indent, s string) {
	width := wrapWidth - visibleLen(indent)
	line, prefix := "", first
	for _, word := range strings.Fields(s) {
		if line != "" && visibleLen(line)+1+visibleLen(word) > width {
			fmt.Fprintf(w, "%s%s\n", prefix, line)
			line, prefix = "", indent
		}
		if line != "" {
			line += " "
		}
		line += word
	}
	fmt.Fprintf(w, "%s%s\n", prefix, line)
}

// visibleLen counts the runes of s outside ANSI escape sequences.
func visibleLen(s string) int {
	n, esc := 0, false
	for _, r := range s {
		switch {
		case r == '\x1b':
			esc = true
		case esc:
			esc = r != 'm'
		default:
			n++
		}
	}
	return n
}

func scoreColor(score float64) string {
	switch {
	case score >= 75:
		return green
	case score >= 50:
		return yellow
	default:
		return red
	}
}

// trim1 formats a number with at most one decimal place.
func trim1(v float64) string {
	return strings.TrimSuffix(strings.TrimRight(fmt.Sprintf("%.1f", v), "0"), ".")
}
