package report

import (
	_ "embed"
	"io"
	"strings"
	"text/template"

	"github.com/tailor-cli/tailor/match"
)

//go:embed templates/report.md.tmpl
var markdownTemplate string

var markdownTmpl = template.Must(template.New("report.md").Funcs(template.FuncMap{
	"score": trim1,
	"cell":  mdCell,
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

// markdownWriter writes the report as GitHub-flavoured Markdown.
type markdownWriter struct{}

func (markdownWriter) Write(w io.Writer, r *match.Report) error {
	return markdownTmpl.Execute(w, r)
}

// mdCell makes text safe inside a Markdown table cell: one line, pipes and
// markup characters escaped.
func mdCell(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	r := strings.NewReplacer("|", `\|`, "*", `\*`, "_", `\_`, "`", "\\`", "<", "&lt;", ">", "&gt;", "[", `\[`, "]", `\]`)
	return r.Replace(s)
}
