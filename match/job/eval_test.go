package job

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/tailor-cli/tailor/extract"
	"github.com/tailor-cli/tailor/match/internal/fixture"
	"github.com/tailor-cli/tailor/match/taxonomy"
	"github.com/tailor-cli/tailor/match/text"
)

// adLabels is the labels file of one job ad (testdata/jobs-eval/LABELLING.md).
type adLabels struct {
	Ad           string        `yaml:"ad"`
	Role         string        `yaml:"role"`
	Family       string        `yaml:"family"`
	Style        string        `yaml:"style"`
	Asks         []labelledAsk `yaml:"asks"`
	NotAsked     []labelledAsk `yaml:"not_asked"`
	Requirements []struct {
		Kind       string `yaml:"kind"`
		Text       string `yaml:"text"`
		Importance string `yaml:"importance"`
	} `yaml:"requirements"`
}

// labelledAsk is one ask (or one thing not asked) of a labels file.
type labelledAsk struct {
	Skill      string     `yaml:"skill"`
	Keyword    string     `yaml:"keyword"`
	Or         []string   `yaml:"or"`
	Importance Importance `yaml:"importance"`
	Why        string     `yaml:"why"`
}

// name is how the ask reads in the error list.
func (a labelledAsk) name() string {
	if a.Skill != "" {
		return a.Skill
	}
	return "“" + a.Keyword + "”"
}

// jobCounts tallies one evaluation of job reading.
type jobCounts struct {
	asks, found         int // labelled asks, and those tailor asks too
	predicted, correct  int // what tailor asks, and how much of it is labelled
	agree               int // found asks whose importance tailor reads alike
	traps, trapsFired   int // labelled non-asks, and those tailor asks
	skillAsks, skillHit int // the same recall, for taxonomy skills only
	reqs, reqFound      int // labelled requirements beyond skills, and those found
	reqPred, reqRight   int // requirements found, and those labelled
}

func (c jobCounts) recall() float64      { return ratio(c.found, c.asks) }
func (c jobCounts) precision() float64   { return ratio(c.correct, c.predicted) }
func (c jobCounts) agreement() float64   { return ratio(c.agree, c.found) }
func (c jobCounts) skillRecall() float64 { return ratio(c.skillHit, c.skillAsks) }

