package taxonomy

import (
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/tailor-cli/tailor/extract"
)

// TestRules_Examples runs every example and counterexample of the built-in
// language rules.
func TestRules_Examples(t *testing.T) {
	t.Parallel()
	r := sourceRules(t)
	if len(r.checks) < 150 {
		t.Errorf("only %d examples and counterexamples", len(r.checks))
	}
	for _, fail := range r.Check() {
		t.Error(fail)
	}
	for _, l := range knownWordLists {
		if len(r.words[l]) == 0 {
			t.Errorf("word list %q is empty", l)
		}
	}
	for _, c := range knownCues {
		if r.cues[c] == nil {
			t.Errorf("cue %q has no patterns", c)
		}
	}
}

// TestRules_Extend: a taxonomy file's sections, cues and words extend the
// built-in rules, its sections tried first; its examples are checked too.
func TestRules_Extend(t *testing.T) {
	t.Parallel()
	base, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	ext := `version: "x1"
skills:
  - {id: sap, name: SAP, category: tools, aliases: [SAP S/4HANA]}
sections:
  - kind: requirements
    patterns: ['^das bringst du mit']
    examples: ["Das bringst du mit:"]
  - kind: benefits
    patterns: ['^what we.re looking for']
cues:
  - cue: preferred
    patterns: ['\bwünschenswert\b']
    examples: ["SAP-Kenntnisse wünschenswert"]
words:
  - list: generic
    words: [Kenntnisse]
`
	tax, err := Load("de.yaml", []byte(ext), base)
	if err != nil {
		t.Fatal(err)
	}
	r := tax.Rules()
	for h, want := range map[string]extract.SectionKind{"Das bringst du mit:": extract.SectionRequirements,
		"What we're looking for": extract.SectionBenefits, "Nice to have": extract.SectionPreferred} {
		if got, _ := r.SectionKind(h); got != want {
			t.Errorf("%q: %q, want %q", h, got, want)
		}
	}
	if !r.Has(CuePreferred, "SAP-Kenntnisse wünschenswert") || !r.Has(CuePreferred, "Rust is a plus") {
		t.Error("the extended preferred cue lost a pattern")
	}
	if !r.Word(WordsGeneric, "kenntnisse") || !r.Word(WordsGeneric, "experience") {
		t.Error("the extended generic words lost a word")
	}
	if r.Version != base.Rules().Version+"+x1" {
		t.Errorf("version %q", r.Version)
	}
	if base.Rules().Has(CuePreferred, "wünschenswert") {
		t.Error("extending changed the base rules")
	}
}

// TestRules_Errors: mistakes in rules name the file, line and entry.
func TestRules_Errors(t *testing.T) {
	t.Parallel()
	base, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	head := "version: \"1\"\nskills:\n  - {id: x, name: X, category: tools, aliases: [xyzzy]}\n"
	for _, tt := range []struct{ name, yaml, want string }{
		{"unknown kind", "sections:\n  - kind: perks\n    patterns: [a]\n", `t.yaml:5: invalid taxonomy: section "perks": unknown kind`},
		{"bad pattern", "sections:\n  - kind: benefits\n    patterns: ['(a']\n", `t.yaml:5: invalid taxonomy: section "benefits": pattern "(a": missing closing )`},
		{"unknown cue", "cues:\n  - cue: maybe\n    patterns: [a]\n", `t.yaml:5: invalid taxonomy: cue "maybe": unknown cue`},
		{"unknown field", "cues:\n  - cue: preferred\n    pattern: [a]\n", `t.yaml:5: invalid taxonomy: cue 1: unknown field "pattern"`},
		{"no patterns", "sections:\n  - kind: benefits\n", `t.yaml:5: invalid taxonomy: section "benefits": no patterns`},
		{"unknown list", "words:\n  - list: stop\n    words: [a]\n", `t.yaml:5: invalid taxonomy: words "stop": unknown list`},
	} {
		_, err := Load("t.yaml", []byte(head+tt.yaml), base)
		if err == nil || !errors.Is(err, ErrTaxonomy) || !strings.HasPrefix(err.Error(), tt.want) {
			t.Errorf("%s: %v, want %q", tt.name, err, tt.want)
		}
	}
}

