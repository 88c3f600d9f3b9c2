package text

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/tailor-cli/tailor/extract"
)

// BlockStarts returns the offsets where a new block of text starts for
// sentence splitting: headings, the line after a heading, list bullets,
// numbered items ("2. ", "3) "), paragraph breaks and lines after a line
// ending in a colon.
func BlockStarts(doc *extract.Document) []int {
	var out []int
	for i, ln := range doc.Lines {
		text := doc.Text[ln.Start:ln.End]
		start := i == 0 || ln.Heading || StartsWithBullet(text) || NumberedItem(text) ||
			ln.Start >= 2 && doc.Text[ln.Start-2:ln.Start] == "\n\n"
		if i > 0 {
			prev := doc.Lines[i-1]
			ptext := doc.Text[prev.Start:prev.End]
			start = start || prev.Heading || strings.HasSuffix(ptext, ":") || IsLabelLine(text)
		}
		if start {
			out = append(out, ln.Start)
		}
	}
	return out
}

// BulletLen returns the length of the list marker (and the space after
// it) that starts s, a bullet or an item's number ("2. "), or 0 when s
// starts with none.
func BulletLen(s string) int {
	if n := numberLen(s); n > 0 {
		return n
	}
	return glyphLen(s)
}

// ItemText returns a line or an item without its list marker and the
// spaces around it ("• Python" and "2. Python" are "Python").
func ItemText(s string) string { return strings.TrimSpace(s[BulletLen(s):]) }

// glyphLen returns the length of the bullet (and the space after it) that
// starts s, or 0.
func glyphLen(s string) int {
	n := extract.ListMarkerLen(s)
	if n > 0 && n < len(s) && s[n] == ' ' {
		n++
	}
	return n
}

// NumberedItem reports whether a line starts an item of a numbered list:
// one or two digits, a full stop or a closing bracket, and a space ("2.
// Python", "3) Kubernetes"), never a number such as "3.5 years".
func NumberedItem(s string) bool { return numberLen(s) > 0 }

// numberLen returns the length of the number that opens an item of a
// numbered list ("2. ", "3) ", "(4) "), spaces after it included, or 0.
func numberLen(s string) int {
	i := 0
	if strings.HasPrefix(s, "(") {
		i = 1
	}
	n := i
	for n < len(s) && n-i < 3 && s[n] >= '0' && s[n] <= '9' {
		n++
	}
	if d := n - i; d < 1 || d > 2 || n+1 >= len(s) || s[n+1] != ' ' {
		return 0
	}
	if !(i == 0 && (s[n] == '.' || s[n] == ')') || i == 1 && s[n] == ')') {
		return 0
	}
	n += 2
	for n < len(s) && s[n] == ' ' {
		n++
	}
	return n
}

// StartsWithBullet reports whether a line starts with a bullet ("• ",
// "- "), not a number: "3. REQUIREMENTS" may be a heading.
func StartsWithBullet(s string) bool { return glyphLen(s) > 0 }

// IsLabelLine reports whether a line reads "Label: item, item": a short
// label before a colon, as skills lists are written.
func IsLabelLine(s string) bool {
	s = s[BulletLen(s):]
	label, rest, ok := strings.Cut(s, ":")
	if !ok || strings.TrimSpace(rest) == "" || len(strings.Fields(label)) > 4 {
		return false
	}
	if first, _ := utf8.DecodeRuneInString(label); !unicode.IsUpper(first) {
		return false // "owning the whole workflow: ..." continues a sentence
	}
	for _, r := range label {
		if !unicode.IsLetter(r) && !unicode.IsSpace(r) && !strings.ContainsRune("&/-", r) {
			return false
		}
	}
	return true
}
