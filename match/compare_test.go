package match

import (
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/tailor-cli/tailor/extract"
)

func readText(t testing.TB, name, text string) *extract.Document {
	t.Helper()
	doc, err := extract.ReadText(name, []byte(text), extract.FormatMarkdown)
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

const testJob = `# ML Engineer

## About us
We are a TensorFlow shop with great benefits.

## Requirements
- PyTorch and RNN experience.
- Distributed training on many GPUs.
- Strong Python; experience with Go is a plus.

## Nice to have
- CNN projects.
`

func TestNewJob_Importance(t *testing.T) {
	t.Parallel()
	job := NewJob("job.md", readText(t, "job.md", testJob), loadTestTaxonomy(t))
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

func TestCompare_StatusesAndScore(t *testing.T) {
	t.Parallel()
	tax := loadTestTaxonomy(t)
	job := NewJob("job.md", readText(t, "job.md", testJob), tax)
	resume := readText(t, "cv.md", `# Ana Lee

## Experience
- Built LSTM forecasters in PyTorch.
- Scaled training with DDP across 16 GPUs.
- Trained convolutional neural networks for defect detection.

## Skills
Python, Keras
`)
	r := job.Compare(resume)
	byID := map[string]SkillResult{}
	for _, s := range r.Skills {
		byID[s.ID] = s
	}
	check := func(id string, status Status, kind SuggestionKind) {
		t.Helper()
		s, ok := byID[id]
		if !ok {
			t.Fatalf("no result for %s", id)
		}
		if s.Status != status {
			t.Errorf("%s: status %s, want %s", id, s.Status, status)
		}
		switch {
		case kind == "" && s.Suggestion != nil:
			t.Errorf("%s: unexpected suggestion %+v", id, s.Suggestion)
		case kind != "" && (s.Suggestion == nil || s.Suggestion.Kind != kind):
			t.Errorf("%s: suggestion %+v, want kind %s", id, s.Suggestion, kind)
		}
	}
	check("pytorch", Matched, "")
	check("python", Matched, ShowWork)           // only in the Skills list
	check("rnn", Partial, Name)                  // LSTM implies RNN
	check("distributed-training", Partial, Name) // DDP implies it
	check("cnn", Matched, Align)                 // written another way
	check("go", Missing, Add)
	if got := byID["rnn"].Via; got != "LSTM" {
		t.Errorf("rnn via %q, want LSTM", got)
	}
	if adv := byID["rnn"].Suggestion.Advice; !strings.Contains(adv, `"RNN (LSTM)"`) {
		t.Errorf("partial advice %q does not show the combined wording", adv)
	}
	// Required: pytorch 3 + python 3 + rnn 1.5 + distributed 1.5 = 9 of 12;
	// preferred: cnn 1 + go 0 = 1 of 2. Score = 100 × 10 / 14.
	if r.Breakdown.Earned != 10 || r.Breakdown.Possible != 14 {
		t.Errorf("earned %v of %v, want 10 of 14", r.Breakdown.Earned, r.Breakdown.Possible)
	}
	if r.Score != 71.4 {
		t.Errorf("score %v, want 71.4", r.Score)
	}
	if ev := byID["pytorch"].ResumeEvidence; len(ev) == 0 || ev[0].Section != "Experience" || ev[0].Term != "PyTorch" ||
		ev[0].Text[ev[0].TermStart:ev[0].TermEnd] != "PyTorch" {
		t.Errorf("pytorch evidence = %+v", ev)
	}
	if ev := byID["go"].JobEvidence; len(ev) == 0 || !strings.Contains(ev[0].Text, "is a plus") {
		t.Errorf("go job evidence = %+v", ev)
	}
	if got := r.Skills[0].Status; got != Missing {
		t.Errorf("first skill is %s; missing skills come first", got)
	}
}

// TestCompare_NeverClaims: suggestions for skills the resume lacks are
// conditional and do not state the skill as the person's.
func TestCompare_NeverClaims(t *testing.T) {
	t.Parallel()
	tax := loadTestTaxonomy(t)
	job := NewJob("job.md", readText(t, "job.md", testJob), tax)
	r := job.Compare(readText(t, "cv.md", "# Sam\n\n## Experience\n- Ran a bakery for ten years.\n"))
	if r.Score != 0 {
		t.Errorf("score %v, want 0", r.Score)
	}
	for _, s := range r.Skills {
		if s.Status != Missing || s.Suggestion == nil || s.Suggestion.Kind != Add {
			t.Fatalf("%s: %+v", s.ID, s)
		}
		if !strings.Contains(s.Suggestion.Advice, "If you have") {
			t.Errorf("%s: advice is not conditional: %q", s.ID, s.Suggestion.Advice)
		}
	}
}

func TestCompare_JobWithoutSkills(t *testing.T) {
	t.Parallel()
	tax := loadTestTaxonomy(t)
	job := NewJob("job.md", readText(t, "job.md", "# Barista\n\nMake great coffee.\n"), tax)
	r := job.Compare(readText(t, "cv.md", "Python developer"))
	if r.Score != 0 || len(r.Skills) != 0 {
		t.Errorf("score %v with %d skills", r.Score, len(r.Skills))
	}
	if len(r.Warnings) == 0 || r.Warnings[len(r.Warnings)-1].Code != "job-no-skills" {
		t.Errorf("warnings = %+v, want job-no-skills", r.Warnings)
	}
}

func TestCompare_Alternatives(t *testing.T) {
	t.Parallel()
	tax := loadTestTaxonomy(t)
	job := NewJob("job.md", readText(t, "job.md", "# Role\n\n## Requirements\n- PyTorch or TensorFlow.\n- Python, Go or C++.\n- CNN and RNN.\n- LSTM or PyTorch DDP.\n"), tax)
	tests := []struct {
		resume string
		want   map[string]Status // the skills reported, and their status
		alts   map[string]string // skill → its alternatives, joined
	}{
		{
			resume: "Built models in TensorFlow with Go services.",
			want:   map[string]Status{"tensorflow": Matched, "go": Matched, "cnn": Missing, "rnn": Missing, "lstm": Missing},
			alts:   map[string]string{"tensorflow": "PyTorch", "go": "Python,C++", "lstm": "DDP"},
		},
		{
			resume: "Ran a bakery.",
			want:   map[string]Status{"pytorch": Missing, "python": Missing, "cnn": Missing, "rnn": Missing, "lstm": Missing},
			alts:   map[string]string{"pytorch": "TensorFlow", "python": "Go,C++", "lstm": "DDP"},
		},
	}
	for _, tt := range tests {
		r := job.Compare(readText(t, "cv.txt", tt.resume))
		got := map[string]Status{}
		for _, s := range r.Skills {
			got[s.ID] = s.Status
			if want := tt.alts[s.ID]; strings.Join(s.Alternatives, ",") != want {
				t.Errorf("%q: %s alternatives %q, want %q", tt.resume, s.ID, s.Alternatives, want)
			}
		}
		if len(got) != len(tt.want) {
			t.Errorf("%q: skills %v, want %v", tt.resume, got, tt.want)
		}
		for id, st := range tt.want {
			if got[id] != st {
				t.Errorf("%q: %s is %q, want %q", tt.resume, id, got[id], st)
			}
		}
	}
	r := job.Compare(readText(t, "cv.txt", "Ran a bakery."))
	for _, s := range r.Skills {
		if s.ID == "python" && !strings.Contains(s.Suggestion.Advice, "any one will do") {
			t.Errorf("advice does not say one alternative is enough: %q", s.Suggestion.Advice)
		}
	}
}

// TestNewJob_RequirementsSection: when a job lists its requirements,
// skills named only in the role's description are preferred, unless their
// clause says they are required.
func TestNewJob_RequirementsSection(t *testing.T) {
	t.Parallel()
	tax := loadTestTaxonomy(t)
	job := NewJob("job.md", readText(t, "job.md",
		"# Role\n\n## About the role\nYou will work on CNN models. Python is required.\n\n## Requirements\n- PyTorch.\n"), tax)
	for id, want := range map[string]Importance{"cnn": Preferred, "python": Required, "pytorch": Required} {
		if got, _ := job.Importance(id); got != want {
			t.Errorf("%s: %q, want %q", id, got, want)
		}
	}
	// Without a requirements section everything named is required.
	job = NewJob("job.txt", readText(t, "job.txt", "We build CNN models in PyTorch."), tax)
	for _, id := range []string{"cnn", "pytorch"} {
		if got, _ := job.Importance(id); got != Required {
			t.Errorf("%s: %q, want required", id, got)
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
		if got := sameTerm(tt.a, tt.b); got != tt.want {
			t.Errorf("sameTerm(%q, %q) = %v", tt.a, tt.b, got)
		}
	}
}

func TestCompare_ListedOnly(t *testing.T) {
	t.Parallel()
	tax := loadTestTaxonomy(t)
	job := NewJob("job.md", readText(t, "job.md", "# Role\n\n## Requirements\n- PyTorch, TensorFlow and Python.\n"), tax)
	r := job.Compare(readText(t, "cv.md", "# Ana\n\n## Experience\n- Trained models in PyTorch.\n\n## Skills\nPyTorch, TensorFlow, Python\n"))
	for _, s := range r.Skills {
		listed := s.ID != "pytorch"
		if s.ListedOnly != listed {
			t.Errorf("%s: listed_only %v, want %v", s.ID, s.ListedOnly, listed)
		}
		if listed && (s.Suggestion == nil || s.Suggestion.Kind != ShowWork || !strings.Contains(s.Suggestion.Advice, "no bullet")) {
			t.Errorf("%s: suggestion %+v", s.ID, s.Suggestion)
		}
		if s.Status != Matched {
			t.Errorf("%s: %s; listing a skill still matches it", s.ID, s.Status)
		}
	}
	// A resume without sections that show work cannot be judged.
	r = job.Compare(readText(t, "cv.txt", "Skills\nPyTorch, TensorFlow, Python"))
	for _, s := range r.Skills {
		if s.ListedOnly {
			t.Errorf("%s flagged in a resume without experience", s.ID)
		}
	}
}

// TestCompare_ListedButShownNarrower: a skill listed only in the skills
// list is not flagged when a bullet shows a narrower skill that implies it.
func TestCompare_ListedButShownNarrower(t *testing.T) {
	t.Parallel()
	tax := loadTestTaxonomy(t)
	job := NewJob("job.md", readText(t, "job.md", "# Role\n\n## Requirements\n- RNN experience.\n"), tax)
	r := job.Compare(readText(t, "cv.md", "# Ana\n\n## Experience\n- Built LSTM forecasters.\n\n## Skills\nRNN, LSTM\n"))
	if len(r.Skills) != 1 || r.Skills[0].ListedOnly || r.Skills[0].Suggestion != nil {
		t.Errorf("rnn: %+v", r.Skills)
	}
}

// TestCompare_ClosestWork: advice for a missing skill points at the
// resume's own bullet closest to it, and at none when nothing is close.
func TestCompare_ClosestWork(t *testing.T) {
	t.Parallel()
	tax := loadTestTaxonomy(t)
	job := NewJob("job.md", readText(t, "job.md", "# Role\n\n## Requirements\n- LSTM models.\n- Go services.\n"), tax)
	r := job.Compare(readText(t, "cv.md", "# Ana\n\n## Experience\n- Ran the bakery's accounts for six years.\n- Built RNN forecasters in Python for store demand.\n"))
	for _, s := range r.Skills {
		if s.Status != Missing || s.Suggestion == nil {
			t.Fatalf("%s: %+v", s.ID, s)
		}
		c := s.Suggestion.Closest
		switch s.ID {
		case "lstm": // RNN is what LSTM implies: the forecasting bullet
			if c == nil || !strings.Contains(c.Text, "RNN forecasters") || !strings.Contains(s.Suggestion.Advice, "if you used LSTM there") {
				t.Errorf("lstm: closest %+v, advice %q", c, s.Suggestion.Advice)
			}
		case "go": // Python is only a fellow language: not close enough
			if c != nil {
				t.Errorf("go: closest %+v, want none", c)
			}
		}
	}
}

func TestCompare_OtherKeywords(t *testing.T) {
	t.Parallel()
	tax := loadTestTaxonomy(t)
	job := NewJob("job.txt", readText(t, "job.txt", `Platform Engineer
Acme Robotics, Oslo

About us
Acme Robotics builds robots for Oslo warehouses.

Requirements
- MSc in Computer Science and experience with Python.
- You will run canary releases and own canary releases end to end.
- Strong communication skills.

Benefits
- Generous Pension Plan.
`), tax)
	r := job.Compare(readText(t, "cv.txt", "Experience\n- Shipped canary releases for payments, in Python.\n"))
	got := map[string]bool{}
	for _, k := range r.OtherKeywords {
		got[k.Term] = k.InResume
	}
	want := map[string]bool{"MSc": false, "Computer Science": false, "canary releases": true}
	for term, in := range want {
		if v, ok := got[term]; !ok || v != in {
			t.Errorf("keyword %q: found %v, in resume %v; want in resume %v (all: %+v)", term, ok, v, in, r.OtherKeywords)
		}
	}
	for _, bad := range []string{"Acme Robotics", "Oslo", "Pension Plan", "communication skills", "Python"} {
		if _, ok := got[bad]; ok {
			t.Errorf("%q is no keyword", bad)
		}
	}
}

// TestCompare_OtherKeywordsNoMarkup: markup pasted into a job ad (or put
// there by someone hostile) is never offered as a term to write.
func TestCompare_OtherKeywordsNoMarkup(t *testing.T) {
	t.Parallel()
	tax := loadTestTaxonomy(t)
	job := NewJob("job.md", readText(t, "job.md", `# Engineer

## Requirements
- Experience with "><img src=x onerror=alert(1)> is required.
- Experience with "><img src=x onerror=alert(1)> tooling is a must.
- Must have Acme Widgets; Acme Widgets is a must.
`), tax)
	r := job.Compare(readText(t, "cv.txt", "Experience\n- Shipped Acme Widgets.\n"))
	var terms []string
	for _, k := range r.OtherKeywords {
		terms = append(terms, k.Term)
		if strings.ContainsAny(k.Term, "<>=\"") {
			t.Errorf("keyword %q is markup", k.Term)
		}
	}
	if !slices.Contains(terms, "Acme Widgets") {
		t.Errorf("keywords %q lack Acme Widgets", terms)
	}
}

// TestCompare_AdviceReadsMidSentence: a term a sentence happened to start
// with ("Fine-tuned …", "Transfer learning …") is lowered inside the
// advice, while names keep their capitals.
func TestCompare_AdviceReadsMidSentence(t *testing.T) {
	t.Parallel()
	tax := builtinTaxonomy(t)
	job := NewJob("job.md", readText(t, "job.md", "# Role\n\n## Requirements\n- Transfer learning from pre-trained models.\n- Edge deployment on phones.\n"), tax)
	r := job.Compare(readText(t, "cv.md", "# Ana\n\n## Experience\n- Fine-tuned ViT models on slides.\n- Ran detectors on Jetson Orin boards at 30 fps.\n"))
	want := map[string][]string{
		"transfer-learning": {"You show fine-tuned (", "which is transfer learning work", `e.g. "transfer learning (fine-tuned)"`},
		"edge-deployment":   {"You show Jetson Orin (", "which is edge deployment work", `e.g. "edge deployment (Jetson Orin)"`},
	}
	for _, s := range r.Skills {
		for _, w := range want[s.ID] {
			if s.Status != Partial || s.Suggestion == nil || !strings.Contains(s.Suggestion.Advice, w) {
				t.Errorf("%s (%s): advice lacks %q: %+v", s.ID, s.Status, w, s.Suggestion)
			}
		}
		delete(want, s.ID)
	}
	for id := range want {
		t.Errorf("%s not reported", id)
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
	for _, p := range []string{"profiles/deep-learning-engineer.md", "../testdata/jobs/cv-engineer.md",
		"../testdata/jobs/ml-platform-engineer.txt", "../testdata/jobs/nlp-research-engineer.txt",
		"../testdata/eval/cases.yaml", "../testdata/eval/heldout.yaml"} {
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

// TestMidSentence: which capitals are a sentence's and which a name's.
func TestMidSentence(t *testing.T) {
	t.Parallel()
	tax := builtinTaxonomy(t)
	for _, c := range []struct{ id, text, want string }{
		{"transfer-learning", "Transfer learning", "transfer learning"},
		{"edge-deployment", "Edge deployment", "edge deployment"},
		{"fine-tuning", "Fine-tuned", "fine-tuned"},
		{"python", "Python", "Python"},
		{"kaggle", "Kaggle competitions", "Kaggle competitions"},
		{"prometheus-grafana", "Prometheus and Grafana", "Prometheus and Grafana"},
		{"prometheus-grafana", "Grafana", "Grafana"},
		{"jetson", "Jetson Orin", "Jetson Orin"},
		{"gpu-optimization", "GPU/TPU optimisation", "GPU/TPU optimisation"},
		{"pytorch", "PyTorch", "PyTorch"},
	} {
		s := tax.Skill(c.id)
		if s == nil {
			t.Errorf("no skill %q", c.id)
			continue
		}
		if got := midSentence(s, c.text); got != c.want {
			t.Errorf("midSentence(%s, %q) = %q, want %q", c.id, c.text, got, c.want)
		}
	}
}

// TestCompare_OrderByJobEmphasis: among skills of the same status and
// importance, what the job names in most sentences comes first, then what
// it names first; the reasons list the missing required skills in that
// order.
func TestCompare_OrderByJobEmphasis(t *testing.T) {
	t.Parallel()
	tax := builtinTaxonomy(t)
	job := NewJob("job.md", readText(t, "job.md", `# Role

## Requirements
- Calculus and Kubernetes.
- PyTorch for research; PyTorch in production.
- Docker images, and PyTorch again.
`), tax)
	r := job.Compare(readText(t, "cv.md", "# Ana\n\n## Experience\n- Ran the bakery's accounts for six years.\n"))
	var order []string
	for _, s := range r.Skills {
		order = append(order, s.ID)
	}
	if want := []string{"pytorch", "calculus", "kubernetes", "docker"}; !slices.Equal(order, want) {
		t.Errorf("order %q, want %q", order, want)
	}
	// Named three times, in two sentences: twice in one counts once.
	if r.Skills[0].JobMentions != 2 {
		t.Errorf("pytorch: %d mentions, want 2", r.Skills[0].JobMentions)
	}
	if !slices.Contains(r.Reasons, "Missing required: PyTorch, Calculus, Kubernetes, Docker.") {
		t.Errorf("reasons %q", r.Reasons)
	}
}

// TestEvidence_CutBetweenWords: a sentence too long to show whole is cut
// at word boundaries around the term, each cut marked with an ellipsis,
// and the term's offsets still point at it.
func TestEvidence_CutBetweenWords(t *testing.T) {
	t.Parallel()
	tax := loadTestTaxonomy(t)
	long := "Requirements: four or more years of professional experience building distributed services; deep knowledge of asynchronous programming patterns; " +
		"experience shipping LSTM models to production with careful monitoring; strong grasp of query optimisation, indexing strategies and caching patterns; " +
		"familiarity with continuous delivery pipelines and observability tooling in a regulated industry."
	job := NewJob("job.txt", readText(t, "job.txt", "Engineer\n\n"+long+"\n"), tax)
	r := job.Compare(readText(t, "cv.txt", "Experience\n- Baked bread.\n"))
	if len(r.Skills) == 0 || len(r.Skills[0].JobEvidence) == 0 {
		t.Fatalf("skills %+v", r.Skills)
	}
	e := r.Skills[0].JobEvidence[0]
	if e.Text[e.TermStart:e.TermEnd] != e.Term || e.Term != "LSTM" {
		t.Errorf("term %q at %d:%d of %q", e.Term, e.TermStart, e.TermEnd, e.Text)
	}
	inner, ok := strings.CutPrefix(e.Text, "…")
	inner, ok2 := strings.CutSuffix(inner, "…")
	if !ok || !ok2 {
		t.Fatalf("cuts not marked: %q", e.Text)
	}
	words := strings.Fields(long)
	got := strings.Fields(inner)
	if len(got) < 10 || !slices.Contains(words, got[0]) || !slices.Contains(words, got[len(got)-1]) || !strings.Contains(long, inner) {
		t.Errorf("cut inside a word: %q", e.Text)
	}
}

// TestCompare_SuggestsTheSkillsName: when the job writes a skill two ways,
// the advice uses the way that is the skill's name ("Docker", not
// "containerization"), which is what a recruiter's search types.
func TestCompare_SuggestsTheSkillsName(t *testing.T) {
	t.Parallel()
	tax := builtinTaxonomy(t)
	job := NewJob("job.txt", readText(t, "job.txt", "Engineer\n\nRequirements: experience with containerization via Docker.\n"), tax)
	r := job.Compare(readText(t, "cv.txt", "Experience\n- Baked bread.\n"))
	for _, s := range r.Skills {
		if s.ID == "docker" {
			if s.JobTerm != "Docker" || s.Suggestion == nil || !strings.Contains(s.Suggestion.Advice, `write "Docker" as the job does`) {
				t.Errorf("docker: term %q, suggestion %+v", s.JobTerm, s.Suggestion)
			}
			return
		}
	}
	t.Errorf("docker not found in %+v", r.Skills)
}

// TestNewJob_InlineLabels: a job ad written as paragraphs that open with
// labels ("Requirements: …") is read like one with headings: the
// requirements paragraph is required, the others preferred, benefits
// ignored; and the document given is not changed.
func TestNewJob_InlineLabels(t *testing.T) {
	t.Parallel()
	tax := builtinTaxonomy(t)
	doc := readText(t, "job.txt", `Senior ML Engineer

We run our models on Kubernetes for retailers, and they ship weekly.

Requirements: 3+ years with PyTorch; experience with CUDA kernels.

Nice to have: JAX.

Benefits: a Docker-themed mug and good coffee.
`)
	before := slices.Clone(doc.Sections)
	j := NewJob("job.txt", doc, tax)
	if !slices.Equal(doc.Sections, before) {
		t.Errorf("the document's sections changed: %+v", doc.Sections)
	}
	got := map[string]Importance{}
	for _, s := range j.skills {
		got[s.skill.ID] = s.importance
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
		doc := readText(t, "job.md", text)
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
