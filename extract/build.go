package extract

import (
	_ "embed"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// rawLine is one line as a reader found it, before normalisation, joining
// and heading detection.
type rawLine struct {
	text     string
	page     int
	x0, x1   float64
	y, size  float64
	paraGap  bool // a paragraph break comes before this line
	markdown bool // a Markdown heading marker was stripped from this line
	level    int  // the Markdown heading's level (the count of #); 0 when unknown
	emphasis bool // the whole line was set in bold (Markdown **…** or __…__)
	// words place each word of text (PDF only), in order.
	words []wordBox
}

// wordBox is a word of a line: its byte range in the line's text and its
// horizontal extent on the page.
type wordBox struct {
	start, end int
	x0, x1     float64
}

// builder assembles Document.Text, Lines and Sections from raw lines.
type builder struct {
	dehyphenate bool // join words split by a hyphen at a line end (PDF)
	sizeHints   bool // font sizes are meaningful (PDF)
}

// build normalises raw lines and fills doc.Text, doc.Lines and doc.Sections.
func (b builder) build(doc *Document, raws []rawLine) {
	for i := range raws {
		raws[i].text = normalizeText(raws[i].text)
	}
	if b.dehyphenate {
		joinHyphenated(raws)
	}
	body := bodySize(raws)
	name := nameLine(raws, body)
	if name < 0 && b.sizeHints {
		raws = nameFirst(raws, body)
		name = nameLine(raws, body)
	}
	var sb strings.Builder
	lines := make([]Line, 0, len(raws))
	first, gap := true, false
	for i, r := range raws {
		text := strings.TrimSpace(r.text)
		gap = gap || r.paraGap
		if text == "" {
			continue
		}
		if !first {
			sb.WriteByte('\n')
			if gap {
				sb.WriteByte('\n')
			}
		}
		start := sb.Len()
		sb.WriteString(text)
		ln := Line{Start: start, End: sb.Len(), Page: r.page, X0: r.x0, X1: r.x1, Y: r.y, Size: r.size}
		ln.Heading = isHeading(text, r, first || i == name, b.sizeHints, body)
		ln.marked = ln.Heading && r.markdown
		if ln.marked {
			ln.level = r.level
		}
		ln.Emphasis = r.emphasis
		lines = append(lines, ln)
		first, gap = false, false
	}
	doc.Text = sb.String()
	doc.Lines = lines
	doc.Sections = sections(doc.Text, lines)
}

// nameLine returns the index of the line that is the document's name when
// it is not the first line ("Last Updated ..." above it): among the first
// three lines, the one set largest, at least 1.3 times the body size; -1
// when there is none.
func nameLine(raws []rawLine, body float64) int {
	best, size := -1, 1.3*body
	for i := 0; i < len(raws) && i < 3; i++ {
		if body > 0 && raws[i].size >= size && raws[i].page == raws[0].page {
			best, size = i, raws[i].size
		}
	}
	return best
}

// nameFirst moves the name to the front when it heads a column below the
// page's top rather than the page: a sidebar read first ("CONTACT ...")
// would otherwise open the document, and the name and title would become
// a section of their own. The name is the first page's largest line, set
// at least nameScale times the body size, of two to four words and no
// section's heading; the lines right under it (a title), up to a gap or a
// heading, move with it.
func nameFirst(raws []rawLine, body float64) []rawLine {
	best := -1
	for i, r := range raws {
		if r.page != raws[0].page {
			break
		}
		if body > 0 && r.size >= nameScale*body && (best < 0 || r.size > raws[best].size) {
			best = i
		}
	}
	if best <= 0 {
		return raws
	}
	text := strings.TrimSpace(raws[best].text)
	if n := len(strings.Fields(text)); n < 2 || n > 4 || strings.ContainsAny(text, "0123456789@,:|") {
		return raws
	}
	if _, known := sectionNames[headingKey(text)]; known {
		return raws
	}
	end := best + 1
	for end < len(raws) && end-best <= 2 && !raws[end].paraGap && raws[end].size < 1.15*body+0.01 {
		if _, known := sectionNames[headingKey(strings.TrimSpace(raws[end].text))]; known {
			break
		}
		end++
	}
	out := make([]rawLine, 0, len(raws))
	out = append(out, raws[best:end]...)
	out[0].paraGap = false
	rest := append(append([]rawLine{}, raws[:best]...), raws[end:]...)
	if len(rest) > 0 {
		rest[0].paraGap = true
	}
	if best < len(rest) {
		rest[best].paraGap = true
	}
	return append(out, rest...)
}

// nameScale is how much larger than the body a name below the page's top
// must be set to be moved to the front.
const nameScale = 1.6

// bodySize is the font size that covers the most characters: the size of
// body text, against which headings stand out.
func bodySize(raws []rawLine) float64 {
	count := map[float64]int{}
	for _, r := range raws {
		if r.size > 0 {
			count[roundTo(r.size, 0.5)] += utf8.RuneCountInString(r.text)
		}
	}
	best, n := 0.0, -1
	for s, c := range count {
		if c > n || c == n && s < best {
			best, n = s, c
		}
	}
	return best
}

func roundTo(v, step float64) float64 {
	return float64(int(v/step+0.5)) * step
}

// normalizeText applies Unicode NFKC (unfolding ligatures such as "ﬁ"),
// maps private-use and variant bullets to "•", drops soft hyphens and
// control characters, and collapses runs of spaces.
func normalizeText(s string) string {
	if plainASCII(s) {
		return s // what normalizeRunes gives back unchanged, found in one pass
	}
	return normalizeRunes(s)
}

// normalizeRunes is normalizeText for any line.
func normalizeRunes(s string) string {
	s = norm.NFKC.String(s)
	var sb strings.Builder
	sb.Grow(len(s))
	space := false
	for _, r := range s {
		switch {
		case r == '\u00ad' || r == '\ufeff' || r == '\u200b':
			continue
		case r == '\u2010' || r == '\u2011':
			r = '-'
		case r == '\uf0b7' || r == '\uf0a7' || r == '\u25cf' || r == '\u2219' || r == '\u25e6':
			r = '•'
		case r == '\t' || unicode.IsSpace(r):
			if !space {
				sb.WriteByte(' ')
			}
			space = true
			continue
		case unicode.IsControl(r) || r == utf8.RuneError:
			continue
		}
		space = false
		sb.WriteRune(r)
	}
	return sb.String()
}

// plainASCII reports whether s is printable ASCII with no two spaces in a
// row: normalizeText leaves such a line as it is (NFKC changes no ASCII,
// and only runs of white space, controls and a few other characters are
// rewritten), as most lines of most resumes are.
func plainASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c >= 0x7f || c == ' ' && i > 0 && s[i-1] == ' ' {
			return false
		}
	}
	return true
}

