package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strings"
	"time"

	ucli "github.com/urfave/cli/v3"

	"github.com/tailor-cli/tailor/extract"
	"github.com/tailor-cli/tailor/match"
	"github.com/tailor-cli/tailor/match/job"
	"github.com/tailor-cli/tailor/match/text"
	"github.com/tailor-cli/tailor/report"
)

// errGaveUp says a file took longer than --timeout.
var errGaveUp = errors.New("gave up")

// checkCommand is "tailor check": one resume against one job.
func checkCommand(stdin io.Reader, stdout, stderr io.Writer, jsonErrors *bool) *ucli.Command {
	return &ucli.Command{
		Name:      "check",
		Usage:     "compare one resume with a job and print the gap report",
		ArgsUsage: "RESUME",
		Description: "RESUME is a .pdf, .docx, .txt or .md file. Without --job, the built-in deep learning engineer profile is used.\n" +
			"With several --job files, check ranks the jobs by score instead of writing one report.\n" +
			"Exit status: 0 report written; 1 score below --min-score (with several jobs: every score); 2 usage or input error.",
		Flags: append([]ucli.Flag{
			&ucli.StringSliceFlag{Name: "job", Aliases: []string{"j"}, Usage: "job description `FILE` (.txt, .md, .pdf, .docx or a saved page), or - for standard input; default: built-in deep learning engineer profile. Give it several times to rank the jobs for this resume"},
			&ucli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "text", Usage: "report format: " + strings.Join(report.Formats(), ", ")},
			&ucli.FloatFlag{Name: "min-score", Usage: "exit with status 1 when the score is below `N` (0-100)"},
			&ucli.StringFlag{Name: "taxonomy", Usage: "skill taxonomy `FILE` (YAML) that extends the built-in one, or replaces it with 'replace: true'"},
			&ucli.StringFlag{Name: "out", Aliases: []string{"o"}, Usage: "write the report to `FILE` (written whole or not at all) instead of standard output"},
			&ucli.StringFlag{Name: "baseline", Usage: "an earlier version `FILE` of the resume: say what the edit changed (score, skills, requirements)"},
			&ucli.BoolFlag{Name: "detail", Usage: "text and Markdown: advice on every skill to change (by default the five changes that win the most points in full, the rest by name)"},
			&ucli.DurationFlag{Name: "timeout", Value: 10 * time.Second, Usage: "give up reading the resume and job after `D`"},
		}, limitFlags()...),
		Action: func(ctx context.Context, cmd *ucli.Command) error {
			if os.Getenv("GOGC") == "" {
				// A check is one short run that allocates about 10 MB:
				// collecting less often saves a fifth of its time
				// (measured: 18.3 → 14.4 ms) at the same peak memory.
				debug.SetGCPercent(400)
			}
			format := cmd.String("format")
			*jsonErrors = format == "json"
			w, err := report.New(format, report.Options{Color: cmd.String("out") == "" && useColor(stdout), Detail: cmd.Bool("detail")})
			var jw report.JobsWriter
			if err != nil {
				return usageError{err: err}
			}
			if cmd.Args().Len() != 1 {
				return usageError{err: fmt.Errorf("check needs exactly one RESUME file, got %d arguments", cmd.Args().Len())}
			}
			if cmd.IsSet("min-score") {
				if m := cmd.Float("min-score"); m < 0 || m > 100 {
					return usageError{err: fmt.Errorf("--min-score %g is outside 0-100", m)}
				}
			}
			if readTimeout(cmd) <= 0 {
				return usageError{err: errors.New("--timeout must be positive")}
			}
			// Read the resume while the taxonomy and job are prepared: the
			// two are independent and each takes about half of a check.
			// The PDF library cannot be interrupted, so the reading runs
			// under a deadline; when it passes, check fails and its
			// process, ending, stops the reading for certain.
			opts, err := limitOptions(cmd)
			if err != nil {
				return err
			}
			jobPaths := cmd.StringSlice("job")
			if len(jobPaths) == 0 {
				jobPaths = []string{""}
			}
			if n := countOf(jobPaths, "-"); n > 1 {
				return usageError{err: errors.New("--job - is given more than once; standard input holds one job")}
			}
			baselinePath := cmd.String("baseline")
			if len(jobPaths) > 1 {
				if baselinePath != "" {
					return usageError{err: errors.New("--baseline compares two versions of a resume against one job; give one --job")}
				}
				if jw, err = report.NewJobs(format); err != nil {
					return usageError{err: err}
				}
			}
			type result struct {
				doc  *extract.Document
				jobs []*job.Job
				err  error
			}
			if slices.ContainsFunc(jobPaths, func(p string) bool { return p != "" }) {
				// A job ad is read after the taxonomy's rules are ready:
				// its tagger's model loads meanwhile, beside the resume.
				go text.LoadTagger()
			}
			path := cmd.Args().First()
			resume := make(chan result, 1)
			go func() {
				var r result
				defer func() { resume <- r }()
				defer recovered(&r.err)
				r.doc, r.err = extract.Read(path, opts)
			}()
			prepared := make(chan result, 1)
			go func() {
				var r result
				defer func() { prepared <- r }()
				defer recovered(&r.err)
				tax, err := loadTaxonomy(cmd.String("taxonomy"))
				if err != nil {
					r.err = err
					return
				}
				for _, p := range jobPaths {
					jd, err := loadJob(p, stdin, tax, opts)
					if err != nil {
						r.err = err
						return
					}
					r.jobs = append(r.jobs, jd)
				}
			}()
			// The earlier version, when given, is read alongside.
			earlier := make(chan result, 1)
			var before *extract.Document
			if baselinePath != "" {
				go func() {
					var r result
					defer func() { earlier <- r }()
					defer recovered(&r.err)
					r.doc, r.err = extract.Read(baselinePath, opts)
					if r.err != nil {
						r.err = fmt.Errorf("baseline %w", r.err)
					}
				}()
			}
			deadline := time.NewTimer(readTimeout(cmd))
			defer deadline.Stop()
			var jobs []*job.Job
			var doc *extract.Document
			for jobs == nil || doc == nil || baselinePath != "" && before == nil {
				select {
				case r := <-earlier:
					if r.err != nil {
						return r.err
					}
					before = r.doc
				case p := <-prepared:
					if p.err != nil {
						return p.err
					}
					jobs = p.jobs
				case r := <-resume:
					if r.err != nil {
						return r.err
					}
					doc = r.doc
				case <-deadline.C:
					what := path
					switch {
					case jobs == nil && doc != nil:
						what = "job " + strings.Join(jobPaths, ", ")
					case doc != nil && jobs != nil:
						what = "baseline " + baselinePath
					}
					return fmt.Errorf("%s: %w after %s: the file may be damaged so that reading it never ends (raise --timeout to wait longer)",
						what, errGaveUp, readTimeout(cmd))
				}
			}
			if len(jobs) > 1 {
				reports := make([]*match.Report, len(jobs))
				for k, jd := range jobs {
					reports[k] = match.Compare(jd, doc)
				}
				ranked := match.RankJobs(reports)
				if err := writeOutput(cmd.String("out"), stdout, func(out io.Writer) error { return jw.WriteJobs(out, path, ranked) }); err != nil {
					return err
				}
				if cmd.IsSet("min-score") && ranked[0].Score < cmd.Float("min-score") {
					return errBelowThreshold
				}
				return nil
			}
			rep := match.Compare(jobs[0], doc)
			if before != nil {
				match.CompareBaseline(rep, match.Compare(jobs[0], before))
			}
			if err := writeOutput(cmd.String("out"), stdout, func(out io.Writer) error { return w.Write(out, rep) }); err != nil {
				return err
			}
			if cmd.IsSet("min-score") && rep.Score < cmd.Float("min-score") {
				return errBelowThreshold
			}
			return nil
		},
	}
}

