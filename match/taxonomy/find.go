package taxonomy

import (
	"errors"
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/tailor-cli/tailor/match/text"
)

// termKind is how a taxonomy term must be matched.
type termKind int

const (
	// termAlias matches in any letter case.
	termAlias termKind = iota
	// termExact matches only in the case written.
	termExact
	// termAmbiguous matches only in the case written, and only with
	// technical context nearby.
	termAmbiguous
	// termListed matches in any letter case, and only as a whole item of a
	// list of skills ("Communication" in "Skills: Communication, Excel").
	termListed
	// termTool matches as an alias does, and names one tool or product of
	// the skill's kind ("Redis" of NoSQL databases).
	termTool
)

// patternToken is one token of a compiled term.
type patternToken struct {
	text, lower, stem string
	glue              text.Glue
}

// pattern is one compiled way of writing a skill.
type pattern struct {
	// skill is the skill's idx in its taxonomy.
	skill int
	term  string
	kind  termKind
	toks  []patternToken
	// tool numbers the skill's tool the term names, from 1; 0 for terms
	// that are not tools.
	tool int
	// strict patterns (ambiguous terms, and one- or two-letter names such as
	// "C" and "R") never match inside a hyphenated compound: "go-to-market",
	// "C-suite".
	strict bool
}

const maxTermTokens = 8

// compileTerm turns a taxonomy term of the skill with idx skill into
// patterns: the term as tokenized, and for a hyphenated term also its
// closed form ("fine-tuning" → "finetuning"), nil for others.
func compileTerm(skill int, term string, kind termKind) (p pattern, closed *pattern, err error) {
	toks := patternTokens(term)
	switch {
	case len(toks) == 0:
		return p, nil, errors.New("empty")
	case len(toks) > maxTermTokens:
		return p, nil, errors.New("longer than 8 words")
	}
	p = pattern{skill: skill, term: term, kind: kind, toks: toks}
	hyphen, spaced := false, true
	for _, tk := range toks {
		hyphen = hyphen || tk.glue == text.GlueHyphen
		spaced = spaced && (tk.glue == text.GlueSpace || tk.glue == text.GlueHyphen)
	}
	p.strict = kind == termAmbiguous || kind == termListed || len(toks) == 1 && len([]rune(toks[0].text)) <= 2
	if hyphen && spaced {
		var sb strings.Builder
		for _, tk := range toks {
			sb.WriteString(tk.text)
		}
		joined := sb.String()
		closed = &pattern{skill: skill, term: term, kind: kind, strict: p.strict,
			toks: []patternToken{{text: joined, lower: strings.ToLower(joined), stem: text.Stem(strings.ToLower(joined)), glue: text.GlueSpace}}}
	}
	return p, closed, nil
}

// patternTokens tokenizes a term as patterns hold it: each token with its
// lower case and stem, the first attached by a space.
func patternTokens(term string) []patternToken {
	toks := termTokens(strings.TrimSpace(term))
	out := make([]patternToken, 0, len(toks))
	for i, tk := range toks {
		glue := tk.Glue
		if i == 0 {
			glue = text.GlueSpace
		}
		out = append(out, patternToken{text: tk.Text, lower: tk.Lower, stem: text.Stem(tk.Lower), glue: glue})
	}
	return out
}

// lowerPhrase returns a pattern's tokens in lower case, joined by spaces,
// as text.LowerPhrase returns a text's.
func lowerPhrase(toks []patternToken) string {
	if len(toks) == 1 {
		return toks[0].lower
	}
	parts := make([]string, len(toks))
	for i, tk := range toks {
		parts[i] = tk.lower
	}
	return strings.Join(parts, " ")
}

// isPlainTerm reports whether a term is plain words: ASCII letters and
// digits, separated by single spaces or inner hyphens. (A loop, not a
// regular expression: every run checks each of the taxonomy's terms.)
func isPlainTerm(term string) bool {
	prevSep := true // at the start, as after a separator
	for i := 0; i < len(term); i++ {
		switch c := term[i]; {
		case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9':
			prevSep = false
		case (c == ' ' || c == '-') && !prevSep:
			prevSep = true
		default:
			return false
		}
	}
	return !prevSep
}

// termTokens tokenizes a taxonomy term. Most terms are plain words, which
// prose's tokenizer leaves as they are; splitting those directly saves
// most of the cost of compiling the taxonomy, which every run pays.
// TestTermTokens checks that both ways agree on every built-in term.
func termTokens(term string) []text.Token {
	if !isPlainTerm(term) {
		return text.Tokenize(term)
	}
	var out []text.Token
	off := 0
	for _, w := range strings.Split(term, " ") {
		out = text.SplitInner(out, w, off, text.GlueSpace)
		off += len(w) + 1
	}
	return out
}

