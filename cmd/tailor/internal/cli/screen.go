package cli

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"slices"
	"strings"
	"syscall"
	"time"

	ucli "github.com/urfave/cli/v3"
	"github.com/vbauerster/mpb/v8"
	"github.com/vbauerster/mpb/v8/decor"

	"github.com/tailor-cli/tailor/extract"
	"github.com/tailor-cli/tailor/match"
	"github.com/tailor-cli/tailor/match/job"
	"github.com/tailor-cli/tailor/match/taxonomy"
	"github.com/tailor-cli/tailor/match/text"
	"github.com/tailor-cli/tailor/report"
	"github.com/tailor-cli/tailor/screen"
)

// errInterrupted is returned when screening stops on a signal.
var errInterrupted = errors.New("interrupted")

// ExitInterrupted is the exit code after Ctrl-C (128 + SIGINT).
const ExitInterrupted = 130

// workerEnv marks a process started as a screening worker. The variable
// lets a test binary, which has its own main, act as a worker too.
const workerEnv = "TAILOR_WORKER"

// workerConfig is the first line screen sends each worker.
type workerConfig struct {
	Job       string          `json:"job"`
	JobName   string          `json:"job_name"`
	Taxonomy  string          `json:"taxonomy,omitempty"`
	Anonymize bool            `json:"anonymize,omitempty"`
	Limits    extract.Options `json:"limits"`
	// Summaries says that the output format reads only the rows'
	// summaries: a worker sends those (see screen.Serve).
	Summaries bool `json:"summaries,omitempty"`
}

// screenCommand is "tailor screen": rank many resumes against one job.
func screenCommand(stdin io.Reader, stdout, stderr io.Writer, jsonErrors *bool) *ucli.Command {
	return &ucli.Command{
		Name:      "screen",
		Usage:     "rank a folder of resumes against one job",
		ArgsUsage: "INPUT...",
		Description: "INPUT is a file, a folder (searched recursively), a pattern such as 'cv/*.pdf', or - for a list of paths on standard input.\n" +
			"Every input is accounted for: unreadable files get status error, other file types status skipped.\n" +
			"Exit status: 0 the run completed (even with per-file errors); 2 usage error; 130 interrupted.",
		Flags: append([]ucli.Flag{
			&ucli.StringFlag{Name: "job", Aliases: []string{"j"}, Required: true, Usage: "job description `FILE` (.txt, .md, .pdf or .docx), or - for standard input"},
			&ucli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "text", Usage: "output format: " + strings.Join(report.BatchFormats(), ", ")},
			&ucli.StringFlag{Name: "out", Aliases: []string{"o"}, Usage: "write the output to `FILE` (written whole or not at all) instead of standard output"},
			&ucli.IntFlag{Name: "top", Usage: "list only the best `N` resumes (files that failed are always listed)"},
			&ucli.BoolFlag{Name: "show-skipped", Usage: "text and HTML: also list the files that are no resume (CSV and JSON always list every file)"},
			&ucli.FloatFlag{Name: "min-score", Usage: "leave out resumes scoring below `N`"},
			requireYearsFlag(), requireDegreeFlag(),
			&ucli.IntFlag{Name: "jobs", Value: runtime.NumCPU(), Usage: "resumes read at once (worker processes)"},
			&ucli.BoolFlag{Name: "anonymize", Usage: "blind screening: remove names, emails, phones, URLs and addresses, and name each resume by a short hash"},
			&ucli.StringFlag{Name: "shard", Usage: "process only part `K/N` of the sorted inputs, for spreading a run over N machines (merge the JSONL outputs with tailor merge)"},
			&ucli.DurationFlag{Name: "timeout", Value: 10 * time.Second, Usage: "give up on a file after `D`"},
			&ucli.StringFlag{Name: "taxonomy", Usage: "skill taxonomy `FILE` (YAML) that extends the built-in one"},
		}, limitFlags()...),
		Action: func(ctx context.Context, cmd *ucli.Command) error {
			format := cmd.String("format")
			*jsonErrors = format == "json" || format == "jsonl"
			w, err := report.NewBatch(format, report.Options{})
			if err != nil {
				return usageError{err: err}
			}
			args := cmd.Args().Slice()
			if len(args) == 0 {
				return usageError{err: errors.New("screen needs at least one INPUT (a file, a folder, a pattern, or -)")}
			}
			shard := screen.Shard{K: 1, N: 1}
			if s := cmd.String("shard"); s != "" {
				if shard, err = screen.ParseShard(s); err != nil {
					return usageError{err: err}
				}
			}
			if cmd.Int("jobs") < 1 || cmd.Int("top") < 0 || readTimeout(cmd) <= 0 {
				return usageError{err: errors.New("--jobs must be at least 1, --top at least 0, and --timeout positive")}
			}
			limits, err := limitOptions(cmd)
			if err != nil {
				return err
			}
			jobPath := cmd.String("job")
			if jobPath == "-" && contains(args, "-") {
				return usageError{err: errors.New("--job - and INPUT - both want standard input; give one of them as a file")}
			}
			// Analyse the job here once, so a bad job or taxonomy stops the
			// run before any worker starts.
			tax, err := loadTaxonomy(cmd.String("taxonomy"))
			if err != nil {
				return err
			}
			rankOpts, err := rankOptions(cmd, tax.Rules())
			if err != nil {
				return err
			}
			jd, jobFile, cleanup, err := jobForWorkers(jobPath, stdin, tax)
			if err != nil {
				return err
			}
			defer cleanup()
			inputs, err := screen.Collect(args, stdin, extract.Supported)
			if err != nil {
				return usageError{err: err, noHint: true}
			}
			if !slices.ContainsFunc(inputs, func(in screen.Input) bool { return in.Status == match.RowOK }) {
				return usageError{err: fmt.Errorf("no resume to screen in %s: %d files, none of them .pdf, .docx, .txt or .md", strings.Join(args, " "), len(inputs)), noHint: true}
			}
			inputs = shard.Select(inputs)

			ctx, stop := signal.NotifyContext(ctx, os.Interrupt, syscall.SIGTERM)
			defer stop()
			results, err := screen.NewResults("")
			if err != nil {
				return err
			}
			defer results.Close()
			bar := progress(stderr, len(inputs))
			anonymize := cmd.Bool("anonymize")
			pool := &screen.Pool{
				Command: workerCommand,
				Config: workerConfig{Job: jobFile, JobName: jd.Name, Taxonomy: cmd.String("taxonomy"),
					Anonymize: anonymize, Limits: limits, Summaries: report.SummariesOnly(w)},
				Workers: cmd.Int("jobs"),
				Timeout: readTimeout(cmd),
			}
			if anonymize {
				pool.MakeRow = anonymizeFailure
			}
			done := 0
			start := time.Now()
			err = pool.Run(ctx, inputs, func(raw []byte) error {
				done++
				bar.increment()
				return results.Add(raw)
			})
			bar.close()
			if ctx.Err() != nil {
				fmt.Fprintf(stderr, "tailor: interrupted after %d of %d files; no output written\n", done, len(inputs))
				return errInterrupted
			}
			if err != nil {
				return err
			}
			sum := results.Rank(rankOpts)
			batch := report.Batch{Job: jd.Name, Summary: sum, Rows: results.Each, Summaries: results.EachSummary, ShowSkipped: cmd.Bool("show-skipped")}
			if !anonymize {
				batch.FileBase = outputFolder(cmd.String("out"))
			}
			if err := writeOutput(cmd.String("out"), stdout, func(out io.Writer) error { return w.WriteBatch(out, batch) }); err != nil {
				return err
			}
			fmt.Fprintf(stderr, "%d ranked, %d failed, %d skipped, %d duplicates in %.1fs\n",
				sum.Ranked, sum.Failed, sum.Skipped, sum.Duplicates, time.Since(start).Seconds())
			return nil
		},
	}
}

