package job

import (
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/tailor-cli/tailor/extract"
	"github.com/tailor-cli/tailor/match/analysis"
	"github.com/tailor-cli/tailor/match/taxonomy"
	"github.com/tailor-cli/tailor/match/text"
)

// Keyword is an ask of the job that the taxonomy does not know: a term it
// names as a technology, a proper noun in its lists, or a phrase naming a
// skill ("load testing"). Keywords are scored like skills, matched
// literally in a resume.
type Keyword struct {
	// Term is the job's wording (its first use).
	Term string
	// Importance is required when any use is in a required clause.
	Importance Importance
	// Count is how often the job uses the term.
	Count int
	// First is the byte offset of the first use, for job order.
	First int
	// Evidence is the job's sentence of the first use.
	Evidence []analysis.Evidence
}

// maxKeywords is the most keyword asks a job makes, those it uses most
// first. An ad of a field the taxonomy barely knows (a PLC controls
// engineer's: ladder logic, Studio 5000, FactoryTalk, OPC UA, ...) asks
// for more than 20 of its own terms; no ad of the labelled sets reaches
// 30.
const maxKeywords = 30

// keywordCandidate gathers one term's uses in the job.
type keywordCandidate struct {
	term   string
	key    string
	first  int
	count  int
	proper bool
	// lower reports that some use is not written as a name
	// ("security engineering" beside the team "Security Engineering").
	lower bool
	// listed reports that some asked use stands in a list with a skill
	// the taxonomy knows, beside it or through other names ("COBOL, JCL,
	// CICS and DB2"): a technology, even when the blurb names it too.
	listed     bool
	importance Importance
}

// phraseFacts is what otherKeywords learns of a noun phrase before it
// asks the importance rules about it (see keywordFacts).
type phraseFacts struct {
	// tagged is the phrase as the tagger found it.
	tagged text.Phrase
	// name reports a proper name (not written as a technology) in a short
	// sentence: the company's, a product's or a place's where the job asks
	// nothing; heading that it stands in a heading.
	name, heading bool
	// owned reports a name the job uses where it says what its product
	// does (see ownProduct).
	owned bool
	// candidate reports that the phrase, trimmed to term, may be an ask:
	// it stands in a part that asks, no skill, person's name, example or
	// defined acronym covers it, and it names no person, part of the
	// company, post tag or form label.
	candidate bool
	term      text.Phrase
	key       string
	words     []string
	// named reports that term is written as a name or a technology (see
	// keywordFacts).
	named bool
}

// keywordFacts finds, for each noun phrase of the job (from NounPhrases),
// what needs none of the importance rules (see phraseFacts), so that it is
// done beside them: names written as technologies are keywords (PagerDuty,
// iOS, IAM, HLSL), as are proper nouns in its lists and phrases whose last
// word names a skill ("load testing", "code review", "canary releases");
// not overlapping a skill, not generic words.
func keywordFacts(a *analysis.Analysis, phrases []text.Phrase, listSection func(extract.Section) bool, rules *taxonomy.Rules) []phraseFacts {
	doc, covered := a.Doc, coveredBySkills(a)
	names := a.Names
	products := map[text.Span]bool{} // ownProduct's verdicts by sentence
	examples := examplesOf(a, phrases, rules)
	shoutedLines := map[int]bool{} // shouted's verdicts by line
	out := make([]phraseFacts, 0, len(phrases))
	for _, p := range phrases {
		f := phraseFacts{tagged: p}
		if li := doc.LineAt(p.Start); li >= 0 {
			v, ok := shoutedLines[li]
			if !ok {
				v = shouted(doc.Text[doc.Lines[li].Start:doc.Lines[li].End])
				shoutedLines[li] = v
			}
			f.heading = doc.Lines[li].Heading || v
		}
		// A name, as the tagger found it ("Calloway Voice", before a line's
		// first word is trimmed), maybe where nothing is asked: a heading
		// ("Why Calloway?"), the blurb, a benefit, a location clause.
		short := p.Proper && shortSentence(a, p.Start)
		f.name = short && !slices.ContainsFunc(strings.Fields(p.Text), techShaped)
		f.owned = short && ownProduct(a, rules, p.Start, products)
		if f.name || f.owned {
			f.key = phraseKey(p.Text)
		}
		out = append(out, f)
		if f.heading || !asking(doc.SectionAt(p.Start).Name) {
			continue // a part that asks nothing: importance would say so, after the work below
		}
		p = trimPhrase(doc, p, rules)
		if p.Text == "" || overlaps(covered, p.Start, p.End) || text.InNames(names, p.Start, p.End) || examples[p.Start] || a.Defined[p.Text] {
			continue // a defined acronym is a name's: "Information Technology Services (ITS)"
		}
		words := strings.Fields(p.Text)
		if len(words) == 1 && (personPlural(words[0]) || appositiveRole(doc.Text[p.End:min(p.End+48, len(doc.Text))], rules) ||
			roleBefore(doc.Text[max(p.Start-48, 0):p.Start], rules)) {
			continue // "Work with radiologists", "a call with Ravi, the engineering manager", "our hardware engineer, Maya": people
		}
		if departmentOf(doc.Text[max(p.Start-32, 0):p.Start], rules) || peopleAfter(doc.Text, p.Start, p.End, rules) {
			continue // "Head of Security Engineering", "our clinical operations leads": a part of the company
		}
		if bracketTag(doc.Text, p.Start, p.End) {
			continue // "[HIRING]", "[PAID]": a post's tags
		}
		if lineLabel(doc, p.Start, p.End) {
			continue // "DEPARTMENT: Network Operations": a form's label
		}
		last := &out[len(out)-1]
		last.candidate, last.term, last.words = true, p, words
		last.named = p.Proper && (listSection(doc.SectionAt(p.Start)) || len(words) == 1 && !strings.ContainsAny(words[0], "'’") && doc.SectionAt(p.Start).Name == extract.SectionResponsibilities && !opensItem(doc, p.Start)) ||
			slices.ContainsFunc(words, techShaped) ||
			len(words) > 1 && len(words) <= 3 && rules.Word(taxonomy.WordsSkillHeads, strings.Trim(words[len(words)-1], ".,;:()")) ||
			len(words) <= 3 && rules.Has(taxonomy.CueDomain, lineBefore(doc, p.Start, 40))
	}
	return out
}

