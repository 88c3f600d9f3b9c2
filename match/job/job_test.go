package job

import (
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/tailor-cli/tailor/extract"
	"github.com/tailor-cli/tailor/match/internal/fixture"
	"github.com/tailor-cli/tailor/match/taxonomy"
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

// TestParts: the parts of a job ad tile its text in order, and each has the
// kind a reader gives it: headings in their many forms, labelled
// paragraphs (after which the part they interrupt resumes), and the
// headings rules do not know as Other.
func TestParts(t *testing.T) {
	t.Parallel()
	rules := fixture.Builtin(t).Rules()
	for _, tt := range []struct {
		text string
		want map[string]extract.SectionKind // a phrase of the text → the kind of its part
	}{
		{"Engineer\n\nRequirements: PyTorch.\n\nMore text.\n\nBonus: JAX and CUDA\nstill the bonus line.\n\nEnd.\n",
			map[string]extract.SectionKind{"PyTorch": extract.SectionRequirements, "More text": extract.SectionHeader,
				"still the bonus": extract.SectionPreferred, "End.": extract.SectionHeader}},
		{"# Role\n\nIntro.\n\nRequirements: PyTorch.\n\n## Benefits\n\nPerks: gym.\n\nNice to have: JAX.\n",
			map[string]extract.SectionKind{"Intro": extract.SectionHeader, "PyTorch": extract.SectionRequirements,
				"gym": extract.SectionBenefits, "JAX": extract.SectionPreferred}},
		{"# Role\n\n## **What You'll Need:**\n- Python\n\n**Bonus points!**\n\n- JAX\n\n### Qualifications\n\n- Go\n\nAbout Acme\n\nWe sell tea.\n\nWhat will you do?\n\n- Build things\n\n## Odd Heading\n\nText.\n",
			map[string]extract.SectionKind{"Python": extract.SectionRequirements, "JAX": extract.SectionPreferred,
				"Go": extract.SectionRequirements, "tea": extract.SectionCompany, "Build": extract.SectionResponsibilities,
				"Text.": extract.SectionOther}},
		{"Data Engineer\n\nWHAT YOU'LL BRING\n- SQL\n\nTech Stack\n- dbt\n\nLocation Requirements\nRemote (EU).\n",
			map[string]extract.SectionKind{"SQL": extract.SectionRequirements, "dbt": extract.SectionStack, "Remote": extract.SectionLocation}},
	} {
		doc := fixture.Markdown(t, "job.md", tt.text)
		before := slices.Clone(doc.Sections)
		got := readStructure(doc, rules).doc
		if !slices.Equal(doc.Sections, before) {
			t.Errorf("%q: the document given changed", tt.text)
		}
		secs := got.Sections
		if secs[0].Start != 0 || secs[len(secs)-1].End != len(got.Text) {
			t.Errorf("%q: parts %+v do not span the text", tt.text, secs)
		}
		for i := 1; i < len(secs); i++ {
			if secs[i].Start < secs[i-1].End || secs[i].Start > secs[i].End {
				t.Errorf("%q: part %d %+v after %+v", tt.text, i, secs[i], secs[i-1])
			}
		}
		for phrase, want := range tt.want {
			off := strings.Index(got.Text, phrase)
			if off < 0 {
				t.Fatalf("%q: no %q", tt.text, phrase)
			}
			if sec := got.SectionAt(off); sec.Name != want {
				t.Errorf("%q: %q is in %+v, want %s", tt.text, phrase, sec, want)
			}
		}
	}
}

// TestSeedArticle reads the careers article the project was founded on
// (../shared/seed) as a job: its title is the role, its skill requirements
// list is the heart of it (each of its seven lines asked as required,
// model compression beside quantization), and its salary table, demand
// commentary, career path, job titles, FAQ and worked examples ask
// nothing; at most 30 asks in all.
func TestSeedArticle(t *testing.T) {
	t.Parallel()
	const path = "../../../shared/seed/deep-learning-engineer-job-brief.txt"
	doc, err := extract.Read(path, extract.Options{})
	if errors.Is(err, fs.ErrNotExist) {
		t.Skip("seed article not found at ../shared/seed (it sits beside the project in CI)")
	}
	if err != nil {
		t.Fatal(err)
	}
	j := New(path, doc, fixture.Builtin(t))
	if j.Title != "Deep Learning Engineer" {
		t.Errorf("title %q", j.Title)
	}
	if n := len(j.Asks()) + len(j.Keywords()); n > 30 {
		t.Errorf("%d asks, want at most 30", n)
	}
	for _, id := range []string{"pytorch", "tensorflow", "cnn", "rnn", "transformer", "gpu-optimization",
		"distributed-training", "quantization", "model-compression", "mlops", "linear-algebra", "calculus", "probability"} {
		if imp, ok := j.Importance(id); imp != Required {
			t.Errorf("%s: %q (asked %v), want required", id, imp, ok)
		}
	}
	for _, id := range []string{"sentiment-analysis", "fraud-detection", "face-recognition", "ml-research",
		"generative-ai", "language-models", "machine-translation", "speech-recognition", "sensor-fusion"} {
		if _, ok := j.Importance(id); ok {
			t.Errorf("%s is asked: it comes from an example, a title table or commentary", id)
		}
	}
	parts := Parts(doc, fixture.Builtin(t).Rules())
	for _, a := range j.Asks() {
		for _, ev := range a.Evidence {
			off := strings.Index(parts.Text, strings.Trim(ev.Text, "…"))
			if off < 0 {
				continue
			}
			if kind := parts.SectionAt(off).Name; !asking(kind) {
				t.Errorf("%s asked from a %s part: %q", a.Skill.ID, kind, ev.Text)
			}
		}
	}
}

// TestNew_Alternatives: a group comes only from "or" or "/" inside one
// clause, or a list ending in "or"; examples in brackets join their skill;
// nothing chains across commas, clauses or other asks.
func TestNew_Alternatives(t *testing.T) {
	t.Parallel()
	tax := fixture.Builtin(t)
	for _, tt := range []struct {
		line   string
		groups [][]string // the groups expected, by skill id; other skills stand alone
	}{
		{"GCP or AWS, Kubernetes and Docker", [][]string{{"aws", "gcp"}}},
		{"Python, Go or Rust", [][]string{{"go", "python", "rust"}}},
		{"PyTorch/TensorFlow; Kubernetes or Docker", [][]string{{"pytorch", "tensorflow"}, {"docker", "kubernetes"}}},
		{"RNNs (LSTM/GRU) and CNNs", [][]string{{"gru", "lstm", "rnn"}}},
		{"CUDA programming or GPU kernel optimisation", [][]string{{"cuda", "gpu-programming"}}},
		{"PyTorch, TensorFlow, Kubernetes", nil},
		{"PyTorch or TensorFlow. Kubernetes or PyTorch", [][]string{{"pytorch", "tensorflow"}}},
		// A group never joins skills of different kinds: a serving stack
		// is no alternative to FlashAttention.
		{"a serving stack such as vLLM or TensorRT, KV caching, speculative decoding or FlashAttention", [][]string{{"tensorrt", "vllm"}}},
		{"PyTorch, Docker or Kubernetes", [][]string{{"docker", "kubernetes"}}},
	} {
		j := New("job.md", fixture.Markdown(t, "job.md", "# Role\n\n## Requirements\n\n- "+tt.line+"\n"), tax)
		byGroup := map[int][]string{}
		for _, a := range j.Asks() {
			if a.Group != 0 {
				byGroup[a.Group] = append(byGroup[a.Group], a.Skill.ID)
			}
		}
		var got [][]string
		for _, ids := range byGroup {
			slices.Sort(ids)
			got = append(got, ids)
		}
		slices.SortFunc(got, func(a, b []string) int { return strings.Compare(a[0], b[0]) })
		want := slices.Clone(tt.groups)
		slices.SortFunc(want, func(a, b []string) int { return strings.Compare(a[0], b[0]) })
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("%q: groups %v, want %v (asks %v)", tt.line, got, want, j.Skills())
		}
	}
}

// TestNew_SameAdInEveryForm: one ad read as plain text, as a page saved
// from a browser and with its lists squashed onto one line asks the same
// skills, with the same importance.
func TestNew_SameAdInEveryForm(t *testing.T) {
	t.Parallel()
	tax := fixture.Builtin(t)
	plain := `Machine Learning Engineer

About us
Lumen builds search for small shops. Our platform serves 4,000 stores.

What you'll do
- Train ranking models in PyTorch
- Run them on Kubernetes

Requirements
- 3+ years of Python
- Experience with Spark or Airflow
- SQL

Nice to have
- Rust
- Experience with Terraform

Benefits
- 401(k) match and Docker-themed swag
`
	page := `<!DOCTYPE html><html><head><style>h2{}</style><script>var x = "Kubernetes";</script></head><body>
<nav><a href="/">Careers</a> · <a href="/jobs">Jobs</a></nav><main>
<h1>Machine Learning Engineer</h1>
<h2>About us</h2><p>Lumen builds search for small shops. Our platform serves 4,000 stores.</p>
<h2>What you'll do</h2><ul><li>Train ranking models in PyTorch</li><li>Run them on Kubernetes</li></ul>
<h2>Requirements</h2><ul><li>3+ years of Python</li><li>Experience with Spark or Airflow</li><li>SQL</li></ul>
<h2>Nice to have</h2><ul><li>Rust</li><li>Experience with Terraform</li></ul>
<h2>Benefits</h2><ul><li>401(k) match and Docker-themed swag</li></ul>
</main><footer>Lumen · Privacy · Jobs in Go and Rust</footer></body></html>`
	squashed := `Machine Learning Engineer

About us: Lumen builds search for small shops. Our platform serves 4,000 stores.

What you'll do: - Train ranking models in PyTorch - Run them on Kubernetes

Requirements: - 3+ years of Python - Experience with Spark or Airflow - SQL

Nice to have: - Rust - Experience with Terraform

Benefits: - 401(k) match and Docker-themed swag
`
	asks := func(doc *extract.Document) string {
		var out []string
		for _, a := range New(doc.Path, doc, tax).Asks() {
			out = append(out, a.Skill.ID+":"+string(a.Importance))
		}
		return strings.Join(out, " ")
	}
	want := asks(fixture.Plain(t, "job.txt", plain))
	if want != "airflow:required kubernetes:preferred python:required pytorch:preferred rust:preferred spark:required sql:required terraform:preferred" {
		t.Errorf("plain text: %s", want)
	}
	html, err := extract.ReadHTML("job.html", []byte(page))
	if err != nil {
		t.Fatal(err)
	}
	if got := asks(html); got != want {
		t.Errorf("saved page:\n got %s\nwant %s", got, want)
	}
	if got := asks(fixture.Plain(t, "squashed.txt", squashed)); got != want {
		t.Errorf("squashed lists:\n got %s\nwant %s", got, want)
	}
}

// TestNew_LookAlikeWordsSilent: ordinary words of job ads that look like
// skill terms ask nothing: "shaping" is no SHAP, "AUC-ROC" no RoCE,
// "embedded in phones" no embeddings, a "Profile" heading no profiling;
// nor does a recruiter's "your profile" and "your talk on sensor data", or
// the interview process.
func TestNew_LookAlikeWordsSilent(t *testing.T) {
	t.Parallel()
	j := New("job.txt", fixture.Plain(t, "job.txt", "ML Engineer\n\nProfile\n\nWe are shaping the future of retail. Our models are embedded in phones.\n\n"+
		"Requirements\n- Evaluate models with AUC-ROC and precision-recall.\n- Python\n"), fixture.Builtin(t))
	email := New("email.txt", fixture.Plain(t, "email.txt", "Hi Sam,\n\nI came across your profile after your talk on sensor data at the Northbank Data Meetup. "+
		"My client needs a data scientist with Python.\n\nThe interview process is a short call and a 90-minute pair programming session.\n"), fixture.Builtin(t))
	for _, id := range []string{"sensor-fusion", "performance-profiling", "pair-programming"} {
		if _, ok := email.Importance(id); ok {
			t.Errorf("email: %s is asked", id)
		}
	}
	for _, id := range []string{"explainability", "infiniband", "embeddings", "performance-profiling"} {
		if _, ok := j.Importance(id); ok {
			t.Errorf("%s is asked", id)
		}
	}
	if _, ok := j.Importance("python"); !ok {
		t.Error("python is not asked")
	}
}

// TestNew_LongLineEnds: an ad of one 900 KB line (a hostile or broken
// paste) is read in time that grows with its length, not its square; the
// bound is a guard against a hang, far above the second or so it takes.
func TestNew_LongLineEnds(t *testing.T) {
	t.Parallel()
	line := strings.Repeat("Python, Go, Rust, Kubernetes and Docker, ", 22000)
	doc := fixture.Plain(t, "long.txt", "Requirements\n"+line)
	done := make(chan *Job, 1)
	go func() { done <- New("long.txt", doc, fixture.Builtin(t)) }()
	select {
	case j := <-done:
		if _, ok := j.Importance("kubernetes"); !ok {
			t.Error("kubernetes is not asked")
		}
	case <-time.After(2 * time.Minute):
		t.Fatal("still reading a one-line ad after 2 minutes")
	}
}

