package taxonomy

import (
	"cmp"
	"regexp/syntax"
	"slices"
	"strings"
	"sync"
	"unicode"
)

// needles are what every match of an expression holds, looked for before
// the expression runs: groups of strings, in lower case, every match
// holding one string of each group. Most clauses hold none of a rule's
// words, and looking for them is many times faster than running its
// expression. A nil value has no group: the expression always runs.
type needles [][]string

// needlesOf returns the needles of the expression expr.
func needlesOf(expr string) needles {
	// The built-in rules' needles are worked out ahead (rules_needles.go,
	// kept true by TestBuiltinNeedles): parsing each expression a second
	// time costs a run about a millisecond.
	if ns, ok := builtinNeedles[expr]; ok {
		return ns
	}
	return findNeedles(expr)
}

// Limits of the needle search: the most strings a node's set of exact
// matches may hold, the most runes of a class spelt out, and the most
// groups kept.
const (
	maxExact       = 48
	maxClassRunes  = 10
	maxNeedleGroup = 3
)

// findNeedles works out the needles of an expression: from the strings
// each part of it matches exactly ("years?" is "year" or "years"), the
// runs of parts that must follow one another, and the alternatives, it
// keeps the groups that filter best (of the longest shortest string),
// the smallest first.
func findNeedles(expr string) needles {
	re, err := syntax.Parse(expr, syntax.Perl)
	if err != nil {
		return nil
	}
	info := matchStrings(re.Simplify())
	groups := info.groups
	if info.exact != nil {
		groups = append(groups, info.exact)
	}
	var out needles
	for _, g := range groups {
		if g = tidyGroup(g); g != nil && !slices.ContainsFunc(out, func(o []string) bool { return slices.Equal(o, g) }) {
			out = append(out, g)
		}
	}
	slices.SortStableFunc(out, func(a, b []string) int { return cmp.Compare(groupRank(b), groupRank(a)) })
	if len(out) > maxNeedleGroup {
		out = out[:maxNeedleGroup]
	}
	// A clause is looked at for the smallest group first: most clauses
	// hold no string of some group, and it takes looking for each.
	slices.SortStableFunc(out, func(a, b []string) int { return cmp.Compare(len(a), len(b)) })
	return out
}

// exprStrings is what the needle search knows of a part of an expression:
// the strings, in lower case, it matches exactly (nil when unknown or too
// many), and groups of strings its every match holds one of.
type exprStrings struct {
	exact  []string
	groups [][]string
}

// matchStrings works out the exprStrings of re.
func matchStrings(re *syntax.Regexp) exprStrings {
	switch re.Op {
	case syntax.OpLiteral:
		return exprStrings{exact: []string{strings.ToLower(string(re.Rune))}}
	case syntax.OpCharClass:
		var runes []string
		for i := 0; i+1 < len(re.Rune); i += 2 {
			if re.Rune[i+1]-re.Rune[i] >= maxClassRunes {
				return exprStrings{}
			}
			for r := re.Rune[i]; r <= re.Rune[i+1]; r++ {
				runes = append(runes, string(unicode.ToLower(r)))
			}
		}
		slices.Sort(runes)
		if runes = slices.Compact(runes); len(runes) > maxClassRunes {
			return exprStrings{}
		}
		return exprStrings{exact: runes}
	case syntax.OpEmptyMatch, syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText, syntax.OpEndText,
		syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return exprStrings{exact: []string{""}}
	case syntax.OpCapture:
		return matchStrings(re.Sub[0])
	case syntax.OpQuest:
		sub := matchStrings(re.Sub[0])
		if sub.exact == nil {
			return exprStrings{}
		}
		return exprStrings{exact: append([]string{""}, sub.exact...)}
	case syntax.OpPlus:
		return atLeastOnce(matchStrings(re.Sub[0]))
	case syntax.OpRepeat:
		if re.Min >= 1 {
			return atLeastOnce(matchStrings(re.Sub[0]))
		}
	case syntax.OpConcat:
		return concatStrings(re.Sub)
	case syntax.OpAlternate:
		return alternateStrings(re.Sub)
	}
	return exprStrings{}
}

// atLeastOnce is what is known of a part repeated one or more times: its
// every match holds what one match of the part does.
func atLeastOnce(sub exprStrings) exprStrings {
	groups := sub.groups
	if sub.exact != nil {
		groups = append(groups, sub.exact)
	}
	return exprStrings{groups: groups}
}

// concatStrings works out the exprStrings of parts that follow one
// another: runs of parts matching exact strings join into the strings the
// run matches, as long as there are few enough.
func concatStrings(subs []*syntax.Regexp) exprStrings {
	var out exprStrings
	run, whole := []string{""}, true
	flush := func() {
		out.groups = append(out.groups, run)
		run = []string{""}
	}
	for _, s := range subs {
		sub := matchStrings(s)
		out.groups = append(out.groups, sub.groups...)
		if sub.exact == nil {
			flush()
			whole = false
			continue
		}
		if len(run)*len(sub.exact) > maxExact {
			flush()
			whole = false
		}
		run = cross(run, sub.exact)
	}
	if whole {
		out.exact = run
	} else {
		flush()
	}
	return out
}

