package screen

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"sort"
	"strconv"
	"strings"

	"github.com/tailor-cli/tailor/match"
)

// Results collects rows, keeping each on disk and only what ranking needs
// in memory, so that 10,000 full reports do not have to fit in memory.
// Rows are added as JSON lines in any order; Each returns them ranked.
type Results struct {
	spool   spool
	size    int64
	entries []entry
	order   []int // indexes into entries, in output order
}

// entry is what ranking keeps of a row.
type entry struct {
	file        string
	status      match.RowStatus
	score       float64
	hash        string
	off         int64
	n           int
	rank        int
	duplicateOf string
	required    float64 // points earned on required asks, for ties
	evidence    int     // the resume's evidence sentences, for ties
	years       float64 // the resume's years of dated roles
	degree      string  // the resume's highest finished degree level
	filtered    string  // why the row misses RankOptions' filters
	// sumOff and sumN locate the row's summary (JSON) in the spool; sumN
	// is 0 when its worker sent none.
	sumOff int64
	sumN   int
}

// spool is where Results keep their rows: a temporary file, or memory.
type spool interface {
	io.WriterAt
	io.ReaderAt
	Name() string
	Close() error
}

// NewResults creates an empty result set that spools rows to a temporary
// file in dir (the system's temporary folder when dir is empty).
func NewResults(dir string) (*Results, error) {
	f, err := os.CreateTemp(dir, "tailor-screen-*.jsonl")
	if err != nil {
		return nil, fmt.Errorf("create a temporary file for results: %w", err)
	}
	return &Results{spool: fileSpool{f}}, nil
}

// NewMemoryResults creates an empty result set that keeps its rows in
// memory: for a few resumes, and where there are no files (the web page).
func NewMemoryResults() *Results {
	return &Results{spool: &memorySpool{}}
}

// Close removes the spool.
func (r *Results) Close() error {
	return r.spool.Close()
}

// fileSpool keeps rows in a temporary file, removed on Close.
type fileSpool struct{ *os.File }

func (f fileSpool) Close() error {
	err := f.File.Close()
	if rmErr := os.Remove(f.Name()); err == nil {
		err = rmErr
	}
	return err
}

// memorySpool keeps rows in memory; rows are only appended.
type memorySpool struct{ buf []byte }

func (m *memorySpool) WriteAt(p []byte, off int64) (int, error) {
	if off != int64(len(m.buf)) {
		return 0, fmt.Errorf("memory spool: write at %d, not at the end (%d)", off, len(m.buf))
	}
	m.buf = append(m.buf, p...)
	return len(p), nil
}

func (m *memorySpool) ReadAt(p []byte, off int64) (int, error) {
	if off >= int64(len(m.buf)) {
		return 0, io.EOF
	}
	n := copy(p, m.buf[off:])
	if n < len(p) {
		return n, io.EOF
	}
	return n, nil
}

func (m *memorySpool) Name() string { return "memory" }
func (m *memorySpool) Close() error { m.buf = nil; return nil }

// rankHead is what ranking needs of a row. A worker sends it before the
// row, a tab between them (JSON never holds a raw tab), so that the parent
// stores the row without parsing it: parsing every row of 28 KB was a
// third of the parent's work.
type rankHead struct {
	File        string          `json:"file"`
	Status      match.RowStatus `json:"status"`
	Score       float64         `json:"score,omitempty"`
	ContentHash string          `json:"hash,omitempty"`
	Years       float64         `json:"years,omitempty"`
	Degree      string          `json:"degree,omitempty"`
	Required    float64         `json:"required,omitempty"`
	Evidence    int             `json:"evidence,omitempty"`
	// Summary is the row's summary (match.Row.Summary) as JSON.
	Summary json.RawMessage `json:"summary,omitempty"`
}

// headOf returns the ranking head of a row.
func headOf(row match.Row) rankHead {
	h := rankHead{File: row.File, Status: row.Status, ContentHash: row.ContentHash}
	if rep := row.Report; rep != nil {
		h.Score, h.Years, h.Degree, h.Required = rep.Score, rep.ExperienceYears, rep.HighestDegree, rep.Breakdown.Required.Earned
		for _, sk := range rep.Skills {
			h.Evidence += len(sk.ResumeEvidence)
		}
	}
	return h
}

// AppendRow appends a row as a worker sends it, without the line's end:
// its ranking head (with its summary), a tab, then the row as JSON.
func AppendRow(dst []byte, row match.Row) ([]byte, error) { return appendRow(dst, row, false) }