// otherKeywords finds the job's asks beyond the taxonomy among its noun
// phrases, in what it asks (see importanceRules), from what keywordFacts
// found of them. (A phrase repeated is no ask for that alone: "strong
// mathematical foundation" twice leads to linear algebra and calculus.)
//
// The facts come on found from the tagger's goroutine (see New), which
// finds them while this one weighs the skills.
func otherKeywords(a *analysis.Analysis, found <-chan []phraseFacts, importance func(taxonomy.Hit) (Importance, bool), rules *taxonomy.Rules) []Keyword {
	doc := a.Doc
	facts := <-found
	byKey := map[string]*keywordCandidate{}
	// aside holds the proper names the job also uses where it asks
	// nothing (its blurb, a product line, a benefit, a location clause):
	// the company's, its products' and places' names.
	aside := map[string]bool{}
	// owned holds the names, even tech-shaped ones ("LumenRead"), that the
	// job uses in its blurb or where it says what its product does: the
	// company's and its products' own names.
	owned := map[string]bool{}
	asked := func(start, end int) (Importance, bool) {
		h := taxonomy.Hit{Start: start, End: end}
		imp, ok := importance(h)
		return imp, ok && !(shortSentence(a, start) && placeClause(rules, a.Clause(h)))
	}
	for _, f := range facts {
		if p := f.tagged; f.name {
			if _, ok := asked(p.Start, p.End); f.heading || !ok {
				addAside(aside, f.key)
			}
		}
		if f.owned {
			owned[f.key] = true
		}
		if !f.candidate {
			continue
		}
		p, words := f.term, f.words
		key := phraseKey(p.Text)
		c := byKey[key]
		if c == nil && !f.named {
			continue // no ask, and judging its clause costs more than the rest
		}
		imp, ok := asked(p.Start, p.End)
		if !ok { // not asked: boilerplate, an example, a place, …
			continue
		}
		if c == nil {
			c = &keywordCandidate{term: p.Text, key: key, first: p.Start, importance: Preferred}
			byKey[key] = c
		}
		c.count++
		c.proper = c.proper || f.named
		c.listed = c.listed || len(words) == 1 && (techShaped(words[0]) || capitalised(words[0]) && strings.ContainsAny(words[0], "0123456789")) &&
			listedWithSkill(a, p.Start, p.End)
		c.lower = c.lower || !capitalised(p.Text)
		if imp == Required {
			c.importance = Required
		}
	}
	var out []keywordCandidate
	for _, c := range byKey {
		if c.proper && (c.listed || !owned[c.key] && !(aside[c.key] && !c.lower && !slices.ContainsFunc(strings.Fields(c.term), techShaped))) {
			out = append(out, *c)
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].count != out[j].count {
			return out[i].count > out[j].count
		}
		return out[i].first < out[j].first
	})
	if len(out) > maxKeywords {
		out = out[:maxKeywords]
	}
	kws := make([]Keyword, len(out))
	for i, c := range out {
		heading := doc.SectionAt(c.first).Heading
		if heading == "" {
			heading = string(doc.SectionAt(c.first).Name)
		}
		ev := a.Evidence(taxonomy.Hit{Start: c.first, End: c.first + len(c.term)}, heading)
		kws[i] = Keyword{Term: c.term, Importance: c.importance, Count: c.count, First: c.first, Evidence: []analysis.Evidence{ev}}
	}
	return kws
}

