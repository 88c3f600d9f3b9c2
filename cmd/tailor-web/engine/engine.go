// Package engine is what the web page runs: tailor's check of one resume,
// or the shortlist of several, against a job given as a file, as pasted
// text or as the built-in profile, all in memory. It writes the reports
// the CLI writes (check --format json and html; screen --format json and
// html), so the page shows what the command line would.
package engine

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"sync"

	"github.com/tailor-cli/tailor/extract"
	"github.com/tailor-cli/tailor/match"
	"github.com/tailor-cli/tailor/match/job"
	"github.com/tailor-cli/tailor/match/taxonomy"
	"github.com/tailor-cli/tailor/report"
	"github.com/tailor-cli/tailor/screen"
)

// File is one file a person gave the page.
type File struct {
	// Name is the file's name (its extension chooses the reader).
	Name string
	// Data is its content.
	Data []byte
}

// Request is one run: resumes against a job.
type Request struct {
	// Resumes are the resumes to check: one gives a gap report, several a
	// shortlist.
	Resumes []File
	// JobFile is the job description as a file, or nil.
	JobFile *File
	// JobText is the job description as pasted; used when JobFile is nil.
	// With neither, the job is the built-in deep learning engineer profile.
	JobText string
}

// Kinds of Response.
const (
	KindReport    = "report"
	KindShortlist = "shortlist"
)

// Response is what a run gives the page.
type Response struct {
	// Kind is KindReport for one resume, KindShortlist for several; empty
	// on error.
	Kind string `json:"kind"`
	// JSON is the report as check --format json writes it (screen
	// --format json for a shortlist).
	JSON string `json:"json"`
	// HTML is the report as a self-contained page, as check --format html
	// (screen --format html) writes it.
	HTML string `json:"html"`
	// Error is why the run failed, in one line naming the file; empty on
	// success.
	Error string `json:"error"`
}

// PastedJobName names a pasted job in reports, as "-" names the job read
// from standard input by the CLI.
const PastedJobName = "pasted job"

// builtin is the built-in taxonomy, compiled once per page.
var builtin = sync.OnceValues(taxonomy.Builtin)

// Version says which tailor runs: the taxonomy's version, as the reports
// print it.
func Version() string {
	tax, err := builtin()
	if err != nil {
		return "taxonomy unavailable: " + oneLine(err.Error())
	}
	return "taxonomy " + tax.Version
}

// Run runs one request. A panic in tailor's code becomes an error, so the
// page always gets an answer.
func Run(req Request) (resp Response) {
	defer func() {
		if r := recover(); r != nil {
			resp = Response{Error: fmt.Sprintf("internal error: %s (please report it with the file that caused it)", oneLine(fmt.Sprint(r)))}
		}
	}()
	if len(req.Resumes) == 0 {
		return Response{Error: "no resume: pick or drop a resume file (PDF, DOCX, TXT or Markdown)"}
	}
	tax, err := builtin()
	if err != nil {
		return Response{Error: err.Error()}
	}
	jd, err := loadJob(req, tax)
	if err != nil {
		return Response{Error: oneLine(err.Error())}
	}
	if len(req.Resumes) == 1 {
		return check(jd, req.Resumes[0])
	}
	return shortlist(jd, req.Resumes)
}

// loadJob reads the request's job.
func loadJob(req Request, tax *taxonomy.Taxonomy) (*job.Job, error) {
	switch {
	case req.JobFile != nil:
		doc, err := extract.Parse(req.JobFile.Name, req.JobFile.Data, extract.Options{})
		if err != nil {
			return nil, fmt.Errorf("job %w", err)
		}
		return job.New(req.JobFile.Name, doc, tax), nil
	case strings.TrimSpace(req.JobText) != "":
		if len(req.JobText) > extract.DefaultMaxBytes {
			return nil, fmt.Errorf("job %s: over the %d MB limit", PastedJobName, extract.DefaultMaxBytes>>20)
		}
		doc, err := extract.ReadPasted(PastedJobName, []byte(req.JobText))
		if err != nil {
			return nil, fmt.Errorf("job %w", err)
		}
		return job.New(PastedJobName, doc, tax), nil
	}
	j, err := job.BuiltinProfile(job.DefaultProfile, tax)
	if err != nil {
		return nil, fmt.Errorf("job %w", err)
	}
	return j, nil
}

// check writes one resume's gap report.
func check(jd *job.Job, f File) Response {
	doc, err := extract.Parse(f.Name, f.Data, extract.Options{})
	if err != nil {
		return Response{Error: oneLine(err.Error())}
	}
	rep := match.Compare(jd, doc)
	return written(KindReport, func(format string, buf *bytes.Buffer) error {
		w, err := report.New(format, report.Options{})
		if err != nil {
			return err
		}
		return w.Write(buf, rep)
	})
}

// shortlist ranks several resumes as tailor screen does, in memory: a file
// that cannot be read is a row saying why, never the end of the run.
func shortlist(jd *job.Job, files []File) Response {
	res := screen.NewMemoryResults()
	defer res.Close()
	for _, f := range files {
		raw, err := json.Marshal(row(jd, f))
		if err != nil {
			return Response{Error: err.Error()}
		}
		if err := res.Add(raw); err != nil {
			return Response{Error: err.Error()}
		}
	}
	b := report.Batch{Job: jd.Name, Summary: res.Rank(screen.RankOptions{}), Rows: res.Each, ShowSkipped: true}
	return written(KindShortlist, func(format string, buf *bytes.Buffer) error {
		w, err := report.NewBatch(format, report.Options{})
		if err != nil {
			return err
		}
		return w.WriteBatch(buf, b)
	})
}

// written is a response of kind holding what write writes in JSON and in
// HTML, or the first error.
func written(kind string, write func(format string, buf *bytes.Buffer) error) Response {
	var js, page bytes.Buffer
	if err := write("json", &js); err != nil {
		return Response{Error: oneLine(err.Error())}
	}
	if err := write("html", &page); err != nil {
		return Response{Error: oneLine(err.Error())}
	}
	return Response{Kind: kind, JSON: js.String(), HTML: page.String()}
}

// row checks one resume of a shortlist.
func row(jd *job.Job, f File) (r match.Row) {
	defer func() {
		if p := recover(); p != nil {
			r = match.Row{File: f.Name, Status: match.RowError,
				Error: fmt.Sprintf("%s: internal error: %s (please report it with the file that caused it)", f.Name, oneLine(fmt.Sprint(p)))}
		}
	}()
	doc, err := extract.Parse(f.Name, f.Data, extract.Options{})
	switch {
	case errors.Is(err, extract.ErrUnsupported):
		return match.Row{File: f.Name, Status: match.RowSkipped, Error: oneLine(err.Error())}
	case err != nil:
		return match.Row{File: f.Name, Status: match.RowError, Error: oneLine(err.Error())}
	}
	sum := sha256.Sum256([]byte(doc.Text))
	r = match.Row{File: f.Name, Status: match.RowOK, ContentHash: hex.EncodeToString(sum[:8]), Report: match.Compare(jd, doc)}
	r.Name, r.Email, r.Phone, r.Links = screen.Contact(doc)
	return r
}

// oneLine keeps an error message on one line.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
