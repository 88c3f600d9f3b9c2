package extract

import (
	"math"
	"sort"
	"strings"
)

// Column detection thresholds.
const (
	minColumnLines = 3    // lines each side needs
	minColumnShare = 0.15 // share of the page's lines each side needs
	minGutter      = 8.0  // points of clear space between columns
	// A narrow side with at most railShare of the other side's lines, most
	// of them on a baseline of the other side, is a rail of dates or
	// labels beside the text, read row by row: not a column.
	railShare   = 0.4
	railAligned = 0.7
	railWords   = 3 // words per line, at most, of a rail of short entries
	// wordSpaceEm is the widest gap, in ems, read as a space between
	// words when looking for a gutter: justified lines stretch their
	// spaces, but not to LaTeX's 10 pt column gap at 10 pt (one em).
	wordSpaceEm = 0.8
)

// gutter is a vertical strip free of text between two columns.
type gutter struct{ lo, hi float64 }

// orderColumns puts a page's lines, given in baseline order, into reading
// order: where the page has two columns, the left column's lines come
// before the right column's, band by band; lines that cross the gutter
// (the name, a heading across the page) stay where they are and separate
// the bands. It reports whether it found columns.
func orderColumns(lines []rawLine) ([]rawLine, bool) {
	g, ok := findGutter(lines)
	if !ok {
		return lines, false
	}
	out := make([]rawLine, 0, len(lines))
	var left, right []rawLine
	flush := func() {
		for i := range left {
			left[i].paraGap = left[i].paraGap || i == 0
		}
		for i := range right {
			right[i].paraGap = right[i].paraGap || i == 0
		}
		out = append(append(out, left...), right...)
		left, right = nil, nil
	}
	for _, ln := range lines {
		l, r, crosses := place(ln, g)
		if crosses {
			flush()
			ln.paraGap = true
			out = append(out, ln)
			continue
		}
		left, right = append(left, l...), append(right, r...)
	}
	flush()
	return out, true
}

// place puts a line in the left or right column of a gutter, or both when
// it bridges the gutter with one wide word gap, or reports that it crosses
// the gutter.
func place(ln rawLine, g gutter) (left, right []rawLine, crosses bool) {
	switch {
	case ln.x1 <= g.lo+1:
		return []rawLine{ln}, nil, false
	case ln.x0 >= g.hi-1:
		return nil, []rawLine{ln}, false
	}
	if l, r, ok := splitAt(ln, g); ok {
		return []rawLine{l}, []rawLine{r}, false
	}
	return nil, nil, true
}

// splitAt splits a line at a gutter that none of its words crosses: the
// words before the cut start left of the gutter and end before its far
// side (a large name may reach into it), the words after it start at or
// beyond its far side.
func splitAt(ln rawLine, g gutter) (left, right rawLine, ok bool) {
	cut := -1
	for i, w := range ln.words {
		if w.x0 >= g.hi-1 {
			if i == 0 || w.x0-ln.words[i-1].x1 < 1 {
				return ln, ln, false
			}
			cut = i - 1
			break
		}
		if w.x0 > g.lo+1 || w.x1 >= g.hi-1 {
			return ln, ln, false // starts inside the gutter, or spans it
		}
	}
	if cut < 0 {
		return ln, ln, false
	}
	lw, rw := ln.words[:cut+1], ln.words[cut+1:]
	left, right = ln, ln
	left.text, left.x1, left.words = ln.text[:lw[len(lw)-1].end], lw[len(lw)-1].x1, lw
	off := rw[0].start
	right.text, right.x0 = ln.text[off:], rw[0].x0
	right.words = make([]wordBox, len(rw))
	for i, w := range rw {
		right.words[i] = wordBox{start: w.start - off, end: w.end - off, x0: w.x0, x1: w.x1}
	}
	return left, right, true
}

