package report

import (
	"crypto/sha256"
	_ "embed"
	"encoding/base64"
	"fmt"
	"html/template"
	"io"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"sync"

	"github.com/tailor-cli/tailor/match"
)

//go:embed templates/report.html.tmpl
var htmlTemplate string

//go:embed templates/report.js
var htmlScript string

//go:embed templates/report.css
var htmlStyle string

// htmlWriter writes the report as one self-contained HTML page: inline
// style, script and SVG, and a Content-Security-Policy that lets the page
// load nothing and run no script but its own.
type htmlWriter struct{}

// htmlPage is what the HTML template sees.
type htmlPage struct {
	*match.Report
	Style      template.CSS
	Script     template.JS
	CSP        string
	Categories []categoryBar
	// Top are the changes that win the most points, shown open; Rest the
	// others, collapsed.
	Top, Rest []match.SkillResult
}

// categoryBar is the coverage of one skill category: the share of its
// skills the resume shows (partial counting half).
type categoryBar struct {
	Name                      string
	Matched, Partial, Missing int
	Percent                   int
}

// bidiControls are the Unicode direction controls; a resume could use them
// to make text read differently from what it holds.
var bidiControls = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile("[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]") })

// htmlFuncs are the functions of both HTML templates.
var htmlFuncs = template.FuncMap{
	"score": trim1,
	"clean": cleanText,
	// base is a path's last element: a page names the resume's file, not
	// where it sits on the disk.
	"base":     filepath.Base,
	"mark":     markTerm,
	"join":     strings.Join,
	"add":      func(a, b int) int { return a + b },
	"sub":      func(a, b int) int { return a - b },
	"mul":      func(a, b int) int { return a * b },
	"mulf":     func(a float64, b int) float64 { return a * float64(b) },
	"baseline": baselineLines,
}

// htmlTmpl parses the page template on first use, not at every start of
// tailor (it cost 0.3 ms of each run's start-up).
var htmlTmpl = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("report.html").Funcs(htmlFuncs).Parse(htmlTemplate))
})

func (htmlWriter) Write(w io.Writer, r *match.Report) error {
	page := htmlPage{
		Report:     r,
		Style:      template.CSS(htmlStyle),
		Script:     template.JS(htmlScript),
		CSP:        pageCSP(htmlScript),
		Categories: categories(r.Skills),
	}
	page.Top, page.Rest = changes(r, topChangesShown)
	if err := htmlTmpl().Execute(w, page); err != nil {
		return fmt.Errorf("html report: %w", err)
	}
	return nil
}

// pageCSP is the Content-Security-Policy of a page whose only script is
// script: nothing may load, and no script but that one may run, even if
// markup got through escaping.
func pageCSP(script string) string {
	sum := sha256.Sum256([]byte(script))
	return "default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'sha256-" +
		base64.StdEncoding.EncodeToString(sum[:]) + "'"
}

// cleanText removes Unicode direction controls from untrusted text.
func cleanText(s string) string { return bidiControls().ReplaceAllString(s, "") }

// categories tallies the job's skills by category, weakest coverage first.
func categories(skills []match.SkillResult) []categoryBar {
	by := map[string]*categoryBar{}
	var out []*categoryBar
	for _, s := range skills {
		c := by[s.Category]
		if c == nil {
			c = &categoryBar{Name: s.Category}
			by[s.Category] = c
			out = append(out, c)
		}
		switch s.Status {
		case match.Matched:
			c.Matched++
		case match.Partial:
			c.Partial++
		default:
			c.Missing++
		}
	}
	bars := make([]categoryBar, len(out))
	for i, c := range out {
		total := c.Matched + c.Partial + c.Missing
		c.Percent = (200*c.Matched + 100*c.Partial + total) / (2 * total)
		bars[i] = *c
	}
	sort.SliceStable(bars, func(i, j int) bool {
		if bars[i].Percent != bars[j].Percent {
			return bars[i].Percent < bars[j].Percent
		}
		return bars[i].Name < bars[j].Name
	})
	return bars
}

// marked is an evidence sentence split around its matched term.
type marked struct{ Before, Term, After string }

// markTerm splits e's text around its term, for highlighting; the whole
// text is Before when the offsets do not fit it.
func markTerm(e match.Evidence) marked {
	if e.TermStart < 0 || e.TermEnd > len(e.Text) || e.TermStart >= e.TermEnd {
		return marked{Before: e.Text}
	}
	return marked{Before: e.Text[:e.TermStart], Term: e.Text[e.TermStart:e.TermEnd], After: e.Text[e.TermEnd:]}
}
