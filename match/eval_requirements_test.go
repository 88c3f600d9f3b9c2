package match

import (
	"fmt"
	"os"
	"sort"
	"strings"
	"testing"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/tailor-cli/tailor/extract"
	"github.com/tailor-cli/tailor/match/internal/fixture"
	"github.com/tailor-cli/tailor/match/job"
)

// requirementCase is one labelled job and resume of
// testdata/eval/requirements*.yaml.
type requirementCase struct {
	Name   string `yaml:"name"`
	Job    string `yaml:"job"`
	Resume string `yaml:"resume"`
	Expect []struct {
		Kind   string            `yaml:"kind"`
		Status RequirementStatus `yaml:"status"`
	} `yaml:"expect"`
}

// minRequirementAgreement is the share of labelled statuses the tuned set
// must get right.
const minRequirementAgreement = 0.9

// evalNow is the present of the requirement evaluation sets.
var evalNow = time.Date(2026, time.November, 30, 12, 0, 0, 0, time.UTC)

// readDoc reads a case's text as Markdown when it has a Markdown heading,
// otherwise as plain text (a PDF's text, pasted).
func readDoc(t *testing.T, name, text string) *extract.Document {
	if strings.HasPrefix(strings.TrimSpace(text), "#") {
		return fixture.Markdown(t, name+".md", text)
	}
	return fixture.Plain(t, name+".txt", text)
}

// evaluateRequirements compares the statuses tailor gives with the
// labels of the file at path and returns how many agree of how many, per
// kind, logging every disagreement and every label with no requirement
// found.
func evaluateRequirements(t *testing.T, path string) (agree, total int) {
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var f struct {
		Cases []requirementCase `yaml:"cases"`
	}
	if err := yaml.Unmarshal(raw, &f); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	if len(f.Cases) == 0 {
		t.Fatalf("%s: no cases", path)
	}
	tax := fixture.Builtin(t)
	type tally struct{ agree, total, notFound int }
	byKind := map[string]*tally{}
	for _, c := range f.Cases {
		jd := job.New(c.Name+"-job", readDoc(t, c.Name+"-job", c.Job), tax)
		r := CompareAt(jd, readDoc(t, c.Name, c.Resume), evalNow)
		got := map[string]Requirement{}
		for _, q := range r.Requirements {
			if _, seen := got[q.Kind]; !seen {
				got[q.Kind] = q
			}
		}
		for _, e := range c.Expect {
			k := byKind[e.Kind]
			if k == nil {
				k = &tally{}
				byKind[e.Kind] = k
			}
			k.total++
			total++
			q, ok := got[e.Kind]
			switch {
			case !ok:
				k.notFound++
				t.Logf("%s: %s: not found in the job (want %s)", c.Name, e.Kind, e.Status)
			case q.Status == e.Status:
				k.agree++
				agree++
			default:
				t.Logf("%s: %s: %s, want %s (%s)", c.Name, e.Kind, q.Status, e.Status, q.Note)
			}
		}
	}
	kinds := make([]string, 0, len(byKind))
	for k := range byKind {
		kinds = append(kinds, k)
	}
	sort.Strings(kinds)
	var sb strings.Builder
	fmt.Fprintf(&sb, "%s: %d cases\n%-8s %6s %6s %9s %9s\n", path, len(f.Cases), "kind", "labels", "right", "not found", "agreement")
	for _, k := range kinds {
		v := byKind[k]
		fmt.Fprintf(&sb, "%-8s %6d %6d %9d %9.3f\n", k, v.total, v.agree, v.notFound, ratio(v.agree, v.total))
	}
	fmt.Fprintf(&sb, "%-8s %6d %6d %9s %9.3f", "overall", total, agree, "", ratio(agree, total))
	t.Log("\n" + sb.String())
	return agree, total
}

// TestEvalRequirements measures the statuses of requirements beyond skills
// (title, years, degree) on the tuned set, and fails below the floor.
func TestEvalRequirements(t *testing.T) {
	t.Parallel()
	agree, total := evaluateRequirements(t, "../testdata/eval/requirements.yaml")
	if a := ratio(agree, total); a < minRequirementAgreement {
		t.Errorf("requirement statuses: %d of %d right (%.3f), below %.2f", agree, total, a, minRequirementAgreement)
	}
}

// TestEvalRequirementsFresh measures the set a helper wrote from the rules
// alone, never tuned against: the honest figure. It only reports; run it
// with TAILOR_EVAL_FRESH=1 make eval-jobs.
func TestEvalRequirementsFresh(t *testing.T) {
	if os.Getenv("TAILOR_EVAL_FRESH") == "" {
		t.Skip("the fresh set is measured on demand: TAILOR_EVAL_FRESH=1")
	}
	agree, total := evaluateRequirements(t, "../testdata/eval/requirements-fresh.yaml")
	t.Logf("fresh: %d of %d statuses right (%.3f)", agree, total, ratio(agree, total))
}