// findGutter looks for a vertical strip, inside the text, that the words
// of at most a tenth of the lines cross, with enough lines on each side,
// choosing the one with the most lines on its sparser side; a rail of
// dates or labels beside the text does not count.
func findGutter(lines []rawLine) (gutter, bool) {
	n := len(lines)
	if n < 2*minColumnLines {
		return gutter{}, false
	}
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, ln := range lines {
		lo, hi = min(lo, ln.x0), max(hi, ln.x1)
	}
	if hi-lo < 100 || hi-lo > 5000 {
		return gutter{}, false
	}
	width := int(hi - lo)
	cover := coverage(lines, lo, width)
	maxCross := max(1, n/10)
	var best gutter
	bestScore := 0
	for x := 1; x < width; {
		if cover[x] > maxCross {
			x++
			continue
		}
		start := x
		for x < width && cover[x] <= maxCross {
			x++
		}
		if x >= width {
			continue
		}
		// The strip must be wide enough; the gutter is its least-crossed
		// stretch (the words of a few lines may reach into the strip: a
		// centred title's word gap, a page number), however narrow.
		if float64(x-start) < minGutter {
			continue
		}
		a, b := leastCrossed(cover[start:x])
		g := gutter{lo + float64(start+a), lo + float64(start+b)}
		l, r := sides(lines, g)
		if len(l) < minColumnLines || len(r) < minColumnLines ||
			float64(len(l)) < minColumnShare*float64(n) || float64(len(r)) < minColumnShare*float64(n) || isRail(l, r) {
			continue
		}
		if score := min(len(l), len(r)); score > bestScore {
			best, bestScore = g, score
		}
	}
	return best, bestScore > 0
}

// leastCrossed returns the longest run of cover at its minimum value.
func leastCrossed(cover []int) (int, int) {
	least := cover[0]
	for _, c := range cover {
		least = min(least, c)
	}
	bestA, bestB := 0, 0
	for i := 0; i < len(cover); {
		if cover[i] != least {
			i++
			continue
		}
		j := i
		for j < len(cover) && cover[j] == least {
			j++
		}
		if j-i > bestB-bestA {
			bestA, bestB = i, j
		}
		i = j
	}
	return bestA, bestB
}

// sides returns the lines, or parts of lines, left and right of a gutter.
func sides(lines []rawLine, g gutter) (left, right []rawLine) {
	for _, ln := range lines {
		l, r, _ := place(ln, g)
		left, right = append(left, l...), append(right, r...)
	}
	return left, right
}

// isRail reports whether the sparser side is a rail beside the other: few
// lines, mostly on the other side's baselines (dates at the right margin,
// section labels at the left).
func isRail(left, right []rawLine) bool {
	narrow, wide := left, right
	if len(narrow) > len(wide) {
		narrow, wide = wide, narrow
	}
	// A narrow side of short dated entries (years beside each row of a
	// table) is a rail however many it has; other text needs to be sparse
	// to be one (section labels), or a sidebar of skills would be one.
	words, dated := 0, 0
	for _, ln := range narrow {
		words += len(ln.words)
		if strings.ContainsAny(ln.text, "0123456789") {
			dated++
		}
	}
	dates := float64(words) <= railWords*float64(len(narrow)) && 2*dated >= len(narrow)
	// Entries set flush right at the margin (locations at the end of each
	// row) are a rail too; a sidebar is set flush left.
	flushRight := len(narrow) == len(right) && spread(narrow, func(l rawLine) float64 { return l.x1 }) <= 2 &&
		spread(narrow, func(l rawLine) float64 { return l.x0 }) > 10
	if !dates && !flushRight && float64(len(narrow)) > railShare*float64(len(wide)) {
		return false
	}
	ys := make([]float64, len(wide))
	for i, ln := range wide {
		ys[i] = ln.y
	}
	sort.Float64s(ys)
	aligned := 0
	for _, ln := range narrow {
		i := sort.SearchFloat64s(ys, ln.y-2)
		if i < len(ys) && ys[i] <= ln.y+2 {
			aligned++
		}
	}
	return float64(aligned) >= railAligned*float64(len(narrow))
}

// spread is the range of a measure over lines.
func spread(lines []rawLine, f func(rawLine) float64) float64 {
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, l := range lines {
		lo, hi = min(lo, f(l)), max(hi, f(l))
	}
	return hi - lo
}

// coverage counts, for each point from lo to lo+width, the lines whose
// words cover it. It counts by words, so that a gutter shows even where a
// line bridges it with one wide gap; gaps under wordSpaceEm are word
// spaces, which the line covers. Each word adds one to the points [a, b)
// it covers past those the line's words before it covered, marked at both
// ends and then summed (TestCoverage).
func coverage(lines []rawLine, lo float64, width int) []int {
	cover := make([]int, width+2)
	for _, ln := range lines {
		last := -1
		for i, w := range ln.words {
			from := w.x0
			if i > 0 && w.x0-ln.words[i-1].x1 < wordSpaceEm*ln.size {
				from = ln.words[i-1].x1
			}
			a, b := max(int(from-lo), last+1), min(int(math.Ceil(w.x1-lo)), width+1)
			if a < b {
				cover[a]++
				cover[b]--
				last = b - 1
			}
		}
	}
	for x := 1; x <= width; x++ {
		cover[x] += cover[x-1]
	}
	return cover[:width+1]
}
