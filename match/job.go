package match

import (
	"crypto/sha256"
	"embed"
	"fmt"
	"io/fs"
	"regexp"
	"slices"
	"sort"
	"strings"

	"github.com/tailor-cli/tailor/extract"
)

//go:generate go run ./internal/genphrases -out profile_phrases.go

//go:embed profiles/*.md
var profiles embed.FS

// DefaultProfile is the built-in job used when no job description is given.
const DefaultProfile = "deep-learning-engineer"

// BuiltinJobPrefix starts the name of a built-in job profile.
const BuiltinJobPrefix = "builtin:"

// Profile returns the text of a built-in job profile by name.
func Profile(name string) ([]byte, error) {
	data, err := profiles.ReadFile("profiles/" + name + ".md")
	if err != nil {
		return nil, fmt.Errorf("no built-in job profile %q", name)
	}
	return data, nil
}

// Profiles lists the names of the built-in job profiles, sorted.
func Profiles() ([]string, error) {
	files, err := fs.Glob(profiles, "profiles/*.md")
	if err != nil {
		return nil, fmt.Errorf("list built-in profiles: %w", err)
	}
	names := make([]string, len(files))
	for i, f := range files {
		names[i] = strings.TrimSuffix(strings.TrimPrefix(f, "profiles/"), ".md")
	}
	return names, nil
}

// ProfileDocument reads a built-in job profile as the Markdown document
// named "builtin:<name>", ready for NewJob.
func ProfileDocument(name string) (*extract.Document, error) {
	data, err := Profile(name)
	if err != nil {
		return nil, err
	}
	return extract.ReadText(BuiltinJobPrefix+name, data, extract.FormatMarkdown)
}

// jobPhrases returns the noun phrases of a job's text: stored ones for a
// built-in profile, else those of prose's tagger, whose model costs as much
// to load as the rest of a check.
func jobPhrases(text string) []Phrase {
	if ps, ok := profilePhrases[fmt.Sprintf("%x", sha256.Sum256([]byte(text)))]; ok {
		return ps
	}
	return NounPhrases(text)
}

// Job is a job description analysed once, ready to be compared with any
// number of resumes. It is immutable and safe for concurrent use.
type Job struct {
	// Name is the job's path, "-", or "builtin:<profile>".
	Name string
	// Title is the job's first line when it reads as a title.
	Title    string
	tax      *Taxonomy
	skills   []jobSkill // sorted by id
	keywords []Keyword  // terms beyond the taxonomy; InResume unset
	warnings []Warning
}

// jobSkill is one skill a job asks for.
type jobSkill struct {
	skill      *Skill
	importance Importance
	term       string
	evidence   []Evidence
	first      int // offset of the first mention, for job order
	// group numbers an either/or group ("AWS or GCP"): the job accepts any
	// one member. Zero when the skill is asked for on its own.
	group int
	// fromList reports that term comes from a requirements section.
	fromList bool
	// wordings are every distinct way the job writes the skill.
	wordings []string
	// mentions counts the job's sentences that name the skill; lastSent
	// is the latest of them (a skill's hits come in text order).
	mentions int
	lastSent Span
}

var (
	// preferredHeading marks sections whose skills are wanted, not needed.
	preferredHeading = regexp.MustCompile(`(?i)nice[ -]to[ -]have|preferred|bonus|\bplus(es)?\b|desir|optional|good[ -]to[ -]have|extra credit|would be (great|nice)|ideal(ly)?\b|not required`)
	// requirementsHeading marks sections that list what the candidate needs.
	requirementsHeading = regexp.MustCompile(`(?i)requirement|qualification|must[ -]have|what you('ll| will)? (need|bring)|you have|skills|who you are|about you|tech stack|experience`)
	// boilerplateHeading marks sections that describe the employer, not the
	// role: skills named there are not asked of the candidate.
	boilerplateHeading = regexp.MustCompile(`(?i)benefit|perks|compensation|salary|pay range|equal opportunit|\beeo\b|about (us|the company)|who we are|our (company|mission)|what we offer|why join|life at|diversity|accommodation|how to apply`)
	// preferredCue marks a clause that asks for a skill as a plus.
	preferredCue = newCue(`(?i)nice[ -]to[ -]have|\b(a|big|huge|strong) plus\b|\bpreferred\b|\bpreferably\b|\bbonus\b|\bideally\b|desirable|\bnot required\b|\boptional\b|would be (great|nice|helpful)|\badvantage\b`,
		"nice", "plus", "prefer", "bonus", "ideal", "desirab", "required", "optional", "would be", "advantage")
	// requiredCue marks a clause that says a skill is needed.
	requiredCue = newCue(`(?i)\b(required|must|essential|mandatory)\b`, "required", "must", "essential", "mandatory")
	// boilerplateCue marks sentences about pay, benefits or equal
	// opportunity.
	boilerplateCue = newCue(`(?i)equal[ -]opportunity|regardless of|401\(?k\)?|health insurance|paid time off|parental leave|salary range|\bbenefits\b`,
		"equal", "regardless", "401", "health", "paid time", "parental", "salary", "benefits")
)

