package taxonomy

import (
	"errors"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/tailor-cli/tailor/match/text"
)

// maxGap is how many words a phrase's "..." may stand for: "compress our
// models", "compress our object detection and OCR models".
const maxGap = 5

// phrase is a skill said in other words: a verb and its object, or words
// that name the skill only together, with short gaps between them
// ("compress ... models", "deploy|ship ... models ... to production").
type phrase struct {
	// skill is the skill's idx in its taxonomy.
	skill int
	text  string
	// words holds, for each position, the words that may stand there.
	words [][]patternToken
	// gap reports, for each position after the first, whether up to maxGap
	// words may come before it.
	gap []bool
}

// compilePhrase reads a phrase: words separated by spaces, "..." between
// two words for a gap, "|" between the words that may stand in one place.
// Every word matches in any case and inflection.
func compilePhrase(skill int, src string) (*phrase, error) {
	p := &phrase{skill: skill, text: src}
	gap := false
	for _, field := range strings.Fields(src) {
		if field == "..." {
			if len(p.words) == 0 || gap {
				return nil, errors.New(`"..." must stand between two words`)
			}
			gap = true
			continue
		}
		var alts []patternToken
		for _, w := range strings.Split(field, "|") {
			lower := strings.ToLower(w)
			if !isPhraseWord(lower) {
				return nil, errors.New("a word may hold only letters, digits and inner hyphens: " + w)
			}
			alts = append(alts, patternToken{text: w, lower: lower, stem: text.Stem(lower)})
		}
		if len(p.words) > 0 {
			p.gap = append(p.gap, gap)
		}
		p.words = append(p.words, alts)
		gap = false
	}
	switch {
	case gap:
		return nil, errors.New(`"..." must stand between two words`)
	case len(p.words) < 2:
		return nil, errors.New("needs two words or more")
	case len(p.words) > maxTermTokens:
		return nil, errors.New("longer than 8 words")
	}
	return p, nil
}

// isPhraseWord reports whether w is lower-case letters and digits, with
// no hyphen at either end.
func isPhraseWord(w string) bool {
	if w == "" || w[0] == '-' || w[len(w)-1] == '-' {
		return false
	}
	for _, r := range w {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-') {
			return false
		}
	}
	return true
}

// wordFits reports whether a token is one of the words, in any inflection
// ("serving" for "serve", "models" for "model"), but not a person who does
// it ("servers" is no form of "serve").
func wordFits(tk text.Token, alts []patternToken) bool {
	for _, w := range alts {
		if tk.Lower == w.lower || text.Stem(tk.Lower) == w.stem && text.InflectionOf(tk.Lower, w.lower) && !text.AgentNoun(tk.Lower, w.lower) {
			return true
		}
	}
	return false
}

// fitsAt returns the index of the last token of the word at toks[j] when
// it is one of alts, or -1. A word written with a hyphen
// ("non-technical") is several tokens joined by hyphens, its last part in
// any inflection.
func fitsAt(toks []text.Token, j int, alts []patternToken) int {
	for _, w := range alts {
		if strings.IndexByte(w.lower, '-') < 0 {
			// One word, as most are: no parts to split it into (splitting
			// every word of every phrase at every token was a thirtieth
			// of comparing a resume).
			if wordFits(toks[j], []patternToken{w}) {
				return j
			}
			continue
		}
		parts := strings.Split(w.lower, "-")
		if j+len(parts) > len(toks) {
			continue
		}
		fits := true
		for k, part := range parts {
			tk := toks[j+k]
			if k > 0 && tk.Glue != text.GlueHyphen {
				fits = false
				break
			}
			if k < len(parts)-1 && tk.Lower != part {
				fits = false
				break
			}
		}
		last := toks[j+len(parts)-1]
		if fits && wordFits(last, []patternToken{{lower: parts[len(parts)-1], stem: text.Stem(parts[len(parts)-1])}}) {
			return j + len(parts) - 1
		}
	}
	return -1
}