func (c *jobCounts) add(o jobCounts) {
	c.asks += o.asks
	c.found += o.found
	c.predicted += o.predicted
	c.correct += o.correct
	c.agree += o.agree
	c.traps += o.traps
	c.trapsFired += o.trapsFired
	c.skillAsks += o.skillAsks
	c.skillHit += o.skillHit
	c.reqs += o.reqs
	c.reqFound += o.reqFound
	c.reqPred += o.reqPred
	c.reqRight += o.reqRight
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

// prediction is one thing tailor reads as asked: a skill or a keyword.
type prediction struct {
	skill, keyword string
	importance     Importance
	evidence       string
}

func (p prediction) name() string {
	if p.skill != "" {
		return p.skill
	}
	return "“" + p.keyword + "”"
}

// predictions returns what tailor reads as the job's asks.
func predictions(j *Job) []prediction {
	var out []prediction
	for _, a := range j.Asks() {
		ev := ""
		if len(a.Evidence) > 0 {
			ev = a.Evidence[0].Text
		}
		out = append(out, prediction{skill: a.Skill.ID, importance: a.Importance, evidence: ev})
	}
	for _, k := range j.Keywords() {
		ev := ""
		if len(k.Evidence) > 0 {
			ev = k.Evidence[0].Text
		}
		out = append(out, prediction{keyword: k.Term, importance: k.Importance, evidence: ev})
	}
	return out
}

// member reports whether a prediction is one of the labelled ask's skills
// or keywords (its head or an alternative).
func member(p prediction, a labelledAsk, tax *taxonomy.Taxonomy) bool {
	for _, m := range append([]string{a.Skill, a.Keyword}, a.Or...) {
		if m == "" {
			continue
		}
		isSkill := tax.Skill(m) != nil
		switch {
		case p.skill != "" && isSkill:
			if p.skill == m {
				return true
			}
		case p.keyword != "" && !isSkill:
			if sameKeyword(p.keyword, m) {
				return true
			}
		case p.skill != "" && !isSkill:
			// A keyword label is met by a skill tailor found when the
			// keyword is one of the skill's terms, or holds one: labels
			// written before the taxonomy knew "React" name it as a
			// keyword.
			s := tax.Skill(p.skill)
			terms := slices.Concat([]string{s.Name}, s.Aliases, s.Exact, s.Ambiguous, s.Listed, s.ToolTerms())
			for _, term := range terms {
				if text.SameTerm(term, m) || containsTerm(m, term) {
					return true
				}
			}
		}
	}
	return false
}

// containsTerm reports whether the words of term appear in a row in kw.
func containsTerm(kw, term string) bool {
	k, t := text.Words(kw), text.Words(term)
	if len(t) == 0 || len(t) > len(k) {
		return false
	}
	for i := 0; i+len(t) <= len(k); i++ {
		if text.SameTerm(strings.Join(k[i:i+len(t)], " "), strings.Join(t, " ")) {
			return true
		}
	}
	return false
}

// sameKeyword reports whether a keyword tailor found is the labelled one,
// or holds it: its words, stemmed, in any case and with any separators
// ("ARM NEON intrinsics" for "ARM NEON").
func sameKeyword(got, want string) bool {
	return text.SameTerm(got, want) && len(text.Words(got)) >= len(text.Words(want))
}

// evaluateAd compares tailor's reading of one ad with its labels.
func evaluateAd(t *testing.T, dir string, l adLabels, tax *taxonomy.Taxonomy) (jobCounts, []string) {
	t.Helper()
	path := filepath.Join(dir, l.Ad)
	doc, err := extract.Read(path, extract.Options{})
	if err != nil {
		t.Errorf("%s: %v", l.Ad, err)
		return jobCounts{}, nil
	}
	j := New(path, doc, tax)
	preds := predictions(j)
	var c jobCounts
	var errs []string
	used := make([]bool, len(preds))
	for _, a := range l.Asks {
		c.asks++
		if a.Skill != "" {
			c.skillAsks++
		}
		got := Importance("")
		for i, p := range preds {
			if member(p, a, tax) {
				used[i] = true
				if got == "" || p.importance == Required {
					got = p.importance
				}
			}
		}
		if got == "" {
			errs = append(errs, fmt.Sprintf("missed    %-30s %s", a.name(), l.Ad))
			continue
		}
		c.found++
		if a.Skill != "" {
			c.skillHit++
		}
		if got == a.Importance {
			c.agree++
		} else {
			errs = append(errs, fmt.Sprintf("%-9s %-30s %s", string(got), a.name(), l.Ad))
		}
	}
	for _, n := range l.NotAsked {
		c.traps++
		for _, p := range preds {
			if member(p, n, tax) {
				c.trapsFired++
				errs = append(errs, fmt.Sprintf("TRAP      %-30s %s (%s)", p.name(), l.Ad, n.Why))
				break
			}
		}
	}
	// Requirements beyond skills: one is found when tailor states one of
	// its kind whose clause holds the labelled text or lies in it.
	// Both are compared in lower case, on one line, without the full stop
	// tailor trims off.
	norm := func(s string) string {
		return strings.TrimRight(strings.ToLower(strings.Join(strings.Fields(s), " ")), ".")
	}
	reqs := j.Requirements()
	right := make([]bool, len(reqs))
	for _, r := range l.Requirements {
		c.reqs++
		found := false
		for i, q := range reqs {
			if string(q.Kind) == r.Kind && (strings.Contains(norm(q.Text), norm(r.Text)) || strings.Contains(norm(r.Text), norm(q.Text))) {
				found, right[i] = true, true
			}
		}
		if found {
			c.reqFound++
		} else {
			errs = append(errs, fmt.Sprintf("req miss  %-30s %s: %.80q", r.Kind, l.Ad, r.Text))
		}
	}
	for i, q := range reqs {
		c.reqPred++
		if right[i] {
			c.reqRight++
		} else {
			errs = append(errs, fmt.Sprintf("req extra %-30s %s: %.80q", q.Kind, l.Ad, q.Text))
		}
	}
	for i, p := range preds {
		c.predicted++
		if used[i] {
			c.correct++
			continue
		}
		errs = append(errs, fmt.Sprintf("extra     %-30s %s: %.90q", p.name(), l.Ad, p.evidence))
	}
	return c, errs
}

// evaluateJobs reads every labelled ad in dir, logs a table and the
// errors, and returns the totals.
func evaluateJobs(t *testing.T, dir string) jobCounts {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*.yaml"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no labels in %s (%v)", dir, err)
	}
	tax := fixture.Builtin(t)
	var total jobCounts
	byFamily := map[string]*jobCounts{}
	var errs []string
	var b strings.Builder
	fmt.Fprintf(&b, "%-48s %6s %6s %6s %6s %6s\n", "ad", "asks", "recall", "prec", "agree", "traps")
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var l adLabels
		dec := yaml.NewDecoder(strings.NewReader(string(data)))
		dec.KnownFields(true)
		if err := dec.Decode(&l); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		for _, a := range append(slices.Clone(l.Asks), l.NotAsked...) {
			for _, m := range append([]string{a.Skill}, a.Or...) {
				if m != "" && a.Skill == m && tax.Skill(m) == nil {
					t.Errorf("%s: unknown skill %q", f, m)
				}
			}
		}
		c, e := evaluateAd(t, dir, l, tax)
		errs = append(errs, e...)
		total.add(c)
		if byFamily[l.Family] == nil {
			byFamily[l.Family] = &jobCounts{}
		}
		byFamily[l.Family].add(c)
		fmt.Fprintf(&b, "%-48s %6d %6.2f %6.2f %6.2f %3d/%-2d\n", l.Ad, c.asks, c.recall(), c.precision(), c.agreement(), c.trapsFired, c.traps)
	}
	fams := make([]string, 0, len(byFamily))
	for f := range byFamily {
		fams = append(fams, f)
	}
	sort.Strings(fams)
	fmt.Fprintf(&b, "\n%-12s %6s %9s %9s %9s %12s %9s %11s %9s\n", "", "asks", "recall", "precision", "agreement", "skill recall", "traps", "reqs found", "reqs prec")
	for _, f := range append(fams, "overall") {
		c := total
		if f != "overall" {
			c = *byFamily[f]
		}
		fmt.Fprintf(&b, "%-12s %6d %9.3f %9.3f %9.3f %12.3f %5d/%-3d %5d/%-4d %9.3f\n", f, c.asks, c.recall(), c.precision(), c.agreement(), c.skillRecall(), c.trapsFired, c.traps,
			c.reqFound, c.reqs, ratio(c.reqRight, c.reqPred))
	}
	sort.Strings(errs)
	if len(errs) > 0 {
		fmt.Fprintf(&b, "\nerrors (%d):\n  %s\n", len(errs), strings.Join(errs, "\n  "))
	}
	t.Log("\n" + b.String())
	return total
}