// TestRules_Needles: looking for a cue's words first never changes its
// answer, on every line, clause and word pair of the bundled jobs and the
// labelled job ads, and on the rules' own examples; and the words do
// filter (most cues have them).
func TestRules_Needles(t *testing.T) {
	t.Parallel()
	r := sourceRules(t)
	var texts []string
	for _, c := range r.checks {
		texts = append(texts, c.text, strings.ToUpper(c.text))
	}
	files, _ := filepath.Glob("../../testdata/jobs-eval/tuned/*")
	more, _ := filepath.Glob("../../testdata/jobs/*")
	for _, p := range append(files, more...) {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(string(data), "\n") {
			texts = append(texts, line)
			texts = append(texts, strings.FieldsFunc(line, func(r rune) bool { return r == ';' || r == '—' || r == ',' })...)
			words := strings.Fields(line)
			for i := 0; i+1 < len(words); i++ {
				texts = append(texts, words[i]+" "+words[i+1])
			}
		}
	}
	filtered := 0
	for _, c := range knownCues {
		if !slices.ContainsFunc(r.parts[c], func(p patternPart) bool { return p.needles == nil }) {
			filtered++
		}
		for _, s := range texts {
			want := r.cues[c].get().MatchString(matchable(s))
			if got := r.Has(c, s); got != want {
				t.Errorf("cue %s on %q: %v, the expression says %v", c, s, got, want)
			}
		}
	}
	for _, q := range r.requirements {
		for _, s := range texts {
			s = strings.ReplaceAll(s, "’", "'")
			if got, want := anyPart(q.parts, s, r.needles.held(s)), q.re.get().MatchString(s); got != want {
				t.Errorf("requirement %s on %q: %v, the expression says %v", q.kind, s, got, want)
			}
		}
	}
	for _, s := range texts {
		want := extract.SectionKind("")
		for _, rule := range r.sections {
			if rule.re.get().MatchString(NormalizeHeading(s)) {
				want = rule.kind
				break
			}
		}
		if got, _ := r.SectionKind(s); got != want {
			t.Errorf("heading %q: %q, the expressions say %q", s, got, want)
		}
	}
	if len(texts) < 5000 || filtered < len(knownCues)-2 {
		t.Errorf("%d texts, %d of %d cues filtered by words: the test checks too little", len(texts), filtered, len(knownCues))
	}
}

// TestBuiltinRules_Compile compiles every expression of the built-in
// rules, which a run compiles only on first use (see lazyRegexp): none may
// fail then.
func TestBuiltinRules_Compile(t *testing.T) {
	t.Parallel()
	r, err := builtinRules()
	if err != nil {
		t.Fatal(err)
	}
	var all []*lazyRegexp
	for _, s := range r.sections {
		all = append(all, s.re)
	}
	for _, q := range r.requirements {
		all = append(all, q.re)
		for _, p := range q.parts {
			all = append(all, p.re)
		}
	}
	for _, re := range r.cues {
		all = append(all, re)
	}
	for _, parts := range r.parts {
		for _, p := range parts {
			all = append(all, p.re)
		}
	}
	for _, l := range all {
		if _, err := regexp.Compile(l.src); err != nil {
			t.Errorf("built-in rule %q: %v", l.src, err)
		}
	}
	if len(all) < 30 {
		t.Errorf("only %d expressions", len(all))
	}
}

// TestRules_DegreeYears checks which years a degree's clause asks on their
// own: those asked besides the degree, not those that go with it or with
// a lesser degree offered instead.
func TestRules_DegreeYears(t *testing.T) {
	t.Parallel()
	r, err := BuiltinRules()
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		clause string
		years  bool
	}{
		{"Bachelor's degree in Computer Science AND three (3) years of experience in GIS development", true},
		{"a master's degree plus 3 years of applied healthcare ML experience", true},
		{"a BS with 4+ years of experience", false},
		{"A PhD in machine learning, or an MSc plus 3 years of industry experience", false},
		{"BS in Computer Science or 6 years of experience", false},
	} {
		if got := slices.Contains(r.Requirements(tt.clause), RequireYears); got != tt.years {
			t.Errorf("%q: years asked %v, want %v", tt.clause, got, tt.years)
		}
	}
}

// TestRules_ExtendLeavesBase: rules that extend the built-in ones number
// every needle in an index of their own; the built-in rules' headings read
// as before (their section parts were once numbered over in place).
func TestRules_ExtendLeavesBase(t *testing.T) {
	base, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	r := base.Rules()
	src, err := builtinRulesYAMLSource()
	if err != nil {
		t.Fatal(err)
	}
	withExamples, err := compileRules(BuiltinRulesName, src, nil)
	if err != nil {
		t.Fatal(err)
	}
	kinds := func() map[string]extract.SectionKind {
		out := map[string]extract.SectionKind{}
		for _, c := range withExamples.checks {
			if c.section != "" {
				out[c.text], _ = r.SectionKind(c.text)
			}
		}
		return out
	}
	before := kinds()
	ext := "version: \"x1\"\nsections:\n  - kind: requirements\n    patterns: ['^das bringst du mit']\n"
	if _, err := Load("de.yaml", []byte(ext), base); err != nil {
		t.Fatal(err)
	}
	for h, want := range before {
		if got, _ := r.SectionKind(h); got != want {
			t.Errorf("after extending: built-in heading %q reads %q, before %q", h, got, want)
		}
	}
	if len(before) < 50 {
		t.Errorf("%d headings among the built-in examples: the test no longer tests them", len(before))
	}
}
