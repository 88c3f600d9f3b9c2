package report

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/tailor-cli/tailor/match"
)

// Batch is a screening run's output: its job, its counts, and its rows in
// ranked order. Rows streams them, so writers never hold them all.
type Batch struct {
	// Job names the job description, as in a Report.
	Job string
	// Summary counts the rows.
	Summary match.Summary
	// Rows calls fn with each row in output order. It may be called more
	// than once (the HTML writer reads the rows twice).
	Rows func(fn func(match.Row) error) error
	// Summaries, when set, calls fn with each row's summary
	// (match.Row.Summary) in the same order: all the CSV writer reads,
	// and much faster to get than whole rows. Nil means Rows.
	Summaries func(fn func(match.Row) error) error
	// ShowSkipped lists the files that are no resume in the formats read
	// by people (text, HTML), where they are otherwise only counted; the
	// formats read by programs (CSV, JSON, JSONL) always list every file.
	ShowSkipped bool
	// FileBase is the absolute folder an HTML shortlist is written to,
	// so that each row links to its resume by a relative path; empty for
	// no links (blind screening, whose file names are ids).
	FileBase string
}

// candidates returns b's rows without the skipped files unless
// ShowSkipped: the rows a person's shortlist shows.
func (b Batch) candidates() func(fn func(match.Row) error) error {
	if b.ShowSkipped {
		return b.Rows
	}
	return func(fn func(match.Row) error) error {
		return b.Rows(func(r match.Row) error {
			if r.Status == match.RowSkipped {
				return nil
			}
			return fn(r)
		})
	}
}

// SummariesOnly reports whether w reads only the rows' summaries
// (Batch.Summaries, match.Row.Summary) and never Batch.Rows: a screen
// whose output is written by w need not keep the whole reports.
func SummariesOnly(w BatchWriter) bool {
	s, ok := w.(interface{ summariesOnly() bool })
	return ok && s.summariesOnly()
}

// BatchWriter writes a screening run in one format.
type BatchWriter interface {
	// WriteBatch writes b to w and returns the first error.
	WriteBatch(w io.Writer, b Batch) error
}

var batchFormats = map[string]func(Options) BatchWriter{
	"text":  func(Options) BatchWriter { return batchText{} },
	"csv":   func(Options) BatchWriter { return batchCSV{} },
	"jsonl": func(Options) BatchWriter { return batchJSONL{} },
	"json":  func(Options) BatchWriter { return batchJSON{} },
	"html":  func(Options) BatchWriter { return batchHTML{} },
}

// BatchFormats returns the names of the screening formats, sorted.
func BatchFormats() []string {
	out := make([]string, 0, len(batchFormats))
	for name := range batchFormats {
		out = append(out, name)
	}
	sort.Strings(out)
	return out
}

// NewBatch returns the screening writer for a format name.
func NewBatch(name string, opts Options) (BatchWriter, error) {
	f, ok := batchFormats[name]
	if !ok {
		return nil, fmt.Errorf("unknown format %q (want one of %s)", name, strings.Join(BatchFormats(), ", "))
	}
	return f(opts), nil
}

// CSVColumns are the columns of the CSV format, in order.
var CSVColumns = []string{"rank", "file", "score", "matched", "partial", "missing",
	"top_missing_required", "warnings", "status", "error", "duplicate_of", "name", "email", "phone", "links",
	"years", "degree", "unmet_required", "filtered"}

// rowCells summarises a row as the CSV columns' values.
func rowCells(r match.Row) []string {
	cells := []string{"", r.File, "", "", "", "", "", "", string(r.Status), r.Error, r.DuplicateOf,
		r.Name, r.Email, r.Phone, strings.Join(r.Links, " "), "", "", "", r.Filtered}
	if r.Rank > 0 {
		cells[0] = strconv.Itoa(r.Rank)
	}
	if r.Report == nil {
		return cells
	}
	b := r.Report.Breakdown
	cells[2] = trim1(r.Report.Score)
	cells[3] = strconv.Itoa(b.Required.Matched + b.Preferred.Matched)
	cells[4] = strconv.Itoa(b.Required.Partial + b.Preferred.Partial)
	cells[5] = strconv.Itoa(b.Required.Missing + b.Preferred.Missing)
	missing := r.Report.MissingRequired()
	cells[6] = strings.Join(missing[:min(5, len(missing))], "; ")
	var codes []string
	for _, w := range r.Report.Warnings {
		codes = append(codes, w.Code)
	}
	cells[7] = strings.Join(codes, "; ")
	cells[15] = strconv.FormatFloat(r.Report.ExperienceYears, 'f', -1, 64)
	cells[16] = r.Report.HighestDegree
	var unmet []string
	for _, q := range r.Report.Requirements {
		if q.Status == match.RequirementUnmet && q.Importance == match.Required && !slices.Contains(unmet, q.Kind) {
			unmet = append(unmet, q.Kind)
		}
	}
	cells[17] = strings.Join(unmet, "; ")
	return cells
}