// outputFolder returns the absolute folder an output is written to: out's
// folder, or the working folder for standard output; empty when unknown.
func outputFolder(out string) string {
	if out == "" {
		out = "shortlist"
	}
	dir, err := filepath.Abs(filepath.Dir(out))
	if err != nil {
		return ""
	}
	return dir
}

// jobForWorkers loads the job once (validating it) and returns a file the
// workers can read it from: the job's own path, or for standard input a
// temporary copy that cleanup removes.
func jobForWorkers(path string, stdin io.Reader, tax *taxonomy.Taxonomy) (*job.Job, string, func(), error) {
	if path != "-" {
		jd, err := loadJob(path, stdin, tax, extract.Options{})
		return jd, path, func() {}, err
	}
	data, err := readStdinJob(stdin)
	if err != nil {
		return nil, "", nil, err
	}
	ext := ".md"
	if extract.LooksLikeHTML(data) {
		ext = ".html"
	}
	f, err := os.CreateTemp("", "tailor-job-*"+ext)
	if err != nil {
		return nil, "", nil, fmt.Errorf("job from standard input: %w", err)
	}
	cleanup := func() { os.Remove(f.Name()) }
	if _, err := f.Write(data); err != nil {
		f.Close()
		cleanup()
		return nil, "", nil, fmt.Errorf("job from standard input: %w", err)
	}
	f.Close()
	doc, err := extract.ReadPasted("-", data)
	if err != nil {
		cleanup()
		return nil, "", nil, fmt.Errorf("job %w", err)
	}
	return job.New("-", doc, tax), f.Name(), cleanup, nil
}

// workerCommand starts this program as a screening worker.
func workerCommand() *exec.Cmd {
	self, err := os.Executable()
	if err != nil {
		self = os.Args[0]
	}
	cmd := exec.Command(self, "worker")
	cmd.Env = append(os.Environ(), workerEnv+"=1")
	return cmd
}

// anonymizeFailure names a file that failed or was skipped by a hash of its
// path, and removes the path from the reason.
func anonymizeFailure(r match.Row) match.Row {
	id := screen.ID("file-", []byte(r.File))
	r.Error = strings.ReplaceAll(r.Error, r.File, id)
	r.File = id
	return r
}

