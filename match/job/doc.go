// Package job reads what a job description asks of a candidate. It first
// finds the ad's parts as a person reads them (headings in their many
// pasted forms, labelled paragraphs, lists squashed onto one line) and
// gives each a kind from the language rules; then which skills it asks
// for, in which of the job's words and sentences, how much (required or
// preferred, from the part's kind and the clause's cues), what it names
// without asking (the company, benefits, examples, commentary, negations,
// questions), which skills are offered as alternatives ("AWS or GCP"),
// and the job's terms beyond the taxonomy (keywords). A Job is analysed
// once and compared with any number of resumes. The package also holds the
// built-in job profiles.
//
// job knows job ads; it must not look at a resume or score anything (match
// does).
package job
