package job

import (
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/tailor-cli/tailor/match/internal/fixture"
)

func TestNew_Importance(t *testing.T) {
	t.Parallel()
	job := New("job.md", fixture.Markdown(t, "job.md", fixture.JobMarkdown), fixture.Taxonomy(t))
	want := map[string]Importance{
		"pytorch": Required, "rnn": Required, "distributed-training": Required, "python": Required,
		"go": Preferred, "cnn": Preferred,
	}
	got := map[string]Importance{}
	for _, id := range job.Skills() {
		got[id], _ = job.Importance(id)
	}
	for id, imp := range want {
		if got[id] != imp {
			t.Errorf("%s: importance %q, want %q", id, got[id], imp)
		}
	}
	if _, ok := job.Importance("tensorflow"); ok {
		t.Error("a skill named only in the About us section is asked for")
	}
	if len(got) != len(want) {
		t.Errorf("job skills = %v, want %v", got, want)
	}
	if job.Title != "ML Engineer" {
		t.Errorf("Title = %q", job.Title)
	}
}

// TestNew_RequirementsSection: when a job lists its requirements,
// skills named only in the role's description are preferred, unless their
// clause says they are required.
func TestNew_RequirementsSection(t *testing.T) {
	t.Parallel()
	tax := fixture.Taxonomy(t)
	job := New("job.md", fixture.Markdown(t, "job.md",
		"# Role\n\n## About the role\nYou will work on CNN models. Python is required.\n\n## Requirements\n- PyTorch.\n"), tax)
	for id, want := range map[string]Importance{"cnn": Preferred, "python": Required, "pytorch": Required} {
		if got, _ := job.Importance(id); got != want {
			t.Errorf("%s: %q, want %q", id, got, want)
		}
	}
	// Without a requirements section everything named is required.
	job = New("job.txt", fixture.Markdown(t, "job.txt", "We build CNN models in PyTorch."), tax)
	for _, id := range []string{"cnn", "pytorch"} {
		if got, _ := job.Importance(id); got != Required {
			t.Errorf("%s: %q, want required", id, got)
		}
	}
}

// TestCue_SameAsExpression: looking for a cue's words first never changes
// its answer, on every line, clause and word pair of the bundled jobs and
// evaluation texts and on hand-picked cases in odd case and spacing.
func TestCue_SameAsExpression(t *testing.T) {
	t.Parallel()
	texts := []string{
		"Nice-to-have: JAX", "NICE TO HAVE", "a big plus", "Strong Plus", "PREFERRED", "preferably",
		"Bonus points", "ideally", "Desirable", "not required", "Optional", "would be helpful",
		"an advantage", "REQUIRED", "must", "Essential", "mandatory", "mustard", "requiredness",
		"Equal-Opportunity employer", "regardless of", "401(k)", "401k", "Health Insurance",
		"paid time off", "parental leave", "salary range", "Benefits", "benefitsplus", "",
	}
	for _, p := range []string{"profiles/deep-learning-engineer.md", "../../testdata/jobs/cv-engineer.md",
		"../../testdata/jobs/ml-platform-engineer.txt", "../../testdata/jobs/nlp-research-engineer.txt",
		"../../testdata/eval/cases.yaml", "../../testdata/eval/heldout.yaml"} {
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
	hits := 0
	for _, c := range []cue{preferredCue, requiredCue, boilerplateCue} {
		for _, s := range texts {
			want := c.re.MatchString(s)
			if got := c.MatchString(s); got != want {
				t.Errorf("%s on %q: %v, the expression says %v", c.re, s, got, want)
			}
			if want {
				hits++
			}
		}
	}
	if hits < 100 {
		t.Errorf("only %d matches among %d texts: the test checks too little", hits, len(texts))
	}
}

// TestNew_InlineLabels: a job ad written as paragraphs that open with
// labels ("Requirements: …") is read like one with headings: the
// requirements paragraph is required, the others preferred, benefits
// ignored; and the document given is not changed.
func TestNew_InlineLabels(t *testing.T) {
	t.Parallel()
	tax := fixture.Builtin(t)
	doc := fixture.Markdown(t, "job.txt", `Senior ML Engineer

We run our models on Kubernetes for retailers, and they ship weekly.

Requirements: 3+ years with PyTorch; experience with CUDA kernels.

Nice to have: JAX.

Benefits: a Docker-themed mug and good coffee.
`)
	before := slices.Clone(doc.Sections)
	j := New("job.txt", doc, tax)
	if !slices.Equal(doc.Sections, before) {
		t.Errorf("the document's sections changed: %+v", doc.Sections)
	}
	got := map[string]Importance{}
	for _, s := range j.skills {
		got[s.Skill.ID] = s.Importance
	}
	want := map[string]Importance{"pytorch": Required, "cuda": Required, "kubernetes": Preferred, "jax": Preferred}
	for id, imp := range want {
		if got[id] != imp {
			t.Errorf("%s: %q, want %q (all: %v)", id, got[id], imp, got)
		}
	}
	if _, ok := got["docker"]; ok {
		t.Errorf("docker from the benefits paragraph: %v", got)
	}
}

// TestWithInlineSections_Tiles: the sections made from labels replace
// exactly their paragraphs; every other offset keeps the section it had,
// and sections stay in order without overlapping.
func TestWithInlineSections_Tiles(t *testing.T) {
	t.Parallel()
	for _, text := range []string{
		"Requirements: PyTorch.\n",
		"Engineer\n\nRequirements: PyTorch.\n\nMore text.\n\nBonus: JAX and CUDA\nstill the bonus line.\n\nEnd.\n",
		"# Role\n\nIntro.\n\nRequirements: PyTorch.\n\n## Benefits\n\nPerks: gym.\n\nNice to have: JAX.\n",
		"# Role\n\nRequirements: a.\n\nRequirements: b.\n\nPreferred: c.\n\n# Next\n\nPlain.\n",
		"# Role\n\nMust have: a.\n- b\n- c\n\n# About us\n\nWho we are: a team.\n",
	} {
		doc := fixture.Markdown(t, "job.md", text)
		got := withInlineSections(doc)
		if got.Sections[0].Start != doc.Sections[0].Start || got.Sections[len(got.Sections)-1].End != doc.Sections[len(doc.Sections)-1].End {
			t.Errorf("%q: sections %+v do not span %+v", text, got.Sections, doc.Sections)
		}
		for i := 1; i < len(got.Sections); i++ {
			if got.Sections[i].Start < got.Sections[i-1].End || got.Sections[i].Start > got.Sections[i].End {
				t.Errorf("%q: section %d %+v after %+v", text, i, got.Sections[i], got.Sections[i-1])
			}
		}
		inline := 0
		for off := range len(doc.Text) {
			was, is := doc.SectionAt(off), got.SectionAt(off)
			if is.Name == "Other" && inlineLabel.MatchString(doc.Text[is.Start:]) {
				inline++
				if !strings.HasPrefix(doc.Text[is.Start:], is.Heading+":") || strings.Contains(doc.Text[is.Start:is.End], "\n\n") {
					t.Errorf("%q: inline section %+v", text, is)
				}
				continue
			}
			if was.Heading != is.Heading || was.Name != is.Name {
				t.Errorf("%q: offset %d moved from %+v to %+v", text, off, was, is)
				break
			}
		}
		if inline == 0 {
			t.Errorf("%q: no inline section made: %+v", text, got.Sections)
		}
	}
}
