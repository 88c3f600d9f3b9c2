package extract

import (
	"strconv"
	"strings"
	"unicode"

	"github.com/ledongthuc/pdf"
)

// font holds what the interpreter needs from a font dictionary: how to
// split a shown string into character codes, each code's text, and each
// code's advance width in thousandths of the font size.
type font struct {
	enc       pdf.TextEncoding // the library's decoder, made on first need
	v         pdf.Value
	composite bool // Type0: two-byte codes
	first     int
	widths    []float64         // simple fonts: /Widths from /FirstChar
	cidWidths map[int]float64   // composite fonts: /W
	dw        float64           // width of codes with no entry
	scale     float64           // glyph space to text space (1/1000, or Type3's FontMatrix)
	text      map[string]string // decoded codes of other lengths
	// byteText holds decoded one-byte codes (an empty text is decoded
	// again, as one not yet seen).
	byteText *[256]string
	// wideText holds decoded two-byte codes by their first byte's page.
	wideText *[256]*[256]string
	// unicode is the font's /ToUnicode map, which wins over its encoding.
	unicode map[string]string
	// names are the glyph names /Differences gives codes of a simple font.
	names map[byte]string
}

// maxCIDWidths bounds the entries read from a /W array.
const maxCIDWidths = 1 << 16

// newFont reads a font dictionary. Missing or damaged metrics fall back to
// approximate widths, so text still splits into words.
func newFont(v pdf.Value) *font {
	f := &font{scale: 0.001, text: map[string]string{}, dw: -1}
	f.v = v
	f.unicode = toUnicode(v)
	f.names = differences(v.Key("Encoding").Key("Differences"))
	if v.Key("Subtype").Name() == "Type0" {
		f.composite = true
		desc := v.Key("DescendantFonts").Index(0)
		f.dw = 1000
		if dw := desc.Key("DW"); dw.Kind() == pdf.Integer || dw.Kind() == pdf.Real {
			f.dw = dw.Float64()
		}
		f.cidWidths = cidWidths(desc.Key("W"))
		return f
	}
	if v.Key("Subtype").Name() == "Type3" {
		if m := v.Key("FontMatrix"); m.Len() == 6 && m.Index(0).Float64() > 0 {
			f.scale = m.Index(0).Float64()
		}
	}
	f.first = int(v.Key("FirstChar").Int64())
	w := v.Key("Widths")
	for i := 0; i < w.Len() && i < 256; i++ {
		f.widths = append(f.widths, w.Index(i).Float64())
	}
	if mw := v.Key("FontDescriptor").Key("MissingWidth"); mw.Kind() == pdf.Integer || mw.Kind() == pdf.Real {
		f.dw = mw.Float64()
	}
	if len(f.widths) == 0 && strings.Contains(v.Key("BaseFont").Name(), "Courier") {
		f.dw = 600
	}
	return f
}

// cidWidths reads a CID font's /W array: runs of "c [w1 w2 ...]" and
// "cfirst clast w".
func cidWidths(w pdf.Value) map[int]float64 {
	out := map[int]float64{}
	for i := 0; i < w.Len() && len(out) < maxCIDWidths; {
		c := int(w.Index(i).Int64())
		next := w.Index(i + 1)
		if next.Kind() == pdf.Array {
			for j := 0; j < next.Len() && len(out) < maxCIDWidths; j++ {
				out[c+j] = next.Index(j).Float64()
			}
			i += 2
			continue
		}
		last := int(next.Int64())
		width := w.Index(i + 2).Float64()
		for c2 := c; c2 <= last && c2-c < maxCIDWidths && len(out) < maxCIDWidths; c2++ {
			out[c2] = width
		}
		i += 3
	}
	return out
}

// codeBytes is how many bytes each character code of a shown string
// takes: two in a composite font, else one (a string of odd length ends
// in a short code).
func (f *font) codeBytes() int {
	if f.composite {
		return 2
	}
	return 1
}

// decode returns the text one character code stands for.
func (f *font) decode(code string) string {
	switch len(code) {
	case 1:
		// A simple font's codes are single bytes: an array keeps their
		// texts without hashing a string for every glyph.
		if f.byteText == nil {
			f.byteText = new([256]string)
		}
		return f.decodeInto(&f.byteText[code[0]], code)
	case 2:
		// A composite font's codes are two bytes: a table of 256 pages of
		// 256, made as codes come, keeps them as the array does one byte.
		if f.wideText == nil {
			f.wideText = new([256]*[256]string)
		}
		page := f.wideText[code[0]]
		if page == nil {
			page = new([256]string)
			f.wideText[code[0]] = page
		}
		return f.decodeInto(&page[code[1]], code)
	}
	if t, ok := f.text[code]; ok {
		return t
	}
	t := f.decodeNew(code)
	f.text[code] = t
	return t
}

