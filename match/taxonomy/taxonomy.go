package taxonomy

import (
	_ "embed"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"

	"go.yaml.in/yaml/v3"

	"github.com/tailor-cli/tailor/match/text"
)

//go:generate go run ./internal/gentaxonomy -in taxonomy.yaml -out taxonomy_builtin.go
//go:generate go test -run ^TestBuiltinCompiled$ -update

//go:embed taxonomy.yaml
var builtinYAML []byte

// BuiltinName is the name errors and reports use for the embedded
// taxonomy.
const BuiltinName = "builtin:taxonomy.yaml"

// ErrTaxonomy marks an error in a taxonomy file; the message names the file,
// line and entry.
var ErrTaxonomy = errors.New("invalid taxonomy")

// Category groups skills for the report ("Model architectures").
type Category struct {
	ID   string `yaml:"id" json:"id"`
	Name string `yaml:"name" json:"name"`
}

// Skill is one entry of the taxonomy, as written in the file.
type Skill struct {
	ID              string   `yaml:"id"`
	Name            string   `yaml:"name"`
	Category        string   `yaml:"category"`
	Aliases         []string `yaml:"aliases"`
	Exact           []string `yaml:"exact"`
	Ambiguous       []string `yaml:"ambiguous"`
	Listed          []string `yaml:"listed"`
	Tools           []Tool   `yaml:"tools"`
	Phrases         []string `yaml:"phrases"`
	Not             []string `yaml:"not"`
	Implies         []string `yaml:"implies"`
	Template        string   `yaml:"template"`
	Examples        []string `yaml:"examples"`
	Counterexamples []string `yaml:"counterexamples"`

	line int
	// idx is the skill's place in its taxonomy's skills (and data).
	idx int
}

// Tool is one tool or product of a skill's kind, by every name it goes by
// ("VS Code", "Visual Studio Code"). In the file it is one name, or a list
// of the names of one tool.
type Tool []string

// UnmarshalYAML reads a tool as one name or a list of names.
func (t *Tool) UnmarshalYAML(n *yaml.Node) error {
	switch n.Kind {
	case yaml.ScalarNode:
		*t = Tool{n.Value}
		return nil
	case yaml.SequenceNode:
		var names []string
		if err := n.Decode(&names); err != nil {
			return err
		}
		*t = names
		return nil
	}
	return fmt.Errorf("line %d: a tool is a name or a list of the names of one tool", n.Line)
}

// ToolTerms returns the names of every tool of the skill.
func (s *Skill) ToolTerms() []string {
	var out []string
	for _, t := range s.Tools {
		out = append(out, t...)
	}
	return out
}

// Taxonomy is a validated, compiled skill taxonomy. It is immutable and safe
// to share between goroutines.
type Taxonomy struct {
	// Version is the taxonomy file's version string.
	Version string
	// Source names where the taxonomy came from.
	Source     string
	categories []Category
	skills     []*Skill
	byID       map[string]*Skill
	// index holds the patterns of the skills' terms by the key of their
	// first token.
	index keyIndex[pattern]
	// phraseIndex holds the skills' phrases by the stems of their first words.
	phraseIndex keyIndex[phrase]
	// data holds what compiling works out for each skill, by its idx.
	data  []skillData
	rules *Rules
	// byCategory holds the skills' ids by category, for Related; built on
	// first use.
	byCategory     map[string][]string
	byCategoryOnce sync.Once
	// related holds Related's answers by skill id: a screen compares
	// thousands of resumes with one job, whose missing skills repeat.
	related sync.Map
}

// taxonomyFile is the file's top level.
type taxonomyFile struct {
	Version    string      `yaml:"version"`
	Replace    bool        `yaml:"replace"`
	Categories []Category  `yaml:"categories"`
	Skills     []yaml.Node `yaml:"skills"`
	// Sections, Cues, Requirements, Words, Degrees and Dates extend the language rules
	// (rules.yaml).
	Sections     []yaml.Node `yaml:"sections"`
	Cues         []yaml.Node `yaml:"cues"`
	Requirements []yaml.Node `yaml:"requirements"`
	Words        []yaml.Node `yaml:"words"`
	Degrees      []yaml.Node `yaml:"degrees"`
	Dates        yaml.Node   `yaml:"dates"`
}

