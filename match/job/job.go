package job

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/tailor-cli/tailor/extract"
	"github.com/tailor-cli/tailor/match/analysis"
	"github.com/tailor-cli/tailor/match/internal/concur"
	"github.com/tailor-cli/tailor/match/taxonomy"
	"github.com/tailor-cli/tailor/match/text"
)

// Importance says how much the job wants a skill.
type Importance string

// Importance values.
const (
	Required  Importance = "required"
	Preferred Importance = "preferred"
)

// Job is a job description analysed once, ready to be compared with any
// number of resumes. It is immutable and safe for concurrent use.
type Job struct {
	// Name is the job's path, "-", or "builtin:<profile>".
	Name string
	// Title is the job's first line when it reads as a title.
	Title    string
	tax      *taxonomy.Taxonomy
	skills   []Ask     // sorted by id
	keywords []Keyword // terms beyond the taxonomy
	reqs     []Requirement
	warnings []extract.Warning
}

// Ask is one skill a job asks for.
type Ask struct {
	// Skill is the skill asked for.
	Skill *taxonomy.Skill
	// Importance is required or preferred.
	Importance Importance
	// Term is the job's wording to suggest: from its requirements list if
	// it has one, and there the skill's own name when the job uses it.
	Term string
	// Evidence holds up to two of the job's sentences that name the skill.
	Evidence []analysis.Evidence
	// First is the byte offset of the job's first mention, for job order.
	First int
	// Group numbers an either/or group ("AWS or GCP"): the job accepts any
	// one member. Zero when the skill is asked for on its own.
	Group int
	// Wordings are every distinct way the job writes the skill.
	Wordings []string
	// ToolsOnly reports that the job names only particular tools of the
	// skill's kind ("Redis", never "NoSQL"): another tool of the kind in a
	// resume is related work, not the tool asked for.
	ToolsOnly bool
	// Tools are the numbers of the skill's tools the job names (see
	// taxonomy.Hit.Tool).
	Tools []int
	// Mentions counts the job's sentences that name the skill.
	Mentions int
	// fromList reports that Term comes from a requirements section.
	fromList bool
	// byPhrase reports that every hit so far said the skill in other
	// words, so Term is the skill's own (see skillTerm).
	byPhrase bool
	// lastSent is the latest sentence counted in Mentions (a skill's hits
	// come in text order).
	lastSent text.Span
}

