package analysis

import (
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/tailor-cli/tailor/extract"
	"github.com/tailor-cli/tailor/match/internal/concur"
	"github.com/tailor-cli/tailor/match/taxonomy"
	"github.com/tailor-cli/tailor/match/text"
)

// Analysis is a document prepared for matching: its tokens, sentences and
// the skill hits that count. It is not changed after New returns.
type Analysis struct {
	// Doc is the document analysed.
	Doc *extract.Document
	// Tokens are its text's tokens, and Sentences the spans of its
	// sentences (text.Sentences, with its blocks as breaks).
	Tokens    []text.Token
	Sentences []text.Span
	// Hits are the skill terms that count, in text order.
	Hits []taxonomy.Hit
	// Raw holds every term found, also ambiguous ones that did not count.
	Raw []taxonomy.Hit
	// Names are the spans of people's names the rules find by their form
	// (text.NameFinder): no hit counts inside one.
	Names []text.Span
	// Defined holds the acronyms the text spells out in words that are no
	// skill ("Information Technology Services (ITS)"): a name's, read as
	// no skill anywhere in the text.
	Defined map[string]bool

	rules *taxonomy.Rules
	cuts  *cuts // where clauses end and begin
}

// New tokenizes a document and keeps the skill hits that count:
// unambiguous terms always; ambiguous ones ("Go", "torch") when a version
// number or a technical suffix follows ("Go 1.22", "Kafka-based"), when they sit in a section that lists skills, or when the same line
// or sentence names another skill or a programming word.
//
// An ambiguous name followed by a capitalised word that is not a skill
// ("Ray Okonkwo", "Spark Street Media") is a person's or a company's name
// and never counts, unless the rules list that word as one that follows
// technologies ("Spark Streaming", "Go Developer").
func New(doc *extract.Document, tax *taxonomy.Taxonomy, opts Options) *Analysis {
	rules := tax.Rules()
	carryOn := func(w string) bool { return rules.Word(taxonomy.WordsCarryOn, w) }
	// People's names are found by their form in the text alone: beside
	// tokenizing and scanning, on the core a check leaves idle.
	names := concur.Alongside(func() []text.Span { return rules.Names().Find(doc.Text) })
	toks := opts.Tokens
	if toks == nil {
		toks = text.Tokenize(doc.Text)
	}
	a := &Analysis{Doc: doc, Tokens: toks, rules: rules, cuts: clauseCuts(doc.Text, opts.Breaks, carryOn)}
	starts := text.BlockStarts(doc)
	if len(opts.Breaks) > 0 {
		starts = append(starts, opts.Breaks...)
		sort.Ints(starts)
	}
	a.Sentences = text.Sentences(a.Tokens, starts)
	markBreaks(a.Tokens, starts)
	raw := tax.Scan(a.Tokens)
	if opts.Compounds {
		raw = tax.Compounds(a.Tokens, raw)
	}
	a.Raw = raw
	listSection := opts.ListSection
	if listSection == nil {
		listSection = func(extract.Section) bool { return false }
	}
	var sure []int // starts of unambiguous hits
	for _, h := range raw {
		if !h.Ambiguous && !h.Listed {
			sure = append(sure, h.Start)
		}
	}
	lists := map[int]bool{} // lines that list skills, by line index
	a.Names = names()       // people's names, by their form
	// A double-barrelled "name" that holds a skill's unambiguous term is
	// two skills ("Python Scikit-Learn"), not a person.
	a.Names = slices.DeleteFunc(a.Names, func(n text.Span) bool {
		return text.DoubleBarrelled(doc.Text[n.Start:n.End]) && slices.ContainsFunc(raw, func(h taxonomy.Hit) bool {
			return !h.Ambiguous && !h.Listed && h.Start >= n.Start && h.End <= n.End
		})
	})
	defined := a.definedAcronyms(raw) // acronyms the text spells out as no skill
	a.Defined = defined
	for i, h := range raw {
		if h.Ambiguous && a.namedAfter(h, raw[i+1:]) || a.firmName(h, raw[i+1:]) || text.InNames(a.Names, h.Start, h.End) ||
			defined[doc.Text[h.Start:h.End]] {
			continue
		}
		if h.Listed {
			if a.wholeItem(h) && (listSection(doc.SectionAt(h.Start)) || a.inSkillList(h, raw, lists)) {
				a.Hits = append(a.Hits, h)
			}
			continue
		}
		if !h.Ambiguous || h.Qualified || listSection(doc.SectionAt(h.Start)) || a.namesSection(h) ||
			a.inSkillList(h, raw, lists) || a.hasContext(h, sure) {
			a.Hits = append(a.Hits, h)
		}
	}
	return a
}