var (
	// skillFields are the keys a skill entry may have (Skill's yaml tags).
	skillFields = map[string]bool{"id": true, "name": true, "category": true, "aliases": true, "exact": true,
		"ambiguous": true, "listed": true, "tools": true, "phrases": true, "not": true, "implies": true, "template": true, "examples": true, "counterexamples": true}
	idPattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
)

// BuiltinVersion is the built-in taxonomy's version, known without
// compiling it.
func BuiltinVersion() string { return builtinVersion }

// Builtin returns the taxonomy built into tailor. Its source is
// taxonomy.yaml; the data comes from taxonomy_builtin.go, generated from it,
// which saves parsing the YAML on every run.
func Builtin() (*Taxonomy, error) {
	rules, err := BuiltinRules()
	if err != nil {
		return nil, err
	}
	t := &Taxonomy{Version: builtinVersion, Source: BuiltinName, categories: slices.Clone(builtinCategories),
		skills: make([]*Skill, len(builtinSkills)), byID: make(map[string]*Skill, len(builtinSkills)), rules: rules}
	if c := builtinCompiled; c != nil && c.version == builtinVersion && len(c.data) == len(builtinSkills) {
		// Compiled when it was generated (taxonomy_compiled.go): the
		// skills are used as they are, never changed.
		for i := range builtinSkills {
			s := &builtinSkills[i]
			t.skills[i], t.byID[s.ID] = s, s
		}
		t.index, t.phraseIndex, t.data = c.index, c.phrases, c.data
		return t, nil
	}
	// taxonomy_compiled.go is older than taxonomy_builtin.go (go generate
	// has not finished): compile copies of the skills.
	for i := range builtinSkills {
		s := builtinSkills[i]
		t.skills[i], t.byID[s.ID] = &s, &s
	}
	errf := func(line int, format string, args ...any) error {
		return fmt.Errorf("%s:%d: %w: %s", BuiltinName, line, ErrTaxonomy, fmt.Sprintf(format, args...))
	}
	if err := t.compile(errf, true); err != nil {
		return nil, err
	}
	return t, nil
}

// builtinSource returns the YAML the built-in taxonomy is generated
// from, with its examples and counterexamples.
func builtinSource() (*Taxonomy, error) {
	return Load(BuiltinName, builtinYAML, nil)
}

// Load decodes, validates and compiles a taxonomy file. With base
// non-nil the file extends base: its skills are added, and a skill whose id
// base already has replaces that entry, unless the file says
// "replace: true", in which case base is ignored. Every error names the
// file, the line and the entry.
func Load(name string, data []byte, base *Taxonomy) (*Taxonomy, error) {
	var f taxonomyFile
	dec := yaml.NewDecoder(strings.NewReader(string(data)))
	dec.KnownFields(true)
	if err := dec.Decode(&f); err != nil {
		return nil, yamlError(name, err)
	}
	errf := func(line int, format string, args ...any) error {
		return fmt.Errorf("%s:%d: %w: %s", name, line, ErrTaxonomy, fmt.Sprintf(format, args...))
	}
	t := &Taxonomy{Version: f.Version, Source: name, byID: map[string]*Skill{}}
	if base != nil && !f.Replace {
		t.Version = base.Version + "+" + f.Version
		t.Source = base.Source + "+" + name
		t.categories = append(t.categories, base.categories...)
		for _, s := range base.skills {
			c := *s
			t.byID[s.ID] = &c
		}
	}
	if f.Version == "" {
		return nil, errf(1, "missing version")
	}
	for _, c := range f.Categories {
		if !idPattern.MatchString(c.ID) || c.Name == "" {
			return nil, errf(1, "category %q: needs an id of lower-case letters, digits and dashes, and a name", c.ID)
		}
		if !slices.ContainsFunc(t.categories, func(o Category) bool { return o.ID == c.ID }) {
			t.categories = append(t.categories, c)
		}
	}
	seen := map[string]bool{}
	for i := range f.Skills {
		node := &f.Skills[i]
		if node.Kind != yaml.MappingNode {
			return nil, errf(node.Line, "skill %d: not a mapping", i+1)
		}
		id := ""
		for k := 0; k+1 < len(node.Content); k += 2 {
			if node.Content[k].Value == "id" {
				id = node.Content[k+1].Value
			}
		}
		for k := 0; k+1 < len(node.Content); k += 2 {
			if key := node.Content[k]; !skillFields[key.Value] {
				return nil, errf(key.Line, "skill %q: unknown field %q", id, key.Value)
			}
		}
		var s Skill
		if err := node.Decode(&s); err != nil {
			return nil, errf(node.Line, "skill %q: %s", id, strings.TrimPrefix(err.Error(), "yaml: "))
		}
		s.line = node.Line
		if !idPattern.MatchString(s.ID) {
			return nil, errf(node.Line, "skill %q: id must be lower-case letters, digits and dashes", s.ID)
		}
		if seen[s.ID] {
			return nil, errf(node.Line, "skill %q: duplicate id", s.ID)
		}
		seen[s.ID] = true
		t.byID[s.ID] = &s
	}
	for _, s := range t.byID {
		t.skills = append(t.skills, s)
	}
	sort.Slice(t.skills, func(i, j int) bool { return t.skills[i].ID < t.skills[j].ID })
	if err := t.compile(errf, false); err != nil {
		return nil, err
	}
	base0 := (*Rules)(nil)
	if base != nil {
		base0 = base.rules
	}
	rules, err := extendRules(name, f, base0)
	if err != nil {
		return nil, err
	}
	t.rules = rules
	return t, nil
}