// New analyses a job description: which skills it asks for, in which
// words and sentences, and how much. A skill is required unless its section
// or clause marks it as a plus; when the job has a requirements section,
// skills named only elsewhere (the role's description, responsibilities)
// are preferred unless their clause says they are required. Skills offered
// as alternatives ("AWS or GCP") form a group of which one is enough.
func New(name string, doc *extract.Document, tax *taxonomy.Taxonomy) *Job {
	// Tagging for other keywords needs only the text, and costs as much as
	// the rest: start it first. The text is tokenized once, beside reading
	// the ad's parts, for the tagger and for matching (reading the parts
	// leaves the text as it is). What the keywords need of the phrases
	// beyond the importance rules is found there too, once the analysis is
	// done, beside the skills' importance.
	rules := tax.Rules()
	src := doc.Text // the goroutine's own copy: doc is reassigned below
	lexedCh := make(chan *text.Lexed, 1)
	analysed := make(chan *analysis.Analysis, 1)
	defer close(analysed) // should the analysis panic, the goroutine ends
	facts := make(chan []phraseFacts, 1)
	go func() {
		var fs []phraseFacts
		var lexed *text.Lexed
		defer func() { facts <- fs }()
		// A panic here costs the keywords, not the process; the text is
		// then tokenized again below.
		defer func() {
			_ = recover()
			if lexed == nil {
				lexedCh <- nil
			}
		}()
		l := text.Lex(src)
		lexed = &l
		lexedCh <- lexed
		ps := jobPhrases(l)
		if a := <-analysed; a != nil {
			fs = keywordFacts(a, ps, ListSection, rules)
		}
	}()
	st := readStructure(doc, rules)
	doc = st.doc
	var toks []text.Token
	if lexed := <-lexedCh; lexed != nil {
		toks = lexed.Tokens()
	}
	a := analysis.New(doc, tax, analysis.Options{ListSection: ListSection, Breaks: st.breaks, Tokens: toks, Compounds: true})
	analysed <- a
	// Requirements beyond skills need neither the skills' asks nor the
	// noun phrases: they are found on a goroutine of their own beside the
	// rest. (Keywords on a third one, with importance rules of their own or
	// shared under a lock, measured slower: the two cores had no CPU to
	// spare for the duplicated work.)
	reqs := concur.Alongside(func() []Requirement { return findRequirements(st, a, rules) })
	j := &Job{Name: name, tax: tax, Title: jobTitle(doc, rules)}
	importance := importanceRules(st, a, rules)
	byID := map[string]*Ask{}
	var asked []taxonomy.Hit
	for _, h := range a.Hits {
		imp, ok := importance(h)
		if !ok {
			continue
		}
		asked = append(asked, h)
		sec := doc.SectionAt(h.Start)
		inList := sec.Name == extract.SectionRequirements || sec.Name == extract.SectionPreferred
		term := doc.Text[h.Start:h.End]
		if h.Term != "" {
			term = h.Term // "object tracking" of "object detection and tracking"
		}
		if h.Phrase {
			// "make our models faster" asks for inference optimisation:
			// the term to suggest is the skill's, not the sentence's.
			term = skillTerm(h.Skill)
		}
		js, ok := byID[h.Skill.ID]
		if !ok {
			js = &Ask{Skill: h.Skill, Importance: imp, Term: term, First: h.Start, fromList: inList, ToolsOnly: true, byPhrase: h.Phrase}
			byID[h.Skill.ID] = js
		}
		if js.byPhrase && !h.Phrase {
			js.Term, js.fromList, js.byPhrase = term, inList, false
		}
		js.ToolsOnly = js.ToolsOnly && h.Tool > 0
		if h.Tool > 0 && !slices.Contains(js.Tools, h.Tool) {
			js.Tools = append(js.Tools, h.Tool)
		}
		if sent := a.SentenceAt(h.Start); js.Mentions == 0 || sent != js.lastSent {
			js.Mentions, js.lastSent = js.Mentions+1, sent
		}
		if imp == Required {
			js.Importance = Required
		}
		if !slices.ContainsFunc(js.Wordings, func(w string) bool { return text.SameTerm(w, term) }) {
			js.Wordings = append(js.Wordings, term)
		}
		// The term to suggest: the job's wording in its requirements list
		// if it has one, and among those the skill's own name when the job
		// uses it ("Docker", not "containerization via Docker").
		switch {
		case h.Phrase && !js.byPhrase:
		case inList && !js.fromList:
			js.Term, js.fromList = term, true
		case inList == js.fromList && text.SameTerm(term, h.Skill.Name) && !text.SameTerm(js.Term, h.Skill.Name):
			js.Term = term
		}
		heading := sec.Heading
		if heading == "" {
			heading = string(sec.Name)
		}
		if ev := a.Evidence(h, heading); len(js.Evidence) < 2 && !analysis.HasSentence(js.Evidence, ev) {
			js.Evidence = append(js.Evidence, ev)
		}
	}
	groupAlternatives(doc.Text, asked, st.breaks, tax, byID)
	j.keywords = otherKeywords(a, facts, importance, rules)
	j.reqs = reqs()
	for _, js := range byID {
		j.skills = append(j.skills, *js)
	}
	sort.Slice(j.skills, func(x, y int) bool { return j.skills[x].Skill.ID < j.skills[y].Skill.ID })
	for _, w := range doc.Warnings {
		// Advice on what a resume should contain is not for a job ad.
		if extract.ReadingWarnings[w.Code] {
			j.warnings = append(j.warnings, w)
		}
	}
	switch asks := len(j.skills) + len(j.keywords); {
	case asks == 0:
		j.warnings = append(j.warnings, extract.Warning{Code: WarnNoSkills,
			Message: "No skills from the taxonomy were found in the job description, so the score is 0; check the file, or add the role's skills with --taxonomy."})
	case 3*len(j.keywords) > asks:
		j.warnings = append(j.warnings, extract.Warning{Code: WarnTaxonomyPartial,
			Message: fmt.Sprintf("The skill taxonomy knows this role only in part: %d of the job's %d asks are its own terms, matched word for word; add the role's skills with --taxonomy for a truer score.", len(j.keywords), asks)})
	}
	return j
}

