package taxonomy

import (
	_ "embed"
	"fmt"
	"regexp"
	"regexp/syntax"
	"slices"
	"strings"
	"sync"
	"unicode"

	"go.yaml.in/yaml/v3"

	"github.com/tailor-cli/tailor/extract"
	"github.com/tailor-cli/tailor/match/text"
)

//go:embed rules.yaml
var builtinRulesYAML []byte

// BuiltinRulesName is the name errors use for the embedded rules file.
const BuiltinRulesName = "builtin:rules.yaml"

// Cue names a kind of words that change what a clause or sentence of a job
// ad asks (see rules.yaml).
type Cue string

// The cues the code knows.
const (
	// CuePreferred: the clause offers a skill as a plus.
	CuePreferred Cue = "preferred"
	// CueRequired: the clause says a skill is needed.
	CueRequired Cue = "required"
	// CueNegation: the clause says a skill is not needed or not used.
	CueNegation Cue = "negation"
	// CueBoilerplate: the sentence is about pay, benefits or equal
	// opportunity.
	CueBoilerplate Cue = "boilerplate"
	// CueExample: the sentence tells a worked example or an anecdote.
	CueExample Cue = "example"
	// CueDisowned: the sentence says the candidate will not need what it
	// names, by a pronoun after it ("our engine is C++; you won't need to
	// touch either").
	CueDisowned Cue = "disowned"
	// CueDisownsBefore: the sentence says that what the sentence before
	// it named is not needed ("None of this is required for the role").
	CueDisownsBefore Cue = "disowns-before"
	// CuePlusAfter: a later clause of the sentence makes what it names a
	// plus, by a pronoun ("If you have contributed to open-source crates,
	// tell us; it is a plus, not a requirement").
	CuePlusAfter Cue = "plus-after"
	// CueYourWork: the sentence opens by telling the candidate what they
	// will do ("You'd be building the lowering path ..."): what the
	// company's product or customers are, said in it, does not make it
	// context.
	CueYourWork Cue = "your-work"
	// CueStory: the first sentence of a paragraph announces a worked
	// example or an anecdote ("A typical problem:"): the whole paragraph
	// tells it.
	CueStory Cue = "story"
	// CueAsksParagraph: the first sentence of a paragraph says that the
	// paragraph tells what the candidate needs ("What we need from you is
	// real depth in ..."): in an ad written as prose, that paragraph is
	// its requirements part.
	CueAsksParagraph Cue = "asks-paragraph"
	// CueCommentary: the sentence comments on the market, pay or careers.
	CueCommentary Cue = "commentary"
	// CueProduct: the sentence says what the company's product or
	// customers do.
	CueProduct Cue = "product"
	// CueOthers: the clause says other people's work: another team, a
	// vendor or a partner builds, owns or runs it.
	CueOthers Cue = "others"
	// CueQuestion: the sentence is a question the reader asks (an FAQ).
	CueQuestion Cue = "question"
	// CueDegree: the clause asks for a degree; the fields it names are the
	// degree's, not skills asked for.
	CueDegree Cue = "degree"
	// CueOffer: the clause says what the employer offers (sponsorship,
	// relocation), which asks nothing of the candidate.
	CueOffer Cue = "offer"
	// CueAbsence: a resume's clause says its writer has not used a skill.
	CueAbsence Cue = "absence"
	// CueAspiration: a resume's clause says its writer hopes to use a skill.
	CueAspiration Cue = "aspiration"
	// CueEquivalent: a job's degree clause accepts equivalent experience.
	CueEquivalent Cue = "equivalent"
	// CueUnfinished: a resume's degree is not finished (a candidate,
	// expected, in progress).
	CueUnfinished Cue = "unfinished"
	// CueMeasurable: a resume's bullet states a measurable result (a
	// number, a percentage, money, a time).
	CueMeasurable Cue = "measurable"
	// CueCliche: a resume's sentence uses a cliché or filler phrase that
	// says nothing a reader can check.
	CueCliche Cue = "cliche"
	// CueRelatedField: a job's degree clause accepts a related field ("or
	// a related field").
	CueRelatedField Cue = "related-field"
	// CueDomain: the words right before a phrase ask for experience in
	// it ("background in", "prior work at a"): the phrase is an ask of the
	// job's own (an industry, a kind of work) even when the taxonomy does
	// not know it.
	CueDomain Cue = "domain"
	// CueWorkplace: a job's clause sets where the work is done (days in
	// an office, a role on site): a requirement even among the benefits.
	CueWorkplace Cue = "workplace"
	// CueMusts: a sentence of a job without a requirements part states its
	// musts in so many words ("Must-haves are strong PyTorch"): it stands
	// for that part.
	CueMusts Cue = "musts"
	// CueYearsToo: a job's clause names a degree and asks the years it
	// names besides ("a Bachelor's degree and three years of experience").
	CueYearsToo Cue = "years-too"
	// CueYearsInstead: a job's degree clause offers a lesser degree with
	// years as the alternative ("a PhD, or an MSc plus 3 years"): the
	// years are that degree's.
	CueYearsInstead Cue = "years-instead"
	// CueEssentialCode: a job's line opens with a criterion's code for
	// essential ("E1"): the ad codes its criteria.
	CueEssentialCode Cue = "essential-code"
	// CueDesirableCode: a job's line opens with a criterion's code for
	// desirable ("D3"): a plus, in an ad that codes its criteria.
	CueDesirableCode Cue = "desirable-code"
	// CueChatHeader: a job's line is the header of a message in a pasted
	// chat (its author and time): after the post's own, the thread's
	// replies follow, which ask nothing.
	CueChatHeader Cue = "chat-header"
)