// Job-reading thresholds on the tuned set (testdata/jobs-eval/tuned): the
// goals of issue 12 for recall and precision (0.95 each; tailor reads
// 0.951 and 0.956), and a little under what tailor reaches for agreement
// (the goal is 0.90), so that no change makes it worse.
const (
	minJobRecall    = 0.95
	minJobPrecision = 0.95
	minJobAgreement = 0.95
)

// TestEvalJobs measures how tailor reads the labelled job ads it is tuned
// on: recall of their asks (skills and keywords, an either/or group
// counting once), precision of what it reads as asked, and agreement on
// required versus preferred. It fails below the thresholds. Run it with
// make eval-jobs to see the table and every error.
func TestEvalJobs(t *testing.T) {
	t.Parallel()
	c := evaluateJobs(t, "../../testdata/jobs-eval/tuned")
	t.Logf("tuned: recall %.3f, precision %.3f, agreement %.3f, %d of %d traps fired", c.recall(), c.precision(), c.agreement(), c.trapsFired, c.traps)
	if c.recall() < minJobRecall || c.precision() < minJobPrecision || c.agreement() < minJobAgreement {
		t.Errorf("recall %.3f, precision %.3f, agreement %.3f: want at least %.2f, %.2f and %.2f",
			c.recall(), c.precision(), c.agreement(), minJobRecall, minJobPrecision, minJobAgreement)
	}
}