// gapToken reports whether a token may sit in a phrase's gap: a word, not
// punctuation that ends a clause or an item, nor a bullet or a dash that
// starts one ("-", "•", "–").
func gapToken(tk text.Token) bool {
	word := false
	for _, r := range tk.Text {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || r == '\'' || r == '’': // "engineers' pull requests"
			word = true
		case r == '-':
		default:
			return false
		}
	}
	return word
}

// matchAt returns the index of the token past the phrase's last word when
// the phrase matches toks from i, or -1. Each word after a gap is the
// nearest one that fits.
func (p *phrase) matchAt(toks []text.Token, i int) int {
	// A first word with a gap after it is a verb said to the reader
	// ("Serve ... models", "serving", "served"), never one ending in -s,
	// which is more often a plural noun: "engineers", "ships", "reviews".
	cur := fitsAt(toks, i, p.words[0])
	if cur < 0 || p.gap[0] && endsInS(toks[i].Lower, p.words[0]) {
		return -1
	}
	// Nor one that starts or ends a hyphenated word: "Spark-prepared
	// data" says who prepared it, "clean-looking data" what it looks like.
	if p.gap[0] && (toks[i].Glue == text.GlueHyphen || cur+1 < len(toks) && toks[cur+1].Glue == text.GlueHyphen) {
		return -1
	}
	for k := 1; k < len(p.words); k++ {
		next := -1
		limit := cur + 1
		if p.gap[k-1] {
			limit = cur + 1 + maxGap
		}
		for j := cur + 1; j <= limit && j < len(toks); j++ {
			tk := toks[j]
			if tk.Break {
				break // a phrase never runs from a heading into its list
			}
			if tk.Glue != text.GlueSpace && tk.Glue != text.GlueHyphen {
				if j == cur+1 || !gapToken(tk) {
					break
				}
			}
			if last := fitsAt(toks, j, p.words[k]); last >= 0 {
				next = last
				break
			}
			if !gapToken(tk) {
				break
			}
		}
		if next < 0 {
			return -1
		}
		cur = next
	}
	return cur + 1
}

// scanPhrases adds the skills the text says in other words. A phrase
// counts only where no other hit covers its words; when a hit sits in its
// gap ("deploy PyTorch models"), the phrase's hit is its first word, so
// that hits never overlap.
func (t *Taxonomy) scanPhrases(toks []text.Token, hits []Hit) []Hit {
	if len(t.phraseIndex.keys) == 0 {
		return hits
	}
	// at holds, for each token, 1 + the index of the hit that covers it,
	// or 0.
	at := make([]int, len(toks))
	k := 0
	for i := range toks {
		for k < len(hits) && hits[k].End <= toks[i].Start {
			k++
		}
		if k < len(hits) && hits[k].Start <= toks[i].Start {
			at[i] = k + 1
		}
	}
	var out []Hit
	removed := map[int]bool{} // hits a phrase replaces
	for i := 0; i < len(toks); i++ {
		for _, m := range longestFirst(t.phraseIndex.get(text.Stem(toks[i].Lower)), toks, i) {
			p, end := m.p, m.end
			ps := t.skills[p.skill]
			// A phrase may start on a term of a broader skill it shows
			// ("Deploy models on Jetson boards" is edge deployment) and
			// takes its place.
			first := -1
			if at[i] > 0 && hits[at[i]-1].Skill != ps && !hits[at[i]-1].Ambiguous && slices.Contains(t.data[p.skill].implied, hits[at[i]-1].Skill.ID) {
				first = at[i] - 1
			} else if at[i] != 0 && (at[i] < 0 || hits[at[i]-1].Skill != ps) {
				continue
			}
			if t.overlapsNot(p.skill, toks, i, end) || t.othersDo(toks, i) || t.namesNarrower(ps, toks, hits, at, end) ||
				t.objectNarrower(ps, toks, hits, at, end) {
				continue
			}
			if at[i] > 0 && first < 0 {
				// An ambiguous name of the skill ("Profile") used in
				// one of its phrases ("Profile latency and memory") is
				// the skill.
				hits[at[i]-1].Ambiguous = false
				break
			}
			if k := t.namedInClause(ps, toks, hits, i, end); k >= 0 {
				// An ambiguous name of the skill in the clause ("Monitor
				// live models for drift"), or one that names it only in
				// a list ("reading assembly"), is the skill: the phrase
				// says so.
				hits[k].Ambiguous, hits[k].Listed = false, false
				continue
			}
			// Hits in the phrase's words: when each is a skill the phrase's
			// shows ("Export models to ONNX" is ONNX export, which implies
			// ONNX), the phrase replaces them (one hit, one ask); otherwise
			// the phrase's hit is its first word, beside them.
			last, inner, replace := end-1, []int(nil), true
			for j := i; j < end; j++ {
				if at[j] == 0 {
					continue
				}
				if at[j] < 0 || !slices.Contains(t.data[p.skill].implied, hits[at[j]-1].Skill.ID) {
					replace = false
				} else if !slices.Contains(inner, at[j]-1) {
					inner = append(inner, at[j]-1)
				}
			}
			if len(inner) > 0 && replace && hits[inner[len(inner)-1]].End <= toks[end-1].End {
				for _, h := range inner {
					removed[h] = true
				}
			} else if len(inner) > 0 || !replace {
				last = i
				if first >= 0 {
					removed[first] = true
					for last+1 < len(toks) && toks[last+1].End <= hits[first].End {
						last++
					}
				}
			}
			out = append(out, Hit{Skill: ps, Start: toks[i].Start, End: toks[last].End, Phrase: true})
			for j := i; j <= last; j++ {
				at[j] = -1
			}
			i = last
			break
		}
	}
	if len(out) == 0 {
		return hits
	}
	if len(removed) > 0 {
		kept := hits[:0:0]
		for k, h := range hits {
			if !removed[k] {
				kept = append(kept, h)
			}
		}
		hits = kept
	}
	return mergeHits(hits, out)
}