var knownCues = []Cue{CuePreferred, CueRequired, CueNegation, CueBoilerplate, CueExample, CueStory, CueAsksParagraph, CueDisowned, CueDisownsBefore, CuePlusAfter, CueYourWork, CueCommentary, CueProduct, CueOthers, CueQuestion, CueDegree, CueOffer, CueAbsence, CueAspiration, CueEquivalent, CueUnfinished, CueMeasurable, CueCliche, CueRelatedField, CueDomain, CueWorkplace, CueMusts, CueYearsToo, CueYearsInstead, CueEssentialCode, CueDesirableCode, CueChatHeader}

// RequirementKind says what a job asks beyond skills (see rules.yaml).
type RequirementKind string

// The kinds of requirements beyond skills.
const (
	RequireYears         RequirementKind = "years"
	RequireDegree        RequirementKind = "degree"
	RequireLocation      RequirementKind = "location"
	RequireAuthorization RequirementKind = "authorization"
	RequireTravel        RequirementKind = "travel"
	RequireLanguage      RequirementKind = "language"
	RequireOther         RequirementKind = "other"
)

// RequirementKinds are the kinds of requirements beyond skills.
var RequirementKinds = []RequirementKind{RequireYears, RequireDegree, RequireLocation, RequireAuthorization,
	RequireTravel, RequireLanguage, RequireOther}

// WordList names a list of words the code looks up (see rules.yaml).
type WordList string

// The word lists the code knows.
const (
	// WordsContext: near an ambiguous name, they show it is the technology.
	WordsContext WordList = "context"
	// WordsGeneric: words of every job ad, never a keyword on their own.
	WordsGeneric WordList = "generic"
	// WordsWeak: adjectives dropped from the start of a keyword.
	WordsWeak WordList = "weak"
	// WordsNotAName: capitalised words that may follow a skill's name
	// without making it a person's or a company's name. Compared as
	// written; the other lists in lower case.
	WordsNotAName WordList = "not-a-name"
	// WordsTails: nouns dropped from the end of a keyword ("eBPF
	// experience" asks for eBPF).
	WordsTails WordList = "tails"
	// WordsRetired: words after a tool's name and a form of "be" that
	// say it is on its way out ("is being phased out").
	WordsRetired WordList = "retired"
	// WordsMovedTo: words between a word of WordsRetiring and a tool that
	// make the tool the one moved to, which is asked ("migrating from
	// Hadoop to AWS").
	WordsMovedTo WordList = "moved-to"
	// WordsBe: the forms of "be" that come before a word of WordsRetired
	// ("is being phased out", "has been retired").
	WordsBe WordList = "be"
	// WordsSubordinators: words that start a clause of circumstance
	// ("when", "once"), after which nothing speaks of the tool before.
	WordsSubordinators WordList = "subordinators"
	// WordsSkillHeads: last words that make a phrase asked for a skill the
	// taxonomy does not know ("load testing", "code review").
	WordsSkillHeads WordList = "skill-heads"
	// WordsRoles: last words that make a phrase a job title ("QA
	// Automation Engineer"), never a keyword.
	WordsRoles WordList = "roles"
	// WordsNotKeywords: places, days, languages and other capitalised
	// words that never make a keyword.
	WordsNotKeywords WordList = "not-keywords"
	// WordsTitleFiller: words of a job title that say its level, terms or
	// nothing ("Senior", "II", "(m/f/d)", "of"); a resume need not repeat
	// them to carry the title.
	WordsTitleFiller WordList = "title-filler"
	// WordsTitleHeads: the words a job title's role ends in or turns on
	// ("Engineer", "Scientist", "DBA", "Head of Data"): a short line near
	// a job's top that holds one is its title.
	WordsTitleHeads WordList = "title-heads"
	// WordsTitleLabels: what a line may say before a job's title and a
	// colon ("Job Title:", "Subject:", "Position:").
	WordsTitleLabels WordList = "title-labels"
	// WordsHonorifics: words written before a person's name ("Prof",
	// "Dr"): the capitalised words after one are a name, never a skill.
	WordsHonorifics WordList = "honorifics"
	// WordsTitles: words of the job title under a person's name in a
	// signature ("Principal Consultant"): the line of names above one is a
	// name.
	WordsTitles WordList = "titles"
	// WordsSignoffs: words of the line above a signature ("Kind regards",
	// "Meet the hiring team").
	WordsSignoffs WordList = "sign-offs"
	// WordsNegators: words right before a skill's name that rule it out
	// ("CSS Modules, not Tailwind"; "rather than Airflow").
	WordsNegators WordList = "negators"
	// WordsContrasts: words that, after a comma, start a clause of their
	// own in a job ad, so that its cues stay there ("WebGL would be an
	// advantage, but you won't be writing shaders").
	WordsContrasts WordList = "contrasts"
	// WordsRetiring: words that say a tool is on its way out ("we're
	// migrating from", "retiring our old"): a skill named within a few
	// words after one, before "to" or "with", is not asked.
	WordsRetiring WordList = "retiring"
	// WordsCarryOn: words that, ending a line, carry its sentence on to
	// the next line ("Experience with" / "Kubernetes"): a line after one
	// is no item of a list whose bullets were lost.
	WordsCarryOn WordList = "carry-on"
	// WordsClosings: the last word of the line that closes a letter
	// ("Kind regards,"): the signature after it asks nothing.
	WordsClosings WordList = "closings"
	// WordsAttach: participles that open a comma's item which says
	// something of the item before ("Node.js, maintained by the platform
	// squad").
	WordsAttach WordList = "attach"
	// WordsRelatives: words that open a comma's item which says something
	// of the last words before it ("the firmware team, who own ...").
	WordsRelatives WordList = "relatives"
	// WordsFieldSkills: the ids of skills that, named in a job's title
	// ("Machine Learning Engineer, Search"), name the job's field rather
	// than ask for the skill.
	WordsFieldSkills WordList = "field-skills"
	// WordsFieldNouns: words that a field skill's name qualifies ("ML
	// venues", "ML workloads", "ML platform"): the field said of things
	// or places, not asked for.
	WordsFieldNouns WordList = "field-nouns"
	// WordsAcronymSkip: the small words an acronym skips when it is spelt
	// out ("Ministry of Education (MoE)").
	WordsAcronymSkip WordList = "acronym-skip"
	// WordsDataSpans: what "N years of" may measure that is no experience
	// ("five years of smart-meter data").
	WordsDataSpans WordList = "data-spans"
	// WordsNarrowers: words right after a skill's phrase that lead to the
	// name of a narrower skill saying what the phrase does ("deploying ML
	// models on edge devices").
	WordsNarrowers WordList = "narrowers"
	// WordsNamers: words right before a skill's name that make it the name
	// of a pet, a machine or a person ("a dog named Bert").
	WordsNamers WordList = "namers"
)