// trimPhrase drops a phrase's weak leading adjectives, an imperative verb
// that starts a list item or line (the tagger reads "Run" as a name there),
// and the phrase altogether when only generic words, numbers or single
// letters are left.
func trimPhrase(doc *extract.Document, p text.Phrase, rules *taxonomy.Rules) text.Phrase {
	words := strings.Fields(p.Text)
	if li := doc.LineAt(p.Start); li >= 0 {
		line := doc.Text[doc.Lines[li].Start:p.Start]
		// The item a phrase opens: the line's, or one of a list squashed
		// onto the line (" • run tests in CI"), looked for near the
		// phrase only, so that a long line costs no more per phrase.
		near := line
		if len(near) > 64 {
			near = near[len(near)-64:]
		}
		if i := strings.LastIndexAny(near, "•▪◦·;|"); i >= 0 {
			line = near[i:]
		} else if len(near) < len(line) {
			line = near
		}
		opens := itemMarker(line)
		if opens && len(words) > 1 && len(words[0]) <= 3 && numberedMarker().MatchString(words[0]) {
			words = words[1:] // "E3 Strong programming skills": a criterion's code
		}
		if opens && len(words) > 0 && !text.IsAcronym(words[0]) && !techName(words[0]) {
			// A phrase opening a line: its first word is a verb when the
			// line reads as an instruction; keep it only if it is all
			// there is and a proper noun.
			if len(words) > 1 && !capitalised(strings.Join(words, " ")) {
				// "Writing tests", not "Raspberry Pi" or "Calloway Voice".
				words = words[1:]
			} else if !p.Proper || !techShaped(words[0]) {
				return text.Phrase{}
			}
		}
	}
	for len(words) > 0 && rules.Word(taxonomy.WordsWeak, words[0]) {
		words = words[1:]
	}
	// A verb or a modifier in lower case before a name is no part of it
	// ("troubleshoot Cisco Catalyst").
	if len(words) > 2 && p.Proper && !techShaped(words[0]) && !capitalised(words[0]) && !slices.ContainsFunc(words[1:], func(w string) bool { return !capitalised(w) || text.IsAcronym(w) }) {
		words = words[1:]
	}
	for len(words) > 1 && rules.Word(taxonomy.WordsTails, strings.ToLower(strings.Trim(words[len(words)-1], ".,;:()"))) {
		words = words[:len(words)-1]
	}
	// A noun and the gerund that makes it a skill, which the tagger reads
	// as a verb ("erasure coding").
	if next, ok := gerundAfter(doc.Text, p.End, rules); ok && len(words) > 0 && len(words) < 4 && !rules.Word(taxonomy.WordsGeneric, strings.ToLower(words[len(words)-1])) {
		words = append(words, next)
	}
	// A unit is no part of a name: "30 FPS", "2 GB RAM".
	if len(words) > 0 && unitAfterNumber(doc.Text, p.Start+strings.Index(doc.Text[p.Start:p.End], words[0]), words[0]) {
		words = words[1:]
	}
	if len(words) == 0 || len(words) > 4 || slices.ContainsFunc(words, isMarkup) || slices.ContainsFunc(words, brokenWord) || shoutedName(words) ||
		len(words) == 1 && len([]rune(strings.Trim(words[0], ".,;:()"))) < 3 {
		// One or two letters ("AA" of "WCAG 2.1 AA") name no skill the
		// taxonomy does not know.
		return text.Phrase{}
	}
	// A job title ("QA Automation Engineer") or a place, a day or a
	// language ("UK", "Friday", "English") is no term to write.
	if rules.Word(taxonomy.WordsRoles, strings.Trim(words[len(words)-1], ".,;:()")) || personPlural(words[len(words)-1]) ||
		slices.ContainsFunc(words, func(w string) bool { return notKeyword(w, rules) }) ||
		namesNoSkill(words, rules) {
		return text.Phrase{}
	}
	generic := true
	for _, w := range words {
		lw := strings.ToLower(strings.Trim(w, ".,;:()"))
		if len([]rune(lw)) > 1 && !rules.Word(taxonomy.WordsGeneric, lw) && !rules.Word(taxonomy.WordsGeneric, text.Stem(lw)) && strings.IndexFunc(lw, isLetter) >= 0 {
			generic = false
		}
	}
	if generic {
		return text.Phrase{}
	}
	term := strings.Join(words, " ")
	start := p.Start + strings.Index(doc.Text[p.Start:p.End], words[0])
	if !strings.HasPrefix(doc.Text[start:], term) {
		return text.Phrase{}
	}
	// Proper only if a proper noun is left: "Best regards" leaves "regards".
	proper := p.Proper && slices.ContainsFunc(words, func(w string) bool {
		r, _ := utf8.DecodeRuneInString(w)
		return unicode.IsUpper(r)
	})
	end := start + len(term)
	// A name takes its number: a standard's acronym ("IEC 62304", "ISO
	// 26262-2"), a product's last proper word ("Studio 5000", "OWASP Top
	// 10"), never a year ("since 2023").
	after := doc.Text[end:min(end+16, len(doc.Text))]
	if len(words) == 1 && text.IsAcronym(words[0]) {
		if m := standardNumber().FindString(after); m != "" {
			term, end = term+m, end+len(m)
		}
	} else if last, _ := utf8.DecodeRuneInString(words[len(words)-1]); proper && unicode.IsUpper(last) {
		if m := productNumber().FindString(after); m != "" && !isYear(m[1:]) {
			term, end = term+m, end+len(m)
		}
	}
	return text.Phrase{Text: term, Start: start, End: end, Proper: proper}
}

