package screen

import (
	"crypto/sha256"
	"encoding/hex"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"

	"github.com/tailor-cli/tailor/match"

	"github.com/tailor-cli/tailor/extract"
)

// Patterns of personal data in resume text.
var (
	emailPattern = extract.EmailPattern
	urlPattern   = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(?i)\b(?:https?://|www\.)\S+|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|org|net|io|dev|me|ai|co|uk|de|se|eu|edu|app|page|site|info|xyz)(?:/\S*)?`)
	})
	phonePattern = extract.PhonePattern
	// A street address: a number, up to three capitalised words, a street
	// type ("123 Example Way", "12 Harbour Road").
	addressPattern = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`\b\d{1,5}\s+(?:[A-Z][\p{L}'-]*\s+){1,3}(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Way|Court|Ct|Place|Pl|Terrace|Close|Square|Gardens|Crescent)\b\.?`)
	})
)

// ID returns the stable short identifier blind screening uses instead of a
// file name: a prefix and the first 10 hex digits of the SHA-256 of data
// (the file's bytes, or its path when it could not be read).
func ID(prefix string, data []byte) string {
	sum := sha256.Sum256(data)
	return prefix + hex.EncodeToString(sum[:5])
}

// Anonymizer scrubs one resume's personal data from its row.
type Anonymizer struct {
	// Names finds people's names in a text (prose's entity recognizer).
	Names func(text string) []string
}

// Scrub makes row blind: it replaces the file name with id and removes
// the candidate's personal data from every string of the row that comes
// from the resume (match.Report.VisitResumeText decides which): the name
// on the document's first line and each part of it, the people's names the
// entity recognizer finds in the resume's sentences (evidence, closest
// work) wherever they appear, email addresses, phone numbers, URLs and
// street addresses. The job's words are never scrubbed: a recognised
// "name" that is a skill's or the job's term is kept.
func (a Anonymizer) Scrub(row *match.Row, doc *extract.Document, path, id string) {
	known := personalStrings(doc)
	row.File = id
	row.Error = scrubText(strings.ReplaceAll(row.Error, path, id), known)
	r := row.Report
	if r == nil {
		return
	}
	if a.Names != nil {
		// The skills' words, which a name the recognizer finds must not
		// hold ("Keras CNN" is no person).
		terms := map[string]bool{}
		for _, s := range r.Skills {
			for _, t := range []string{s.Name, s.JobTerm, s.ResumeTerm} {
				for _, w := range strings.Fields(strings.ToLower(t)) {
					terms[w] = true
				}
			}
		}
		seen := map[string]bool{}
		add := func(n string) {
			if len([]rune(n)) >= 3 && !seen[n] {
				seen[n] = true
				known = append(known, replacement{n, "[name]"})
			}
		}
		r.VisitResumeText(func(s *string, kind match.TextKind) {
			if kind != match.ResumeSentence || *s == "" {
				return
			}
			for _, n := range a.Names(*s) {
				n = withSurname(*s, n)
				words := strings.Fields(n)
				if slices.ContainsFunc(words, func(w string) bool { return terms[strings.ToLower(w)] }) {
					continue
				}
				add(n)
				for _, w := range words {
					add(w)
				}
			}
		})
		sortLongestFirst(known)
	}
	r.VisitResumeText(func(s *string, _ match.TextKind) {
		*s = scrubText(strings.ReplaceAll(*s, path, id), known)
	})
}