// NewJob analyses a job description: which skills it asks for, in which
// words and sentences, and how much. A skill is required unless its section
// or clause marks it as a plus; when the job has a requirements section,
// skills named only elsewhere (the role's description, responsibilities)
// are preferred unless their clause says they are required. Skills offered
// as alternatives ("AWS or GCP") form a group of which one is enough.
func NewJob(name string, doc *extract.Document, tax *Taxonomy) *Job {
	// Tagging for other keywords needs only the text, and loading the
	// tagger's model costs as much as the rest: start it first.
	doc = withInlineSections(doc)
	phrases := make(chan []Phrase, 1)
	go func() {
		var ps []Phrase
		defer func() { phrases <- ps }()
		// A panic in the tagger costs the keywords, not the process.
		defer func() { _ = recover() }()
		ps = jobPhrases(doc.Text)
	}()
	listSection := memoSections(isRequirementsSection)
	a := analyze(doc, tax, listSection)
	j := &Job{Name: name, tax: tax, Title: jobTitle(doc)}
	hasList := false
	for _, sec := range doc.Sections {
		hasList = hasList || listSection(sec)
	}
	importance := importanceRules(doc, a, hasList, listSection)
	byID := map[string]*jobSkill{}
	var asked []Hit
	for _, h := range a.hits {
		imp, ok := importance(h)
		if !ok {
			continue
		}
		asked = append(asked, h)
		sec := doc.SectionAt(h.Start)
		inList := listSection(sec)
		term := doc.Text[h.Start:h.End]
		js, ok := byID[h.Skill.ID]
		if !ok {
			js = &jobSkill{skill: h.Skill, importance: imp, term: term, first: h.Start, fromList: inList}
			byID[h.Skill.ID] = js
		}
		if sent := a.sentenceAt(h.Start); js.mentions == 0 || sent != js.lastSent {
			js.mentions, js.lastSent = js.mentions+1, sent
		}
		if imp == Required {
			js.importance = Required
		}
		if !slices.ContainsFunc(js.wordings, func(w string) bool { return sameTerm(w, term) }) {
			js.wordings = append(js.wordings, term)
		}
		// The term to suggest: the job's wording in its requirements list
		// if it has one, and among those the skill's own name when the job
		// uses it ("Docker", not "containerization via Docker").
		switch {
		case inList && !js.fromList:
			js.term, js.fromList = term, true
		case inList == js.fromList && sameTerm(term, h.Skill.Name) && !sameTerm(js.term, h.Skill.Name):
			js.term = term
		}
		heading := sec.Heading
		if heading == "" {
			heading = sec.Name
		}
		if ev := a.evidence(h, heading); len(js.evidence) < 2 && !hasSentence(js.evidence, ev) {
			js.evidence = append(js.evidence, ev)
		}
	}
	groupAlternatives(doc.Text, asked, byID)
	j.keywords = otherKeywords(doc, <-phrases, a.raw, importance, listSection)
	for _, js := range byID {
		j.skills = append(j.skills, *js)
	}
	sort.Slice(j.skills, func(x, y int) bool { return j.skills[x].skill.ID < j.skills[y].skill.ID })
	for _, w := range doc.Warnings {
		// Advice on what a resume should contain is not for a job ad.
		if extract.ReadingWarnings[w.Code] {
			j.warnings = append(j.warnings, Warning{Source: "job", Code: w.Code, Message: w.Message})
		}
	}
	if len(j.skills) == 0 {
		j.warnings = append(j.warnings, Warning{Source: "job", Code: "job-no-skills",
			Message: "No skills from the taxonomy were found in the job description, so the score is 0; check the file, or add the role's skills with --taxonomy."})
	}
	return j
}