// TestEvalJobsFresh measures the held-out sets, each written from the
// labelling rules alone by someone who never saw the code:
// testdata/jobs-eval/fresh (2026-11-29, 22 ads; measured twice, so partly
// seen), fresh3 (2026-11-30, 22 ads; first measured on the closing
// commit of that day), fresh4 (2026-11-30, 22 ads; first measured after
// the phrase layer), fresh5 (2026-11-30, 22 ads; first measured on f1ff892)
// fresh6 (2026-11-30, 20 ads; first measured on 0028c3c), fresh7
// (2026-11-30, 20 ads; first measured on ee59051), fresh8 (2026-11-30,
// 20 ads; first measured on d9d0811), fresh9 (2026-12-01, 20 ads; first
// measured on 69328df), fresh10 (2026-12-01, 20 ads; first measured on
// 8ad129f), fresh11 (2026-12-01, 20 ads, 11 of them outside ML; first
// measured on e10f460), fresh12 (2026-12-01, 20 ads, 12 of them outside
// ML; first measured on 4799064), fresh13 (2026-12-01, 20 ads, 10 of
// them outside ML; first measured on a00f4d6), fresh14 (2026-12-01, 20
// ads, 10 of them outside ML; first measured on 04bc571), fresh15
// (2026-12-01, 20 ads, 10 of them outside ML; first measured on 4efef90)
// fresh16 (2026-12-01, 20 ads, 11 of them outside ML; first measured on
// 5ae3f30), fresh17 (2026-12-01, 20 ads, 11 of them outside ML; first
// measured on 565fe4b), fresh18 (2026-12-01, 20 ads, 11 of them outside
// ML; first measured on 0efe6ea), fresh19 (2026-12-02, 20 ads, 11 of
// them outside ML; first measured on e2df1c6), fresh20 (2026-12-02, 20
// ads, 11 of them outside ML; first measured on 7a12213), fresh21
// (2026-12-02, 20 ads, 11 of them outside ML; first measured on 7057b8d)
// fresh22 (2026-12-02, 20 ads, 11 of them outside ML; first measured on
// ab2753c), fresh23 (2026-12-02, 20 ads, 11 of them outside ML; first
// measured on 3262a61), fresh24 (2026-12-02, 20 ads, 11 of them outside
// ML; first measured on 6b279e1), fresh25 (2026-12-02, 20 ads, 11 of
// them outside ML; first measured on 72f5b60), fresh26 (2026-12-02, 20
// ads, 11 of them outside ML; first measured on 6135a1f), fresh27
// (2026-12-02, 20 ads, 11 of them outside ML; first measured on fa2a047)
// fresh28 (2026-12-02, 20 ads, 11 of them outside ML; first measured on
// 20a379c), fresh29 (2026-12-02, 20 ads, 11 of them outside ML; first
// measured on f248c5e), fresh30 (2026-12-02, 20 ads, 11 of them outside
// ML; first measured on 42a3ad3), fresh31 (2026-12-02, 20 ads, 11 of
// them outside ML; first measured on 97754ed), fresh32 (2026-12-02, 20
// ads, 11 of them outside ML; first measured on 812f13b), fresh33
// (2026-12-02, 20 ads, 11 of them outside ML; first measured on 9a72213)
// fresh34 (2026-12-03, 20 ads, 11 of them outside ML; first measured on
// 02e817c), fresh35 (2026-12-03, 20 ads, 11 of them outside ML; first
// measured on ff357cc), fresh36 (2026-12-03, 20 ads, 11 of them outside
// ML; first measured on db07bb2), fresh37 (2026-12-03, 20 ads, 11 of
// them outside ML; first measured on a4d6e91), fresh38 (2026-12-03, 20
// ads, 11 of them outside ML; first measured on 8c17b77) and fresh39
// (2026-12-03, 20 ads, 11 of them outside ML; first measured on dfb9754).
// It gates nothing and runs only when
// TAILOR_EVAL_FRESH=1, so that nobody tunes on it by looking; the first
// figures of each set are the honest estimate.
func TestEvalJobsFresh(t *testing.T) {
	if os.Getenv("TAILOR_EVAL_FRESH") != "1" {
		t.Skip("the held-out job ads are measured on purpose only: TAILOR_EVAL_FRESH=1 make eval-jobs")
	}
	for _, set := range []string{"fresh", "fresh3", "fresh4", "fresh5", "fresh6", "fresh7", "fresh8", "fresh9", "fresh10", "fresh11", "fresh12", "fresh13", "fresh14", "fresh15", "fresh16", "fresh17", "fresh18", "fresh19", "fresh20", "fresh21", "fresh22", "fresh23", "fresh24", "fresh25", "fresh26", "fresh27", "fresh28", "fresh29", "fresh30", "fresh31", "fresh32", "fresh33", "fresh34", "fresh35", "fresh36", "fresh37", "fresh38", "fresh39"} {
		c := evaluateJobs(t, "../../testdata/jobs-eval/"+set)
		t.Logf("%s: recall %.3f, precision %.3f, agreement %.3f, %d of %d traps fired", set, c.recall(), c.precision(), c.agreement(), c.trapsFired, c.traps)
	}
}