// matchAt reports whether the pattern matches toks starting at i; guarded
// are its skill's guarded forms (skillData.guarded).
func (p *pattern) matchAt(toks []text.Token, i int, guarded []string) bool {
	ok, _ := p.match(toks, i, guarded)
	return ok
}

// match reports whether the pattern matches toks starting at i, and
// whether it matches them exactly (no inflection or plural). A pattern
// that matches in any case never matches one of guarded, its skill's
// guarded forms (skillData.guarded), as an inflection.
func (p *pattern) match(toks []text.Token, i int, guarded []string) (ok, exact bool) {
	if i+len(p.toks) > len(toks) {
		return false, false
	}
	last := len(p.toks) - 1
	inflected := false
	for k, pt := range p.toks {
		tk := toks[i+k]
		if k > 0 && !glueFits(pt.glue, tk.Glue) {
			return false, false
		}
		if p.kind == termExact || p.kind == termAmbiguous {
			// Case-sensitive terms match as written, or as a plural; words
			// that are not acronyms also in any inflection of the same
			// case ("quantize", "Quantizing").
			if tk.Text != pt.text {
				if k != last || !text.IsPlural(tk.Text, pt.text) && !sameCaseInflection(tk, pt) {
					return false, false
				}
				inflected = true
			}
			continue
		}
		// Other terms match in any case; their last word in any
		// inflection ("profiled", "fine-tuning", "GPUs").
		if tk.Lower != pt.lower {
			if k != last || text.Stem(tk.Lower) != pt.stem || !text.InflectionOf(tk.Lower, pt.lower) || text.AgentNoun(tk.Lower, pt.lower) {
				return false, false
			}
			inflected = true
		}
	}
	if inflected && p.kind != termExact && p.kind != termAmbiguous && slices.Contains(guarded, text.LowerPhrase(toks[i:i+len(p.toks)])) {
		return false, false
	}
	return true, !inflected
}

// sameCaseInflection reports whether a token is an inflection of a
// case-sensitive word that is not an acronym, starting in the same case.
// A word written as a participle ("embedded", "quantized") is an adjective
// there and matches only its other "-ed" forms: "embedding" is no
// embedded system.
func sameCaseInflection(tk text.Token, pt patternToken) bool {
	if text.IsAcronym(pt.text) || tk.Text == "" || strings.HasSuffix(pt.lower, "ed") && !strings.HasSuffix(tk.Lower, "ed") {
		return false
	}
	a, _ := utf8.DecodeRuneInString(tk.Text)
	b, _ := utf8.DecodeRuneInString(pt.text)
	// Compared as written, so that "LoRa" is no form of "LoRA".
	return unicode.IsUpper(a) == unicode.IsUpper(b) && text.Stem(tk.Lower) == pt.stem && text.InflectionOf(tk.Text, pt.text)
}

// glueFits reports whether a document token attached by got may stand where
// a term has a token attached by want: a space and a hyphen are
// interchangeable ("fine tuning", "fine-tuning"); a slash or adjacency must
// be the same.
func glueFits(want, got text.Glue) bool {
	if want == text.GlueSpace || want == text.GlueHyphen {
		return got == text.GlueSpace || got == text.GlueHyphen
	}
	return want == got
}

// lookupKeys are the index keys under which a token may start a pattern:
// itself, its stem, and its singular forms when it may be a plural.
func lookupKeys(lower string) []string {
	keys := []string{lower, text.Stem(lower)}
	if strings.HasSuffix(lower, "ies") && len(lower) > 4 {
		keys = append(keys, lower[:len(lower)-3]+"y")
	}
	if strings.HasSuffix(lower, "es") && len(lower) > 3 {
		keys = append(keys, lower[:len(lower)-2])
	}
	if strings.HasSuffix(lower, "s") && len(lower) > 2 {
		keys = append(keys, lower[:len(lower)-1])
	}
	return keys
}

// Hit is one place a text shows a skill.
type Hit struct {
	// Skill is the skill found.
	Skill *Skill
	// Start and End are byte offsets of the matched words in the text.
	Start, End int
	// Ambiguous reports that the term needs context to count.
	Ambiguous bool
	// Listed reports that the term counts only as a whole item of a list
	// of skills.
	Listed bool
	// Tool numbers, from 1, the tool of the skill's kind that the term
	// names ("Redis" of NoSQL databases); 0 when it names the skill itself
	// ("NoSQL"). Names of one tool share its number.
	Tool int
	// Term is the skill's words when the text writes only part of them:
	// "tracking" in "object detection and tracking" is object tracking.
	// Empty when the matched words are the term.
	Term string
	// Phrase reports that the text says the skill in other words, by one
	// of its phrases ("serve our models"): the words are the text's own,
	// never a term to suggest.
	Phrase bool
	// Qualified reports that a version number ("Go 1.22") or a technical
	// suffix ("Kafka-based") follows: either says the name is the
	// technology.
	Qualified bool
}

