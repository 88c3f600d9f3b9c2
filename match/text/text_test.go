package text

import (
	"slices"
	"strings"
	"testing"

	"github.com/tailor-cli/tailor/extract"
)

func TestTokenize_Offsets(t *testing.T) {
	t.Parallel()
	text := "Trained CNNs (PyTorch/JAX), fine-tuning; C++ go-to-market."
	for _, tk := range Tokenize(text) {
		if text[tk.Start:tk.End] != tk.Text {
			t.Errorf("token %q at [%d,%d) reads %q", tk.Text, tk.Start, tk.End, text[tk.Start:tk.End])
		}
	}
	var glued []string
	for _, tk := range Tokenize("PyTorch/JAX go-to-market (CNN)") {
		glued = append(glued, string(tk.Glue)+tk.Text)
	}
	want := " PyTorch /JAX  go -to -market  ( aCNN a)"
	if got := strings.Join(glued, " "); got != want {
		t.Errorf("tokens = %q, want %q", got, want)
	}
}

func TestSentences(t *testing.T) {
	t.Parallel()
	text := "Worked at Acme Inc. on CNNs, e.g. ResNet. Paper with R. Lee! Next one?\n• Bullet one\n• Bullet two. Still two. M.Sc. in ML. Ran Node.js. Done"
	bullets := []int{strings.Index(text, "• Bullet one"), strings.Index(text, "• Bullet two")}
	var got []string
	for _, sp := range Sentences(Tokenize(text), bullets) {
		got = append(got, text[sp.Start:sp.End])
	}
	want := []string{"Worked at Acme Inc. on CNNs, e.g. ResNet.", "Paper with R. Lee!", "Next one?", "• Bullet one", "• Bullet two.", "Still two.", "M.Sc. in ML.", "Ran Node.js.", "Done"}
	if !slices.Equal(got, want) {
		t.Errorf("sentences:\n got %q\nwant %q", got, want)
	}
}

func TestInflectionOf(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		w, term string
		want    bool
	}{
		{"profiled", "profiling", true}, {"tune", "tuning", true}, {"gpus", "gpu", true},
		{"modelling", "model", true}, {"technologies", "technology", true}, {"quantised", "quantise", true},
		{"seaborne", "seaborn", false}, {"engineer", "engineering", true}, {"trainer", "training", false},
	} {
		if got := InflectionOf(tt.w, tt.term); got != tt.want {
			t.Errorf("InflectionOf(%q, %q) = %v", tt.w, tt.term, got)
		}
	}
}

func TestSameTerm(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		a, b string
		want bool
	}{
		{"Fine-tuned", "fine-tune", true},
		{"Deployed models", "Deploy models", true},
		{"Transformers", "Transformer architectures", true},
		{"finetuning", "fine-tuning", true},
		{"GPUs", "GPU", true},
		{"recurrent networks", "RNN", false},
		{"CVPR", "AI conferences", false},
	} {
		if got := SameTerm(tt.a, tt.b); got != tt.want {
			t.Errorf("SameTerm(%q, %q) = %v", tt.a, tt.b, got)
		}
	}
}

// TestBlockStarts_NumberedAndGlyphs: numbered items and bullets of other
// glyphs start blocks, so "2." ends no sentence of item 1; a number that
// is no item ("3.5 years") starts none.
func TestBlockStarts_NumberedAndGlyphs(t *testing.T) {
	t.Parallel()
	text := "What you'll bring\n1. Six years of software engineering\n2. Python and Go\n3.5 years is fine\n➤ Kubernetes\n● Docker"
	doc := &extract.Document{Text: text}
	for off := 0; off <= len(text); {
		end := strings.IndexByte(text[off:], '\n')
		if end < 0 {
			end = len(text) - off
		}
		doc.Lines = append(doc.Lines, extract.Line{Start: off, End: off + end})
		off += end + 1
	}
	var got []string
	for _, sp := range Sentences(Tokenize(text), BlockStarts(doc)) {
		got = append(got, text[sp.Start:sp.End])
	}
	want := []string{"What you'll bring", "1. Six years of software engineering", "2. Python and Go\n3.5 years is fine", "➤ Kubernetes", "● Docker"}
	if !slices.Equal(got, want) {
		t.Errorf("sentences:\n got %q\nwant %q", got, want)
	}
}

// TestBulletLen_Numbers: an item's number is a list marker for trimming
// ("2. ", "3) ", "(4) "), but only bullets make StartsWithBullet, so that
// "3. REQUIREMENTS" may still head a part.
func TestBulletLen_Numbers(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		s      string
		n      int
		bullet bool
	}{
		{"2. Python", 3, false}, {"3) Kubernetes", 3, false}, {"(4) Drive rendering", 4, false}, {"12.  Go", 5, false},
		{"3.5 years", 0, false}, {"2026. Go", 0, false}, {"• Python", len("• "), true}, {"→ Write docs", len("→ "), true},
	} {
		if got := BulletLen(tt.s); got != tt.n {
			t.Errorf("BulletLen(%q) = %d, want %d", tt.s, got, tt.n)
		}
		if got := StartsWithBullet(tt.s); got != tt.bullet {
			t.Errorf("StartsWithBullet(%q) = %v, want %v", tt.s, got, tt.bullet)
		}
	}
}

// TestNewStemmed_Words: the words NewStemmed cuts out of each token in
// place are those Words gives, stemmed, on every text of testdata and on
// tokens of symbols, digits and letters beyond ASCII.
func TestNewStemmed_Words(t *testing.T) {
	texts := append(testdataTexts(t), "C++/C# Node.js, naïve Ünïcode 3D-CNNs (R&D) \xff\xfeX k8s")
	words := 0
	for _, s := range texts {
		toks := Lex(s).Tokens()
		var want []stemmedWord
		for i, tok := range toks {
			for _, w := range Words(tok.Text) {
				want = append(want, stemmedWord{Stem(w), i})
			}
		}
		if got := NewStemmed(toks).words; !slices.Equal(got, want) {
			t.Errorf("text %.40q: %d words, want Words' %d", s, len(got), len(want))
		}
		words += len(want)
	}
	if words < 10000 {
		t.Errorf("only %d words: the test no longer tests NewStemmed", words)
	}
}

// TestStem: a term's forms meet, and a word whose ending no step cuts is
// its own stem (Stem returns those at once).
func TestStem(t *testing.T) {
	t.Parallel()
	for w, want := range map[string]string{
		"profile": "profil", "profiles": "profil", "profiled": "profil", "profiling": "profil",
		"gpus": "gpu", "modelling": "model", "modeling": "model", "running": "run", "status": "status",
		"corpus": "corpus", "bus": "bus", "classes": "class", "cities": "city", "analysis": "analysis",
		"python": "python", "pytorch": "pytorch", "c++": "c++", "k8s": "k8s", "ml": "ml", "go": "go",
		"ing": "ing", "red": "red", "bed": "bed", "use": "use", "used": "used", "uses": "use", "": "",
	} {
		if got := Stem(w); got != want {
			t.Errorf("Stem(%q) = %q, want %q", w, got, want)
		}
	}
}
