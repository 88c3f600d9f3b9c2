package report

import (
	"bytes"
	"encoding/json"
	"io"

	"github.com/tailor-cli/tailor/match"
)

// jsonWriter writes the report as indented JSON: the schema documented in
// the README, versioned by schema_version.
type jsonWriter struct{}

func (jsonWriter) Write(w io.Writer, r *match.Report) error { return writeJSON(w, r) }

// writeJSON writes v as JSON indented by two spaces, with <, > and &
// unescaped, and a line break at the end: what a json.Encoder set so
// writes, in one Write.
func writeJSON(w io.Writer, v any) error {
	var compact bytes.Buffer
	enc := json.NewEncoder(&compact)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return err
	}
	_, err := w.Write(indentJSON(make([]byte, 0, compact.Len()*3/2), compact.Bytes()))
	return err
}

// indentJSON appends src, JSON as encoding/json writes it (valid, with no
// whitespace outside strings but a final line break), to dst indented as
// json.Indent does with no prefix and two spaces: a line for each member
// and element, `"key": value`, and {} and [] whole when empty. It copies
// a string's bytes in one run where json.Indent steps its scanner over
// each (that was a sixth of a check's report, the sample's 71 KB); held
// to json.Indent by TestIndentJSON and FuzzIndentJSON.
func indentJSON(dst, src []byte) []byte {
	depth := 0
	opened := false // after { or [, whose line break waits for what follows
	for i := 0; i < len(src); i++ {
		c := src[i]
		if opened && c != '}' && c != ']' {
			opened = false
			depth++
			dst = jsonNewline(dst, depth)
		}
		switch c {
		case '"':
			j := i + 1
			for j < len(src) && src[j] != '"' {
				if src[j] == '\\' {
					j++
				}
				j++
			}
			j = min(j, len(src)-1)
			dst = append(dst, src[i:j+1]...)
			i = j
		case '{', '[':
			opened = true
			dst = append(dst, c)
		case ',':
			dst = jsonNewline(append(dst, c), depth)
		case ':':
			dst = append(dst, ':', ' ')
		case '}', ']':
			if opened {
				opened = false
			} else {
				depth--
				dst = jsonNewline(dst, depth)
			}
			dst = append(dst, c)
		default:
			dst = append(dst, c)
		}
	}
	return dst
}

// jsonNewline appends a line break and depth levels of indentation.
func jsonNewline(dst []byte, depth int) []byte {
	dst = append(dst, '\n')
	for range depth {
		dst = append(dst, ' ', ' ')
	}
	return dst
}
