package job

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/tailor-cli/tailor/extract"
	"github.com/tailor-cli/tailor/match/taxonomy"
	"github.com/tailor-cli/tailor/match/text"
)

// inlineLabel matches a line that opens with a label in place of a
// heading: "Requirements: 4+ years of Python; …", "Nice to have: JAX.", and
// a chat's in its bold or italics ("*Looking for:* 4+ yrs ...", "**must
// haves:** solid Kubernetes"), where it may be in lower case.
var inlineLabel = lazyRegexp(`^(?:(?:\*\*|__|\*|_)([A-Za-z][A-Za-z'’/&-]*(?: [A-Za-z'’/&-]+){0,7}):(?:\*\*|__|\*|_)|[*_]?([A-Z][A-Za-z'’/&-]*(?: [A-Za-z'’/&-]+){0,7}):[*_]?)\s+\S`)

// lowerLabel matches a line that opens with a label in lower case, as
// chats write them: "stack: Elixir + Phoenix LiveView", "would be nice:
// Rust".
var lowerLabel = lazyRegexp(`^([a-z][a-z'’/&-]*(?: [a-z'’/&-]+){0,4}):\s+\S`)

// squashSeparators divide the items of a list pasted onto one line
// ("Python - PyTorch - 401(k)", "Tech stack · Python · Go").
var squashSeparators = []string{" • ", " · ", " - ", " \\- ", " | ", "; "}

// structure is how a job ad is laid out: its parts, each of a kind, and
// where the items of squashed lists begin.
type structure struct {
	// doc is the ad with its sections replaced by its parts: Name is the
	// part's kind (a job kind, or Header before the first heading), Heading
	// its heading as written.
	doc *extract.Document
	// breaks are where the items of lists squashed onto one line begin.
	breaks []int
	// hasList reports that the ad has a requirements or preferred part:
	// what it names elsewhere is then a plus unless said otherwise.
	hasList bool
}