func TestNew_RequirementsNotTheCompanys(t *testing.T) {
	t.Parallel()
	j := New("job.md", fixture.Markdown(t, "job.md", `# Backend Engineer

## Requirements
- Our team has 20 years of experience shipping payments software.
- We have offices in 12 countries.
- 5+ years of professional software development.
- No degree needed.
`), fixture.Taxonomy(t))
	got := requirementLines(j)
	if len(got) != 1 || got[0] != "years: 5+ years of professional software development" {
		t.Errorf("requirements %q, want the five years alone", got)
	}
}

// TestNew_RequirementsBracketedNegation: a negation in brackets rules out
// only what the brackets say ("no sponsorship"), not the clause's years
// and right to work; one about the clause still rules the clause out.
func TestNew_RequirementsBracketedNegation(t *testing.T) {
	t.Parallel()
	j := New("job.md", fixture.Markdown(t, "job.md", `# Mainframe Developer

## Requirements
- 7+ years of mainframe development, US citizen or green card holder (no sponsorship, no C2C).
- COBOL (no degree required).
- No degree needed (Python is a plus).
`), fixture.Taxonomy(t))
	got := requirementKinds(j)
	if !slices.Equal(got, []string{"years", "authorization"}) {
		t.Errorf("requirements %q, want years and authorization of the first item alone", got)
	}
}

// TestNew_RequirementsWholeItem: a rule that reads a whole item ("German
// (B1 or above)", a language and nothing else) reads it without its bullet.
func TestNew_RequirementsWholeItem(t *testing.T) {
	t.Parallel()
	j := New("job.md", fixture.Markdown(t, "job.md", `# Backend Engineer

## Requirements
- Go and PostgreSQL
- Portuguese or Spanish
- German (B1 or above)
`), fixture.Taxonomy(t))
	got := requirementLines(j)
	want := []string{"language: Portuguese or Spanish", "language: German (B1 or above)"}
	if !slices.Equal(got, want) {
		t.Errorf("requirements %q, want %q", got, want)
	}
}

// TestNew_RequirementsOfferedItem: an offer written as a whole list item
// ("- Visa sponsorship and relocation to Berlin") is read without its
// bullet, as an offer, and asks nothing.
func TestNew_RequirementsOfferedItem(t *testing.T) {
	t.Parallel()
	j := New("job.md", fixture.Markdown(t, "job.md", `# Backend Engineer

## Requirements
- 3+ years of Go

## Benefits
- Visa sponsorship and relocation to Berlin or Lisbon
- 30 days of holiday
`), fixture.Taxonomy(t))
	if got := requirementKinds(j); !slices.Equal(got, []string{"years"}) {
		t.Errorf("requirements %q, want the years alone", got)
	}
}

// TestNew_RequirementsInFAQ: an FAQ asks no skill, but its fine print
// still states the right to work, as a benefits part's does.
func TestNew_RequirementsInFAQ(t *testing.T) {
	t.Parallel()
	j := New("job.md", fixture.Markdown(t, "job.md", `# BI Developer

## Requirements
- 3+ years of Power BI

## FAQ
Will I build reports in Epic? No, our Epic team owns those.
Do you sponsor visas? No. Candidates must be authorized to work in the US without sponsorship.
`), fixture.Taxonomy(t))
	if got := requirementKinds(j); !slices.Equal(got, []string{"years", "authorization"}) {
		t.Errorf("requirements %q, want the years and the right to work", got)
	}
}

// TestNew_CommentaryInRequirementsProse: in a requirements part, prose
// that comments on the market asks nothing, while its list items ask even
// when they use the same words.
func TestNew_CommentaryInRequirementsProse(t *testing.T) {
	t.Parallel()
	j := New("job.md", fixture.Markdown(t, "job.md", `# Power BI Analyst

## Typical skills for the role

Across the industry, Power BI analysts usually know DAX, SQL and some Python.

## Requirements
- Across the industry, strong SQL is expected
`), fixture.Builtin(t))
	wantAsked(t, j, nil, []string{"python"})
	wantImportance(t, j, map[string]Importance{"sql": Required})
}

// TestNew_PetNames: a skill's name right after "named" or "called",
// quoted or not, names a pet, not a skill.
func TestNew_PetNames(t *testing.T) {
	t.Parallel()
	j := New("job.md", fixture.Markdown(t, "job.md", "# Data Engineer\n\n## Requirements\n- Strong SQL\n\n"+
		"## What you'll do\n- Build pipelines with Spark; our CEO's dog is called \"Pandas\", and the office cat named Keras.\n\n## Nice to have\n- Pandas\n"), fixture.Builtin(t))
	wantAsked(t, j, nil, []string{"keras"})
	wantImportance(t, j, map[string]Importance{"pandas": Preferred})
}

// TestNew_MustsSentence: an email without a requirements part that states
// its musts in a sentence asks those as required and what the role does
// as a plus; without such a sentence, all it asks is required.
func TestNew_MustsSentence(t *testing.T) {
	t.Parallel()
	body := "Hi Sam,\n\nThey are looking for a Research Engineer who can:\n\n- scale training with FSDP\n- build data pipelines in Spark\n\n"
	musts := New("job.txt", fixture.Plain(t, "job.txt", body+"Must-haves are strong PyTorch and solid Kubernetes.\n\nBest,\nPriya\n"), fixture.Builtin(t))
	wantImportance(t, musts, map[string]Importance{"pytorch": Required, "kubernetes": Required, "fsdp": Preferred, "spark": Preferred})
	plain := New("job.txt", fixture.Plain(t, "job.txt", body+"Strong PyTorch would be great.\n\nBest,\nPriya\n"), fixture.Builtin(t))
	wantImportance(t, plain, map[string]Importance{"fsdp": Required})
}

// TestNew_RequirementsBesideAnOffer: an offer rules out only its part of
// a clause, between commas: where the work is done still counts, the
// sponsorship offered does not.
func TestNew_RequirementsBesideAnOffer(t *testing.T) {
	t.Parallel()
	j := New("job.txt", fixture.Plain(t, "job.txt", "Hi Sam,\n\nThey need strong Python. Setup is hybrid: two days a week in the Larkspur office, and they can sponsor visas for the right person.\n\nBest,\nPriya\n"), fixture.Builtin(t))
	got := requirementKinds(j)
	if !slices.Equal(got, []string{"location"}) {
		t.Errorf("requirements %q, want the location alone", got)
	}
}

// TestNew_SquashedListUnderHeading: a list squashed onto one line right
// under its heading is that heading's; its first item heads nothing, even
// when its words name a kind of part ("Embassy or RTIC experience").
func TestNew_SquashedListUnderHeading(t *testing.T) {
	t.Parallel()
	j := New("job.md", fixture.Markdown(t, "job.md", "# Embedded Software Engineer\n\n**What We Need From You**\n\n4+ years writing firmware in C\n\n"+
		"**Bonus Points**\n\nEmbassy or RTIC experience · probe-rs · Bluetooth Low Energy · Python for test automation\n"), fixture.Builtin(t))
	wantImportance(t, j, map[string]Importance{"python": Preferred, "test-automation": Preferred, "wireless-protocols": Preferred, "c": Required})
}

// TestNew_CriterionCodes: the code that opens a criterion's line ("D3")
// is no skill it spells (D3.js); the same word in a sentence still is.
func TestNew_CriterionCodes(t *testing.T) {
	t.Parallel()
	j := New("job.txt", fixture.Plain(t, "job.txt", "Network Engineer\n\nDesirable criteria\n\nD3 Python or Ansible for network automation\nD4 Experience with Cisco routers\n"), fixture.Builtin(t))
	wantAsked(t, j, []string{"python"}, []string{"d3"})
	k := New("job.txt", fixture.Plain(t, "job.txt", "Frontend Engineer\n\nRequirements\n\n- Charts in D3 and React\n"), fixture.Builtin(t))
	wantAsked(t, k, []string{"d3"}, nil)
}

// TestNew_StackWithoutRequirements: an ad without a requirements part
// asks what it names as required, but its tech stack only as a plus.
func TestNew_StackWithoutRequirements(t *testing.T) {
	t.Parallel()
	j := New("job.txt", fixture.Plain(t, "job.txt", "Acme | ML Engineer | Remote\n\nWe are looking for an ML engineer who is fluent in Python and SQL.\n\nStack: Spark on EMR, ClickHouse, Kafka, Airflow.\n"), fixture.Builtin(t))
	wantImportance(t, j, map[string]Importance{"python": Required, "sql": Required, "kafka": Preferred, "airflow": Preferred})
}

// TestNew_CodedCriteria: in a person specification that codes its
// criteria E1 (essential) and D1 (desirable), the D ones are a plus
// whatever part they sit in, the E ones required.
func TestNew_CodedCriteria(t *testing.T) {
	t.Parallel()
	spec := "Network Engineer\n\nPERSON SPECIFICATION\n\nExperience and knowledge\n" +
		"E3  Hands-on routing and switching with BGP and OSPF (A/I)\nD3  Python or Ansible for network automation (A/I)\n"
	j := New("job.txt", fixture.Plain(t, "job.txt", spec), fixture.Builtin(t))
	wantImportance(t, j, map[string]Importance{"python": Preferred, "networking": Required})
}

// TestNew_FinePrintChecks: in the fine print (benefits, notices,
// applying) a check the job must pass ("contingent on ... a criminal
// background check") is a requirement; one merely described is not.
func TestNew_FinePrintChecks(t *testing.T) {
	t.Parallel()
	j := New("job.md", fixture.Markdown(t, "job.md", "# IT Support Technician\n\n## Requirements\n- Windows and Active Directory\n\n"+
		"## How to apply\nApply online. Employment is contingent on fingerprinting and a criminal background check.\n\n"+
		"## Benefits\n- We pay for your background check\n"), fixture.Builtin(t))
	got := requirementLines(j)
	if len(got) != 1 || !strings.Contains(got[0], "contingent on fingerprinting") {
		t.Errorf("requirements %q, want the contingent check alone", got)
	}
}

// TestNew_BoldLowerCaseLabels: a chat's labels in bold and lower case
// ("**must haves:** ...", "**nice:** ...") head their lines as
// "Requirements:" and "Nice to have:" would.
func TestNew_BoldLowerCaseLabels(t *testing.T) {
	t.Parallel()
	j := New("job.txt", fixture.Plain(t, "job.txt", "hey all, we're hiring an SRE!\n\n**what you'd actually do:**\n- own dashboards in Prometheus/Grafana\n\n"+
		"**must haves:** solid Kubernetes in prod, Terraform\n**nice:** game industry experience, Go\n"), fixture.Builtin(t))
	wantImportance(t, j, map[string]Importance{"kubernetes": Required, "terraform": Required, "go": Preferred, "prometheus-grafana": Preferred})
}

// TestNew_LabelledSquashedLists: a squashed list's own label ("Desired
// Qualifications: • ...") heads it whole; its last word alone
// ("Qualifications") starts no requirements part in mid-line.
func TestNew_LabelledSquashedLists(t *testing.T) {
	t.Parallel()
	j := New("job.txt", fixture.Plain(t, "job.txt", "Senior Software Engineer - Kotlin\n\n"+
		"Required Qualifications: • 5+ years of backend development • Kotlin or Java in production • PostgreSQL\n\n"+
		"Desired Qualifications: • Kubernetes on AWS (EKS) • Observability with OpenTelemetry • Terraform\n"), fixture.Builtin(t))
	wantImportance(t, j, map[string]Importance{"kotlin": Required, "sql": Required, "kubernetes": Preferred, "opentelemetry": Preferred, "terraform": Preferred})
}

// TestNew_ListedTerms: a soft skill written as a bare word counts as an
// item of a requirements list, not inside a phrase, where the phrase may be
// an ask of its own ("state management").
func TestNew_ListedTerms(t *testing.T) {
	t.Parallel()
	j := New("job.md", fixture.Markdown(t, "job.md", "# Frontend Engineer\n\n## Requirements\n- Communication\n"+
		"- Experience with state management in React and TypeScript\n- Problem-solving\n"), fixture.Builtin(t))
	for _, id := range []string{"communication", "problem-solving"} {
		if imp, ok := j.Importance(id); !ok || imp != Required {
			t.Errorf("%s: importance %q, %v; want required", id, imp, ok)
		}
	}
	if _, ok := j.Importance("people-management"); ok {
		t.Error(`"management" in "state management" is asked as people management`)
	}
	if !slices.ContainsFunc(j.Keywords(), func(k Keyword) bool { return strings.EqualFold(k.Term, "state management") }) {
		t.Errorf("state management is no keyword ask: %+v", j.Keywords())
	}
}