// surname matches the capitalised words that may follow a first name the
// recognizer found alone ("Alan" in "with Alan Turing on …").
var surname = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^(?:\s+\p{Lu}[\p{Ll}'’-]+){1,2}`) })

// withSurname returns name with the capitalised words that follow it where
// it first stands in s.
func withSurname(s, name string) string {
	i := strings.Index(s, name)
	if i < 0 {
		return name
	}
	return name + surname().FindString(s[i+len(name):])
}

// scrubText replaces the known personal strings in s, then whatever else
// reads as an email address, a URL, a street address or a phone number.
func scrubText(s string, known []replacement) string {
	if s == "" {
		return s
	}
	for _, k := range known {
		s = strings.ReplaceAll(s, k.text, k.mask)
	}
	s = emailPattern.ReplaceAllString(s, "[email]")
	s = urlPattern().ReplaceAllString(s, "[url]")
	s = addressPattern().ReplaceAllString(s, "[address]")
	return phonePattern.ReplaceAllString(s, "[phone]")
}

// sortLongestFirst orders replacements longest first, so that a whole name
// is replaced before its parts.
func sortLongestFirst(rs []replacement) {
	sort.SliceStable(rs, func(i, j int) bool { return len(rs[i].text) > len(rs[j].text) })
}

// replacement is a personal string found in the document and its mask.
type replacement struct{ text, mask string }

// personalStrings collects the document's personal strings: the name on
// its first line (whole, and each part of it), and every email address,
// phone number, URL and street address in its text. Longest first, so that
// a whole name is replaced before its parts.
func personalStrings(doc *extract.Document) []replacement {
	var out []replacement
	if name := headerName(doc); name != "" {
		out = append(out, replacement{name, "[name]"})
		for _, part := range strings.FieldsFunc(name, func(r rune) bool { return r == ' ' || r == '-' }) {
			if len([]rune(part)) >= 3 {
				out = append(out, replacement{part, "[name]"})
			}
		}
	}
	for _, p := range []struct {
		re   *regexp.Regexp
		mask string
	}{{emailPattern, "[email]"}, {urlPattern(), "[url]"}, {addressPattern(), "[address]"}, {phonePattern, "[phone]"}} {
		for _, m := range p.re.FindAllString(doc.Text, 50) {
			out = append(out, replacement{m, p.mask})
		}
	}
	sortLongestFirst(out)
	return out
}

// Contact returns how to reach a resume's writer, from its header (the
// text before its first heading): the first line when it reads as a name,
// the first email address and phone number (from the whole text when the
// header has none), and up to three links.
func Contact(doc *extract.Document) (name, email, phone string, links []string) {
	header := doc.Text
	if len(doc.Sections) > 1 && doc.Sections[0].Name == extract.SectionHeader {
		header = doc.Text[:doc.Sections[0].End]
	}
	first := func(re *regexp.Regexp) (string, string) {
		if loc := re.FindStringIndex(header); loc != nil {
			return header, header[loc[0]:loc[1]]
		}
		return doc.Text, re.FindString(doc.Text)
	}
	_, email = first(emailPattern)
	text, phone := first(phonePattern)
	phone = wholeNumber(text, phone)
	for _, l := range urlPattern().FindAllString(emailPattern.ReplaceAllString(header, ""), 3) {
		links = append(links, strings.TrimRight(l, ".,;)"))
	}
	return headerName(doc), email, phone, links
}

// wholeNumber widens a phone number found in text to the run of digits,
// spaces and marks it stands in ("+44 7700 900412", where the pattern
// stops at "44 7700 9004").
func wholeNumber(text, found string) string {
	i := strings.Index(text, found)
	if i < 0 || found == "" {
		return strings.TrimSpace(found)
	}
	inNumber := func(c byte) bool { return c >= '0' && c <= '9' || strings.IndexByte("+ ().-", c) >= 0 }
	lo, hi := i, i+len(found)
	for lo > 0 && inNumber(text[lo-1]) {
		lo--
	}
	for hi < len(text) && inNumber(text[hi]) {
		hi++
	}
	return strings.Trim(text[lo:hi], " .-(")
}

// headerName returns the document's first line when it reads as a
// person's name: two to five capitalised words of letters.
func headerName(doc *extract.Document) string {
	if len(doc.Lines) == 0 {
		return ""
	}
	line := strings.TrimSpace(doc.Text[doc.Lines[0].Start:doc.Lines[0].End])
	words := strings.Fields(line)
	if len(words) < 2 || len(words) > 5 {
		return ""
	}
	for _, w := range words {
		r := []rune(w)
		if !unicode.IsUpper(r[0]) {
			return ""
		}
		for _, c := range r {
			if !unicode.IsLetter(c) && c != '-' && c != '\'' && c != '.' {
				return ""
			}
		}
	}
	return line
}
