package text

import (
	"runtime"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/jdkato/prose/v3"
	"github.com/jdkato/prose/v3/tag"
	"github.com/jdkato/prose/v3/token"
	"github.com/jdkato/prose/v3/tokenize"

	"github.com/tailor-cli/tailor/match/internal/concur"
)

// Glue says how a token attaches to the one before it.
type Glue byte

// The ways a token attaches to its predecessor.
const (
	// GlueSpace: whitespace (or the start of the text) comes before it.
	GlueSpace Glue = ' '
	// GlueHyphen: it follows a hyphen inside one word ("fine-tuning").
	GlueHyphen Glue = '-'
	// GlueSlash: it follows a slash inside one word ("PyTorch/JAX").
	GlueSlash Glue = '/'
	// GlueAdjacent: it touches the previous token with nothing between
	// ("(" then "CNN").
	GlueAdjacent Glue = 'a'
)

// Token is one unit of text for matching: a prose token, or a part of one
// split at an inner hyphen or slash.
type Token struct {
	// Text is the token as written.
	Text string
	// Lower is Text in lower case.
	Lower string
	// Start and End are byte offsets in the tokenized text.
	Start, End int
	// Glue is how the token attaches to the one before it.
	Glue Glue
	// Break reports that a block of the document (a heading, a list item,
	// a paragraph) starts at this token, so that the words before it
	// belong to another clause. Tokenize leaves it false; a reader that
	// knows the document's blocks sets it (analysis.New).
	Break bool
}

var tokenizer = sync.OnceValue(func() *tokenize.Tokenizer { return tokenize.New() })

// Tokenize splits text into tokens with prose's tokenizer, then splits each
// token at inner hyphens and slashes, so that "PyTorch/JAX" yields two
// skills while "go-to-market" stays recognisably one compound. It is safe
// for concurrent use.
func Tokenize(text string) []Token { return Lex(text).Tokens() }

// Lexed is a text as prose's tokenizer splits it: what Tokenize and
// NounPhrasesOf both start from, so that a text read both ways is
// tokenized once.
type Lexed struct {
	text string
	raw  []token.Token
}

// Text returns the lexed text.
func (l Lexed) Text() string { return l.text }

// Lex runs prose's tokenizer over text. It is safe for concurrent use.
//
// A text of lexHalves bytes or more is tokenized in two halves side by
// side, cut where whitespace ends: prose splits a text at its whitespace
// and reads each run of other characters alone, so the halves' tokens,
// the second's moved by the cut, are the whole text's (TestLex_Halves).
// Tokenizing is a fifth of comparing a resume, which a check does on one
// core once the PDF is read.
func Lex(text string) Lexed {
	cut := halfway(text)
	if cut <= 0 {
		return Lexed{text: text, raw: lexRuns(text, 0, make([]token.Token, 0, len(text)/5+2))}
	}
	second := concur.Alongside(func() []token.Token {
		return lexRuns(text[cut:], cut, make([]token.Token, 0, (len(text)-cut)/5+2))
	})
	raw := lexRuns(text[:cut], 0, make([]token.Token, 0, len(text)/5+2))
	return Lexed{text: text, raw: append(raw, second()...)}
}

// lexRuns appends to out the tokens prose's tokenizer gives text, their
// offsets moved by base. prose reads each run of characters between
// whitespace alone, and a run that holds none of the characters it splits
// off or at (see plainByte) is one token, the run; prose then only spends
// its time proving so (an expression tried on every run was half of
// tokenizing). So such a run is taken as it is, and the stretches of
// other runs between them go to prose, their tokens moved by where the
// stretch starts (TestLex_Halves, FuzzLex).
func lexRuns(text string, base int, out []token.Token) []token.Token {
	pending, pendingEnd := -1, 0
	flush := func() {
		if pending < 0 {
			return
		}
		for _, t := range tokenizer().Tokenize(text[pending:pendingEnd]) {
			t.Start += base + pending
			out = append(out, t)
		}
		pending = -1
	}
	for i := 0; i < len(text); {
		if c := text[i]; c < utf8.RuneSelf {
			if asciiSpace[c] {
				i++
				continue
			}
		} else if r, size := utf8.DecodeRuneInString(text[i:]); unicode.IsSpace(r) {
			i += size
			continue
		}
		start, plain := i, true
		for i < len(text) {
			c := text[i]
			if c < utf8.RuneSelf {
				if asciiSpace[c] {
					break
				}
				plain = plain && plainByte[c]
				i++
				continue
			}
			r, size := utf8.DecodeRuneInString(text[i:])
			if unicode.IsSpace(r) {
				break
			}
			plain = false
			i += size
		}
		if !plain {
			if pending < 0 {
				pending = start
			}
			pendingEnd = i
			continue
		}
		flush()
		out = append(out, token.Token{Text: text[start:i], Start: base + start})
	}
	flush()
	return out
}