// TestNew_ListedTermLeadsItem: a soft skill's bare word that leads a
// numbered or bulleted item, the rest of which explains it ("5.
// Communication. Turning a chart into a decision is the job"), lists it;
// the same word opening a sentence of its own does not.
func TestNew_ListedTermLeadsItem(t *testing.T) {
	t.Parallel()
	ad := "# Data Analyst\n\n## Essential Skills\n1. SQL. You join and aggregate every day.\n" +
		"2. Communication. Turning a chart into a decision is the actual job.\n- Problem-solving: you find the question behind the question.\n"
	j := New("job.md", fixture.Markdown(t, "job.md", ad), fixture.Builtin(t))
	for _, id := range []string{"sql", "communication", "problem-solving"} {
		if imp, ok := j.Importance(id); !ok || imp != Required {
			t.Errorf("%s: importance %q, %v; want required", id, imp, ok)
		}
	}
	ad = "# Data Analyst\n\n## Essential Skills\n- SQL\n- Communication with the client was weekly, mostly about the SQL reports.\n"
	if _, ok := New("job.md", fixture.Markdown(t, "job.md", ad), fixture.Builtin(t)).Importance("communication"); ok {
		t.Error(`"Communication with the client ..." asks for communication skills: the word leads a sentence, not an item`)
	}
}

// TestNew_KeywordsNotNamesOrPlaces: the company's name, a recruiter's
// signature, places in location clauses and LinkedIn's page lines are no
// keyword asks; the ad's own terms still are.
func TestNew_KeywordsNotNamesOrPlaces(t *testing.T) {
	t.Parallel()
	ad := "# Platform Engineer\nBrindlewood Voice · Remote (Canada) · 5 days ago · 47 applicants\n51-200 employees · Software Development\n\n" +
		"## About the job\nAt Brindlewood Voice we turn phone calls into transcripts.\n\n" +
		"## **What You'll Need:**\n\\- Experience with OpenTofu and HashiCorp Nomad\n\\- Writing tests for every change\n" +
		"\\- This is an on-site role at our Quenby lab, with travel to Villa Orsena, Mexico\n\nWhy Brindlewood?\nRRSP matching and a learning budget.\n\n" +
		"Kind regards,\n\nHarriet Coyle\nPrincipal Consultant, Data & Analytics\n"
	j := New("job.md", fixture.Markdown(t, "job.md", ad), fixture.Builtin(t))
	wantKeywords(t, j, []string{"OpenTofu", "HashiCorp Nomad"}, []string{"Brindlewood", "Brindlewood Voice", "Software Development", "Writing tests", "Quenby lab", "Villa Orsena", "Mexico", "RRSP matching", "Harriet Coyle", "Coyle"})
}

// TestNew_KeywordsNotSignatureAbroad: a letter closed in German ("Viele
// Grüße,") is signed like one closed in English, and a valley is a place.
func TestNew_KeywordsNotSignatureAbroad(t *testing.T) {
	t.Parallel()
	ad := "Hi Sam,\n\nMust-haves:\n- 4+ years with OpenTofu\n- Fluent German; the users are brewers along the Kessel valley\n\n" +
		"Would be lovely:\n- HashiCorp Nomad\n\nViele Grüße,\nLena\n\nLena Vogt\nSenior Consultant, ERP & Supply Chain\nCopperline Search GmbH\n"
	j := New("job.txt", fixture.Plain(t, "job.txt", ad), fixture.Builtin(t))
	wantKeywords(t, j, []string{"OpenTofu", "HashiCorp Nomad"}, []string{"Kessel valley", "ERP", "Supply Chain", "Copperline Search GmbH"})
	for _, k := range j.Keywords() {
		if k.Term == "HashiCorp Nomad" && k.Importance != Preferred {
			t.Errorf("HashiCorp Nomad under \"Would be lovely:\" is %q, want preferred", k.Importance)
		}
	}
}

// TestNew_KeywordsProductsAndExamples checks two kinds of non-asks among
// names the taxonomy does not know: the employer's own product, however
// technical its name looks, and the examples in parentheses of another
// ask, which are that ask's, not asks of their own.
func TestNew_KeywordsProductsAndExamples(t *testing.T) {
	t.Parallel()
	ad := "# Machine Learning Engineer\n\n## About us\nOur flagship product, LumenRead, flags suspected nodules on chest CT.\n\n" +
		"## The role\nYou will improve the models behind LumenRead.\n\n" +
		"## Requirements\n- Solid understanding of ranking metrics (NDCG, MAP, recall@k)\n" +
		"- Strong Python (NumPy, Polars)\n- Experience with OpenTofu and HashiCorp Nomad\n"
	j := New("job.md", fixture.Markdown(t, "job.md", ad), fixture.Builtin(t))
	// Ranking metrics are model evaluation; NDCG and MAP are its examples.
	wantKeywords(t, j, []string{"OpenTofu", "HashiCorp Nomad"}, []string{"LumenRead", "NDCG", "MAP", "Polars"})
	if _, ok := j.Importance("model-evaluation"); !ok {
		t.Error("model-evaluation is not asked")
	}
}

// TestNew_PlusOnTheNextLine checks that a preferred cue on a bullet's
// second line covers its first, whether that line starts in lower case, in
// parentheses or is indented; a medical imaging ask is no benefit, and a
// benefits line asks nothing.
func TestNew_PlusOnTheNextLine(t *testing.T) {
	t.Parallel()
	ad := "# ML Engineer\n\n## Requirements\n- Strong Python\n" +
		"- Experience with medical imaging data (DICOM) and with regulated software\n  (IEC 62304 or similar) is a strong plus\n" +
		"- Knowledge of Kubernetes\n  is a plus\n- Docker and\n  (ideally) Terraform\n\n## Benefits\n- Private medical cover and 27 days holiday\n"
	j := New("job.md", fixture.Markdown(t, "job.md", ad), fixture.Builtin(t))
	wantImportance(t, j, map[string]Importance{"python": Required, "medical-imaging": Preferred, "kubernetes": Preferred})
}

// TestNew_EmojiBullets: items marked with emoji, as pages pasted from
// LinkedIn mark them, are items: a plus cue covers its own item only, a
// requirement's text has no emoji, and a line led by one may carry a
// label ("💸 Compensation: ...") whose perks ask nothing.
func TestNew_EmojiBullets(t *testing.T) {
	t.Parallel()
	ad := "Backend Engineer\n\nWhat we're looking for:\n✅ 5+ years of backend development\n✅ Strong Python\n✅ Kubernetes is a plus\n✔️ Docker\n\n" +
		"What you'll work on:\n🔹 Build services in Go\n🔹 Run PostgreSQL in production\n\n" +
		"💸 Compensation: $140K–$170K + equity · home gym stipend · annual team retreat\n"
	j := New("job.txt", fixture.Plain(t, "job.txt", ad), fixture.Builtin(t))
	wantImportance(t, j, map[string]Importance{"python": Required, "kubernetes": Preferred, "docker": Required, "sql": Preferred})
	if got, want := requirementLines(j), []string{"years: 5+ years of backend development"}; !slices.Equal(got, want) {
		t.Errorf("requirements %q, want %q", got, want)
	}
}

// TestNew_KeywordsNotHeadingsOrPeople checks that the words of a heading in
// capitals are no acronyms to ask for, and that people named by their
// profession are no keyword.
func TestNew_KeywordsNotHeadingsOrPeople(t *testing.T) {
	t.Parallel()
	ad := "# QA Engineer\n\nWHAT WE NEED FROM YOU\n- Experience with Playwright and OpenTofu\n- Work with radiologists and clinicians on HL7 feeds\n"
	j := New("job.md", fixture.Markdown(t, "job.md", ad), fixture.Builtin(t))
	wantKeywords(t, j, []string{"OpenTofu"}, []string{"WHAT WE", "FROM YOU", "WHAT", "radiologists", "clinicians"})
}

// TestNew_EmailAsksInContext checks a recruiter's email: a clause that
// asks in so many words counts though its sentence says what the product
// is built on; "In practice you'd" and "they use" describe the role, not an
// anecdote; the package line asks nothing.
func TestNew_EmailAsksInContext(t *testing.T) {
	t.Parallel()
	ad := "Hi Tomasz,\n\nIt's a big React codebase; the 3D preview is built on three.js, so WebGL experience would be a genuine advantage. " +
		"You'd write solid tests; they use Vitest and Playwright.\n\n" +
		"In practice you'd take the models the research team trains in PyTorch and get them running through Core ML.\n\n" +
		"Package: KRW 110–140M base, plus RSUs.\n\nCheers,\nAoife\n"
	j := New("job.md", fixture.Markdown(t, "job.md", ad), fixture.Builtin(t))
	wantImportance(t, j, map[string]Importance{"react": Required, "webgl": Preferred, "vitest": Required, "playwright": Required, "pytorch": Required, "core-ml": Required})
	for _, k := range j.Keywords() {
		if k.Term == "KRW" || k.Term == "RSUs" {
			t.Errorf("%q is a keyword ask", k.Term)
		}
	}
}

// TestNew_TitleRepeatedAsHeading checks LinkedIn's copy: the title repeated
// under "About the job", with a place in brackets, heads the role (not a
// part about applying or locations), so what follows asks.
func TestNew_TitleRepeatedAsHeading(t *testing.T) {
	t.Parallel()
	ad := "LLM Applications Engineer\nCobalt Desk · United States (Remote)\n\nAbout the job\n\nLLM Applications Engineer (Remote, US)\nCobalt Desk\n\n" +
		"In this role you will\n- Build retrieval-augmented generation pipelines over help-center articles\n- Improve retrieval quality: chunking, hybrid search, re-ranking\n\n" +
		"What we're looking for\n- Strong Python\n"
	j := New("job.txt", fixture.Markdown(t, "job.txt", ad), fixture.Builtin(t))
	wantImportance(t, j, map[string]Importance{"rag": Preferred, "python": Required})
}

// TestNew_StandardsAndWhatIsNotNeeded checks that a standard keeps its
// number as a keyword, that people named by their profession are no ask
// however many words, and that a "What you don't need" part asks nothing.
func TestNew_StandardsAndWhatIsNotNeeded(t *testing.T) {
	t.Parallel()
	ad := "# Firmware Engineer\n\n## Requirements\n- Experience with IEC 62304 and ISO 26262\n- Work with technical artists on shaders\n\n" +
		"What You Don't Need:\nA PhD or Kubernetes. Several of our best engineers came from game engines.\n"
	j := New("job.md", fixture.Markdown(t, "job.md", ad), fixture.Builtin(t))
	wantKeywords(t, j, []string{"IEC 62304", "ISO 26262"}, []string{"IEC", "ISO", "technical artists", "PhD"})
	for _, id := range []string{"kubernetes", "game-development"} {
		if _, ok := j.Importance(id); ok {
			t.Errorf("%s is asked for", id)
		}
	}
}

// TestNew_NamesInAnEmail checks that the names an email greets or
// introduces are no keyword asks.
func TestNew_NamesInAnEmail(t *testing.T) {
	t.Parallel()
	ad := "Subject: Backend role\n\nHi Tomasz,\n\nMust haves\n- Go and OpenTofu\n\n" +
		"Reply with a time and I'll set up a call with Ravi, the engineering manager.\n\nCheers,\nAoife\n"
	j := New("job.md", fixture.Markdown(t, "job.md", ad), fixture.Builtin(t))
	wantKeywords(t, j, []string{"OpenTofu"}, []string{"Tomasz", "Ravi"})
	// A name after the role that says who it is, and a post's tags.
	ad = "[HIRING] Firmware Engineer [PAID]\n\nWhat you'll do\n- Write firmware in OpenTofu\n- Bring up new boards with our hardware engineer, Maya\n"
	j = New("job.md", fixture.Markdown(t, "job.md", ad), fixture.Builtin(t))
	wantKeywords(t, j, []string{"OpenTofu"}, []string{"Maya", "PAID", "HIRING"})
}

// TestNew_EmailWithoutRequirementsPart checks the labelling rule for an ad
// with no requirements part: what it asks is required unless cued as a
// plus, whether or not one sentence says what the client needs.
func TestNew_EmailWithoutRequirementsPart(t *testing.T) {
	t.Parallel()
	ad := "Hi Dana,\n\nDay to day you'd be scaling training runs in PyTorch across many GPUs. " +
		"What they need is someone hands-on with distributed training. Experience with JAX would be a plus.\n\nBest regards,\nTomasz\n"
	j := New("job.md", fixture.Markdown(t, "job.md", ad), fixture.Builtin(t))
	wantImportance(t, j, map[string]Importance{"pytorch": Required, "distributed-training": Required, "jax": Preferred})
}