// standardNumber is the number after a standard's name: " 62304",
// " 26262-2", " 27001:2022"; productNumber the one after a product's:
// " 5000", " 10".
var (
	standardNumber = lazyRegexp(`^ \d{3,6}(?:[-:]\d{1,4})?\b`)
	productNumber  = lazyRegexp(`^ \d{1,5}\b`)
)

// unitAfterNumber reports whether the short word at start, with a capital
// in it, follows a number as its unit does: "30 FPS", "a 1-TOPS NPU", "48
// kHz". A unit names no skill.
func unitAfterNumber(s string, start int, word string) bool {
	word = strings.Trim(word, ".,;:()")
	if n := utf8.RuneCountInString(word); n > 6 || strings.IndexFunc(word, unicode.IsUpper) < 0 || start < 2 {
		return false
	}
	if sep := s[start-1]; sep != ' ' && sep != '-' {
		return false
	}
	i := start - 1
	for i > 0 && (s[i-1] >= '0' && s[i-1] <= '9' || s[i-1] == '.' || s[i-1] == ',') {
		i--
	}
	if i == start-1 || s[start-2] < '0' || s[start-2] > '9' {
		return false // no number right before, or one ending in "." or ","
	}
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return i == 0 || !unicode.IsLetter(r) && r != ':' // "30 FPS", not "F1 TV" nor "15:00 US Eastern"
}

// isYear reports whether a number is a year's: four digits from 1900 to
// 2099.
func isYear(n string) bool {
	return len(n) == 4 && (strings.HasPrefix(n, "19") || strings.HasPrefix(n, "20"))
}

// opensItem reports whether off is the first word of its line, of an
// item of a list squashed onto it or of a sentence, where every word is
// capitalised ("Write clear design docs").
func opensItem(doc *extract.Document, off int) bool {
	li := doc.LineAt(off)
	if li < 0 {
		return false
	}
	before := strings.TrimRight(doc.Text[doc.Lines[li].Start:off], " ")
	if strings.IndexFunc(before, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) < 0 {
		return true // a bullet of any kind, an emoji, or nothing
	}
	if itemMarker(before) {
		return true // "(2) Drive rendering performance", "3.1 Install"
	}
	r, _ := utf8.DecodeLastRuneInString(before)
	return strings.ContainsRune(".:;·|•-–—(!?", r)
}

// itemMarker reports whether s, the start of a line before a phrase, is
// only what opens a list item: bullets and dashes, or the number or letter
// of an item or a clause ("3.", "3.1", "2)", "(h)", "a)", "E1").
func itemMarker(s string) bool {
	s = strings.TrimLeft(s, "•▪◦‣·;|-*–—○■ \\")
	return s == "" || len(s) <= 12 && numberedMarker().MatchString(s)
}

