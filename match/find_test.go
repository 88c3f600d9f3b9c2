package match

import (
	"slices"
	"strings"
	"testing"
)

func TestFind_Variants(t *testing.T) {
	t.Parallel()
	tax := loadTestTaxonomy(t)
	tests := []struct {
		text string
		want []string
	}{
		{"Fine-tuning BERT on our data.", []string{"fine-tuning"}},
		{"Fine tuning BERT on our data.", []string{"fine-tuning"}},
		{"Finetuning BERT on our data.", []string{"fine-tuning"}},
		{"Trained CNNs and Transformers.", []string{"cnn", "transformer"}},
		{"Built convolutional neural networks.", []string{"cnn"}},
		{"Wrote C++ and C# services on .NET and Node.js with CI/CD.", []string{"cpp", "csharp", "dotnet", "nodejs", "cicd"}},
		{"Moved from TensorFlow to PyTorch/JAX in 2021.", []string{"tensorflow", "pytorch"}},
		{"PyTorch-based training with DDP.", []string{"pytorch", "ddp"}},
		{"Trained a GAN.", []string{"gan"}},
		{"We gan together.", nil},
		{"Skilled in deep-learning.", []string{"deep-learning"}},
		{"Used torch.nn and PyTorch Lightning.", []string{"pytorch"}},
		{"Built REST services in Go and Python.", []string{"go", "python"}},
		{"Go 1.22 services.", []string{"go"}},
		{"Wrote statistics scripts in R and Python.", []string{"r", "python"}},
		{"Languages: Go, R, C", []string{"go", "r", "c"}},
		{"Self-attention layers in a transformer with PyTorch.", []string{"transformer", "pytorch"}},
		{"Added an attention mechanism.", []string{"attention"}},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			t.Parallel()
			got := found(t, tax, tt.text)
			if !slices.Equal(got, tt.want) {
				t.Errorf("found %q, want %q", got, tt.want)
			}
		})
	}
}

// TestFind_Decoys holds the sentences the issue names: none may produce a
// skill.
func TestFind_Decoys(t *testing.T) {
	t.Parallel()
	tax := loadTestTaxonomy(t)
	for _, text := range []string{
		"Led the go-to-market plan for the launch.",
		"Managed R&D budgets across three sites.",
		"Presented the roadmap to the C-suite.",
		"She carried the torch for the accessibility guild.",
		"Maintained power transformers at the substation.",
		"Known for attention to detail.",
		"Go above and beyond for every customer.",
		"We go live next week.",
		"Plan C was the fallback.",
		"Grade: C",
		"The R train was late.",
		"Pay attention to the torch on the wall.",
	} {
		t.Run(text, func(t *testing.T) {
			t.Parallel()
			if got := found(t, tax, text); len(got) != 0 {
				t.Errorf("found %q in a decoy", got)
			}
		})
	}
}

// TestFind_DecoyNextToSkill: a decoy does not become a skill because a real
// one shares its sentence.
func TestFind_DecoyNextToSkill(t *testing.T) {
	t.Parallel()
	tax := loadTestTaxonomy(t)
	got := found(t, tax, "Wrote Python tools for the go-to-market team and the C-suite, with attention to detail.")
	if !slices.Equal(got, []string{"python"}) {
		t.Errorf("found %q, want only python", got)
	}
}

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

func TestFind_Punctuation(t *testing.T) {
	t.Parallel()
	tax := loadTestTaxonomy(t)
	tests := []struct {
		text string
		want []string
	}{
		{"I write Go. Also Python.", []string{"go", "python"}},
		{"Paper with R. Sørensen and C. Lee at CVPR, in Python.", []string{"python"}},
		{"Wrote Python, e.g. for ETL.", []string{"python"}},
	}
	for _, tt := range tests {
		if got := found(t, tax, tt.text); !slices.Equal(got, tt.want) {
			t.Errorf("%q: found %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestFind_Inflections(t *testing.T) {
	t.Parallel()
	tax := loadTestTaxonomy(t)
	for text, want := range map[string]string{
		"Fine-tuned BERT for NER.":     "fine-tuning",
		"We are fine-tuning it.":       "fine-tuning",
		"Trained LSTMs.":               "lstm",
		"Ran distributed trainings.":   "distributed-training",
		"Built recurrent neural nets.": "",
	} {
		got := found(t, tax, text)
		if want == "" && len(got) != 0 || want != "" && !slices.Equal(got, []string{want}) {
			t.Errorf("%q: found %q, want %q", text, got, want)
		}
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
		if got := inflectionOf(tt.w, tt.term); got != tt.want {
			t.Errorf("inflectionOf(%q, %q) = %v", tt.w, tt.term, got)
		}
	}
}
