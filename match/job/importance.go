package job

import (
	"slices"
	"sort"
	"strings"
	"unicode"

	"github.com/tailor-cli/tailor/extract"
	"github.com/tailor-cli/tailor/match/analysis"
	"github.com/tailor-cli/tailor/match/taxonomy"
	"github.com/tailor-cli/tailor/match/text"
)

// asking reports whether a part of a job ad of this kind asks anything of
// the candidate: the company, pay and perks, notices, how to apply, where
// the work is, and an article's commentary do not.
func asking(kind extract.SectionKind) bool {
	switch kind {
	case extract.SectionCompany, extract.SectionBenefits, extract.SectionLegal, extract.SectionApply,
		extract.SectionLocation, extract.SectionCommentary:
		return false
	}
	return true
}

// listing reports whether a part of this kind lists what the candidate
// needs or would ideally have, or the tools of the team: there an
// ambiguous name is the technology, and a sentence is an ask, not an
// example or a comment.
func listing(kind extract.SectionKind) bool {
	return kind == extract.SectionRequirements || kind == extract.SectionPreferred || kind == extract.SectionStack
}

// lineText returns the line that holds offset, or "" when none does.
func lineText(doc *extract.Document, offset int) string {
	li := doc.LineAt(offset)
	if li < 0 {
		return ""
	}
	return doc.Text[doc.Lines[li].Start:doc.Lines[li].End]
}

// listItem reports whether the line at offset is an item of a list, by
// its marker: a requirements part's prose around its list may comment on
// the market ("Across the industry, analysts usually know DAX"), its items
// ask.
func listItem(doc *extract.Document, offset int) bool {
	return text.BulletLen(strings.TrimLeft(lineText(doc, offset), " \t")) > 0
}

// ListSection returns the test of which parts of a job ad read with
// readStructure list skills.
func ListSection(s extract.Section) bool { return listing(s.Name) }