var versionPattern = regexp.MustCompile(`^v?\d+(\.\d+)*(\.x|\+)?$`)

// Scan finds every skill term in toks, longest match first, without
// overlaps. Ambiguous hits are returned marked; deciding whether their
// context makes them count is the caller's job.
func (t *Taxonomy) Scan(toks []text.Token) []Hit {
	var hits []Hit
	var starts []int // each hit's first token
	for i := 0; i < len(toks); {
		// The longest match wins; between equally long ones, a match of
		// the text as written beats an inflection ("embeddings" is the
		// embeddings skill, not a form of "embedded").
		var best *pattern
		bestExact := false
		for _, key := range lookupKeys(toks[i].Lower) {
			ps := t.index.get(key)
			for k := range ps {
				p := &ps[k]
				if best != nil && (len(p.toks) < len(best.toks) || len(p.toks) == len(best.toks) && bestExact) {
					continue
				}
				ok, exact := p.match(toks, i, t.data[p.skill].guarded)
				if !ok || best != nil && len(p.toks) == len(best.toks) && !exact {
					continue
				}
				if boundaryOK(p, toks, i) && !t.negated(p.skill, toks, i, len(p.toks)) {
					best, bestExact = p, exact
				}
			}
		}
		if best == nil {
			i++
			continue
		}
		n := len(best.toks)
		h := Hit{Skill: t.skills[best.skill], Start: toks[i].Start, End: toks[i+n-1].End, Ambiguous: best.kind == termAmbiguous, Listed: best.kind == termListed, Tool: best.tool}
		if i+n < len(toks) {
			next := toks[i+n]
			h.Qualified = next.Glue == text.GlueSpace && versionPattern.MatchString(next.Text) ||
				next.Glue == text.GlueHyphen && techSuffixes[next.Lower]
		}
		hits = append(hits, h)
		starts = append(starts, i)
		i += n
	}
	return t.scanPhrases(toks, t.elided(toks, hits, starts))
}

// Compounds returns hits, found by Scan in toks, without those that only
// finish the name of the hit before them: in "INT8 quantization" or
// "LSTM-based RNN", the second word names the kind of skill the first one
// is (INT8 implies quantization), so a job asks for one skill, not two.
// Both must count on their own (neither ambiguous, listed nor a phrase)
// and touch, with a space or a hyphen between. A resume keeps both: it
// shows each skill it names.
func (t *Taxonomy) Compounds(toks []text.Token, hits []Hit) []Hit {
	if len(hits) < 2 {
		return hits
	}
	out := hits[:1]
	k := 0 // the token at or after the previous kept hit's end
	for _, h := range hits[1:] {
		prev := out[len(out)-1]
		for k < len(toks) && toks[k].Start < prev.End {
			k++
		}
		if k < len(toks) && toks[k].Start == h.Start && (toks[k].Glue == text.GlueSpace || toks[k].Glue == text.GlueHyphen) &&
			!prev.Ambiguous && !prev.Listed && !h.Ambiguous && !h.Listed && !h.Phrase && !prev.Phrase &&
			slices.Contains(t.data[prev.Skill.idx].implied, h.Skill.ID) {
			continue
		}
		out = append(out, h)
	}
	return out
}

