package taxonomy

import (
	"slices"
	"strings"
	"testing"

	"github.com/tailor-cli/tailor/match/text"
)

// TestScan_Phrases checks how phrases match: inflections, gaps of up to
// five words within one clause, a hit in the gap, a clause that already
// names the skill, and others' work.
func TestScan_Phrases(t *testing.T) {
	t.Parallel()
	tax := toolsTaxonomy(t,
		"  - {id: serving, name: Model serving, category: tools, aliases: [model serving], phrases: [\"serve ... model\"]}\n",
		"  - {id: pytorch, name: PyTorch, category: tools, aliases: [PyTorch]}\n",
	)
	for _, tt := range []struct {
		text string
		want []string // the hits' words
	}{
		{"Served the model behind an API.", []string{"Served the model"}},
		{"You will be serving our large ranking models.", []string{"serving our large ranking models"}},
		{"Serve one two three four five models.", []string{"Serve one two three four five models"}},
		{"Serve one two three four five six models.", nil},
		{"Serve customers, and models too.", nil},
		{"Serve customers. Models are next.", nil},
		{"Serve customers • models are next.", nil},
		{"Serve customers – models are next.", nil},
		{"Served our engineers' models.", []string{"Served our engineers' models"}},
		{"Serve PyTorch models.", []string{"Serve", "PyTorch"}},
		{"Serve models in our model serving stack.", []string{"model serving"}},
		{"Work with our engineers who serve the models.", nil},
		{"Our servers host the models.", nil},
	} {
		var got []string
		for _, h := range tax.Scan(text.Tokenize(tt.text)) {
			got = append(got, tt.text[h.Start:h.End])
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("%q: hits %q, want %q", tt.text, got, tt.want)
		}
	}
}

// TestScan_PhrasesStopAtBreaks checks that a phrase never runs across a
// token that starts a block (a heading's list item), and that a term in
// the next block does not make the clause "name the skill already".
func TestScan_PhrasesStopAtBreaks(t *testing.T) {
	t.Parallel()
	tax := toolsTaxonomy(t, "  - {id: serving, name: Model serving, category: tools, aliases: [model serving], phrases: [\"serve ... model\"]}\n")
	for _, tt := range []struct {
		text string
		at   string // the word that starts a block
		want []string
	}{
		{"What we serve\nmodels of all kinds", "models", nil},
		{"What we serve\nmodels of all kinds", "", []string{"serve\nmodels"}},
		{"Serve our models\nModel serving stack", "Model", []string{"Serve our models", "Model serving"}},
		{"Serve our models\nModel serving stack", "", []string{"Model serving"}},
	} {
		toks := text.Tokenize(tt.text)
		for i := range toks {
			toks[i].Break = toks[i].Text == tt.at
		}
		var got []string
		for _, h := range tax.Scan(toks) {
			got = append(got, tt.text[h.Start:h.End])
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("%q, a block at %q: hits %q, want %q", tt.text, tt.at, got, tt.want)
		}
	}
}

// TestScan_PhraseObjectNarrower checks that a phrase whose object is a
// narrower skill's term in common nouns says nothing of its own ("Write
// end-to-end tests" is end-to-end testing), while a name there ("Write
// tests for Jetson") and a second verb's term ("Write and e2e-check
// tests") leave it be.
func TestScan_PhraseObjectNarrower(t *testing.T) {
	t.Parallel()
	tax := toolsTaxonomy(t,
		"  - {id: testing, name: Testing, category: tools, aliases: [unit testing], phrases: [\"write ... test\"]}\n",
		"  - {id: e2e, name: E2E, category: tools, aliases: [end-to-end tests, Playwright tests, check tests], implies: [testing]}\n",
	)
	for _, tt := range []struct {
		text string
		want []string
	}{
		{"Write end-to-end tests.", []string{"e2e: end-to-end tests"}},
		{"Write good tests.", []string{"testing: Write good tests"}},
		{"Write Playwright Tests.", []string{"testing: Write", "e2e: Playwright Tests"}},
		{"Write and check tests.", []string{"testing: Write", "e2e: check tests"}},
	} {
		if got := scanned(tax, tt.text); !slices.Equal(got, tt.want) {
			t.Errorf("%q: hits %q, want %q", tt.text, got, tt.want)
		}
	}
}