// afterPhrase is how many words after a phrase may name a narrower skill
// that says what the phrase does ("deploying ML models on edge devices").
const afterPhrase = 3

// namesNarrower reports whether a hit in the few words right after a
// phrase (tokens i to end), past a word of the narrowers list, names a
// skill that implies the phrase's: "deploying ML models on edge devices"
// is edge deployment, whose words say the model deployment the phrase
// would. Only words of common nouns
// do: a name after the phrase is a tool it uses ("Write unit and UI tests
// with XCTest" asks for testing and names a tool of it besides), and
// punctuation ends the words looked at.
func (t *Taxonomy) namesNarrower(s *Skill, toks []text.Token, hits []Hit, at []int, end int) bool {
	if end >= len(toks) || t.rules == nil || !t.rules.Word(WordsNarrowers, toks[end].Lower) {
		return false
	}
	for j := end + 1; j < len(toks) && j <= end+afterPhrase; j++ {
		if r, _ := utf8.DecodeRuneInString(toks[j].Text); !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			return false
		}
		if at[j] > 0 {
			h := hits[at[j]-1]
			if !h.Ambiguous && !h.Listed && lowerWords(toks, j, h.End) && slices.Contains(t.data[h.Skill.idx].implied, s.ID) {
				return true
			}
		}
	}
	return false
}

// objectNarrower reports whether the last word of a phrase (tokens up to
// end) is a common noun inside the term of a narrower skill, written as
// the phrase's object: "Write end-to-end tests" and "Write API tests" say
// the narrower skill and nothing of their own. A name there is a tool the
// phrase names ("Deploy models on Jetson"), and a term after "and" is a
// verb of its own with the same object ("Deploy and monitor models").
func (t *Taxonomy) objectNarrower(s *Skill, toks []text.Token, hits []Hit, at []int, end int) bool {
	last := toks[end-1]
	if at[end-1] <= 0 || last.Lower != last.Text {
		return false
	}
	h := hits[at[end-1]-1]
	if !slices.Contains(t.data[h.Skill.idx].implied, s.ID) {
		return false
	}
	for j := end - 1; j > 0; j-- {
		if toks[j].Start == h.Start {
			switch toks[j-1].Lower {
			case "and", "or", "&", ",", "/":
				return false
			}
			break
		}
	}
	return true
}