// Warning codes of a job.
const (
	// WarnNoSkills: the job names no skill of the taxonomy and no term
	// of its own, so every score is 0.
	WarnNoSkills = "job-no-skills"
	// WarnTaxonomyPartial: more than a third of the job's asks are terms
	// the taxonomy does not know, matched word for word.
	WarnTaxonomyPartial = "taxonomy-partial"
)

// titleLines is how many of a job's first lines may hold its title.
const titleLines = 15

// jobTitle returns the job's title: of the first of its first lines that
// names a role (past a careers page's header, a breadcrumb or an email's
// "From:"), the part that does ("Subject: PostgreSQL DBA – 6-month
// contract": PostgreSQL DBA; "Senior Data Scientist – Motor Pricing":
// Senior Data Scientist). When the first line only labels the page ("Job
// Brief"), the title is the role its headings name most often ("Skill
// Requirements for Deep Learning Engineer": Deep Learning Engineer).
// Empty when no line names a role: no title is better than a company's
// name.
func jobTitle(doc *extract.Document, rules *taxonomy.Rules) string {
	if len(doc.Lines) == 0 {
		return ""
	}
	first := doc.Text[doc.Lines[0].Start:doc.Lines[0].End]
	if _, label := rules.SectionKind(first); label && len(strings.Fields(first)) <= 3 {
		if role := headingsRole(doc, rules); role != "" {
			return role
		}
	}
	for _, ln := range doc.Lines[:min(len(doc.Lines), titleLines)] {
		if t := roleTitle(doc.Text[ln.Start:ln.End], rules); t != "" {
			return t
		}
	}
	return ""
}

// titleSeparators divide a title line's parts: a breadcrumb's, a page
// title's ("Data Engineer | Careers"), a subject line's.
var titleSeparators = []string{" › ", " > ", " » ", " | ", " — ", " – ", " - ", " · ", " @ ", " / ", " at "}

// roleTitle returns the part of a line that is a job title: one to eight
// words, one of them a role's (the rules' title-heads), each longer word
// written with a capital as titles are (in parentheses, anything goes);
// empty when the line holds none. A label before a colon ("Job Title:",
// "Subject:") and Markdown's marks are no part of it.
func roleTitle(line string, rules *taxonomy.Rules) string {
	line = strings.Trim(strings.TrimSpace(line), "#*_ ")
	if strings.HasPrefix(line, "[") {
		// A post's tag: "[HIRING] Gameplay Programmer".
		if _, rest, ok := strings.Cut(line, "]"); ok {
			line = strings.TrimSpace(rest)
		}
	}
	for {
		label, rest, ok := strings.Cut(line, ":")
		if !ok || len(strings.Fields(label)) > 3 {
			break
		}
		if !rules.Word(taxonomy.WordsTitleLabels, strings.ToLower(strings.Trim(label, "*_ "))) {
			if label = strings.Trim(label, "*_ "); titleShaped(label, rules) {
				return label // "Computer Vision Engineer: Careers Guide"
			}
			return "" // another label's value: "Reports to: Manager, Data Platforms"
		}
		line = strings.Trim(rest, "*_ ")
	}
	if len(strings.Fields(line)) > 24 {
		return ""
	}
	// A label later in the line starts what is no title ("... Engineer
	// Ref: MBI-114").
	if m := laterLabel().FindStringIndex(line); m != nil {
		line = line[:m[0]]
	}
	for _, p := range splitOutside(line, titleSeparators) {
		p = strings.Trim(strings.TrimSpace(p), "*_:")
		if titleShaped(p, rules) {
			return p
		}
	}
	return ""
}

// laterLabel matches a label inside a line: a word and a colon after
// a space.
var laterLabel = lazyRegexp(`\s[A-Za-z][A-Za-z.]*:(\s|$)`)

// splitOutside splits s at each of seps outside parentheses.
func splitOutside(s string, seps []string) []string {
	var out []string
	depth, start := 0, 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '(':
			depth++
			continue
		case ')':
			depth = max(depth-1, 0)
			continue
		}
		if depth > 0 {
			continue
		}
		for _, sep := range seps {
			if strings.HasPrefix(s[i:], sep) {
				out = append(out, s[start:i])
				start = i + len(sep)
				i = start - 1
				break
			}
		}
	}
	return append(out, s[start:])
}