// compile validates every skill and builds the matcher index.
// compile builds the matchers. trusted skips the checks that the
// generated built-in taxonomy passed when it was generated from its source
// (known categories, one skill per term; TestBuiltinTaxonomy_Generated keeps
// the two equal): they cost every run about half a millisecond.
func (t *Taxonomy) compile(errf func(int, string, ...any) error, trusted bool) error {
	if len(t.skills) == 0 {
		return errf(1, "no skills")
	}
	terms := 0
	for _, s := range t.skills {
		terms += len(s.Aliases) + len(s.Exact) + len(s.Ambiguous) + len(s.Listed) + 2*len(s.Tools)
	}
	index := make(map[string][]pattern, terms) // sized once: growing it cost a fifth of compiling
	phrases := map[string][]phrase{}
	// owner names the skill that holds each term, and whether it holds it
	// as an ambiguous term, which another skill may hold too. Scan gives
	// such a term to the skill whose id sorts first, unless a not-phrase
	// of that skill applies: "Triton" is the inference server, but the
	// kernel language in "kernels in Triton".
	type holder struct {
		id        string
		ambiguous bool
	}
	owner := map[string]holder{}
	t.data = make([]skillData, len(t.skills))
	for i, s := range t.skills {
		s.idx = i
		d := &t.data[i]
		if s.Name == "" {
			return errf(s.line, "skill %q: missing name", s.ID)
		}
		if !trusted && !slices.ContainsFunc(t.categories, func(c Category) bool { return c.ID == s.Category }) {
			return errf(s.line, "skill %q: unknown category %q", s.ID, s.Category)
		}
		if len(s.Aliases)+len(s.Exact)+len(s.Ambiguous)+len(s.Listed)+len(s.Tools) == 0 {
			return errf(s.line, "skill %q: needs at least one of aliases, exact, ambiguous, listed, tools", s.ID)
		}
		groups := []struct {
			terms []string
			kind  termKind
			tool  int
		}{{s.Aliases, termAlias, 0}, {s.Exact, termExact, 0}, {s.Ambiguous, termAmbiguous, 0}, {s.Listed, termListed, 0}}
		for k, tool := range s.Tools {
			if len(tool) == 0 {
				return errf(s.line, "skill %q: tool %d has no name", s.ID, k+1)
			}
			groups = append(groups, struct {
				terms []string
				kind  termKind
				tool  int
			}{tool, termTool, k + 1})
		}
		var patterns []pattern
		for _, group := range groups {
			for _, term := range group.terms {
				p, closed, err := compileTerm(i, term, group.kind)
				if err != nil {
					return errf(s.line, "skill %q: term %q: %v", s.ID, term, err)
				}
				if group.kind == termExact || group.kind == termAmbiguous {
					if g := lowerPhrase(p.toks); !slices.Contains(d.guarded, g) {
						d.guarded = append(d.guarded, g)
					}
				}
				if !trusted {
					key := strings.ToLower(strings.Join(strings.Fields(term), " "))
					if group.kind == termExact || group.kind == termAmbiguous {
						key = strings.Join(strings.Fields(term), " ")
					}
					ambiguous := group.kind == termAmbiguous
					if prev, ok := owner[key]; ok && prev.id != s.ID && !(ambiguous && prev.ambiguous) {
						return errf(s.line, "skill %q: term %q is also a term of skill %q", s.ID, term, prev.id)
					}
					owner[key] = holder{s.ID, ambiguous}
				}
				p.tool = group.tool
				patterns = append(patterns, p)
				if closed != nil {
					closed.tool = group.tool
					patterns = append(patterns, *closed)
				}
			}
		}
		for _, p := range patterns {
			// A one-word alias may start with any inflection, so it
			// is found under its stem.
			k := p.toks[0].lower
			if len(p.toks) == 1 && (p.kind == termAlias || p.kind == termListed || p.kind == termTool || !text.IsAcronym(p.toks[0].text)) {
				k = p.toks[0].stem
			}
			index[k] = append(index[k], p)
		}
		for _, ph := range s.Phrases {
			p, err := compilePhrase(i, ph)
			if err != nil {
				return errf(s.line, "skill %q: phrase %q: %v", s.ID, ph, err)
			}
			for _, w := range p.words[0] {
				// A hyphenated word is found by its first part's token.
				key := w.stem
				if first, _, ok := strings.Cut(w.lower, "-"); ok {
					key = text.Stem(first)
				}
				phrases[key] = append(phrases[key], *p)
			}
		}
		for _, phrase := range s.Not {
			p, _, err := compileTerm(i, phrase, termAlias)
			if err != nil {
				return errf(s.line, "skill %q: not %q: %v", s.ID, phrase, err)
			}
			d.not = append(d.not, p)
		}
		for _, imp := range s.Implies {
			if imp == s.ID {
				return errf(s.line, "skill %q: implies itself", s.ID)
			}
			if _, ok := t.byID[imp]; !ok {
				return errf(s.line, "skill %q: implies unknown skill %q", s.ID, imp)
			}
		}
	}
	t.index, t.phraseIndex = newKeyIndex(index), newKeyIndex(phrases)
	for i, s := range t.skills {
		var out []string
		seen := map[string]bool{s.ID: true}
		var walk func(id string, depth int) error
		walk = func(id string, depth int) error {
			for _, imp := range t.byID[id].Implies {
				if imp == s.ID {
					return errf(s.line, "skill %q: implication cycle through %q", s.ID, id)
				}
				if !seen[imp] {
					seen[imp] = true
					out = append(out, imp)
					if err := walk(imp, depth+1); err != nil {
						return err
					}
				}
			}
			return nil
		}
		if err := walk(s.ID, 0); err != nil {
			return err
		}
		sort.Strings(out)
		t.data[i].implied = out
	}
	for _, s := range t.skills {
		for _, imp := range t.data[s.idx].implied {
			d := &t.data[t.byID[imp].idx]
			d.impliers = append(d.impliers, s.ID)
		}
		for _, p := range s.Implies {
			d := &t.data[t.byID[p].idx]
			d.children = append(d.children, s.ID)
		}
	}
	return nil
}