var knownWordLists = []WordList{WordsContext, WordsGeneric, WordsWeak, WordsTails, WordsNotAName, WordsSkillHeads, WordsRoles, WordsNotKeywords, WordsTitleFiller, WordsTitleHeads, WordsTitleLabels, WordsHonorifics, WordsTitles, WordsSignoffs, WordsNegators, WordsContrasts, WordsRetiring, WordsMovedTo, WordsRetired, WordsBe, WordsSubordinators, WordsCarryOn, WordsClosings, WordsAttach, WordsRelatives, WordsFieldSkills, WordsFieldNouns, WordsAcronymSkip, WordsDataSpans, WordsNarrowers, WordsNamers}

// Rules are the language rules a job ad is read with: which kind of part
// each heading names, the cues of clauses and sentences, and word lists.
// They are immutable and safe to share between goroutines.
type Rules struct {
	// Version is the rules file's version, with those of any extension.
	Version  string
	sections []sectionRule
	// requirements give the kind of requirement a clause states, tried in
	// order.
	requirements []requirementRule
	cues         map[Cue]*lazyRegexp
	// cuePatterns are the patterns each cue's expression joins.
	cuePatterns map[Cue][]string
	// parts are each cue's patterns alone, with their needles: Has runs
	// only the patterns whose words a clause holds.
	parts map[Cue][]patternPart
	words map[WordList]map[string]bool
	// degrees are the levels of a degree, highest first.
	degrees []degreeRule
	// dates are the words of dates and numbers.
	dates Dates
	// names finds people's names by their form.
	names *text.NameFinder
	// needles numbers the needles of every expression above and finds
	// those a clause holds.
	needles *needleIndex
	// examples and counterexamples of every entry, for tests.
	checks []ruleCheck
}

// patternPart is one pattern of a cue or a requirement entry, and its
// needles (what every match holds), as strings and numbered in the rules'
// needleIndex.
type patternPart struct {
	re      *lazyRegexp
	needles needles
	ids     [][]int32
	// firstPairs, when set, holds the first pairs of the needles of the
	// part's first group (see needleIndex.firstPairs).
	firstPairs *pairSet
}

// anyPart reports whether one of parts matches s, running only those
// whose needles s holds (held, from needleIndex.held).
func anyPart(parts []patternPart, s string, held heldNeedles) bool {
	for _, p := range parts {
		if p.firstPairs != nil && !held.mayHold(p.firstPairs) {
			continue // the usual case: the clause holds none of its first group
		}
		if held.all(p.ids) && p.re.get().MatchString(s) {
			return true
		}
	}
	return false
}

// sectionRule gives the kind of the headings its pattern matches.
type sectionRule struct {
	kind extract.SectionKind
	// re is the entry's patterns joined, which the tests hold the parts to.
	re *lazyRegexp
	// parts are the entry's patterns, each alternative alone, run only
	// when the heading holds its needles (see SectionKind): one
	// expression of all of them ran every alternative at every position
	// of every heading-like line.
	parts []patternPart
}

// requirementRule gives the kind of the requirements its pattern matches.
type requirementRule struct {
	kind RequirementKind
	// re is the entry's patterns joined, which the tests hold the parts to.
	re *lazyRegexp
	// parts are the entry's patterns alone, each run only when its
	// needles are in the clause (see Has).
	parts []patternPart
}

