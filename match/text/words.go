package text

import (
	"slices"
	"strings"
	"unicode"
)

// IsAcronym reports whether s has no lower-case letter ("GPT", "C#").
func IsAcronym(s string) bool {
	return strings.ToUpper(s) == s
}

// endings are the inflectional endings two forms of a word may differ by.
var endings = map[string]bool{"": true, "e": true, "s": true, "es": true, "ed": true, "d": true,
	"ing": true, "ings": true, "y": true, "ies": true, "ied": true}

// InflectionOf reports whether w and term are forms of one word: past
// their common beginning, each ends in an inflectional ending (profiled
// and profiling, tune and tuning, GPUs and GPU, modelling and model), and
// w does not merely add an "e" ("seaborne" is no form of "Seaborn").
func InflectionOf(w, term string) bool {
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

// AgentNoun reports whether w names a person where the term names an
// activity: "engineers" for "engineering", "learners" for "learning". The
// two share a stem, but a job that works with data engineers does not ask
// for data engineering.
func AgentNoun(w, term string) bool {
	w = strings.TrimSuffix(w, "s")
	return strings.HasSuffix(term, "ing") && (strings.HasSuffix(w, "er") || strings.HasSuffix(w, "or"))
}

// LowerPhrase joins tokens' lower-case text with spaces.
func LowerPhrase(toks []Token) string {
	parts := make([]string, len(toks))
	for i, tk := range toks {
		parts[i] = tk.Lower
	}
	return strings.Join(parts, " ")
}

// IsPlural reports whether w is a plural (or possessive-free plural) of
// base: CNN → CNNs, Transformer → Transformers, technology → technologies.
func IsPlural(w, base string) bool {
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

// Stem reduces an English word to a stem its inflections share:
// profile, profiles, profiled, profiling → "profil"; GPUs → "gpu";
// modelling, modeling → "model". It is deliberately light (three steps,
// each leaving at least three letters): it only has to make a term's forms
// meet, not to be a linguist's stemmer.
func Stem(w string) string {
	// Every step below cuts an ending in s, g (-ing), d (-ed) or e: any
	// other word is its own stem.
	if n := len(w); n == 0 || w[n-1] != 's' && w[n-1] != 'g' && w[n-1] != 'd' && w[n-1] != 'e' {
		return w
	}
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

// SameTerm reports whether a literal search for one wording finds the
// other: their words' stems are equal, or one's run of stems appears in
// the other's ("Transformers" in "Transformer architectures"). Case,
// separators and inflections do not matter.
func SameTerm(a, b string) bool {
	ka, kb := Stems(a), Stems(b)
	if len(ka) > len(kb) {
		ka, kb = kb, ka
	}
	if len(ka) == 0 {
		return false
	}
	for i := 0; i+len(ka) <= len(kb); i++ {
		if slices.Equal(ka, kb[i:i+len(ka)]) {
			return true
		}
	}
	// "fine tuning" and "finetuning": compare the closed forms.
	return Stem(strings.Join(Words(a), "")) == Stem(strings.Join(Words(b), ""))
}

// Words splits a wording into lower-case words.
func Words(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), wordBreak)
}

// wordBreak reports whether r separates words (see Words): anything but a
// letter, a digit, "+" and "#".
func wordBreak(r rune) bool {
	return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '+' && r != '#'
}

// Stems splits a wording into words and stems each.
func Stems(s string) []string {
	ws := Words(s)
	for i, w := range ws {
		ws[i] = Stem(w)
	}
	return ws
}

// Uses reports whether text uses the term: its words, stemmed, in order.
func Uses(toks []Token, term string) bool {
	_, _, ok := Find(toks, term)
	return ok
}

// Find returns where text first uses the term, as byte offsets of the
// tokens holding it: the term's words, stemmed, in order, in any case and
// with any punctuation between or inside them ("React.js" holds "React",
// "CI / CD" is "CI/CD"). To look up many terms in one text, stem its
// words once with NewStemmed.
func Find(toks []Token, term string) (start, end int, ok bool) {
	return NewStemmed(toks).Find(term)
}

// Stemmed is a text's words, stemmed, each with the token holding it:
// made once for many Find calls (a job's keyword asks against one resume).
type Stemmed struct {
	toks  []Token
	words []stemmedWord
}

// stemmedWord is one word of a Stemmed text and the index of its token.
type stemmedWord struct {
	stem string
	tok  int
}

// NewStemmed splits the tokens into words and stems them.
func NewStemmed(toks []Token) *Stemmed {
	s := &Stemmed{toks: toks, words: make([]stemmedWord, 0, len(toks))}
	for i, t := range toks {
		// The token's words, as Words gives them, cut out of its lower
		// case in place: a slice of words for every token of a resume
		// was a twentieth of comparing it.
		for w := range strings.FieldsFuncSeq(t.Lower, wordBreak) {
			s.words = append(s.words, stemmedWord{Stem(w), i})
		}
	}
	return s
}

// Find returns where the text first uses the term, as the package's Find.
func (s *Stemmed) Find(term string) (start, end int, ok bool) {
	want := Stems(term)
	if len(want) == 0 {
		return 0, 0, false
	}
	got := s.words
	for i := 0; i+len(want) <= len(got); i++ {
		k := 0
		for k < len(want) && got[i+k].stem == want[k] {
			k++
		}
		if k == len(want) {
			return s.toks[got[i].tok].Start, s.toks[got[i+k-1].tok].End, true
		}
	}
	return 0, 0, false
}

// RuneStart moves off back to the start of the UTF-8 sequence holding it.
func RuneStart(s string, off int) int {
	for off > 0 && off < len(s) && s[off]&0xC0 == 0x80 {
		off--
	}
	return off
}
