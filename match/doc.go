// Package match compares one resume with one analysed job and builds the
// gap report between them: each asked skill's status (matched, partial
// through a narrower skill, missing), the score and its reasons, evidence
// from both documents, and suggested wording that never claims experience.
// It also holds the report model every writer reads (Report, and Row and
// Summary for a batch).
//
// match is the top of five layers, each importing only those below it:
//
//	match           one job's asks against one resume: statuses, score, suggestions, the Report model
//	match/job       what a job asks: its parts, importance, either/or groups, keyword asks, profiles
//	match/analysis  a document prepared for matching: tokens, sentences, the skill hits that count, evidence
//	match/taxonomy  the skill taxonomy and the language rules: strict loading, finding terms in tokens
//	match/text      tokens, sentences, noun phrases, names, bullets, word stems; no skill knowledge
//
// Any layer may run a part of its work alongside another with
// match/internal/concur, which belongs to none: a check compares one
// resume on a machine's idle second core, a screen worker (GOMAXPROCS 1)
// on one.
//
// match knows how a resume's sections show work (Experience before Skills)
// and how to word advice; it must not find skills or read a job's asks
// itself (analysis and job do). It reads extract.Document values and never
// does I/O, and it never writes reports; package report does.
package match