// asciiSpace holds the ASCII characters unicode.IsSpace reports.
var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

// plainByte holds the ASCII characters that none of prose's prefixes,
// suffixes and contraction endings hold: a run of them alone is one token.
// Runs with any other character, ASCII or not, go to prose.
var plainByte = func() (t [utf8.RuneSelf]bool) {
	for c := range t {
		t[c] = c > ' ' && c < 0x7f && !strings.ContainsRune(`$("[,)]!;.?:'`, rune(c))
	}
	return t
}()

// lexHalves is the length from which Lex tokenizes a text in two halves:
// below it, starting a goroutine costs about what it saves.
const lexHalves = 4 << 10

// halfway returns where Lex cuts text in two: the first character after
// the middle that is no whitespace and follows an ASCII space or line
// break; 0 when the text is short or has no such place.
func halfway(text string) int {
	if len(text) < lexHalves {
		return 0
	}
	for i := len(text) / 2; i < len(text); i++ {
		if c := text[i-1]; c != ' ' && c != '\n' && c != '\t' && c != '\r' {
			continue
		}
		if r, _ := utf8.DecodeRuneInString(text[i:]); !unicode.IsSpace(r) {
			return i
		}
	}
	return 0
}

// Tokens returns the tokens for matching (see Tokenize).
func (l Lexed) Tokens() []Token {
	out := make([]Token, 0, len(l.raw)+len(l.raw)/8)
	prevEnd := -1
	for _, t := range l.raw {
		glue := GlueSpace
		if t.Start == prevEnd {
			glue = GlueAdjacent
		}
		prevEnd = t.End()
		text := t.Text
		// prose keeps the full stop on short words ("Git.", "Go."), as it
		// does on abbreviations; split it off unless the token is a dotted
		// abbreviation ("e.g.", "U.S.").
		period := len(text) > 1 && strings.HasSuffix(text, ".") && !dottedAbbrev(text)
		if period {
			text = text[:len(text)-1]
		}
		out = SplitInner(out, text, t.Start, glue)
		if period {
			out = append(out, newToken(".", t.End()-1, GlueAdjacent))
		}
	}
	return out
}

// dottedAbbrev reports whether s is letters each followed by a full stop:
// "e.g.", "U.S.", "i.e.".
func dottedAbbrev(s string) bool {
	if len(s) < 4 {
		return false
	}
	for i := 0; i < len(s); i += 2 {
		c := s[i]
		if i+1 >= len(s) || s[i+1] != '.' || !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
			return false
		}
	}
	return true
}

// SplitInner appends the parts of one prose token, split at hyphens and
// slashes that have a letter or digit on both sides.
func SplitInner(out []Token, s string, base int, glue Glue) []Token {
	start := 0
	for i := 1; i < len(s)-1; i++ {
		c := s[i]
		if (c != '-' && c != '/') || !isWordByte(s[i-1]) || !isWordByte(s[i+1]) {
			continue
		}
		out = append(out, newToken(s[start:i], base+start, glue))
		glue = Glue(c)
		start = i + 1
	}
	return append(out, newToken(s[start:], base+start, glue))
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80 || c == '+' || c == '#'
}

func newToken(s string, start int, glue Glue) Token {
	return Token{Text: s, Lower: strings.ToLower(s), Start: start, End: start + len(s), Glue: glue}
}

