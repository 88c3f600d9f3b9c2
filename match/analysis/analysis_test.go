package analysis

import (
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/tailor-cli/tailor/extract"
	"github.com/tailor-cli/tailor/match/internal/fixture"
	"github.com/tailor-cli/tailor/match/taxonomy"
)

// builtinTaxonomySource loads the built-in taxonomy from its YAML, with
// the examples and counterexamples the generated Go leaves out.
func builtinTaxonomySource(t testing.TB) *taxonomy.Taxonomy {
	t.Helper()
	data, err := os.ReadFile("../taxonomy/taxonomy.yaml")
	if err != nil {
		t.Fatal(err)
	}
	tax, err := taxonomy.Load(taxonomy.BuiltinName, data, nil)
	if err != nil {
		t.Fatal(err)
	}
	return tax
}

// isSkillsSection is how a resume says which sections list skills.
func isSkillsSection(s extract.Section) bool { return s.Name == "Skills" }

// found returns the ids of the skills that count in text read as a plain
// text document.
func found(t testing.TB, tax *taxonomy.Taxonomy, text string) []string {
	t.Helper()
	var ids []string
	seen := map[string]bool{}
	for _, h := range New(fixture.Plain(t, "t.txt", text), tax, Options{ListSection: isSkillsSection}).Hits {
		if !seen[h.Skill.ID] {
			seen[h.Skill.ID] = true
			ids = append(ids, h.Skill.ID)
		}
	}
	return ids
}

func TestFind_Variants(t *testing.T) {
	t.Parallel()
	tax := fixture.Taxonomy(t)
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
	tax := fixture.Taxonomy(t)
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
	tax := fixture.Taxonomy(t)
	got := found(t, tax, "Wrote Python tools for the go-to-market team and the C-suite, with attention to detail.")
	if !slices.Equal(got, []string{"python"}) {
		t.Errorf("found %q, want only python", got)
	}
}

func TestFind_Punctuation(t *testing.T) {
	t.Parallel()
	tax := fixture.Taxonomy(t)
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
	tax := fixture.Taxonomy(t)
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

// TestBuiltinTaxonomy checks the built-in taxonomy's data: it is large
// enough, every skill has wording, and every example finds its skill while
// every counterexample does not.
func TestBuiltinTaxonomy(t *testing.T) {
	t.Parallel()
	tax := builtinTaxonomySource(t)
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

// TestBuiltinTaxonomy_Decoys runs the decoy sentences the product promises
// to ignore through the built-in taxonomy: none may produce a skill.
func TestBuiltinTaxonomy_Decoys(t *testing.T) {
	t.Parallel()
	tax := fixture.Builtin(t)
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

// TestFind_NamesAreNotSkills: an ambiguous name followed by a capitalised
// word that is no skill is a person's or a company's name; followed by a
// word that goes with technologies, or by another skill, it is the skill.
func TestFind_NamesAreNotSkills(t *testing.T) {
	t.Parallel()
	tax := fixture.Builtin(t)
	for text, want := range map[string][]string{
		"You'll report to Ray Okonkwo, our director, and work with Python.":             {"python"},
		"Meet the hiring team: Julia Brandt, Engineering Manager, who loves Kubernetes": {"kubernetes"},
		"Spark Street Media is hiring a data engineer for our Python stack.":            {"python"},
		"We run Spark Streaming jobs and Ray clusters for Python training.":             {"spark", "ray", "python"},
		"Skills: Go, Ray, Spark": {"go", "ray", "spark"},
		// Authors: a surname that is a skill's name, an initial that is a
		// language's; the line's real skills still count.
		"Chen, R., Lee, S., and Keras, M. Fast tabular models in PyTorch. KDD 2023.": {"ml-conferences", "pytorch"}, // the venue is a skill
		"R. Chen, J. Keras and S. Lee. Scaling Spark jobs. VLDB 2022.":               {"spark"},
		// One "Surname, I." is no author list: "C." ends a list of languages.
		"Languages: Python, C.": {"python", "c"},
		// A firm's names joined by an ampersand; two skills so joined stay.
		"Cypress & Finch is pet insurance you manage from your phone, built in Python.": {"python"},
		"MLOps Engineer | Helm & Anchor Shipping | Rotterdam":                           {"mlops"},
		"Experience with Docker & Kubernetes":                                           {"docker", "kubernetes"},
		// An acronym spelt out as words that are no skill is none, there
		// and wherever else the text uses it; spelt out as its skill, it
		// is the skill.
		"Our client is the Ministry of Education (MoE); MoE staff use Python.": {"python"},
		"Work with our Data Protection Officer (DPO) in Python":                {"python"},
		"Deploy on Google Cloud Platform (GCP) with Terraform":                 {"cloud-deployment", "gcp", "terraform"},
		"Fine-tune Large Language Models (LLMs) with DPO":                      {"llm", "fine-tuning", "rlhf"},
	} {
		got := found(t, tax, text)
		slices.Sort(got)
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Errorf("%q: found %v, want %v", text, got, want)
		}
	}
}

// TestNew_DoubleBarrelledNames checks that a name by its double-barrelled
// surname hides no skill ("reviewed by Ewa Lindqvist-Moyo"), while two
// skills written in that form ("Python Scikit-Learn") are no name.
func TestNew_DoubleBarrelledNames(t *testing.T) {
	t.Parallel()
	doc := fixture.Markdown(t, "r.md", "# Skills\n\nBuilt models with Python Scikit-Learn and pandas; reviewed by Ewa Lindqvist-Moyo.\n")
	a := New(doc, fixture.Builtin(t), Options{})
	var names, hits []string
	for _, n := range a.Names {
		names = append(names, doc.Text[n.Start:n.End])
	}
	for _, h := range a.Hits {
		hits = append(hits, h.Skill.ID)
	}
	if !slices.Equal(names, []string{"Ewa Lindqvist-Moyo"}) {
		t.Errorf("names %q, want the reviewer's alone", names)
	}
	if !slices.Contains(hits, "python") || !slices.Contains(hits, "scikit-learn") {
		t.Errorf("hits %q, want python and scikit-learn", hits)
	}
}

// TestNew_PhrasesStayInTheirBlock checks that a phrase never starts in a
// heading and runs into the list under it: "What you'll bring" and the
// item's "models ... production" are no "bring ... models ... production",
// which would hide the item's own "taking models ... to production".
func TestNew_PhrasesStayInTheirBlock(t *testing.T) {
	t.Parallel()
	doc := fixture.Markdown(t, "j.md", "## What you'll bring\n\n- Experience taking models from notebook to production\n- Python\n")
	var got []string
	for _, h := range New(doc, fixture.Builtin(t), Options{}).Hits {
		if h.Skill.ID == "model-deployment" {
			got = append(got, doc.Text[h.Start:h.End])
		}
	}
	if want := []string{"taking models from notebook to production"}; !slices.Equal(got, want) {
		t.Errorf("model deployment %q, want %q", got, want)
	}
}
