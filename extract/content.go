package extract

import (
	"errors"
	"math"
	"strings"

	"github.com/ledongthuc/pdf"
)

// glyph is one shown character code, placed on the page.
type glyph struct {
	text   string
	x, y   float64 // origin, in points from the page's bottom-left corner
	w      float64 // advance along the baseline, in points
	size   float64 // effective font size, in points
	space  bool    // a word space (code 32 or a blank glyph)
	approx bool    // the width is a guess (the font had no metrics)
}

// matrix is a PDF transformation matrix [a b c d e f].
type matrix [6]float64

var identity = matrix{1, 0, 0, 1, 0, 0}

// mul returns m × n: m applied first, then n.
func (m matrix) mul(n matrix) matrix {
	return matrix{
		m[0]*n[0] + m[1]*n[2],
		m[0]*n[1] + m[1]*n[3],
		m[2]*n[0] + m[3]*n[2],
		m[2]*n[1] + m[3]*n[3],
		m[4]*n[0] + m[5]*n[2] + n[4],
		m[4]*n[1] + m[5]*n[3] + n[5],
	}
}

// gstate is the part of the graphics state that text placement depends on.
type gstate struct {
	ctm      matrix
	font     *font
	fontSize float64
	charSp   float64 // Tc
	wordSp   float64 // Tw
	hScale   float64 // Tz / 100
	leading  float64 // TL
	rise     float64 // Ts
	render   int     // Tr; 3 is invisible
}

// Limits on the work one page may cause.
const (
	maxGlyphsPerPage = 200_000
	maxFormDepth     = 8
	maxStateDepth    = 256
)

// errTooManyGlyphs stops a content stream that shows more glyphs than any
// resume page holds.
var errTooManyGlyphs = errors.New("too many glyphs on one page")

// interpreter runs a page's content stream and collects its glyphs.
type interpreter struct {
	fonts fontCache
	// maxStream is the most bytes one content stream may decode to.
	maxStream int64
	glyphs    []glyph
	// hidden holds the invisible glyphs (text render mode 3): an OCR
	// layer over a scanned page, or words hidden from human readers.
	hidden []glyph
	// images reports that the page draws an image (a scan's page).
	images bool
	// tiny counts the glyphs drawn too small to see.
	tiny int
	// marked holds the open marked-content sequences (BMC/BDC ... EMC).
	marked []markedContent
	err    error
	// shown and garbled count the visible glyphs, and those that decoded
	// to nothing readable (no Unicode mapping).
	shown, garbled int
}

// markedContent is an open marked-content sequence. One with /ActualText
// replaces the glyphs it covers (an icon font's "tel:" or "mailto:", a
// ligature, a hyphenated word) with its text, placed where they were.
type markedContent struct {
	actual    string
	hasActual bool
	placed    bool    // a glyph was covered: x, y, size and x1 say where
	x, y      float64 // the first covered glyph's origin
	x1, size  float64
}

// placeActual places a sequence's /ActualText over the glyphs it covered,
// a glyph per character spread evenly across them, in the smallest size
// they had (an icon is often larger than the text beside it).
func (in *interpreter) placeActual(mc markedContent) {
	rs := []rune(mc.actual)
	w := max(mc.x1-mc.x, 0) / float64(len(rs))
	for i, r := range rs {
		if len(in.glyphs)+len(in.hidden) >= maxGlyphsPerPage {
			return
		}
		in.glyphs = append(in.glyphs, glyph{text: string(r), x: mc.x + float64(i)*w, y: mc.y, w: w, size: mc.size, space: r == ' '})
	}
}

// actualText returns the innermost open sequence with /ActualText, or nil.
func (in *interpreter) actualText() *markedContent {
	for i := len(in.marked) - 1; i >= 0; i-- {
		if in.marked[i].hasActual {
			return &in.marked[i]
		}
	}
	return nil
}

// fontCache holds the fonts read so far in one document. The PDF library
// re-reads an indirect object on every access and exposes no object
// identity, so a font is keyed by its dictionary's printed form, which
// names its indirect parts (widths, descriptor, ToUnicode) by reference.
type fontCache map[string]*font

