package screen

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/tailor-cli/tailor/extract"
	"github.com/tailor-cli/tailor/match"
	"github.com/tailor-cli/tailor/match/job"
	"github.com/tailor-cli/tailor/match/taxonomy"
	"github.com/tailor-cli/tailor/match/text"
	"github.com/tailor-cli/tailor/report"
)

// TestMain lets the test binary act as a worker for the pool tests: a fake
// one whose behaviour the file name chooses. A configuration of the form
// {"start_delay": "4s"} makes its start-up take that long.
func TestMain(m *testing.M) {
	if os.Getenv("SCREEN_TEST_WORKER") == "1" {
		err := Serve(os.Stdin, os.Stdout, func(config []byte) (func(string) match.Row, error) {
			var cfg struct {
				StartDelay string `json:"start_delay"`
			}
			if json.Unmarshal(config, &cfg) == nil && cfg.StartDelay != "" {
				d, err := time.ParseDuration(cfg.StartDelay)
				if err != nil {
					return nil, err
				}
				time.Sleep(d)
			}
			return func(path string) match.Row {
				switch {
				case strings.Contains(path, "slow"):
					//lint:ignore SA5002 a file that never finishes, spinning like a looping PDF, is what this simulates
					for {
					}
				case strings.Contains(path, "crash"):
					fmt.Fprintln(os.Stderr, "fatal: simulated crash")
					os.Exit(3)
				}
				score := float64(len(filepath.Base(path)))
				return match.Row{File: path, Status: match.RowOK, ContentHash: "h-" + filepath.Base(path), Report: &match.Report{Score: score}}
			}, nil
		})
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// runPool runs p over inputs and returns the rows, in the order they came;
// it fails the test unless every input has exactly one row.
func runPool(t *testing.T, p *Pool, inputs []Input) []match.Row {
	t.Helper()
	var rows []match.Row
	err := p.Run(context.Background(), inputs, func(raw []byte) error {
		var r match.Row
		if err := json.Unmarshal(rowOf(raw), &r); err != nil {
			return err
		}
		rows = append(rows, r)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, r := range rows {
		seen[r.File] = true
	}
	if len(rows) != len(inputs) || len(seen) != len(inputs) {
		t.Fatalf("%d rows for %d inputs: %+v", len(rows), len(inputs), rows)
	}
	return rows
}

// rowOf returns the row of a line as Run emits it: the JSON after the
// ranking head.
func rowOf(line []byte) []byte {
	_, row, _ := bytes.Cut(line, []byte("\t"))
	return row
}

func testWorker() *exec.Cmd {
	cmd := exec.Command(os.Args[0])
	cmd.Env = append(os.Environ(), "SCREEN_TEST_WORKER=1")
	return cmd
}

// TestPool_TimeoutAndCrash: a file that never finishes is given up after
// Timeout, a crashing worker costs only its file, and every input has a
// row. The other files take microseconds, so the 2s budget is far from
// them even on a busy machine.
func TestPool_TimeoutAndCrash(t *testing.T) {
	t.Parallel()
	inputs := []Input{
		{Path: "a.pdf", Status: match.RowOK}, {Path: "slow.pdf", Status: match.RowOK}, {Path: "bbb.pdf", Status: match.RowOK},
		{Path: "crash.pdf", Status: match.RowOK}, {Path: "cc.pdf", Status: match.RowOK}, {Path: "x.png", Status: match.RowSkipped, Reason: "not a resume"},
	}
	p := &Pool{Command: testWorker, Config: map[string]string{}, Workers: 2, Timeout: 2 * time.Second}
	start := time.Now()
	rows := map[string]match.Row{}
	for _, r := range runPool(t, p, inputs) {
		rows[r.File] = r
	}
	for _, ok := range []string{"a.pdf", "bbb.pdf", "cc.pdf"} {
		if rows[ok].Status != match.RowOK {
			t.Errorf("%s: %+v", ok, rows[ok])
		}
	}
	if r := rows["slow.pdf"]; r.Status != match.RowError || !strings.Contains(r.Error, "gave up after 2s") {
		t.Errorf("slow file: %+v", r)
	}
	if r := rows["crash.pdf"]; r.Status != match.RowError || !strings.Contains(r.Error, "simulated crash") {
		t.Errorf("crashing file: %+v", r)
	}
	if r := rows["x.png"]; r.Status != match.RowSkipped {
		t.Errorf("skipped file: %+v", r)
	}
	if d := time.Since(start); d > 2*time.Minute { // a guard against a hang, not a speed check
		t.Errorf("took %s", d)
	}
}

// TestPool_StartUpNotCharged: a worker's start-up is not charged to the
// first file's timeout. The fake worker takes 4s to get ready, twice the
// timeout; its files take microseconds once it is ready, so each is read.
func TestPool_StartUpNotCharged(t *testing.T) {
	t.Parallel()
	inputs := []Input{{Path: "a.pdf", Status: match.RowOK}, {Path: "bb.pdf", Status: match.RowOK}, {Path: "ccc.pdf", Status: match.RowOK}}
	p := &Pool{Command: testWorker, Config: map[string]string{"start_delay": "4s"}, Workers: 2, Timeout: 2 * time.Second}
	rows := runPool(t, p, inputs)
	for _, r := range rows {
		if r.Status != match.RowOK {
			t.Errorf("%s: %s %s", r.File, r.Status, r.Error)
		}
	}
}

// TestPool_WorkerFailsToStart: a worker that cannot set itself up costs
// each file a row that says why, and the run still ends.
func TestPool_WorkerFailsToStart(t *testing.T) {
	t.Parallel()
	inputs := []Input{{Path: "a.pdf", Status: match.RowOK}, {Path: "bb.pdf", Status: match.RowOK}}
	p := &Pool{Command: testWorker, Config: map[string]string{"start_delay": "soon"}, Workers: 1, Timeout: time.Minute}
	rows := runPool(t, p, inputs)
	for _, r := range rows {
		if r.Status != match.RowError || !strings.Contains(r.Error, "the worker stopped while starting") || !strings.Contains(r.Error, `invalid duration "soon"`) {
			t.Errorf("%s: %s %q", r.File, r.Status, r.Error)
		}
	}
}

// TestPool_KillsStuckWorker checks that a file given up on stops using the
// CPU: its worker process is gone once Run returns.
func TestPool_KillsStuckWorker(t *testing.T) {
	t.Parallel()
	var started []*exec.Cmd
	p := &Pool{Command: func() *exec.Cmd { c := testWorker(); started = append(started, c); return c },
		Config: 1, Workers: 1, Timeout: 500 * time.Millisecond}
	if err := p.Run(context.Background(), []Input{{Path: "slow.pdf", Status: match.RowOK}}, func([]byte) error { return nil }); err != nil {
		t.Fatal(err)
	}
	if len(started) != 1 {
		t.Fatalf("%d workers started", len(started))
	}
	if st := started[0].ProcessState; st == nil || !st.Exited() && st.String() != "signal: killed" {
		t.Errorf("worker still running: %v", st)
	}
}

func TestCollect(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	for _, f := range []string{"a.pdf", "b.txt", "sub/c.md", "sub/d.png", ".hidden/e.pdf", "f.PDF"} {
		p := filepath.Join(dir, f)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Symlink(filepath.Join(dir, "gone.pdf"), filepath.Join(dir, "link.pdf")); err != nil {
		t.Fatal(err)
	}
	list := strings.NewReader(filepath.Join(dir, "a.pdf") + "\n\n" + filepath.Join(dir, "missing.pdf") + "\n")
	got, err := Collect([]string{dir, filepath.Join(dir, "*.txt"), "-", filepath.Join(dir, "none-*.pdf")}, list, extract.Supported)
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, in := range got {
		lines = append(lines, strings.TrimPrefix(in.Path, dir+"/")+"="+string(in.Status))
	}
	want := []string{"a.pdf=ok", "b.txt=ok", "f.PDF=ok", "link.pdf=error", "missing.pdf=error", "none-*.pdf=error", "sub/c.md=ok", "sub/d.png=skipped"}
	if !slices.Equal(lines, want) {
		t.Errorf("Collect:\n got %q\nwant %q", lines, want)
	}
}

func TestShard_Partition(t *testing.T) {
	t.Parallel()
	var inputs []Input
	for i := range 23 {
		inputs = append(inputs, Input{Path: fmt.Sprintf("f%02d", i)})
	}
	seen := map[string]int{}
	for k := 1; k <= 4; k++ {
		for _, in := range (Shard{k, 4}).Select(inputs) {
			seen[in.Path]++
		}
	}
	for _, in := range inputs {
		if seen[in.Path] != 1 {
			t.Errorf("%s is in %d shards", in.Path, seen[in.Path])
		}
	}
	for _, bad := range []string{"0/4", "5/4", "1/0", "x", "1/2/3", "-1/2"} {
		if _, err := ParseShard(bad); err == nil {
			t.Errorf("ParseShard(%q) accepted", bad)
		}
	}
}

func TestResults_Rank(t *testing.T) {
	t.Parallel()
	res, err := NewResults(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer res.Close()
	testResultsRank(t, res)
}

// TestMemoryResults_Rank ranks as TestResults_Rank, with the rows kept in
// memory (the web page's shortlist).
func TestMemoryResults_Rank(t *testing.T) {
	t.Parallel()
	res := NewMemoryResults()
	defer res.Close()
	testResultsRank(t, res)
}

func testResultsRank(t *testing.T, res *Results) {
	add := func(r match.Row) {
		raw, _ := json.Marshal(r)
		if err := res.Add(raw); err != nil {
			t.Fatal(err)
		}
	}
	add(match.Row{File: "c.pdf", Status: match.RowOK, ContentHash: "x", Report: &match.Report{Score: 50}})
	add(match.Row{File: "broken.pdf", Status: match.RowError, Error: "damaged"})
	add(match.Row{File: "a.pdf", Status: match.RowOK, ContentHash: "x", Report: &match.Report{Score: 50}})
	add(match.Row{File: "b.pdf", Status: match.RowOK, ContentHash: "y", Report: &match.Report{Score: 90}})
	add(match.Row{File: "d.pdf", Status: match.RowOK, ContentHash: "z", Report: &match.Report{Score: 10}})
	add(match.Row{File: "e.png", Status: match.RowSkipped})
	// Ties of score: more points on required asks first, then more of the
	// resume's sentences as evidence, then file.
	tie := func(file string, required float64, evidence int) *match.Report {
		r := &match.Report{Score: 70}
		r.Breakdown.Required.Earned = required
		r.Skills = []match.SkillResult{{ResumeEvidence: make([]match.Evidence, evidence)}}
		return r
	}
	add(match.Row{File: "f.pdf", Status: match.RowOK, ContentHash: "f", Report: tie("f.pdf", 6, 1)})
	add(match.Row{File: "g.pdf", Status: match.RowOK, ContentHash: "g", Report: tie("g.pdf", 9, 1)})
	add(match.Row{File: "h.pdf", Status: match.RowOK, ContentHash: "h", Report: tie("h.pdf", 6, 3)})
	order := func(opts RankOptions) ([]string, match.Summary) {
		sum := res.Rank(opts)
		var out []string
		err := res.Each(func(r match.Row) error {
			out = append(out, fmt.Sprintf("%d:%s:%s", r.Rank, r.File, r.DuplicateOf))
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		return out, sum
	}
	got, sum := order(RankOptions{})
	want := []string{"1:b.pdf:", "2:g.pdf:", "3:h.pdf:", "4:f.pdf:", "5:a.pdf:", "6:c.pdf:a.pdf", "7:d.pdf:", "0:broken.pdf:", "0:e.png:"}
	if !slices.Equal(got, want) {
		t.Errorf("ranking:\n got %q\nwant %q", got, want)
	}
	if sum != (match.Summary{Ranked: 7, Failed: 1, Skipped: 1, Total: 9, Duplicates: 1}) {
		t.Errorf("summary %+v", sum)
	}
	got, _ = order(RankOptions{Top: 2, MinScore: 0})
	if want := []string{"1:b.pdf:", "2:g.pdf:", "0:broken.pdf:", "0:e.png:"}; !slices.Equal(got, want) {
		t.Errorf("--top 2: %q", got)
	}
	got, _ = order(RankOptions{MinScore: 60})
	if want := []string{"1:b.pdf:", "2:g.pdf:", "3:h.pdf:", "4:f.pdf:", "0:broken.pdf:", "0:e.png:"}; !slices.Equal(got, want) {
		t.Errorf("--min-score 60: %q", got)
	}
}

func TestAnonymizer_Scrub(t *testing.T) {
	t.Parallel()
	cv := "Zoë Dvořák-Ångström\nzoe@example.com · +46 70 555 01 37 · github.com/zda · 12 Harbour Road\n\nExperience\n• Published with Z. Dvořák-Ångström and Alan Turing; mail zoe@example.com or call (312) 555-0123."
	doc, err := extract.ReadText("cv.txt", []byte(cv), extract.FormatText)
	if err != nil {
		t.Fatal(err)
	}
	row := match.Row{File: "/home/zoe/cv.txt", Status: match.RowOK, Report: &match.Report{Resume: "/home/zoe/cv.txt",
		Skills:   []match.SkillResult{{ResumeEvidence: []match.Evidence{{Text: doc.Text[strings.Index(doc.Text, "Published"):], Term: "Published"}}}},
		Warnings: []match.Warning{{Message: "see /home/zoe/cv.txt"}}}}
	Anonymizer{Names: text.PersonNames}.Scrub(&row, doc, "/home/zoe/cv.txt", "cand-1")
	out, _ := json.Marshal(row)
	for _, secret := range []string{"Zoë", "Dvořák", "Ångström", "zoe@example.com", "555", "github.com", "Harbour", "Alan Turing", "/home/zoe"} {
		if strings.Contains(string(out), secret) {
			t.Errorf("scrubbed row still holds %q: %s", secret, out)
		}
	}
	e := row.Report.Skills[0].ResumeEvidence[0]
	if e.Text[e.TermStart:e.TermEnd] != "Published" {
		t.Errorf("term offsets not updated: %+v", e)
	}
	if row.File != "cand-1" || row.Report.Resume != "cand-1" {
		t.Errorf("file %q, resume %q", row.File, row.Report.Resume)
	}
}

// TestAnonymizer_ClosestWorkAndAdvice: the resume's sentence that advice
// points at (suggestion.closest) and quotes is scrubbed of people's names,
// everywhere they appear; the job's own terms in the advice are kept.
func TestAnonymizer_ClosestWorkAndAdvice(t *testing.T) {
	t.Parallel()
	tax, err := taxonomy.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	jobDoc, err := extract.ReadText("job.md", []byte("# ML Engineer\n\n## Requirements\n- Machine learning\n- PyTorch\n- Keep GPU utilisation high with CUDA\n"), extract.FormatMarkdown)
	if err != nil {
		t.Fatal(err)
	}
	cv := "Jo Bloggs\njo@example.com\n\nExperience\n- Trained Keras CNN classifiers with Alan Turing on warehouse photos (transfer learning from MobileNetV2), cutting errors by 30%.\n"
	doc, err := extract.ReadText("cv.txt", []byte(cv), extract.FormatText)
	if err != nil {
		t.Fatal(err)
	}
	rep := match.Compare(job.New("job.md", jobDoc, tax), doc)
	closest := false
	for _, s := range rep.Skills {
		closest = closest || s.Suggestion != nil && s.Suggestion.Closest != nil && strings.Contains(s.Suggestion.Closest.Text, "Alan Turing")
	}
	if !closest {
		t.Fatalf("the test needs the Keras bullet as closest work: %+v", rep.Skills)
	}
	row := match.Row{File: "cv.txt", Status: match.RowOK, Report: rep}
	Anonymizer{Names: text.PersonNames}.Scrub(&row, doc, "cv.txt", "cand-1")
	out, _ := json.Marshal(row)
	for _, secret := range []string{"Alan", "Turing", "Bloggs", "jo@example.com"} {
		if strings.Contains(string(out), secret) {
			t.Errorf("scrubbed row still holds %q", secret)
		}
	}
	for _, kept := range []string{"GPU utilisation", "Keras CNN classifiers", "PyTorch"} {
		if !strings.Contains(string(out), kept) {
			t.Errorf("scrubbing lost the job's or the work's words %q", kept)
		}
	}
}

// TestResults_HeadAsRow: a row added as a worker sends it (its ranking
// head before it), whole or as its summary alone, ranks exactly as the
// same row added as plain JSON, and gives the same CSV.
func TestResults_HeadAsRow(t *testing.T) {
	t.Parallel()
	ev := []match.Evidence{{Text: "Built <things> & more"}}
	rows := []match.Row{
		{File: "a <1>.pdf", Status: match.RowOK, ContentHash: "h1", Report: &match.Report{Score: 71.5, ExperienceYears: 6.5,
			HighestDegree: "master", Breakdown: match.Breakdown{Required: match.Tally{Earned: 40}},
			Skills: []match.SkillResult{{ID: "go", ResumeEvidence: ev}, {ID: "sql", ResumeEvidence: append(ev, ev...)},
				{ID: "rust", Name: "Rust", Importance: match.Required, Status: match.Missing}},
			Warnings:     []match.Warning{{Code: "few-dates", Message: "few dates"}},
			Requirements: []match.Requirement{{Kind: "years", Text: "5+ years", Importance: match.Required, Status: match.RequirementUnmet}}}},
		{File: "b.pdf", Status: match.RowOK, ContentHash: "h1", Report: &match.Report{Score: 71.5}},
		{File: "c.pdf", Status: match.RowError, Error: "c.pdf: damaged"},
		{File: "d.png", Status: match.RowSkipped, Error: "d.png: not a resume"},
	}
	plain, headed, summed := NewMemoryResults(), NewMemoryResults(), NewMemoryResults()
	for _, row := range rows {
		raw, err := json.Marshal(row)
		if err != nil {
			t.Fatal(err)
		}
		if err := plain.Add(raw); err != nil {
			t.Fatal(err)
		}
		line, err := AppendRow(nil, row)
		if err != nil {
			t.Fatal(err)
		}
		if err := headed.Add(line); err != nil {
			t.Fatal(err)
		}
		if line, err = appendRow(nil, row, true); err != nil {
			t.Fatal(err)
		}
		if err := summed.Add(line); err != nil {
			t.Fatal(err)
		}
	}
	for i := range plain.entries {
		p, h, s := plain.entries[i], headed.entries[i], summed.entries[i]
		p.off, p.n, h.off, h.n, s.off, s.n = 0, 0, 0, 0, 0, 0
		if h.sumN == 0 && h.status == match.RowOK {
			t.Errorf("row %d: no summary", i)
		}
		h.sumOff, h.sumN = 0, 0
		if !reflect.DeepEqual(p, h) {
			t.Errorf("row %d: plain %+v, headed %+v", i, p, h)
		}
		if !reflect.DeepEqual(p, s) {
			t.Errorf("row %d: plain %+v, sent as its summary %+v", i, p, s)
		}
	}
	if plain.Rank(RankOptions{}) != headed.Rank(RankOptions{}) || plain.Rank(RankOptions{}) != summed.Rank(RankOptions{}) {
		t.Error("the summaries differ")
	}
	var got []match.Row
	if err := headed.Each(func(r match.Row) error { got = append(got, r); return nil }); err != nil {
		t.Fatal(err)
	}
	if len(got) != len(rows) || got[0].File != "a <1>.pdf" || got[1].DuplicateOf != "a <1>.pdf" || got[0].Report.Skills[1].ResumeEvidence[1].Text != ev[0].Text {
		t.Errorf("rows read back: %+v", got)
	}
	// The summaries a CSV is written from hold all it shows.
	w, err := report.NewBatch("csv", report.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !report.SummariesOnly(w) {
		t.Error("CSV is not marked as reading summaries alone: a screen to CSV would send whole reports")
	}
	var want bytes.Buffer
	if err := w.WriteBatch(&want, report.Batch{Rows: plain.Each}); err != nil {
		t.Fatal(err)
	}
	var fromSummaries bytes.Buffer
	for _, res := range []*Results{plain, headed, summed} {
		fromSummaries.Reset()
		if err := w.WriteBatch(&fromSummaries, report.Batch{Rows: res.Each, Summaries: res.EachSummary}); err != nil {
			t.Fatal(err)
		}
		if want.String() != fromSummaries.String() {
			t.Errorf("CSV from summaries:\n%s\nfrom whole rows:\n%s", fromSummaries.String(), want.String())
		}
	}
	for _, format := range []string{"json", "jsonl", "html", "text"} {
		if w, err := report.NewBatch(format, report.Options{}); err != nil || report.SummariesOnly(w) {
			t.Errorf("%s reads whole rows, yet is marked as reading summaries alone (or: %v)", format, err)
		}
	}
}