// batchCSV writes RFC 4180 CSV (CRLF line ends) in UTF-8 with a byte-order
// mark, which spreadsheet programs need to read UTF-8. Cells that a
// spreadsheet would run as a formula are neutralised.
type batchCSV struct{}

// summariesOnly says that CSV reads the rows' summaries alone.
func (batchCSV) summariesOnly() bool { return true }

func (batchCSV) WriteBatch(w io.Writer, b Batch) error {
	bw := bufio.NewWriter(w)
	if _, err := bw.WriteString("\ufeff"); err != nil {
		return err
	}
	cw := csv.NewWriter(bw)
	cw.UseCRLF = true
	if err := cw.Write(CSVColumns); err != nil {
		return err
	}
	rows := b.Rows
	if b.Summaries != nil {
		rows = b.Summaries
	}
	err := rows(func(r match.Row) error {
		cells := rowCells(r)
		for i := range cells {
			cells[i] = SafeCell(cells[i])
		}
		return cw.Write(cells)
	})
	if err != nil {
		return err
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	return bw.Flush()
}

// SafeCell neutralises a spreadsheet cell that would be read as a formula
// (starting with =, +, -, @, a tab or a carriage return) by prefixing a
// single quote, as OWASP advises against CSV injection.
func SafeCell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

// batchJSONL writes one row per line: the check report's fields plus
// file, status and the screening fields.
type batchJSONL struct{}

func (batchJSONL) WriteBatch(w io.Writer, b Batch) error {
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	if err := b.Rows(func(r match.Row) error { return enc.Encode(r) }); err != nil {
		return err
	}
	return bw.Flush()
}

// batchJSON writes one object: the job, the summary, and the rows.
type batchJSON struct{}

func (batchJSON) WriteBatch(w io.Writer, b Batch) error {
	bw := bufio.NewWriter(w)
	head, err := json.Marshal(struct {
		SchemaVersion int    `json:"schema_version"`
		Job           string `json:"job"`
		Ranked        int    `json:"ranked"`
		Failed        int    `json:"failed"`
		Skipped       int    `json:"skipped"`
		Duplicates    int    `json:"duplicates"`
	}{match.SchemaVersion, b.Job, b.Summary.Ranked, b.Summary.Failed, b.Summary.Skipped, b.Summary.Duplicates})
	if err != nil {
		return err
	}
	bw.Write(head[:len(head)-1])
	bw.WriteString(`,"results":[`)
	first := true
	err = b.Rows(func(r match.Row) error {
		raw, err := json.Marshal(r)
		if err != nil {
			return err
		}
		if !first {
			bw.WriteByte(',')
		}
		first = false
		bw.WriteString("\n")
		_, err = bw.Write(raw)
		return err
	})
	if err != nil {
		return err
	}
	bw.WriteString("\n]}\n")
	return bw.Flush()
}

// batchText writes a table for reading at a terminal.
type batchText struct{}

func (batchText) WriteBatch(w io.Writer, b Batch) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "Job: %s\n\n", b.Job)
	fmt.Fprintf(bw, "%4s  %5s  %-7s  %-40s  %s\n", "Rank", "Score", "Matched", "Missing required", "File")
	var problems []match.Row
	err := b.candidates()(func(r match.Row) error {
		if r.Status != match.RowOK {
			problems = append(problems, match.Row{File: r.File, Status: r.Status, Error: r.Error})
			return nil
		}
		c := rowCells(r)
		total := r.Report.Breakdown.Required.Total + r.Report.Breakdown.Preferred.Total
		missing := c[6]
		if len([]rune(missing)) > 40 {
			missing = string([]rune(missing)[:39]) + "…"
		}
		file := r.File
		if r.DuplicateOf != "" {
			file += " (duplicate of " + r.DuplicateOf + ")"
		}
		if r.Filtered != "" {
			file += " (ranked after: " + r.Filtered + ")"
		}
		_, err := fmt.Fprintf(bw, "%4d  %5s  %-7s  %-40s  %s\n", r.Rank, c[2], c[3]+"/"+strconv.Itoa(total), missing, file)
		return err
	})
	if err != nil {
		return err
	}
	if len(problems) > 0 {
		fmt.Fprintf(bw, "\nNot ranked (%d)\n", len(problems))
		for _, r := range problems {
			fmt.Fprintf(bw, "  %-7s  %s: %s\n", r.Status, r.File, strings.TrimPrefix(r.Error, r.File+": "))
		}
	}
	if n := b.Summary.Skipped; n > 0 && !b.ShowSkipped {
		fmt.Fprintf(bw, "\nFiles that are no resume, left out: %d (--show-skipped lists them).\n", n)
	}
	return bw.Flush()
}