// TestNew_HeadingSquashedWithItsList checks a part pasted onto one line
// with its heading: "What you'll be doing • Build ... • Design ...".
func TestNew_HeadingSquashedWithItsList(t *testing.T) {
	t.Parallel()
	ad := "AI Engineer — Kestrel Desk — Remote\n\n" +
		"What you'll be doing • Build the retrieval-augmented generation pipeline • Own prompt engineering for our agents\n\n" +
		"What we're looking for · 3+ years of Python · FastAPI or Django · Docker\n"
	j := New("job.txt", fixture.Markdown(t, "job.txt", ad), fixture.Builtin(t))
	wantImportance(t, j, map[string]Importance{"rag": Preferred, "prompt-engineering": Preferred, "python": Required, "docker": Required})
}

// TestNew_WhatTheRoleIsNot checks the ways an ad says what the role is not:
// "you won't be doing", "not looking for", "isn't a BI role", a "Not for
// you if" part, another team's work.
func TestNew_WhatTheRoleIsNot(t *testing.T) {
	t.Parallel()
	ad := "# Cloud Engineer\n\nOur sister team works on speech recognition for radiology dictation.\n\n## Requirements\n- Terraform and AWS\n\n" +
		"To be clear, you won't be doing any backend development. They are not looking for product management experience. " +
		"This isn't a BI role: our analysts own the Power BI reports.\n\n" +
		"Not for you if: you want to work on the cloud side, writing Go on Kubernetes.\n"
	j := New("job.md", fixture.Markdown(t, "job.md", ad), fixture.Builtin(t))
	for _, id := range []string{"backend-development", "product-management", "data-visualization", "go", "kubernetes", "speech-recognition"} {
		if imp, ok := j.Importance(id); ok {
			t.Errorf("%s is asked for (%s)", id, imp)
		}
	}
	if _, ok := j.Importance("terraform"); !ok {
		t.Error("terraform is not asked for")
	}
}

// TestNew_NegatorBeforeASkill checks that a skill named right after "not",
// "rather than", "instead of" or "not just a" is not asked, while the one
// before it is.
func TestNew_NegatorBeforeASkill(t *testing.T) {
	t.Parallel()
	ad := "# Frontend Engineer\n\n## Requirements\n- Deep CSS knowledge (we use CSS Modules, not Tailwind)\n- Dagster rather than Airflow\n- Not only Python but also Go\n" +
		"- Real time-series work (not just a Kaggle notebook)\n"
	j := New("job.md", fixture.Markdown(t, "job.md", ad), fixture.Builtin(t))
	for _, id := range []string{"tailwind", "airflow", "kaggle"} {
		if _, ok := j.Importance(id); ok {
			t.Errorf("%s is asked for", id)
		}
	}
	for _, id := range []string{"workflow-orchestration", "python", "go"} {
		if _, ok := j.Importance(id); !ok {
			t.Errorf("%s is not asked for", id)
		}
	}
}

// TestNew_KeywordsNotFormFurniture checks that an email's practical words
// and Markdown's emphasis marks make no keyword.
func TestNew_KeywordsNotFormFurniture(t *testing.T) {
	t.Parallel()
	ad := "# Cloud Engineer\n\n## Requirements\n- OpenTofu and Crossplane\n- *Part of the on-call rota*\n- Send an up-to-date CV; Start date: March; inside IR35\n"
	j := New("job.md", fixture.Markdown(t, "job.md", ad), fixture.Builtin(t))
	wantKeywords(t, j, []string{"OpenTofu"}, []string{"*Part", "up-to-date CV", "Start date", "IR35"})
}

// keywordTerms returns the terms of a job's keyword asks.
func keywordTerms(j *Job) []string {
	var out []string
	for _, k := range j.Keywords() {
		out = append(out, k.Term)
	}
	return out
}

// wantAsked checks that a job asks each skill of asked, whatever its
// importance, and none of notAsked.
func wantAsked(t *testing.T, j *Job, asked, notAsked []string) {
	t.Helper()
	for _, id := range asked {
		if _, ok := j.Importance(id); !ok {
			t.Errorf("%s is not asked", id)
		}
	}
	for _, id := range notAsked {
		if imp, ok := j.Importance(id); ok {
			t.Errorf("%s is asked (%v)", id, imp)
		}
	}
}

// wantImportance checks that each skill is asked with its importance.
func wantImportance(t *testing.T, j *Job, want map[string]Importance) {
	t.Helper()
	for id, imp := range want {
		if got, ok := j.Importance(id); !ok || got != imp {
			t.Errorf("%s: %q (asked %v), want %q", id, got, ok, imp)
		}
	}
}

// wantKeywords checks that a job asks each of want as a keyword and none
// of bad.
func wantKeywords(t *testing.T, j *Job, want, bad []string) {
	t.Helper()
	got := keywordTerms(j)
	for _, w := range want {
		if !slices.Contains(got, w) {
			t.Errorf("%q is no keyword ask: %q", w, got)
		}
	}
	for _, b := range bad {
		if slices.Contains(got, b) {
			t.Errorf("%q is a keyword ask: %q", b, got)
		}
	}
}

// TestNew_HeadingsAsWritten: headings written as real ads write them
// name their parts: "Required:" and "Preferred:" under "Qualifications", a
// question ("What Do We Ask?"), "It Is Nice If You Also Have", "Helpful but
// not essential", and a label before a list squashed with dashes ("Nice to
// have - Go - Rust").
func TestNew_HeadingsAsWritten(t *testing.T) {
	t.Parallel()
	for name, ad := range map[string]string{
		"sub-headings":  "Qualifications\n\nRequired:\n- Strong Python\n\nPreferred:\n- Go\n",
		"questions":     "What Will You Do?\n- keep the cluster running\n\nWhat Do We Ask?\n- Strong Python\n\nIt Is Nice If You Also Have\n- Go\n",
		"helpful":       "What you need:\n- Strong Python\n\nHelpful but not essential:\n- Go\n",
		"dash-squashed": "What you'll do: build our test suite • write API tests\n\nWhat we need: 3+ years in QA; strong Python; Git and CI/CD\n\nNice to have - Go - performance testing - Rust\n",
		"sentence case": "What you will bring\n- Strong Python\n\nIt would be great if you have\n- Go\n\nWhat you won't do\n- Build the web console in Rust\n",
		"would help":    "What you need:\n- Strong Python\n\nThings That Would Help\n- Go\n",
		"two pluses":    "What you'll do\n- keep the site running\n\nNice to have\n- Strong Python\n\nBonus points\n- Go\n",
	} {
		j := New("job.txt", fixture.Plain(t, "job.txt", "Platform Engineer\n\n"+ad), fixture.Builtin(t))
		for id, want := range map[string]Importance{"python": Required, "go": Preferred} {
			if got, ok := j.Importance(id); !ok || got != want {
				t.Errorf("%s: %s is %v (asked %v), want %v", name, id, got, ok, want)
			}
		}
		if imp, ok := j.Importance("rust"); name == "sentence case" && ok {
			t.Errorf("%s: Rust, under \"What you won't do\", is asked as %v", name, imp)
		}
	}
	// A heading of no known kind before the bonus part, in an ad with no
	// requirements part, heads the requirements.
	j := New("job.md", fixture.Markdown(t, "job.md", "# Laravel Developer\n\n## What Will You Be Doing?\n- keep the site running\n\n"+
		"## What We'd Love You To Have\n- Strong Python\n\n## Bonus Points For\n- Go\n"), fixture.Builtin(t))
	wantImportance(t, j, map[string]Importance{"python": Required, "go": Preferred})
}

// TestNew_NoKeywordForNonSkills: the people an ad names by office ("the
// CFO", "our DBAs"), the regulators ("FCC", "UKCA"), offices, regions,
// newsletters and months are no skills to write on a resume, nor is a
// phrase left of only generic words once its article goes ("A track
// record").
func TestNew_NoKeywordForNonSkills(t *testing.T) {
	t.Parallel()
	ad := "# Firmware Engineer\n\n## Requirements\n- Experience with OpenTofu\n- Comfortable presenting to the CFO\n" +
		"- You will work with our DBAs\n- Experience taking products through FCC and UKCA approval\n" +
		"- Hybrid from our Kilbride office, or remote in West Africa\n" +
		"- A track record of shipping, as TechPath Weekly put it\n- Availability Jan–Dec\n"
	j := New("job.md", fixture.Markdown(t, "job.md", ad), fixture.Builtin(t))
	wantKeywords(t, j, []string{"OpenTofu"}, []string{"CFO", "DBAs", "FCC", "UKCA", "FCC and UKCA approval", "UKCA approval",
		"Kilbride office", "West Africa", "A track record", "track record", "TechPath Weekly", "Jan–Dec"})
}

// TestNew_ContrastStartsAClause: after ", but" (and the other contrasts
// of the rules) a cue reaches no further back: WebGL is still asked when
// the clause after it says what the role won't do, and the negated skill
// is not.
func TestNew_ContrastStartsAClause(t *testing.T) {
	t.Parallel()
	ad := "Frontend engineer for our editor, in React. The preview is built on three.js, so WebGL experience would be a genuine advantage, " +
		"but you won't be writing shaders from day one. Some exposure to operations research (our router is a MILP solver, but you won't be writing the solver).\n"
	j := New("job.txt", fixture.Plain(t, "job.txt", ad), fixture.Builtin(t))
	for _, id := range []string{"webgl", "operations-research", "react"} {
		if _, ok := j.Importance(id); !ok {
			t.Errorf("%s is not asked", id)
		}
	}
	if _, ok := j.Importance("computer-graphics"); ok {
		t.Error("computer-graphics (\"you won't be writing shaders\") is asked")
	}
	// "while" too: an ad in one paragraph, with no list, asks all as
	// required but what its plus clause names.
	para := New("job.txt", fixture.Plain(t, "job.txt", "Cloud Network Engineer. Day to day you will automate changes with Terraform and Python, "+
		"so we are looking for someone with Azure networking experience, while exposure to AWS would be a plus.\n"), fixture.Builtin(t))
	wantImportance(t, para, map[string]Importance{"terraform": Required, "python": Required, "aws": Preferred})
}

// TestNew_WhatTheRoleIsNotAndOtherTeams: a part headed "What you won't do" (or "You
// Won't Be Doing", "Not part of this role") and other teams' work ("our
// Frontend team builds that in React", "owned by a separate platform
// team") ask nothing; the role's own asks stay.
func TestNew_WhatTheRoleIsNotAndOtherTeams(t *testing.T) {
	t.Parallel()
	for name, part := range map[string]string{
		"won't do":    "What you won't do\n\nPre-training, or the chat interface (our Frontend team builds that in React).\n",
		"title case":  "You Won't Be Doing\n\nThe chat interface in React; that is the web team's domain.\n",
		"not part of": "Not part of this role\n\nThe mobile apps (React Native, separate team).\n",
	} {
		ad := "LLM Engineer\n\nWhat you'll do\n\nFine-tune open models in PyTorch and ship them on Kubernetes.\n\n" + part
		j := New("job.txt", fixture.Plain(t, "job.txt", ad), fixture.Builtin(t))
		for _, id := range []string{"pytorch", "kubernetes"} {
			if _, ok := j.Importance(id); !ok {
				t.Errorf("%s: %s is not asked", name, id)
			}
		}
		for _, id := range []string{"react", "react-native"} {
			if _, ok := j.Importance(id); ok {
				t.Errorf("%s: %s is asked", name, id)
			}
		}
	}
	email := New("email.txt", fixture.Plain(t, "email.txt", "Hi Sam,\n\nThey need an Android engineer strong in Kotlin. "+
		"You wouldn't be touching the backend (it's Java and Spring Boot, owned by a separate platform team).\n"), fixture.Builtin(t))
	for _, id := range []string{"java", "spring"} {
		if _, ok := email.Importance(id); ok {
			t.Errorf("email: %s is asked", id)
		}
	}
}

// TestNew_RetiredAndOthersTools: a tool being retired or migrated from
// (not the one migrated to), one after "no",
// one a vendor manages and a partner's work ask nothing; the ask beside
// them stays.
func TestNew_RetiredAndOthersTools(t *testing.T) {
	t.Parallel()
	ad := "Platform Engineer\n\nWhat you'll do\n\n- Run our services on Kubernetes; we're retiring the Chef setup this year\n" +
		"- We're migrating from a self-managed Hadoop cluster to a lakehouse on AWS\n" +
		"- Strong CSS (we use CSS Modules, and no Tailwind)\n\nAbout the team\n\nThe data team's Kafka cluster is managed by a vendor. " +
		"Their hardware partner in Dundee handles the Bluetooth stack.\n"
	j := New("job.txt", fixture.Plain(t, "job.txt", ad), fixture.Builtin(t))
	wantAsked(t, j, []string{"kubernetes", "aws"}, []string{"chef", "big-data", "tailwind", "kafka", "wireless-protocols"})
}