// elided adds the skills a coordination names by sharing a word: in
// "object detection and tracking" or "image classification, object
// detection and segmentation", the last word, found in no hit, takes the
// first word of a two-word term before it ("object tracking", "image
// segmentation") when that makes a term of the taxonomy; and the other way
// round, "batch and streaming pipelines" names batch pipelines too. starts
// holds each hit's first token.
func (t *Taxonomy) elided(toks []text.Token, hits []Hit, starts []int) []Hit {
	var out []Hit
	k := 0 // hits[k] is the first hit that starts at or after the token
	for q := 2; q < len(toks); q++ {
		for k < len(hits) && starts[k] < q {
			k++
		}
		w := toks[q]
		if c := toks[q-1].Lower; c != "and" && c != "or" && c != "&" || w.Glue != text.GlueSpace ||
			k < len(hits) && starts[k] == q || !isWord(w.Text) {
			continue
		}
		// The two-word hits before the conjunction, nearest first,
		// joined by commas.
		for m, end := k-1, q-1; m >= 0 && starts[m] == end-2 && hits[m].End == toks[end-1].End && hits[m].Term == ""; m-- {
			if p := t.twoWordTerm(toks[starts[m]], w); p != nil && t.skills[p.skill] != hits[m].Skill {
				out = append(out, Hit{Skill: t.skills[p.skill], Start: w.Start, End: w.End, Tool: p.tool,
					Term: toks[starts[m]].Text + " " + w.Text})
				break
			}
			// An earlier item ends at the comma before this one.
			if end = starts[m] - 1; end < 2 || toks[end].Text != "," {
				break
			}
		}
	}
	// The other way round: in "batch and streaming pipelines" the first
	// word, found in no hit, takes the last word of the two-word term after
	// the conjunction ("batch pipelines").
	for m, h := range hits {
		q := starts[m]
		if q < 2 || q+1 >= len(toks) || h.End != toks[q+1].End || h.Term != "" {
			continue
		}
		w := toks[q-2]
		if c := toks[q-1].Lower; c != "and" && c != "or" && c != "&" || toks[q-1].Glue != text.GlueSpace || !isWord(w.Text) ||
			m > 0 && hits[m-1].End > w.Start {
			continue
		}
		if p := t.twoWordTerm(w, toks[q+1]); p != nil && t.skills[p.skill] != h.Skill {
			out = append(out, Hit{Skill: t.skills[p.skill], Start: w.Start, End: w.End, Tool: p.tool, Term: w.Text + " " + toks[q+1].Text})
		}
	}
	if len(out) == 0 {
		return hits
	}
	hits = append(hits, out...)
	sort.SliceStable(hits, func(i, j int) bool { return hits[i].Start < hits[j].Start })
	return hits
}

// twoWordTerm returns the alias or tool of two words whose first is head
// and whose second is w (in any inflection), or nil.
func (t *Taxonomy) twoWordTerm(head, w text.Token) *pattern {
	for _, key := range lookupKeys(head.Lower) {
		ps := t.index.get(key)
		for k := range ps {
			p := &ps[k]
			if len(p.toks) != 2 || p.kind != termAlias && p.kind != termTool || p.toks[0].lower != head.Lower {
				continue
			}
			if pt := p.toks[1]; w.Lower == pt.lower || text.Stem(w.Lower) == pt.stem && text.InflectionOf(w.Lower, pt.lower) {
				return p
			}
		}
	}
	return nil
}

// isWord reports whether s is a word of letters in lower case.
func isWord(s string) bool {
	for _, r := range s {
		if !unicode.IsLower(r) {
			return false
		}
	}
	return s != ""
}

// boundaryOK rejects a strict pattern that is part of a hyphenated compound
// ("go-to-market", "C-suite"), and any pattern followed directly by "+",
// "#" or "&", which make another name ("C++", "F#", "R&D").
func boundaryOK(p *pattern, toks []text.Token, i int) bool {
	end := i + len(p.toks)
	if p.strict {
		if toks[i].Glue == text.GlueHyphen || end < len(toks) && toks[end].Glue == text.GlueHyphen && !techSuffixes[toks[end].Lower] {
			return false
		}
	}
	if end < len(toks) && toks[end].Glue == text.GlueAdjacent && strings.ContainsAny(toks[end].Text[:1], "+#&") {
		return false
	}
	if p.strict && isInitial(toks, i, end) {
		return false
	}
	return true
}

// isInitial reports whether the single letter at toks[i] is a name's initial
// ("R. Sørensen"): a full stop follows it directly and a capitalised word
// follows that.
func isInitial(toks []text.Token, i, end int) bool {
	if end != i+1 || len(toks[i].Text) != 1 || end+1 >= len(toks) {
		return false
	}
	dot, next := toks[end], toks[end+1]
	if dot.Text != "." || dot.Glue != text.GlueAdjacent || next.Glue != text.GlueSpace {
		return false
	}
	r := []rune(next.Text)
	return len(r) > 0 && unicode.IsUpper(r[0])
}

// techSuffixes may follow even a short or ambiguous name after a hyphen:
// "Go-based", "ML-driven", "GPT-style" and "Rust-native" name the technology, where
// "go-to-market" and "C-suite" do not.
var techSuffixes = map[string]bool{
	"based": true, "powered": true, "driven": true, "backed": true, "native": true, "centric": true,
	"enabled": true, "compatible": true, "specific": true, "first": true, "only": true, "heavy": true,
	"style": true, "like": true,
}

// negated reports whether the tokens i..i+n sit inside one of the skill's
// "not" phrases ("attention to detail", "power transformers").
func (t *Taxonomy) negated(skill int, toks []text.Token, i, n int) bool {
	d := &t.data[skill]
	for _, q := range d.not {
		m := len(q.toks)
		for start := max(0, i+n-m); start <= i; start++ {
			if q.matchAt(toks, start, d.guarded) {
				return true
			}
		}
	}
	return false
}