// lazyRegexp is an expression compiled on first use. Compiling the rules'
// expressions was most of loading them (2-3 ms of every run); a run
// compiles only those it needs (a check against the built-in profile, whose
// job is read ahead, needs none of a job's), and the needles spare most
// sentences even that. Expressions of a user's file are compiled when it
// loads, so that a mistake is reported then, naming the line; the built-in
// ones are checked by TestBuiltinRules_Compile.
type lazyRegexp struct {
	src  string
	once sync.Once
	re   *regexp.Regexp
}

// compiled returns a lazyRegexp holding re, compiled already.
func compiled(re *regexp.Regexp) *lazyRegexp {
	l := &lazyRegexp{src: re.String(), re: re}
	l.once.Do(func() {})
	return l
}

// get returns the compiled expression.
func (l *lazyRegexp) get() *regexp.Regexp {
	l.once.Do(func() { l.re = regexp.MustCompile(l.src) })
	return l.re
}

// ruleCheck is one example or counterexample of an entry.
type ruleCheck struct {
	section     extract.SectionKind
	requirement RequirementKind
	cue         Cue
	degree      DegreeLevel
	dateRange   bool
	text        string
	match       bool
	where       string
}

// rulesFile is the top level of a rules file; a taxonomy file may carry
// the same three lists.
type rulesFile struct {
	Version      string      `yaml:"version"`
	Sections     []yaml.Node `yaml:"sections"`
	Cues         []yaml.Node `yaml:"cues"`
	Requirements []yaml.Node `yaml:"requirements"`
	Words        []yaml.Node `yaml:"words"`
	Degrees      []yaml.Node `yaml:"degrees"`
	Dates        yaml.Node   `yaml:"dates"`
}

// rulesSource is a rules file decoded: its entries, each with the line it
// starts on. The built-in one is also written ahead as Go
// (rules_builtin.go, without examples), so that a run does not parse the
// YAML.
type rulesSource struct {
	Version      string
	Sections     []sectionEntry
	Requirements []sectionEntry
	Cues         []cueEntry
	Words        []wordsEntry
	Degrees      []degreeEntry
	// Dates holds the dates entry when DatesLine is not 0.
	Dates     datesEntry
	DatesLine int
}

type sectionEntry struct {
	Kind            string   `yaml:"kind"`
	Patterns        []string `yaml:"patterns"`
	Examples        []string `yaml:"examples"`
	Counterexamples []string `yaml:"counterexamples"`
	Line            int      `yaml:"-"`
}

type cueEntry struct {
	Cue             string   `yaml:"cue"`
	Patterns        []string `yaml:"patterns"`
	Examples        []string `yaml:"examples"`
	Counterexamples []string `yaml:"counterexamples"`
	Line            int      `yaml:"-"`
}

type wordsEntry struct {
	List  string   `yaml:"list"`
	Words []string `yaml:"words"`
	Line  int      `yaml:"-"`
}

// decodeRules decodes the entries of f, checking each holds only the
// fields its kind has.
func decodeRules(name string, f rulesFile) (rulesSource, error) {
	errf := func(line int, format string, args ...any) error {
		return fmt.Errorf("%s:%d: %w: %s", name, line, ErrTaxonomy, fmt.Sprintf(format, args...))
	}
	src := rulesSource{Version: f.Version}
	kinds := func(nodes []yaml.Node, what string) ([]sectionEntry, error) {
		var out []sectionEntry
		for i := range nodes {
			n := &nodes[i]
			e := sectionEntry{Line: n.Line}
			if err := decodeEntry(n, &e, "kind", "patterns", "examples", "counterexamples"); err != nil {
				return nil, errf(n.Line, "%s %d: %v", what, i+1, err)
			}
			out = append(out, e)
		}
		return out, nil
	}
	var err error
	if src.Sections, err = kinds(f.Sections, "section"); err != nil {
		return src, err
	}
	if src.Requirements, err = kinds(f.Requirements, "requirement"); err != nil {
		return src, err
	}
	for i := range f.Cues {
		n := &f.Cues[i]
		e := cueEntry{Line: n.Line}
		if err := decodeEntry(n, &e, "cue", "patterns", "examples", "counterexamples"); err != nil {
			return src, errf(n.Line, "cue %d: %v", i+1, err)
		}
		src.Cues = append(src.Cues, e)
	}
	for i := range f.Words {
		n := &f.Words[i]
		e := wordsEntry{Line: n.Line}
		if err := decodeEntry(n, &e, "list", "words"); err != nil {
			return src, errf(n.Line, "words %d: %v", i+1, err)
		}
		src.Words = append(src.Words, e)
	}
	for i := range f.Degrees {
		n := &f.Degrees[i]
		e := degreeEntry{Line: n.Line}
		if err := decodeEntry(n, &e, "level", "patterns", "examples", "counterexamples"); err != nil {
			return src, errf(n.Line, "degree %d: %v", i+1, err)
		}
		src.Degrees = append(src.Degrees, e)
	}
	if f.Dates.Kind != 0 {
		if err := decodeEntry(&f.Dates, &src.Dates, "months", "present", "numbers", "examples", "counterexamples"); err != nil {
			return src, errf(f.Dates.Line, "dates: %v", err)
		}
		src.DatesLine = f.Dates.Line
	}
	return src, nil
}

// builtinRules compiles the built-in rules from rules_builtin.go, which
// TestBuiltinRules_Generated keeps equal to rules.yaml without its
// examples.
var builtinRules = sync.OnceValues(func() (*Rules, error) {
	return compileRules(BuiltinRulesName, builtinRulesSource, nil)
})