// importanceRules returns the function that says how much the job asks for
// what it names at a hit, and false when it does not ask for it at all:
// in a part that asks nothing, on a heading, said of people ("our ML
// engineers"), in a clause that says it is
// not needed or names a degree's field, in a sentence about pay or benefits, in a question the
// reader asks, and outside the lists, in worked examples, commentary and
// what the company's product does. The cues are regular expressions, so
// each sentence and clause is judged once.
func importanceRules(st structure, a *analysis.Analysis, rules *taxonomy.Rules) func(taxonomy.Hit) (Importance, bool) {
	doc := st.doc
	// aside: an example, or (outside a list) commentary or the product;
	// context: commentary or the product, which a clause that asks in so
	// many words overrides ("the preview is built on three.js, so WebGL
	// experience would be an advantage").
	type sentenceCues struct{ boilerplate, question, aside, context, disowned, plusAfter, musts bool }
	type clauseCues struct{ preferred, required, negated, degree bool }
	// An ad without a requirements part asks all it names as required,
	// unless cued as a plus.
	hasList := st.hasList
	if !hasList {
		// An ad that states its musts in a sentence of their own ("Must-haves
		// are strong PyTorch and distributed training") asks the rest as
		// a plus, as a list of requirements would.
		for _, sp := range a.Sentences {
			if sec := doc.SectionAt(sp.Start); asking(sec.Name) && sec.Name != extract.SectionHeader && rules.Has(taxonomy.CueMusts, doc.Text[sp.Start:sp.End]) {
				hasList = true
				break
			}
		}
	}
	// An ad that codes its criteria (E1 essential, D1 desirable) asks its
	// D ones as a plus, whatever part they sit in.
	coded := slices.ContainsFunc(doc.Lines, func(ln extract.Line) bool {
		t := strings.TrimSpace(doc.Text[ln.Start:ln.End])
		// Only a line that opens with a letter and a digit may hold a
		// code: the cue is asked of no other.
		return len(t) > 2 && unicode.IsLetter(rune(t[0])) && unicode.IsDigit(rune(t[1])) && rules.Has(taxonomy.CueEssentialCode, t)
	})
	sentences := map[text.Span]sentenceCues{}
	clauses := map[string]clauseCues{}
	contrasts := map[text.Span][]int{} // by clause: where its contrasts' commas stand
	others := map[string]bool{}        // othersWork's verdicts by item
	stories := map[int]bool{}          // tellsStory's verdicts by paragraph start
	return func(h taxonomy.Hit) (Importance, bool) {
		sec := doc.SectionAt(h.Start)
		if !asking(sec.Name) {
			return "", false
		}
		if li := doc.LineAt(h.Start); li > 0 && doc.Lines[li].Heading {
			return "", false
		} else if li == 0 && h.Skill != nil && rules.Word(taxonomy.WordsFieldSkills, h.Skill.ID) {
			return "", false // "Machine Learning Engineer, Search": the job's field
		} else if namesField(doc.Text, h, rules) || criterionCode(doc, h) {
			return "", false
		}
		// A person's name is no skill anywhere, the header too ("Ray's
		// team", "Hannah Rust, Head of ..."); a role word after a name
		// outside the header says who the team has ("Go engineers").
		if sec.Name != extract.SectionHeader && namesPeople(doc.Text, h, rules) || !h.Phrase && (possessedRole(doc.Text, h, rules) || surname(doc.Text, h, rules)) ||
			negatedBefore(doc.Text, h, rules) || namedBefore(doc.Text, h, rules) || retiredBefore(doc.Text, h, rules) || retiredAfter(doc.Text, h, rules) {
			return "", false
		}
		sent := a.SentenceAt(h.Start)
		sc, ok := sentences[sent]
		if !ok {
			s := doc.Text[sent.Start:sent.End]
			s = text.ItemText(s)
			sc = sentenceCues{
				boilerplate: rules.Has(taxonomy.CueBoilerplate, s),
				question:    rules.Has(taxonomy.CueQuestion, s),
				aside:       rules.Has(taxonomy.CueExample, s) || tellsStory(doc.Text, sent, a, rules, stories),
				context:     (!listing(sec.Name) || !listItem(doc, sent.Start)) && rules.Has(taxonomy.CueCommentary, s) || !listing(sec.Name) && aboutProduct(rules, s) && !rules.Has(taxonomy.CueYourWork, s),
				disowned:    rules.Has(taxonomy.CueDisowned, s) || disownedAfter(doc.Text, sent, a, rules),
				plusAfter:   rules.Has(taxonomy.CuePlusAfter, s),
				musts:       rules.Has(taxonomy.CueMusts, s),
			}
			sentences[sent] = sc
		}
		if sc.boilerplate || sc.question || sc.aside {
			return "", false
		}
		sp := a.ClauseSpan(h)
		cs, ok := contrasts[sp]
		if !ok {
			cs = contrastCuts(doc.Text, sp, rules)
			contrasts[sp] = cs
		}
		cl := withoutOthersAsides(doc.Text, narrow(sp, cs, h), h, a.Hits)
		cc, ok := clauses[cl]
		if !ok {
			cc = clauseCues{rules.Has(taxonomy.CuePreferred, cl), rules.Has(taxonomy.CueRequired, cl),
				rules.Has(taxonomy.CueNegation, cl), rules.Has(taxonomy.CueDegree, cl)}
			clauses[cl] = cc
		}
		if (sc.context || sc.disowned) && !cc.preferred && !cc.required {
			return "", false
		}
		switch {
		case cc.negated || cc.degree:
			return "", false
		case othersWork(doc.Text, sp, h, rules, others):
			// Other people's work asks nothing, even in a list of
			// requirements ("Penetration testing is delivered by our
			// offensive security practice", "Kubernetes (run by our
			// Platform team)").
			return "", false
		case sec.Name == extract.SectionPreferred || cc.preferred || sc.plusAfter && !cc.required || coded && desirableLine(doc, h.Start, rules):
			return Preferred, true
		case sec.Name == extract.SectionRequirements || cc.required || sc.musts || !hasList && sec.Name != extract.SectionStack:
			return Required, true
		}
		return Preferred, true
	}
}

