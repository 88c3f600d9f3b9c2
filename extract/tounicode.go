package extract

import (
	"bytes"
	"encoding/hex"
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

// parseToUnicode reads the bfchar and bfrange sections of a ToUnicode CMap.
func parseToUnicode(data []byte) map[string]string {
	toks := cmapTokens(data)
	out := map[string]string{}
	for i := 0; i < len(toks) && len(out) < maxToUnicodeEntries; i++ {
		switch string(toks[i]) {
		case "beginbfchar":
			for i++; i+1 < len(toks) && string(toks[i]) != "endbfchar"; i += 2 {
				code, ok1 := hexToken(toks[i])
				dst, ok2 := hexToken(toks[i+1])
				if ok1 && ok2 && len(out) < maxToUnicodeEntries {
					out[string(code)] = unicodeText(dst)
				}
			}
		case "beginbfrange":
			for i++; i+2 < len(toks) && string(toks[i]) != "endbfrange"; {
				lo, ok1 := hexToken(toks[i])
				hi, ok2 := hexToken(toks[i+1])
				if !ok1 || !ok2 || len(lo) != len(hi) || len(lo) == 0 {
					i++
					continue
				}
				first, last := codeValue(string(lo)), codeValue(string(hi))
				if string(toks[i+2]) == "[" {
					// <lo> <hi> [<dst1> <dst2> ...]
					j := i + 3
					for c := first; j < len(toks) && string(toks[j]) != "]"; c, j = c+1, j+1 {
						if dst, ok := hexToken(toks[j]); ok && c <= last && len(out) < maxToUnicodeEntries {
							out[string(codeBytes(c, len(lo)))] = unicodeText(dst)
						}
					}
					i = j + 1
					continue
				}
				// <lo> <hi> <dst>: the last byte of dst counts up.
				dst, ok := hexToken(toks[i+2])
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

// cmapTokens splits a CMap into tokens: hex strings (with their angle
// brackets), brackets, and words.
func cmapTokens(data []byte) [][]byte {
	var toks [][]byte
	for i := 0; i < len(data); {
		c := data[i]
		switch {
		case c == '%':
			for i < len(data) && data[i] != '\n' && data[i] != '\r' {
				i++
			}
		case c == '<' && i+1 < len(data) && data[i+1] != '<':
			j := bytes.IndexByte(data[i:], '>')
			if j < 0 {
				return toks
			}
			toks = append(toks, data[i:i+j+1])
			i += j + 1
		case c == '[' || c == ']':
			toks = append(toks, data[i:i+1])
			i++
		case c <= ' ' || c == '<' || c == '>' || c == '(' || c == ')' || c == '{' || c == '}' || c == '/':
			i++
		default:
			j := i
			for j < len(data) && data[j] > ' ' && !bytes.ContainsRune([]byte("<>[](){}/%"), rune(data[j])) {
				j++
			}
			toks = append(toks, data[i:j])
			i = j
		}
	}
	return toks
}

// hexToken decodes a <hex> token; an odd last digit counts as followed by 0.
func hexToken(t []byte) ([]byte, bool) {
	if len(t) < 2 || t[0] != '<' || t[len(t)-1] != '>' {
		return nil, false
	}
	digits := make([]byte, 0, len(t))
	for _, c := range t[1 : len(t)-1] {
		if c > ' ' {
			digits = append(digits, c)
		}
	}
	if len(digits)%2 == 1 {
		digits = append(digits, '0')
	}
	out := make([]byte, len(digits)/2)
	if _, err := hex.Decode(out, digits); err != nil {
		return nil, false
	}
	return out, true
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