func (c fontCache) get(v pdf.Value) *font {
	key := v.String()
	if f, ok := c[key]; ok {
		return f
	}
	f := newFont(v)
	c[key] = f
	return f
}

// named returns the font a page's Font resources (fontRes, printed as
// resKey) give the name: pages that share their Font resources, as most
// pages of a document do, share the answer without the library reading
// the font's dictionary again (an object in an object stream costs it an
// inflation of that stream on every read). resKey names the fonts by
// reference, so equal keys mean the same fonts.
//
// A font the dictionary names by reference is also kept by that
// reference: pages whose dictionaries differ (each page's own, listing the
// fonts it uses, as pdfTeX and Word write them) share the fonts they both
// name without the library reading them again.
func (c fontCache) named(fontRes pdf.Value, resKey, name string) *font {
	key := resKey + "\x00" + name
	if f, ok := c[key]; ok {
		return f
	}
	ref := fontRef(resKey, name)
	if ref != "" {
		if f, ok := c[ref]; ok {
			c[key] = f
			return f
		}
	}
	f := c.get(fontRes.Key(name))
	c[key] = f
	if ref != "" {
		c[ref] = f
	}
	return f
}

// fontRef returns the key of the font a Font resource dictionary, printed
// as resKey ("<</F1 12 0 R /F2 15 0 R>>"), names by reference, or "" when
// the dictionary does not name it so or is printed otherwise (a font
// written in the dictionary itself, a name with a space).
func fontRef(resKey, name string) string {
	body, open := strings.CutPrefix(resKey, "<<")
	body, closed := strings.CutSuffix(body, ">>")
	if !open || !closed || strings.ContainsAny(body, "<>[]()\"") {
		return ""
	}
	// body is "/F1 12 0 R /F2 15 0 R": the entry of name, found without
	// splitting the whole dictionary (some name hundreds of fonts, and it
	// is asked for each of them).
	var entry string
	if rest, ok := strings.CutPrefix(body, "/"+name+" "); ok {
		entry = rest
	} else if i := strings.Index(body, " /"+name+" "); i >= 0 {
		entry = body[i+len(name)+3:]
	} else {
		return ""
	}
	if i := strings.Index(entry, " /"); i >= 0 {
		entry = entry[:i]
	}
	num, rest, _ := strings.Cut(entry, " ")
	gen, r, _ := strings.Cut(rest, " ")
	if r != "R" || !isDigits(num) || !isDigits(gen) {
		return ""
	}
	return "\x01" + num + " " + gen + " R"
}

