// Package report writes a match.Report in one of several formats: text for
// people at a terminal, JSON for scripts (the documented contract), and
// Markdown for pasting into notes or a pull request.
//
// Every writer reads the same model and writes to the io.Writer it is
// given; it never chooses a destination, never prints elsewhere, and
// returns the write error. Formats() is the one list of formats, used by
// the command-line flag, its help and the tests.
package report