// writeOutput writes with write to stdout, or to the file at path through
// a temporary file renamed into place, so the file is whole or absent. A
// path that names something other than a regular file (/dev/null, a named
// pipe, /dev/stdout) is written directly: renaming over it would replace
// the device or pipe with a file.
func writeOutput(path string, stdout io.Writer, write func(io.Writer) error) error {
	if path == "" {
		return write(stdout)
	}
	if st, err := os.Stat(path); err == nil && !st.Mode().IsRegular() {
		f, err := os.OpenFile(path, os.O_WRONLY, 0)
		if err != nil {
			return fmt.Errorf("write %s: %w", path, unwrapPath(err))
		}
		if err := write(f); err != nil {
			f.Close()
			return fmt.Errorf("write %s: %w", path, err)
		}
		if err := f.Close(); err != nil {
			return fmt.Errorf("write %s: %w", path, err)
		}
		return nil
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return fmt.Errorf("write %s: %w", path, unwrapPath(err))
	}
	defer os.Remove(tmp.Name()) // no-op after a successful rename
	if err := write(tmp); err != nil {
		tmp.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	// CreateTemp makes the file private; a report is an ordinary file.
	if err := tmp.Chmod(0o644); err != nil {
		tmp.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("write %s: %w", path, errors.Unwrap(err))
	}
	return nil
}

// countOf counts the elements of xs equal to x.
func countOf(xs []string, x string) int {
	n := 0
	for _, y := range xs {
		if y == x {
			n++
		}
	}
	return n
}
