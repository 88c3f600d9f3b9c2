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
//
// For an expression of the built-in rules it also returns the needles'
// numbers in the built-in index (see builtinNeedleIndex); otherwise ids is
// nil and numberNeedles numbers them.
func needlesOf(expr string) (n needles, ids [][]int32) {
	// The built-in rules' needles are worked out ahead (rules_needles.go,
	// kept true by TestBuiltinNeedles): parsing each expression a second
	// time costs a run about a millisecond.
	if e, ok := builtinNeedlesOf(expr); ok {
		return e.needles, e.ids
	}
	return findNeedles(expr), nil
}

// exprNeedles are the needles of one expression and their numbers in
// the built-in index.
type exprNeedles struct {
	expr    string
	needles needles
	ids     [][]int32
}

// builtinNeedlesOf looks expr up in builtinNeedles, which is sorted by
// expression: a sorted table is data the linker lays out, where a map
// was built by code at every start (1,374 allocations, 168 KB).
func builtinNeedlesOf(expr string) (exprNeedles, bool) {
	i, ok := slices.BinarySearchFunc(builtinNeedles, expr, func(e exprNeedles, x string) int { return strings.Compare(e.expr, x) })
	if !ok {
		return exprNeedles{}, false
	}
	return builtinNeedles[i], true
}

// partsOfPattern are the parts of one pattern of the built-in rules (see
// patternParts): the places in builtinNeedles of its alternatives'
// expressions, in order.
type partsOfPattern struct {
	pattern string
	places  []int32
}

// builtinPartsOf looks pattern up in builtinPatternParts, sorted by
// pattern.
func builtinPartsOf(pattern string) ([]int32, bool) {
	i, ok := slices.BinarySearchFunc(builtinPatternParts, pattern, func(e partsOfPattern, x string) int { return strings.Compare(e.pattern, x) })
	if !ok {
		return nil, false
	}
	return builtinPatternParts[i].places, true
}

// builtinNeedleIndex returns the index of every needle of the built-in
// rules, worked out ahead like their needles (rules_needles.go): numbering
// them took a run 0.5 MB and about a tenth of a check's CPU on a slow
// machine.
func builtinNeedleIndex() *needleIndex {
	return &needleIndex{words: builtinNeedleWords, pairs: builtinNeedlePairs, first: builtinNeedleFirst}
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

// needleIndex finds fast which of a rule set's needles a clause holds: a
// job's clause is asked about by many cues and rules, and looking for
// each of their strings apart was most of reading a job ad (0.8 of 2.2
// ms, BenchmarkJob). It numbers the needles and keeps each one's byte
// pairs; a clause's byte pairs are set in a small table once, and a
// needle is looked for only when the table holds all of its pairs, which
// few do (see held). The tables of recent clauses are kept, since the same
// clause is asked about again and again.
//
// An earlier index walked a trie of the needles from each byte of a
// clause (0.3 ms a job, and as long again looking for the needles of
// clauses asked too little to pay for a walk); a full Aho-Corasick DFA
// (github.com/coregx/ahocorasick) took 13 ms to build for the rules'
// 2,000 needles, which every run that reads a job would pay.
type needleIndex struct {
	ids   map[string]int32
	words []string
	// pairs holds each needle's byte pairs, hashed (see pairOf); first
	// each one's rarest pair (see pickFirst), or noPair, kept apart in one
	// small array since most needles a clause is asked about fail on it.
	pairs [][]uint16
	first []uint16
	// pairBuf holds every needle's pairs, one after another: pairs are
	// slices of it.
	pairBuf []uint16

	mu     sync.Mutex
	recent [recentClauses]heldNeedles
	next   int
}

// recentClauses is how many clauses a needleIndex keeps the pairs of.
const recentClauses = 8

// pairBits is the size of a clause's table of byte pairs: a clause holds a
// few dozen pairs, so a needle of three letters it does not hold passes
// the table a few times in a thousand. (A table of 4,096 bits passed fewer,
// but allocating and clearing it for every clause cost more than the
// needles it spared: 84 KB of BenchmarkJob's 490 KB.)
const pairBits = 1024

// pairOf hashes the byte pair a, b into a table of pairBits: the low five
// bits of each, which keep apart every pair of letters in one case, and of
// a space and a letter.
func pairOf(a, b byte) uint16 { return uint16(a&31)<<5 | uint16(b&31) }

// newNeedleIndex returns an index with room for refs needles (counting
// repeats) of pairs byte pairs in all, so that numbering them allocates
// each table once instead of growing it: the rules are built on every run,
// and the index was half the memory they took (1.1 of 1.9 MB).
func newNeedleIndex(refs, pairs int) *needleIndex {
	return &needleIndex{ids: make(map[string]int32, refs), words: make([]string, 0, refs),
		pairs: make([][]uint16, 0, refs), first: make([]uint16, 0, refs), pairBuf: make([]uint16, 0, pairs)}
}

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
	start := len(x.pairBuf)
	for i := 0; i+1 < len(w); i++ {
		x.pairBuf = append(x.pairBuf, pairOf(w[i], w[i+1]))
	}
	// Full slice expression: a later append to pairBuf never writes into
	// this needle's pairs (when pairBuf grows, they stay in the old array).
	pairs := x.pairBuf[start:len(x.pairBuf):len(x.pairBuf)]
	x.pairs = append(x.pairs, pairs)
	f := uint16(noPair)
	if len(pairs) > 0 {
		f = pairs[0]
	}
	x.first = append(x.first, f)
	return id
}