// numberedMarker is an item's or a clause's number or letter alone, or a
// criterion's code ("E1", "D2").
var numberedMarker = lazyRegexp(`^(\(?\d{1,2}(\.\d{1,2})*[.)]?|\(?[a-z]\)|[A-Z]\d{1,2}) *$`)

// namesNoSkill reports whether two words in a row of a phrase are an
// entry of the rules' not-keywords list ("App Store", "Google Play"): a
// place to publish, not a skill.
func namesNoSkill(words []string, rules *taxonomy.Rules) bool {
	for i := 0; i+1 < len(words); i++ {
		if rules.Word(taxonomy.WordsNotKeywords, strings.Trim(words[i], ".,;:()")+" "+strings.Trim(words[i+1], ".,;:()")) {
			return true
		}
	}
	return false
}

// notKeyword reports whether a word never makes a keyword: a place, a
// day, a degree ("Master"), emphasis in capitals ("NOT"), the words of
// a range of days ("Monday–Friday") or of degrees written together
// ("B.E./B.Tech") and the like (the rules' not-keywords list).
func notKeyword(w string, rules *taxonomy.Rules) bool {
	w = strings.Trim(w, ".,;:()")
	not := func(p string) bool { return rules.Word(taxonomy.WordsNotKeywords, p) }
	return not(w) ||
		strings.ContainsAny(w, "–—") && slices.ContainsFunc(strings.FieldsFunc(w, func(r rune) bool { return r == '–' || r == '—' }), not) ||
		strings.Contains(w, "/") && !slices.ContainsFunc(strings.Split(w, "/"), func(p string) bool { return !not(p) }) // "B.E./B.Tech"
}

// gerundAfter returns the word right after end in s when it is a
// skill's last word ending in -ing ("coding", "testing").
func gerundAfter(s string, end int, rules *taxonomy.Rules) (string, bool) {
	rest, ok := strings.CutPrefix(s[end:], " ")
	if !ok {
		return "", false
	}
	i := strings.IndexFunc(rest, func(r rune) bool { return !unicode.IsLetter(r) })
	if i < 0 {
		i = len(rest)
	}
	w := rest[:i]
	return w, strings.HasSuffix(w, "ing") && rules.Word(taxonomy.WordsSkillHeads, w)
}

// techName reports whether a word is written as a technology's name is
// ("eBPF", "gRPC", "io_uring"): tech-shaped, and of letters, digits and
// the marks of names only.
func techName(w string) bool {
	return techShaped(w) && !strings.ContainsFunc(strings.TrimRight(w, ".,;:"), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !strings.ContainsRune("-_+#.", r)
	})
}

// techShaped reports whether a word is written as technologies' names are:
// an acronym of three or more letters (IAM, HLSL; two-letter ones are
// mostly places), or a capital inside it (PagerDuty, iOS, WebSocket).
func techShaped(w string) bool {
	w = strings.Trim(w, ".,;:()")
	letters, upper, inner := 0, 0, false
	for i, r := range w {
		if unicode.IsLetter(r) {
			letters++
			if unicode.IsUpper(r) {
				upper++
				inner = inner || i > 0
			}
		}
	}
	return letters >= 3 && upper == letters || letters >= 2 && inner && upper < letters
}

// isMarkup reports whether a word carries markup or code characters
// ("><img", "onerror=alert(1)"), a hashtag or a currency ("₹15L"): a
// pasted fragment or a number, never a term to write.
func isMarkup(w string) bool {
	return strings.ContainsAny(w, "<>{}=\"`|\\*@") || strings.HasPrefix(w, "#") ||
		strings.ContainsFunc(w, func(r rune) bool { return unicode.Is(unicode.Sc, r) }) || refCode(w)
}

// shoutedName reports whether words are a name written in capitals, as a
// company's is in a letterhead or a blurb ("HALVORSEN PACKAGING SYSTEMS",
// "QUAYSIDE LOGISTICS TECHNOLOGIES"): two words or more, each of four
// letters or more, all capitals. A technology's name in capitals is an
// acronym, shorter ("AWS", "SQL").
func shoutedName(words []string) bool {
	if len(words) < 2 {
		return false
	}
	for _, w := range words {
		w = strings.Trim(w, ".,;:()")
		if utf8.RuneCountInString(w) < 4 || strings.ToUpper(w) != w || strings.ContainsFunc(w, func(r rune) bool { return !unicode.IsLetter(r) }) {
			return false
		}
	}
	return true
}

