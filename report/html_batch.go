package report

import (
	"bufio"
	_ "embed"
	"fmt"
	"html/template"
	"io"
	"net/url"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"github.com/tailor-cli/tailor/match"
)

//go:embed templates/screen.html.tmpl
var screenTemplate string

//go:embed templates/screen.js
var screenScript string

// screenTmpl holds three templates: "head" (up to the table body), "row"
// (one candidate) and "tail", so a shortlist of any length streams out
// one row at a time.
var screenTmpl = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("screen.html").Funcs(htmlFuncs).Parse(screenTemplate))
})

// shortlistPage is how many rows the shortlist shows at once; screen.js
// holds the same number.
const shortlistPage = 500

// batchHTML writes the shortlist as one self-contained HTML page: a score
// histogram, filters by minimum score and by required skill, and a table
// that sorts and expands each row to the candidate's gaps.
type batchHTML struct{}

// screenHead is what the page's head and controls show.
type screenHead struct {
	Job       string
	Summary   match.Summary
	Style     template.CSS
	Script    template.JS
	CSP       string
	Skills    []skillOption
	Histogram []histBin
	MaxBin    int
}

// skillOption is a required skill to filter by.
type skillOption struct{ ID, Name string }

// histBin is one bar of the score histogram: scores in [From, From+10).
type histBin struct{ From, Count, Height int }

// screenRow is one candidate as the table shows it.
type screenRow struct {
	match.Row
	// Hidden is set past the first page of rows, which the page's script
	// pages through; without it the browser lays out every row first.
	Hidden           bool
	Score            string
	Has              string
	MissingRequired  []string
	MissingPreferred []string
	Partial          []string
	Warnings         []string
	// Href opens the resume's file, relative to the page (Batch.FileBase);
	// empty when the page does not link files.
	Href string
}

func (batchHTML) WriteBatch(w io.Writer, b Batch) error {
	head := screenHead{Job: b.Job, Summary: b.Summary, Style: template.CSS(htmlStyle),
		Script: template.JS(screenScript), CSP: pageCSP(screenScript)}
	// First pass: the histogram and the job's required skills.
	head.Histogram = make([]histBin, 10)
	for i := range head.Histogram {
		head.Histogram[i].From = 10 * i
	}
	skills := map[string]string{}
	err := b.candidates()(func(r match.Row) error {
		if r.Report == nil {
			return nil
		}
		head.Histogram[min(int(r.Report.Score)/10, 9)].Count++
		for _, s := range r.Report.Skills {
			if s.Importance == match.Required {
				skills[s.ID] = s.Name
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	for _, h := range head.Histogram {
		head.MaxBin = max(head.MaxBin, h.Count)
	}
	for i := range head.Histogram {
		if head.MaxBin > 0 {
			head.Histogram[i].Height = head.Histogram[i].Count * 100 / head.MaxBin
		}
	}
	for id, name := range skills {
		head.Skills = append(head.Skills, skillOption{ID: id, Name: name})
	}
	sort.Slice(head.Skills, func(i, j int) bool { return head.Skills[i].Name < head.Skills[j].Name })

	bw := bufio.NewWriter(w)
	if err := screenTmpl().ExecuteTemplate(bw, "head", head); err != nil {
		return fmt.Errorf("html shortlist: %w", err)
	}
	i := 0
	err = b.candidates()(func(r match.Row) error {
		row := newScreenRow(r)
		row.Href = fileHref(b.FileBase, r.File)
		row.Hidden = i >= shortlistPage
		i++
		if err := screenTmpl().ExecuteTemplate(bw, "row", row); err != nil {
			return fmt.Errorf("html shortlist: %w", err)
		}
		return nil
	})
	if err != nil {
		return err
	}
	if err := screenTmpl().ExecuteTemplate(bw, "tail", head); err != nil {
		return fmt.Errorf("html shortlist: %w", err)
	}
	return bw.Flush()
}

// fileHref returns a link to file from a page in folder base: its path
// relative to base, each part escaped; empty when base is empty or the
// path cannot be made relative.
func fileHref(base, file string) string {
	if base == "" || file == "" {
		return ""
	}
	abs, err := filepath.Abs(file)
	if err != nil {
		return ""
	}
	rel, err := filepath.Rel(base, abs)
	if err != nil {
		return ""
	}
	parts := strings.Split(filepath.ToSlash(rel), "/")
	for i, p := range parts {
		parts[i] = url.PathEscape(p)
	}
	return strings.Join(parts, "/")
}

// newScreenRow sorts a row's skills into what the expanded row shows.
func newScreenRow(r match.Row) screenRow {
	out := screenRow{Row: r}
	if r.Report == nil {
		return out
	}
	out.Score = trim1(r.Report.Score)
	var has []string
	for _, s := range r.Report.Skills {
		switch {
		case s.Status != match.Missing && s.Importance == match.Required:
			has = append(has, s.ID)
		case s.Status == match.Missing && s.Importance == match.Required:
			out.MissingRequired = append(out.MissingRequired, s.Name)
		case s.Status == match.Missing:
			out.MissingPreferred = append(out.MissingPreferred, s.Name)
		}
		if s.Status == match.Partial {
			out.Partial = append(out.Partial, s.Name+" (via "+s.Via+")")
		}
	}
	out.Has = " " + strings.Join(has, " ") + " "
	for _, w := range r.Report.Warnings {
		out.Warnings = append(out.Warnings, w.Code)
	}
	return out
}