// yamlLine finds the line number in the YAML parser's messages.
var yamlLine = regexp.MustCompile(`line (\d+): (.*)`)

// yamlError turns a YAML decoding error into one line in the form
// "file:line: invalid taxonomy: cause".
func yamlError(name string, err error) error {
	msg := err.Error()
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		cause := strings.TrimSuffix(strings.TrimSuffix(m[2], " in type taxonomy.taxonomyFile"), " in type taxonomy.rulesFile")
		cause = strings.ReplaceAll(cause, "field ", "unknown field ")
		cause = strings.TrimSuffix(cause, " not found")
		return fmt.Errorf("%s:%s: %w: %s", name, m[1], ErrTaxonomy, cause)
	}
	return fmt.Errorf("%s: %w: %s", name, ErrTaxonomy, strings.TrimPrefix(strings.ReplaceAll(msg, "\n", " "), "yaml: "))
}

// extendRules returns the rules a taxonomy file's Sections, Cues, Words,
// Degrees and Dates add to base (the built-in rules when base is nil);
// base itself when the file has none.
func extendRules(name string, f taxonomyFile, base *Rules) (*Rules, error) {
	if base == nil {
		b, err := BuiltinRules()
		if err != nil {
			return nil, err
		}
		base = b
	}
	if len(f.Sections)+len(f.Cues)+len(f.Requirements)+len(f.Words)+len(f.Degrees) == 0 && f.Dates.Kind == 0 {
		return base, nil
	}
	src, err := decodeRules(name, rulesFile{Version: f.Version, Sections: f.Sections, Cues: f.Cues, Requirements: f.Requirements,
		Words: f.Words, Degrees: f.Degrees, Dates: f.Dates})
	if err != nil {
		return nil, err
	}
	return compileRules(name, src, base)
}