// joinHyphenated joins a word split across a line end by a hyphen
// ("distri-" + "buted" → "distributed") when the next line in the same
// paragraph continues in lower case. The continuation moves up to the first
// line, so every line still holds whole words. The hyphen stays when the
// halves form a compound: the first half already holds one
// ("sequence-to-" + "sequence"), the text writes the joined word with a
// hyphen elsewhere, or the first half is a prefix of compounds
// (compounds.txt: "multi-", "server-", "decoder-"). A name broken before a
// capital ("Py-" + "Torch") is joined when the text writes it whole
// elsewhere.
func joinHyphenated(raws []rawLine) {
	// Most texts break no word at a line's end: they need no word lists.
	if !slices.ContainsFunc(raws[:max(len(raws)-1, 0)], func(r rawLine) bool { return strings.HasSuffix(strings.TrimRight(r.text, " "), "-") }) {
		return
	}
	hyphenated := map[string]bool{} // words the text writes with a hyphen
	whole := map[string]bool{}      // words as written, without a hyphen
	for _, r := range raws {
		for _, w := range strings.Fields(r.text) {
			w = strings.Trim(w, ".,;:()\"'")
			if lw := strings.ToLower(w); strings.Contains(strings.Trim(lw, "-"), "-") {
				hyphenated[lw] = true
			} else {
				whole[w] = true
			}
		}
	}
	for i := 0; i+1 < len(raws); i++ {
		cur, next := strings.TrimRight(raws[i].text, " "), strings.TrimLeft(raws[i+1].text, " ")
		if raws[i+1].paraGap || raws[i+1].page != raws[i].page || !strings.HasSuffix(cur, "-") {
			continue
		}
		stem := cur[:len(cur)-1]
		last, _ := utf8.DecodeLastRuneInString(stem)
		first, _ := utf8.DecodeRuneInString(next)
		if !unicode.IsLetter(last) || strings.HasSuffix(stem, "-") {
			continue
		}
		if !unicode.IsLower(first) {
			// "Py-" + "Torch": a name the typesetter broke, joined only
			// when the text writes it whole elsewhere ("PyTorch" in the
			// skills); "Anglo-" + "Saxon" stays.
			word, rest, _ := strings.Cut(next, " ")
			half := stem[strings.LastIndexAny(stem, " /")+1:]
			if w := strings.TrimRight(word, ".,;:()\"'"); unicode.IsLower(last) && whole[half+w] {
				raws[i].text = stem + word
				raws[i+1].text = rest
			}
			continue
		}
		// The fragment before the hyphen must be a word part, not a
		// standalone token like "e-" or a compound's first half ending a
		// list item.
		if i := strings.LastIndexAny(stem, " -/"); len(stem)-i-1 < 2 {
			continue
		}
		word, rest, _ := strings.Cut(next, " ")
		half := stem[strings.LastIndexAny(stem, " /")+1:]
		joined := strings.Trim(strings.ToLower(half+"-"+word), ".,;:()\"'")
		if strings.Contains(word, "-") || strings.Contains(half, "-") || hyphenated[joined] ||
			compoundPrefixes[strings.ToLower(half)] {
			// "short-" + "shelf-life", "sequence-to-" + "sequence",
			// "multi-" + "account": the hyphen joins a compound.
			stem += "-"
		}
		raws[i].text = stem + word
		raws[i+1].text = rest
	}
}

