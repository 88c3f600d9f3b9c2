package report

import (
	"bufio"
	_ "embed"
	"fmt"
	"html/template"
	"io"
	"maps"
	"slices"
	"strings"
	"sync"

	"github.com/tailor-cli/tailor/match"
)

// JobsWriter writes the ranking of several jobs against one resume.
type JobsWriter interface {
	// WriteJobs writes the ranking to w and returns the first error.
	WriteJobs(w io.Writer, resume string, jobs []match.JobRank) error
}

var jobsFormats = map[string]func() JobsWriter{
	"text":     func() JobsWriter { return jobsText{} },
	"json":     func() JobsWriter { return jobsJSON{} },
	"markdown": func() JobsWriter { return jobsMarkdown{} },
	"html":     func() JobsWriter { return jobsHTML{} },
}

// NewJobs returns the ranking writer for a format name: text, json,
// markdown or html.
func NewJobs(name string) (JobsWriter, error) {
	f, ok := jobsFormats[name]
	if !ok {
		return nil, fmt.Errorf("unknown format %q for several jobs (want one of %s)", name, strings.Join(slices.Sorted(maps.Keys(jobsFormats)), ", "))
	}
	return f(), nil
}

// jobName is how a ranking names a job: its title and its file.
func jobName(j match.JobRank) string {
	if j.JobTitle == "" || j.JobTitle == j.Job {
		return j.Job
	}
	return j.JobTitle + " (" + j.Job + ")"
}

// jobsText writes a table, one job per line, then what each lacks.
type jobsText struct{}

func (jobsText) WriteJobs(w io.Writer, resume string, jobs []match.JobRank) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "Resume: %s against %d jobs, best fit first\n\n", resume, len(jobs))
	fmt.Fprintf(bw, "%4s  %5s  %s\n", "Rank", "Score", "Job")
	for _, j := range jobs {
		fmt.Fprintf(bw, "%4d  %5s  %s\n", j.Rank, trim1(j.Score), jobName(j))
		if len(j.MissingRequired) > 0 {
			fmt.Fprintf(bw, "%13smissing required: %s\n", "", strings.Join(j.MissingRequired, ", "))
		}
		for _, q := range j.UnmetRequirements {
			fmt.Fprintf(bw, "%13snot met: %s\n", "", q)
		}
	}
	fmt.Fprintf(bw, "\nFor one job's full report: tailor check %s --job FILE\n", resume)
	return bw.Flush()
}

// jobsJSON writes the ranking as a JSON array, each entry with its full
// report.
type jobsJSON struct{}

func (jobsJSON) WriteJobs(w io.Writer, _ string, jobs []match.JobRank) error {
	return writeJSON(w, jobs)
}

// jobsMarkdown writes the ranking as a Markdown table.
type jobsMarkdown struct{}

func (jobsMarkdown) WriteJobs(w io.Writer, resume string, jobs []match.JobRank) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "# Jobs ranked for %s\n\n", mdCell(resume))
	fmt.Fprintln(bw, "| Rank | Score | Job | Missing required | Not met |")
	fmt.Fprintln(bw, "|---:|---:|---|---|---|")
	for _, j := range jobs {
		fmt.Fprintf(bw, "| %d | %s | %s | %s | %s |\n", j.Rank, trim1(j.Score), mdCell(jobName(j)),
			mdCell(strings.Join(j.MissingRequired, ", ")), mdCell(strings.Join(j.UnmetRequirements, "; ")))
	}
	return bw.Flush()
}

//go:embed templates/jobs.html.tmpl
var jobsTemplate string

var jobsTmpl = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("jobs.html").Funcs(htmlFuncs).Parse(jobsTemplate))
})

// jobsHTML writes the ranking as one self-contained page with no script.
type jobsHTML struct{}

func (jobsHTML) WriteJobs(w io.Writer, resume string, jobs []match.JobRank) error {
	page := struct {
		Resume string
		Jobs   []match.JobRank
		Style  template.CSS
	}{resume, jobs, template.CSS(htmlStyle)}
	if err := jobsTmpl().Execute(w, page); err != nil {
		return fmt.Errorf("html ranking: %w", err)
	}
	return nil
}