// readStructure finds the parts of a job ad: headings as extract found
// them, and lines a person reads as headings (a short line set in bold; or
// short, standing alone, ending in a colon, a question or an exclamation
// mark, in Title Case or capitals) when the rules know their kind; lines that open with a known label ("Nice to
// have: …") make a part of their own until the paragraph ends, and so do
// labels inside a page squashed onto one line ("... What you'll need: -
// Python"); the cells of a table whose header names a kind per column
// ("Must have · Nice to have") are parts of their column's kind; a letter's
// closing ("Kind regards,") starts its signature, which asks nothing.
// Each part's kind comes from the rules; a heading they do not know is
// Other. Sentences also break where the items of a list pasted without
// bullets begin (bareItems). doc itself is not changed.
func readStructure(doc *extract.Document, rules *taxonomy.Rules) structure {
	d := *doc
	d.Lines = slices.Clone(doc.Lines)
	// A part starts at start; the part before it ends at cut (a heading's
	// line belongs to neither).
	type boundary struct {
		cut, start int
		kind       extract.SectionKind
		heading    string
		inline     bool // a labelled line: the part ends with its paragraph
	}
	var bounds []boundary
	var labelBreaks []int // where headings inside a line start: a sentence breaks there
	markContents(&d)
	title := ""
	if len(d.Lines) > 0 {
		title = strings.ToLower(taxonomy.NormalizeHeading(d.Text[d.Lines[0].Start:d.Lines[0].End]))
	}
	// A table whose header names a kind for each column ("Must have ·
	// Nice to have"): each cell of its rows is a part of its column's kind.
	var table []midLabel    // the columns' kinds and headers, while in one
	tableRows := 0          // rows read so far
	var tableAfter boundary // the part the table interrupts, resumed after it
	chatHeaders := 0        // the chat message headers met (CueChatHeader)
	// lastPart returns the boundary of the part a heading started last (a
	// labelled line's part ends with its paragraph), or the head's.
	lastPart := func() boundary {
		for k := len(bounds) - 1; k >= 0; k-- {
			if !bounds[k].inline {
				return bounds[k]
			}
		}
		return boundary{kind: extract.SectionHeader}
	}
	for i := range d.Lines {
		ln := &d.Lines[i]
		line := d.Text[ln.Start:ln.End]
		if i == 0 {
			continue // the title
		}
		if table != nil {
			blankBefore := ln.Start > d.Lines[i-1].End+1
			cells := strings.Split(line, tableSep)
			if blankBefore && tableRows > 0 || len(cells) > len(table) || ln.Heading {
				table = nil
				resumed := tableAfter
				resumed.cut, resumed.start = ln.Start, ln.Start
				bounds = append(bounds, resumed)
			} else {
				off := 0
				for k, c := range cells {
					bounds = append(bounds, boundary{cut: ln.Start + off, start: ln.Start + off, kind: table[k].kind, heading: table[k].label})
					labelBreaks = append(labelBreaks, ln.Start+off)
					off += len(c) + len(tableSep)
				}
				tableRows++
				continue
			}
		}
		if cols := tableColumns(line, rules); cols != nil {
			tableAfter = lastPart()
			table, tableRows = cols, 0
			ln.Heading = true
			bounds = append(bounds, boundary{cut: ln.Start, start: ln.End, kind: cols[0].kind, heading: cols[0].label})
			continue
		}
		if rules.Has(taxonomy.CueChatHeader, strings.TrimSpace(line)) {
			// A chat's message header: the first is the post's; a later
			// one opens the thread's replies, which ask nothing.
			if chatHeaders++; chatHeaders > 1 {
				ln.Heading = true
				bounds = append(bounds, boundary{cut: ln.Start, start: ln.End, kind: extract.SectionCommentary, heading: strings.TrimSpace(line)})
				continue
			}
		}
		if closing(line, rules) && (2*i > len(d.Lines) || len(d.Lines)-i <= 8) {
			// "Kind regards," in an email's second half or last lines: the signature
			// after it asks nothing.
			ln.Heading = true
			bounds = append(bounds, boundary{cut: ln.Start, start: ln.End, kind: extract.SectionApply, heading: strings.TrimRight(strings.TrimSpace(line), ",")})
			continue
		}
		heading := ln.Heading || ln.Emphasis && len(strings.Fields(line)) <= 10 && !strings.HasSuffix(line, ".") ||
			(standsAlone(&d, i) || headsText(&d, i)) && looksLikeHeading(line)
		// A line in sentence case before a list or a paragraph heads it
		// when the rules know its kind ("What you won't do", "Our hiring
		// process").
		if !heading && headsPart(&d, i) && plainHeading(line) {
			_, heading = rules.SectionKind(line)
		}
		if !heading && headsBlock(&d, i) && plainHeading(line) {
			// Page furniture in sentence case ("People also viewed")
			// heads the lines under it; other kinds need more to go on.
			kind, _ := rules.SectionKind(line)
			heading = kind == extract.SectionCommentary || kind == extract.SectionApply
		}
		if heading {
			kind, ok := rules.SectionKind(line)
			// The title repeated as a heading (LinkedIn's "About the job"
			// starts with it), or a first heading that names the role (a
			// page's <h1> under its breadcrumbs), heads the role, whatever
			// its words hold: "LLM Applications Engineer (Remote, US)" is
			// no part about applying or locations, "Perception Engineer:
			// What They Do, Skills and Pay" none about pay.
			if h := strings.ToLower(taxonomy.NormalizeHeading(line)); len(title) >= 8 && strings.HasPrefix(h, title) || len(bounds) == 0 && namesRole(h, rules) {
				kind, ok = extract.SectionRole, true
			}
			if !ok {
				if !ln.Heading {
					continue
				}
				kind = extract.SectionOther
			}
			if kind == extract.SectionLocation && !ln.Heading && strings.ContainsAny(line, ",(|·") {
				// "Cinderhall Diagnostics, Elmbridge Science Park
				// (hybrid)" under the title says where, and heads
				// nothing: the part it interrupts goes on after it.
				resume := lastPart()
				resume.cut, resume.start = ln.End, ln.End
				bounds = append(bounds, boundary{cut: ln.Start, start: ln.Start, kind: kind, heading: strings.TrimSpace(line)}, resume)
				continue
			}
			ln.Heading = true
			bounds = append(bounds, boundary{cut: ln.Start, start: ln.End, kind: kind,
				heading: strings.TrimRight(strings.TrimSpace(line), ":")})
			continue
		}
		icon := extract.PictographLen(line)
		if text.StartsWithBullet(line) && icon == 0 || ln.Heading {
			continue
		}
		// A line led by an emoji may be a labelled paragraph ("💸
		// Compensation: $140K ..."): its label is read without the emoji.
		body := strings.TrimSpace(line[icon:])
		if afterBlank(&d, i) && rules.Has(taxonomy.CueAsksParagraph, line) {
			// "What we need from you is real depth in ...": in an ad
			// written as prose, a recruiter's letter too, the paragraph
			// that says what the candidate needs is its requirements
			// part, and what the others say the role does is preferred.
			bounds = append(bounds, boundary{cut: ln.Start, start: ln.Start, kind: extract.SectionRequirements, inline: true})
			continue
		}
		if m := inlineLabel().FindStringSubmatch(body); m != nil {
			label := m[1] + m[2] // one of them: in bold or italics, or not
			if kind, ok := rules.SectionKind(label); ok {
				bounds = append(bounds, boundary{cut: ln.Start, start: ln.Start, kind: kind, heading: label, inline: true})
			}
		} else if m := lowerLabel().FindStringSubmatch(body); m != nil {
			// A chat's label in lower case ("stack: Elixir + Phoenix",
			// "would be nice: Rust"), when the rules know its kind.
			if kind, ok := rules.SectionKind(m[1]); ok {
				bounds = append(bounds, boundary{cut: ln.Start, start: ln.Start, kind: kind, heading: m[1], inline: true})
			}
		} else if label, ok := squashedLabel(body); ok && !(i > 0 && d.Lines[i-1].Heading) {
			// "What you'll be doing • Build ... • Design ...": a heading
			// and its list pasted onto one line. Right under a heading,
			// the words before the first separator are the list's first
			// item ("Bonus Points" / "Embassy or RTIC experience · ...").
			if kind, ok := rules.SectionKind(label); ok {
				bounds = append(bounds, boundary{cut: ln.Start, start: ln.Start, kind: kind, heading: label, inline: true})
			}
		}
		for _, l := range midLabels(line, rules) {
			// "... every month What you'll need: - A degree ...": the next
			// heading of a page squashed onto one line.
			bounds = append(bounds, boundary{cut: ln.Start + l.off, start: ln.Start + l.off, kind: l.kind, heading: l.label, inline: true})
			labelBreaks = append(labelBreaks, ln.Start+l.off)
		}
	}
	cur := extract.Section{Name: extract.SectionHeader}
	outer := cur // the last part a heading started: it resumes after a labelled paragraph
	var parts []extract.Section
	add := func(cut int, next extract.Section) {
		cur.End = cut
		if cur.End > cur.Start || cur.Name != extract.SectionHeader {
			parts = append(parts, cur)
		}
		cur = next
	}
	for k, b := range bounds {
		add(b.cut, extract.Section{Name: b.kind, Heading: b.heading, Start: b.start})
		if !b.inline {
			outer = cur
			continue
		}
		next := len(d.Text)
		if k+1 < len(bounds) {
			next = bounds[k+1].cut
		}
		if end := paragraphEnd(d.Text, b.start); end < next {
			add(end, extract.Section{Name: outer.Name, Heading: outer.Heading, Start: end})
		}
	}
	add(len(d.Text), extract.Section{})
	requirementsFirst(parts)
	d.Sections = parts
	st := structure{doc: &d}
	for _, p := range parts {
		st.hasList = st.hasList || p.Name == extract.SectionRequirements || p.Name == extract.SectionPreferred
	}
	st.breaks = append(append(squashedItems(&d), bareItems(&d, rules)...), labelBreaks...)
	slices.Sort(st.breaks)
	st.breaks = slices.Compact(st.breaks)
	return st
}