//go:embed compounds.txt
var compoundsText string

// compoundPrefixes are the first halves that keep their hyphen at a line end.
var compoundPrefixes = func() map[string]bool {
	m := map[string]bool{}
	for _, line := range strings.Split(compoundsText, "\n") {
		if line = strings.TrimSpace(line); line != "" && !strings.HasPrefix(line, "#") {
			m[line] = true
		}
	}
	return m
}()

// sectionNames maps normalised heading text to a section name.
var sectionNames = func() map[string]SectionKind {
	m := map[string]SectionKind{}
	add := func(name SectionKind, headings ...string) {
		for _, h := range headings {
			m[h] = name
		}
	}
	add(SectionSummary, "summary", "professional summary", "career summary", "executive summary", "profile",
		"professional profile", "about", "about me", "objective", "career objective", "overview", "personal statement")
	add(SectionExperience, "experience", "work experience", "professional experience", "relevant experience",
		"employment", "employment history", "work history", "career history", "industry experience",
		"research experience", "experience highlights", "internships", "internship experience", "professional background")
	add(SectionEducation, "education", "academic background", "education and training", "academic qualifications",
		"academic history", "degrees")
	add(SectionSkills, "skills", "technical skills", "core skills", "key skills", "core competencies", "competencies",
		"technologies", "technical expertise", "expertise", "skills and tools", "tools and technologies",
		"tech stack", "programming languages", "languages and tools", "skills and technologies",
		"technical proficiencies", "additional skills", "skills summary", "areas of expertise")
	add(SectionProjects, "projects", "personal projects", "selected projects", "side projects", "key projects",
		"academic projects", "research projects", "open source", "open source contributions", "project experience")
	add(SectionPublications, "publications", "selected publications", "papers", "publications and talks",
		"patents", "publications and patents", "research and publications", "talks")
	add(SectionCertifications, "certifications", "certificates", "licenses and certifications",
		"certifications and training", "courses", "relevant coursework", "coursework", "training")
	// Job ad headings: their sections are Other to a resume; package match
	// reads the heading itself.
	add(SectionOther, "requirements", "minimum requirements", "basic requirements", "job requirements",
		"qualifications", "minimum qualifications", "basic qualifications", "required qualifications",
		"preferred qualifications", "preferred", "preferred skills", "nice to have", "nice to haves", "nice-to-haves",
		"bonus", "bonus points", "pluses", "responsibilities", "key responsibilities", "duties", "the role",
		"about the role", "about the team", "about the job", "about the position", "about us", "about the company",
		"who we are", "who you are", "what you will do", "what you'll do", "what you will be doing",
		"what you'll be doing", "what you bring", "what you will bring", "what you'll bring", "what you need",
		"what you will need", "what you'll need", "what we're looking for", "what we are looking for", "you have",
		"you might have", "skills and experience", "must have", "must haves", "must-haves", "benefits", "perks",
		"what we offer", "compensation", "salary", "equal opportunity", "how to apply", "our stack")
	add(SectionOther, "awards", "honors", "honours", "awards and honors", "interests", "volunteering",
		"volunteer experience", "activities", "leadership", "references", "languages", "achievements", "hobbies")
	return m
}()