// isDigits reports whether s is one or more ASCII digits.
func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// run interprets one content stream (a page or a form XObject) with the
// given resources and initial graphics state.
func (in *interpreter) run(strm pdf.Value, res pdf.Value, gs gstate, depth int) {
	fonts := map[string]*font{}
	var fontRes pdf.Value // the resources' Font dictionary, read on the first Tf
	var fontResKey string // its printed form, naming its fonts by reference
	var stack []gstate
	tm, tlm := identity, identity
	bufp := contentBuffers.Get().(*[]byte)
	data, readErr := readContent(strm, *bufp, in.maxStream)
	defer func() {
		if cap(data) <= maxPooledContent {
			*bufp = data[:0]
			contentBuffers.Put(bufp)
		}
	}()
	if errors.Is(readErr, errContentTooLarge) {
		in.err = &LimitError{Limit: LimitStream, Max: in.maxStream}
		return
	}
	interpretContent(data, readErr, func(args []operand, op string) {
		if in.err != nil {
			return
		}
		num := func(i int) float64 {
			if i < len(args) {
				return args[i].float()
			}
			return 0
		}
		switch op {
		case "BMC", "BDC":
			mc := markedContent{}
			if op == "BDC" && len(args) == 2 {
				if props := args[1]; props.kind == operandName {
					if at := res.Key("Properties").Key(props.str).Key("ActualText"); at.Kind() == pdf.String {
						mc.actual, mc.hasActual = at.Text(), true
					}
				} else if at := props.dict["ActualText"]; at.kind == operandString {
					mc.actual, mc.hasActual = at.text(), true
				}
			}
			if len(in.marked) < maxStateDepth {
				in.marked = append(in.marked, mc)
			}
		case "EMC":
			if n := len(in.marked); n > 0 {
				mc := in.marked[n-1]
				in.marked = in.marked[:n-1]
				if mc.hasActual && mc.placed && strings.TrimSpace(mc.actual) != "" {
					in.placeActual(mc)
				}
			}
		case "q":
			if len(stack) < maxStateDepth {
				stack = append(stack, gs)
			}
		case "Q":
			if n := len(stack); n > 0 {
				gs, stack = stack[n-1], stack[:n-1]
			}
		case "cm":
			if len(args) == 6 {
				gs.ctm = matrix{num(0), num(1), num(2), num(3), num(4), num(5)}.mul(gs.ctm)
			}
		case "BT":
			tm, tlm = identity, identity
		case "Tf":
			if len(args) == 2 {
				name := args[0].name()
				f, ok := fonts[name]
				if !ok {
					if fontResKey == "" {
						fontRes = res.Key("Font")
						fontResKey = fontRes.String()
					}
					f = in.fonts.named(fontRes, fontResKey, name)
					fonts[name] = f
				}
				gs.font, gs.fontSize = f, num(1)
			}
		case "Tc":
			gs.charSp = num(0)
		case "Tw":
			gs.wordSp = num(0)
		case "Tz":
			gs.hScale = num(0) / 100
		case "TL":
			gs.leading = num(0)
		case "Ts":
			gs.rise = num(0)
		case "Tr":
			gs.render = int(num(0))
		case "Td", "TD":
			if op == "TD" {
				gs.leading = -num(1)
			}
			tlm = matrix{1, 0, 0, 1, num(0), num(1)}.mul(tlm)
			tm = tlm
		case "Tm":
			if len(args) == 6 {
				tlm = matrix{num(0), num(1), num(2), num(3), num(4), num(5)}
				tm = tlm
			}
		case "T*":
			tlm = matrix{1, 0, 0, 1, 0, -gs.leading}.mul(tlm)
			tm = tlm
		case "Tj", "'", "\"":
			if op != "Tj" {
				if op == "\"" && len(args) == 3 {
					gs.wordSp, gs.charSp = num(0), num(1)
				}
				tlm = matrix{1, 0, 0, 1, 0, -gs.leading}.mul(tlm)
				tm = tlm
			}
			if len(args) > 0 {
				in.show(&tm, &gs, args[len(args)-1].rawString())
			}
		case "TJ":
			if len(args) == 0 {
				return
			}
			for _, v := range args[0].arr {
				switch v.kind {
				case operandString:
					in.show(&tm, &gs, v.str)
				case operandInteger, operandReal:
					tx := -v.num / 1000 * gs.fontSize * gs.hScale
					tm = matrix{1, 0, 0, 1, tx, 0}.mul(tm)
				}
			}
		case "Do":
			if len(args) == 0 || depth >= maxFormDepth {
				return
			}
			x := res.Key("XObject").Key(args[0].name())
			if x.Kind() == pdf.Stream && x.Key("Subtype").Name() == "Image" {
				in.images = true
			}
			if x.Kind() != pdf.Stream || x.Key("Subtype").Name() != "Form" {
				return
			}
			inner := gs
			if m := x.Key("Matrix"); m.Len() == 6 {
				inner.ctm = matrix{m.Index(0).Float64(), m.Index(1).Float64(), m.Index(2).Float64(),
					m.Index(3).Float64(), m.Index(4).Float64(), m.Index(5).Float64()}.mul(gs.ctm)
			}
			xres := x.Key("Resources")
			if xres.Kind() != pdf.Dict {
				xres = res
			}
			in.run(x, xres, inner, depth+1)
		}
	})
}

// pairGapEm is the character spacing, in ems, from which the spacing in a
// run of two glyphs is a gap between words (see show).
const pairGapEm = 0.15

