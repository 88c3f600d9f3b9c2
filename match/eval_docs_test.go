package match

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/tailor-cli/tailor/extract"
	"github.com/tailor-cli/tailor/match/analysis"
	"github.com/tailor-cli/tailor/match/internal/fixture"
	"github.com/tailor-cli/tailor/match/job"
)

// docLabels is the labels file of one whole document in testdata/eval/docs.
type docLabels struct {
	Doc    string   `yaml:"doc"`
	Kind   string   `yaml:"kind"`
	Writer string   `yaml:"writer"`
	Skills []string `yaml:"skills"`
	Decoys []string `yaml:"decoys"`
	Notes  []string `yaml:"notes"`
}

// TestEvalDocs measures skill finding on whole documents as tailor reads
// them in a check: testdata/eval/docs holds 10 resumes by different kinds
// of writer (terse, narrative, non-native, academic, career changer,
// manager, embedded, analyst, frontend, data engineer) and 3 job ads,
// written on 2026-11-30 by a helper who read only the labelling rules
// (testdata/eval/docs/LABELLING.md) and the taxonomy's names, never the
// code, and never ran the tool. A resume shows what a check counts as
// shown (negated and hoped-for mentions removed); an ad shows what it asks.
// Resumes written as HTML are read as the PDF Chromium printed from them.
// Its first measurement (precision 0.935, recall 0.958, 21 of 60 decoys) is
// the honest figure (README); its errors then guided fixes to classes
// (cues, names, tools), so today's figures (the floors) are partly tuned.
func TestEvalDocs(t *testing.T) {
	p, r, decoys := evaluateDocs(t, "../testdata/eval/docs")
	t.Logf("docs: precision %.3f, recall %.3f, %d decoys fired", p, r, decoys)
	floor(t, p, r, decoys, docsFloorP, docsFloorR, docsMaxDecoys)
}

// The floors of TestEvalDocs: its figures when they were last raised.
const (
	docsFloorP    = 0.988
	docsFloorR    = 0.964
	docsMaxDecoys = 3
)

// evaluateDocs runs a check's skill finding over each labelled document in
// dir, logs the errors, and returns overall precision, recall and the
// decoys found.
func evaluateDocs(t *testing.T, dir string) (precision, recall float64, decoys int) {
	t.Helper()
	labels, err := filepath.Glob(filepath.Join(dir, "*.yaml"))
	if err != nil || len(labels) == 0 {
		t.Fatalf("no labels in %s: %v", dir, err)
	}
	tax := fixture.Builtin(t)
	total := counts{}
	var errs []string
	for _, path := range labels {
		raw, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		var l docLabels
		dec := yaml.NewDecoder(strings.NewReader(string(raw)))
		dec.KnownFields(true)
		if err := dec.Decode(&l); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		for _, id := range append(append([]string{}, l.Skills...), l.Decoys...) {
			if tax.Skill(id) == nil {
				t.Errorf("%s: unknown skill %q", path, id)
			}
		}
		file := filepath.Join(dir, l.Doc)
		if strings.HasSuffix(file, ".html") && l.Kind == "resume" {
			file = strings.TrimSuffix(file, ".html") + ".pdf"
		}
		doc, err := extract.Read(file, extract.Options{})
		if err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		got := map[string]bool{}
		switch l.Kind {
		case "resume":
			a := analysis.New(doc, tax, analysis.Options{ListSection: isSkillsSection})
			for _, h := range claimed(a, tax.Rules()) {
				got[h.Skill.ID] = true
			}
		case "job":
			for _, id := range job.New(file, doc, tax).Skills() {
				got[id] = true
			}
		default:
			t.Fatalf("%s: kind %q", path, l.Kind)
		}
		j := judge(got, l.Skills, l.Decoys, nil)
		total.tp += len(j.found)
		total.fn += len(j.missed)
		total.fp += len(j.extra) + len(j.decoys)
		decoys += len(j.decoys)
		errs = append(errs, j.errors(filepath.Base(l.Doc))...)
	}
	sort.Strings(errs)
	t.Logf("%d documents: TP %d, FP %d, FN %d\nerrors (%d):\n  %s", len(labels), total.tp, total.fp, total.fn,
		len(errs), strings.Join(errs, "\n  "))
	return total.precision(), total.recall(), decoys
}