// headingKey normalises a candidate heading for lookup in sectionNames.
func headingKey(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	s = strings.ReplaceAll(s, "’", "'")
	s = strings.TrimRight(s, ":.- ")
	s = strings.ReplaceAll(s, "&", " and ")
	return strings.Join(strings.Fields(s), " ")
}

// isHeading decides whether a line is a section heading: a known heading
// word ("Experience", "Technical Skills"), a Markdown or styled heading, a
// short line ending in a colon, a short all-capitals line, or a short line
// set clearly larger than the body text. The document's first line (the
// name, even as "# Name" or a Title style) is a heading only when it is a
// known heading word.
func isHeading(text string, r rawLine, first, sizeHints bool, body float64) bool {
	words := strings.Fields(text)
	if len(words) == 0 || listItem(text) {
		return false
	}
	if _, ok := sectionNames[headingKey(text)]; ok && len(words) <= 6 {
		return true
	}
	if first {
		// The first line is the name, even styled as a title or "# Name".
		return false
	}
	if r.markdown {
		return true
	}
	if len(words) > 6 {
		return false
	}
	if strings.HasSuffix(text, ":") && len(words) <= 5 {
		return true
	}
	if strings.ContainsAny(text, ",.;|@") {
		return false
	}
	if sizeHints && body > 0 && r.size >= body*1.15 {
		return true
	}
	letters, upper := 0, 0
	for _, c := range text {
		if unicode.IsLetter(c) {
			letters++
			if unicode.IsUpper(c) {
				upper++
			}
		}
	}
	return letters >= 4 && upper == letters && len(words) <= 4
}

// ListMarkers start list items: symbols on their own, dashes and stars
// when a space follows.
var ListMarkers = []string{"•", "▪", "◦", "‣", "●", "►", "▸", "➢", "➤", "✓", "✔", "◆", "→", "- ", "* ", "– ", "— ", "○ ", "■ "}

// listItem reports whether a line is an item of a list: it opens with one
// of ListMarkers ("• Python", "- JS/TS", "* AWS") or a pictograph and a
// space ("✅ Python", "🔹 Build ..."). An item is never a heading, even in
// capitals.
func listItem(line string) bool { return ListMarkerLen(line) > 0 }