// importanceRules returns the function that says how much the job wants
// what it names at a hit, and false for boilerplate (about the employer,
// pay, benefits, equal opportunity). The cues are regular expressions, so
// each section, sentence and clause is judged once.
func importanceRules(doc *extract.Document, a *analysis, hasList bool, listSection func(extract.Section) bool) func(Hit) (Importance, bool) {
	type sectionCues struct{ boilerplate, preferred, list bool }
	type clauseCues struct{ preferred, required bool }
	sections := map[int]sectionCues{}
	boilerSentence := map[Span]bool{}
	clauses := map[string]clauseCues{}
	return func(h Hit) (Importance, bool) {
		sec := doc.SectionAt(h.Start)
		cues, ok := sections[sec.Start]
		if !ok {
			cues = sectionCues{boilerplateHeading.MatchString(sec.Heading), preferredHeading.MatchString(sec.Heading), listSection(sec)}
			sections[sec.Start] = cues
		}
		if cues.boilerplate {
			return "", false
		}
		sent := a.sentenceAt(h.Start)
		boiler, ok := boilerSentence[sent]
		if !ok {
			boiler = boilerplateCue.MatchString(doc.Text[sent.Start:sent.End])
			boilerSentence[sent] = boiler
		}
		if boiler {
			return "", false
		}
		cl := clause(doc.Text, sent, h)
		cc, ok := clauses[cl]
		if !ok {
			cc = clauseCues{preferredCue.MatchString(cl), requiredCue.MatchString(cl)}
			clauses[cl] = cc
		}
		switch {
		case cues.preferred || cc.preferred:
			return Preferred, true
		case hasList && !cues.list && !cc.required:
			return Preferred, true
		}
		return Required, true
	}
}

// alternativeSep matches the words between two skills offered as
// alternatives ("GPUs or TPUs", "Python, Go or Rust", "AWS/GCP"); listSep
// matches a plain list separator, which may sit in such a list.
var (
	alternativeSep = regexp.MustCompile(`(?i)^\s*(,\s*)?(or|and/or|or an?|or other|/)\s*$`)
	listSep        = regexp.MustCompile(`^\s*,\s*$`)
)

// groupAlternatives finds runs of skills offered as alternatives and puts
// the skills of each run in one group; runs that share a skill merge. A
// skill also asked for on its own elsewhere stays in its group: that "GPUs"
// are wanted elsewhere does not make "TPUs" in "GPUs or TPUs" required.
func groupAlternatives(text string, hits []Hit, byID map[string]*jobSkill) {
	parent := map[string]string{} // union-find over skill ids
	var find func(id string) string
	find = func(id string) string {
		if p, ok := parent[id]; ok && p != id {
			root := find(p)
			parent[id] = root
			return root
		}
		return id
	}
	run := []Hit{}
	either := false
	flush := func() {
		if either {
			for _, h := range run[1:] {
				if a, b := find(run[0].Skill.ID), find(h.Skill.ID); a != b {
					parent[b] = a
				}
			}
		}
		run, either = []Hit{}, false
	}
	for i, h := range hits {
		if i > 0 {
			prev := hits[i-1]
			between := text[prev.End:h.Start]
			if len(run) > 0 && strings.TrimSpace(between) == "" && !strings.Contains(between, "\n") {
				// "PyTorch FSDP": the first qualifies the second, which
				// is the item offered; the qualifier is no alternative.
				run[len(run)-1] = h
				continue
			}
			switch {
			case alternativeSep.MatchString(between) && (strings.TrimSpace(between) != "/" || oneWord(text, prev) && oneWord(text, h)):
				// A slash offers a choice only between one-word names
				// ("PyTorch/TensorFlow"); in "GPU/TPU utilisation" it
				// joins a compound.
				either = true
			case listSep.MatchString(between):
			default:
				flush()
			}
		}
		run = append(run, h)
	}
	flush()
	size := map[string]int{}
	ids := make([]string, 0, len(byID))
	for id := range byID {
		size[find(id)]++
		ids = append(ids, id)
	}
	sort.Strings(ids) // stable group numbers
	groups := map[string]int{}
	for _, id := range ids {
		root := find(id)
		if size[root] < 2 {
			continue
		}
		if _, ok := groups[root]; !ok {
			groups[root] = len(groups) + 1
		}
		byID[id].group = groups[root]
	}
}