// brokenWord reports whether w is the first half of a word a line break
// cut with a hyphen ("Profi-" of "Profi-\nnet", "Uni-" of "Uni- versity's").
func brokenWord(w string) bool {
	return len(w) > 2 && strings.HasSuffix(w, "-") && !strings.HasSuffix(w, "--")
}

// refCode reports whether w is written as a posting's or a form's reference
// ("BRS-PT-0412", "KDR/SF/22817", "REQ-20931"): capitals, then two more
// parts joined by "-" or "/", the last of them three digits or more, or
// one of four digits or more. An exam's code ("PL-300", "AZ-700") is a
// certification, which may be asked.
func refCode(w string) bool {
	return len(w) >= 6 && strings.ContainsAny(w, "-/") && strings.ContainsAny(w, "0123456789") &&
		refCodePattern().MatchString(strings.Trim(w, ".,;:()"))
}

// refCodePattern is the form refCode looks for.
var refCodePattern = lazyRegexp(`^[A-Z]{2,}([-/][A-Z0-9]+)+[-/]\d{3,}$|^[A-Z]{2,}[-/]\d{4,}$`)

func isLetter(r rune) bool { return r >= 'a' && r <= 'z' || r > 127 }

// phraseKey is a phrase's identity for counting: lower case, each word
// stemmed ("canary releases" and "canary release" are one term).
func phraseKey(s string) string {
	return strings.Join(text.Stems(s), " ")
}

// overlaps reports whether any hit overlaps [start, end); hits are in text
// order and do not overlap one another, as Scan returns them.
// shortSentence reports whether the sentence at off is as long as real
// ones are: judging each name in a run-on line of a hostile or broken
// paste would cost time that grows with its square.
func shortSentence(a *analysis.Analysis, off int) bool {
	sp := a.SentenceAt(off)
	return sp.End-sp.Start <= 2000
}