// show places the glyphs of one shown string and advances the text matrix.
func (in *interpreter) show(tm *matrix, gs *gstate, s string) {
	f := gs.font
	if f == nil {
		return
	}
	// The string's character codes, taken in place (a slice of them for
	// each string shown was most of what showing allocated).
	n := f.codeBytes()
	count := (len(s) + n - 1) / n
	// Ghostscript (ps2pdf, pdfroff, many Linux print paths) draws a space
	// it does not show as character spacing inside a run of two glyphs:
	// "2.5 Tc (,N) Tj" for ", N". There the spacing is a gap between
	// words, and the first glyph's width leaves it out; in longer runs a
	// spacing is letter spacing ("E X P E R I E N C E") and part of each
	// glyph.
	pairGap := count == 2 && gs.charSp >= pairGapEm*gs.fontSize
	// Within one string only the text matrix's translation moves, so what
	// its scale and rotation give (the glyphs' size, whether they stand
	// upright) is worked out again only when those change.
	var lin [4]float64
	var xScale, size float64
	var upright bool
	for ci := range count {
		code := s[ci*n : min(ci*n+n, len(s))]
		if len(in.glyphs)+len(in.hidden) >= maxGlyphsPerPage {
			in.err = errTooManyGlyphs
			return
		}
		w0, known := f.width(code)
		text := f.decode(code)
		if text == "\u00ad" {
			// A drawn soft hyphen is a visible hyphen (LuaTeX maps its
			// hyphen glyph to U+00AD).
			text = "-"
		}
		icon := isIcon(text)
		if ci == 0 || [4]float64(tm[:4]) != lin {
			lin = [4]float64(tm[:4])
			full := tm.mul(gs.ctm)
			xScale = math.Hypot(full[0], full[1])
			size = gs.fontSize * math.Hypot(full[2], full[3])
			// Only upright, left-to-right text is placed; rotated text (a
			// vertical sidebar label) is skipped, and invisible text is
			// kept apart (see pageLines).
			upright = full[0] > 0 && math.Abs(full[1]) < 0.05*full[0] && math.Abs(full[2]) < 0.05*math.Abs(full[3])
		}
		x, y := glyphOrigin(*tm, gs)
		tx := w0*gs.fontSize + gs.charSp
		isSpace := len(code) == 1 && code[0] == ' '
		if isSpace {
			tx += gs.wordSp
		}
		tx *= gs.hScale
		if upright && size > 0 && size < 1 && !icon && strings.TrimSpace(text) != "" {
			in.tiny++ // zero-size text: hidden from readers
		}
		if mc := in.actualText(); mc != nil && upright && size >= 1 {
			// Covered by /ActualText: the sequence's text stands for it.
			if !mc.placed {
				mc.placed, mc.x, mc.y, mc.size = true, x, y, size
			}
			mc.x1, mc.size = max(mc.x1, x+tx*xScale), min(mc.size, size)
		} else if upright && size >= 1 && !icon {
			w := tx * xScale
			if pairGap && ci == 0 {
				w -= gs.charSp * gs.hScale * xScale
			}
			g := glyph{
				text: text, x: x, y: y, w: w, size: size,
				// Code 32 takes the word spacing (the spec says so), but
				// whether the glyph is a space is its text's call: subset
				// fonts (LibreOffice) give code 32 to any glyph, here "T".
				space: text == " " || text == "\u00a0" || text == "" && isSpace, approx: !known,
			}
			if gs.render == 3 {
				in.hidden = append(in.hidden, g)
			} else {
				in.shown++
				if unreadable(text) {
					in.garbled++
				}
				in.glyphs = append(in.glyphs, g)
			}
		}
		*tm = matrix{1, 0, 0, 1, tx, 0}.mul(*tm)
	}
}