// markBreaks marks the tokens at which a block starts (starts are byte
// offsets, sorted), so that a phrase of the taxonomy never runs from a
// heading into the list under it ("What you'll bring / - Experience
// taking models to production" holds no "bring ... models").
func markBreaks(toks []text.Token, starts []int) {
	i := 0
	for _, s := range starts {
		for i < len(toks) && toks[i].Start < s {
			i++
		}
		if i == len(toks) {
			return
		}
		if i > 0 {
			toks[i].Break = true
		}
	}
}

// Options say how to read a document.
type Options struct {
	// ListSection says which sections list skills, so that an ambiguous
	// name there is read as the technology: a resume's Skills section, a
	// job's requirements. Nil: none.
	ListSection func(extract.Section) bool
	// Breaks are offsets, besides the document's blocks, where a sentence
	// must break: the items of a list squashed onto one line.
	Breaks []int
	// Tokens are the document's tokens (text.Tokenize of its text), when
	// the caller has made them already. Nil: New makes them.
	Tokens []text.Token
	// Compounds reads a skill's name that only finishes the name before it
	// ("INT8 quantization") as part of that one (taxonomy.Compounds): a
	// job's one ask.
	Compounds bool
}

// namedAfter reports whether an ambiguous hit is the first part of a name:
// the word right after it is capitalised, is no skill (next holds the
// hits after h) and is not a word that follows technologies.
func (a *Analysis) namedAfter(h taxonomy.Hit, next []taxonomy.Hit) bool {
	i := sort.Search(len(a.Tokens), func(k int) bool { return a.Tokens[k].Start >= h.End })
	return i < len(a.Tokens) && a.Tokens[i].Glue == text.GlueSpace && a.nameWord(h, next, i)
}

// firmName reports whether a hit is the first name of a firm's two joined
// by an ampersand ("Cypress & Finch", "Helm & Anchor Shipping"): "&" and
// a name (see nameWord) follow it. "Docker & Kubernetes" names two skills.
func (a *Analysis) firmName(h taxonomy.Hit, next []taxonomy.Hit) bool {
	i := sort.Search(len(a.Tokens), func(k int) bool { return a.Tokens[k].Start >= h.End })
	return i+1 < len(a.Tokens) && a.Tokens[i].Text == "&" && a.nameWord(h, next, i+1)
}

// nameWord reports whether token i, after hit h, is a word written like a
// name that is no skill (next holds the hits after h) and no word that
// follows technologies ("Go Developer"), on h's line: "Go\nKubernetes" in
// a list names no one.
func (a *Analysis) nameWord(h taxonomy.Hit, next []taxonomy.Hit, i int) bool {
	tk := a.Tokens[i]
	return !(len(next) > 0 && next[0].Start <= tk.Start) && nameLike(tk.Text) &&
		!a.rules.Word(taxonomy.WordsNotAName, tk.Text) && !strings.Contains(a.Doc.Text[h.End:tk.Start], "\n")
}

