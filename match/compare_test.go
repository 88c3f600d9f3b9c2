package match

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/tailor-cli/tailor/match/internal/fixture"
	"github.com/tailor-cli/tailor/match/job"
)

func TestCompare_StatusesAndScore(t *testing.T) {
	t.Parallel()
	tax := fixture.Taxonomy(t)
	jd := job.New("job.md", fixture.Markdown(t, "job.md", fixture.JobMarkdown), tax)
	resume := fixture.Markdown(t, "cv.md", `# Ana Lee

## Experience
- Built LSTM forecasters in PyTorch.
- Scaled training with DDP across 16 GPUs.
- Trained convolutional neural networks for defect detection.

## Skills
Python, Keras
`)
	r := Compare(jd, resume)
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
	// "GPUs" is no skill of the test taxonomy: a keyword ask, matched word
	// for word ("16 GPUs").
	check(KeywordPrefix+"gpus", Matched, "")
	if s := byID[KeywordPrefix+"gpus"]; s.Source != SourceKeyword || s.Importance != Required || s.Category != KeywordCategory {
		t.Errorf("keyword ask %+v", s)
	}
	// Required: pytorch 3 + python 3 + rnn 1.5 + distributed 1.5 + GPUs 3
	// = 12 of 15; preferred: cnn 1 + go 0 = 1 of 2. Score = 100 × 13 / 17.
	if r.Breakdown.Earned != 13 || r.Breakdown.Possible != 17 {
		t.Errorf("earned %v of %v, want 13 of 17", r.Breakdown.Earned, r.Breakdown.Possible)
	}
	if r.Score != 76.5 {
		t.Errorf("score %v, want 76.5", r.Score)
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
	tax := fixture.Taxonomy(t)
	jd := job.New("job.md", fixture.Markdown(t, "job.md", fixture.JobMarkdown), tax)
	r := Compare(jd, fixture.Markdown(t, "cv.md", "# Sam\n\n## Experience\n- Ran a bakery for ten years.\n"))
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
	tax := fixture.Taxonomy(t)
	jd := job.New("job.md", fixture.Markdown(t, "job.md", "# Barista\n\nMake great coffee.\n"), tax)
	r := Compare(jd, fixture.Markdown(t, "cv.md", "Python developer"))
	if r.Score != 0 || len(r.Skills) != 0 {
		t.Errorf("score %v with %d skills", r.Score, len(r.Skills))
	}
	if len(r.Warnings) == 0 || r.Warnings[len(r.Warnings)-1].Code != "job-no-skills" {
		t.Errorf("warnings = %+v, want job-no-skills", r.Warnings)
	}
}

func TestCompare_Alternatives(t *testing.T) {
	t.Parallel()
	tax := fixture.Taxonomy(t)
	jd := job.New("job.md", fixture.Markdown(t, "job.md", "# Role\n\n## Requirements\n- PyTorch or TensorFlow.\n- Python, Go or C++.\n- CNN and RNN.\n- LSTM or GAN.\n"), tax)
	tests := []struct {
		resume string
		want   map[string]Status // the skills reported, and their status
		alts   map[string]string // skill → its alternatives, joined
	}{
		{
			resume: "Built models in TensorFlow with Go services.",
			want:   map[string]Status{"tensorflow": Matched, "go": Matched, "cnn": Missing, "rnn": Missing, "lstm": Missing},
			alts:   map[string]string{"tensorflow": "PyTorch", "go": "Python,C++", "lstm": "GAN"},
		},
		{
			resume: "Ran a bakery.",
			want:   map[string]Status{"pytorch": Missing, "python": Missing, "cnn": Missing, "rnn": Missing, "lstm": Missing},
			alts:   map[string]string{"pytorch": "TensorFlow", "python": "Go,C++", "lstm": "GAN"},
		},
	}
	for _, tt := range tests {
		r := Compare(jd, fixture.Markdown(t, "cv.txt", tt.resume))
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
	r := Compare(jd, fixture.Markdown(t, "cv.txt", "Ran a bakery."))
	for _, s := range r.Skills {
		if s.ID == "python" && !strings.Contains(s.Suggestion.Advice, "any one will do") {
			t.Errorf("advice does not say one alternative is enough: %q", s.Suggestion.Advice)
		}
	}
}

func TestCompare_ListedOnly(t *testing.T) {
	t.Parallel()
	tax := fixture.Taxonomy(t)
	jd := job.New("job.md", fixture.Markdown(t, "job.md", "# Role\n\n## Requirements\n- PyTorch, TensorFlow and Python.\n"), tax)
	r := Compare(jd, fixture.Markdown(t, "cv.md", "# Ana\n\n## Experience\n- Trained models in PyTorch.\n\n## Skills\nPyTorch, TensorFlow, Python\n"))
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
	r = Compare(jd, fixture.Markdown(t, "cv.txt", "Skills\nPyTorch, TensorFlow, Python"))
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
	tax := fixture.Taxonomy(t)
	jd := job.New("job.md", fixture.Markdown(t, "job.md", "# Role\n\n## Requirements\n- RNN experience.\n"), tax)
	r := Compare(jd, fixture.Markdown(t, "cv.md", "# Ana\n\n## Experience\n- Built LSTM forecasters.\n\n## Skills\nRNN, LSTM\n"))
	if len(r.Skills) != 1 || r.Skills[0].ListedOnly || r.Skills[0].Suggestion != nil {
		t.Errorf("rnn: %+v", r.Skills)
	}
}

// TestCompare_ClosestWork: advice for a missing skill points at the
// resume's own bullet closest to it, and at none when nothing is close.
func TestCompare_ClosestWork(t *testing.T) {
	t.Parallel()
	tax := fixture.Taxonomy(t)
	jd := job.New("job.md", fixture.Markdown(t, "job.md", "# Role\n\n## Requirements\n- LSTM models.\n- Go services.\n"), tax)
	r := Compare(jd, fixture.Markdown(t, "cv.md", "# Ana\n\n## Experience\n- Ran the bakery's accounts for six years.\n- Built RNN forecasters in Python for store demand.\n"))
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
	tax := fixture.Taxonomy(t)
	jd := job.New("job.txt", fixture.Markdown(t, "job.txt", `Platform Engineer
Acme Robotics, Oslo

About us
Acme Robotics builds robots for Oslo warehouses.

Requirements
- MSc in Computer Science.
- Experience with Terraform and Python.
- You will run canary releases and own canary releases end to end.
- Strong communication skills.

Benefits
- Generous Pension Plan.
`), tax)
	r := Compare(jd, fixture.Markdown(t, "cv.txt", "Experience\n- Shipped canary releases for payments, in Python.\n"))
	got := map[string]bool{}
	for _, k := range r.OtherKeywords {
		got[k.Term] = k.InResume
	}
	want := map[string]bool{"Terraform": false, "canary releases": true}
	for term, in := range want {
		if v, ok := got[term]; !ok || v != in {
			t.Errorf("keyword %q: found %v, in resume %v; want in resume %v (all: %+v)", term, ok, v, in, r.OtherKeywords)
		}
	}
	// A degree's field is the degree's, not a term to write.
	for _, bad := range []string{"Acme Robotics", "Oslo", "Pension Plan", "communication skills", "Python", "MSc", "Computer Science"} {
		if _, ok := got[bad]; ok {
			t.Errorf("%q is no keyword", bad)
		}
	}
}

// TestCompare_OtherKeywordsNoMarkup: markup pasted into a job ad (or put
// there by someone hostile) is never offered as a term to write.
func TestCompare_OtherKeywordsNoMarkup(t *testing.T) {
	t.Parallel()
	tax := fixture.Taxonomy(t)
	jd := job.New("job.md", fixture.Markdown(t, "job.md", `# Engineer

## Requirements
- Experience with "><img src=x onerror=alert(1)> is required.
- Experience with "><img src=x onerror=alert(1)> tooling is a must.
- Must have Acme Widgets; Acme Widgets is a must.
`), tax)
	r := Compare(jd, fixture.Markdown(t, "cv.txt", "Experience\n- Shipped Acme Widgets.\n"))
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
	tax := fixture.Builtin(t)
	jd := job.New("job.md", fixture.Markdown(t, "job.md", "# Role\n\n## Requirements\n- Transfer learning from pre-trained models.\n- Edge deployment on phones.\n"), tax)
	r := Compare(jd, fixture.Markdown(t, "cv.md", "# Ana\n\n## Experience\n- Fine-tuned ViT models on slides.\n- Ran detectors on Jetson Orin boards at 30 fps.\n"))
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

// TestMidSentence: which capitals are a sentence's and which a name's.
func TestMidSentence(t *testing.T) {
	t.Parallel()
	tax := fixture.Builtin(t)
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
	tax := fixture.Builtin(t)
	jd := job.New("job.md", fixture.Markdown(t, "job.md", `# Role

## Requirements
- Calculus and Kubernetes.
- PyTorch for research; PyTorch in production.
- Docker images, and PyTorch again.
`), tax)
	r := Compare(jd, fixture.Markdown(t, "cv.md", "# Ana\n\n## Experience\n- Ran the bakery's accounts for six years.\n"))
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
	tax := fixture.Taxonomy(t)
	long := "Requirements: four or more years of professional experience building distributed services, deep knowledge of asynchronous programming patterns, " +
		"experience shipping LSTM models to production with careful monitoring, strong grasp of query optimisation, indexing strategies and caching patterns, " +
		"familiarity with continuous delivery pipelines and observability tooling in a regulated industry."
	jd := job.New("job.txt", fixture.Markdown(t, "job.txt", "Engineer\n\n"+long+"\n"), tax)
	r := Compare(jd, fixture.Markdown(t, "cv.txt", "Experience\n- Baked bread.\n"))
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
	tax := fixture.Builtin(t)
	jd := job.New("job.txt", fixture.Markdown(t, "job.txt", "Engineer\n\nRequirements: experience with containerization via Docker.\n"), tax)
	r := Compare(jd, fixture.Markdown(t, "cv.txt", "Experience\n- Baked bread.\n"))
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

// TestCompare_AbsenceAndAspiration: a skill the resume says its writer has
// not used, or hopes to use, is not shown: missing, not partial, and not
// among the resume's other skills; the rest of the sentence still counts.
func TestCompare_AbsenceAndAspiration(t *testing.T) {
	t.Parallel()
	tax := fixture.Builtin(t)
	jd := job.New("job.md", fixture.Markdown(t, "job.md", "# Role\n\n## Requirements\n- Kubernetes\n- Apache Spark\n- TensorFlow\n- PyTorch\n- LLM serving\n"), tax)
	r := Compare(jd, fixture.Markdown(t, "cv.md", `# Ana Lee

## Summary
Data scientist hoping to move into LLM serving.

## Experience
- Kubernetes: not yet — our services ran on Heroku.
- We never needed Spark; plain pandas jobs were enough.
- TensorFlow I have only read about; my work is in PyTorch.
`))
	status := map[string]Status{}
	for _, s := range r.Skills {
		status[s.ID] = s.Status
	}
	for id, want := range map[string]Status{"kubernetes": Missing, "spark": Missing, "tensorflow": Missing, "pytorch": Matched} {
		if status[id] != want {
			t.Errorf("%s: %s, want %s (all %v)", id, status[id], want, status)
		}
	}
	for _, s := range r.Skills {
		if strings.Contains(strings.ToLower(s.Name), "serving") && s.Status != Missing {
			t.Errorf("%s is %s: the resume only hopes for it", s.Name, s.Status)
		}
	}
	if slices.Contains(r.ResumeOnly, "Large language models (LLM)") {
		t.Errorf("resume only: %v", r.ResumeOnly)
	}
}

// TestCompare_ContainsTheJobsWord: a narrower skill whose words hold the
// job's term shows it in the job's own words: matched, not partial, and no
// advice to write a word the sentence already holds.
func TestCompare_ContainsTheJobsWord(t *testing.T) {
	t.Parallel()
	tax := fixture.Builtin(t)
	jd := job.New("job.md", fixture.Markdown(t, "job.md", "# Role\n\n## Requirements\n- Quantization\n- Reinforcement learning\n- RNN\n"), tax)
	r := Compare(jd, fixture.Markdown(t, "cv.md", "# Ana\n\n## Experience\n- Shipped INT8 quantization-aware training for our detector.\n- Tuned a chatbot with reinforcement learning from human feedback.\n- Built LSTM forecasters.\n"))
	for _, s := range r.Skills {
		want := Matched
		if s.ID == "rnn" {
			want = Partial // LSTM does not write "RNN"
		}
		if s.Status != want {
			t.Errorf("%s: %s, want %s", s.ID, s.Status, want)
		}
		if s.Status == Matched && s.Suggestion != nil {
			t.Errorf("%s: advice %q on a skill shown in the job's words", s.ID, s.Suggestion.Advice)
		}
	}
}

func TestCompare_RequirementsBeyondSkills(t *testing.T) {
	t.Parallel()
	tax := fixture.Taxonomy(t)
	jd := job.New("job.md", fixture.Markdown(t, "job.md", `# Data Engineer

## Requirements
- 5+ years of experience with Python.
- Must be authorized to work in the United States.

## Nice to have
- A master's degree in Computer Science.
`), tax)
	r := Compare(jd, fixture.Markdown(t, "cv.md", "# Ana\n\n## Experience\n- Wrote Python for ten years.\n"))
	got := map[string]Requirement{}
	for _, q := range r.Requirements {
		got[q.Kind] = q
	}
	want := map[string]Importance{"years": Required, "authorization": Required, "degree": Preferred}
	for kind, imp := range want {
		q, ok := got[kind]
		if !ok {
			t.Errorf("no %s requirement in %+v", kind, r.Requirements)
			continue
		}
		if q.Importance != imp {
			t.Errorf("%s: importance %s, want %s", kind, q.Importance, imp)
		}
		if q.Status != RequirementUnknown {
			t.Errorf("%s: status %s, want unknown until the resume is checked", kind, q.Status)
		}
		if q.JobEvidence.Line == 0 || !strings.Contains(q.JobEvidence.Text, q.Text) {
			t.Errorf("%s: evidence %+v does not hold %q", kind, q.JobEvidence, q.Text)
		}
	}
}

// TestCompare_OtherToolOfTheKind: a job that names one tool (Redis, GitHub
// Actions) is not met by another tool of the same kind, and the advice
// never pairs the two names; a job that names the kind (NoSQL) is met by
// any of its tools.
func TestCompare_OtherToolOfTheKind(t *testing.T) {
	t.Parallel()
	tax := fixture.Builtin(t)
	cv := fixture.Markdown(t, "cv.md", "# Ana\n\n## Experience\n- Built search on Elasticsearch for 40M listings.\n- Ran every build on CircleCI.\n")
	for _, tc := range []struct {
		job    string
		status Status
	}{
		{"# Role\n\n## Requirements\n- Redis\n- GitHub Actions\n", Partial},
		{"# Role\n\n## Requirements\n- NoSQL databases\n- CI/CD\n", Matched},
		{"# Role\n\n## Requirements\n- Redis or Elasticsearch\n- GitHub Actions or CircleCI\n", Matched},
	} {
		r := Compare(job.New("job.md", fixture.Markdown(t, "job.md", tc.job), tax), cv)
		if len(r.Skills) != 2 {
			t.Fatalf("%q: skills %+v", tc.job, r.Skills)
		}
		for _, s := range r.Skills {
			if s.Status != tc.status {
				t.Errorf("%q: %s is %s, want %s", tc.job, s.ID, s.Status, tc.status)
			}
			if s.Suggestion == nil {
				continue
			}
			for _, pair := range []string{"Elasticsearch (Redis)", "CircleCI (GitHub Actions)"} {
				if strings.Contains(s.Suggestion.Advice, pair) {
					t.Errorf("%q: advice pairs two tools: %s", tc.job, s.Suggestion.Advice)
				}
			}
		}
	} // Two names of one tool are the same tool.
	r := Compare(job.New("job.md", fixture.Markdown(t, "job.md", "# Role\n\n## Requirements\n- Visual Studio Code\n- Bluetooth Low Energy\n"), tax),
		fixture.Markdown(t, "cv.md", "# Ana\n\n## Experience\n- Wrote BLE firmware for a thermostat, debugged in VS Code.\n"))
	for _, s := range r.Skills {
		if s.Status != Matched {
			t.Errorf("%s (%s) is %s with %q, want matched", s.ID, s.JobTerm, s.Status, s.ResumeTerm)
		}
	}
}

// TestCompare_OneHitOneAsk: a resume's TensorRT bullet meets the ask that
// names TensorRT (with its alternative vLLM), not the asks of another kind
// named in the same sentence.
func TestCompare_OneHitOneAsk(t *testing.T) {
	t.Parallel()
	tax := fixture.Builtin(t)
	jd := job.New("job.md", fixture.Markdown(t, "job.md", "# LLM Inference Engineer\n\n## Requirements\n"+
		"- Experience with a serving stack such as vLLM or TensorRT, KV caching, speculative decoding or FlashAttention\n"), tax)
	r := Compare(jd, fixture.Markdown(t, "cv.md", "# Ana\n\n## Experience\n- Converted ONNX models to TensorRT engines for the search team.\n"))
	got := map[string]Status{}
	for _, s := range r.Skills {
		got[s.ID] = s.Status
	}
	want := map[string]Status{"tensorrt": Matched, "llm-serving": Missing, "flash-attention": Missing}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("statuses %v, want %v", got, want)
	}
}
