package extract

import (
	"math"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Layout thresholds, in multiples of the font size.
const (
	// wordGap is the smallest horizontal gap between glyphs read as a
	// space: above kerning (under 0.05 em), below the narrowest justified
	// word space. LuaTeX shrinks word spaces to 0.14 em in tight lines
	// (awesome-cv); 0.15 glued those, 0.12 and 0.10 read the corpus alike.
	wordGap = 0.12
	// segmentGap is the smallest gap that splits a baseline into separate
	// segments (a column gutter, a tab stop before a right-aligned date).
	// Segments stay separate lines so that reading order across columns
	// can be decided later.
	segmentGap = 2.5
	// baselineTolerance is how far apart two glyphs' baselines may be and
	// still share a line (raised accents, superscripts).
	baselineTolerance = 0.35
	// paragraphGap is the baseline distance above which a new paragraph
	// starts; single-spaced text sits about 1.2 em apart.
	paragraphGap = 1.65
)

// layout turns a page's glyphs into lines in reading order: baselines top
// to bottom, and segments of a baseline left to right.
func layout(glyphs []glyph, box [4]float64, page int) []rawLine {
	glyphs = visible(glyphs, box)
	if len(glyphs) == 0 {
		return nil
	}
	sort.SliceStable(glyphs, func(i, j int) bool { return glyphs[i].y > glyphs[j].y })
	var rows [][]glyph
	start := 0
	for i := 1; i <= len(glyphs); i++ {
		if i < len(glyphs) {
			// The smaller size decides: a big heading and the small line
			// just under it are two lines (superscripts are joined to
			// their line afterwards, by mergeScripts).
			tol := baselineTolerance * min(glyphs[start].size, glyphs[i].size)
			if glyphs[start].y-glyphs[i].y <= tol {
				continue
			}
		}
		rows = append(rows, glyphs[start:i])
		start = i
	}
	rows = mergeScripts(rows)
	var out []rawLine
	prevY, prevSize := math.NaN(), 0.0
	for _, row := range rows {
		sort.SliceStable(row, func(i, j int) bool { return row[i].x < row[j].x })
		row = attachAccents(row)
		for k, seg := range segments(row) {
			ln := lineOf(seg, page)
			if ln.text == "" {
				continue
			}
			if k == 0 && !math.IsNaN(prevY) {
				size := max(ln.size, prevSize)
				ln.paraGap = prevY-ln.y > paragraphGap*size || math.Abs(ln.size-prevSize) > 0.15*size
			}
			if k == 0 {
				prevY, prevSize = ln.y, ln.size
			}
			out = append(out, ln)
		}
	}
	if len(out) > 0 {
		out[0].paraGap = true
	}
	return out
}

// layoutPage lays out a page and puts its columns in reading order,
// reporting whether it has columns.
func layoutPage(glyphs []glyph, box [4]float64, page int) ([]rawLine, bool) {
	return orderColumns(layout(glyphs, box, page))
}

// Superscripts ("1st", the A of the TeX logo) are set smaller and higher
// than the line they belong to.
const (
	scriptSize = 0.85 // at most this share of the line's size
	scriptRise = 0.6  // at most this many ems above or below its baseline
)

// mergeScripts puts a row made only of small glyphs (a superscript or
// subscript) into the neighbouring row it sits on, when it lies within that
// row's width: otherwise "1st" would read as "1" and a line "st".
func mergeScripts(rows [][]glyph) [][]glyph {
	out := rows[:0:0]
	for i := 0; i < len(rows); i++ {
		row := rows[i]
		merged := false
		for _, j := range []int{i + 1, i - 1} {
			if j < 0 || j >= len(rows) || j < i && len(out) == 0 {
				continue
			}
			host := rows[j]
			if j < i {
				host = out[len(out)-1]
			}
			if isScriptOf(row, host) {
				if j < i {
					out[len(out)-1] = append(host, row...)
				} else {
					rows[j] = append(append([]glyph{}, host...), row...)
				}
				merged = true
				break
			}
		}
		if !merged {
			out = append(out, row)
		}
	}
	return out
}

// isScriptOf reports whether every glyph of row is a script of host.
func isScriptOf(row, host []glyph) bool {
	hostSize, lo, hi := 0.0, math.Inf(1), math.Inf(-1)
	for _, g := range host {
		hostSize = max(hostSize, g.size)
		lo, hi = min(lo, g.x), max(hi, g.x+g.w)
	}
	if hostSize == 0 || len(row) > 6 {
		return false
	}
	for _, g := range row {
		if g.size > scriptSize*hostSize || math.Abs(g.y-host[0].y) > scriptRise*hostSize ||
			g.x < lo-hostSize || g.x > hi+hostSize {
			return false
		}
	}
	return true
}

// visible drops glyphs outside the page and glyphs drawn twice at the same
// place (a common way of faking bold).
func visible(glyphs []glyph, box [4]float64) []glyph {
	seen := seenGlyphs.Get().(*glyphSets)
	seen.runes.reset(len(glyphs))
	defer func() {
		clear(seen.texts) // keeps its room for the next page
		seenGlyphs.Put(seen)
	}()
	out := glyphs[:0]
	for _, g := range glyphs {
		if g.text == "" || g.x > box[2]+2 || g.x+g.w < box[0]-2 || g.y < box[1]-2 || g.y > box[3]+2 {
			continue
		}
		if !g.space {
			x, y := int32(math.Round(g.x*2)), int32(math.Round(g.y*2))
			if r, n := utf8.DecodeRuneInString(g.text); n == len(g.text) && r != utf8.RuneError {
				if !seen.runes.add(runeKey{r, x, y}) {
					continue
				}
			} else {
				k := glyphKey{g.text, x, y}
				if _, dup := seen.texts[k]; dup {
					continue
				}
				seen.texts[k] = struct{}{}
			}
		}
		out = append(out, g)
	}
	return out
}

// glyphKey is a glyph's text and place in half points (a page is far
// smaller than 2³¹ of them).
type glyphKey struct {
	text string
	x, y int32
}

// runeKey is glyphKey for a glyph of one character, the usual case, which
// hashes without a string.
type runeKey struct {
	r    rune
	x, y int32
}

// glyphSets are the glyphs visible has seen on a page: those of one
// character, and the others.
type glyphSets struct {
	runes runeSet
	texts map[glyphKey]struct{}
}

// runeSet is a set of runeKeys: a table of open addressing, whose slots
// are in the set when they carry its current generation, so that emptying
// it for the next page is a count, not a clearing. A Go map cost a page
// a hash and an insert of its own for every glyph (5% of extraction).
type runeSet struct {
	slots []runeSlot
	gen   uint32
}

// runeSlot is one slot of a runeSet.
type runeSlot struct {
	key runeKey
	gen uint32
}

// reset empties s, with room for n keys at most half full.
func (s *runeSet) reset(n int) {
	size := 1024
	for size < 2*n {
		size *= 2
	}
	if len(s.slots) < size {
		s.slots, s.gen = make([]runeSlot, size), 0
	}
	s.gen++
	if s.gen == 0 { // wrapped: slots of the old generation 0 would count
		clear(s.slots)
		s.gen = 1
	}
}

// add puts k in s and reports whether it was not there yet. s holds at
// most the n keys reset made room for.
func (s *runeSet) add(k runeKey) bool {
	mask := uint32(len(s.slots) - 1)
	h := uint32(k.r)*0x9e3779b1 ^ uint32(k.x)*0x85ebca77 ^ uint32(k.y)*0xc2b2ae3d
	h ^= h >> 15
	for i := h & mask; ; i = (i + 1) & mask {
		slot := &s.slots[i]
		if slot.gen != s.gen {
			*slot = runeSlot{key: k, gen: s.gen}
			return true
		}
		if slot.key == k {
			return false
		}
	}
}

// seenGlyphs lends visible its sets of glyphs drawn so far from page to
// page: a set made for each page cost a 40-page resume 6 MB.
var seenGlyphs = sync.Pool{New: func() any {
	return &glyphSets{texts: map[glyphKey]struct{}{}}
}}

// spacingAccents maps spacing accent characters, which pdfTeX and other
// producers draw as separate glyphs over a base letter, to combining marks.
var spacingAccents = map[string]string{
	"\u00b4": "\u0301", "\u02ca": "\u0301", "`": "\u0300", "\u02cb": "\u0300",
	"\u00a8": "\u0308", "\u02c6": "\u0302", "^": "\u0302", "\u02dc": "\u0303", "~": "\u0303",
	"\u00b8": "\u0327", "\u02c7": "\u030c", "\u02d8": "\u0306", "\u02d9": "\u0307",
	"\u02da": "\u030a", "\u00af": "\u0304", "\u02c9": "\u0304", "\u02dd": "\u030b", "\u02db": "\u0328",
}

// isSpacingAccent reports whether g is a spacing accent drawn with a
// width, to merge into the letter under it.
func isSpacingAccent(g glyph) bool {
	_, ok := spacingAccents[g.text]
	return ok && g.w > 0
}

// attachAccents merges each spacing accent glyph that sits over a letter
// into that letter as a combining mark ("e" + "´" → "é" after NFKC), and
// removes it from the row. Accents that overlap no letter stay as they are.
func attachAccents(row []glyph) []glyph {
	if !slices.ContainsFunc(row, isSpacingAccent) {
		return row // most rows: nothing to merge, and no copy
	}
	out := make([]glyph, 0, len(row))
	var accents []glyph
	for _, g := range row {
		if isSpacingAccent(g) {
			accents = append(accents, g)
			continue
		}
		out = append(out, g)
	}
	for _, a := range accents {
		mid := a.x + a.w/2
		best, bestDist := -1, math.Inf(1)
		for i, g := range out {
			if g.space || g.w <= 0 || mid < g.x || mid > g.x+g.w {
				continue
			}
			if d := math.Abs(g.x + g.w/2 - mid); d < bestDist {
				best, bestDist = i, d
			}
		}
		if best < 0 {
			out = append(out, a)
			continue
		}
		out[best].text += spacingAccents[a.text]
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].x < out[j].x })
	return out
}

