package report

import (
	_ "embed"
	"io"
	"strings"
	"sync"
	"text/template"

	"github.com/tailor-cli/tailor/match"
)

//go:embed templates/report.md.tmpl
var markdownTemplate string

var markdownTmpl = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("report.md").Funcs(template.FuncMap{
		"score":    trim1,
		"cell":     mdCell,
		"baseline": baselineLines,
		"status": func(s match.Status) string {
			return map[match.Status]string{match.Matched: "✓ matched", match.Partial: "~ partial", match.Missing: "✗ missing"}[s]
		},
		"first": func(ev []match.Evidence) string {
			if len(ev) == 0 {
				return ""
			}
			return ev[0].Text
		},
		"join": strings.Join,
	}).Parse(markdownTemplate))
})

// markdownWriter writes the report as GitHub-flavoured Markdown: with
// detail, every skill in a table and advice on each to change; without,
// the five changes that win the most points in full and the rest by name.
type markdownWriter struct{ detail bool }

// markdownView is what the Markdown template reads.
type markdownView struct {
	*match.Report
	Detail     bool
	Top        []match.SkillResult
	Others     []gapGroup
	RestAdvice string
	Matched    []string
}

func (m markdownWriter) Write(w io.Writer, r *match.Report) error {
	v := markdownView{Report: r, Detail: m.detail, RestAdvice: restAdvice}
	if !m.detail {
		top, rest := changes(r, topChangesShown)
		v.Top, v.Others = top, gapGroups(rest)
		for _, s := range r.Skills {
			if s.Status == match.Matched && s.Suggestion == nil {
				v.Matched = append(v.Matched, s.Name)
			}
		}
	}
	return markdownTmpl().Execute(w, v)
}

// mdCell makes text safe inside a Markdown table cell: one line, pipes and
// markup characters escaped.
func mdCell(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	r := strings.NewReplacer("|", `\|`, "*", `\*`, "_", `\_`, "`", "\\`", "<", "&lt;", ">", "&gt;", "[", `\[`, "]", `\]`)
	return r.Replace(s)
}