// Rules returns the language rules the taxonomy carries: the built-in
// ones, extended by the taxonomy files loaded over them.
func (t *Taxonomy) Rules() *Rules { return t.rules }

// Line returns the line of the taxonomy file where the skill's entry
// starts.
func (s *Skill) Line() int { return s.line }

// Skill returns the skill with the given id, or nil.
func (t *Taxonomy) Skill(id string) *Skill { return t.byID[id] }

// Skills returns every skill, sorted by id.
func (t *Taxonomy) Skills() []*Skill { return slices.Clone(t.skills) }

// Categories returns the categories in file order.
func (t *Taxonomy) Categories() []Category { return slices.Clone(t.categories) }

// CategoryName returns the display name of a category id.
func (t *Taxonomy) CategoryName(id string) string {
	for _, c := range t.categories {
		if c.ID == id {
			return c.Name
		}
	}
	return id
}

// Implied returns the ids of every skill that skill id implies, directly or
// through other skills, sorted.
func (t *Taxonomy) Implied(id string) []string {
	if s := t.byID[id]; s != nil {
		return t.data[s.idx].implied
	}
	return nil
}

// maxSiblings is the most direct children a skill may have for them to
// count as closely related: LSTM and GRU (children of RNN) are; everything
// under "deep learning" is only loosely related.
const maxSiblings = 12

// looseCategories hold skills too unlike each other for sharing the
// category to mean anything (medical imaging and speech recognition).
var looseCategories = map[string]bool{"domains": true, "practices": true, "tools": true, "maths": true}

// Related returns how near each skill is to skill id in the taxonomy:
// 3 when one implies the other, 2 for siblings under a narrow parent, 1
// for siblings under a broad parent (for general-purpose skills only) or
// skills of the same (close) category. Suggestions use it to find the resume's bullet closest to a
// missing skill.
//
// The map is shared by every caller: read it, never change it.
func (t *Taxonomy) Related(id string) map[string]int {
	if m, ok := t.related.Load(id); ok {
		return m.(map[string]int)
	}
	m := t.relatedTo(id)
	t.related.Store(id, m)
	return m
}

// relatedTo works out Related's answer for skill id.
func (t *Taxonomy) relatedTo(id string) map[string]int {
	s := t.byID[id]
	out := map[string]int{}
	if s == nil {
		return out
	}
	raise := func(o string, w int) {
		if o != id && w > out[o] {
			out[o] = w
		}
	}
	for _, imp := range t.data[s.idx].implied {
		raise(imp, 3)
	}
	for _, o := range t.data[s.idx].impliers {
		raise(o, 3)
	}
	if !looseCategories[s.Category] {
		t.byCategoryOnce.Do(func() {
			t.byCategory = map[string][]string{}
			for _, o := range t.skills {
				t.byCategory[o.Category] = append(t.byCategory[o.Category], o.ID)
			}
		})
		for _, o := range t.byCategory[s.Category] {
			raise(o, 1)
		}
	}
	for _, p := range s.Implies {
		children := t.data[t.byID[p].idx].children
		w := 0
		switch {
		case len(children) <= maxSiblings:
			w = 2
		case generalCategories[s.Category]:
			// PyTorch could have been used in any deep learning work;
			// a Transformer could not be in any.
			w = 1
		}
		for _, c := range children {
			raise(c, w)
		}
	}
	return out
}

// generalCategories hold skills that apply to any work under their broad
// parent: a framework, a language, hardware, a training or optimisation
// technique, a way to deploy.
var generalCategories = map[string]bool{"frameworks": true, "languages": true, "hardware": true,
	"training": true, "optimization": true, "deployment": true}
