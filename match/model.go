package match

import (
	"github.com/tailor-cli/tailor/match/analysis"
	"github.com/tailor-cli/tailor/match/job"
)

// SchemaVersion is the version of the Report JSON contract. It changes only
// when a field is removed or changes meaning.
const SchemaVersion = 1

// Report is the gap report for one resume against one job: the only input
// every report writer sees.
type Report struct {
	// SchemaVersion is the JSON contract's version (SchemaVersion).
	SchemaVersion int `json:"schema_version"`
	// Score is the match score, 0 to 100, one decimal place.
	Score float64 `json:"score"`
	// ScoreVersion names the formula that produced Score (see ScoreFormula).
	ScoreVersion string `json:"score_version"`
	// TaxonomyVersion is the version of the skill taxonomy used.
	TaxonomyVersion string `json:"taxonomy_version"`
	// Resume is the resume's path.
	Resume string `json:"resume"`
	// Job is the job description's path, "-" for standard input, or
	// "builtin:<name>" for a built-in profile.
	Job string `json:"job"`
	// JobTitle is the job description's first line, when it looks like a
	// title; empty otherwise.
	JobTitle string `json:"job_title,omitempty"`
	// Reasons explain the score in sentences, most important first.
	Reasons []string `json:"reasons"`
	// Breakdown counts skills and points by importance.
	Breakdown Breakdown `json:"breakdown"`
	// Skills holds every skill the job asks for, sorted by status (missing,
	// partial, matched), then importance (required first), then id.
	Skills []SkillResult `json:"skills"`
	// ResumeOnly lists skills the resume shows that the job does not ask
	// for, by name; empty when there are none.
	ResumeOnly []string `json:"resume_only"`
	// OtherKeywords are the terms the job asks for that the skill taxonomy
	// does not know, and whether the resume uses them: the same asks as
	// the Skills entries of source "keyword", kept here for readers of
	// score version 1 (since version 2 they are scored). Empty when there
	// are none.
	OtherKeywords []Keyword `json:"other_keywords"`
	// ExperienceYears is the time the resume's dated roles under
	// Experience span, in years to one decimal, overlaps once; 0 when it
	// dates none.
	ExperienceYears float64 `json:"experience_years"`
	// HighestDegree is the highest finished degree level the resume's
	// Education part names (doctorate, master, bachelor, or a level a
	// --taxonomy file adds); empty when it names none.
	HighestDegree string `json:"highest_degree"`
	// Requirements are what the job asks beyond skills (years, degree,
	// location, the right to work, travel, languages, others), in the
	// job's order, with whether the resume meets them; not scored. Empty
	// when there are none.
	Requirements []Requirement `json:"requirements"`
	// Checks are what a recruiter looks at in any resume, whatever the
	// job: measurable results, dates in one form, length, contact details,
	// clichés; not scored.
	Checks []Check `json:"checks"`
	// Baseline says what changed since an earlier version of the resume
	// (check --baseline); nil without one.
	Baseline *Baseline `json:"baseline,omitempty"`
	// Warnings are problems with the inputs that may make the report less
	// accurate; empty when there are none.
	Warnings []Warning `json:"warnings"`
}

// Requirement is something the job asks beyond skills.
type Requirement struct {
	// Kind is years, degree, location, authorization, travel, language or
	// other.
	Kind string `json:"kind"`
	// Text is the job's clause that asks it.
	Text string `json:"text"`
	// Importance is required or preferred.
	Importance Importance `json:"importance"`
	// Status is met, unmet or unknown. tailor checks years (against the
	// dates of the resume's roles) and a degree's level (against its
	// Education part); other kinds are unknown: the person confirms them.
	Status RequirementStatus `json:"status"`
	// JobEvidence is the job's sentence.
	JobEvidence Evidence `json:"job_evidence"`
	// ResumeEvidence is the resume's line the status rests on (the latest
	// dated role, the highest degree); nil when there is none.
	ResumeEvidence *Evidence `json:"resume_evidence"`
	// Note says how the status was found, or why it is unknown; empty for
	// the kinds tailor does not check.
	Note string `json:"note"`
}

// RequirementStatus says whether the resume meets a requirement.
type RequirementStatus string

// Requirement statuses.
const (
	RequirementMet     RequirementStatus = "met"
	RequirementUnmet   RequirementStatus = "unmet"
	RequirementUnknown RequirementStatus = "unknown"
)

// Breakdown counts the job's skills and the points they earned.
type Breakdown struct {
	// Required and Preferred tally the skills of each importance.
	Required  Tally `json:"required"`
	Preferred Tally `json:"preferred"`
	// Earned and Possible are the weighted points; Score is
	// 100 × Earned / Possible.
	Earned   float64 `json:"earned"`
	Possible float64 `json:"possible"`
	// Formula states how Score was computed.
	Formula string `json:"formula"`
}

// Tally counts skills of one importance by status.
type Tally struct {
	Total   int `json:"total"`
	Matched int `json:"matched"`
	Partial int `json:"partial"`
	Missing int `json:"missing"`
	// Weight is the points each of these skills is worth.
	Weight float64 `json:"weight"`
	// Earned is the points these skills earned.
	Earned float64 `json:"earned"`
}

// Importance says how much the job wants a skill: required or preferred.
type Importance = job.Importance

// Importance values.
const (
	Required  = job.Required
	Preferred = job.Preferred
)

// Status says whether the resume shows a skill the job asks for.
type Status string

// Status values.
const (
	// Matched: the resume names the skill.
	Matched Status = "matched"
	// Partial: the resume names a narrower skill that implies it (LSTM for
	// RNN).
	Partial Status = "partial"
	// Missing: the resume shows neither.
	Missing Status = "missing"
)