// requirementsFirst finds the requirements of an ad that has no part
// named so, since no ad asks only nice-to-haves: a part of no known kind
// right before its first preferred part ("What We'd Love You To Have",
// then "Bonus Points For"), or else the first of two preferred parts.
func requirementsFirst(parts []extract.Section) {
	if slices.ContainsFunc(parts, func(p extract.Section) bool { return p.Name == extract.SectionRequirements }) {
		return
	}
	first := slices.IndexFunc(parts, func(p extract.Section) bool { return p.Name == extract.SectionPreferred })
	if first < 0 {
		return
	}
	if first > 0 && parts[first-1].Name == extract.SectionOther && parts[first-1].Heading != "" {
		parts[first-1].Name = extract.SectionRequirements
		return
	}
	heading := parts[first].Heading
	if !slices.ContainsFunc(parts[first+1:], func(p extract.Section) bool {
		return p.Name == extract.SectionPreferred && p.Heading != heading
	}) {
		return
	}
	for i := range parts {
		if parts[i].Name == extract.SectionPreferred && parts[i].Heading == heading {
			parts[i].Name = extract.SectionRequirements
		}
	}
}

// markContents marks the entries of a table of contents as headings: list
// items that repeat, word for word, a line further down (an article's
// sections listed at its top). They ask nothing: the parts they name do.
func markContents(d *extract.Document) {
	later := map[string]int{} // a line's words → its last index
	for i, ln := range d.Lines {
		later[contentsKey(d.Text[ln.Start:ln.End])] = i
	}
	for i := range d.Lines {
		ln := &d.Lines[i]
		line := d.Text[ln.Start:ln.End]
		if !text.StartsWithBullet(line) {
			continue
		}
		if j, ok := later[contentsKey(line)]; ok && j > i && !text.StartsWithBullet(d.Text[d.Lines[j].Start:d.Lines[j].End]) {
			ln.Heading = true
		}
	}
}

// contentsKey is a line's words in lower case, without a list marker or
// a number ("- 3. Optimizing Model Performance" → "optimizing model performance").
func contentsKey(line string) string {
	line = text.ItemText(line)
	if line != "" && line[0] >= '0' && line[0] <= '9' {
		line = numberedItem().ReplaceAllString(line, "")
	}
	return strings.Join(text.Words(line), " ")
}

// paragraphEnd returns the end of the paragraph holding off: the next blank
// line, or the text's end.
func paragraphEnd(s string, off int) int {
	if i := strings.Index(s[off:], "\n\n"); i >= 0 {
		return off + i
	}
	return len(s)
}

// paragraphStart returns where the paragraph holding off starts: its first
// character after the blank line before it and any spaces.
func paragraphStart(s string, off int) int {
	start := 0
	if i := strings.LastIndex(s[:off], "\n\n"); i >= 0 {
		start = i + 2
	}
	return start + len(s[start:]) - len(strings.TrimLeft(s[start:], " \t\n"))
}

// standsAlone reports whether line i is set apart as a heading is: a blank
// line before it, or a list or a blank line right after it.
func standsAlone(d *extract.Document, i int) bool {
	ln := d.Lines[i]
	if afterBlank(d, i) {
		return true
	}
	if i+1 >= len(d.Lines) {
		return false
	}
	next := d.Lines[i+1]
	return next.Start-ln.End >= 2 || text.StartsWithBullet(d.Text[next.Start:next.End])
}

// headsPart reports whether line i, set apart by a blank line or a page's
// footer ("Page 1 of 2") before it, is followed by a list item or by prose
// (see headsText).
func headsPart(d *extract.Document, i int) bool {
	return (afterBlank(d, i) || i > 0 && pageFooter().MatchString(d.Text[d.Lines[i-1].Start:d.Lines[i-1].End])) && headsText(d, i)
}

// pageFooter matches the line a PDF's page ends with: "Page 1 of 2", "2/3".
var pageFooter = lazyRegexp(`(?i)^\s*(page\s+)?\d{1,3}\s*(of|/)\s*\d{1,3}\s*$`)

// headsBlock reports whether line i, set apart by a blank line before it,
// heads a block of lines (two or more right after it): a page's "People
// also viewed" over the titles of other jobs, one a line.
func headsBlock(d *extract.Document, i int) bool {
	return afterBlank(d, i) && i+2 < len(d.Lines) &&
		d.Lines[i+1].Start == d.Lines[i].End+1 && d.Lines[i+2].Start == d.Lines[i+1].End+1
}

// afterBlank reports whether a blank line comes right before line i.
func afterBlank(d *extract.Document, i int) bool {
	ln := d.Lines[i]
	return ln.Start >= 2 && d.Text[ln.Start-2:ln.Start] == "\n\n"
}

// plainHeading reports whether a line in sentence case may be a heading
// when the rules know its kind ("What you won't do", "It would be great
// if you have", "📱 What you'll be doing"): at most eight words, starting
// with a letter or a symbol (no list marker, not even Markdown's escaped
// "\-"), no label, no full stop.
func plainHeading(line string) bool {
	// Markdown's emphasis as pasted from a chat or a board ("**you
	// should** ✅") is no part of the words.
	line = strings.TrimLeft(strings.TrimSpace(line), "*_")
	n := len(strings.Fields(line))
	r, _ := utf8.DecodeRuneInString(line)
	return n > 0 && n <= 8 && (unicode.IsLetter(r) || unicode.Is(unicode.So, r)) && !strings.HasSuffix(line, ".") && !strings.Contains(line, ": ")
}