// appendRow is AppendRow, or with summaries the row's ranking head (made
// from the whole row, so that it ranks as before), a tab, then only the
// row's summary as the row: what an output that reads summaries alone
// needs (Results.EachSummary then reads it from the row).
func appendRow(dst []byte, row match.Row, summaries bool) ([]byte, error) {
	h := headOf(row)
	if summaries {
		row = row.Summary()
	} else {
		sum, err := json.Marshal(row.Summary())
		if err != nil {
			return dst, err
		}
		h.Summary = sum
	}
	head, err := json.Marshal(h)
	if err != nil {
		return dst, err
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(row); err != nil {
		return dst, err
	}
	dst = append(append(dst, head...), '\t')
	return append(dst, bytes.TrimSuffix(b.Bytes(), []byte("\n"))...), nil
}

// Add stores one row given as a JSON line, or as a worker sends it: its
// ranking head, a tab, the row (see AppendRow).
func (r *Results) Add(raw []byte) error {
	if i := bytes.IndexByte(raw, '\t'); i >= 0 {
		var h rankHead
		if err := json.Unmarshal(raw[:i], &h); err != nil {
			return fmt.Errorf("read a result row: %w", err)
		}
		return r.add(h, raw[i+1:])
	}
	var head struct {
		File        string          `json:"file"`
		Status      match.RowStatus `json:"status"`
		Score       float64         `json:"score"`
		ContentHash string          `json:"content_hash"`
		Years       float64         `json:"experience_years"`
		Degree      string          `json:"highest_degree"`
		Breakdown   struct {
			Required struct {
				Earned float64 `json:"earned"`
			} `json:"required"`
		} `json:"breakdown"`
		Skills []struct {
			ResumeEvidence []json.RawMessage `json:"resume_evidence"`
		} `json:"skills"`
	}
	if err := json.Unmarshal(raw, &head); err != nil {
		return fmt.Errorf("read a result row: %w", err)
	}
	evidence := 0
	for _, sk := range head.Skills {
		evidence += len(sk.ResumeEvidence)
	}
	return r.add(rankHead{File: head.File, Status: head.Status, Score: head.Score, ContentHash: head.ContentHash,
		Years: head.Years, Degree: head.Degree, Required: head.Breakdown.Required.Earned, Evidence: evidence}, raw)
}

// add stores a row (JSON) and what ranking needs of it.
func (r *Results) add(h rankHead, raw []byte) error {
	switch h.Status {
	case match.RowOK, match.RowError, match.RowSkipped:
	default:
		return fmt.Errorf("result row for %q has unknown status %q", h.File, h.Status)
	}
	if _, err := r.spool.WriteAt(raw, r.size); err != nil {
		return fmt.Errorf("write results to %s: %w", r.spool.Name(), err)
	}
	e := entry{file: h.File, status: h.Status, score: h.Score, hash: h.ContentHash, off: r.size, n: len(raw),
		required: h.Required, evidence: h.Evidence, years: h.Years, degree: h.Degree}
	r.size += int64(len(raw))
	// The summary is spooled too: 10,000 of them would be 80 MB.
	if len(h.Summary) > 0 {
		if _, err := r.spool.WriteAt(h.Summary, r.size); err != nil {
			return fmt.Errorf("write results to %s: %w", r.spool.Name(), err)
		}
		e.sumOff, e.sumN = r.size, len(h.Summary)
		r.size += int64(len(h.Summary))
	}
	r.entries = append(r.entries, e)
	return nil
}

// RankOptions choose which ranked rows are output.
type RankOptions struct {
	// Top keeps only the best Top ok rows; 0 keeps all.
	Top int
	// MinScore drops ok rows scoring below it.
	MinScore float64
	// RequireYears ranks the resumes whose dated roles span fewer years
	// after the rest, each row saying why; 0 requires none.
	RequireYears float64
	// RequireDegree, when not nil, reports why a resume's highest degree
	// level ("" for none) falls short of the one required, or "" when it
	// does not; resumes that fall short rank after the rest.
	RequireDegree func(level string) string
}

// Rank orders the rows: ok rows by score (highest first), ties by the
// points earned on required asks, then by how many of the resume's
// sentences show the job's asks, then by file, numbered from 1; then failed
// rows by file, then skipped ones (files that are no resume). Ok rows that
// miss opts' years or degree filters rank after those that meet them, and
// say why. It flags every ok row whose content equals an earlier one's (by
// file) as a duplicate.
// Rows cut by opts are left out of the output but still counted.
func (r *Results) Rank(opts RankOptions) match.Summary {
	byFile := make([]int, len(r.entries))
	for i := range byFile {
		byFile[i] = i
	}
	sort.SliceStable(byFile, func(a, b int) bool { return r.entries[byFile[a]].file < r.entries[byFile[b]].file })
	var s match.Summary
	first := map[string]string{}
	for _, i := range byFile {
		e := &r.entries[i]
		switch e.status {
		case match.RowOK:
			s.Ranked++
			if e.hash == "" {
				break
			}
			if orig, ok := first[e.hash]; ok {
				e.duplicateOf = orig
				s.Duplicates++
			} else {
				first[e.hash] = e.file
			}
		case match.RowError:
			s.Failed++
		default:
			s.Skipped++
		}
	}
	s.Total = len(r.entries)
	var ok, failed, skipped []int
	for _, i := range byFile {
		switch r.entries[i].status {
		case match.RowOK:
			ok = append(ok, i)
		case match.RowError:
			failed = append(failed, i)
		default:
			skipped = append(skipped, i)
		}
	}
	for _, i := range ok {
		e := &r.entries[i]
		var why []string
		if opts.RequireYears > 0 && e.years < opts.RequireYears {
			why = append(why, fmt.Sprintf("%s years of dated roles, %s required", trimFloat(e.years), trimFloat(opts.RequireYears)))
		}
		if opts.RequireDegree != nil {
			if w := opts.RequireDegree(e.degree); w != "" {
				why = append(why, w)
			}
		}
		e.filtered = strings.Join(why, "; ")
	}
	sort.SliceStable(ok, func(a, b int) bool {
		x, y := r.entries[ok[a]], r.entries[ok[b]]
		switch {
		case (x.filtered == "") != (y.filtered == ""):
			return x.filtered == ""
		case x.score != y.score:
			return x.score > y.score
		case x.required != y.required:
			return x.required > y.required
		}
		return x.evidence > y.evidence
	})
	r.order = r.order[:0]
	for n, i := range ok {
		r.entries[i].rank = n + 1
		if opts.Top > 0 && n >= opts.Top || r.entries[i].score < opts.MinScore {
			continue
		}
		r.order = append(r.order, i)
	}
	r.order = append(r.order, failed...)
	r.order = append(r.order, skipped...)
	return s
}

// Each calls fn with every output row in ranked order, read back from the
// spool with Rank and DuplicateOf filled in.
func (r *Results) Each(fn func(match.Row) error) error {
	for _, i := range r.order {
		if err := r.each(i, fn); err != nil {
			return err
		}
	}
	return nil
}

// each reads entry i's row back and calls fn with it.
func (r *Results) each(i int, fn func(match.Row) error) error {
	e := r.entries[i]
	buf := make([]byte, e.n)
	if _, err := r.spool.ReadAt(buf, e.off); err != nil && err != io.EOF {
		return fmt.Errorf("read results back from %s: %w", r.spool.Name(), err)
	}
	var row match.Row
	if err := json.Unmarshal(buf, &row); err != nil {
		return fmt.Errorf("read a result row back: %w", err)
	}
	row.Rank, row.DuplicateOf, row.Filtered = e.rank, e.duplicateOf, e.filtered
	return fn(row)
}

// EachSummary calls fn with every output row in ranked order as Each
// does, but with only the row's summary (match.Row.Summary), read from
// the spool when its worker sent one.
func (r *Results) EachSummary(fn func(match.Row) error) error {
	for _, i := range r.order {
		e := r.entries[i]
		if e.sumN == 0 {
			if err := r.each(i, func(row match.Row) error { return fn(row.Summary()) }); err != nil {
				return err
			}
			continue
		}
		buf := make([]byte, e.sumN)
		if _, err := r.spool.ReadAt(buf, e.sumOff); err != nil && err != io.EOF {
			return fmt.Errorf("read results back from %s: %w", r.spool.Name(), err)
		}
		var row match.Row
		if err := json.Unmarshal(buf, &row); err != nil {
			return fmt.Errorf("read a result row's summary: %w", err)
		}
		row.Rank, row.DuplicateOf, row.Filtered = e.rank, e.duplicateOf, e.filtered
		if err := fn(row); err != nil {
			return err
		}
	}
	return nil
}

// trimFloat writes a count of years without a needless ".0".
func trimFloat(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }
