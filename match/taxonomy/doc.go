// Package taxonomy holds the skill taxonomy: its embedded YAML
// (taxonomy.yaml, the source of truth) and the Go generated from it, strict
// loading of user files that extend or replace it, with errors that name
// file, line and entry, and the compiled matchers that find its terms in
// tokens (aliases, inflections, exact and ambiguous case-sensitive names,
// hyphen and initial boundaries, "not" phrases). It also answers how skills
// relate: what a skill implies, and which skills are near one another.
//
// It also holds the language rules a job ad is read with (rules.yaml, the
// same strict loading, extended by the same --taxonomy file): which kind of
// part a heading names, the cues that make a clause preferred, required or
// negated and a sentence an example, a comment or boilerplate, and word
// lists. The code that applies them never names a word.
//
// taxonomy knows skills and their words; it must not decide whether an
// ambiguous hit counts in its context (analysis does), nor what a job asks
// or a resume shows. It imports only text.
package taxonomy
