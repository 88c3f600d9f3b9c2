// Package match finds skills in a job description and a resume and builds
// the gap report between them.
//
// The pipeline: Tokenize splits text with prose's tokenizer (the only file
// that imports prose) into tokens with byte offsets; a Taxonomy (embedded
// YAML, extensible with --taxonomy) compiles every skill's terms into token
// patterns; scanning finds the longest term at each token, rejecting
// decoys by rule ("go-to-market" is no Go, "C-suite" no C) and by each
// skill's "not" phrases; ambiguous names ("Go", "R", "torch") count only
// with technical context. NewJob analyses a job once (which skills, required
// or preferred, in which words); Job.Compare matches a resume against it and
// returns a Report: score, reasons, evidence and suggested wording.
//
// match reads extract.Document values and never does I/O itself, except to
// read its embedded data. It never writes reports; package report does.
package match