// builtinRulesYAMLSource decodes rules.yaml, examples and all.
func builtinRulesYAMLSource() (rulesSource, error) {
	var f rulesFile
	dec := yaml.NewDecoder(strings.NewReader(string(builtinRulesYAML)))
	dec.KnownFields(true)
	if err := dec.Decode(&f); err != nil {
		return rulesSource{}, yamlError(BuiltinRulesName, err)
	}
	if f.Version == "" {
		return rulesSource{}, fmt.Errorf("%s:1: %w: missing version", BuiltinRulesName, ErrTaxonomy)
	}
	return decodeRules(BuiltinRulesName, f)
}

// BuiltinRules returns the language rules built into tailor.
func BuiltinRules() (*Rules, error) { return builtinRules() }

// compileRules validates the entries of f and returns rules that try them
// before those of base (nil for none).
func compileRules(name string, f rulesSource, base *Rules) (*Rules, error) {
	errf := func(line int, format string, args ...any) error {
		return fmt.Errorf("%s:%d: %w: %s", name, line, ErrTaxonomy, fmt.Sprintf(format, args...))
	}
	r := &Rules{Version: f.Version, cues: map[Cue]*lazyRegexp{}, cuePatterns: map[Cue][]string{}, parts: map[Cue][]patternPart{},
		words: map[WordList]map[string]bool{}}
	cuePatterns := map[Cue][]string{}
	// sources are the entries of this file that give each cue patterns,
	// for naming the one whose pattern does not compile.
	type cueSource struct {
		line     int
		patterns []string
	}
	sources := map[Cue][]cueSource{}
	if base != nil {
		r.Version = base.Version + "+" + f.Version
		r.checks = slices.Clone(base.checks)
		for c, ps := range base.cuePatterns {
			cuePatterns[c] = append(cuePatterns[c], ps...)
		}
		for l, ws := range base.words {
			r.words[l] = map[string]bool{}
			for w := range ws {
				r.words[l][w] = true
			}
		}
	}
	// The patterns of an entry are compiled as one expression, which
	// costs much less than compiling each (every run pays it); when that
	// fails, each is tried alone so that the error names it.
	check := func(line int, entry string, ps []string) error {
		for _, p := range ps {
			if _, err := syntax.Parse("(?i)"+p, syntax.Perl); err != nil {
				return errf(line, "%s: pattern %q: %v", entry, p, strings.TrimPrefix(err.Error(), "error parsing regexp: "))
			}
		}
		if _, err := regexp.Compile(alternation(ps)); err != nil {
			return errf(line, "%s: %v", entry, err)
		}
		return nil
	}
	// The built-in rules are compiled on first use (see lazyRegexp).
	lazy := name == BuiltinRulesName
	err := compileKindEntries(f.Sections, "section", name, extract.JobSectionKinds, errf, check, lazy,
		func(kind extract.SectionKind, re *lazyRegexp, e sectionEntry, where string) {
			r.sections = append(r.sections, sectionRule{kind: kind, re: re, parts: patternParts(e.Patterns)})
			r.checks = append(r.checks, entryChecks(e, where, func(c *ruleCheck) { c.section = kind })...)
		})
	if err != nil {
		return nil, err
	}
	if base != nil {
		r.sections = append(r.sections, base.sections...)
	}
	err = compileKindEntries(f.Requirements, "requirement", name, RequirementKinds, errf, check, lazy,
		func(kind RequirementKind, re *lazyRegexp, e sectionEntry, where string) {
			r.requirements = append(r.requirements, requirementRule{kind: kind, re: re, parts: patternParts(e.Patterns)})
			r.checks = append(r.checks, entryChecks(e, where, func(c *ruleCheck) { c.requirement = kind })...)
		})
	if err != nil {
		return nil, err
	}
	if base != nil {
		r.requirements = append(r.requirements, base.requirements...)
	}
	for _, e := range f.Cues {
		c := Cue(e.Cue)
		if !slices.Contains(knownCues, c) {
			return nil, errf(e.Line, "cue %q: unknown cue (want one of %v)", e.Cue, knownCues)
		}
		if len(e.Patterns) == 0 {
			return nil, errf(e.Line, "cue %q: no patterns", e.Cue)
		}
		cuePatterns[c] = append(cuePatterns[c], e.Patterns...)
		sources[c] = append(sources[c], cueSource{line: e.Line, patterns: e.Patterns})
		r.checks = append(r.checks, entryChecks(sectionEntry{Examples: e.Examples, Counterexamples: e.Counterexamples},
			fmt.Sprintf("%s:%d: cue %q", name, e.Line, e.Cue), func(rc *ruleCheck) { rc.cue = c })...)
	}
	for c, ps := range cuePatterns {
		// One expression per cue, to find where it matches (Has runs the
		// patterns apart); when it fails to compile, each entry is tried
		// alone so that the error names it.
		if lazy {
			src := alternation(ps)
			r.cues[c], r.cuePatterns[c] = &lazyRegexp{src: src}, ps
			r.parts[c] = patternParts(ps)
			continue
		}
		re, err := regexp.Compile(alternation(ps))
		if err != nil {
			for _, src := range sources[c] {
				if err := check(src.line, fmt.Sprintf("cue %q", c), src.patterns); err != nil {
					return nil, err
				}
			}
			return nil, errf(1, "cue %q: %v", c, err)
		}
		r.cues[c], r.cuePatterns[c] = compiled(re), ps
		r.parts[c] = patternParts(ps)
	}
	for _, e := range f.Words {
		l := WordList(e.List)
		if !slices.Contains(knownWordLists, l) {
			return nil, errf(e.Line, "words %q: unknown list (want one of %v)", e.List, knownWordLists)
		}
		if r.words[l] == nil {
			r.words[l] = map[string]bool{}
		}
		for _, w := range e.Words {
			if l != WordsNotAName {
				w = strings.ToLower(w)
			}
			r.words[l][w] = true
		}
	}
	if err := compileQualifications(r, name, f, base); err != nil {
		return nil, err
	}
	honorifics := make([]string, 0, len(r.words[WordsHonorifics]))
	for w := range r.words[WordsHonorifics] {
		honorifics = append(honorifics, w)
	}
	titles := make([]string, 0, len(r.words[WordsTitles]))
	for w := range r.words[WordsTitles] {
		titles = append(titles, w)
	}
	signoffs := make([]string, 0, len(r.words[WordsSignoffs]))
	for w := range r.words[WordsSignoffs] {
		signoffs = append(signoffs, w)
	}
	r.names = text.NewNameFinder(honorifics, titles, signoffs)
	r.numberNeedles()
	return r, nil
}