// pickFirst sets each needle's first pair to test: the one fewest needles
// hold, the rarest in the words of the rules, so likely the rarest in a
// clause too ("ency" is tested on "cy", not on the "en" of many words).
func (x *needleIndex) pickFirst() {
	var count [pairBits]int
	for _, ps := range x.pairs {
		for _, p := range ps {
			count[p]++
		}
	}
	for id, ps := range x.pairs {
		for _, p := range ps {
			if count[p] < count[x.first[id]] {
				x.first[id] = p
			}
		}
	}
}

// number returns n with its needles numbered.
func (x *needleIndex) number(n needles) [][]int32 {
	if n == nil {
		return nil
	}
	out := make([][]int32, len(n))
	all := make([]int32, 0, n.count())
	for i, g := range n {
		for _, w := range g {
			all = append(all, x.id(w))
		}
		out[i] = all[len(all)-len(g) : len(all) : len(all)]
	}
	return out
}

// count returns how many needles n holds in all its groups.
func (n needles) count() int {
	c := 0
	for _, g := range n {
		c += len(g)
	}
	return c
}

// pairCount returns how many byte pairs n's needles hold in all.
func (n needles) pairCount() int {
	c := 0
	for _, g := range n {
		for _, w := range g {
			c += max(len(w)-1, 0)
		}
	}
	return c
}

// held returns what s holds of the needles: s in lower case and the table
// of its byte pairs, made once for each of the clauses asked about lately.
func (x *needleIndex) held(s string) heldNeedles {
	x.mu.Lock()
	for _, h := range x.recent {
		if h.table != nil && h.s == s {
			x.mu.Unlock()
			return h
		}
	}
	x.mu.Unlock()
	h := heldNeedles{x: x, s: s, lower: strings.ToLower(s), table: new(pairSet)}
	for i := 0; i+1 < len(h.lower); i++ {
		p := pairOf(h.lower[i], h.lower[i+1])
		h.table[p>>6] |= 1 << (p & 63)
	}
	x.mu.Lock()
	x.recent[x.next] = h
	x.next = (x.next + 1) % len(x.recent)
	x.mu.Unlock()
	return h
}

// heldNeedles is what one clause holds of the needles: the clause, in
// lower case, and the table of its byte pairs.
type heldNeedles struct {
	x     *needleIndex
	s     string
	lower string
	table *pairSet
}

// all reports whether the clause holds a needle of every group of ids
// (numbered needles).
func (h heldNeedles) all(ids [][]int32) bool {
	first := h.x.first
	for _, g := range ids {
		found := false
		for _, id := range g {
			if f := first[id]; f != noPair && h.table[f>>6]&(1<<(f&63)) == 0 {
				continue // the usual case: the clause lacks the first pair
			}
			if h.has(id) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// pairSet is a set of byte pairs (see pairOf), as a clause's table holds
// them.
type pairSet = [pairBits / 64]uint64

// firstPairsFrom is the fewest needles in a part's first group for which
// the part keeps their first pairs in a set: testing a set is sixteen
// words against the clause's table, testing the needles one by one a look
// up of each one's first pair.
const firstPairsFrom = 4

// firstPairs reports whether a part of needles ids is worth a set of the
// first pairs of its first group's needles (it has firstPairsFrom of them
// or more, each with a pair), and puts them in set unless set is nil. A
// clause that holds none of them holds none of the group (see mayHold).
func (x *needleIndex) firstPairs(ids [][]int32, set *pairSet) bool {
	if len(ids) == 0 || len(ids[0]) < firstPairsFrom {
		return false
	}
	for _, id := range ids[0] {
		if x.first[id] == noPair {
			return false
		}
	}
	if set != nil {
		*set = pairSet{}
		for _, id := range ids[0] {
			f := x.first[id]
			set[f>>6] |= 1 << (f & 63)
		}
	}
	return true
}

// mayHold reports whether the clause holds any pair of set: when not, it
// holds no needle whose first pair set holds.
func (h heldNeedles) mayHold(set *pairSet) bool {
	for i := range set {
		if set[i]&h.table[i] != 0 {
			return true
		}
	}
	return false
}

// noPair marks a needle of fewer than two bytes, which has no byte pair.
const noPair = 1<<16 - 1

// has reports whether the clause holds needle id: its table holds every
// byte pair of the needle, and the clause the needle.
func (h heldNeedles) has(id int32) bool {
	for _, p := range h.x.pairs[id] {
		if h.table[p>>6]&(1<<(p&63)) == 0 {
			return false
		}
	}
	return strings.Contains(h.lower, h.x.words[id])
}