// TestNew_KeywordsAsWritten: a bullet opening with a tech-shaped word
// ("eBPF experience is a bonus") keeps it, where an instruction's verb
// ("Configure and troubleshoot Cisco Catalyst") is no part of the term;
// a skill named by a noun and a gerund ("erasure coding") is one term.
func TestNew_KeywordsAsWritten(t *testing.T) {
	t.Parallel()
	ad := "Storage Engineer\n\nRequirements\n- Python\n- eBPF experience is a bonus\n- Worked with erasure coding or checksumming at scale\n" +
		"- Configure and troubleshoot Cisco Catalyst and Nexus switching\n- Writing tests for every change\n"
	j := New("job.txt", fixture.Plain(t, "job.txt", ad), fixture.Builtin(t))
	wantKeywords(t, j, []string{"eBPF", "erasure coding", "Cisco Catalyst"}, []string{"erasure", "troubleshoot Cisco Catalyst", "Writing tests", "experience"})
}

// TestNew_RetiredAndOtherTeams: a tool said to be on its way out after its
// name, and another team's work said as that team doing it, ask nothing;
// the tool moved onto, and a team the candidate helps, still do.
func TestNew_RetiredAndOtherTeams(t *testing.T) {
	t.Parallel()
	ad := "ML Platform Engineer\n\nWhat you will do\n" +
		"- Build the job scheduling layer with Kueue; our old Slurm cluster is being phased out by the end of the year\n" +
		"- Our early prototypes were written in MATLAB, and that code has now been fully retired\n" +
		"- The perception team trains the detection models (YOLO-based) and hands you their outputs\n" +
		"- Strategy research is done by the quant team in Python\n" +
		"- Help the research team train models in JAX and PyTorch\n\n" +
		"Requirements\n- AWS experience; ideally SageMaker, which we move onto when our Hadoop cluster is retired\n"
	j := New("job.txt", fixture.Plain(t, "job.txt", ad), fixture.Builtin(t))
	wantAsked(t, j, []string{"jax", "sagemaker", "aws"}, []string{"slurm", "matlab", "yolo", "python"})
}

// TestNew_PlainHeadingsNotItems: a sentence-case heading before a
// paragraph heads it ("Our hiring process"), while a Markdown item escaped
// as "\\-" and a bullet's continuation line never head anything.
func TestNew_PlainHeadingsNotItems(t *testing.T) {
	t.Parallel()
	ad := "# Frontend Engineer\n\n## What You'll Need\n\n\\- 3+ years of TypeScript\n\n**Bonus points!**\n\n" +
		"\\- Experience with Vue.js and its router\n\n\\- You've shipped a Shopify app or worked on e-commerce checkout flows for shops\n\n" +
		"\\- Experience with Redux; experience with\n  Rust tooling is a bonus\n\\- Storybook\n\n" +
		"Our hiring process\n\nA 30-minute call with Maren from Talent, then a technical conversation with two engineers about a Go service you built.\n"
	j := New("job.md", fixture.Markdown(t, "job.md", ad), fixture.Builtin(t))
	wantImportance(t, j, map[string]Importance{"typescript": Required, "shopify": Preferred, "rust": Preferred, "storybook": Preferred})
	if imp, ok := j.Importance("go"); ok {
		t.Errorf("Go, named in the hiring process, is asked (%v)", imp)
	}
	wantKeywords(t, j, nil, []string{"Maren", "Talent"})
}

// TestNew_MoreNonAsks: negations said as recruiters say them, a team's
// sentence broken across lines, work moving out of a tool, and a tool
// retired "as" the work goes on, ask nothing; the tool moved to does.
func TestNew_MoreNonAsks(t *testing.T) {
	t.Parallel()
	ad := "Data Scientist\n\nWhat you will do\n" +
		"- Help migrate our modelling work out of SAS and into Python on Databricks\n" +
		"- Write SQL against PostgreSQL; move data out of the legacy Oracle schemas as they are retired\n" +
		"- Run our EKS clusters\n- Take models from research as they come; our\n  compiler team handles everything from JAX models down\n\n" +
		"You would NOT need to know Verilog. No Rust or Scala this time.\n"
	j := New("job.txt", fixture.Plain(t, "job.txt", ad), fixture.Builtin(t))
	wantAsked(t, j, []string{"python", "databricks", "sql", "aws"}, []string{"sas", "oracle-database", "jax", "fpga", "rust", "scala"})
}

// TestNew_OthersWorkInLists: another team's, a vendor's or a partner's
// work asks nothing even in a list of requirements or a tech stack, and
// only the item that says so loses its asks.
func TestNew_OthersWorkInLists(t *testing.T) {
	t.Parallel()
	ad := "Document AI Engineer\n\nRequirements\n- Strong Python and PyTorch\n" +
		"- Penetration testing is delivered by our offensive security practice\n\n" +
		"Tech stack: Python, Docker, Kubernetes (run by our Platform team), Grafana\n"
	j := New("job.txt", fixture.Plain(t, "job.txt", ad), fixture.Builtin(t))
	wantAsked(t, j, []string{"python", "pytorch", "docker", "prometheus-grafana"}, []string{"penetration-testing", "kubernetes"})
}

// TestNew_EveryAdReads reads every ad of testdata/jobs-eval, the held-out
// sets too (their labels are not looked at): none may panic. One did,
// when a keyword's phrase reached past the clause around it.
func TestNew_EveryAdReads(t *testing.T) {
	t.Parallel()
	ads, _ := filepath.Glob("../../testdata/jobs-eval/*/*.*")
	n := 0
	for _, p := range ads {
		if strings.HasSuffix(p, ".yaml") || strings.HasSuffix(p, ".md") && strings.HasSuffix(filepath.Dir(p), "jobs-eval") {
			continue
		}
		doc, err := extract.Read(p, extract.Options{})
		if err != nil {
			t.Errorf("%s: %v", p, err)
			continue
		}
		New(p, doc, fixture.Builtin(t))
		n++
	}
	if n < 200 {
		t.Errorf("read %d ads, want all of testdata/jobs-eval's (over 200)", n)
	}
}

// TestNew_RightToWorkInFinePrint: the right to work said under an
// equal-opportunity notice or the benefits is a requirement, once a part;
// a visa the employer offers is none, nor is a heading that names it.
func TestNew_RightToWorkInFinePrint(t *testing.T) {
	t.Parallel()
	for name, tc := range map[string]struct {
		tail string
		want int
	}{
		"notice":   {"## Equal Opportunity\n\nWe welcome applicants of every background. Please note: we are unable to offer visa sponsorship for this position. Candidates must have the right to work in the UK.\n", 1},
		"benefits": {"## Benefits\n\n- 30 days holiday\n- Visa sponsorship is available for this post\n", 0},
		"heading":  {"## Work authorization\n\nWe hire across the EU.\n", 0},
		// A need with the employer's offer in brackets still asks; the
		// offer alone does not; a pay line that goes on to say visas are
		// not sponsored asks for the right to work.
		"need with offer":  {"## Location\n\nYou need an EU work permit or to qualify for the highly skilled migrant scheme (we are a recognised sponsor).\n", 1},
		"offer in bracket": {"## Benefits\n\n- Visa sponsorship (we're a recognised sponsor with the IND)\n", 0},
		"pay line":         {"## Pay\n\nPay band is $118k–$142k + 401(k) with 6% match, and we can't sponsor visas for this one.\n", 1},
		"eeo":              {"## EEO\n\nWe are committed to equal employment opportunity regardless of race, color, ancestry, religion, citizenship or veteran status.\n", 0},
	} {
		ad := "# Data Scientist\n\n## Requirements\n- Strong Python\n\n" + tc.tail
		j := New("job.md", fixture.Markdown(t, "job.md", ad), fixture.Builtin(t))
		got := len(requirementTexts(j, taxonomy.RequireAuthorization))
		if got != tc.want {
			t.Errorf("%s: %d right-to-work requirements, want %d: %+v", name, got, tc.want, j.Requirements())
		}
	}
	// Of the two, the one that says it must be had is the requirement,
	// in any words for it.
	for _, must := range []string{"Candidates must have the right to work in the UK", "Candidates must be legally entitled to work in Canada"} {
		ad := "# Data Scientist\n\n## Requirements\n- Strong Python\n\n## Equal Opportunity\n\nPlease note: we are unable to offer visa sponsorship for this position. " + must + ".\n"
		j := New("job.md", fixture.Markdown(t, "job.md", ad), fixture.Builtin(t))
		texts := requirementTexts(j, taxonomy.RequireAuthorization)
		if len(texts) != 1 || texts[0] != must {
			t.Errorf("right to work: %q, want [%q]", texts, must)
		}
	}
}

// TestNew_BoldChatHeadings: a chat post's headings in bold, in sentence
// case and with an emoji after them, head their lists.
func TestNew_BoldChatHeadings(t *testing.T) {
	t.Parallel()
	ad := "hey folks, we're hiring a CV intern!\n\n**what you'd actually do** 👇\n• train image classifiers\n• clean our dataset\n\n" +
		"**you should** ✅\n• know Python + PyTorch reasonably well\n\n**bonus** 🤷\n• OpenCV\n"
	j := New("post.txt", fixture.Plain(t, "post.txt", ad), fixture.Builtin(t))
	wantImportance(t, j, map[string]Importance{"python": Required, "pytorch": Required, "opencv": Preferred})
}

// TestNew_EscapedSquashedList: a job board's escaped list pasted onto one
// line ("\- Strong PyTorch \- 401(k) matching") is split into its
// items, so the benefit in the last one discards nothing before it.
func TestNew_EscapedSquashedList(t *testing.T) {
	t.Parallel()
	ad := "# ML Engineer\n\n## Requirements\n\n\\- Strong PyTorch \\- 401(k) matching and paid time off\n"
	j := New("job.md", fixture.Markdown(t, "job.md", ad), fixture.Builtin(t))
	wantImportance(t, j, map[string]Importance{"pytorch": Required})
}

// TestNew_PhraseBeforePeople: a skill said in other words may end right
// before the people it is for; that names no one ("Python developers"
// does).
func TestNew_PhraseBeforePeople(t *testing.T) {
	t.Parallel()
	ad := "# Data Analyst\n\n## What you bring\n\n- You can explain technical trade-offs to non-technical colleagues\n- Strong SQL\n"
	j := New("job.md", fixture.Markdown(t, "job.md", ad), fixture.Builtin(t))
	wantImportance(t, j, map[string]Importance{"communication": Required, "sql": Required})
}

// TestNew_OnePlaceOfWork: where the work is done, said in a sentence of
// the ad, is the requirement; the header's line of facts, a short list
// item and a hashtag that repeat it are not. Said only in the header, the
// header's line is.
func TestNew_OnePlaceOfWork(t *testing.T) {
	t.Parallel()
	places := func(ad string) []string {
		return requirementTexts(New("job.txt", fixture.Plain(t, "job.txt", ad), fixture.Builtin(t)), taxonomy.RequireLocation)
	}
	head := "Senior Data Scientist\nVoltshield Mutual · Hartford, CT (Hybrid) · 2 weeks ago\n\nAbout the job\n\n"
	got := places(head + "What you'll need\n- Strong Python\n- Remote (US)\n\nThis role is hybrid: three days a week in our Hartford office.\n\n#LI-Hybrid #NLP\n")
	if want := []string{"This role is hybrid: three days a week in our Hartford office"}; !slices.Equal(got, want) {
		t.Errorf("places of work %q, want %q", got, want)
	}
	if got := places(head + "What you'll need\n- Strong Python\n"); len(got) != 1 || !strings.Contains(got[0], "Hartford, CT (Hybrid)") {
		t.Errorf("places of work %q, want the header's line", got)
	}
	// Days in an office are a requirement even among what the job offers;
	// a sentence of its own states it, however short.
	got = places(head + "What you'll need\n- Strong Python\n\nWhat we offer\n- 25 days annual leave\n- Hybrid working: 2 days a week in our Sandyford office\n")
	if want := []string{"Hybrid working: 2 days a week in our Sandyford office"}; !slices.Equal(got, want) {
		t.Errorf("places of work %q, want %q", got, want)
	}
	got = places(head + "What you'll need\n- Strong Python\n\nWhere you'll work\n\nRemote within the US. We meet twice a year.\n")
	if want := []string{"Remote within the US"}; !slices.Equal(got, want) {
		t.Errorf("places of work %q, want %q", got, want)
	}
}

// TestNew_NoKeywordForDaysOrDegrees: a range of days ("Monday–Friday"), a
// degree's name and "Start ASAP" are no keyword asks.
func TestNew_NoKeywordForDaysOrDegrees(t *testing.T) {
	t.Parallel()
	ad := "# Data Engineer\n\n## Requirements\n- Experience with OpenTofu\n- Office hours Monday–Friday, Start ASAP\n" +
		"- A Master in a numerate subject is welcome\n"
	j := New("job.md", fixture.Markdown(t, "job.md", ad), fixture.Builtin(t))
	wantKeywords(t, j, []string{"OpenTofu"}, []string{"Monday–Friday", "hours Monday–Friday", "Start ASAP", "Master"})
}

