package match

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/tailor-cli/tailor/extract"
)

// analysis is a document prepared for matching: its tokens, sentences and
// the skill hits that count.
type analysis struct {
	doc   *extract.Document
	toks  []Token
	sents []Span
	hits  []Hit
	// raw holds every term found, also ambiguous ones that did not count.
	raw []Hit
}

// contextWords, found in the same line or sentence, tell that an ambiguous
// name ("Go", "R", "Spark") is the technology.
var contextWords = map[string]bool{
	"language": true, "languages": true, "programming": true, "stack": true, "framework": true,
	"frameworks": true, "library": true, "libraries": true, "coding": true, "scripting": true,
	"microservices": true, "backend": true, "compiler": true, "sdk": true, "apis": true, "codebase": true,
	"cluster": true, "clusters": true, "tooling": true, "technologies": true,
	"dataset": true, "datasets": true, "inference": true, "neural": true,
	"rewrote": true, "ported": true, "refactored": true,
}

// analyze tokenizes a document and keeps the skill hits that count:
// unambiguous terms always; ambiguous ones ("Go", "torch") when a version
// number or a technical suffix follows ("Go 1.22", "Kafka-based"), when they sit in a section that lists skills, or when the same line
// or sentence names another skill or a programming word.
//
// listSection says which sections list skills, so that an ambiguous name
// there is read as the technology: a resume's Skills section, a job's
// requirements.
func analyze(doc *extract.Document, tax *Taxonomy, listSection func(extract.Section) bool) *analysis {
	a := &analysis{doc: doc, toks: Tokenize(doc.Text)}
	a.sents = Sentences(a.toks, blockStarts(doc))
	raw := tax.scan(a.toks)
	a.raw = raw
	var sure []int // starts of unambiguous hits
	for _, h := range raw {
		if !h.Ambiguous {
			sure = append(sure, h.Start)
		}
	}
	lists := map[int]bool{} // lines that list skills, by line index
	for _, h := range raw {
		if !h.Ambiguous || h.Qualified || listSection(doc.SectionAt(h.Start)) || a.namesSection(h) ||
			a.inSkillList(h, raw, lists) || a.hasContext(h, sure) {
			a.hits = append(a.hits, h)
		}
	}
	return a
}

// inSkillList reports whether a hit sits in a labelled list of skills, such
// as "Tech used: Go, Ray, Spark" outside a Skills section: a line "Label:
// a, b, c" of at least two items, two thirds of which are skill names.
// lists caches the verdict per line.
func (a *analysis) inSkillList(h Hit, raw []Hit, lists map[int]bool) bool {
	li := a.doc.LineAt(h.Start)
	if li < 0 {
		return false
	}
	if v, ok := lists[li]; ok {
		return v
	}
	ln := a.doc.Lines[li]
	text := a.doc.Text[ln.Start:ln.End]
	verdict := false
	if isLabelLine(text) {
		colon := strings.IndexByte(text, ':')
		items, named := 0, 0
		off := ln.Start + colon + 1
		for _, item := range strings.FieldsFunc(text[colon+1:], func(r rune) bool { return r == ',' || r == ';' || r == '|' }) {
			start := off + strings.Index(a.doc.Text[off:ln.End], item)
			off = start + len(item)
			trimmed := strings.TrimSpace(item)
			if trimmed == "" {
				continue
			}
			items++
			lo := start + strings.Index(item, trimmed)
			hi := lo + len(trimmed)
			for _, r := range raw {
				if r.Start == lo && r.End == hi {
					named++
					break
				}
			}
		}
		verdict = items >= 2 && 3*named >= 2*items
	}
	lists[li] = verdict
	return verdict
}

// namesSection reports whether a hit is a heading that starts a known
// section ("Publications"): the heading says what the section holds.
func (a *analysis) namesSection(h Hit) bool {
	li := a.doc.LineAt(h.Start)
	if li < 0 || !a.doc.Lines[li].Heading {
		return false
	}
	name := a.doc.SectionAt(a.doc.Lines[li].End).Name
	return name != "Other" && name != "Header"
}

// hasContext reports whether the line or sentence around an ambiguous hit
// names an unambiguous skill or a programming word.
func (a *analysis) hasContext(h Hit, sure []int) bool {
	spans := []Span{a.sentenceAt(h.Start)}
	if li := a.doc.LineAt(h.Start); li >= 0 {
		spans = append(spans, Span{a.doc.Lines[li].Start, a.doc.Lines[li].End})
	}
	for _, sp := range spans {
		i := sort.SearchInts(sure, sp.Start)
		if i < len(sure) && sure[i] < sp.End {
			return true
		}
		j := sort.Search(len(a.toks), func(k int) bool { return a.toks[k].Start >= sp.Start })
		for ; j < len(a.toks) && a.toks[j].Start < sp.End; j++ {
			if contextWords[a.toks[j].Lower] {
				return true
			}
		}
	}
	return false
}