// TestScan_PhraseReplacesNarrower checks that a phrase holding a term of
// a skill it implies replaces that hit ("Export models to ONNX" is ONNX
// export, one ask), and stands beside a term of another skill.
func TestScan_PhraseReplacesNarrower(t *testing.T) {
	t.Parallel()
	tax := toolsTaxonomy(t,
		"  - {id: onnx, name: ONNX, category: tools, aliases: [ONNX]}\n",
		"  - {id: pytorch, name: PyTorch, category: tools, aliases: [PyTorch]}\n",
		"  - {id: onnx-export, name: ONNX export, category: tools, aliases: [ONNX export], phrases: [\"export ... to onnx\"], implies: [onnx]}\n",
	)
	for _, tt := range []struct {
		text string
		want []string
	}{
		{"Export models to ONNX.", []string{"onnx-export: Export models to ONNX"}},
		{"Export PyTorch models to ONNX.", []string{"onnx-export: Export", "pytorch: PyTorch", "onnx: ONNX"}},
		{"We use ONNX.", []string{"onnx: ONNX"}},
	} {
		if got := scanned(tax, tt.text); !slices.Equal(got, tt.want) {
			t.Errorf("%q: hits %q, want %q", tt.text, got, tt.want)
		}
	}
}

// TestScan_LongestPhraseWins checks that of two phrases starting at one
// word, the one reaching further is read, whichever skill the file lists
// first: "Ship models behind our extraction service" is serving.
func TestScan_LongestPhraseWins(t *testing.T) {
	t.Parallel()
	tax := toolsTaxonomy(t,
		"  - {id: deployment, name: Model deployment, category: tools, aliases: [model deployment], phrases: [\"ship ... model\"]}\n",
		"  - {id: serving, name: Model serving, category: tools, aliases: [model serving], phrases: [\"ship ... model ... behind ... service\"]}\n",
	)
	for _, tt := range []struct {
		text string
		want []string // the hits' skills
	}{
		{"Ship models behind our extraction service.", []string{"serving"}},
		{"Ship models every week.", []string{"deployment"}},
		{"Ship models, behind our extraction service.", []string{"deployment"}},
	} {
		var got []string
		for _, h := range tax.Scan(text.Tokenize(tt.text)) {
			got = append(got, h.Skill.ID)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("%q: hits %q, want %q", tt.text, got, tt.want)
		}
	}
}

// TestScan_PhraseBeforeNarrower checks that a phrase followed, past a word
// of the narrowers list, by the common-noun name of a skill that implies
// its own says nothing of its own ("deploying ML models on edge devices"
// is edge deployment only), while a name after it is a tool it uses and
// leaves it standing ("Write unit and UI tests with XCTest").
func TestScan_PhraseBeforeNarrower(t *testing.T) {
	t.Parallel()
	tax, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		text      string
		want, not string
	}{
		{"3+ years deploying ML models on edge devices", "edge-deployment", "model-deployment"},
		{"Deploy models to production with Docker", "model-deployment", ""},
		{"Write unit and UI tests with XCTest", "software-testing", ""},
		{"Write PHPUnit tests and keep code coverage above 80%", "software-testing", ""},
	} {
		var got []string
		for _, h := range tax.Scan(text.Tokenize(tt.text)) {
			got = append(got, h.Skill.ID)
		}
		if !slices.Contains(got, tt.want) || tt.not != "" && slices.Contains(got, tt.not) {
			t.Errorf("%q: skills %q, want %s and not %q", tt.text, got, tt.want, tt.not)
		}
	}
}

// TestCompounds checks that a skill's name that only finishes the name
// before it, of a skill implying it, is dropped ("INT8 quantization" is
// INT8), and that names apart or of unrelated skills stay.
func TestCompounds(t *testing.T) {
	t.Parallel()
	tax, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		text string
		want []string
	}{
		{"INT8 quantization on phones", []string{"int8"}},
		{"INT8 and quantization", []string{"int8", "quantization"}},
		{"PyTorch and Docker", []string{"pytorch", "docker"}},
	} {
		toks := text.Tokenize(tt.text)
		var got []string
		for _, h := range tax.Compounds(toks, tax.Scan(toks)) {
			got = append(got, h.Skill.ID)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("%q: skills %q, want %q", tt.text, got, tt.want)
		}
	}
}

// toolsTaxonomy loads a taxonomy of the given skills (YAML flow mappings,
// one a line), all in one category "tools".
func toolsTaxonomy(t *testing.T, skills ...string) *Taxonomy {
	t.Helper()
	tax, err := Load("t.yaml", []byte("version: \"1\"\ncategories:\n  - {id: tools, name: Tools}\nskills:\n"+strings.Join(skills, "")), nil)
	if err != nil {
		t.Fatal(err)
	}
	return tax
}

// scanned returns the hits tax finds in s, each as "skill id: its words".
func scanned(tax *Taxonomy, s string) []string {
	var out []string
	for _, h := range tax.Scan(text.Tokenize(s)) {
		out = append(out, h.Skill.ID+": "+s[h.Start:h.End])
	}
	return out
}