// titleShaped reports whether s reads as a job title: up to eight words
// outside parentheses, one a role's (alone, not a level's: "Lead"), every
// word of four letters or more with a capital unless the rules call it
// filler ("of", "and"); no sentence or question.
func titleShaped(s string, rules *taxonomy.Rules) bool {
	var words []string
	depth := 0
	for _, w := range strings.Fields(s) {
		open := strings.Count(w, "(")
		if depth == 0 && open == 0 {
			words = append(words, w)
		}
		depth += open - strings.Count(w, ")")
		depth = max(depth, 0)
	}
	if len(words) == 0 || len(words) > 8 || strings.HasSuffix(s, ".") || strings.HasSuffix(s, "?") {
		return false
	}
	if len(words) == 1 {
		// A role's word alone ("Engineer"), not a level's ("Lead").
		w := strings.ToLower(words[0])
		return rules.Word(taxonomy.WordsTitleHeads, w) && !rules.Word(taxonomy.WordsTitleFiller, w) && strings.ContainsFunc(words[0], unicode.IsUpper)
	}
	head := false
	for _, w := range words {
		bare := strings.ToLower(strings.Trim(w, ",;!?"))
		head = head || rules.Word(taxonomy.WordsTitleHeads, bare)
		if utf8.RuneCountInString(bare) >= 4 && !rules.Word(taxonomy.WordsTitleFiller, bare) &&
			!strings.ContainsFunc(w, unicode.IsUpper) {
			return false
		}
	}
	return head
}

// headingsRole returns the role the headings name most often: a run of
// capitalised words ending in a role's word ("Deep Learning Engineer"),
// named at least twice; empty when there is none.
func headingsRole(doc *extract.Document, rules *taxonomy.Rules) string {
	count := map[string]int{}
	best := ""
	for _, ln := range doc.Lines[1:] {
		if !ln.Heading {
			continue
		}
		words := strings.Fields(strings.TrimRight(doc.Text[ln.Start:ln.End], "?:!."))
		for i, w := range words {
			if !rules.Word(taxonomy.WordsRoles, w) {
				continue
			}
			start := i
			for start > 0 && start > i-3 && isCapitalised(words[start-1]) {
				start--
			}
			if start == i {
				continue
			}
			role := strings.Join(words[start:i+1], " ")
			count[role]++
			if count[role] > count[best] {
				best = role
			}
		}
	}
	if count[best] < 2 {
		return ""
	}
	return best
}

// isCapitalised reports whether a word starts with a capital letter.
func isCapitalised(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// Skills returns the ids of the skills the job asks for, sorted.
func (j *Job) Skills() []string {
	out := make([]string, len(j.skills))
	for i, s := range j.skills {
		out[i] = s.Skill.ID
	}
	return out
}

// Importance returns how much the job wants a skill, and whether it asks
// for it at all.
func (j *Job) Importance(id string) (Importance, bool) {
	i := sort.Search(len(j.skills), func(k int) bool { return j.skills[k].Skill.ID >= id })
	if i < len(j.skills) && j.skills[i].Skill.ID == id {
		return j.skills[i].Importance, true
	}
	return "", false
}

// Asks returns the skills the job asks for, sorted by skill id. The slice
// is the job's own: callers must not change it.
func (j *Job) Asks() []Ask { return j.skills }

// Requirements returns what the job asks beyond skills, in text order. The
// slice is the job's own: callers must not change it.
func (j *Job) Requirements() []Requirement { return j.reqs }

// Taxonomy returns the taxonomy the job was analysed with.
func (j *Job) Taxonomy() *taxonomy.Taxonomy { return j.tax }

// Keywords returns the job's terms beyond the taxonomy, most used first.
// The slice is the job's own: callers must not change it.
func (j *Job) Keywords() []Keyword { return j.keywords }

// Warnings returns the problems found in reading the job: how its file was
// read, WarnNoSkills and WarnTaxonomyPartial.
func (j *Job) Warnings() []extract.Warning { return j.warnings }

// skillTerm is how to write a skill the job says in other words: its first
// alias ("model serving"), or its name.
func skillTerm(s *taxonomy.Skill) string {
	if len(s.Aliases) > 0 {
		return s.Aliases[0]
	}
	return s.Name
}
