package report_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/tailor-cli/tailor/extract"
	"github.com/tailor-cli/tailor/match"
	"github.com/tailor-cli/tailor/match/job"
	"github.com/tailor-cli/tailor/match/taxonomy"
	"github.com/tailor-cli/tailor/report"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// extensions maps each format to its golden file extension.
var extensions = map[string]string{"text": "txt", "json": "json", "markdown": "md", "html": "html"}

// sampleReports compares each sample resume with the built-in profile: the
// shared fixture set every writer runs through.
func sampleReports(t *testing.T) map[string]*match.Report {
	t.Helper()
	tax, err := taxonomy.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	jobDoc, err := job.ProfileDocument(job.DefaultProfile)
	if err != nil {
		t.Fatal(err)
	}
	jd := job.New(job.BuiltinPrefix+job.DefaultProfile, jobDoc, tax)
	out := map[string]*match.Report{}
	for _, name := range []string{"strong-dl.pdf", "partial-ml.pdf", "web-dev-decoys.pdf"} {
		doc, err := extract.Read(filepath.Join("..", "testdata", "samples", name), extract.Options{})
		if err != nil {
			t.Fatal(err)
		}
		r := match.CompareAt(jd, doc, testNow)
		r.Resume = "testdata/samples/" + name // stable across working directories
		out[strings.TrimSuffix(name, ".pdf")] = r
	}
	return out
}

func TestFormats_Golden(t *testing.T) {
	reports := sampleReports(t)
	for _, format := range report.Formats() {
		ext, ok := extensions[format]
		if !ok {
			t.Fatalf("format %q has no golden extension", format)
		}
		for _, detail := range []bool{false, true} {
			if detail && format != "text" && format != "markdown" {
				continue // only text and Markdown have a short form
			}
			suffix := ext
			if detail {
				suffix = "detail." + ext
			}
			for name, r := range reports {
				t.Run(format+"/"+suffix+"/"+name, func(t *testing.T) {
					w, err := report.New(format, report.Options{Detail: detail})
					if err != nil {
						t.Fatal(err)
					}
					var buf bytes.Buffer
					if err := w.Write(&buf, r); err != nil {
						t.Fatal(err)
					}
					golden(t, filepath.Join("..", "testdata", "golden", name+"."+suffix+".golden"), buf.Bytes())
				})
			}
		}
	}
}

// TestText_ShortUnder90Lines: the default text report of each sample, its
// five most valuable changes in full and the rest by name, is under 90
// lines; the detailed one is longer.
func TestText_ShortUnder90Lines(t *testing.T) {
	for name, r := range sampleReports(t) {
		var short, long bytes.Buffer
		for _, o := range []struct {
			detail bool
			buf    *bytes.Buffer
		}{{false, &short}, {true, &long}} {
			w, err := report.New("text", report.Options{Detail: o.detail})
			if err != nil {
				t.Fatal(err)
			}
			if err := w.Write(o.buf, r); err != nil {
				t.Fatal(err)
			}
		}
		n, m := bytes.Count(short.Bytes(), []byte("\n")), bytes.Count(long.Bytes(), []byte("\n"))
		if n >= 90 || n >= m && m > 20 {
			t.Errorf("%s: %d lines by default, %d with detail", name, n, m)
		}
	}
}

// golden compares got with the file at path, or rewrites the file with
// -update.
func golden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./report -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("output differs from %s (go test ./report -update rewrites it):\n%s", path, diff(string(want), string(got)))
	}
}

// diff shows the first lines that differ.
func diff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	for i := 0; i < max(len(w), len(g)) && b.Len() < 2000; i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			fmt.Fprintf(&b, "line %d:\n- %s\n+ %s\n", i+1, wl, gl)
		}
	}
	return b.String()
}

// TestJSON_Contract checks the fields the README promises, by name, on a
// decoded report rather than the Go struct.
func TestJSON_Contract(t *testing.T) {
	r := sampleReports(t)["partial-ml"]
	w, _ := report.New("json", report.Options{})
	var buf bytes.Buffer
	if err := w.Write(&buf, r); err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"schema_version", "score", "score_version", "taxonomy_version", "resume", "job", "skills", "warnings"} {
		if _, ok := doc[k]; !ok {
			t.Errorf("no top-level %q", k)
		}
	}
	if doc["schema_version"] != float64(1) {
		t.Errorf("schema_version = %v", doc["schema_version"])
	}
	if _, ok := doc["score"].(float64); !ok {
		t.Errorf("score is %T, want a number", doc["score"])
	}
	if doc["job"] != "builtin:deep-learning-engineer" {
		t.Errorf("job = %v", doc["job"])
	}
	skills, _ := doc["skills"].([]any)
	if len(skills) == 0 {
		t.Fatal("no skills")
	}
	statuses := map[string]bool{}
	for _, s := range skills {
		s := s.(map[string]any)
		for _, k := range []string{"id", "name", "category", "importance", "status", "job_evidence", "resume_evidence", "suggestion"} {
			if _, ok := s[k]; !ok {
				t.Errorf("skill %v lacks %q", s["id"], k)
			}
		}
		if imp := s["importance"]; imp != "required" && imp != "preferred" {
			t.Errorf("skill %v importance %v", s["id"], imp)
		}
		st, _ := s["status"].(string)
		statuses[st] = true
		if st != "matched" && s["suggestion"] == nil {
			t.Errorf("%s skill %v has no suggestion", st, s["id"])
		}
	}
	for _, st := range []string{"matched", "partial", "missing"} {
		if !statuses[st] {
			t.Errorf("the partial-fit sample has no %s skill", st)
		}
	}
}

func TestNew_UnknownFormat(t *testing.T) {
	if _, err := report.New("yaml", report.Options{}); err == nil || !strings.Contains(err.Error(), "json, markdown, text") {
		t.Errorf("err = %v, want the list of formats", err)
	}
}

func TestText_Color(t *testing.T) {
	r := sampleReports(t)["partial-ml"]
	for _, color := range []bool{false, true} {
		w, _ := report.New("text", report.Options{Color: color})
		var buf bytes.Buffer
		if err := w.Write(&buf, r); err != nil {
			t.Fatal(err)
		}
		if got := bytes.Contains(buf.Bytes(), []byte("\x1b[")); got != color {
			t.Errorf("Color %v: escape codes present = %v", color, got)
		}
	}
}

// testNow is the present the golden reports are made at: "Mar 2022 –
// present" spans the same months on every day the tests run.
var testNow = time.Date(2026, time.November, 30, 12, 0, 0, 0, time.UTC)