// numberNeedles numbers the needles of every expression of r in an index
// of r's own. Parts shared with the rules r extends are copied first.
func (r *Rules) numberNeedles() {
	// The built-in rules come numbered in the built-in index (see
	// needlesOf); rules of a file are numbered here, all of them, those
	// they extend included.
	numbered := true
	r.eachNeedles(func(n needles, ids *[][]int32) { numbered = numbered && (n == nil || *ids != nil) })
	if numbered {
		r.needles = builtinNeedleIndex()
		r.setFirstPairs()
		return
	}
	for i := range r.sections {
		r.sections[i].parts = slices.Clone(r.sections[i].parts)
	}
	for i := range r.requirements {
		r.requirements[i].parts = slices.Clone(r.requirements[i].parts)
	}
	for c, ps := range r.parts {
		r.parts[c] = slices.Clone(ps)
	}
	r.degrees = slices.Clone(r.degrees)
	// One walk finds every expression's needles and where their numbers
	// go, so that the index can be sized before numbering (see
	// newNeedleIndex).
	type slot struct {
		n   needles
		ids *[][]int32
	}
	var slots []slot
	refs, pairs := 0, 0
	r.eachNeedles(func(n needles, ids *[][]int32) {
		slots = append(slots, slot{n, ids})
		refs, pairs = refs+n.count(), pairs+n.pairCount()
	})
	x := newNeedleIndex(refs, pairs)
	for _, sl := range slots {
		*sl.ids = x.number(sl.n)
	}
	x.pickFirst()
	x.ids = nil // numbering is done; the map is no longer asked
	r.needles = x
	r.setFirstPairs()
}

// setFirstPairs sets the first pairs of every part of r whose first group
// is large enough to be worth them (see needleIndex.firstPairs), all in
// one array. The parts are r's own: numberNeedles cloned those shared with
// the rules r extends, or they are numbered in the same built-in index.
func (r *Rules) setFirstPairs() {
	n := 0
	r.eachPart(func(p *patternPart) {
		if r.needles.firstPairs(p.ids, nil) {
			n++
		}
	})
	sets := make([]pairSet, n)
	r.eachPart(func(p *patternPart) {
		p.firstPairs = nil
		if len(sets) > 0 && r.needles.firstPairs(p.ids, &sets[0]) {
			p.firstPairs, sets = &sets[0], sets[1:]
		}
	})
}

// eachNeedles calls fn with the needles of every expression of r and
// where their numbers are kept.
func (r *Rules) eachNeedles(fn func(n needles, ids *[][]int32)) {
	r.eachPart(func(p *patternPart) { fn(p.needles, &p.ids) })
	for i := range r.degrees {
		fn(r.degrees[i].needles, &r.degrees[i].ids)
	}
}

// eachPart calls fn with every part of r's section, requirement and cue
// expressions, in place.
func (r *Rules) eachPart(fn func(p *patternPart)) {
	for i := range r.sections {
		for j := range r.sections[i].parts {
			fn(&r.sections[i].parts[j])
		}
	}
	for i := range r.requirements {
		for j := range r.requirements[i].parts {
			fn(&r.requirements[i].parts[j])
		}
	}
	for _, ps := range r.parts {
		for j := range ps {
			fn(&ps[j])
		}
	}
}

// Names returns the finder of people's names by their form (after an
// honorific, in a list of authors).
func (r *Rules) Names() *text.NameFinder { return r.names }