// cross returns every string of a followed by every string of b.
func cross(a, b []string) []string {
	out := make([]string, 0, len(a)*len(b))
	for _, x := range a {
		for _, y := range b {
			out = append(out, x+y)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// alternateStrings works out the exprStrings of alternatives: the union
// of their exact strings when every one has them; else groups, each the
// union of a group of every alternative: one of the best of each, one of
// the second best (or best, when an alternative has one), and so on.
func alternateStrings(subs []*syntax.Regexp) exprStrings {
	var exact []string
	allExact := true
	var ranked [][][]string // each alternative's groups, best first
	for _, s := range subs {
		sub := matchStrings(s)
		if sub.exact == nil {
			allExact = false
		}
		exact = append(exact, sub.exact...)
		var groups [][]string
		for _, g := range append([][]string{sub.exact}, sub.groups...) {
			if g = tidyGroup(g); g != nil {
				groups = append(groups, g)
			}
		}
		slices.SortStableFunc(groups, func(a, b []string) int { return cmp.Compare(groupRank(b), groupRank(a)) })
		ranked = append(ranked, groups)
	}
	if allExact && len(exact) <= maxExact {
		slices.Sort(exact)
		return exprStrings{exact: slices.Compact(exact)}
	}
	var out exprStrings
	for k := range maxNeedleGroup {
		var union []string
		for _, groups := range ranked {
			if len(groups) == 0 {
				return out
			}
			union = append(union, groups[min(k, len(groups)-1)]...)
		}
		out.groups = append(out.groups, union)
	}
	return out
}

// tidyGroup returns group sorted, without strings that hold another of it
// (a clause holding "years" holds "year"), or nil when it holds the empty
// string and so filters nothing.
func tidyGroup(group []string) []string {
	if group == nil || slices.Contains(group, "") {
		return nil
	}
	var out []string
	for _, w := range group {
		if !slices.ContainsFunc(group, func(o string) bool { return o != w && strings.Contains(w, o) }) {
			out = append(out, w)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// groupRank scores how well a group filters: a mark rare in prose ("?")
// in every string beats any word; then the longer its shortest string.
func groupRank(group []string) int {
	shortest, rare := len(group[0]), true
	for _, w := range group {
		shortest = min(shortest, len(w))
		rare = rare && strings.ContainsAny(w, "?!;$%#@&[]{}")
	}
	if rare {
		return 1000 + shortest
	}
	return shortest
}

// needleIndex finds at once which of a rule set's needles a clause holds:
// a job's clause is asked about by many cues and rules, and looking for
// each of their strings apart was most of reading a job ad (0.8 of 2.2
// ms, BenchmarkJob). It numbers the needles, and a walk of a trie of them
// marks those a clause holds; the marks of recent clauses are kept, since
// the same clause is asked about again and again (see held).
//
// The trie is written here rather than taken from a library: the
// Aho-Corasick package served (github.com/coregx/ahocorasick) builds a
// full DFA, 13 ms for the rules' 2,000 needles, which every run that
// reads a job would pay, and reports matches rather than the set of
// needles held; an automaton of failure links written here took 0.6 ms
// to build and scanned no faster than the trie (0.2 ms).
type needleIndex struct {
	ids   map[string]int32
	words []string

	build sync.Once
	trie  *trie

	mu     sync.Mutex
	recent [recentMarks]marked
	next   int
}

// marked is a clause, the cost of the questions asked of it so far, the
// marks of the needles it holds once that reaches marksCost, and the
// clause in lower case.
type marked struct {
	s     string
	spent int
	marks []uint64
	lower string
}

// recentMarks is how many clauses a needleIndex keeps; marksCost is the
// cost of questions (see cost) from which a clause is marked: a walk of
// the trie costs about as much as looking for 50 strings, and a resume's
// line is asked about for less than 150 (a degree and whether it is
// unfinished, 97; a clause's absence and aspiration, 131).
const (
	recentMarks = 8
	marksCost   = 150
)

// id returns the number of needle w, numbering it if new. Only
// numberNeedles calls it, before the index is used.
func (x *needleIndex) id(w string) int32 {
	if id, ok := x.ids[w]; ok {
		return id
	}
	if x.ids == nil {
		x.ids = map[string]int32{}
	}
	id := int32(len(x.words))
	x.ids[w] = id
	x.words = append(x.words, w)
	return id
}

// number returns n with its needles numbered.
func (x *needleIndex) number(n needles) [][]int32 {
	if n == nil {
		return nil
	}
	out := make([][]int32, len(n))
	for i, g := range n {
		out[i] = make([]int32, len(g))
		for j, w := range g {
			out[i][j] = x.id(w)
		}
	}
	return out
}

// held returns what s holds of the needles, for looking up the needles
// of rules whose first groups hold cost strings in all. A clause asked
// about by rules of many strings in all (as a job's sentences are, by
// every kind of requirement and cue) gets the marks of every needle it
// holds, at the cost of one walk of the trie, and keeps them for the
// questions that follow; one asked about by rules of few (as a resume's
// lines are, for a degree) is looked for their strings in, which costs
// less and spares a run that asks few questions building the trie.
func (x *needleIndex) held(s string, cost int) heldNeedles {
	x.mu.Lock()
	i := slices.IndexFunc(x.recent[:], func(m marked) bool { return m.spent > 0 && m.s == s })
	if i < 0 {
		i = x.next
		x.recent[i] = marked{s: s}
		x.next = (x.next + 1) % len(x.recent)
	}
	e := &x.recent[i]
	e.spent += cost
	marks, spent, lower := e.marks, e.spent, e.lower
	x.mu.Unlock()
	if marks != nil {
		return heldNeedles{marks: marks}
	}
	if lower == "" {
		lower = strings.ToLower(s)
		x.mu.Lock()
		if x.recent[i].s == s {
			x.recent[i].lower = lower
		}
		x.mu.Unlock()
	}
	if spent < marksCost {
		return heldNeedles{lower: lower}
	}
	x.build.Do(func() { x.trie = newTrie(x.words) })
	marks = make([]uint64, (len(x.words)+63)/64)
	x.trie.mark(lower, marks)
	x.mu.Lock()
	if x.recent[i].s == s {
		x.recent[i].marks = marks
	}
	x.mu.Unlock()
	return heldNeedles{marks: marks}
}

// cost returns how many strings looking up the needles of parts takes
// at most before each is found wanting: those of each one's first group.
func cost(ns ...needles) int {
	n := 0
	for _, p := range ns {
		if len(p) > 0 {
			n += len(p[0])
		}
	}
	return n
}

// heldNeedles is what one clause holds of the needles: the marks of those
// it holds, or, when it has none yet, the clause in lower case to look
// for them in.
type heldNeedles struct {
	marks []uint64
	lower string
}

// all reports whether the clause holds a needle of every group of n
// (numbered ids).
func (h heldNeedles) all(n needles, ids [][]int32) bool {
	if h.marks != nil {
		return heldAll(h.marks, ids)
	}
	for _, g := range n {
		if !slices.ContainsFunc(g, func(w string) bool { return strings.Contains(h.lower, w) }) {
			return false
		}
	}
	return true
}

// heldAll reports whether marks hold a needle of every group of ids.
func heldAll(marks []uint64, ids [][]int32) bool {
	for _, g := range ids {
		if !slices.ContainsFunc(g, func(id int32) bool { return marks[id>>6]&(1<<(id&63)) != 0 }) {
			return false
		}
	}
	return true
}

// trie holds the needles by their bytes: a node for each prefix, with
// its edges in a list, the root's in a table.
type trie struct {
	root     [256]int32 // the root's edges; 0 is none (the root itself)
	first    []int32    // each node's first edge, -1 for none
	edgeByte []byte
	edgeTo   []int32
	edgeNext []int32 // the next edge from the same node, -1 for none
	word     []int32 // the needle a node ends, -1 for none
}

// newTrie returns the trie of words, each found by its index.
func newTrie(words []string) *trie {
	size := 1
	for _, w := range words {
		size += len(w)
	}
	t := &trie{first: make([]int32, 1, size), word: make([]int32, 1, size),
		edgeByte: make([]byte, 0, size), edgeTo: make([]int32, 0, size), edgeNext: make([]int32, 0, size)}
	t.first[0], t.word[0] = -1, -1
	for id, w := range words {
		n := int32(0)
		for i := 0; i < len(w); i++ {
			next := t.child(n, w[i])
			if next == 0 {
				t.first = append(t.first, -1)
				t.word = append(t.word, -1)
				next = int32(len(t.first) - 1)
				t.edgeByte = append(t.edgeByte, w[i])
				t.edgeTo = append(t.edgeTo, next)
				t.edgeNext = append(t.edgeNext, t.first[n])
				t.first[n] = int32(len(t.edgeTo) - 1)
				if n == 0 {
					t.root[w[i]] = next
				}
			}
			n = next
		}
		if n != 0 {
			t.word[n] = int32(id)
		}
	}
	return t
}

// child returns the node the edge from n on byte b leads to, 0 for none.
func (t *trie) child(n int32, b byte) int32 {
	if n == 0 {
		return t.root[b]
	}
	for e := t.first[n]; e >= 0; e = t.edgeNext[e] {
		if t.edgeByte[e] == b {
			return t.edgeTo[e]
		}
	}
	return 0
}

// mark sets in marks the bit of every word s holds: it walks the trie
// from each byte of s for as long as s follows a path of it. Few paths go
// deep (most bytes start none or end within a few), so this costs little
// more than an Aho-Corasick automaton, whose failure links took most of
// building it (0.6 ms for the rules' needles, against 0.1 ms for the
// trie).
func (t *trie) mark(s string, marks []uint64) {
	for i := 0; i < len(s); i++ {
		for j, n := i, t.root[s[i]]; n != 0; n = t.child(n, s[j]) {
			if id := t.word[n]; id >= 0 {
				marks[id>>6] |= 1 << (id & 63)
			}
			if j++; j == len(s) {
				break
			}
		}
	}
}