// segments splits a row at gaps wide enough to be column gutters or tab
// stops.
func segments(row []glyph) [][]glyph {
	var out [][]glyph
	start := 0
	end := row[0].x + row[0].w
	for i := 1; i < len(row); i++ {
		g := row[i]
		if !g.space && g.x-end > segmentGap*g.size {
			out = append(out, row[start:i])
			start = i
		}
		if !g.space {
			end = max(end, g.x+g.w)
		}
	}
	return append(out, row[start:])
}

// forcedBreak reports whether a glyph starts a word after the glyph before
// it (prev, ending at end) whatever the gap: text after a bullet ("•Wrote"
// is "• Wrote"), and a letter after a comma or semicolon set apart by any
// visible gap ("NumPy,pandas" with a narrow justified space).
func forcedBreak(prev string, g glyph, end float64) bool {
	r, _ := utf8.DecodeRuneInString(g.text)
	if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
		return false
	}
	switch prev {
	case "•", "▪", "◦", "‣", "●", "■", "○", "►", "▸", "➢", "✓", "✔":
		return true
	case ",", ";":
		return unicode.IsLetter(r) && g.x-end > punctGapEm*g.size
	}
	return false
}

// punctGapEm is the gap, in ems, after a comma or semicolon from which the
// next letter starts a word.
const punctGapEm = 0.05