// compileKindEntries decodes and compiles the entries of a list whose
// entries each give a kind of known (sections, requirements), and calls add
// with each entry's kind and expression, and where it is for its examples.
func compileKindEntries[K ~string](entries []sectionEntry, what, name string, known []K,
	errf func(int, string, ...any) error, check func(int, string, []string) error, lazy bool,
	add func(kind K, re *lazyRegexp, e sectionEntry, where string)) error {
	for _, e := range entries {
		kind := K(e.Kind)
		if !slices.Contains(known, kind) {
			return errf(e.Line, "%s %q: unknown kind (want one of %v)", what, e.Kind, known)
		}
		if len(e.Patterns) == 0 {
			return errf(e.Line, "%s %q: no patterns", what, e.Kind)
		}
		where := fmt.Sprintf("%s:%d: %s %q", name, e.Line, what, e.Kind)
		if lazy {
			add(kind, &lazyRegexp{src: alternation(e.Patterns)}, e, where)
			continue
		}
		re, err := regexp.Compile(alternation(e.Patterns))
		if err != nil {
			return check(e.Line, fmt.Sprintf("%s %q", what, e.Kind), e.Patterns)
		}
		add(kind, compiled(re), e, where)
	}
	return nil
}

// entryChecks returns the checks of an entry's examples and
// counterexamples, each marked by set with what it checks.
func entryChecks(e sectionEntry, where string, set func(*ruleCheck)) []ruleCheck {
	var out []ruleCheck
	for _, ex := range e.Examples {
		c := ruleCheck{text: ex, match: true, where: where}
		set(&c)
		out = append(out, c)
	}
	for _, ce := range e.Counterexamples {
		c := ruleCheck{text: ce, where: where}
		set(&c)
		out = append(out, c)
	}
	return out
}

// alternation joins patterns into one case-insensitive expression that
// matches where any of them does.
func alternation(ps []string) string {
	return "(?i)(?:" + strings.Join(ps, ")|(?:") + ")"
}

// decodeEntry decodes one entry of a rules list, refusing keys other than
// allowed.
func decodeEntry(n *yaml.Node, v any, allowed ...string) error {
	if n.Kind != yaml.MappingNode {
		return fmt.Errorf("not a mapping")
	}
	for k := 0; k+1 < len(n.Content); k += 2 {
		if !slices.Contains(allowed, n.Content[k].Value) {
			return fmt.Errorf("unknown field %q", n.Content[k].Value)
		}
	}
	if err := n.Decode(v); err != nil {
		return fmt.Errorf("%s", strings.TrimPrefix(err.Error(), "yaml: "))
	}
	return nil
}

// NormalizeHeading puts a heading as written in the form the section
// patterns see: Markdown marks, bullets and closing punctuation removed,
// typographic apostrophes plain, spaces collapsed.
func NormalizeHeading(h string) string {
	h = strings.ReplaceAll(h, "’", "'")
	h = strings.ReplaceAll(h, "&amp;", "&")
	// Marks, bullets and emoji around the words go ("▸ 🚫 Not needed",
	// "## **Requirements:**"); a closing bracket stays.
	h = strings.TrimLeftFunc(h, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '(' })
	h = strings.TrimRightFunc(h, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != ')' && r != '+' && r != '#'
	})
	return strings.Join(strings.Fields(h), " ")
}

// SectionKind returns the kind of part a job ad's heading names, and false
// when no rule knows it.
func (r *Rules) SectionKind(heading string) (extract.SectionKind, bool) {
	h := NormalizeHeading(heading)
	if h == "" {
		return "", false
	}
	held := r.needles.held(h)
	for _, s := range r.sections {
		if anyPart(s.parts, h, held) {
			return s.kind, true
		}
	}
	return "", false
}

// Requirement returns the first kind of requirement beyond skills a clause
// states, and false when it states none.
func (r *Rules) Requirement(clause string) (RequirementKind, bool) {
	kinds := r.Requirements(clause)
	if len(kinds) == 0 {
		return "", false
	}
	return kinds[0], true
}

// Requirements returns every kind of requirement beyond skills a clause
// states, in the rules' order; years that go with a degree or replace it
// ("a BS with 4+ years of experience") are the degree's, unless the clause
// asks them besides (the years-too cue: "a Bachelor's degree and three
// years of experience") and they are no lesser degree's (years-instead:
// "a PhD, or an MSc plus 3 years").
func (r *Rules) Requirements(clause string) []RequirementKind {
	s := strings.ReplaceAll(clause, "’", "'")
	held := r.needles.held(s)
	var out []RequirementKind
	for _, q := range r.requirements {
		if !slices.Contains(out, q.kind) && anyPart(q.parts, s, held) {
			out = append(out, q.kind)
		}
	}
	if slices.Contains(out, RequireDegree) && (!r.Has(CueYearsToo, s) || r.Has(CueYearsInstead, s)) {
		out = slices.DeleteFunc(out, func(k RequirementKind) bool { return k == RequireYears })
	}
	return out
}

// Has reports whether s holds cue c. It runs only the cue's patterns whose
// needles s holds, each alone: a common word ("no", "our") lets one pattern
// through, and the rest of the cue's expression need not run (job analysis
// 2.8 -> 1.9 ms, BenchmarkJob).
func (r *Rules) Has(c Cue, s string) bool {
	s = matchable(s)
	return anyPart(r.parts[c], s, r.needles.held(s))
}