// capitalised reports whether every word of a term starts with a capital,
// as a name's do ("Calloway Voice", not "security engineering").
func capitalised(term string) bool {
	for _, w := range strings.Fields(term) {
		if r, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

// addAside records a name used where nothing is asked, and every run of
// its words, so that a part of it is known too.
func addAside(aside map[string]bool, key string) {
	words := strings.Fields(key)
	for i := range words {
		for j := i + 1; j <= len(words); j++ {
			aside[strings.Join(words[i:j], " ")] = true
		}
	}
}

// lineBefore returns up to n bytes of the line before off, in lower case
// ("background in " before "agriculture").
func lineBefore(doc *extract.Document, off, n int) string {
	start := max(off-n, 0)
	if i := strings.LastIndexByte(doc.Text[start:off], '\n'); i >= 0 {
		start += i + 1
	}
	return strings.ToLower(doc.Text[start:off])
}

// placeClause reports whether a clause states where the work is, who may
// do it, or travel: its names are places, not asks.
func placeClause(rules *taxonomy.Rules, clause string) bool {
	for _, k := range rules.Requirements(clause) {
		if k == taxonomy.RequireLocation || k == taxonomy.RequireAuthorization || k == taxonomy.RequireTravel {
			return true
		}
	}
	return false
}

// coveredBySkills returns the hits no keyword may overlap, in order: every
// term found, also ambiguous ones that did not count, but not a listed term
// outside a list ("management" in "state management" leaves the phrase to
// be a keyword).
func coveredBySkills(a *analysis.Analysis) []taxonomy.Hit {
	out := make([]taxonomy.Hit, 0, len(a.Raw))
	k := 0
	for _, h := range a.Raw {
		for k < len(a.Hits) && a.Hits[k].Start < h.Start {
			k++
		}
		if h.Listed && (k >= len(a.Hits) || a.Hits[k].Start != h.Start) {
			continue
		}
		out = append(out, h)
	}
	return out
}

func overlaps(hits []taxonomy.Hit, start, end int) bool {
	i := sort.Search(len(hits), func(k int) bool { return hits[k].End > start })
	return i < len(hits) && hits[i].Start < end
}

// ownProduct reports whether the sentence at off is about the employer:
// in its blurb, or saying what its product or customers do ("Our flagship
// product, LumenRead, flags suspected nodules"). cache keeps the verdicts
// by sentence.
func ownProduct(a *analysis.Analysis, rules *taxonomy.Rules, off int, cache map[text.Span]bool) bool {
	if a.Doc.SectionAt(off).Name == extract.SectionCompany {
		return true
	}
	sp := a.SentenceAt(off)
	v, ok := cache[sp]
	if !ok {
		v = aboutProduct(rules, a.Doc.Text[sp.Start:sp.End])
		cache[sp] = v
	}
	return v
}

// examplesOf finds the phrases that are examples in parentheses of the
// ask right before them, keyed by their starts: "CNNs (ResNet, U-Net)",
// "ranking metrics (NDCG, MAP)". The ask and its examples are one ask: when
// the ask is a skill, no example is a keyword of its own; when it is a
// phrase the taxonomy does not know, the first example stands for it (the
// ask's own words are often too general to search for: "metrics").
func examplesOf(a *analysis.Analysis, phrases []text.Phrase, rules *taxonomy.Rules) map[int]bool {
	examples := map[int]bool{}
	t := a.Doc.Text
	hitEnds, phraseEnds := map[int]bool{}, map[int]bool{}
	for _, h := range a.Hits {
		hitEnds[h.End] = true
	}
	for _, q := range phrases {
		if !(len(strings.Fields(q.Text)) == 1 && rules.Word(taxonomy.WordsGeneric, q.Text)) {
			phraseEnds[q.End] = true
		}
	}
	for _, p := range phrases {
		// The parenthesis opens on the same line, at most a short list
		// before the phrase.
		from := max(p.Start-maxExampleList, 0)
		open := strings.LastIndexAny(t[from:p.Start], "()\n")
		if open < 0 || t[from+open] != '(' {
			continue
		}
		open += from
		end := len(strings.TrimRight(t[:open], " "))
		if end == 0 || end < open-1 {
			continue
		}
		first := strings.TrimSpace(t[open+1:p.Start]) == ""
		if hitEnds[end] || !first && phraseEnds[end] {
			examples[p.Start] = true
		}
	}
	return examples
}

// maxExampleList is how far before an example its parenthesis may open.
const maxExampleList = 200

// shouted reports whether a line is written in capitals throughout
// ("WHAT WE NEED FROM YOU"): a heading, whose words are no acronyms.
func shouted(line string) bool {
	letters, upper := 0, 0
	for _, r := range line {
		if unicode.IsLetter(r) {
			letters++
			if unicode.IsUpper(r) {
				upper++
			}
		}
	}
	return letters >= 8 && upper == letters && len(strings.Fields(line)) >= 2
}

// personPlural reports whether a word names people by their profession
// ("radiologists", "clinicians", "statisticians"); "playlists" does not.
func personPlural(w string) bool {
	w = strings.ToLower(strings.Trim(w, ".,;:()"))
	return (strings.HasSuffix(w, "ists") && !strings.HasSuffix(w, "lists") || strings.HasSuffix(w, "ians")) && len(w) > 6
}

// roleBefore reports whether the text right before a name says who it
// is: "our hardware engineer, Maya", "the team lead, Ravi".
func roleBefore(before string, rules *taxonomy.Rules) bool {
	rest, ok := strings.CutSuffix(before, ", ")
	if !ok {
		return false
	}
	words := strings.Fields(rest)
	if len(words) < 2 {
		return false
	}
	words = words[max(len(words)-4, 0):]
	last := strings.Trim(words[len(words)-1], ".,;:()")
	if !rules.Word(taxonomy.WordsRoles, last) && !rules.Word(taxonomy.WordsTitles, last) {
		return false
	}
	return slices.ContainsFunc(words[:len(words)-1], func(w string) bool {
		w = strings.ToLower(w)
		return w == "our" || w == "the" || w == "their" || w == "your"
	})
}

// departmentOf reports whether the text before a phrase ends with a title
// and "of", so that the phrase names the part of the company the title
// heads ("Head of Security Engineering", "VP of Data").
func departmentOf(before string, rules *taxonomy.Rules) bool {
	rest, ok := strings.CutSuffix(before, " of ")
	if !ok {
		return false
	}
	return rules.Word(taxonomy.WordsTitles, rest[strings.LastIndexAny(rest, " \t\n(,")+1:])
}

// peopleAfter reports whether the word after a phrase names people by
// their role, in the plural (see wordAfter): the phrase says which people
// ("our own clinical operations leads").
func peopleAfter(s string, start, end int, rules *taxonomy.Rules) bool {
	w := wordAfter(s, taxonomy.Hit{Start: start, End: end})
	return strings.HasSuffix(w, "s") && rules.Word(taxonomy.WordsRoles, w)
}

// bracketTag reports whether s[start:end] is a tag in square brackets
// written in capitals, as posts on boards and chats carry them ("[HIRING]",
// "[PAID]").
func bracketTag(s string, start, end int) bool {
	return start > 0 && end < len(s) && s[start-1] == '[' && s[end] == ']' && strings.ToUpper(s[start:end]) == s[start:end]
}

// appositiveRole reports whether the text after a name says who it is:
// ", the engineering manager", ", our CTO", ", Head of Security".
func appositiveRole(after string, rules *taxonomy.Rules) bool {
	rest, ok := strings.CutPrefix(after, ", ")
	if !ok {
		return false
	}
	words := strings.Fields(rest)
	if len(words) == 0 {
		return false
	}
	if w := strings.Trim(words[0], ".,;:()"); capitalised(w) && rules.Word(taxonomy.WordsTitles, w) {
		return true // ", Head of Security Engineering", ", CTO"
	}
	if len(words) < 2 || words[0] != "the" && words[0] != "our" && words[0] != "their" && words[0] != "a" {
		return false
	}
	for _, w := range words[1:min(len(words), 5)] {
		w = strings.Trim(w, ".,;:()")
		if rules.Word(taxonomy.WordsRoles, w) || rules.Word(taxonomy.WordsTitles, w) {
			return true
		}
		if strings.ContainsAny(w, ".,;") {
			break
		}
	}
	return false
}

// listedWithSkill reports whether the name at start..end stands in a list
// with a skill the taxonomy knows, next to it or through other names: a
// comma, "and", "or", "&" or "/" between each two ("COBOL, JCL, CICS and
// DB2"). Names listed only with names ("Switch, PlayStation or Xbox")
// are not enough.
func listedWithSkill(a *analysis.Analysis, start, end int) bool {
	t := a.Doc.Text
	for pos, steps := start, 0; steps < 4; steps++ {
		from := max(pos-40, 0)
		left := strings.TrimRight(t[from:pos], " ")
		l, ok := cutListSeparator(left, true)
		if !ok {
			break
		}
		l = strings.TrimRight(l, " ")
		if hitEndsAt(a, from+len(l)) {
			return true
		}
		w := lastField(l)
		if w == "" || !capitalised(w) {
			break
		}
		pos = from + len(l) - len(w)
	}
	for pos, steps := end, 0; steps < 4; steps++ {
		to := min(pos+40, len(t))
		right := strings.TrimLeft(t[pos:to], " ")
		r, ok := cutListSeparator(right, false)
		if !ok {
			break
		}
		r = strings.TrimLeft(r, " ")
		if hitStartsAt(a, to-len(r)) {
			return true
		}
		w := strings.TrimRight(firstField(r), ",/&")
		if w == "" || !capitalised(w) {
			break
		}
		pos = to - len(r) + len(w)
	}
	return false
}

// cutListSeparator cuts a list's separator from the end of s (suffix) or
// its start.
func cutListSeparator(s string, suffix bool) (string, bool) {
	for _, sep := range []string{",", "/", "&", "and", "or"} {
		if suffix {
			if r, ok := strings.CutSuffix(s, sep); ok && (len(sep) == 1 || strings.HasSuffix(r, " ")) {
				return r, true
			}
		} else if r, ok := strings.CutPrefix(s, sep); ok && (len(sep) == 1 || strings.HasPrefix(r, " ")) {
			return r, true
		}
	}
	return s, false
}

// hitEndsAt reports whether a skill hit of the analysis ends at off.
func hitEndsAt(a *analysis.Analysis, off int) bool {
	return slices.ContainsFunc(a.Hits, func(h taxonomy.Hit) bool { return h.End == off })
}

// hitStartsAt reports whether a skill hit of the analysis starts at off.
func hitStartsAt(a *analysis.Analysis, off int) bool {
	return slices.ContainsFunc(a.Hits, func(h taxonomy.Hit) bool { return h.Start == off })
}

// lastField returns the last word of s, "" for none.
func lastField(s string) string {
	if f := strings.Fields(s); len(f) > 0 {
		return f[len(f)-1]
	}
	return ""
}

// firstField returns the first word of s, "" for none.
func firstField(s string) string {
	if f := strings.Fields(s); len(f) > 0 {
		return f[0]
	}
	return ""
}

// lineLabel reports whether the phrase at start..end is a label: the
// line's first words, a colon right after them ("DEPARTMENT: Network
// Operations Centre").
func lineLabel(doc *extract.Document, start, end int) bool {
	if end >= len(doc.Text) || doc.Text[end] != ':' {
		return false
	}
	li := doc.LineAt(start)
	return li >= 0 && strings.TrimLeft(doc.Text[doc.Lines[li].Start:start], " \t*_#>-•") == ""
}