// disownedAfter reports whether the sentence after sent, in the same
// paragraph, says that what sent names is not needed (the disowns-before
// cue: "None of this is required for the role").
func disownedAfter(s string, sent text.Span, a *analysis.Analysis, rules *taxonomy.Rules) bool {
	rest := s[sent.End:]
	gap := len(rest) - len(strings.TrimLeft(rest, " \t\n"))
	if gap == len(rest) || strings.Contains(rest[:gap], "\n\n") {
		return false
	}
	next := a.SentenceAt(sent.End + gap)
	if next.Start != sent.End+gap {
		return false
	}
	return rules.Has(taxonomy.CueDisownsBefore, strings.TrimSpace(s[next.Start:next.End]))
}

// tellsStory reports whether sentence sent lies in a paragraph whose first
// sentence announces a worked example or an anecdote (the story cue: "A
// typical problem: ..."), whichever sentence of it sent is.
func tellsStory(s string, sent text.Span, a *analysis.Analysis, rules *taxonomy.Rules, cache map[int]bool) bool {
	start := paragraphStart(s, sent.Start)
	v, ok := cache[start]
	if !ok {
		first := sent
		if start < sent.Start {
			first = a.SentenceAt(start)
		}
		line := s[first.Start:first.End]
		v = rules.Has(taxonomy.CueStory, text.ItemText(line))
		cache[start] = v
	}
	return v
}

// othersWork reports whether the item of clause sp that holds hit h, the
// text between the commas around it, says another team, a vendor or a
// partner does the work (the others cue).
func othersWork(s string, sp text.Span, h taxonomy.Hit, rules *taxonomy.Rules, cache map[string]bool) bool {
	lo, hi := min(sp.Start, h.Start), max(sp.End, h.End)
	clo, chi := lo, hi
	if i := strings.LastIndexByte(s[lo:h.Start], ','); i >= 0 {
		lo += i + 1
	}
	if i := strings.IndexByte(s[h.End:hi], ','); i >= 0 {
		hi = h.End + i
	}
	// An item that opens with "who" or "built by" says it of the item
	// before ("the firmware team, who own the embedded Linux image"); the
	// item after that opens with "built by" says it of this one ("Node.js
	// on Google Cloud, maintained by the platform squad"), one that opens
	// with "who" only of the last words of this one ("with the platform
	// team, who own ...").
	if lo > clo && (opensWith(s[lo:hi], rules, taxonomy.WordsAttach) || opensWith(s[lo:hi], rules, taxonomy.WordsRelatives)) {
		if i := strings.LastIndexByte(s[clo:lo-1], ','); i >= 0 {
			lo = clo + i + 1
		} else {
			lo = clo
		}
	}
	if hi < chi && opensWith(s[hi+1:chi], rules, taxonomy.WordsAttach) {
		if i := strings.IndexByte(s[hi+1:chi], ','); i >= 0 {
			hi = hi + 1 + i
		} else {
			hi = chi
		}
	}
	item := s[lo:hi]
	v, ok := cache[item]
	if !ok {
		v = rules.Has(taxonomy.CueOthers, item)
		cache[item] = v
	}
	return v
}

// contrastCuts returns where, in the clause sp of s, a comma stands before
// a contrast (", but", ", although" and the like), in order. Each starts a
// clause of its own, so that a cue on one side does not reach the other
// ("WebGL experience would be an advantage, but you won't be writing
// shaders").
func contrastCuts(s string, sp text.Span, rules *taxonomy.Rules) []int {
	var out []int
	for i := sp.Start; i < sp.End; i++ {
		if s[i] != ',' {
			continue
		}
		word, _, _ := strings.Cut(strings.TrimLeft(s[i+1:sp.End], " "), " ")
		if rules.Word(taxonomy.WordsContrasts, strings.ToLower(word)) {
			out = append(out, i)
		}
	}
	return out
}

// narrow returns the part of the clause sp around a hit between the
// contrast cuts (sorted) of sp.
func narrow(sp text.Span, cuts []int, h taxonomy.Hit) text.Span {
	k := sort.SearchInts(cuts, h.Start)
	if k > 0 {
		sp.Start = cuts[k-1] + 1
	}
	if k < len(cuts) && cuts[k] >= h.End {
		sp.End = cuts[k]
	}
	return sp
}