// lowerWords reports whether the tokens from j up to the byte offset end
// are all in lower case: words of common nouns, not names.
func lowerWords(toks []text.Token, j, end int) bool {
	for ; j < len(toks) && toks[j].Start < end; j++ {
		if toks[j].Lower != toks[j].Text {
			return false
		}
	}
	return true
}

// phraseMatch is a phrase that matches from a token, and the index of the
// token past its last word.
type phraseMatch struct {
	p   *phrase
	end int
}

// longestFirst returns the phrases that match toks from i, the one reaching
// furthest first: "Ship models behind our extraction service" is model
// serving ("ship ... models ... behind ... service"), not the deployment
// its first three words would say.
func longestFirst(ps []phrase, toks []text.Token, i int) []phraseMatch {
	var out []phraseMatch
	for k := range ps {
		p := &ps[k]
		if end := p.matchAt(toks, i); end >= 0 {
			out = append(out, phraseMatch{p, end})
		}
	}
	if len(out) > 1 {
		slices.SortStableFunc(out, func(a, b phraseMatch) int { return b.end - a.end })
	}
	return out
}

// mergeHits merges two lists of hits sorted by start into one.
func mergeHits(a, b []Hit) []Hit {
	out := make([]Hit, 0, len(a)+len(b))
	for len(a) > 0 && len(b) > 0 {
		if b[0].Start < a[0].Start {
			out, b = append(out, b[0]), b[1:]
		} else {
			out, a = append(out, a[0]), a[1:]
		}
	}
	return append(append(out, a...), b...)
}

// overlapsNot reports whether one of the skill's "not" phrases overlaps
// the tokens i..end ("serve as a model").
func (t *Taxonomy) overlapsNot(skill int, toks []text.Token, i, end int) bool {
	d := &t.data[skill]
	for _, q := range d.not {
		for start := max(0, i-len(q.toks)+1); start < end; start++ {
			if q.matchAt(toks, start, d.guarded) {
				return true
			}
		}
	}
	return false
}

// othersDo reports whether the phrase starting at toks[i] says what other
// people do: a relative clause after a role ("our ML engineers who ship
// the models").
func (t *Taxonomy) othersDo(toks []text.Token, i int) bool {
	if i < 2 || toks[i-1].Lower != "who" && toks[i-1].Lower != "that" || t.rules == nil {
		return false
	}
	w := toks[i-2].Lower
	return t.rules.Word(WordsRoles, w) || t.rules.Word(WordsRoles, strings.TrimSuffix(w, "s"))
}

// namedInClause returns the index of a hit by which the clause around
// toks[i:end] names the phrase's skill already, or -1: one clause, one
// hit.
func (t *Taxonomy) namedInClause(s *Skill, toks []text.Token, hits []Hit, i, end int) int {
	from, to := i, end
	for from > 0 && !toks[from].Break && !clauseEnd(toks[from-1]) {
		from--
	}
	for to < len(toks) && !toks[to].Break && !clauseEnd(toks[to]) {
		to++
	}
	lo, hi := toks[from].Start, toks[to-1].End
	for k, h := range hits {
		if h.Start >= lo && h.End <= hi && h.Skill == s {
			return k
		}
	}
	return -1
}

// clauseEnd reports whether a token ends a clause: a full stop, a
// semicolon, a question or exclamation mark, or a bullet or other symbol.
func clauseEnd(tk text.Token) bool {
	switch tk.Text {
	case ".", ";", "!", "?", ":":
		return true
	case ",", "(", ")", "-", "/", "&", "'", "\"", "’":
		return false
	}
	for _, r := range tk.Text {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

// endsInS reports whether w is one of the words with an -s or -es ending
// that they do not have ("engineers" for "engineer").
func endsInS(w string, alts []patternToken) bool {
	for _, a := range alts {
		if w == a.lower {
			return false
		}
	}
	return strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss")
}