// glyphOrigin returns where a glyph starts on the page: the translation
// of its text rendering matrix, {fontSize·hScale 0 0 fontSize 0 rise} ×
// tm × ctm, by the same sums matrix.mul makes for it, without the scale
// and rotation parts, which show works out once for a string.
func glyphOrigin(tm matrix, gs *gstate) (x, y float64) {
	// The translation of {… 0 rise} × tm, then of that × ctm.
	e := 0*tm[0] + gs.rise*tm[2] + tm[4]
	f := 0*tm[1] + gs.rise*tm[3] + tm[5]
	c := gs.ctm
	return e*c[0] + f*c[2] + c[4], e*c[1] + f*c[3] + c[5]
}

// glyphStats counts a document's visible and unreadable glyphs.
type glyphStats struct {
	shown, garbled int
	columns        bool // a page has more than one column
	ocrLayer       bool // a page's text was its invisible OCR layer
	hidden         int  // characters no reader sees, left out
}

// unreadable reports whether a glyph's text carries no readable
// character: empty, the replacement character, a control character or a
// private-use code point (a font without a Unicode map).
func unreadable(text string) bool {
	if text == "" {
		return true
	}
	for _, r := range text {
		if r == '\uFFFD' || r < 0x20 && r != '\t' || r >= 0xE000 && r <= 0xF8FF && r != 0xF0B7 && r != 0xF0A7 {
			return true
		}
	}
	return false
}

// isIcon reports whether a glyph's text is an icon: Private Use Area code
// points (icon fonts such as Font Awesome before a phone number or an
// address), but for the bullets Word maps there. An icon is no letter of
// a word, and no sign of undecodable text either.
func isIcon(text string) bool {
	if text == "" {
		return false
	}
	for _, r := range text {
		if !(r >= 0xE000 && r <= 0xF8FF || r >= 0xF0000) || r == 0xF0B7 || r == 0xF0A7 {
			return false
		}
	}
	return true
}

// pageGlyphs is how many glyphs a worker's buffer holds at first: the
// pages of the samples and the first 40 corpus resumes hold 400 to 3,500
// characters (median 1,000, pdftotext).
const pageGlyphs = 4096

// pageLines runs a page's content and lays its glyphs out as lines. Content
// that the library cannot parse panics inside it; ParsePDF recovers that
// for the whole file. scratch is a worker's glyph buffer, lent for the
// page and handed back grown: the lines keep nothing of it, and a page's
// glyphs grown from nothing were the largest allocation of reading a
// resume.
func pageLines(pg page, num int, fonts fontCache, maxStream int64, stats *glyphStats, scratch *[]glyph) ([]rawLine, error) {
	if *scratch == nil {
		// Room for a full page of text at once: growing the buffer from
		// nothing copied it a dozen times, and the room a short page
		// leaves unused is never touched.
		*scratch = make([]glyph, 0, pageGlyphs)
	}
	in := &interpreter{fonts: fonts, maxStream: maxStream, glyphs: (*scratch)[:0]}
	defer func() { *scratch = in.glyphs[:0] }()
	defer func() { stats.shown, stats.garbled = stats.shown+in.shown, stats.garbled+in.garbled }()
	gs := gstate{ctm: identity, hScale: 1}
	contents := pg.v.Key("Contents")
	if contents.Kind() != pdf.Stream && contents.Kind() != pdf.Array {
		return nil, nil
	}
	in.run(contents, pg.resources, gs, 0)
	if in.err != nil {
		return nil, in.err
	}
	if len(in.glyphs) == 0 && len(in.hidden) > 0 && in.images {
		// A page that shows an image and no text but holds invisible text
		// is a scan with the text layer OCR software writes over the
		// image (Tesseract, OCRmyPDF, Acrobat): that layer is its text.
		// Elsewhere invisible words are hidden from readers (keyword
		// stuffing) and stay out.
		in.glyphs, in.shown = in.hidden, in.shown+len(in.hidden)
		stats.ocrLayer = true
	} else {
		for _, g := range in.hidden {
			if strings.TrimSpace(g.text) != "" {
				stats.hidden++
			}
		}
	}
	stats.hidden += in.tiny
	lines, columns := layoutPage(in.glyphs, pg.box, num)
	stats.columns = stats.columns || columns
	return lines, nil
}
