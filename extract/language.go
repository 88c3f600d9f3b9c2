package extract

import (
	_ "embed"
	"strings"
	"unicode"
)

// WarnNotEnglish: the document is written in another language than
// English, which the skill taxonomy and the language rules are written in.
const WarnNotEnglish = "not-english"

//go:embed stopwords.txt
var stopwordsText string

// stopwords maps each language's commonest words to its code.
var stopwords = func() map[string]string {
	m := map[string]string{}
	for _, line := range strings.Split(stopwordsText, "\n") {
		code, words, ok := strings.Cut(line, ":")
		if !ok || strings.HasPrefix(line, "#") {
			continue
		}
		for _, w := range strings.Fields(words) {
			if _, taken := m[w]; !taken { // English first: "in" is English
				m[w] = code
			}
		}
	}
	return m
}()

// languageNames names the languages of stopwords.txt for messages.
var languageNames = map[string]string{"de": "German", "fr": "French", "es": "Spanish", "pt": "Portuguese",
	"nl": "Dutch", "it": "Italian"}

// languageWarning reports a document mostly in another language than
// English: among its commonest short words, another language's outnumber
// English's three to one. Fewer than 40 such words say nothing.
func languageWarning(text string) []Warning {
	counts := map[string]int{}
	total := 0
	lower := strings.ToLower(text)
	count := func(w string) {
		if code, ok := stopwords[w]; ok {
			counts[code]++
			total++
		}
	}
	start := -1 // where the word being read starts, or -1
	for i, r := range lower {
		switch {
		case unicode.IsLetter(r):
			if start < 0 {
				start = i
			}
		case start >= 0:
			count(lower[start:i])
			start = -1
		}
	}
	if start >= 0 {
		count(lower[start:])
	}
	if total < 40 {
		return nil
	}
	best := ""
	for code, n := range counts {
		if code != "en" && (best == "" || n > counts[best]) {
			best = code
		}
	}
	if best == "" || counts[best] < 3*counts["en"] {
		return nil
	}
	return []Warning{{Code: WarnNotEnglish, Message: "The text reads as " + languageNames[best] +
		"; tailor's skill taxonomy and language rules are English, so skills written in another language are missed and the score runs low."}}
}
