package analysis

import (
	"strings"
	"unicode"

	"github.com/tailor-cli/tailor/match/taxonomy"
	"github.com/tailor-cli/tailor/match/text"
)

// Evidence is one place a document mentions a skill.
type Evidence struct {
	// Section is the section's name (resume: Experience, Skills, ...; job:
	// the heading as written, or Header).
	Section string `json:"section"`
	// Line is the 1-based line of the document text where the term starts.
	Line int `json:"line"`
	// Text is the sentence holding the term, on one line; a longer one is
	// cut between words to about 240 bytes around the term, with "…" at
	// each cut.
	Text string `json:"text"`
	// Term is the matched words as written; TermStart and TermEnd are its
	// byte offsets in Text.
	Term      string `json:"term"`
	TermStart int    `json:"term_start"`
	TermEnd   int    `json:"term_end"`
}

// Evidence describes a hit: its section, line and sentence.
func (a *Analysis) Evidence(h taxonomy.Hit, section string) Evidence {
	sp := a.SentenceAt(h.Start)
	if sp.End <= sp.Start {
		sp = text.Span{Start: h.Start, End: h.End}
	}
	// A short sentence ("MICCAI, 2020.") says little alone: show its line.
	if li := a.Doc.LineAt(h.Start); sp.End-sp.Start < 40 && li >= 0 {
		ln := a.Doc.Lines[li]
		sp = text.Span{Start: min(sp.Start, ln.Start), End: max(sp.End, ln.End)}
	}
	// Shorten long sentences to a window around the term, cut between
	// words and marked with an ellipsis.
	const window = 240
	cutStart, cutEnd := false, false
	if sp.End-sp.Start > window {
		lo := max(sp.Start, h.Start-window/2)
		hi := min(sp.End, lo+window)
		lo = max(sp.Start, hi-window)
		lo, hi = wordCut(a.Doc.Text, lo, sp.Start, h.Start, +1), wordCut(a.Doc.Text, hi, sp.End, h.End, -1)
		cutStart, cutEnd = lo > sp.Start, hi < sp.End
		sp = text.Span{Start: lo, End: hi}
	}
	// Drop a list marker before the sentence.
	if n := text.BulletLen(a.Doc.Text[sp.Start:sp.End]); n > 0 && sp.Start+n <= h.Start {
		sp.Start += n
	}
	text := a.Doc.Text[sp.Start:sp.End]
	// Put the sentence on one line, keeping the term's offsets right.
	var sb strings.Builder
	sb.Grow(len(text) + 2*len("…")) // one allocation: the line is no longer than the text
	if cutStart {
		sb.WriteString("…")
	}
	termStart, termEnd := 0, 0
	space := false
	for i, r := range text {
		if i+sp.Start == h.Start {
			if space && sb.Len() > 0 {
				sb.WriteByte(' ')
				space = false
			}
			termStart = sb.Len()
		}
		if i+sp.Start == h.End {
			termEnd = sb.Len()
		}
		if unicode.IsSpace(r) {
			space = true
			continue
		}
		if space && sb.Len() > 0 {
			sb.WriteByte(' ')
		}
		space = false
		sb.WriteRune(r)
	}
	if termEnd == 0 {
		termEnd = sb.Len()
	}
	if cutEnd {
		sb.WriteString("…")
	}
	line := a.Doc.LineAt(h.Start) + 1
	return Evidence{Section: section, Line: line, Text: sb.String(), Term: a.Doc.Text[h.Start:h.End],
		TermStart: termStart, TermEnd: termEnd}
}

// wordCut moves a cut at off in s to a word boundary: forward (dir +1)
// to the start of the next word for the start of a window, backward (dir
// -1) to the end of the previous word for its end. It stays at or inside
// the sentence edge and never crosses keep (the term's start or end); off
// itself, moved to a rune start, is the answer when no boundary qualifies.
func wordCut(s string, off, edge, keep, dir int) int {
	off = text.RuneStart(s, off)
	if off == edge {
		return off
	}
	isSpace := func(i int) bool { return i >= 0 && i < len(s) && unicode.IsSpace(rune(s[i])) }
	if dir > 0 {
		for i := off; i < keep; i++ {
			if isSpace(i-1) && !isSpace(i) {
				return i
			}
		}
		return off
	}
	for i := off; i > keep; i-- {
		if !isSpace(i-1) && isSpace(i) {
			return i
		}
	}
	return off
}

// HasSentence reports whether ev already holds e's sentence.
func HasSentence(ev []Evidence, e Evidence) bool {
	for _, x := range ev {
		if x.Text == e.Text {
			return true
		}
	}
	return false
}
