package match

// RowStatus says what became of one input of a batch.
type RowStatus string

// Row statuses.
const (
	// RowOK: the resume was read and compared; Report is set.
	RowOK RowStatus = "ok"
	// RowError: the file could not be read or took too long; Error says why.
	RowError RowStatus = "error"
	// RowSkipped: the file is not a resume format tailor reads.
	RowSkipped RowStatus = "skipped"
)

// Row is the outcome for one input file of a batch (tailor screen): one
// line of JSON Lines output, with the same fields as `tailor check --format
// json` plus file, status and the screening fields.
type Row struct {
	// File is the input's path, or with --anonymize its candidate id.
	File string `json:"file"`
	// Status is ok, error or skipped.
	Status RowStatus `json:"status"`
	// Error is why the file failed or was skipped; empty when ok.
	Error string `json:"error,omitempty"`
	// Rank is the 1-based position among ok rows, by score then file;
	// zero for errors and skipped files.
	Rank int `json:"rank,omitempty"`
	// ContentHash identifies the resume's extracted text: equal hashes
	// mean the same resume. Empty unless ok.
	ContentHash string `json:"content_hash,omitempty"`
	// DuplicateOf names the first file (in path order) with the same
	// content; empty when the resume is unique.
	DuplicateOf string `json:"duplicate_of,omitempty"`
	// Name, Email, Phone and Links are how to reach the candidate, as the
	// resume's header gives them (the first line as a name; the first
	// email address and phone number; up to three links); empty when not
	// found, and always with --anonymize.
	Name  string   `json:"name,omitempty"`
	Email string   `json:"email,omitempty"`
	Phone string   `json:"phone,omitempty"`
	Links []string `json:"links,omitempty"`
	// Filtered says why the resume misses screen's --require-years or
	// --require-degree, which rank it after the resumes that meet them;
	// empty when it meets them or none is given.
	Filtered string `json:"filtered,omitempty"`
	// Report is the gap report; nil unless ok.
	*Report
}

// Summary counts what a batch run did with its inputs.
type Summary struct {
	// Ranked, Failed and Skipped count rows by status; Total is their sum.
	Ranked, Failed, Skipped, Total int
	// Duplicates counts ok rows that repeat an earlier resume.
	Duplicates int
}

// Summary returns the row with only what a one-line summary of it needs
// (a CSV row): the report's score, tallies, years and degree, its
// warnings' codes, the names of the required skills it misses and the
// kinds of the required requirements it does not meet; no other skill,
// evidence, advice, reasons or keywords. A batch of thousands of rows
// reads these far faster than the whole reports.
func (r Row) Summary() Row {
	rep := r.Report
	if rep == nil {
		return r
	}
	sum := &Report{Score: rep.Score, Breakdown: rep.Breakdown, ExperienceYears: rep.ExperienceYears, HighestDegree: rep.HighestDegree}
	for _, w := range rep.Warnings {
		sum.Warnings = append(sum.Warnings, Warning{Code: w.Code})
	}
	for _, sk := range rep.Skills {
		if sk.Importance == Required && sk.Status == Missing {
			sum.Skills = append(sum.Skills, SkillResult{Name: sk.Name, Importance: sk.Importance, Status: sk.Status})
		}
	}
	for _, q := range rep.Requirements {
		if q.Importance == Required && q.Status == RequirementUnmet {
			sum.Requirements = append(sum.Requirements, Requirement{Kind: q.Kind, Importance: q.Importance, Status: q.Status})
		}
	}
	r.Report = sum
	return r
}
