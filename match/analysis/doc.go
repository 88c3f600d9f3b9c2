// Package analysis prepares one document, a resume or a job alike, for
// matching: its tokens and sentences, and the skill hits that count. An
// ambiguous name ("Go", "R", "torch") counts with a version or technical
// suffix, in a section that lists skills, in a labelled list of skills, as
// a section's heading, or with another skill or a programming word in its
// line or sentence. It also cuts a hit's sentence into Evidence for
// reports.
//
// analysis knows documents and the taxonomy's hits; it must not know what
// a job asks or how a resume is scored (job and match do). Which sections
// list skills is the caller's to say.
package analysis