// TestNew_KeywordsListedWithSkills: names the programme's blurb uses
// ("CICS", "DB2") are still asked where a requirement lists them with
// skills ("COBOL, JCL, CICS and DB2"); names listed only with names
// ("Switch, PlayStation or Xbox") are not lifted so. Emphasis in capitals
// ("NOT"), degrees written together ("B.E./B.Tech") and pay words
// ("CTC") are no keyword asks, and the degrees are read as one.
func TestNew_KeywordsListedWithSkills(t *testing.T) {
	t.Parallel()
	ad := "Lead Mainframe Engineer\n\nAbout the programme:\nThe client runs 2.8 million lines of COBOL, with CICS online transactions, JCL batch and DB2.\n\n" +
		"Must have:\n- At least 7 years hands-on in COBOL, JCL, CICS and DB2\n- Knowing when NOT to use GenServers\n- B.E./B.Tech or MCA\n\n" +
		"If interested, please reply with your updated CV, current CTC and notice period.\n"
	j := New("job.txt", fixture.Plain(t, "job.txt", ad), fixture.Builtin(t))
	wantKeywords(t, j, []string{"JCL", "CICS", "DB2"}, []string{"NOT", "B.E./B.Tech", "CTC", "current CTC"})
	if got := requirementTexts(j, taxonomy.RequireDegree); !slices.Contains(got, "B.E./B.Tech or MCA") {
		t.Errorf("degree requirements %q, want \"B.E./B.Tech or MCA\"", got)
	}
}

// TestNew_FormLabelsAndBoardFooters: a form's labels ("DEPARTMENT:",
// "REPORTS TO:") and a job board's footer ("Posted via ... · View company
// profile · Report this job") ask nothing: no keyword, and no profiling
// from "profile".
func TestNew_FormLabelsAndBoardFooters(t *testing.T) {
	t.Parallel()
	ad := "Senior Data Scientist\n\nDEPARTMENT: Network Operations Centre (NOC) Analytics\nREPORTS TO: Head of Analytics\n\n" +
		"Requirements\n- Python and SQL\n- Experience with OpenTofu\n\n> Posted via TalentoTech Board · View company profile · Report this job\n"
	j := New("job.txt", fixture.Plain(t, "job.txt", ad), fixture.Builtin(t))
	wantKeywords(t, j, []string{"OpenTofu"}, []string{"DEPARTMENT", "REPORTS TO", "TalentoTech Board"})
	wantAsked(t, j, []string{"python", "sql"}, []string{"performance-profiling"})
}

// TestNew_NeitherNeeded: other systems named, then disowned by a pronoun
// after a semicolon ("; you don't need either", "; neither is part of
// this role"), are not asked.
func TestNew_NeitherNeeded(t *testing.T) {
	t.Parallel()
	for _, tail := range []string{
		"Our fleet manager is written in Go and the ops dashboard is Elixir; you don't need either.",
		"Their cloud side is Go and the beekeeper app is built in Elixir; neither is part of this role.",
	} {
		ad := "RL Engineer\n\nYou'll train policies in PyTorch and strong Python is a must. " + tail + "\n"
		j := New("job.txt", fixture.Plain(t, "job.txt", ad), fixture.Builtin(t))
		wantAsked(t, j, []string{"pytorch", "python"}, []string{"go", "elixir"})
	}
}

// TestNew_ChatThread: a chat pasted whole is its first message; the
// replies after the next message header ("Kuba R. — Today at 14:15")
// ask nothing, and a reply's author's initial is no R.
func TestNew_ChatThread(t *testing.T) {
	t.Parallel()
	ad := "#elixir-jobs\n\nMarta Kowalczyk — Today at 14:07\nhey folks! we're hiring a backend Elixir dev.\n\nwe need:\n- 3+ yrs professional Elixir\n- PostgreSQL beyond the basics\n\nteam language is English.\n\n" +
		"    🔥 12   👀 4\n    └ 3 replies · Last reply today at 15:31\n\nKuba R. — Today at 14:15\nis the take-home in Elixir or can it be Erlang? 😄\n\n" +
		"Marta Kowalczyk — Today at 14:18\n@Kuba Elixir please, but we won't judge your Erlang past\n"
	j := New("job.txt", fixture.Plain(t, "job.txt", ad), fixture.Builtin(t))
	wantAsked(t, j, []string{"elixir", "sql"}, []string{"erlang", "r"})
	// A chat's labels in lower case name their parts: the stack and what
	// would be nice are preferred, beside what "we need:" lists.
	ad = "hey folks! we're hiring a backend Elixir dev.\n\nstack: Elixir + Phoenix, Oban for background jobs, a little Rust via NIFs\n\n" +
		"we need:\n- 3+ yrs professional Elixir\n- PostgreSQL beyond the basics\n\nwould be nice: accounting background, Rust\n"
	j = New("job.txt", fixture.Plain(t, "job.txt", ad), fixture.Builtin(t))
	wantImportance(t, j, map[string]Importance{"elixir": Required, "sql": Required, "rust": Preferred})
}

// TestJobTitle: the title is the first of the first lines that names a
// role, the part that does: not a careers page's header, a breadcrumb, an
// email's sender, a subject's contract terms or a company's name; none
// when no line names a role.
func TestJobTitle(t *testing.T) {
	t.Parallel()
	for ad, want := range map[string]string{
		"Quillfeather Diagnostics - Careers\nOpen positions > Engineering > Deep Learning Engineer, Imaging Models\n\nAbout us\n": "Deep Learning Engineer, Imaging Models",
		"Subject: PostgreSQL DBA – 6-month contract – Dublin/remote\n\nHi Sam,\n":                                                 "PostgreSQL DBA",
		"From: Ray Okafor <ray@search.example>\nTo: you\nSubject: Fwd: Perception Engineer\n\nHello\n":                            "Perception Engineer",
		"Job Title: Firmware Engineer (C / RTOS)\nLocation: Oslo\n":                                                               "Firmware Engineer (C / RTOS)",
		"STATE OF WESTMARCH\n\nPosition Title:   IT Network Engineer III\nReports to: Manager, Data Platforms\n":                  "IT Network Engineer III",
		"Reports to: Manager, Data Platforms\nWe build ferries.\n":                                                                "",
		"[HIRING] Gameplay Programmer (Mid/Senior)\nwe make games\n":                                                              "Gameplay Programmer (Mid/Senior)",
		"Computer Vision Engineer: Careers Guide\n\nWHAT IS A COMPUTER VISION ENGINEER?\n":                                        "Computer Vision Engineer",
		"PROMETHEUS AEROSYSTEMS\nJob ID: R-0048812\nMachine Learning Engineer II\n":                                               "Machine Learning Engineer II",
		"Join our team as a Data Engineer and build pipelines.\n":                                                                 "",
		"# Registered Nurse\n## Requirements\n- 3+ years of nursing experience.\n":                                                "Registered Nurse",
	} {
		j := New("job.txt", fixture.Plain(t, "job.txt", ad), fixture.Builtin(t))
		if j.Title != want {
			t.Errorf("%q: title %q, want %q", strings.SplitN(ad, "\n", 2)[0], j.Title, want)
		}
	}
}

// TestNew_ListWithoutBullets: a list pasted without its bullets is read
// item by item, so one item about another team does not silence the
// others; a line ending in a word that carries the sentence on stays one
// item with the next.
func TestNew_ListWithoutBullets(t *testing.T) {
	t.Parallel()
	ad := "ML Platform Engineer\n\nWhat You'll Do\n\n" +
		"Design and operate our ML platform: Kubeflow Pipelines for training and MLflow for experiment tracking\n" +
		"Build self-service templates with Terraform and Helm\n" +
		"Partner with our security team, who run HashiCorp Vault\n\n" +
		"What You'll Bring\n\n" +
		"Python\nIdeally, hands-on experience with\nDocker\n"
	j := New("job.txt", fixture.Plain(t, "job.txt", ad), fixture.Builtin(t))
	wantAsked(t, j, []string{"kubeflow", "mlflow", "terraform", "helm", "python"}, []string{"secrets-management"})
	if imp, _ := j.Importance("docker"); imp != Preferred {
		t.Errorf("docker is %q, want preferred: \"Ideally\" reaches the line after \"with\"", imp)
	}
}

// TestNew_HeadingsInsideASquashedLine: a page pasted onto one line keeps
// its headings between the items ("... every month What you'll need: -
// ..."): the duties are a plus, the needs required, the nice-to-haves a
// plus, and the perks ask nothing.
func TestNew_HeadingsInsideASquashedLine(t *testing.T) {
	t.Parallel()
	ad := "Junior Data Scientist\n\nWhat you'll do: - Build and monitor models that score card transactions - Present results to the Risk Committee every month " +
		"What you'll need: - Python, including pandas - SQL Nice to have: - Gradient boosting (XGBoost/LightGBM) - dbt or Looker " +
		"Perks: - 25 days holiday - Free Kubernetes training\n"
	j := New("job.txt", fixture.Plain(t, "job.txt", ad), fixture.Builtin(t))
	wantImportance(t, j, map[string]Importance{"python": Required, "sql": Required, "gradient-boosting": Preferred, "dbt": Preferred, "presentation-skills": Preferred})
	wantAsked(t, j, nil, []string{"kubernetes"})
}

// TestNew_StoryParagraphsAndTerseHeadings: a paragraph that opens with "A
// typical problem:" tells a story in every sentence; "Must:" heads the
// requirements and "Nice:" the pluses.
func TestNew_StoryParagraphsAndTerseHeadings(t *testing.T) {
	t.Parallel()
	ad := "Computer Vision Engineer\n\nA typical problem: a squirrel looks a lot like a woodpecker at 320x240. " +
		"Fixing that meant generating synthetic images and switching the detector to a focal loss.\n\n" +
		"Must:\n- PyTorch\n- Object detection\n\nNice:\n- Knowledge distillation\n"
	j := New("job.txt", fixture.Plain(t, "job.txt", ad), fixture.Builtin(t))
	wantAsked(t, j, nil, []string{"synthetic-data", "custom-loss-functions"})
	wantImportance(t, j, map[string]Importance{"pytorch": Required, "object-detection": Required, "knowledge-distillation": Preferred})
}

// TestNew_RecruiterEmailParts: "What they need:" heads a recruiter's
// requirements, and the signature after "Kind regards," asks nothing.
func TestNew_RecruiterEmailParts(t *testing.T) {
	t.Parallel()
	ad := "Subject: Data Engineer - 9 months\n\nHi Sam,\n\nHope you're well. A client of mine is hiring.\n\n" +
		"What they need: 5+ years of Python and SQL. Airflow would be a nice bonus.\n\n" +
		"Let me know if it sounds interesting.\n\nKind regards,\n\nRuby Marchetti\nPrincipal Consultant - Kubernetes Practice\nNorthlake Talent\n"
	j := New("job.txt", fixture.Plain(t, "job.txt", ad), fixture.Builtin(t))
	wantAsked(t, j, []string{"python", "sql", "airflow"}, []string{"kubernetes", "ruby"})
	wantImportance(t, j, map[string]Importance{"python": Required, "airflow": Preferred})
	for _, k := range j.Keywords() {
		if strings.Contains(k.Term, "Practice") || strings.Contains(k.Term, "Northlake") {
			t.Errorf("keyword %q from the signature", k.Term)
		}
	}
}

// TestNew_DisownedByAPronoun: a sentence that ends "you won't need to
// touch either" asks for none of what it names, unless a clause of it
// asks in so many words.
func TestNew_DisownedByAPronoun(t *testing.T) {
	t.Parallel()
	ad := "Technical Writer\n\nThe role\n\nYou will write our developer docs. Under the hood our routing engine is C++ and our tile servers are written in Rust; you won't need to touch either.\n\n" +
		"Requirements\n- Markdown and Git\n- Docs-as-code tooling; Python is a plus, though you won't need to touch it daily\n"
	j := New("job.txt", fixture.Plain(t, "job.txt", ad), fixture.Builtin(t))
	wantAsked(t, j, []string{"git", "python"}, []string{"cpp", "rust"})
}

// TestNew_PlusSaidAfterwards: "it is a plus" in a later clause makes the
// sentence's skills a plus, but not one its own clause requires.
func TestNew_PlusSaidAfterwards(t *testing.T) {
	t.Parallel()
	ad := "Rust Engineer\n\nWhat we're looking for\n\n" +
		"Three years of Rust in production. If you have contributed to open-source crates, tell us about it; it is a plus, not a requirement.\n" +
		"You must know Linux well, and Kubernetes — either would be a bonus.\n"
	j := New("job.txt", fixture.Plain(t, "job.txt", ad), fixture.Builtin(t))
	wantImportance(t, j, map[string]Importance{"rust": Required, "open-source": Preferred, "linux": Required})
}

// TestNew_OthersAcrossCommas: "..., who own X" makes X another team's,
// not the item before it; "X, maintained by the platform squad" makes X
// theirs too.
func TestNew_OthersAcrossCommas(t *testing.T) {
	t.Parallel()
	ad := "Speech Engineer\n\nWhat you'll do\n" +
		"- Ship models into production together with the platform team, who own our gRPC inference service\n" +
		"- Work closely with the firmware team, who own the embedded Linux image, and tune the audio front end\n" +
		"- Build the companion features; our backend is Node.js on Google Cloud, maintained by the platform squad\n"
	j := New("job.txt", fixture.Plain(t, "job.txt", ad), fixture.Builtin(t))
	wantAsked(t, j, []string{"model-deployment"}, []string{"grpc", "linux", "gcp", "javascript"})
}

