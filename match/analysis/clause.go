package analysis

import (
	"sort"
	"strings"

	"github.com/tailor-cli/tailor/match/taxonomy"
	"github.com/tailor-cli/tailor/match/text"
)

// Clause returns the part of the sentence around a hit between semicolons,
// em dashes, the items of a squashed list and line breaks (a line that
// starts in lower case continues the clause above it), so that "PyTorch
// required; JAX a plus" marks only JAX as a plus, and "Kubernetes: not yet
// — our services ran on Heroku" says nothing of Heroku.
func (a *Analysis) Clause(h taxonomy.Hit) string {
	sp := a.ClauseSpan(h)
	return a.Doc.Text[sp.Start:sp.End]
}

// ClauseSpan returns where the clause around a hit starts and ends (see
// Clause).
func (a *Analysis) ClauseSpan(h taxonomy.Hit) text.Span {
	return a.cuts.clause(a.SentenceAt(h.Start), h)
}

// cuts are where clauses end and begin in a text: at semicolons, em
// dashes, the items of a squashed list, and line breaks before a line that
// does not continue it (one in lower case, in parentheses or indented
// does: "a plus" on the second line of a bullet covers its first).
type cuts struct {
	ends   []int // sorted: where a clause ends (the cut's first byte)
	begins []int // sorted: where the next clause begins (after the cut)
}

// clauseCuts finds the cuts of s in one pass; breaks (sorted) are where
// squashed list items begin; carryOn says whether a word ending a line
// carries its clause on to the next ("experience with" / "Docker").
func clauseCuts(s string, breaks []int, carryOn func(string) bool) *cuts {
	c := &cuts{}
	for i := 0; i < len(s); i++ {
		if n := cutAt(s, i, carryOn); n > 0 {
			c.ends = append(c.ends, i)
			c.begins = append(c.begins, i+n)
		}
	}
	c.ends = append(c.ends, breaks...)
	c.begins = append(c.begins, breaks...)
	sort.Ints(c.ends)
	sort.Ints(c.begins)
	return c
}

// clause returns the part of sentence sent around a hit between cuts.
func (c *cuts) clause(sent text.Span, h taxonomy.Hit) text.Span {
	lo, hi := sent.Start, sent.End
	if i := sort.SearchInts(c.begins, h.Start+1) - 1; i >= 0 && c.begins[i] > lo {
		lo = c.begins[i]
	}
	if i := sort.SearchInts(c.ends, h.End); i < len(c.ends) && c.ends[i] < hi {
		hi = c.ends[i]
	}
	return text.Span{Start: lo, End: hi}
}

// cutAt returns the length of what ends a clause at byte i of s, or 0: a
// semicolon, an em dash, or a line break before a line that does not
// start in lower case, unless the line before ends in a word that carries
// it on.
func cutAt(s string, i int, carryOn func(string) bool) int {
	switch {
	case s[i] == ';':
		return 1
	case strings.HasPrefix(s[i:], "—"):
		return len("—")
	case s[i] == '\n':
		next := strings.TrimLeft(s[i+1:], " \t")
		indented := len(next) < len(s[i+1:])
		// A line in lower case, or in parentheses, or indented under a
		// bullet without one of its own, continues the clause above.
		if next == "" || !(next[0] >= 'a' && next[0] <= 'z' || next[0] == '(' || indented && !text.StartsWithBullet(next)) {
			if carryOn != nil && next != "" && !text.StartsWithBullet(next) && carryOn(lastWord(s[:i])) {
				return 0
			}
			return 1
		}
	}
	return 0
}

// lastWord returns the last word of the last line of s, in lower case.
func lastWord(s string) string {
	if k := strings.LastIndexByte(s, '\n'); k >= 0 {
		s = s[k+1:]
	}
	s = strings.TrimRight(s, " \t")
	if k := strings.LastIndexAny(s, " \t"); k >= 0 {
		s = s[k+1:]
	}
	return strings.ToLower(s)
}