// withoutOthersAsides returns the text of the clause sp of s around the
// hit h without the parentheses that name skills of their own and not h:
// their cues speak of those skills only, so that "(TypeScript or Python
// ideally)" makes neither AWS nor IAM a plus in "a grasp of web security
// (TypeScript or Python ideally), and of AWS IAM". A parenthesis with no
// skill of its own ("Kafka (a plus)") speaks of what it follows, and
// stays. hits are in text order.
func withoutOthersAsides(s string, sp text.Span, h taxonomy.Hit, hits []taxonomy.Hit) string {
	cl := s[sp.Start:sp.End]
	if !strings.Contains(cl, "(") {
		return cl
	}
	var b strings.Builder
	last := 0
	for i := 0; i < len(cl); i++ {
		if cl[i] != '(' {
			continue
		}
		j := strings.IndexByte(cl[i:], ')')
		if j < 0 {
			break
		}
		open, end := sp.Start+i, sp.Start+i+j+1
		k := sort.Search(len(hits), func(k int) bool { return hits[k].Start >= open })
		if (h.Start < open || h.Start >= end) && k < len(hits) && hits[k].Start < end {
			b.WriteString(cl[last:i])
			last = i + j + 1
		}
		i += j
	}
	if last == 0 {
		return cl
	}
	b.WriteString(cl[last:])
	return b.String()
}

// namesPeople reports whether a skill's name is said of people or a team
// ("our two ML engineers", "our data engineering team"): the word after it
// is a role's or a team's. A skill said in other words names no one: its
// words may end right before the people they are for ("explain results to
// non-technical colleagues").
func namesPeople(s string, h taxonomy.Hit, rules *taxonomy.Rules) bool {
	return !h.Phrase && rules.Word(taxonomy.WordsRoles, wordAfter(s, h)) || saidOfPeople(s, h, rules)
}

// possessedRole reports whether a skill's name owns people: "Ray's team
// also owns speaker diarization" (the role words of the rules).
func possessedRole(s string, h taxonomy.Hit, rules *taxonomy.Rules) bool {
	rest := s[h.End:]
	for _, mark := range []string{"'s ", "’s "} {
		if after, ok := strings.CutPrefix(rest, mark); ok {
			var buf [2]string
			if words := fieldsInto(buf[:0], after[:min(len(after), 24)]); len(words) > 0 {
				return rules.Word(taxonomy.WordsRoles, strings.Trim(words[0], ".,;:()"))
			}
		}
	}
	return false
}

// surname reports whether a skill's name is the second of a person's two
// names, which the text around them says is a person: a role before
// ("our verification lead, Lucia Scala") or after ("Hannah Rust, Head of
// Security Engineering").
func surname(s string, h taxonomy.Hit, rules *taxonomy.Rules) bool {
	before := s[max(0, h.Start-64):h.Start]
	i := strings.LastIndexByte(strings.TrimRight(before, " "), ' ')
	given := strings.TrimSpace(before[i+1:])
	if i < 0 || !strings.HasSuffix(before, " ") || !capitalised(given) || strings.ContainsAny(given, ".,;:()") || text.IsAcronym(given) {
		return false
	}
	return roleBefore(before[:i+1], rules) || appositiveRole(s[h.End:min(len(s), h.End+64)], rules)
}

// saidOfPeople reports whether a skill's name stands in parentheses right
// after a count of people named by their role: "3 frontend engineers, 2
// backend engineers (Go)" tells who the team has, not what it asks ("a
// Backend Engineer (Go)" names the role, "our safety engineers (ISO
// 13849)" the work).
func saidOfPeople(s string, h taxonomy.Hit, rules *taxonomy.Rules) bool {
	before := strings.TrimRight(s[max(0, h.Start-48):h.Start], " ")
	for _, q := range []string{"(all", "(mostly"} {
		if strings.HasSuffix(before, q) {
			before = strings.TrimSuffix(before, q[1:]) // "three iOS engineers (all Swift)"
		}
	}
	if !strings.HasSuffix(before, "(") {
		return false
	}
	words := strings.Fields(strings.TrimSuffix(before, "("))
	if len(words) < 2 || !rules.Word(taxonomy.WordsRoles, strings.ToLower(words[len(words)-1])) {
		return false
	}
	for _, w := range words[max(0, len(words)-4) : len(words)-1] {
		if _, ok := rules.Number(w); ok {
			return true // "2 backend engineers (Go)", "three iOS engineers (all Swift)"
		}
	}
	return false
}