// TestNew_ColleaguesAdsAndPageWords: "our iOS colleagues" are people, a
// sponsored line on a page asks nothing, and the words of a job's terms
// and pay ("Full-Time", "USD", "DACH") make no keyword.
func TestNew_ColleaguesAdsAndPageWords(t *testing.T) {
	t.Parallel()
	ad := "# Android Developer\n\nFull-Time · Remote\n\n## What you'll do\n- Build features in Kotlin with our iOS colleagues\n" +
		"- Support customers in DACH with OpenTofu\n\n## Requirements\n- Kotlin\n- Salary paid in USD\n\n" +
		"Sponsored · Get AWS certified in six weeks with Brightpath Academy.\n"
	j := New("job.md", fixture.Markdown(t, "job.md", ad), fixture.Builtin(t))
	wantAsked(t, j, []string{"kotlin"}, []string{"ios-development", "aws", "aws-certification"})
	wantKeywords(t, j, []string{"OpenTofu"}, []string{"Full-Time", "DACH", "USD"})
}

// TestNew_StoresAndPremiumMakeNoKeyword: where an app is published ("live
// on the App Store", "Google Play") and LinkedIn's "Try Premium" (or
// "Retry Premium") are no keyword asks.
func TestNew_StoresAndPremiumMakeNoKeyword(t *testing.T) {
	t.Parallel()
	ad := "iOS Engineer\n\nSee how you compare to over 100 other applicants. Try Premium for $0\n\n" +
		"Requirements\n- 3+ years building iOS apps in Swift that are live on the App Store or Google Play\n- Experience with OpenTofu\n"
	j := New("job.txt", fixture.Plain(t, "job.txt", ad), fixture.Builtin(t))
	wantKeywords(t, j, []string{"OpenTofu"}, []string{"App Store", "Google Play", "Premium", "Try Premium"})
	// LinkedIn's skills line before it makes the banner part of a list.
	ad = strings.Replace(ad, "See how you compare to over 100 other applicants. Try Premium for $0",
		"Skills: Swift, SQL, +6 more\nSee how you compare to over 100 other applicants. Retry Premium for free", 1)
	j = New("job.txt", fixture.Plain(t, "job.txt", ad), fixture.Builtin(t))
	wantKeywords(t, j, []string{"OpenTofu"}, []string{"Premium", "Retry Premium"})
}

// TestNew_NamesInDuties: a tool's name inside a duty is a keyword ask
// ("Provision clusters with Crossplane"), but not the capitalised verb
// that opens a duty, however the duty is bulleted.
func TestNew_NamesInDuties(t *testing.T) {
	t.Parallel()
	ad := "Platform Engineer\n\nWhat you'll do\n→ Provision clusters with Crossplane\n→ Write clear design docs\n(2) Drive cost reviews with the Growth squad\n🔹 Audit the secrets in Vault\n"
	j := New("job.txt", fixture.Plain(t, "job.txt", ad), fixture.Builtin(t))
	wantKeywords(t, j, []string{"Crossplane"}, []string{"Write", "Drive", "Growth", "Audit"})
}

// TestNew_RequirementsAsQuestions: a requirements part that answers the
// questions candidates ask keeps its kind, and the question states no
// requirement; its answer does.
func TestNew_RequirementsAsQuestions(t *testing.T) {
	t.Parallel()
	ad := "# Penetration Tester\n\n## Requirements, answered as the questions candidates actually ask us\n\n" +
		"1. **Do I need security clearance?**\n   You must be eligible for SC clearance.\n\n" +
		"2. **What do you test with?**\n   Burp Suite, and scripting in Python.\n"
	j := New("job.md", fixture.Markdown(t, "job.md", ad), fixture.Builtin(t))
	wantImportance(t, j, map[string]Importance{"python": Required})
	texts := requirementTexts(j, taxonomy.RequireAuthorization)
	if want := []string{"You must be eligible for SC clearance"}; !slices.Equal(texts, want) {
		t.Errorf("right to work: %q, want %q", texts, want)
	}
}

// TestNew_DisownedByTheNextSentence: "None of this is required for the
// role" disowns what the sentence before named; "both have their own
// teams, so that's not part of this" disowns its own sentence.
func TestNew_DisownedByTheNextSentence(t *testing.T) {
	t.Parallel()
	ad := "Applied Scientist\n\nThe role\n\nYou will build ranking models in Python. " +
		"Our stack, for the curious: the storefront is a Ruby on Rails monolith and our infrastructure runs on Google Cloud. None of this is required for the role.\n\n" +
		"Their Android app is Kotlin and their backend is Node.js — both have their own permanent teams, so that's not part of this.\n"
	j := New("job.txt", fixture.Plain(t, "job.txt", ad), fixture.Builtin(t))
	wantAsked(t, j, []string{"python"}, []string{"rails", "gcp", "kotlin", "javascript", "android-development"})
}

// TestNew_ToggleHeadings: headings behind a toggle and an emoji (a Notion
// page) keep their kinds: "▸ ✅ You probably have" asks, "▸ 🚫 Not needed"
// does not.
func TestNew_ToggleHeadings(t *testing.T) {
	t.Parallel()
	ad := "Research Scientist, Speech Synthesis\n\n▸ 🧠 What you'll work on\n\n- Train TTS models\n\n▸ ✅ You probably have\n\n- Strong Python and PyTorch\n\n" +
		"▸ ⭐ Bonus\n\n- Distributed training on multi-GPU nodes\n\n▸ 🚫 Not needed\n\n- Any frontend development or Rust knowledge.\n"
	j := New("job.md", fixture.Markdown(t, "job.md", ad), fixture.Builtin(t))
	wantImportance(t, j, map[string]Importance{"python": Required, "pytorch": Required, "distributed-training": Preferred})
	wantAsked(t, j, nil, []string{"rust", "frontend-development"})
}

// TestNew_RequirementsTable: a Markdown table whose header names a kind
// for each column gives each cell its column's kind; a table of facts
// ("Salary | £34,000") is no such header.
func TestNew_RequirementsTable(t *testing.T) {
	t.Parallel()
	ad := "# Computer Vision Engineer\n\n## Requirements\n\n| Must have | Nice to have |\n|---|---|\n" +
		"| Python and PyTorch | Pose estimation |\n| Comfortable with Linux and Docker | TensorRT for faster inference |\n| Right to work in the UK | |\n\n" +
		"## Salary\n\n| Level | Salary |\n|---|---|\n| Engineer | £70,000, depending on experience with Kubernetes |\n"
	j := New("job.md", fixture.Markdown(t, "job.md", ad), fixture.Builtin(t))
	wantImportance(t, j, map[string]Importance{"python": Required, "pytorch": Required, "linux": Required, "docker": Required,
		"pose-estimation": Preferred, "tensorrt": Preferred})
	wantAsked(t, j, nil, []string{"kubernetes"})
}

// TestNew_YourWorkBesideCustomers: a sentence that tells the candidate
// what they will build asks for it, even when it names what the
// customers rely on; a recruiter's "What the hiring manager is after:"
// heads the requirements, so the duties are a plus.
func TestNew_YourWorkBesideCustomers(t *testing.T) {
	t.Parallel()
	ad := "Subject: Senior ML Compiler Engineer\n\nHi Sam,\n\nYou'd be building the lowering path that takes PyTorch and ONNX models down to our NPU, " +
		"and the INT8 quantization flow our customers rely on.\n\nWhat the hiring manager is after: strong modern C++ and real experience with MLIR.\n\nBest,\nTeodora\n"
	j := New("job.txt", fixture.Plain(t, "job.txt", ad), fixture.Builtin(t))
	wantImportance(t, j, map[string]Importance{"pytorch": Preferred, "onnx": Preferred, "cpp": Required})
}

// TestNew_MoSCoWParts: Must / Should / Could / Won't headings: the first
// requires, the next two are pluses, the last asks nothing.
func TestNew_MoSCoWParts(t *testing.T) {
	t.Parallel()
	ad := "MLOps Engineer\n\nMust have\n- Azure ML\n\nShould have\n- MLflow\n\nCould have\n- Kubernetes\n\nWon't need\n- Spark\n"
	j := New("job.txt", fixture.Plain(t, "job.txt", ad), fixture.Builtin(t))
	wantImportance(t, j, map[string]Importance{"azure-ml": Required, "mlflow": Preferred, "kubernetes": Preferred})
	wantAsked(t, j, nil, []string{"spark"})
}

// TestNew_ProductPart: a terse ad's "Product:" part says what the
// product is built with, which asks nothing; "Own E2E suite" asks for
// end-to-end testing.
func TestNew_ProductPart(t *testing.T) {
	t.Parallel()
	ad := "QA Engineer – Cypress\n\nProduct:\n- Patient booking web app\n- Front end: Vue 3\n- API: Laravel\n\nYou'll:\n- Own E2E suite\n- Write new Cypress specs per feature\n"
	j := New("job.txt", fixture.Plain(t, "job.txt", ad), fixture.Builtin(t))
	wantAsked(t, j, []string{"e2e-testing"}, []string{"vue", "laravel"})
}

// TestNew_WhoAreWe: "Who are we?" is the company's part, so the platforms
// its games run on ask nothing.
func TestNew_WhoAreWe(t *testing.T) {
	t.Parallel()
	ad := "Gameplay Programmer (Unity)\n\nWho are we?\nMosslight is a studio behind cozy games played by 9 million people on iOS, Android and Nintendo Switch.\n\n" +
		"What are we looking for?\n- 3+ years of game development with Unity and C#\n"
	j := New("job.txt", fixture.Plain(t, "job.txt", ad), fixture.Builtin(t))
	wantAsked(t, j, []string{"unity", "csharp"}, []string{"ios-development", "android-development"})
}

// TestNew_LocationLineUnderTheTitle: "Company, Place (hybrid)" under the
// title says where the job is and heads nothing; the prose after it still
// asks. A line that names the part ("Location") still heads it.
func TestNew_LocationLineUnderTheTitle(t *testing.T) {
	t.Parallel()
	ad := "Senior Deep Learning Scientist\nCinderhall Diagnostics, Elmbridge Science Park (hybrid)\n\n" +
		"You are fluent in Python and PyTorch. Experience with vision transformers would be a strong advantage. " +
		"So would familiarity with survival analysis.\n\nYou will not build the inference service; the platform team deploys models with Triton on Kubernetes.\n\n" +
		"Location\n\nElmbridge Science Park, two days a week. The office runs Kubernetes.\n"
	j := New("job.txt", fixture.Plain(t, "job.txt", ad), fixture.Builtin(t))
	wantImportance(t, j, map[string]Importance{"python": Required, "pytorch": Required, "vit": Preferred, "survival-analysis": Preferred})
	wantAsked(t, j, nil, []string{"kubernetes", "triton-inference-server"})
}

// TestNew_ArticleTitleHeadsTheRole: a page's first heading that names the
// role heads the role, though it names pay ("What They Do, Skills and
// Pay"); an article's "Featured opening: ..." heads the ad it carries,
// though it says "hybrid".
func TestNew_ArticleTitleHeadsTheRole(t *testing.T) {
	t.Parallel()
	ad := "Home › Guides › Autonomous systems\n\n## Perception Engineer (Autonomous Vehicles): What They Do, Skills and Pay\n\n" +
		"Perception engineers build the models that let a vehicle see, mostly in PyTorch.\n\n" +
		"## Featured opening: Data Analyst, Moss & Maple (Leeds, hybrid)\n\nYou will build dashboards in Tableau and write SQL every day.\n"
	j := New("job.md", fixture.Markdown(t, "job.md", ad), fixture.Builtin(t))
	wantAsked(t, j, []string{"pytorch", "data-visualization", "sql"}, nil)
}

// TestNew_ProseRequirementsParagraph: in an ad written as prose, the
// paragraph that opens "What we need from you is ..." is its requirements
// part, so the role's description asks as a plus; so in a recruiter's
// letter saying "What they need is ...". A letter without such a paragraph
// asks everything it names.
func TestNew_ProseRequirementsParagraph(t *testing.T) {
	t.Parallel()
	ad := "Application Security Engineer\n\nOur services are written mostly in Kotlin, all running on Kubernetes.\n\n" +
		"What we need from you is real depth in web application security. A solid understanding of OAuth 2.0 is essential.\n\n" +
		"We pay well.\n"
	j := New("job.txt", fixture.Plain(t, "job.txt", ad), fixture.Builtin(t))
	wantImportance(t, j, map[string]Importance{"kotlin": Preferred, "kubernetes": Preferred, "oauth": Required, "application-security": Required})
	letter := "Hi Sam,\n\nThe team builds everything on Kubernetes.\n\nWhat they need is someone with real OAuth 2.0 depth.\n\nKind regards,\nCallum\n"
	j = New("job.txt", fixture.Plain(t, "job.txt", letter), fixture.Builtin(t))
	wantImportance(t, j, map[string]Importance{"kubernetes": Preferred, "oauth": Required})
	letter = "Hi Sam,\n\nThe team builds everything on Kubernetes, and wants real OAuth 2.0 depth.\n\nKind regards,\nCallum\n"
	j = New("job.txt", fixture.Plain(t, "job.txt", letter), fixture.Builtin(t))
	wantImportance(t, j, map[string]Importance{"kubernetes": Required, "oauth": Required})
}

