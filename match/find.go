package match

import (
	"errors"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
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
)

// patternToken is one token of a compiled term.
type patternToken struct {
	text, lower, stem string
	glue              Glue
}

// pattern is one compiled way of writing a skill.
type pattern struct {
	skill *Skill
	term  string
	kind  termKind
	toks  []patternToken
	// strict patterns (ambiguous terms, and one- or two-letter names such as
	// "C" and "R") never match inside a hyphenated compound: "go-to-market",
	// "C-suite".
	strict bool
}

const maxTermTokens = 8

// compileTerm turns a taxonomy term into patterns: the term as tokenized,
// and for a hyphenated term also its closed form ("fine-tuning" →
// "finetuning").
func compileTerm(s *Skill, term string, kind termKind) ([]*pattern, error) {
	toks := termTokens(strings.TrimSpace(term))
	switch {
	case len(toks) == 0:
		return nil, errors.New("empty")
	case len(toks) > maxTermTokens:
		return nil, errors.New("longer than 8 words")
	}
	p := &pattern{skill: s, term: term, kind: kind}
	hyphen, spaced := false, true
	for i, tk := range toks {
		glue := tk.Glue
		if i == 0 {
			glue = GlueSpace
		}
		hyphen = hyphen || glue == GlueHyphen
		spaced = spaced && (glue == GlueSpace || glue == GlueHyphen)
		p.toks = append(p.toks, patternToken{text: tk.Text, lower: tk.Lower, stem: wordStem(tk.Lower), glue: glue})
	}
	p.strict = kind == termAmbiguous || len(toks) == 1 && len([]rune(toks[0].Text)) <= 2
	out := []*pattern{p}
	if hyphen && spaced {
		var sb strings.Builder
		for _, tk := range toks {
			sb.WriteString(tk.Text)
		}
		joined := sb.String()
		out = append(out, &pattern{skill: s, term: term, kind: kind, strict: p.strict,
			toks: []patternToken{{text: joined, lower: strings.ToLower(joined), stem: wordStem(strings.ToLower(joined)), glue: GlueSpace}}})
	}
	return out, nil
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
func termTokens(term string) []Token {
	if !isPlainTerm(term) {
		return Tokenize(term)
	}
	var out []Token
	off := 0
	for _, w := range strings.Split(term, " ") {
		out = splitInner(out, w, off, GlueSpace)
		off += len(w) + 1
	}
	return out
}

// matchAt reports whether the pattern matches toks starting at i.
func (p *pattern) matchAt(toks []Token, i int) bool {
	ok, _ := p.match(toks, i)
	return ok
}

// match reports whether the pattern matches toks starting at i, and
// whether it matches them exactly (no inflection or plural).
func (p *pattern) match(toks []Token, i int) (ok, exact bool) {
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
		if p.kind != termAlias {
			// Case-sensitive terms match as written, or as a plural; words
			// that are not acronyms also in any inflection of the same
			// case ("quantize", "Quantizing").
			if tk.Text != pt.text {
				if k != last || !isPlural(tk.Text, pt.text) && !sameCaseInflection(tk, pt) {
					return false, false
				}
				inflected = true
			}
			continue
		}
		// Other terms match in any case; their last word in any
		// inflection ("profiled", "fine-tuning", "GPUs").
		if tk.Lower != pt.lower {
			if k != last || wordStem(tk.Lower) != pt.stem || !inflectionOf(tk.Lower, pt.lower) || agentNoun(tk.Lower, pt.lower) {
				return false, false
			}
			inflected = true
		}
	}
	if inflected && p.kind == termAlias && p.skill.guarded[lowerPhrase(toks[i:i+len(p.toks)])] {
		return false, false
	}
	return true, !inflected
}