// namesField reports whether a field's name (see taxonomy.WordsFieldSkills)
// qualifies the word after it rather than asks for the field ("ML
// venues", "ML workloads", "a Speech ML Engineer"), even in an ad's head.
func namesField(s string, h taxonomy.Hit, rules *taxonomy.Rules) bool {
	if h.Skill == nil || !rules.Word(taxonomy.WordsFieldSkills, h.Skill.ID) {
		return false
	}
	w := wordAfter(s, h)
	return rules.Word(taxonomy.WordsRoles, w) || rules.Word(taxonomy.WordsFieldNouns, w)
}

// wordAfter returns the word right after a hit, past spaces and without
// the punctuation around it, or "" when no space follows the hit.
func wordAfter(s string, h taxonomy.Hit) string {
	rest := strings.TrimLeft(s[h.End:], " ")
	if len(rest) == len(s[h.End:]) && h.End < len(s) {
		return "" // not followed by a space
	}
	word := rest
	if i := strings.IndexAny(rest, " \t\n"); i >= 0 {
		word = rest[:i] // the line may end after it
	}
	return strings.Trim(word, ".,;:()")
}

// withoutRelatives returns s without the items that open with a relative
// word after a comma (", who own our gRPC service"): they say what others
// do only of the words right before them, which othersWork judges item by
// item, not of the whole sentence.
func withoutRelatives(s string, rules *taxonomy.Rules) string {
	if !strings.Contains(s, ", ") {
		return s
	}
	parts := strings.Split(s, ", ")
	kept := parts[:1]
	for _, p := range parts[1:] {
		if !opensWith(p, rules, taxonomy.WordsRelatives) {
			kept = append(kept, p)
		}
	}
	if len(kept) == len(parts) {
		return s
	}
	return strings.Join(kept, ", ")
}

// opensWith reports whether item's first word is in the word list.
func opensWith(item string, rules *taxonomy.Rules, list taxonomy.WordList) bool {
	w, _, _ := strings.Cut(strings.TrimSpace(item), " ")
	return rules.Word(list, w)
}

// aboutProduct reports whether a sentence says what the employer's product
// or customers do (the product cue), not counting words that name a team
// ("work with our platform team to serve them" asks; "our platform
// serves 2M users" does not).
func aboutProduct(rules *taxonomy.Rules, s string) bool {
	if rules.Has(taxonomy.CueOthers, withoutRelatives(s, rules)) {
		return true
	}
	for _, w := range rules.NextWords(taxonomy.CueProduct, s) {
		if !rules.Word(taxonomy.WordsRoles, w) && !rules.Word(taxonomy.WordsRoles, strings.TrimSuffix(w, "s")) {
			return true
		}
	}
	return false
}

// retiredBefore reports whether a skill is named within six words after a
// word that says a tool is on its way out, with no "to", "into", "onto" or
// "with" between (the tool moved to is asked): "migrating from a
// self-managed Hadoop cluster to AWS", "retiring our old Oozie jobs".
func retiredBefore(s string, h taxonomy.Hit, rules *taxonomy.Rules) bool {
	start := max(0, h.Start-80)
	if i := strings.LastIndexAny(s[start:h.Start], ".;:\n"); i >= 0 {
		start += i + 1
	}
	var buf [24]string
	words := fieldsInto(buf[:0], s[start:h.Start]) // Word compares in lower case
	for k := len(words) - 1; k >= 0 && k >= len(words)-7; k-- {
		w := strings.Trim(words[k], "(),")
		if rules.Word(taxonomy.WordsMovedTo, w) {
			return false
		}
		for n := 1; n <= 3 && k+n <= len(words); n++ {
			if rules.Word(taxonomy.WordsRetiring, strings.Trim(joinWords(words[k:k+n]), "(),")) {
				return true
			}
		}
	}
	return false
}