// definedAcronyms returns the acronyms the text spells out as words that
// are no skill, wherever it uses them: "Good Clinical Practice (GCP)" is no
// Google Cloud, "Data Protection Officer (DPO)" no preference optimisation
// and "Ministry of Education (MoE)" no mixture of experts. An acronym
// spelt out as its own skill ("Google Cloud Platform (GCP)", "Large
// Language Models (LLMs)") is that skill: a hit covers the words.
func (a *Analysis) definedAcronyms(raw []taxonomy.Hit) map[string]bool {
	var out map[string]bool
	toks := a.Tokens
	for i := 1; i+2 < len(toks); i++ {
		acr := toks[i+1].Text
		if toks[i].Text != "(" || toks[i+2].Text != ")" || !acronymLike(acr) {
			continue
		}
		start, ok := spelledOut(toks[:i], acr, a.rules)
		if !ok || slices.ContainsFunc(raw, func(h taxonomy.Hit) bool {
			return h.Start >= start && h.End <= toks[i].Start && h.End > start
		}) {
			continue
		}
		if out == nil {
			out = map[string]bool{}
		}
		out[acr] = true
	}
	return out
}

// acronymLike reports whether w is written as an acronym: two to six
// letters, at least two of them capitals, the first one too ("GCP", "MoE").
func acronymLike(w string) bool {
	upper := 0
	for i, r := range w {
		switch {
		case unicode.IsUpper(r):
			upper++
		case !unicode.IsLower(r) || i == 0:
			return false
		}
	}
	return upper >= 2 && len(w) <= 6
}

// spelledOut reports whether the words that end toks spell acr out, by
// their capitals, skipping small words ("Ministry of Education" for
// "MoE"), and where they start.
func spelledOut(toks []text.Token, acr string, rules *taxonomy.Rules) (int, bool) {
	var capitals []rune
	for _, r := range acr {
		if unicode.IsUpper(r) {
			capitals = append(capitals, r)
		}
	}
	k := len(capitals) - 1
	for j := len(toks) - 1; j >= 0 && k >= 0; j-- {
		w := toks[j].Text
		if rules.Word(taxonomy.WordsAcronymSkip, w) {
			continue
		}
		r, _ := utf8.DecodeRuneInString(w)
		if unicode.ToUpper(r) != capitals[k] || !unicode.IsLetter(r) {
			return 0, false // "Ministry of Education (MoE)", "entity component system (ECS)"
		}
		if k == 0 {
			return toks[j].Start, true
		}
		k--
	}
	return 0, false
}

// nameLike reports whether a word is written like a name: a capital, then
// only lower-case letters ("Okonkwo", "Street"), at least two letters.
func nameLike(w string) bool {
	rs := []rune(w)
	if len(rs) < 2 || !unicode.IsUpper(rs[0]) {
		return false
	}
	for _, r := range rs[1:] {
		if !unicode.IsLower(r) {
			return false
		}
	}
	return true
}