// SkillResult is one skill the job asks for and what the resume shows of it.
type SkillResult struct {
	// ID is the taxonomy id ("pytorch"), or for the job's own terms
	// KeywordPrefix and the term's words ("keyword:pagerduty").
	ID string `json:"id"`
	// Name is the display name ("PyTorch"); for a keyword, the job's term.
	Name string `json:"name"`
	// Source says where the ask comes from: "taxonomy" for a skill of the
	// taxonomy, "keyword" for a term of the job's own that the taxonomy
	// does not know, matched word for word (no partial credit, no
	// alternatives).
	Source Source `json:"source"`
	// Category is the category's display name.
	Category string `json:"category"`
	// Importance is required or preferred.
	Importance Importance `json:"importance"`
	// Status is matched, partial or missing.
	Status Status `json:"status"`
	// JobTerm is the job's own wording of the skill.
	JobTerm string `json:"job_term"`
	// ResumeTerm is the resume's wording of the skill (for partial: of the
	// narrower skill); empty when missing.
	ResumeTerm string `json:"resume_term,omitempty"`
	// Via names the resume skill that implies this one; set only for
	// partial.
	Via string `json:"via,omitempty"`
	// ListedOnly reports that the resume names the skill in its skills
	// list but in no bullet of its Experience, Projects, Publications or
	// Education:
	// claimed, not shown. Only set for matched skills of resumes that have
	// such sections.
	ListedOnly bool `json:"listed_only,omitempty"`
	// Alternatives names the skills the job accepts instead of this one
	// ("AWS or GCP"); the group is scored once, through this skill, the
	// member the resume shows best. Empty when the job asks for the skill
	// on its own.
	Alternatives []string `json:"alternatives,omitempty"`
	// JobMentions is how many of the job's sentences name the skill, in
	// any of its wordings. Skills of the same status and importance are
	// listed most-mentioned first, then in the order the job first names
	// them.
	JobMentions int `json:"job_mentions"`
	// JobEvidence are the job's sentences that ask for the skill.
	JobEvidence []Evidence `json:"job_evidence"`
	// ResumeEvidence are the resume's sentences that show it (or, for
	// partial, the narrower skill); empty when missing.
	ResumeEvidence []Evidence `json:"resume_evidence"`
	// Suggestion is what to change; null when the resume already shows
	// the skill in the job's own words.
	Suggestion *Suggestion `json:"suggestion"`

	jobFirst int // byte offset of the job's first mention, for ordering
}

// Source says where an ask comes from.
type Source string

// Sources of asks.
const (
	// SourceTaxonomy: a skill of the taxonomy.
	SourceTaxonomy Source = "taxonomy"
	// SourceKeyword: a term of the job's own that the taxonomy does not know.
	SourceKeyword Source = "keyword"
)

// KeywordPrefix starts the ID of a keyword ask; KeywordCategory is its
// category's display name.
const (
	KeywordPrefix   = "keyword:"
	KeywordCategory = "The job's own terms"
)

// Evidence is one place a document mentions a skill: its section, line
// and sentence, with the term's place in it.
type Evidence = analysis.Evidence

// Keyword is a term the job uses that the taxonomy does not know: a noun
// phrase the job repeats, or a proper noun it asks for in a requirement.
type Keyword struct {
	// Term is the job's wording (its first use).
	Term string `json:"term"`
	// Importance is required when any use is in a required clause.
	Importance Importance `json:"importance"`
	// Count is how often the job uses the term.
	Count int `json:"count"`
	// InResume reports whether the resume uses the term too.
	InResume bool `json:"in_resume"`
}

// SuggestionKind says what kind of change a suggestion asks for.
type SuggestionKind string

// Suggestion kinds.
const (
	// Add: the resume does not show the skill; add it only if true.
	Add SuggestionKind = "add"
	// Name: the resume shows a narrower skill; name the broader one too.
	Name SuggestionKind = "name"
	// Align: the resume shows the skill in other words; use the job's term,
	// because applicant tracking systems search literally.
	Align SuggestionKind = "align"
	// ShowWork: the resume lists the skill but no bullet shows it; add one.
	ShowWork SuggestionKind = "evidence"
)

// Suggestion is a concrete change to the resume for one skill. It never
// claims experience: templates are for the person to complete only if true.
type Suggestion struct {
	// Kind is add, name, align or evidence.
	Kind SuggestionKind `json:"kind"`
	// Term is the job's word for the skill, to use verbatim.
	Term string `json:"term"`
	// Advice is one or two sentences saying what to change.
	Advice string `json:"advice"`
	// Template is a bullet with [blanks], to use only if it is true; empty
	// for align.
	Template string `json:"template,omitempty"`
	// Closest is the resume's own sentence nearest to a missing skill
	// (it names related skills), where the skill may belong if the person
	// used it there; nil when none is related.
	Closest *Evidence `json:"closest,omitempty"`
}

// Warning is a problem with an input, with what to do about it.
type Warning struct {
	// Source is "resume" or "job".
	Source string `json:"source"`
	// Code is a stable identifier ("few-words", "job-no-skills").
	Code string `json:"code"`
	// Message is one sentence.
	Message string `json:"message"`
}

// MissingRequired names the job's required asks the resume does not show,
// in report order: what the job stresses first.
func (r *Report) MissingRequired() []string {
	var out []string
	for _, s := range r.Skills {
		if s.Importance == Required && s.Status == Missing {
			out = append(out, s.Name)
		}
	}
	return out
}