// retiredAfter reports whether, within twelve words after a skill's name
// and in the same sentence, a form of "be" comes before a word that says
// the tool is on its way out ("The legacy MATLAB scripts are being
// retired", "written in MATLAB, and that code has now been fully
// retired"), with no clause of circumstance ("when", "once") between.
func retiredAfter(s string, h taxonomy.Hit, rules *taxonomy.Rules) bool {
	end := min(len(s), h.End+120)
	if i := strings.IndexAny(s[h.End:end], ".;:\n"); i >= 0 {
		end = h.End + i
	}
	var buf [32]string
	words := fieldsInto(buf[:0], s[h.End:end]) // Word compares in lower case
	be := -10
	for k := 0; k < len(words) && k < 12; k++ {
		w := strings.Trim(words[k], "(),")
		switch {
		case rules.Word(taxonomy.WordsSubordinators, w):
			return false
		case rules.Word(taxonomy.WordsBe, w):
			be = k
		case k-be <= 3:
			for n := 1; n <= 2 && k+n <= len(words); n++ {
				if rules.Word(taxonomy.WordsRetired, strings.Trim(joinWords(words[k:k+n]), "(),")) {
					return true
				}
			}
		}
	}
	return false
}

// negatedBefore reports whether a negator of up to three words stands
// right before a skill's name: "CSS Modules, not Tailwind", "Dagster
// rather than Airflow", "real data, not just a Kaggle notebook".
func negatedBefore(s string, h taxonomy.Hit, rules *taxonomy.Rules) bool {
	var buf [8]string
	words := fieldsInto(buf[:0], s[max(0, h.Start-20):h.Start])
	for n := 1; n <= 3 && n <= len(words); n++ {
		w := words[len(words)-1]
		if n > 1 {
			w = strings.Join(words[len(words)-n:], " ")
		}
		if rules.Word(taxonomy.WordsNegators, strings.TrimLeft(w, "(,;")) {
			return true
		}
	}
	return false
}

// desirableLine reports whether the line at offset opens with the code of
// a desirable criterion ("D3  Python or Ansible ...").
func desirableLine(doc *extract.Document, offset int, rules *taxonomy.Rules) bool {
	return rules.Has(taxonomy.CueDesirableCode, strings.TrimSpace(lineText(doc, offset)))
}

// criterionCode reports whether the hit is the code that opens a
// criterion's line ("D3 Python or Ansible for network automation"), which
// numberedMarker knows, not the skill it spells (D3.js).
func criterionCode(doc *extract.Document, h taxonomy.Hit) bool {
	w := doc.Text[h.Start:h.End]
	if len(w) > 3 || !numberedMarker().MatchString(w) || h.End >= len(doc.Text) || doc.Text[h.End] != ' ' {
		return false
	}
	li := doc.LineAt(h.Start)
	return li >= 0 && itemMarker(doc.Text[doc.Lines[li].Start:h.Start])
}

// namedBefore reports whether a word of the namers list stands right
// before the hit, past an opening quote: "a dog named Bert", "is called
// \"Pandas\"" name a pet, not a skill.
func namedBefore(s string, h taxonomy.Hit, rules *taxonomy.Rules) bool {
	before := strings.TrimRight(s[max(0, h.Start-16):h.Start], "\"“'‘ ")
	if i := strings.LastIndexAny(before, " \t\n"); i >= 0 {
		before = before[i+1:]
	}
	return before != "" && rules.Word(taxonomy.WordsNamers, before)
}

// fieldsInto appends the words of s, split at white space as strings.Fields
// splits them, to buf: a buffer on the caller's stack spares the
// allocation on the paths run for every hit of a job.
func fieldsInto(buf []string, s string) []string {
	start := -1
	for i, r := range s {
		switch {
		case !unicode.IsSpace(r):
			if start < 0 {
				start = i
			}
		case start >= 0:
			buf = append(buf, s[start:i])
			start = -1
		}
	}
	if start >= 0 {
		buf = append(buf, s[start:])
	}
	return buf
}

// joinWords joins words with spaces, as strings.Join does, but returns a
// single word as it is.
func joinWords(words []string) string {
	if len(words) == 1 {
		return words[0]
	}
	return strings.Join(words, " ")
}