// sameCaseInflection reports whether a token is an inflection of a
// case-sensitive word that is not an acronym, starting in the same case.
func sameCaseInflection(tk Token, pt patternToken) bool {
	if isAcronym(pt.text) || tk.Text == "" {
		return false
	}
	a, _ := utf8.DecodeRuneInString(tk.Text)
	b, _ := utf8.DecodeRuneInString(pt.text)
	// Compared as written, so that "LoRa" is no form of "LoRA".
	return unicode.IsUpper(a) == unicode.IsUpper(b) && wordStem(tk.Lower) == pt.stem && inflectionOf(tk.Text, pt.text)
}

// isAcronym reports whether s has no lower-case letter ("GPT", "C#").
func isAcronym(s string) bool {
	return strings.ToUpper(s) == s
}

// endings are the inflectional endings two forms of a word may differ by.
var endings = map[string]bool{"": true, "e": true, "s": true, "es": true, "ed": true, "d": true,
	"ing": true, "ings": true, "y": true, "ies": true, "ied": true}

// inflectionOf reports whether w and term are forms of one word: past
// their common beginning, each ends in an inflectional ending (profiled
// and profiling, tune and tuning, GPUs and GPU, modelling and model), and
// w does not merely add an "e" ("seaborne" is no form of "Seaborn").
func inflectionOf(w, term string) bool {
	n := 0
	for n < len(w) && n < len(term) && w[n] == term[n] {
		n++
	}
	rw, rt := w[n:], term[n:]
	// A doubled final consonant belongs to the ending (modelling, running).
	if n > 0 && len(rw) > 1 && rw[0] == w[n-1] {
		rw = rw[1:]
	}
	if n > 0 && len(rt) > 1 && rt[0] == term[n-1] {
		rt = rt[1:]
	}
	return endings[rw] && endings[rt] && !(rw == "e" && rt == "")
}

// agentNoun reports whether w names a person where the term names an
// activity: "engineers" for "engineering", "learners" for "learning". The
// two share a stem, but a job that works with data engineers does not ask
// for data engineering.
func agentNoun(w, term string) bool {
	w = strings.TrimSuffix(w, "s")
	return strings.HasSuffix(term, "ing") && (strings.HasSuffix(w, "er") || strings.HasSuffix(w, "or"))
}

// lowerPhrase joins tokens' lower-case text with spaces.
func lowerPhrase(toks []Token) string {
	parts := make([]string, len(toks))
	for i, tk := range toks {
		parts[i] = tk.Lower
	}
	return strings.Join(parts, " ")
}

// glueFits reports whether a document token attached by got may stand where
// a term has a token attached by want: a space and a hyphen are
// interchangeable ("fine tuning", "fine-tuning"); a slash or adjacency must
// be the same.
func glueFits(want, got Glue) bool {
	if want == GlueSpace || want == GlueHyphen {
		return got == GlueSpace || got == GlueHyphen
	}
	return want == got
}

// isPlural reports whether w is a plural (or possessive-free plural) of
// base: CNN → CNNs, Transformer → Transformers, technology → technologies.
func isPlural(w, base string) bool {
	if len(base) < 2 || len(w) <= len(base) {
		return false
	}
	if strings.HasPrefix(w, base) {
		rest := w[len(base):]
		return rest == "s" || rest == "es" || rest == "S"
	}
	stem := base[:len(base)-1]
	return (base[len(base)-1] == 'y') && w == stem+"ies"
}

// wordStem reduces an English word to a stem its inflections share:
// profile, profiles, profiled, profiling → "profil"; GPUs → "gpu";
// modelling, modeling → "model". It is deliberately light (three steps,
// each leaving at least three letters): it only has to make a term's forms
// meet, not to be a linguist's stemmer.
func wordStem(w string) string {
	cut := func(suffix, repl string) bool {
		if strings.HasSuffix(w, suffix) && len(w)-len(suffix)+len(repl) >= 3 {
			w = w[:len(w)-len(suffix)] + repl
			return true
		}
		return false
	}
	// Plurals.
	switch {
	case cut("ies", "y"):
	case (strings.HasSuffix(w, "sses") || strings.HasSuffix(w, "xes") || strings.HasSuffix(w, "ches") || strings.HasSuffix(w, "shes")) && cut("es", ""):
	case !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "is") && (!strings.HasSuffix(w, "us") || len(w) <= 4):
		// "status" and "corpus" keep their s; "GPUs" and "CPUs" do not.
		cut("s", "")
	}
	// Verb forms; a doubled final consonant is undone (modelling, running).
	if cut("ing", "") || cut("ed", "") {
		if n := len(w); n >= 4 && w[n-1] == w[n-2] && !strings.ContainsRune("aeiousz", rune(w[n-1])) {
			w = w[:n-1]
		}
	}
	cut("e", "")
	return w
}