// progressBar shows how far screening has got, on a terminal. A nil
// *progressBar shows nothing.
type progressBar struct {
	container *mpb.Progress
	bar       *mpb.Bar
}

// progress returns a progress bar on w when w is a terminal, else nil.
func progress(w io.Writer, n int) *progressBar {
	if !isTerminal(w) || n < 2 {
		return nil
	}
	container := mpb.New(mpb.WithOutput(w), mpb.WithWidth(40), mpb.WithAutoRefresh(),
		mpb.WithRefreshRate(100*time.Millisecond))
	bar := container.AddBar(int64(n), mpb.BarRemoveOnComplete(),
		mpb.PrependDecorators(decor.Name("screening "), decor.CountersNoUnit("%d/%d", decor.WCSyncSpace)),
		mpb.AppendDecorators(decor.Percentage(decor.WCSyncSpace), decor.AverageSpeed(nil, " %.0f resumes/s")))
	return &progressBar{container, bar}
}

// increment counts one more file done.
func (p *progressBar) increment() {
	if p != nil {
		p.bar.Increment()
	}
}

// close removes the bar from the terminal, finished or not.
func (p *progressBar) close() {
	if p == nil {
		return
	}
	if !p.bar.Completed() {
		p.bar.Abort(true)
	}
	p.container.Wait()
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// workerCommandDef is the hidden "tailor worker" command that screen starts:
// it reads its configuration and file paths on standard input and writes
// one result row per file on standard output.
func workerCommandDef(stdin io.Reader, stdout io.Writer) *ucli.Command {
	return &ucli.Command{
		Name:   "worker",
		Hidden: true,
		Usage:  "process files for tailor screen (started by it)",
		Action: func(ctx context.Context, cmd *ucli.Command) error {
			if os.Getenv("GOGC") == "" {
				// A worker reads file after file, each a few MB of
				// garbage over a small live set: collecting less often
				// saves time, and the memory limit keeps the heap
				// bounded however long the run.
				debug.SetGCPercent(workerGCPercent)
				debug.SetMemoryLimit(workerMemoryLimit)
			}
			if os.Getenv("GOMAXPROCS") == "" {
				// The other workers use the other CPUs: a worker compares
				// on one (match runs nothing alongside then), as it reads
				// a PDF's pages one at a time (setupWorker).
				runtime.GOMAXPROCS(1)
			}
			return screen.Serve(stdin, stdout, setupWorker)
		},
	}
}

// Garbage collection in a screen worker: see workerCommandDef.
const (
	workerGCPercent   = 400
	workerMemoryLimit = 48 << 20
)

// personNames finds people's names for blind screening: those prose's
// entity recognizer finds, and those the skill finder knows by their form
// (after an honorific, in a list of authors).
func personNames(tax *taxonomy.Taxonomy) func(string) []string {
	finder := tax.Rules().Names()
	return func(s string) []string {
		out := text.PersonNames(s)
		for _, sp := range finder.Find(s) {
			out = append(out, s[sp.Start:sp.End])
		}
		return out
	}
}

// setupWorker prepares a worker from its configuration: it loads the
// taxonomy and job once and returns the function that handles one file.
func setupWorker(raw []byte) (func(string) match.Row, error) {
	var cfg workerConfig
	if err := json.Unmarshal(raw, &cfg); err != nil {
		return nil, fmt.Errorf("configuration: %w", err)
	}
	tax, err := loadTaxonomy(cfg.Taxonomy)
	if err != nil {
		return nil, err
	}
	jd, err := loadJob(cfg.Job, nil, tax, extract.Options{})
	if err != nil {
		return nil, err
	}
	jd.Name = cfg.JobName
	// The other workers use the other CPUs: read a PDF's pages one at a
	// time.
	cfg.Limits.PageWorkers = 1
	anon := screen.Anonymizer{Names: personNames(tax)}
	return func(path string) (row match.Row) {
		// A panic costs this file a row, not the worker its life (and
		// the row a stack trace for a reason).
		defer func() {
			if r := recover(); r != nil {
				row = match.Row{File: path, Status: match.RowError, Error: path + ": " + internalError(r).Error()}
				if cfg.Anonymize {
					row = anonymizeFailure(row)
				}
			}
		}()
		doc, err := extract.Read(path, cfg.Limits)
		if err != nil {
			row = match.Row{File: path, Status: match.RowError, Error: describe(err)}
			if cfg.Anonymize {
				row = anonymizeFailure(row)
			}
			return row
		}
		sum := sha256.Sum256([]byte(doc.Text))
		row = match.Row{File: path, Status: match.RowOK, ContentHash: hex.EncodeToString(sum[:8]), Report: match.Compare(jd, doc)}
		if !cfg.Anonymize {
			row.Name, row.Email, row.Phone, row.Links = screen.Contact(doc)
		}
		if cfg.Anonymize {
			data, _ := os.ReadFile(path)
			anon.Scrub(&row, doc, path, screen.ID("cand-", data))
		}
		return row
	}, nil
}