// lineOf joins a segment's glyphs into text, putting a space wherever a
// space glyph or a word-sized gap separates two glyphs.
func lineOf(seg []glyph, page int) rawLine {
	threshold := wordThreshold(seg)
	var sb strings.Builder
	var words []wordBox
	// The characters of each font size, in the order the sizes come: a
	// line has one to three of them, so a short list beats a map.
	var room [4]sizeCount
	sizes := room[:0]
	x0, x1 := math.Inf(1), math.Inf(-1)
	y := 0.0
	pendingSpace := false
	end := math.Inf(-1)
	prev := ""
	for _, g := range seg {
		if g.space {
			pendingSpace = sb.Len() > 0
			continue
		}
		if sb.Len() > 0 && (pendingSpace || g.x-end > threshold*g.size || forcedBreak(prev, g, end)) {
			sb.WriteByte(' ')
		}
		prev = g.text
		if len(words) == 0 || sb.Len() > 0 && sb.String()[sb.Len()-1] == ' ' {
			words = append(words, wordBox{start: sb.Len(), x0: g.x})
		}
		pendingSpace = false
		sb.WriteString(g.text)
		words[len(words)-1].end = sb.Len()
		words[len(words)-1].x1 = max(words[len(words)-1].x1, g.x+g.w)
		end = g.x + g.w
		x0, x1 = min(x0, g.x), max(x1, g.x+g.w)
		s := roundTo(g.size, 0.5)
		i := 0
		for i < len(sizes) && sizes[i].size != s {
			i++
		}
		if i == len(sizes) {
			sizes = append(sizes, sizeCount{size: s})
		}
		sizes[i].chars += len(g.text)
		y = g.y
	}
	size, n := 0.0, -1
	for _, sc := range sizes {
		if sc.chars > n || sc.chars == n && sc.size > size {
			size, n = sc.size, sc.chars
		}
	}
	if sb.Len() == 0 {
		return rawLine{}
	}
	return rawLine{text: sb.String(), page: page, x0: x0, x1: x1, y: y, size: size, words: words}
}

// sizeCount is how many bytes of a line's text are in one font size.
type sizeCount struct {
	size  float64
	chars int
}

// wordThreshold is the gap, in ems, that separates words in a segment:
// wordGap for ordinary text, wider for letter-spaced text, where every glyph
// gap is large and only the largest gaps are spaces.
func wordThreshold(seg []glyph) float64 {
	var room [256]float64 // most segments' gaps fit, without a heap slice for each
	gaps := room[:0]
	approx := false
	for i := 1; i < len(seg); i++ {
		a, b := seg[i-1], seg[i]
		approx = approx || a.approx
		if a.space || b.space || b.size == 0 {
			continue
		}
		gaps = append(gaps, (b.x-(a.x+a.w))/b.size)
	}
	t := wordGap
	if approx {
		t = 0.3
	}
	if len(gaps) >= 4 {
		slices.Sort(gaps)
		if med := gaps[len(gaps)/2]; med > 0.08 {
			t = max(t, med*1.8)
		}
	}
	return t
}
