package match

import "strings"

// TextKind says what a string of a report that comes from the resume holds.
type TextKind int

// Kinds of resume-derived text.
const (
	// ResumeSentence is a sentence of the resume (evidence, the closest
	// work): people's names and contact details may be anywhere in it.
	ResumeSentence TextKind = iota
	// ResumeWords are a few words of the resume: its wording of a skill.
	ResumeWords
	// Generated is text tailor wrote that may quote the resume or name its
	// file: advice, templates, warnings, keywords.
	Generated
)

// VisitResumeText calls fn with a pointer to every string of the report
// that holds or may quote the resume's text, so that blind screening can
// scrub each: the resume's path, evidence from the resume and the closest
// work (their offsets are put right when fn changes them), the resume's
// wording of each skill, advice and templates, keyword terms and warnings.
// The job's own evidence and wording are never visited: nothing of the
// candidate is in them. TestVisitResumeText fails when a string field is
// added to the report without a decision here.
func (r *Report) VisitResumeText(fn func(s *string, kind TextKind)) {
	fn(&r.Resume, ResumeWords)
	if r.Baseline != nil {
		fn(&r.Baseline.Resume, ResumeWords)
	}
	for i := range r.Warnings {
		fn(&r.Warnings[i].Message, Generated)
	}
	for i := range r.OtherKeywords {
		fn(&r.OtherKeywords[i].Term, Generated)
	}
	for i := range r.Checks {
		fn(&r.Checks[i].Message, Generated)
	}
	for i := range r.Requirements {
		q := &r.Requirements[i]
		if q.ResumeEvidence != nil {
			visitEvidence(q.ResumeEvidence, fn)
		}
		fn(&q.Note, Generated)
	}
	for i := range r.Skills {
		s := &r.Skills[i]
		fn(&s.ResumeTerm, ResumeWords)
		for j := range s.ResumeEvidence {
			visitEvidence(&s.ResumeEvidence[j], fn)
		}
		if s.Suggestion != nil {
			fn(&s.Suggestion.Advice, Generated)
			fn(&s.Suggestion.Template, Generated)
			fn(&s.Suggestion.Term, Generated)
			if s.Suggestion.Closest != nil {
				visitEvidence(s.Suggestion.Closest, fn)
			}
		}
	}
}

// visitEvidence visits a resume evidence's sentence and term, and moves the
// term's offsets to where the term is in the sentence afterwards (the start
// when it is no longer there).
func visitEvidence(e *Evidence, fn func(s *string, kind TextKind)) {
	text, term := e.Text, e.Term
	fn(&e.Text, ResumeSentence)
	fn(&e.Term, ResumeWords)
	if e.Text == text && e.Term == term {
		return
	}
	e.TermStart, e.TermEnd = 0, 0
	if k := strings.Index(e.Text, e.Term); k >= 0 && e.Term != "" {
		e.TermStart, e.TermEnd = k, k+len(e.Term)
	}
}
