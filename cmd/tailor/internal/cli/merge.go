package cli

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	ucli "github.com/urfave/cli/v3"

	"github.com/tailor-cli/tailor/match/taxonomy"
	"github.com/tailor-cli/tailor/report"
	"github.com/tailor-cli/tailor/screen"
)

// mergeCommand is "tailor merge": one ranking from the JSON Lines outputs
// of several screen shards.
func mergeCommand(stdout, stderr io.Writer, jsonErrors *bool) *ucli.Command {
	return &ucli.Command{
		Name:      "merge",
		Usage:     "merge the JSONL outputs of tailor screen --shard runs into one ranking",
		ArgsUsage: "FILE.jsonl...",
		Flags: []ucli.Flag{
			&ucli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "text", Usage: "output format: " + strings.Join(report.BatchFormats(), ", ")},
			&ucli.StringFlag{Name: "out", Aliases: []string{"o"}, Usage: "write the output to `FILE` (written whole or not at all)"},
			&ucli.IntFlag{Name: "top", Usage: "list only the best `N` resumes"},
			&ucli.BoolFlag{Name: "show-skipped", Usage: "text and HTML: also list the files that are no resume (CSV and JSON always list every file)"},
			&ucli.FloatFlag{Name: "min-score", Usage: "leave out resumes scoring below `N`"},
			requireYearsFlag(), requireDegreeFlag(),
		},
		Action: func(ctx context.Context, cmd *ucli.Command) error {
			format := cmd.String("format")
			*jsonErrors = format == "json" || format == "jsonl"
			w, err := report.NewBatch(format, report.Options{})
			if err != nil {
				return usageError{err: err}
			}
			if cmd.Args().Len() == 0 {
				return usageError{err: errors.New("merge needs the JSONL files written by tailor screen --format jsonl")}
			}
			results, err := screen.NewResults("")
			if err != nil {
				return err
			}
			defer results.Close()
			job := ""
			for _, path := range cmd.Args().Slice() {
				if job, err = addJSONL(results, path, job); err != nil {
					return err
				}
			}
			rules, err := taxonomy.BuiltinRules()
			if err != nil {
				return err
			}
			rankOpts, err := rankOptions(cmd, rules)
			if err != nil {
				return err
			}
			sum := results.Rank(rankOpts)
			batch := report.Batch{Job: job, Summary: sum, Rows: results.Each, ShowSkipped: cmd.Bool("show-skipped")}
			if err := writeOutput(cmd.String("out"), stdout, func(out io.Writer) error { return w.WriteBatch(out, batch) }); err != nil {
				return err
			}
			fmt.Fprintf(stderr, "%d ranked, %d failed, %d skipped, %d duplicates\n", sum.Ranked, sum.Failed, sum.Skipped, sum.Duplicates)
			return nil
		},
	}
}

// addJSONL adds every row of one shard's output and returns the job they
// were screened against; all shards must share one job.
func addJSONL(results *screen.Results, path, job string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return job, fmt.Errorf("%s: %w", path, unwrapPath(err))
	}
	defer f.Close()
	r := bufio.NewReaderSize(f, 1<<20)
	for n := 1; ; n++ {
		line, err := r.ReadBytes('\n')
		if len(strings.TrimSpace(string(line))) > 0 {
			if addErr := results.Add(line); addErr != nil {
				return job, fmt.Errorf("%s:%d: %w", path, n, addErr)
			}
			if j := jobOf(line); j != "" {
				if job != "" && j != job {
					return job, fmt.Errorf("%s:%d: screened against %q, other shards against %q", path, n, j, job)
				}
				job = j
			}
		}
		if errors.Is(err, io.EOF) {
			return job, nil
		}
		if err != nil {
			return job, fmt.Errorf("%s: %w", path, err)
		}
	}
}

// jobOf returns the "job" field of a JSONL row, or "".
func jobOf(line []byte) string {
	var head struct {
		Job string `json:"job"`
	}
	_ = json.Unmarshal(line, &head)
	return head.Job
}