// ListMarkerLen returns the length of the list marker that opens s: one of
// ListMarkers, or a pictograph followed by a space (see PictographLen); 0
// when s opens with none. The space after a marker is not counted.
func ListMarkerLen(s string) int {
	for _, b := range ListMarkers {
		if strings.HasPrefix(s, b) {
			return len(b)
		}
	}
	return PictographLen(s)
}

// PictographLen returns the length of the pictograph that opens s as a
// list bullet, with its variation selector, when a space follows it:
// pages pasted from LinkedIn and job boards mark items with emoji and
// dingbats ("✅ Strong Python", "🔹 Build pipelines", "➕ Rust"). It is 0
// when s opens otherwise, or with a symbol that is text ("© 2026", "€90k").
func PictographLen(s string) int {
	r, n := utf8.DecodeRuneInString(s)
	if !pictograph(r) {
		return 0
	}
	for {
		v, m := utf8.DecodeRuneInString(s[n:])
		if v != 0xFE0F && v != 0x200D && !pictograph(v) && (v < 0x1F3FB || v > 0x1F3FF) {
			break
		}
		n += m
	}
	if n >= len(s) || s[n] != ' ' {
		return 0
	}
	return n
}

// pictograph reports whether r is an emoji or a dingbat that can serve as
// a bullet: arrows, geometric shapes, miscellaneous symbols, dingbats and
// the emoji planes.
func pictograph(r rune) bool {
	switch {
	case r >= 0x2190 && r <= 0x21FF, // arrows
		r >= 0x25A0 && r <= 0x27BF,   // geometric shapes, miscellaneous symbols, dingbats
		r >= 0x2B00 && r <= 0x2BFF,   // miscellaneous symbols and arrows
		r >= 0x1F300 && r <= 0x1FAFF: // emoji
		return true
	}
	return false
}

// sections divides text at heading lines. Text before the first heading is
// the Header section.
func sections(text string, lines []Line) []Section {
	var out []Section
	cur := Section{Name: SectionHeader, Start: 0}
	curLevel := 0 // the Markdown level of cur's heading; 0 when unknown
	for _, ln := range lines {
		if !ln.Heading {
			continue
		}
		heading := strings.TrimRight(strings.TrimSpace(text[ln.Start:ln.End]), ":")
		name, ok := sectionNames[headingKey(heading)]
		if !ok {
			if ln.level > 0 && curLevel > 0 && ln.level > curLevel && cur.Name != SectionHeader && cur.Name != SectionOther {
				// A deeper Markdown heading inside a known section ("###
				// Staff Engineer — Acme" under "## Experience") is a role
				// or a school of that section.
				continue
			}
			if !ln.marked && cur.Name != SectionHeader && cur.Name != SectionOther {
				// An unknown heading that only looks like one (capitals,
				// size), inside a known section, is a subheading: an
				// employer or a school ("CORNELL UNIVERSITY" in
				// Education), not a new section. Marked-up headings
				// (Markdown, DOCX styles) are taken at their word.
				continue
			}
			name = SectionOther
		}
		cur.End = ln.Start
		if cur.End > cur.Start || cur.Name != SectionHeader {
			out = append(out, cur)
		}
		cur, curLevel = Section{Name: name, Heading: heading, Start: ln.End}, ln.level
	}
	cur.End = len(text)
	out = append(out, cur)
	sort.SliceStable(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	return out
}

// WordCount returns the number of words of s, separated by white space, as
// len(strings.Fields(s)) does, without making them.
func WordCount(s string) int {
	n, in := 0, false
	for i := 0; i < len(s); {
		var space bool
		if c := s[i]; c < utf8.RuneSelf {
			space = asciiSpace[c]
			i++
		} else {
			r, size := utf8.DecodeRuneInString(s[i:])
			space = unicode.IsSpace(r)
			i += size
		}
		if !space && !in {
			n++
		}
		in = !space
	}
	return n
}

// asciiSpace holds the ASCII characters unicode.IsSpace reports.
var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}