// Span is a byte range of a text.
type Span struct{ Start, End int }

// abbreviations end with a full stop that does not end a sentence.
var abbreviations = map[string]bool{
	"inc": true, "ltd": true, "co": true, "corp": true, "llc": true, "dr": true, "mr": true, "mrs": true,
	"ms": true, "prof": true, "jr": true, "sr": true, "st": true, "vs": true, "etc": true, "no": true,
	"approx": true, "dept": true, "univ": true, "fig": true, "eq": true, "al": true, "cf": true, "ca": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true, "sep": true,
	"sept": true, "oct": true, "nov": true, "dec": true,
}

// Sentences returns the byte spans of the sentences in the tokenized text.
// A sentence ends at a full stop, question or exclamation mark that prose's
// tokenizer left standing alone (it keeps the stops of "e.g." and "U.S."
// inside their tokens) and that does not follow an abbreviation, an
// initial or the number opening an item ("2. Python"); and at every block start (a blank line, a heading, a list
// bullet), so that a list of bullets does not read as one sentence. Using
// the tokens avoids loading prose's sentence model, which costs more than
// the rest of a check.
func Sentences(toks []Token, blockStarts []int) []Span {
	var out []Span
	cur, last, bi := -1, 0, 0
	for i, tk := range toks {
		for bi < len(blockStarts) && blockStarts[bi] <= tk.Start {
			if cur >= 0 && blockStarts[bi] > cur {
				out = append(out, Span{cur, last})
				cur = -1
			}
			bi++
		}
		if cur < 0 {
			cur = tk.Start
		}
		last = tk.End
		if (tk.Text == "." || tk.Text == "!" || tk.Text == "?") && !afterAbbreviation(toks, i) && !itemNumber(toks, i, cur) {
			out = append(out, Span{cur, last})
			cur = -1
		}
	}
	if cur >= 0 {
		out = append(out, Span{cur, last})
	}
	return out
}

