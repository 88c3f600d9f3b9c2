package extract

import (
	"io"
	"unicode"
	"unicode/utf16"

	"github.com/ledongthuc/pdf"
)

// Limits on a ToUnicode map, so that a hostile font costs bounded work.
const (
	maxToUnicodeBytes   = 1 << 20 // the map's stream
	maxToUnicodeEntries = 1 << 16 // codes mapped
)

// toUnicode reads a font's /ToUnicode map: each character code (as the
// bytes a shown string holds) and the text it stands for. It returns nil
// when the font has none or it cannot be read. The PDF library consults
// this map only for fonts without an /Encoding; a font with one (every
// Type 3 font, which Chromium writes for OpenType web fonts) would print
// its glyph names ("g1D") instead, while the map says what the text is.
func toUnicode(v pdf.Value) map[string]string {
	s := v.Key("ToUnicode")
	if s.Kind() != pdf.Stream {
		return nil
	}
	data, err := readAllLimited(s.Reader(), maxToUnicodeBytes)
	if err != nil || len(data) == 0 {
		return nil
	}
	m := parseToUnicode(data)
	if len(m) == 0 {
		return nil
	}
	return m
}

// readAllLimited reads r to its end, or fails past limit bytes. A panic in
// the PDF library's stream reader (a damaged filter) is an error.
func readAllLimited(r io.ReadCloser, limit int64) (data []byte, err error) {
	defer func() {
		if p := recover(); p != nil {
			data, err = nil, io.ErrUnexpectedEOF
		}
	}()
	defer r.Close()
	data, err = io.ReadAll(io.LimitReader(r, limit+1))
	if int64(len(data)) > limit {
		return nil, io.ErrShortBuffer
	}
	return data, err
}

// parseToUnicode reads the bfchar and bfrange sections of a ToUnicode CMap,
// tokenized as the rest of a PDF is (pdfLexer).
func parseToUnicode(data []byte) map[string]string {
	var toks []token
	for lx := (&pdfLexer{data: data}); ; {
		t := lx.next()
		if t.kind == tokEOF {
			break
		}
		toks = append(toks, t)
	}
	str := func(t token) ([]byte, bool) { return t.value, t.kind == tokString }
	out := map[string]string{}
	for i := 0; i < len(toks) && len(out) < maxToUnicodeEntries; i++ {
		switch {
		case toks[i].is("beginbfchar"):
			for i++; i+1 < len(toks) && !toks[i].is("endbfchar"); i += 2 {
				code, ok1 := str(toks[i])
				dst, ok2 := str(toks[i+1])
				if ok1 && ok2 && len(out) < maxToUnicodeEntries {
					out[string(code)] = unicodeText(dst)
				}
			}
		case toks[i].is("beginbfrange"):
			for i++; i+2 < len(toks) && !toks[i].is("endbfrange"); {
				lo, ok1 := str(toks[i])
				hi, ok2 := str(toks[i+1])
				if !ok1 || !ok2 || len(lo) != len(hi) || len(lo) == 0 {
					i++
					continue
				}
				first, last := codeValue(string(lo)), codeValue(string(hi))
				if toks[i+2].is("[") {
					// <lo> <hi> [<dst1> <dst2> ...]
					j := i + 3
					for c := first; j < len(toks) && !toks[j].is("]"); c, j = c+1, j+1 {
						if dst, ok := str(toks[j]); ok && c <= last && len(out) < maxToUnicodeEntries {
							out[string(codeBytes(c, len(lo)))] = unicodeText(dst)
						}
					}
					i = j + 1
					continue
				}
				// <lo> <hi> <dst>: the last byte of dst counts up.
				dst, ok := str(toks[i+2])
				if ok && len(dst) > 0 && last >= first {
					for c := first; c <= last && len(out) < maxToUnicodeEntries; c++ {
						d := append([]byte(nil), dst...)
						d[len(d)-1] += byte(c - first)
						out[string(codeBytes(c, len(lo)))] = unicodeText(d)
					}
				}
				i += 3
			}
		}
	}
	return out
}

// codeBytes writes code c in n bytes, big-endian.
func codeBytes(c uint32, n int) []byte {
	out := make([]byte, n)
	for i := n - 1; i >= 0; i-- {
		out[i] = byte(c)
		c >>= 8
	}
	return out
}

// unicodeText decodes a mapping's UTF-16BE text. A run of variants of one
// character, which some producers write for one glyph (a hyphen as "-",
// soft hyphen and U+2010; a space as tab, return and space), is that
// character once: the glyph shows one.
func unicodeText(b []byte) string {
	units := make([]uint16, 0, len(b)/2)
	for i := 0; i+1 < len(b); i += 2 {
		units = append(units, uint16(b[i])<<8|uint16(b[i+1]))
	}
	rs := utf16.Decode(units)
	if len(rs) == 1 && (rs[0] == '\t' || rs[0] == '\r' || rs[0] == '\n') {
		return " " // a space glyph mapped to a control character
	}
	if len(rs) > 1 {
		switch {
		case allRunes(rs, isHyphenLike):
			return "-"
		case allRunes(rs, unicode.IsSpace):
			return " "
		}
	}
	return string(rs)
}

// isHyphenLike reports whether r is a hyphen or dash a glyph may stand for.
func isHyphenLike(r rune) bool {
	return r == '-' || r == '\u00ad' || r == '\u2010' || r == '\u2011' || r == '\u2012' || r == '\u2013' || r == '\u2212'
}

func allRunes(rs []rune, f func(rune) bool) bool {
	for _, r := range rs {
		if !f(r) {
			return false
		}
	}
	return true
}