// decodeInto returns the text kept in slot for code, decoding and keeping
// it first when the slot is empty (an empty text is decoded again, as one
// not yet seen).
func (f *font) decodeInto(slot *string, code string) string {
	if *slot == "" {
		*slot = f.decodeNew(code)
	}
	return *slot
}

// decodeNew decodes a code decode has not seen: by the font's ToUnicode
// map, its glyph names, or else the library's decoder.
func (f *font) decodeNew(code string) string {
	t, ok := f.unicode[code]
	if !ok && len(code) == 1 && f.names != nil {
		t, ok = glyphNameText(f.names[code[0]])
	}
	if !ok {
		if f.enc == nil {
			// Made only for codes the ToUnicode map lacks: it reads the
			// map a second time.
			pf := pdf.Font{V: f.v}
			f.enc = pf.Encoder()
		}
		t = f.enc.Decode(code)
	}
	return t
}

// width returns the advance of one code in text space units per unit of
// font size, and whether the font's metrics knew it.
func (f *font) width(code string) (float64, bool) {
	c := int(codeValue(code))
	if f.composite {
		if w, ok := f.cidWidths[c]; ok {
			return w * f.scale, true
		}
		return f.dw * f.scale, true
	}
	if i := c - f.first; i >= 0 && i < len(f.widths) && f.widths[i] > 0 {
		return f.widths[i] * f.scale, true
	}
	if f.dw > 0 {
		return f.dw * f.scale, true
	}
	return approxWidth(f.decode(code)), false
}

// approxWidth guesses a glyph's advance (in ems) for fonts that carry no
// widths, such as the standard 14 fonts: close enough to tell a word gap
// from a letter gap.
func approxWidth(text string) float64 {
	if text == " " {
		return 0.25
	}
	w := 0.0
	for _, r := range text {
		switch {
		case strings.ContainsRune("iljtfI.,:;'|!", r):
			w += 0.28
		case strings.ContainsRune("mwMW", r):
			w += 0.85
		case r >= 'A' && r <= 'Z':
			w += 0.67
		default:
			w += 0.52
		}
	}
	return w
}

func codeValue(s string) uint32 {
	var v uint32
	for i := 0; i < len(s) && i < 4; i++ {
		v = v<<8 | uint32(s[i])
	}
	return v
}

// differences reads an encoding's /Differences array: a code, then the
// names of it and the codes after it.
func differences(d pdf.Value) map[byte]string {
	if d.Kind() != pdf.Array {
		return nil
	}
	out := map[byte]string{}
	code := -1
	for i := 0; i < d.Len() && i < 1024; i++ {
		x := d.Index(i)
		switch x.Kind() {
		case pdf.Integer:
			code = int(x.Int64())
		case pdf.Name:
			if code >= 0 && code < 256 {
				out[byte(code)] = x.Name()
			}
			code++
		}
	}
	return out
}

// glyphNameText reads what a glyph name the PDF library does not know
// says: "uni0041" and "u1F600" name code points; names that only number
// glyphs ("g1D", "glyph12", "cid42", "index7") say nothing, and must never
// print as the raw code they stand on. Other names are left to the
// library (ok is false).
func glyphNameText(name string) (text string, ok bool) {
	switch {
	case name == "":
		return "", false
	case strings.HasPrefix(name, "uni") && len(name) >= 7 && (len(name)-3)%4 == 0:
		var rs []rune
		for i := 3; i+4 <= len(name); i += 4 {
			v, err := strconv.ParseUint(name[i:i+4], 16, 32)
			if err != nil {
				return "", false
			}
			rs = append(rs, rune(v))
		}
		return string(rs), true
	case name[0] == 'u' && len(name) >= 5 && len(name) <= 7:
		if v, err := strconv.ParseUint(name[1:], 16, 32); err == nil && v <= unicode.MaxRune {
			return string(rune(v)), true
		}
	}
	for _, prefix := range []string{"glyph", "cid", "index", "g"} {
		if rest, found := strings.CutPrefix(name, prefix); found && rest != "" && strings.Trim(rest, "0123456789abcdefABCDEF") == "" {
			return "", true
		}
	}
	return "", false
}