// itemNumber reports whether the full stop at toks[i] closes the number
// that opens a sentence ("2. Python and Go"): it numbers an item.
func itemNumber(toks []Token, i, cur int) bool {
	if i == 0 || toks[i].Text != "." || toks[i-1].Start != cur || len(toks[i-1].Text) > 2 {
		return false
	}
	for _, c := range toks[i-1].Text {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// afterAbbreviation reports whether the full stop at toks[i] closes an
// abbreviation ("Inc.") or an initial ("R.") rather than a sentence.
func afterAbbreviation(toks []Token, i int) bool {
	if i == 0 || toks[i].Glue != GlueAdjacent || toks[i].Text != "." {
		return false
	}
	prev := toks[i-1]
	if abbreviations[prev.Lower] {
		return true
	}
	// Short dotted words are abbreviations ("M.Sc.", "Ph.D."); longer ones
	// are names that may end a sentence ("Node.js.").
	if strings.Contains(prev.Text, ".") && len(prev.Text) <= 5 {
		return true
	}
	r := []rune(prev.Text)
	return len(r) == 1 && unicode.IsUpper(r[0])
}

// PersonNames returns the names of people that prose's named-entity
// recognizer finds in text. It loads the entity model on first use (about
// 6 ms) and costs about 2 ms per short text, so it is for the few texts
// blind screening must scrub, not for whole documents.
func PersonNames(text string) []string {
	doc, err := prose.NewDocument(text, prose.WithSegmentation(false))
	if err != nil {
		return nil
	}
	var out []string
	for _, e := range doc.Entities() {
		if e.Label == "PERSON" {
			out = append(out, e.Text)
		}
	}
	return out
}

// Phrase is a noun phrase of a text.
type Phrase struct {
	// Text is the phrase as written; Start and End its byte offsets.
	Text       string
	Start, End int
	// Proper reports that the phrase holds a proper noun.
	Proper bool
}

// NounPhrases tags text with prose's part-of-speech tagger and returns its
// noun phrases: runs of nouns on one line, after at most one adjective,
// with nothing but spaces between their words.
func NounPhrases(text string) []Phrase { return NounPhrasesOf(Lex(text)) }

// NounPhrasesOf returns the noun phrases of a lexed text, as NounPhrases
// does. It tags a copy of the tokens, so l may be read meanwhile.
func NounPhrasesOf(l Lexed) []Phrase {
	text := l.text
	toks := slices.Clone(l.raw)
	if !tagTokens(toks) {
		return nil
	}
	var out []Phrase
	var cur []token.Token
	flush := func() {
		// Keep at most one adjective, right before the nouns.
		for len(cur) > 1 && cur[0].Tag == "JJ" && cur[1].Tag == "JJ" {
			cur = cur[1:]
		}
		if len(cur) > 0 && cur[len(cur)-1].Tag != "JJ" {
			p := Phrase{Start: cur[0].Start, End: cur[len(cur)-1].End()}
			p.Text = text[p.Start:p.End]
			for _, t := range cur {
				p.Proper = p.Proper || strings.HasPrefix(t.Tag, "NNP")
			}
			out = append(out, p)
		}
		cur = cur[:0]
	}
	for _, t := range toks {
		// Tokens without letters (bullets, slashes) are no words.
		word := strings.IndexFunc(t.Text, unicode.IsLetter) >= 0
		noun := word && strings.HasPrefix(t.Tag, "NN")
		adj := word && t.Tag == "JJ"
		if len(cur) > 0 {
			gap := text[cur[len(cur)-1].End():t.Start]
			if strings.TrimSpace(gap) != "" || strings.Contains(gap, "\n") || !noun && !adj || adj && cur[len(cur)-1].Tag != "JJ" {
				flush()
			}
		}
		if noun || adj {
			cur = append(cur, t)
		} else {
			flush()
		}
	}
	flush()
	return out
}

// tagHalvesFrom is the number of tokens from which tagTokens tags a text in
// two halves at once; below it, a second goroutine costs more than it saves.
const tagHalvesFrom = 600

// tagWarmUp is how many tokens before its half the second half's tagging
// starts from, so that its tags have settled when its own tokens come.
const tagWarmUp = 24

// LoadTagger loads prose's part-of-speech model, which reading a job ad
// needs for its noun phrases (3-5 ms, once a process), so that a caller
// who knows an ad is coming can have it loaded alongside other work.
func LoadTagger() { _, _ = tag.New() }

// tagTokens tags toks with prose's tagger, as one TagTokens call over all
// of them would, and reports whether the tagger could be made. A long text
// is tagged in two halves on two cores (see tagInHalves).
func tagTokens(toks []token.Token) bool {
	tagger, err := tag.New()
	if err != nil {
		return false
	}
	if len(toks) < tagHalvesFrom || runtime.GOMAXPROCS(0) == 1 {
		tagger.TagTokens(toks)
	} else {
		tagInHalves(tagger, toks, tagWarmUp)
	}
	return true
}

// tagInHalves tags toks in two halves at once, with the tags one pass over
// all of them gives, and reports whether it had to make that pass. The
// tagger reads the two words on each side of a token and the tags of the
// two before it, so the first half is tagged with the two words after it
// and keeps its own tags, and the second starts warmUp (at least 2) tokens
// early. When the two agree on the two tags before the cut, every tag after
// it is the one a single pass gives (the same words, the same two tags
// before); otherwise the text is tagged again in one pass.
func tagInHalves(tagger *tag.Tagger, toks []token.Token, warmUp int) (again bool) {
	cut := len(toks) / 2
	if cut < warmUp || warmUp < 2 {
		tagger.TagTokens(toks)
		return true
	}
	second := slices.Clone(toks[cut-warmUp:])
	wait := concur.Alongside(func() struct{} { tagger.TagTokens(second); return struct{}{} })
	tagger.TagTokens(toks[:cut+2])
	wait()
	if second[warmUp-1].Tag != toks[cut-1].Tag || second[warmUp-2].Tag != toks[cut-2].Tag {
		tagger.TagTokens(toks)
		return true
	}
	copy(toks[cut:], second[warmUp:])
	return false
}
