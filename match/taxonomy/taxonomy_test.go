package taxonomy

import (
	"errors"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/tailor-cli/tailor/match/text"
)

// testTaxonomyYAML reads the test taxonomy the upper layers' tests share
// (through match/internal/fixture, which imports this package) or fails
// the test.
func testTaxonomyYAML(t testing.TB) []byte {
	t.Helper()
	data, err := os.ReadFile("../internal/fixture/taxonomy.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// loadTestTaxonomy loads the test taxonomy or fails the test.
func loadTestTaxonomy(t testing.TB) *Taxonomy {
	t.Helper()
	tax, err := Load("test.yaml", testTaxonomyYAML(t), nil)
	if err != nil {
		t.Fatal(err)
	}
	return tax
}

func TestLoadTaxonomy_Errors(t *testing.T) {
	t.Parallel()
	head := "version: \"1\"\ncategories:\n  - {id: tools, name: Tools}\nskills:\n"
	tests := []struct {
		name, yaml, want string
	}{
		{"unknown skill field", head + "  - id: go\n    name: Go\n    category: tools\n    aliasses: [Golang]\n", `bad.yaml:8: invalid taxonomy: skill "go": unknown field "aliasses"`},
		{"unknown top-level field", "version: \"1\"\nskils: []\n", `bad.yaml:2: invalid taxonomy: unknown field skils`},
		{"duplicate id", head + "  - {id: go, name: Go, category: tools, aliases: [Golang]}\n  - {id: go, name: Go2, category: tools, aliases: [Go2]}\n", `bad.yaml:6: invalid taxonomy: skill "go": duplicate id`},
		{"bad id", head + "  - {id: Go Lang, name: Go, category: tools, aliases: [Golang]}\n", `bad.yaml:5: invalid taxonomy: skill "Go Lang": id must be`},
		{"unknown category", head + "  - {id: go, name: Go, category: langs, aliases: [Golang]}\n", `bad.yaml:5: invalid taxonomy: skill "go": unknown category "langs"`},
		{"no terms", head + "  - {id: go, name: Go, category: tools}\n", `skill "go": needs at least one of aliases, exact, ambiguous`},
		{"missing name", head + "  - {id: go, category: tools, aliases: [Golang]}\n", `skill "go": missing name`},
		{"unknown implication", head + "  - {id: go, name: Go, category: tools, aliases: [Golang], implies: [cs]}\n", `skill "go": implies unknown skill "cs"`},
		{"implication cycle", head + "  - {id: a, name: A, category: tools, aliases: [aaa], implies: [b]}\n  - {id: b, name: B, category: tools, aliases: [bbb], implies: [a]}\n", `implication cycle`},
		{"term in two skills", head + "  - {id: a, name: A, category: tools, aliases: [Keras]}\n  - {id: b, name: B, category: tools, aliases: [keras]}\n", `term "keras" is also a term of skill "a"`},
		{"exact term shared with an ambiguous one", head + "  - {id: a, name: A, category: tools, ambiguous: [Triton]}\n  - {id: b, name: B, category: tools, exact: [Triton]}\n", `term "Triton" is also a term of skill "a"`},
		{"empty term", head + "  - {id: a, name: A, category: tools, aliases: [\" \"]}\n", `skill "a": term " ": empty`},
		{"phrase gap at the end", head + "  - {id: a, name: A, category: tools, aliases: [aaa], phrases: [\"serve ...\"]}\n", `skill "a": phrase "serve ...": "..." must stand between two words`},
		{"phrase of one word", head + "  - {id: a, name: A, category: tools, aliases: [aaa], phrases: [serve]}\n", `phrase "serve": needs two words or more`},
		{"phrase punctuation", head + "  - {id: a, name: A, category: tools, aliases: [aaa], phrases: [\"serve ... models!\"]}\n", `a word may hold only letters`},
		{"no version", "categories: []\nskills: []\n", `missing version`},
		{"not YAML", "{{{", `bad.yaml:1: invalid taxonomy: did not find expected node content`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, err := Load("bad.yaml", []byte(tt.yaml), nil)
			if err == nil {
				t.Fatal("no error")
			}
			if !errors.Is(err, ErrTaxonomy) {
				t.Errorf("error %q is not ErrTaxonomy", err)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q\nwant it to contain %q", err, tt.want)
			}
		})
	}
}

// TestLoadTaxonomy_SharedAmbiguous checks that two skills may hold the same
// ambiguous term: the one whose id sorts first takes it, and the other
// where a not-phrase of the first applies.
func TestLoadTaxonomy_SharedAmbiguous(t *testing.T) {
	t.Parallel()
	yaml := "version: \"1\"\ncategories:\n  - {id: tools, name: Tools}\nskills:\n" +
		"  - {id: a-server, name: Triton server, category: tools, ambiguous: [Triton], not: [kernels in Triton]}\n" +
		"  - {id: b-lang, name: Triton language, category: tools, ambiguous: [Triton]}\n"
	tax, err := Load("shared.yaml", []byte(yaml), nil)
	if err != nil {
		t.Fatal(err)
	}
	for text_, want := range map[string]string{
		"Serve models on Triton with TorchServe": "a-server",
		"Write fused kernels in Triton for CUDA": "b-lang",
	} {
		var got []string
		for _, h := range tax.Scan(text.Tokenize(text_)) {
			got = append(got, h.Skill.ID)
		}
		if !slices.Equal(got, []string{want}) {
			t.Errorf("%q: found %v, want [%s]", text_, got, want)
		}
	}
}

func TestLoadTaxonomy_Extend(t *testing.T) {
	t.Parallel()
	base := loadTestTaxonomy(t)
	ext := "version: \"x1\"\ncategories:\n  - {id: finance, name: Finance}\n  - {id: languages, name: Languages}\nskills:\n" +
		"  - {id: excel, name: Excel, category: finance, aliases: [Excel, spreadsheets]}\n" +
		"  - {id: go, name: Go language, category: languages, aliases: [Golang, Go programming]}\n"
	tax, err := Load("ext.yaml", []byte(ext), base)
	if err != nil {
		t.Fatal(err)
	}
	if tax.Skill("excel") == nil || tax.Skill("pytorch") == nil {
		t.Error("extended taxonomy lacks the new or the base skills")
	}
	if got := tax.Skill("go").Name; got != "Go language" {
		t.Errorf("go replaced? name = %q", got)
	}
	if tax.Version != "test-1+x1" {
		t.Errorf("Version = %q", tax.Version)
	}
	if base.Skill("excel") != nil || base.Skill("go").Name != "Go" {
		t.Error("extending changed the base taxonomy")
	}
	replaced, err := Load("rep.yaml", []byte("replace: true\n"+ext), base)
	if err != nil {
		t.Fatal(err)
	}
	if replaced.Skill("pytorch") != nil || len(replaced.Skills()) != 2 {
		t.Errorf("replace kept base skills: %d skills", len(replaced.Skills()))
	}
}

func TestTaxonomy_Implied(t *testing.T) {
	t.Parallel()
	tax := loadTestTaxonomy(t)
	if got := strings.Join(tax.Implied("lstm"), ","); got != "deep-learning,rnn" {
		t.Errorf("Implied(lstm) = %s, want deep-learning,rnn (transitively)", got)
	}
}

// TestBuiltinTaxonomy_Generated checks that taxonomy_builtin.go matches
// taxonomy.yaml, its source.
func TestBuiltinTaxonomy_Generated(t *testing.T) {
	t.Parallel()
	src, err := builtinSource()
	if err != nil {
		t.Fatal(err)
	}
	gen, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	stale := gen.Version != src.Version || !slices.Equal(gen.Categories(), src.Categories()) || len(gen.Skills()) != len(src.Skills())
	for i, s := range src.Skills() {
		if stale {
			break
		}
		g := gen.Skills()[i]
		stale = g.ID != s.ID || g.Name != s.Name || g.Category != s.Category || g.Template != s.Template || g.Line() != s.Line() ||
			!slices.Equal(g.Aliases, s.Aliases) || !slices.Equal(g.Exact, s.Exact) || !slices.Equal(g.Ambiguous, s.Ambiguous) ||
			!slices.Equal(g.Not, s.Not) || !slices.Equal(g.Implies, s.Implies) || !slices.Equal(g.Listed, s.Listed) ||
			!slices.EqualFunc(g.Tools, s.Tools, func(a, b Tool) bool { return slices.Equal(a, b) }) || g.idx != i
	}
	if stale {
		t.Fatal("taxonomy_builtin.go does not match taxonomy.yaml: run go generate ./match/taxonomy")
	}
}

// TestTermTokens checks the fast path for plain terms against prose's
// tokenizer on every term of the built-in taxonomy.
func TestIsPlainTerm(t *testing.T) {
	t.Parallel()
	for term, want := range map[string]bool{
		"fine-tuning": true, "Hugging Face": true, "BERT": true, "x86 64": true,
		"": false, "C++": false, "-x": false, "x-": false, "a  b": false, "a - b": false,
		"Node.js": false, "CI/CD": false, "café": false, "a b ": false,
	} {
		if got := isPlainTerm(term); got != want {
			t.Errorf("isPlainTerm(%q) = %v, want %v", term, got, want)
		}
	}
}

func TestTermTokens(t *testing.T) {
	t.Parallel()
	tax, err := builtinSource()
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, s := range tax.Skills() {
		for _, term := range slices.Concat(s.Aliases, s.Exact, s.Ambiguous, s.Listed, s.ToolTerms(), s.Not) {
			if !isPlainTerm(term) {
				continue
			}
			n++
			if got, want := termTokens(term), text.Tokenize(term); !slices.Equal(got, want) {
				t.Errorf("%q: fast path %+v, prose %+v", term, got, want)
			}
		}
	}
	if n < 500 {
		t.Errorf("only %d plain terms checked", n)
	}
}

// TestScan_Coordination: the last word of a coordination takes the first
// word of a two-word term before it when that makes a term, and the first
// word the last word of one after it; the hit says which term it stands
// for.
func TestScan_Coordination(t *testing.T) {
	t.Parallel()
	tax, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		text string
		id   string // the skill the last word takes, or "" for none
		term string
	}{
		{"Build 3D object detection and tracking for our robots", "object-tracking", "object tracking"},
		{"training models for image classification, object detection and segmentation", "image-segmentation", "image segmentation"},
		{"Practical experience with model quantization and compression", "model-compression", "model compression"},
		{"Write Python code and tests", "", ""},
		{"object detection and Tracking Ltd", "", ""},
		{"Build and operate batch and streaming pipelines for bookings", "data-pipelines", "batch pipelines"},
		{"Run batch and Spark jobs", "", ""},
	} {
		var got Hit
		for _, h := range tax.Scan(text.Tokenize(tc.text)) {
			if h.Term != "" {
				got = h
			}
		}
		id := ""
		if got.Skill != nil {
			id = got.Skill.ID
		}
		if id != tc.id || got.Term != tc.term {
			t.Errorf("%q: elided %q (%q), want %q (%q)", tc.text, id, got.Term, tc.id, tc.term)
		}
	}
}

// TestScan_ParticipleTerms checks that a case-sensitive term written as a
// participle matches its other "-ed" forms only: "embedding" and "embeds"
// are no "embedded".
func TestScan_ParticipleTerms(t *testing.T) {
	t.Parallel()
	tax := toolsTaxonomy(t,
		"  - {id: embedded, name: Embedded, category: tools, ambiguous: [embedded]}\n",
		"  - {id: profiling, name: Profiling, category: tools, ambiguous: [profile]}\n",
	)
	for _, tt := range []struct {
		text string
		want []string
	}{
		{"Write embedded C.", []string{"embedded: embedded"}},
		{"Own the embedding index.", nil},
		{"It embeds scanning into CI.", nil},
		{"We profiled the kernels.", []string{"profiling: profiled"}},
	} {
		if got := scanned(tax, tt.text); !slices.Equal(got, tt.want) {
			t.Errorf("%q: hits %q, want %q", tt.text, got, tt.want)
		}
	}
}
