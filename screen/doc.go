// Package screen ranks many resumes against one job: it collects the input
// files (files, folders, globs, lists), partitions them into shards,
// processes them in worker processes that can be stopped when a file takes
// too long, scrubs personal data for blind screening, flags duplicates and
// ranks the results. It also merges the JSON Lines output of several shards
// into one ranking.
//
// Every input is accounted for: a file that cannot be read becomes a match.Row
// with status "error", a file of another type a Row with status "skipped".
// screen never prints; package report writes its rows.
package screen
