// Package job reads what a job description asks of a candidate: which
// skills, in which of the job's words and sentences, how much (required or
// preferred, from sections, inline labels and clauses), which skills are
// offered as alternatives ("AWS or GCP"), and the job's terms beyond the
// taxonomy (keywords). A Job is analysed once and compared with any number
// of resumes. The package also holds the built-in job profiles.
//
// job knows job ads; it must not look at a resume or score anything (match
// does).
package job
