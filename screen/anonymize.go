package screen

import (
	"crypto/sha256"
	"encoding/hex"
	"regexp"
	"sort"
	"strings"
	"unicode"

	"github.com/tailor-cli/tailor/match"

	"github.com/tailor-cli/tailor/extract"
)

// Patterns of personal data in resume text.
var (
	emailPattern = extract.EmailPattern
	urlPattern   = regexp.MustCompile(`(?i)\b(?:https?://|www\.)\S+|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|org|net|io|dev|me|ai|co|uk|de|se|eu|edu|app|page|site|info|xyz)(?:/\S*)?`)
	phonePattern = extract.PhonePattern
	// A street address: a number, up to three capitalised words, a street
	// type ("123 Example Way", "12 Harbour Road").
	addressPattern = regexp.MustCompile(`\b\d{1,5}\s+(?:[A-Z][\p{L}'-]*\s+){1,3}(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Way|Court|Ct|Place|Pl|Terrace|Close|Square|Gardens|Crescent)\b\.?`)
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
// the candidate's name (from the document's first line and from entity
// recognition), email addresses, phone numbers, URLs and street
// addresses from every text of the row that came from the resume.
func (a Anonymizer) Scrub(row *match.Row, doc *extract.Document, path, id string) {
	known := personalStrings(doc)
	scrub := func(s string, withNames bool) string {
		if s == "" {
			return s
		}
		s = strings.ReplaceAll(s, path, id)
		for _, k := range known {
			s = strings.ReplaceAll(s, k.text, k.mask)
		}
		s = emailPattern.ReplaceAllString(s, "[email]")
		s = urlPattern.ReplaceAllString(s, "[url]")
		s = addressPattern.ReplaceAllString(s, "[address]")
		s = phonePattern.ReplaceAllString(s, "[phone]")
		if withNames && a.Names != nil {
			for _, n := range a.Names(s) {
				s = strings.ReplaceAll(s, n, "[name]")
			}
		}
		return s
	}
	row.File = id
	row.Error = scrub(row.Error, false)
	if row.Report == nil {
		return
	}
	row.Report.Resume = id
	for i := range row.Report.Warnings {
		row.Report.Warnings[i].Message = scrub(row.Report.Warnings[i].Message, false)
	}
	for i := range row.Report.Skills {
		s := &row.Report.Skills[i]
		s.ResumeTerm = scrub(s.ResumeTerm, false)
		for j := range s.ResumeEvidence {
			e := &s.ResumeEvidence[j]
			e.Text = scrub(e.Text, true)
			e.Term = scrub(e.Term, false)
			e.TermStart, e.TermEnd = 0, 0
			if k := strings.Index(e.Text, e.Term); k >= 0 && e.Term != "" {
				e.TermStart, e.TermEnd = k, k+len(e.Term)
			}
		}
		if s.Suggestion != nil {
			s.Suggestion.Advice = scrub(s.Suggestion.Advice, true)
		}
	}
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
	}{{emailPattern, "[email]"}, {urlPattern, "[url]"}, {addressPattern, "[address]"}, {phonePattern, "[phone]"}} {
		for _, m := range p.re.FindAllString(doc.Text, 50) {
			out = append(out, replacement{m, p.mask})
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return len(out[i].text) > len(out[j].text) })
	return out
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