// patternParts returns each alternative of each of patterns as a part of
// its own: a pattern of many alternatives (`\bremote\b...|\bhybrid\b...|
// \bon-?site\b`) then runs only the alternative whose words a clause
// holds, not all of them at every position (the location requirement's
// expression took 29 µs a clause).
//
// A pattern of the built-in rules has its parts worked out ahead
// (builtinPatternParts): splitting and looking up every alternative was
// two fifths of compiling the rules, which every run does.
func patternParts(patterns []string) []patternPart {
	var out []patternPart
	for _, p := range patterns {
		if places, ok := builtinPartsOf(p); ok {
			for _, i := range places {
				e := &builtinNeedles[i]
				out = append(out, patternPart{re: &lazyRegexp{src: e.expr}, needles: e.needles, ids: e.ids})
			}
			continue
		}
		out = splitParts(out, p)
	}
	return out
}

// splitParts appends the parts of pattern p, worked out now: each of its
// alternatives, with its needles.
func splitParts(out []patternPart, p string) []patternPart {
	for _, alt := range topAlternatives(p) {
		src := alternation([]string{alt})
		ns, ids := needlesOf(src)
		out = append(out, patternPart{re: &lazyRegexp{src: src}, needles: ns, ids: ids})
	}
	return out
}

// topAlternatives splits an expression at its top-level "|": those
// outside groups and character classes, not escaped. An expression that
// changes its flags at the top level ("(?-i)...") stays whole.
func topAlternatives(expr string) []string {
	if strings.Contains(expr, "(?-i)") || strings.Contains(expr, "(?i)") {
		return []string{expr}
	}
	var out []string
	depth, start, class := 0, 0, false
	for i := 0; i < len(expr); i++ {
		switch c := expr[i]; {
		case c == '\\':
			i++ // the escaped byte
		case class:
			class = c != ']'
		case c == '[':
			class = true
			if i+1 < len(expr) && expr[i+1] == ']' {
				i++ // "[]...]": the bracket is the class's
			}
		case c == '(':
			depth++
		case c == ')':
			depth--
		case c == '|' && depth == 0:
			out = append(out, expr[start:i])
			start = i + 1
		}
	}
	return append(out, expr[start:])
}

// matchable returns s as cues are matched against it: Markdown's emphasis
// or quote marks before its first word dropped ("*For example, ..."),
// curly apostrophes made straight, and a line break inside a sentence,
// with the indent after it, read as the space it stands for ("our\n
// compiler team handles").
func matchable(s string) string {
	if s != "" && strings.ContainsRune("*_>", rune(s[0])) {
		s = strings.TrimLeft(s, "*_> ")
	}
	s = strings.ReplaceAll(s, "’", "'")
	if !strings.Contains(s, "\n") {
		return s
	}
	lines := strings.Split(s, "\n")
	for i := range lines {
		if i > 0 {
			lines[i] = strings.TrimLeft(lines[i], " \t")
		}
		if i < len(lines)-1 {
			lines[i] = strings.TrimRight(lines[i], " \t")
		}
	}
	return strings.Join(lines, " ")
}

// Word reports whether w is on list l: in lower case, but for
// WordsNotAName, which compares as written.
func (r *Rules) Word(l WordList, w string) bool {
	if l == WordsNotAName {
		return r.words[l][w]
	}
	// Most words asked about are short: lower them on the stack (a
	// map index by string(bytes) does not allocate).
	var buf [32]byte
	if len(w) <= len(buf) {
		for i := 0; i < len(w); i++ {
			c := w[i]
			if c >= 0x80 {
				return r.words[l][strings.ToLower(w)]
			}
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			buf[i] = c
		}
		return r.words[l][string(buf[:len(w)])]
	}
	return r.words[l][strings.ToLower(w)]
}

// Check runs every example and counterexample of the rules and returns one
// line for each that fails.
func (r *Rules) Check() []string {
	var out []string
	for _, c := range r.checks {
		var got bool
		switch {
		case c.section != "":
			kind, _ := r.SectionKind(c.text)
			got = kind == c.section
		case c.requirement != "":
			kind, _ := r.Requirement(c.text)
			got = kind == c.requirement
		case c.degree != "":
			got = slices.Contains(r.DegreeLevels(c.text), c.degree)
		case c.dateRange:
			got = len(r.DateRanges(c.text)) > 0
		default:
			got = r.Has(c.cue, c.text)
		}
		if got != c.match {
			what := "example"
			if !c.match {
				what = "counterexample"
			}
			out = append(out, fmt.Sprintf("%s: %s %q: matched %v", c.where, what, c.text, got))
		}
	}
	return out
}

// NextWords returns, for each match of cue c in s, the word that follows
// it when only spaces stand between ("our platform team"; "" for "our
// platform, team" or at the end): a caller can tell "our platform" from
// "our platform team".
func (r *Rules) NextWords(c Cue, s string) []string {
	// Telling whether it matches at all is several times faster than
	// finding where, and most sentences that hold a needle do not match.
	if !r.Has(c, s) {
		return nil
	}
	re, s := r.cues[c].get(), matchable(s)
	var out []string
	for _, m := range re.FindAllStringIndex(s, -1) {
		word := ""
		if w := strings.FieldsFunc(s[m[1]:], func(r rune) bool { return !unicode.IsLetter(r) && r != '-' }); len(w) > 0 &&
			strings.HasPrefix(strings.TrimLeft(s[m[1]:], " "), w[0]) {
			word = w[0]
		}
		out = append(out, word)
	}
	return out
}

// Find returns the words of s that match cue c, in order.
func (r *Rules) Find(c Cue, s string) []string {
	if !r.Has(c, s) {
		return nil
	}
	return r.cues[c].get().FindAllString(matchable(s), -1)
}