// headsText reports whether line i is followed by prose or a list, as a
// heading is in a text pasted without blank lines: the next line is a list
// item, a table's row, or runs to twelve words or more.
func headsText(d *extract.Document, i int) bool {
	if i+1 >= len(d.Lines) {
		return false
	}
	next := d.Text[d.Lines[i+1].Start:d.Lines[i+1].End]
	return text.StartsWithBullet(next) || numberedItem().MatchString(next) || strings.HasPrefix(next, "|") ||
		len(strings.Fields(next)) >= 12
}

// numberedItem matches a numbered list item ("1. ", "2) ", "3.1 ") or a
// criterion's code ("E1  PhD ...", "D2  Knowledge of ...").
var numberedItem = lazyRegexp(`^(\d{1,2}[.)]|\d{1,2}\.\d{1,2}|[A-Z]\d{1,2})\s`)

// looksLikeHeading reports whether a line reads as a heading: at most
// ten words, no list marker, no table's bar, no full stop at its end, no label before
// text, and either a colon, a question or an exclamation mark at its end,
// or every longer word capitalised.
func looksLikeHeading(line string) bool {
	line = strings.TrimSpace(line)
	words := strings.Fields(line)
	if len(words) == 0 || len(words) > 10 || text.StartsWithBullet(line) || strings.HasSuffix(line, ".") || strings.Contains(line, "|") {
		return false
	}
	if i := strings.Index(line, ": "); i >= 0 {
		return false // "Bonus: JAX and CUDA" is a labelled line
	}
	if strings.HasSuffix(line, ":") || strings.HasSuffix(line, "?") || strings.HasSuffix(line, "!") {
		return true
	}
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		if len(w) > 3 && unicode.IsLetter(r) && !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

// squashedItems returns where the items of lists squashed onto one line
// begin: after each separator of a line that holds at least two of one
// kind, or that starts with a dash and holds one more ("- Python -
// PyTorch").
func squashedItems(d *extract.Document) []int {
	var out []int
	for _, ln := range d.Lines {
		line := d.Text[ln.Start:ln.End]
		for _, sep := range squashSeparators {
			n := strings.Count(line, sep)
			if n < 2 && !(n == 1 && strings.HasPrefix(line, strings.TrimLeft(sep, " "))) {
				continue
			}
			for off := 0; ; {
				i := strings.Index(line[off:], sep)
				if i < 0 {
					break
				}
				off += i + len(sep)
				out = append(out, ln.Start+off)
			}
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// bareItems returns where the items of a list pasted without its bullets
// begin: in a part that lists what the job asks or does, a line that
// starts with a capital or a digit after a line of the same paragraph
// whose last word does not carry its sentence on ("Design and operate our
// ML platform on Amazon EKS" / "Build self-service templates ...").
func bareItems(d *extract.Document, rules *taxonomy.Rules) []int {
	var out []int
	for i := 1; i < len(d.Lines); i++ {
		ln, prev := d.Lines[i], d.Lines[i-1]
		if ln.Heading || prev.Heading || ln.End <= ln.Start || prev.End <= prev.Start || ln.Start != prev.End+1 {
			continue // a heading, an empty line, or a paragraph's first line
		}
		switch d.SectionAt(ln.Start).Name {
		case extract.SectionRequirements, extract.SectionPreferred, extract.SectionResponsibilities, extract.SectionStack:
		default:
			continue
		}
		if r, _ := utf8.DecodeRuneInString(d.Text[ln.Start:ln.End]); !unicode.IsUpper(r) && !unicode.IsDigit(r) {
			continue
		}
		ptext := strings.TrimSpace(d.Text[prev.Start:prev.End])
		if ptext == "" {
			continue
		}
		last := ptext
		if k := strings.LastIndexByte(ptext, ' '); k >= 0 {
			last = ptext[k+1:]
		}
		if strings.ContainsAny(ptext[len(ptext)-1:], ",;:(") || rules.Word(taxonomy.WordsCarryOn, strings.ToLower(last)) {
			continue
		}
		out = append(out, ln.Start)
	}
	return out
}

// closing reports whether a line closes a letter: one to three words, the
// last in the rules' closings list, with a comma after it or no more than
// two words ("Kind regards,", "Best", "Many thanks,").
func closing(line string, rules *taxonomy.Rules) bool {
	line = strings.TrimSpace(line)
	var buf [4]string
	words := fieldsInto(buf[:0], strings.TrimRight(line, ",!."))
	if len(words) == 0 || len(words) > 3 || len(words) == 3 && !strings.HasSuffix(line, ",") {
		return false
	}
	return rules.Word(taxonomy.WordsClosings, words[len(words)-1])
}

// tableSep is how extract joins the cells of a table's row.
const tableSep = " · "

// tableColumns returns the kind of each column of a table's header row
// ("Must have · Nice to have"), or nil when the line is no such row: two
// to four short cells without digits, each a heading of a kind the rules
// know and no two of one kind.
func tableColumns(line string, rules *taxonomy.Rules) []midLabel {
	cells := strings.Split(line, tableSep)
	if len(cells) < 2 || len(cells) > 4 {
		return nil
	}
	var out []midLabel
	for _, c := range cells {
		kind, ok := rules.SectionKind(c)
		if !ok || len(strings.Fields(c)) > 4 || strings.ContainsAny(c, "0123456789") ||
			slices.ContainsFunc(out, func(l midLabel) bool { return l.kind == kind }) {
			return nil // a row of a table of facts ("Salary · £34,000 – £40,000")
		}
		out = append(out, midLabel{kind: kind, label: strings.TrimSpace(c)})
	}
	return out
}

// midLabel is a heading inside a line: where it starts, its kind and words.
type midLabel struct {
	off   int
	kind  extract.SectionKind
	label string
}

// midLabels finds the headings of a page squashed onto one line: a label
// the rules know, its first word in capitals, right before a colon and an
// item separator, after the start of the line ("- Present results every
// month What you'll need: - A degree ... Nice to have: - dbt"). Of the
// words before the colon, the fewest that make a known label are taken.
func midLabels(line string, rules *taxonomy.Rules) []midLabel {
	var out []midLabel
	// The line's own label ("Desired Qualifications: • ...") is an inline
	// label, not one in mid-line: its last words ("Qualifications") make
	// no part of their own.
	own := -1
	if m := inlineLabel().FindStringSubmatchIndex(line); m != nil {
		own = max(m[3], m[5])
	}
	for _, sep := range squashSeparators {
		if sep == "; " || strings.Count(line, sep) < 2 {
			continue
		}
		colon := ":" + sep
		for off := 0; ; {
			i := strings.Index(line[off:], colon)
			if i < 0 {
				break
			}
			i += off
			off = i + len(colon)
			if i == own {
				continue
			}
			words := strings.Fields(line[:i])
			start := i
			for n := 1; n <= 6 && n <= len(words); n++ {
				label := strings.Join(words[len(words)-n:], " ")
				start = strings.LastIndex(line[:start], words[len(words)-n])
				if start <= 0 {
					break // the line's own label: handled as an inline label
				}
				if r, _ := utf8.DecodeRuneInString(label); !unicode.IsUpper(r) {
					continue
				}
				if kind, ok := rules.SectionKind(label); ok {
					out = append(out, midLabel{start, kind, label})
					break
				}
			}
		}
	}
	slices.SortFunc(out, func(a, b midLabel) int { return a.off - b.off })
	return out
}

// Parts returns a job ad with its sections replaced by its parts, each of
// a job kind (see readStructure); doc itself is not changed.
func Parts(doc *extract.Document, rules *taxonomy.Rules) *extract.Document {
	return readStructure(doc, rules).doc
}

// squashedLabel returns the words before the first item separator of a
// list squashed onto one line, when they are few enough to be its heading
// ("What we're looking for · 3+ years ...", "Nice to have - Python -
// Go").
func squashedLabel(line string) (string, bool) {
	for _, sep := range []string{" • ", " · ", " - ", " \\- "} {
		if i := strings.Index(line, sep); i > 0 && strings.Count(line, sep) >= 2 {
			label := strings.TrimSpace(line[:i])
			if n := len(strings.Fields(label)); n >= 1 && n <= 6 && !strings.ContainsAny(label, ".,;") {
				return label, true
			}
		}
	}
	return "", false
}

// namesRole reports whether heading h (in lower case) names a role: five
// words or more, one of them a role's ("Perception Engineer (Autonomous
// Vehicles): What They Do, Skills and Pay").
func namesRole(h string, rules *taxonomy.Rules) bool {
	words := strings.Fields(h)
	if len(words) < 5 {
		return false
	}
	return slices.ContainsFunc(words, func(w string) bool { return rules.Word(taxonomy.WordsRoles, strings.Trim(w, ",.:;?!()")) })
}