// lookupKeys are the index keys under which a token may start a pattern:
// itself, its stem, and its singular forms when it may be a plural.
func lookupKeys(lower string) []string {
	keys := []string{lower, wordStem(lower)}
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
	// Qualified reports that a version number ("Go 1.22") or a technical
	// suffix ("Kafka-based") follows: either says the name is the
	// technology.
	Qualified bool
}

var versionPattern = regexp.MustCompile(`^v?\d+(\.\d+)*(\.x|\+)?$`)

// scan finds every skill term in toks, longest match first, without
// overlaps. Ambiguous hits are returned marked; deciding whether their
// context makes them count is the caller's job.
func (t *Taxonomy) scan(toks []Token) []Hit {
	var hits []Hit
	for i := 0; i < len(toks); {
		// The longest match wins; between equally long ones, a match of
		// the text as written beats an inflection ("embeddings" is the
		// embeddings skill, not a form of "embedded").
		var best *pattern
		bestExact := false
		for _, key := range lookupKeys(toks[i].Lower) {
			for _, p := range t.index[key] {
				if best != nil && (len(p.toks) < len(best.toks) || len(p.toks) == len(best.toks) && bestExact) {
					continue
				}
				ok, exact := p.match(toks, i)
				if !ok || best != nil && len(p.toks) == len(best.toks) && !exact {
					continue
				}
				if boundaryOK(p, toks, i) && !negated(p.skill, toks, i, len(p.toks)) {
					best, bestExact = p, exact
				}
			}
		}
		if best == nil {
			i++
			continue
		}
		n := len(best.toks)
		h := Hit{Skill: best.skill, Start: toks[i].Start, End: toks[i+n-1].End, Ambiguous: best.kind == termAmbiguous}
		if i+n < len(toks) {
			next := toks[i+n]
			h.Qualified = next.Glue == GlueSpace && versionPattern.MatchString(next.Text) ||
				next.Glue == GlueHyphen && techSuffixes[next.Lower]
		}
		hits = append(hits, h)
		i += n
	}
	return hits
}

// boundaryOK rejects a strict pattern that is part of a hyphenated compound
// ("go-to-market", "C-suite"), and any pattern followed directly by "+",
// "#" or "&", which make another name ("C++", "F#", "R&D").
func boundaryOK(p *pattern, toks []Token, i int) bool {
	end := i + len(p.toks)
	if p.strict {
		if toks[i].Glue == GlueHyphen || end < len(toks) && toks[end].Glue == GlueHyphen && !techSuffixes[toks[end].Lower] {
			return false
		}
	}
	if end < len(toks) && toks[end].Glue == GlueAdjacent && strings.ContainsAny(toks[end].Text[:1], "+#&") {
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
func isInitial(toks []Token, i, end int) bool {
	if end != i+1 || len(toks[i].Text) != 1 || end+1 >= len(toks) {
		return false
	}
	dot, next := toks[end], toks[end+1]
	if dot.Text != "." || dot.Glue != GlueAdjacent || next.Glue != GlueSpace {
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
func negated(s *Skill, toks []Token, i, n int) bool {
	for _, q := range s.not {
		m := len(q.toks)
		for start := max(0, i+n-m); start <= i; start++ {
			if q.matchAt(toks, start) {
				return true
			}
		}
	}
	return false
}