// sentenceAt returns the sentence holding offset off, or an empty span.
func (a *analysis) sentenceAt(off int) Span {
	i := sort.Search(len(a.sents), func(k int) bool { return a.sents[k].End > off })
	if i < len(a.sents) && a.sents[i].Start <= off {
		return a.sents[i]
	}
	return Span{off, off}
}

// blockStarts returns the offsets where a new block of text starts for
// sentence splitting: headings, the line after a heading, list bullets,
// paragraph breaks and lines after a line ending in a colon.
func blockStarts(doc *extract.Document) []int {
	var out []int
	for i, ln := range doc.Lines {
		text := doc.Text[ln.Start:ln.End]
		start := i == 0 || ln.Heading || startsWithBullet(text) ||
			ln.Start >= 2 && doc.Text[ln.Start-2:ln.Start] == "\n\n"
		if i > 0 {
			prev := doc.Lines[i-1]
			ptext := doc.Text[prev.Start:prev.End]
			start = start || prev.Heading || strings.HasSuffix(ptext, ":") || isLabelLine(text)
		}
		if start {
			out = append(out, ln.Start)
		}
	}
	return out
}

// listMarkers start list items: symbols on their own, dashes and stars
// when a space follows.
var listMarkers = []string{"•", "▪", "◦", "‣", "- ", "* ", "– ", "— ", "○ ", "■ "}

// bulletLen returns the length of the list marker (and the space after
// it) that starts s, or 0 when s starts with none.
func bulletLen(s string) int {
	for _, b := range listMarkers {
		if strings.HasPrefix(s, b) {
			n := len(b)
			if n < len(s) && s[n] == ' ' {
				n++
			}
			return n
		}
	}
	return 0
}

// startsWithBullet reports whether a line starts with a list marker.
func startsWithBullet(s string) bool { return bulletLen(s) > 0 }

// isLabelLine reports whether a line reads "Label: item, item": a short
// label before a colon, as skills lists are written.
func isLabelLine(s string) bool {
	s = s[bulletLen(s):]
	label, rest, ok := strings.Cut(s, ":")
	if !ok || strings.TrimSpace(rest) == "" || len(strings.Fields(label)) > 4 {
		return false
	}
	if first, _ := utf8.DecodeRuneInString(label); !unicode.IsUpper(first) {
		return false // "owning the whole workflow: ..." continues a sentence
	}
	for _, r := range label {
		if !unicode.IsLetter(r) && !unicode.IsSpace(r) && !strings.ContainsRune("&/-", r) {
			return false
		}
	}
	return true
}

// evidence describes a hit: its section, line and sentence.
func (a *analysis) evidence(h Hit, section string) Evidence {
	sp := a.sentenceAt(h.Start)
	if sp.End <= sp.Start {
		sp = Span{h.Start, h.End}
	}
	// A short sentence ("MICCAI, 2020.") says little alone: show its line.
	if li := a.doc.LineAt(h.Start); sp.End-sp.Start < 40 && li >= 0 {
		ln := a.doc.Lines[li]
		sp = Span{min(sp.Start, ln.Start), max(sp.End, ln.End)}
	}
	// Shorten long sentences to a window around the term, cut between
	// words and marked with an ellipsis.
	const window = 240
	cutStart, cutEnd := false, false
	if sp.End-sp.Start > window {
		lo := max(sp.Start, h.Start-window/2)
		hi := min(sp.End, lo+window)
		lo = max(sp.Start, hi-window)
		lo, hi = wordCut(a.doc.Text, lo, sp.Start, h.Start, +1), wordCut(a.doc.Text, hi, sp.End, h.End, -1)
		cutStart, cutEnd = lo > sp.Start, hi < sp.End
		sp = Span{lo, hi}
	}
	// Drop a list marker before the sentence.
	if n := bulletLen(a.doc.Text[sp.Start:sp.End]); n > 0 && sp.Start+n <= h.Start {
		sp.Start += n
	}
	text := a.doc.Text[sp.Start:sp.End]
	// Put the sentence on one line, keeping the term's offsets right.
	var sb strings.Builder
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
	line := a.doc.LineAt(h.Start) + 1
	return Evidence{Section: section, Line: line, Text: sb.String(), Term: a.doc.Text[h.Start:h.End],
		TermStart: termStart, TermEnd: termEnd}
}

// wordCut moves a cut at off in text to a word boundary: forward (dir +1)
// to the start of the next word for the start of a window, backward (dir
// -1) to the end of the previous word for its end. It stays at or inside
// the sentence edge and never crosses keep (the term's start or end); off
// itself, moved to a rune start, is the answer when no boundary qualifies.
func wordCut(text string, off, edge, keep, dir int) int {
	off = runeStart(text, off)
	if off == edge {
		return off
	}
	isSpace := func(i int) bool { return i >= 0 && i < len(text) && unicode.IsSpace(rune(text[i])) }
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

// runeStart moves off back to the start of the UTF-8 sequence holding it.
func runeStart(s string, off int) int {
	for off > 0 && off < len(s) && s[off]&0xC0 == 0x80 {
		off--
	}
	return off
}