// oneWord reports whether a hit's text is a single word.
func oneWord(text string, h Hit) bool {
	return !strings.ContainsAny(text[h.Start:h.End], " -/")
}

// isRequirementsSection reports whether a job section lists what the
// candidate needs or would ideally have.
func isRequirementsSection(s extract.Section) bool {
	return requirementsHeading.MatchString(s.Heading) || preferredHeading.MatchString(s.Heading)
}

// cue is a case-insensitive regular expression with words, in lower case,
// of which every match holds one. Most clauses hold none, and looking for
// them first is many times faster than running the expression: a job asks
// a cue of every clause that names a skill.
type cue struct {
	re    *regexp.Regexp
	words []string
}

func newCue(expr string, words ...string) cue {
	return cue{regexp.MustCompile(expr), words}
}

// MatchString reports whether s holds a match of the cue.
func (c cue) MatchString(s string) bool {
	lower := strings.ToLower(s)
	for _, w := range c.words {
		if strings.Contains(lower, w) {
			return c.re.MatchString(s)
		}
	}
	return false
}

// memoSections returns test, remembering its answer for each section (by
// where it starts and its heading): a job asks it of every hit and every
// noun phrase.
func memoSections(test func(extract.Section) bool) func(extract.Section) bool {
	type key struct {
		start   int
		heading string
	}
	seen := map[key]bool{}
	return func(s extract.Section) bool {
		k := key{s.Start, s.Heading}
		v, ok := seen[k]
		if !ok {
			v = test(s)
			seen[k] = v
		}
		return v
	}
}

// clause returns the part of a sentence around a hit between semicolons,
// em dashes or line breaks, so that "PyTorch required; JAX a plus" marks only
// JAX as a plus.
func clause(text string, sent Span, h Hit) string {
	s := text[sent.Start:sent.End]
	lo, hi := h.Start-sent.Start, h.End-sent.Start
	if i := strings.LastIndexAny(s[:lo], ";\n—"); i >= 0 {
		s, hi = s[i+1:], hi-(i+1)
	}
	if i := strings.IndexAny(s[hi:], ";\n—"); i >= 0 {
		s = s[:hi+i]
	}
	return s
}

func hasSentence(ev []Evidence, e Evidence) bool {
	for _, x := range ev {
		if x.Text == e.Text {
			return true
		}
	}
	return false
}

// jobTitle returns the job's first line when it is short enough to be a
// title.
func jobTitle(doc *extract.Document) string {
	if len(doc.Lines) == 0 {
		return ""
	}
	first := doc.Text[doc.Lines[0].Start:doc.Lines[0].End]
	if n := len(strings.Fields(first)); n == 0 || n > 10 || strings.HasSuffix(first, ".") {
		return ""
	}
	return strings.TrimSuffix(first, ":")
}

// Skills returns the ids of the skills the job asks for, sorted.
func (j *Job) Skills() []string {
	out := make([]string, len(j.skills))
	for i, s := range j.skills {
		out[i] = s.skill.ID
	}
	return out
}

// Importance returns how much the job wants a skill, and whether it asks
// for it at all.
func (j *Job) Importance(id string) (Importance, bool) {
	i := sort.Search(len(j.skills), func(k int) bool { return j.skills[k].skill.ID >= id })
	if i < len(j.skills) && j.skills[i].skill.ID == id {
		return j.skills[i].importance, true
	}
	return "", false
}
