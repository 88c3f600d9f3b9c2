package text

import (
	"regexp"
	"slices"
	"strings"
)

// NameFinder finds people's names by their form, without a model: a name
// after an honorific ("Prof. Tamás Keras", "Dr Sam Okonkwo") and the names
// in a list of authors ("Chen, R., Okafor, T." or "R. Chen and T. Okafor").
// The skill finder uses it so that a skill's word inside a name is not read
// as the skill; blind screening uses it beside prose's entity recognizer.
// It is safe for concurrent use.
type NameFinder struct {
	honorific *regexp.Regexp // nil without honorifics
}

// authorPattern finds an author in a list of them: "Chen, R." or "R. Chen".
var authorPattern = regexp.MustCompile(`\p{Lu}[\p{L}'’-]+,\s*\p{Lu}\.|\b\p{Lu}\.\s+\p{Lu}[\p{L}'’-]+`)

// NewNameFinder returns a finder for the given honorifics (words written
// before a name, such as "Prof" and "Dr", matched with or without a full
// stop, as written with a capital).
func NewNameFinder(honorifics []string) *NameFinder {
	f := &NameFinder{}
	var alts []string
	for _, h := range honorifics {
		h = strings.TrimSuffix(strings.TrimSpace(h), ".")
		if h == "" {
			continue
		}
		alts = append(alts, regexp.QuoteMeta(strings.ToUpper(h[:1])+h[1:]))
	}
	if len(alts) > 0 {
		slices.Sort(alts)
		// The honorific, then one to three words written as names, on one
		// line; the submatch is the name.
		f.honorific = regexp.MustCompile(`\b(?:` + strings.Join(alts, "|") + `)\.?[ \t]+((?:\p{Lu}[\p{Ll}'’-]+[ \t]+){0,2}\p{Lu}[\p{Ll}'’-]+)`)
	}
	return f
}

// Find returns the spans of the names in s, in order of their start.
// Honorific names anywhere count; authors count on a line that lists two
// or more of them.
func (f *NameFinder) Find(s string) []Span {
	var out []Span
	if f.honorific != nil {
		for _, m := range f.honorific.FindAllStringSubmatchIndex(s, -1) {
			out = append(out, Span{Start: m[2], End: m[3]})
		}
	}
	for off := 0; off < len(s); {
		end := strings.IndexByte(s[off:], '\n')
		if end < 0 {
			end = len(s)
		} else {
			end += off
		}
		line := s[off:end]
		if ms := authorPattern.FindAllStringIndex(line, -1); len(ms) >= 2 {
			for _, m := range ms {
				out = append(out, Span{Start: off + m[0], End: off + m[1]})
			}
		}
		off = end + 1
	}
	slices.SortFunc(out, func(a, b Span) int { return a.Start - b.Start })
	return out
}
