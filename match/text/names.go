package text

import (
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// NameFinder finds people's names by their form, without a model: a name
// after an honorific ("Prof. Tamás Keras", "Dr Sam Okonkwo") and the names
// in a list of authors ("Chen, R., Okafor, T." or "R. Chen and T. Okafor").
// The skill finder uses it so that a skill's word inside a name is not read
// as the skill; blind screening uses it beside prose's entity recognizer.
// It is safe for concurrent use.
type NameFinder struct {
	honorific *regexp.Regexp // nil without honorifics
	words     []string       // the honorifics, as written
	titles    map[string]bool
	signoffs  map[string]bool
}

// signatureName is a line that may be a person's name: two or three words
// written as names.
var signatureName = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^[ \t]*(\p{Lu}[\p{Ll}'’-]+(?:[ \t]+\p{Lu}[\p{Ll}'’-]+){1,2})[ \t]*$`)
})

// doubleBarrelled finds a name by its double-barrelled surname: a
// capitalised word, then two capitalised words joined by a hyphen
// ("Aoife Brennan-Castillo", "led by Ewa Lindqvist-Moyo"), a form no
// technology's name takes.
var doubleBarrelled = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`\b\p{Lu}\p{Ll}+[ \t]+\p{Lu}\p{Ll}+-\p{Lu}\p{Ll}+\b`)
})

// DoubleBarrelled reports whether s is a name found by its double-barrelled
// surname alone ("Ewa Lindqvist-Moyo"): a caller that knows the skills can
// tell such a name from two of them ("Python Scikit-Learn").
func DoubleBarrelled(s string) bool {
	m := doubleBarrelled().FindStringIndex(s)
	return m != nil && m[0] == 0 && m[1] == len(s)
}

// authorPattern finds an author in a list of them: "Chen, R." or "R. Chen".
var authorPattern = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`\p{Lu}[\p{L}'’-]+,\s*\p{Lu}\.|\b\p{Lu}\.\s+\p{Lu}[\p{L}'’-]+`)
})

// NewNameFinder returns a finder for the given honorifics (words written
// before a name, such as "Prof" and "Dr", matched with or without a full
// stop, as written with a capital) and titles (words of a job title, such
// as "manager" or "recruiter": a line of two or three names right above a
// line that holds one is a signature, "Harriet Coyle" above "Principal
// Consultant", when the line above the names holds a sign-off, such as
// "regards" or "team" in "Meet the hiring team").
func NewNameFinder(honorifics, titles, signoffs []string) *NameFinder {
	f := &NameFinder{titles: map[string]bool{}, signoffs: map[string]bool{}}
	for _, t := range titles {
		f.titles[strings.ToLower(t)] = true
	}
	for _, t := range signoffs {
		f.signoffs[strings.ToLower(t)] = true
	}
	var alts []string
	for _, h := range honorifics {
		h = strings.TrimSuffix(strings.TrimSpace(h), ".")
		if h == "" {
			continue
		}
		word := strings.ToUpper(h[:1]) + h[1:]
		f.words = append(f.words, word)
		alts = append(alts, regexp.QuoteMeta(word))
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
// Honorific names anywhere count, and names with a double-barrelled
// surname; authors count on a line that lists two or more of them.
func (f *NameFinder) Find(s string) []Span {
	var out []Span
	prev := "" // the last line that was not blank
	for off := 0; off < len(s); {
		end := strings.IndexByte(s[off:], '\n')
		if end < 0 {
			end = len(s)
		} else {
			end += off
		}
		line := s[off:end]
		// A name after an honorific stays on its line; only the lines that
		// hold one of the words are searched ("Prof" is in every
		// "Professional", so the whole text would be, most of the time).
		if f.honorific != nil && f.mayHoldHonorific(line) {
			for _, m := range f.honorific.FindAllStringSubmatchIndex(line, -1) {
				out = append(out, Span{Start: off + m[2], End: off + m[3]})
			}
		}
		// Authors carry initials ("R."): a line without a capital before
		// a full stop lists none, and is not run through the expression.
		if hasInitial(line) {
			if ms := authorPattern().FindAllStringIndex(line, -1); len(ms) >= 2 {
				for _, m := range ms {
					out = append(out, Span{Start: off + m[0], End: off + m[1]})
				}
			}
		}
		if lowerHyphenUpper(line) {
			for _, m := range doubleBarrelled().FindAllStringIndex(line, -1) {
				out = append(out, Span{Start: off + m[0], End: off + m[1]})
			}
		}
		if len(line) < 80 && end < len(s) && has(f.signoffs, prev) && !has(f.titles, line) {
			if m := signatureName().FindStringSubmatchIndex(line); m != nil {
				next := s[end+1:]
				if i := strings.IndexByte(next, '\n'); i >= 0 {
					next = next[:i]
				}
				if has(f.titles, next) {
					out = append(out, Span{Start: off + m[2], End: off + m[3]})
				}
			}
		}
		if strings.TrimSpace(line) != "" {
			prev = line
		}
		off = end + 1
	}
	slices.SortFunc(out, func(a, b Span) int { return a.Start - b.Start })
	return out
}

// lowerHyphenUpper reports whether s holds a hyphen between a lower-case
// and a capital letter, as every match of doubleBarrelled does ("Lindqvist-
// Moyo"): most hyphens in a resume join words in lower case or numbers
// ("fine-tuning", "2019-2021"), and their lines need not be searched.
func lowerHyphenUpper(s string) bool {
	for i := strings.IndexByte(s, '-'); i >= 0; {
		before, _ := utf8.DecodeLastRuneInString(s[:i])
		after, _ := utf8.DecodeRuneInString(s[i+1:])
		if unicode.IsLower(before) && unicode.IsUpper(after) {
			return true
		}
		j := strings.IndexByte(s[i+1:], '-')
		if j < 0 {
			return false
		}
		i += 1 + j
	}
	return false
}

// has reports whether a line holds one of the words.
func has(words map[string]bool, line string) bool {
	// The words are cut out of the line in place: splitting every line of
	// a resume into a new slice was a fifth of finding its names.
	for w := range strings.FieldsFuncSeq(line, func(r rune) bool { return !unicode.IsLetter(r) }) {
		if words[strings.ToLower(w)] {
			return true
		}
	}
	return false
}

// maxNameBytes bounds how long a name found is: a line of authors is split
// into names of a few words each.
const maxNameBytes = 256

// InNames reports whether [start, end) overlaps one of the names (spans in
// the order Find returns them), in time that grows with the log of their
// number.
func InNames(names []Span, start, end int) bool {
	i := sort.Search(len(names), func(k int) bool { return names[k].Start >= end })
	for j := i - 1; j >= 0 && names[j].Start > start-maxNameBytes; j-- {
		if names[j].End > start {
			return true
		}
	}
	return false
}

// hasInitial reports whether s holds a capital letter right before a full
// stop, as an initial does ("R.").
func hasInitial(s string) bool {
	for i := strings.IndexByte(s, '.'); i > 0; {
		if r, _ := utf8.DecodeLastRuneInString(s[:i]); unicode.IsUpper(r) {
			return true
		}
		j := strings.IndexByte(s[i+1:], '.')
		if j < 0 {
			return false
		}
		i += j + 1
	}
	return false
}

// mayHoldHonorific reports whether s holds one of the honorifics at all, so
// that the expression runs only on texts that may name someone so.
func (f *NameFinder) mayHoldHonorific(s string) bool {
	for _, h := range f.words {
		if strings.Contains(s, h) {
			return true
		}
	}
	return false
}