// TestNew_FieldInTheTitle: "Machine Learning Engineer" in the title names
// the job's field, no ask; machine learning named in the text is one.
func TestNew_FieldInTheTitle(t *testing.T) {
	t.Parallel()
	ad := "Machine Learning Engineer, Search Ranking\n\nRequirements:\n- 4+ years of Python\n- Learning-to-rank models in production\n"
	j := New("job.txt", fixture.Plain(t, "job.txt", ad), fixture.Builtin(t))
	wantAsked(t, j, []string{"python"}, []string{"machine-learning"})
	ad = "Machine Learning Engineer, Search Ranking\n\nRequirements:\n- 4+ years of machine learning in Python\n"
	j = New("job.txt", fixture.Plain(t, "job.txt", ad), fixture.Builtin(t))
	wantImportance(t, j, map[string]Importance{"machine-learning": Required})
}

// TestNew_FieldQualifies: a field's name that qualifies the word after it
// ("ML venues", "ML workloads", "a Speech ML Engineer") asks nothing, even
// beyond the title line; "ML engineering" still asks for it.
func TestNew_FieldQualifies(t *testing.T) {
	t.Parallel()
	ad := "Careers at Tarnby Senior Speech ML Engineer\n\nRequirements:\n- Publications in machine learning venues\n- 2+ years supporting ML workloads on Kubernetes\n"
	j := New("job.txt", fixture.Plain(t, "job.txt", ad), fixture.Builtin(t))
	wantAsked(t, j, []string{"research-publications", "kubernetes"}, []string{"machine-learning"})
	ad = "Speech Engineer\n\nRequirements:\n- 5+ years in ML engineering\n"
	j = New("job.txt", fixture.Plain(t, "job.txt", ad), fixture.Builtin(t))
	wantImportance(t, j, map[string]Importance{"machine-learning": Required})
}

// TestNew_WhatTheyAskedFor: a recruiter's "The key things they've asked
// for:" heads the requirements (SAP, ambiguous, counts in its list), "It
// would help if" offers a plus, and the letter's "Start is ..." and "I'd"
// make no keyword.
func TestNew_WhatTheyAskedFor(t *testing.T) {
	t.Parallel()
	ad := "Subject: SAP FI/CO Consultant\n\nHello Marek,\n\nMy client is moving to a new ERP.\n\nThe key things they've asked for:\n- At least 6 years' SAP FI/CO consulting\n- Strong in General Ledger and Asset Accounting\n\n" +
		"It would help if you also know Group Reporting. Start is 1 March. I'd be grateful for referrals.\n\nKind regards,\n\nClaude Martin\n"
	j := New("job.txt", fixture.Plain(t, "job.txt", ad), fixture.Builtin(t))
	wantImportance(t, j, map[string]Importance{"sap": Required})
	wantKeywords(t, j, []string{"General Ledger", "Asset Accounting", "Group Reporting"}, []string{"Start", "I'd"})
	for _, k := range j.Keywords() {
		if k.Term == "Group Reporting" && k.Importance != Preferred {
			t.Errorf("Group Reporting: %s, want preferred", k.Importance)
		}
	}
}

// TestNew_PeopleAlsoViewed: a page's "People also viewed" in sentence
// case heads the other jobs' titles under it, which ask nothing; and
// "X is NOT required." negates X.
func TestNew_PeopleAlsoViewed(t *testing.T) {
	t.Parallel()
	ad := "Speech Recognition Engineer\n\nRequirements:\n- PyTorch\n- Please note: knowledge of neural network training is NOT required.\n\n" +
		"People also viewed\nMachine Learning Engineer, Text-to-Speech – Brightvale Media – Remote\nComputer Vision Engineer – Tarnby Robotics – On-site\nShow all\n"
	j := New("job.txt", fixture.Plain(t, "job.txt", ad), fixture.Builtin(t))
	wantAsked(t, j, []string{"pytorch"}, []string{"speech-synthesis", "robotics", "computer-vision", "neural-networks"})
}

// TestNew_ManyKeywords: an ad of a field the taxonomy barely knows asks
// for more than 20 of its own terms, and each is an ask.
func TestNew_ManyKeywords(t *testing.T) {
	t.Parallel()
	names := []string{"Quorvex", "Talmira", "Brendix", "Ostrova", "Velquin", "Marrask", "Dunholt", "Pellavo", "Criswane", "Tobrel",
		"Halvorn", "Sennick", "Ulmara", "Whistrel", "Yarrowin", "Zephrin", "Ambrell", "Corvask", "Delmoor", "Esteban", "Fennoway", "Gorsett", "Iverholm", "Jastrow"}
	ad := "Controls Engineer\n\nRequirements:\n"
	for _, n := range names {
		ad += "- Experience with " + n + " controllers\n"
	}
	j := New("job.txt", fixture.Plain(t, "job.txt", ad), fixture.Builtin(t))
	if got := keywordTerms(j); len(got) < 22 {
		t.Errorf("%d keyword asks of %d terms: %q", len(got), len(names), got)
	}
}

// TestNew_AmbiguousNameByItsWork: "Kafka" alone needs technical words
// around it; publishing and consuming events are.
func TestNew_AmbiguousNameByItsWork(t *testing.T) {
	t.Parallel()
	ad := "Payments Engineer\n\nWhat you'll work on:\n- Publishing and consuming events on Kafka for settlement\n\nAbout us: our founder loves Kafka's novels.\n"
	j := New("job.txt", fixture.Plain(t, "job.txt", ad), fixture.Builtin(t))
	wantAsked(t, j, []string{"kafka"}, nil)
}

// TestNew_KeywordsTakeTheirNumber: a product's name takes its number
// ("Studio 5000"), a year never ("Ignition since 2023").
func TestNew_KeywordsTakeTheirNumber(t *testing.T) {
	t.Parallel()
	ad := "Controls Engineer\n\nRequirements:\n- PLC programs in Studio 5000\n- Fixes for the OWASP Top 10\n- Rollouts with Ignition since 2023\n"
	j := New("job.txt", fixture.Plain(t, "job.txt", ad), fixture.Builtin(t))
	wantKeywords(t, j, []string{"Studio 5000"}, []string{"Ignition 2023"})
	if got := keywordTerms(j); slices.ContainsFunc(got, func(k string) bool { return strings.Contains(k, "2023") }) {
		t.Errorf("a year ends a keyword: %q", got)
	}
}

// A unit after a number is no keyword, nor part of one ("30 FPS", "2 GB
// RAM"), while a name that ends in a number keeps it and a time of day
// is no number of a unit.
func TestNew_UnitsAreNoKeywords(t *testing.T) {
	t.Parallel()
	ad := "Perception Engineer\n\nRequirements:\n- Models that run at 30 FPS on the arm cameras\n" +
		"- Audio at 48 kHz on a 1-TOPS accelerator with 512 KB SRAM budget\n- PLC programs in Studio 5000\n" +
		"- Overlap with 11:00–15:00 US Eastern\n"
	j := New("job.txt", fixture.Plain(t, "job.txt", ad), fixture.Builtin(t))
	wantKeywords(t, j, []string{"Studio 5000"}, []string{"FPS", "kHz", "TOPS", "KB SRAM budget", "Eastern"})
	for _, c := range []struct {
		s, word string
		want    bool
	}{
		{"run at 30 FPS", "FPS", true}, {"a 1-TOPS NPU", "TOPS", true}, {"48 kHz audio", "kHz", true},
		{"4,000 SKU", "SKU", true}, {"F1 TV", "TV", false}, {"15:00 US", "US", false},
		{"Python 3, AWS", "AWS", false}, {"v2 API", "API", false}, {"30 frames", "frames", false},
	} {
		if got := unitAfterNumber(c.s, strings.Index(c.s, c.word), c.word); got != c.want {
			t.Errorf("unitAfterNumber(%q, %q) = %v, want %v", c.s, c.word, got, c.want)
		}
	}
}

// A cue inside parentheses that name skills of their own speaks of those
// skills only; a parenthesis with none speaks of what it follows.
func TestNew_CueInsideParentheses(t *testing.T) {
	t.Parallel()
	ad := "Hi Marcus,\n\nWhat I'm looking for: 4+ years in application security, hands-on experience fixing " +
		"OWASP issues in real code (TypeScript or Python ideally), and a good grasp of AWS IAM. Kafka (a plus) " +
		"and Terraform. Docker experience (nice to have).\n\nBest,\nDana\n"
	j := New("job.txt", fixture.Plain(t, "job.txt", ad), fixture.Builtin(t))
	for id, want := range map[string]Importance{"aws": Required, "identity-access-management": Required,
		"typescript": Preferred, "python": Preferred, "kafka": Preferred, "docker": Preferred} {
		if got, _ := j.Importance(id); got != want {
			t.Errorf("%s: %q, want %q", id, got, want)
		}
	}
}

// "Ideally" and "preferably" after a comma cue what follows them only;
// a paragraph that opens with "You should be comfortable" is the
// requirements of an ad written as prose.
func TestNew_IdeallyAfterAComma(t *testing.T) {
	t.Parallel()
	ad := "Machine Learning Engineer\n\nWe build early-warning software for hospital wards. You would spend half your time " +
		"building data pipelines from the feeds each trust sends us.\n\nYou should be comfortable writing production " +
		"Python and SQL, and you should have shipped machine learning models to production, ideally somewhere the cost of " +
		"a wrong answer was real. Experience with Kafka, ideally Confluent Cloud, matters too.\n\nOur stack is AWS and dbt.\n"
	j := New("job.txt", fixture.Plain(t, "job.txt", ad), fixture.Builtin(t))
	wantImportance(t, j, map[string]Importance{"python": Required, "sql": Required, "kafka": Required,
		"data-pipelines": Preferred, "aws": Preferred, "dbt": Preferred})
}

// A skill in parentheses after a count of people by their role tells who
// the team has, not what the job asks; after one role it names the role.
func TestNew_TeamCompositionAsksNothing(t *testing.T) {
	t.Parallel()
	ad := "Frontend Engineer\n\nThe team: 3 frontend engineers, 2 backend engineers (Go), 1 designer.\n\n" +
		"Requirements:\n- React and TypeScript\n- Work with our safety engineers (ISO 13849) on monitors\n" +
		"- Pair with the Platform Engineer (Kubernetes) on deploys\n"
	j := New("job.txt", fixture.Plain(t, "job.txt", ad), fixture.Builtin(t))
	if imp, ok := j.Importance("go"); ok {
		t.Errorf("go is asked (%s) though it is what two of the team write", imp)
	}
	wantImportance(t, j, map[string]Importance{"react": Required, "kubernetes": Required})
}

// A heading in sentence case right after a PDF page's footer heads its
// list as one after a blank line does.
func TestNew_HeadingAfterPageFooter(t *testing.T) {
	t.Parallel()
	ad := "Infrastructure Engineer\n\nThe Role\nYou will administer our cluster.\n• build monitoring with Prometheus\nPage 1 of 2\n" +
		"Essential criteria\n• Strong scripting in Python and Bash\n• Experience with Slurm\n\nDesirable criteria\n• Kubernetes experience\n"
	j := New("job.txt", fixture.Plain(t, "job.txt", ad), fixture.Builtin(t))
	wantImportance(t, j, map[string]Importance{"python": Required, "bash": Required, "slurm": Required, "kubernetes": Preferred})
	if !pageFooter().MatchString("Page 1 of 2") || !pageFooter().MatchString(" 2/3 ") || pageFooter().MatchString("Page one") {
		t.Error("pageFooter does not tell a page's footer")
	}
}

// requirementKinds returns the kinds of the job's requirements, in order.
func requirementKinds(j *Job) []string {
	var out []string
	for _, q := range j.Requirements() {
		out = append(out, string(q.Kind))
	}
	return out
}

// requirementLines returns the job's requirements as "kind: text".
func requirementLines(j *Job) []string {
	var out []string
	for _, q := range j.Requirements() {
		out = append(out, string(q.Kind)+": "+q.Text)
	}
	return out
}

// requirementTexts returns the texts of the job's requirements of a kind.
func requirementTexts(j *Job, kind taxonomy.RequirementKind) []string {
	var out []string
	for _, q := range j.Requirements() {
		if q.Kind == kind {
			out = append(out, q.Text)
		}
	}
	return out
}
