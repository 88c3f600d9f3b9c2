package match

import (
	"strings"
	"sync"

	"github.com/jdkato/prose/v3/segment"
	"github.com/jdkato/prose/v3/tokenize"
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
}

var (
	tokenizer = sync.OnceValue(func() *tokenize.Tokenizer { return tokenize.New() })
	segmenter = sync.OnceValues(segment.New)
)

// Tokenize splits text into tokens with prose's tokenizer, then splits each
// token at inner hyphens and slashes, so that "PyTorch/JAX" yields two
// skills while "go-to-market" stays recognisably one compound. It is safe
// for concurrent use.
func Tokenize(text string) []Token {
	raw := tokenizer().Tokenize(text)
	out := make([]Token, 0, len(raw)+len(raw)/8)
	prevEnd := -1
	for _, t := range raw {
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
		out = splitInner(out, text, t.Start, glue)
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

// splitInner appends the parts of one prose token, split at hyphens and
// slashes that have a letter or digit on both sides.
func splitInner(out []Token, s string, base int, glue Glue) []Token {
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

// Sentences returns the byte spans of text's sentences, found by prose's
// segmenter within blocks that a blank line, a heading or a list bullet
// starts, so that a list of bullets does not read as one sentence.
func Sentences(text string, blockStarts []int) []Span {
	seg, err := segmenter()
	var out []Span
	bounds := append(append([]int{}, blockStarts...), len(text))
	prev := 0
	for _, b := range bounds {
		if b <= prev {
			continue
		}
		block := text[prev:b]
		if err != nil {
			out = append(out, Span{prev, b})
		} else {
			for _, s := range seg.Segment(block) {
				out = append(out, Span{prev + s.Start, prev + s.End()})
			}
		}
		prev = b
	}
	return out
}