// inSkillList reports whether a hit sits in a labelled list of skills, such
// as "Tech used: Go, Ray, Spark" outside a Skills section: a line "Label:
// a, b, c" of at least two items, two thirds of which are skill names.
// lists caches the verdict per line.
func (a *Analysis) inSkillList(h taxonomy.Hit, raw []taxonomy.Hit, lists map[int]bool) bool {
	li := a.Doc.LineAt(h.Start)
	if li < 0 {
		return false
	}
	if v, ok := lists[li]; ok {
		return v
	}
	ln := a.Doc.Lines[li]
	line := a.Doc.Text[ln.Start:ln.End]
	verdict := false
	if text.IsLabelLine(line) {
		colon := strings.IndexByte(line, ':')
		items, named := 0, 0
		off := ln.Start + colon + 1
		for _, item := range strings.FieldsFunc(line[colon+1:], func(r rune) bool { return r == ',' || r == ';' || r == '|' }) {
			start := off + strings.Index(a.Doc.Text[off:ln.End], item)
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

// wholeItem reports whether a hit is a whole item of a list on its line:
// between the line's start, a label's colon or a separator, and the line's
// end or a separator, it has only spaces, bullets and a full stop
// ("Communication" in "Skills: Communication, Excel" or on a bullet line of
// its own, never in "Communication with the client was weekly"). Headings
// are not items.
func (a *Analysis) wholeItem(h taxonomy.Hit) bool {
	li := a.Doc.LineAt(h.Start)
	if li < 0 || a.Doc.Lines[li].Heading {
		return false
	}
	ln := a.Doc.Lines[li]
	before := strings.TrimRightFunc(a.Doc.Text[ln.Start:h.Start], unicode.IsSpace)
	after := strings.TrimLeftFunc(a.Doc.Text[h.End:ln.End], func(r rune) bool { return unicode.IsSpace(r) || r == '.' })
	okBefore := before == "" || strings.ContainsRune(itemBullets+itemSeparators+":(", lastRune(before)) ||
		extract.PictographLen(a.Doc.Text[ln.Start:h.Start]) == len(before)
	okAfter := after == "" || strings.ContainsRune(itemSeparators+")", []rune(after)[0])
	// An item led by the skill's name, which the rest explains
	// ("5. Communication. Turning a chart into a decision is the job",
	// "- Testing: you own the suite"), lists it.
	rest := a.Doc.Text[h.End:ln.End]
	marker := strings.TrimLeft(a.Doc.Text[ln.Start:h.Start], " \t") // what opens the item before the hit
	leads := (text.BulletLen(marker) == len(marker) || strings.ContainsRune(itemBullets, lastRune(before))) &&
		(strings.HasPrefix(rest, ". ") || strings.HasPrefix(rest, ": "))
	return okBefore && okAfter || leads
}

// itemBullets may start an item of a list; itemSeparators part its items.
const (
	itemBullets    = "-*•·–—▪◦●►▸➢➤✓✔◆→>"
	itemSeparators = ",;|•·▪◦●"
)

// lastRune returns the last rune of a non-empty string.
func lastRune(s string) rune {
	r := []rune(s)
	return r[len(r)-1]
}

// namesSection reports whether a hit is a heading that starts a known
// section ("Publications"): the heading says what the section holds.
func (a *Analysis) namesSection(h taxonomy.Hit) bool {
	li := a.Doc.LineAt(h.Start)
	if li < 0 || !a.Doc.Lines[li].Heading {
		return false
	}
	name := a.Doc.SectionAt(a.Doc.Lines[li].End).Name
	return name != "Other" && name != "Header"
}

// hasContext reports whether the line or sentence around an ambiguous hit
// names an unambiguous skill or a programming word.
func (a *Analysis) hasContext(h taxonomy.Hit, sure []int) bool {
	spans := []text.Span{a.SentenceAt(h.Start)}
	if li := a.Doc.LineAt(h.Start); li >= 0 {
		spans = append(spans, text.Span{Start: a.Doc.Lines[li].Start, End: a.Doc.Lines[li].End})
	}
	for _, sp := range spans {
		i := sort.SearchInts(sure, sp.Start)
		if i < len(sure) && sure[i] < sp.End {
			return true
		}
		j := sort.Search(len(a.Tokens), func(k int) bool { return a.Tokens[k].Start >= sp.Start })
		for ; j < len(a.Tokens) && a.Tokens[j].Start < sp.End; j++ {
			if a.rules.Word(taxonomy.WordsContext, a.Tokens[j].Lower) {
				return true
			}
		}
	}
	return false
}

// SentenceAt returns the sentence holding offset off, or an empty span.
func (a *Analysis) SentenceAt(off int) text.Span {
	i := sort.Search(len(a.Sentences), func(k int) bool { return a.Sentences[k].End > off })
	if i < len(a.Sentences) && a.Sentences[i].Start <= off {
		return a.Sentences[i]
	}
	return text.Span{Start: off, End: off}
}
