package match

import (
	"errors"
	"slices"
	"strings"
	"testing"
)

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
		{"empty term", head + "  - {id: a, name: A, category: tools, aliases: [\" \"]}\n", `skill "a": term " ": empty`},
		{"no version", "categories: []\nskills: []\n", `missing version`},
		{"not YAML", "{{{", `bad.yaml:1: invalid taxonomy: did not find expected node content`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, err := LoadTaxonomy("bad.yaml", []byte(tt.yaml), nil)
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

func TestLoadTaxonomy_Extend(t *testing.T) {
	t.Parallel()
	base := loadTestTaxonomy(t)
	ext := "version: \"x1\"\ncategories:\n  - {id: finance, name: Finance}\n  - {id: languages, name: Languages}\nskills:\n" +
		"  - {id: excel, name: Excel, category: finance, aliases: [Excel, spreadsheets]}\n" +
		"  - {id: go, name: Go language, category: languages, aliases: [Golang, Go programming]}\n"
	tax, err := LoadTaxonomy("ext.yaml", []byte(ext), base)
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
	replaced, err := LoadTaxonomy("rep.yaml", []byte("replace: true\n"+ext), base)
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

// TestBuiltinTaxonomy checks the embedded taxonomy: it loads, it is large
// enough, every skill has wording, and every example finds its skill while
// every counterexample does not.
func TestBuiltinTaxonomy(t *testing.T) {
	t.Parallel()
	tax, err := builtinTaxonomySource()
	if err != nil {
		t.Fatal(err)
	}
	skills := tax.Skills()
	if len(skills) < 120 {
		t.Errorf("%d skills, want at least 120", len(skills))
	}
	for _, s := range skills {
		if strings.TrimSpace(s.Template) == "" {
			t.Errorf("skill %q has no template", s.ID)
		}
		if len(s.Examples) == 0 {
			t.Errorf("skill %q has no examples", s.ID)
		}
		if len(s.Ambiguous)+len(s.Not) > 0 && len(s.Counterexamples) == 0 {
			t.Errorf("skill %q has ambiguous terms or not phrases but no counterexamples", s.ID)
		}
		for _, ex := range s.Examples {
			if !slices.Contains(found(t, tax, ex), s.ID) {
				t.Errorf("skill %q: example %q does not find it", s.ID, ex)
			}
		}
		for _, ce := range s.Counterexamples {
			if slices.Contains(found(t, tax, ce), s.ID) {
				t.Errorf("skill %q: counterexample %q finds it", s.ID, ce)
			}
		}
	}
	// Every technical term of the seed brief's skill list is covered.
	for _, id := range []string{"pytorch", "tensorflow", "cnn", "rnn", "transformer", "distributed-training",
		"quantization", "model-compression", "mlops", "linear-algebra", "calculus", "probability",
		"jax", "keras", "hugging-face", "cuda", "tensorrt", "onnx", "deepspeed", "horovod", "ray", "mlflow",
		"kubeflow", "docker", "kubernetes", "sagemaker", "vertex-ai", "weights-and-biases"} {
		if tax.Skill(id) == nil {
			t.Errorf("no skill %q", id)
		}
	}
}

// TestBuiltinTaxonomy_Generated checks that taxonomy_builtin.go matches
// taxonomy.yaml, its source.
func TestBuiltinTaxonomy_Generated(t *testing.T) {
	t.Parallel()
	src, err := builtinTaxonomySource()
	if err != nil {
		t.Fatal(err)
	}
	gen, err := BuiltinTaxonomy()
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
			!slices.Equal(g.Not, s.Not) || !slices.Equal(g.Implies, s.Implies)
	}
	if stale {
		t.Fatal("taxonomy_builtin.go does not match taxonomy.yaml: run go generate ./match")
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
	tax, err := builtinTaxonomySource()
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, s := range tax.Skills() {
		for _, term := range append(append(append(append([]string{}, s.Aliases...), s.Exact...), s.Ambiguous...), s.Not...) {
			if !isPlainTerm(term) {
				continue
			}
			n++
			if got, want := termTokens(term), Tokenize(term); !slices.Equal(got, want) {
				t.Errorf("%q: fast path %+v, prose %+v", term, got, want)
			}
		}
	}
	if n < 500 {
		t.Errorf("only %d plain terms checked", n)
	}
}

// TestBuiltinTaxonomy_Decoys runs the decoy sentences the product promises
// to ignore through the built-in taxonomy: none may produce a skill.
func TestBuiltinTaxonomy_Decoys(t *testing.T) {
	t.Parallel()
	tax := builtinTaxonomy(t)
	for _, text := range []string{
		"Led the go-to-market plan for three new countries.",
		"Worked with the R&D group on a booking tool.",
		"Presented the quarterly roadmap to the C-suite.",
		"Carried the torch for accessibility across the guild.",
		"Recorded load readings on 40 power transformers at rural substations.",
		"Colleagues describe my attention to detail as alarming.",
		"Built a dashboard that shows the sales pipeline.",
		"Ran lunch-and-learn sessions to spark interest in testing.",
		"Go above and beyond for every customer.",
		"Plan C was the fallback; grade C in chemistry.",
	} {
		if got := found(t, tax, text); len(got) != 0 {
			t.Errorf("%q: found %q", text, got)
		}
	}
}
