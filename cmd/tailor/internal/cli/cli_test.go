package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"github.com/tailor-cli/tailor/match/taxonomy"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

const samples = "../../../../testdata/samples/"

// run runs tailor with args and stdin and returns exit code and output.
func run(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := Run(context.Background(), append([]string{"tailor"}, args...), strings.NewReader(stdin), &stdout, &stderr)
	return code, stdout.String(), stderr.String()
}

func TestRun(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	write := func(name, data string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	job := write("job.txt", "ML Engineer\n\nRequirements:\n- PyTorch and Kubernetes.\n- Rust is a plus.\n")
	badTax := write("tax.yaml", "version: \"1\"\nskills:\n  - id: x\n    nme: X\n")
	notPDF := write("resume.pdf", "<html>not a pdf</html>")
	emptyPDF := write("empty.pdf", "")
	docx := write("resume.docx", "PK\x03\x04")
	missing := filepath.Join(dir, "missing.pdf")
	strong := samples + "strong-dl.pdf"
	noText := "../../../../testdata/pdf/no-text.pdf"

	tests := []struct {
		name      string
		stdin     string
		args      []string
		code      int
		stdout    []string // substrings
		stderr    []string // substrings; for code 2, the one error line
		oneLine   bool     // stderr is exactly one line
		noStdout  bool
		jsonValid bool
	}{
		{name: "flags after the resume", args: []string{"check", strong, "--job", job, "--format", "json"}, code: 0,
			stdout: []string{`"job": "` + job + `"`, `"id": "pytorch"`, `"id": "rust"`}, jsonValid: true},
		{name: "short flags before the resume", args: []string{"check", "-j", job, "-f", "markdown", "--detail", strong}, code: 0,
			stdout: []string{"# Gap report", "| Kubernetes | required |"}},
		{name: "short report by default", args: []string{"check", "-j", job, "-f", "markdown", strong}, code: 0,
			stdout: []string{"# Gap report", "## Changes that win the most points"}},
		{name: "built-in profile by default", args: []string{"check", strong}, code: 0,
			stdout: []string{"Deep Learning Engineer (builtin:deep-learning-engineer)", "Match score:"}},
		{name: "job from stdin", stdin: "We need PyTorch.", args: []string{"check", "--job", "-", strong, "-f", "json"}, code: 0,
			stdout: []string{`"job": "-"`, `"id": "pytorch"`}, jsonValid: true},
		{name: "job page from stdin", stdin: "<!DOCTYPE html><html><body><nav>Home</nav><main><h2>Requirements</h2><ul><li>Rust &amp; Kubernetes</li></ul></main></body></html>",
			args: []string{"check", "--job", "-", strong, "-f", "json"}, code: 0,
			stdout: []string{`"id": "rust"`, `"id": "kubernetes"`, `"job_term": "Rust"`}, jsonValid: true},
		{name: "saved job page", args: []string{"check", strong, "--job", write("job.html", "<html><body><h1>Platform Engineer</h1><ul><li>We need Kubernetes.</li></ul><footer>PyTorch</footer></body></html>"), "-f", "json"}, code: 0,
			stdout: []string{`"id": "kubernetes"`, `"job_title": "Platform Engineer"`}, jsonValid: true},
		{name: "job URL refused", args: []string{"check", strong, "--job", "https://jobs.example.com/123"}, code: 2,
			stderr: []string{"job https://jobs.example.com/123: tailor never opens a connection", "--job page.html", "--job -"}, oneLine: true, noStdout: true},
		{name: "below min-score", args: []string{"check", samples + "web-dev-decoys.pdf", "--min-score", "50"}, code: 1,
			stdout: []string{"Match score:"}},
		{name: "at or above min-score", args: []string{"check", strong, "--job", job, "--min-score", "10"}, code: 0},
		{name: "missing file", args: []string{"check", missing}, code: 2, stderr: []string{missing, "no such file"}, oneLine: true, noStdout: true},
		{name: "non-PDF named .pdf", args: []string{"check", notPDF}, code: 2, stderr: []string{notPDF, "not a PDF"}, oneLine: true, noStdout: true},
		{name: "empty PDF", args: []string{"check", emptyPDF}, code: 2, stderr: []string{emptyPDF, "empty"}, oneLine: true, noStdout: true},
		{name: "PDF without text", args: []string{"check", noText}, code: 2, stderr: []string{noText, "no text layer", "text-based PDF"}, oneLine: true, noStdout: true},
		{name: "damaged DOCX", args: []string{"check", docx}, code: 2, stderr: []string{docx, "not a DOCX file", "not a zip archive, or the archive is damaged"}, oneLine: true, noStdout: true},
		{name: "DOCX resume", args: []string{"check", samples + "partial-ml.docx"}, code: 0, stdout: []string{"Match score:"}},
		{name: "missing job file", args: []string{"check", strong, "--job", filepath.Join(dir, "nojob.txt")}, code: 2,
			stderr: []string{"job ", "nojob.txt", "no such file"}, oneLine: true},
		{name: "bad taxonomy", args: []string{"check", strong, "--taxonomy", badTax}, code: 2,
			stderr: []string{badTax + ":4:", `unknown field "nme"`}, oneLine: true},
		{name: "error as JSON", args: []string{"check", missing, "--format", "json"}, code: 2,
			stdout: []string{`"error"`, missing}, jsonValid: true},
		{name: "no resume", args: []string{"check"}, code: 2, stderr: []string{"exactly one RESUME"}},
		{name: "two resumes", args: []string{"check", strong, strong}, code: 2, stderr: []string{"got 2 arguments"}},
		{name: "unknown format", args: []string{"check", strong, "--format", "yaml"}, code: 2, stderr: []string{`unknown format "yaml"`}},
		{name: "min-score out of range", args: []string{"check", strong, "--min-score", "101"}, code: 2, stderr: []string{"outside 0-100"}},
		{name: "unknown flag", args: []string{"check", strong, "--jobb", job}, code: 2, stderr: []string{"jobb"}},
		{name: "unknown command", args: []string{"chek", strong}, code: 2},
		{name: "version", args: []string{"--version"}, code: 0, stdout: []string{"tailor version"}},
		{name: "over a limit names the flag", args: []string{"check", strong, "--max-pages", "1"}, code: 2,
			stderr: []string{strong, "more than the limit of 1 page", "(raise it with --max-pages)"}, oneLine: true},
		{name: "bad limit", args: []string{"check", strong, "--max-text", "0"}, code: 2, stderr: []string{"must be positive"}},
		{name: "a DOCX limit names its flag", args: []string{"check", samples + "partial-ml.docx", "--max-depth", "3"}, code: 2,
			stderr: []string{"partial-ml.docx: more than the limit of XML nested 3 deep (raise it with --max-depth)"}, oneLine: true},
		{name: "extract a PDF", args: []string{"extract", strong}, code: 0,
			stdout: []string{"pdf, 2 page(s), made by pdfTeX", "== Experience ==", "== Skills ==", "Zoë Dvořák-Ångström"}},
		{name: "extract a DOCX as JSON", args: []string{"extract", samples + "partial-ml.docx", "--format", "json"}, code: 0,
			stdout: []string{`"format": "docx"`, `"name": "Experience"`, `"warnings": []`}, jsonValid: true},
		{name: "extract text", args: []string{"extract", samples + "web-dev-decoys.txt"}, code: 0, stdout: []string{"== Experience =="}},
		{name: "extract Markdown", args: []string{"extract", samples + "strong-dl.md", "-f", "json"}, code: 0,
			stdout: []string{`"format": "markdown"`, `"name": "Skills"`}, jsonValid: true},
		{name: "extract shows warnings", args: []string{"extract", job}, code: 0, stdout: []string{"# warning no-email:"}},
		{name: "extract a missing file", args: []string{"extract", missing}, code: 2, stderr: []string{missing, "no such file"}, oneLine: true, noStdout: true},
		{name: "extract needs one file", args: []string{"extract"}, code: 2, stderr: []string{"exactly one FILE"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			code, stdout, stderr := run(t, tt.stdin, tt.args...)
			if code != tt.code {
				t.Errorf("exit code %d, want %d\nstdout: %s\nstderr: %s", code, tt.code, trunc(stdout), stderr)
			}
			for _, s := range tt.stdout {
				if !strings.Contains(stdout, s) {
					t.Errorf("stdout lacks %q:\n%s", s, trunc(stdout))
				}
			}
			for _, s := range tt.stderr {
				if !strings.Contains(stderr, s) {
					t.Errorf("stderr lacks %q:\n%s", s, stderr)
				}
			}
			if tt.oneLine && strings.Count(stderr, "\n") != 1 {
				t.Errorf("stderr is not one line:\n%s", stderr)
			}
			if tt.noStdout && stdout != "" {
				t.Errorf("stdout not empty on error:\n%s", trunc(stdout))
			}
			for _, bad := range []string{"panic", "goroutine"} {
				if strings.Contains(stdout+stderr, bad) {
					t.Errorf("output mentions %q", bad)
				}
			}
			if tt.jsonValid && !json.Valid([]byte(stdout)) {
				t.Errorf("stdout is not JSON:\n%s", trunc(stdout))
			}
		})
	}
}

func TestRun_OutWritesFileWhole(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	out := filepath.Join(dir, "report.json")
	code, stdout, stderr := run(t, "", "check", samples+"partial-ml.pdf", "--format", "json", "--out", out)
	if code != 0 || stdout != "" {
		t.Fatalf("code %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	data, err := os.ReadFile(out)
	if err != nil || !json.Valid(data) {
		t.Fatalf("report file: %v, valid JSON %v", err, json.Valid(data))
	}
	if st, _ := os.Stat(out); st.Mode().Perm() != 0o644 {
		t.Errorf("report file mode %v, want 0644", st.Mode().Perm())
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("temporary files left beside the report: %v", entries)
	}
	// A failed run leaves no file behind.
	bad := filepath.Join(dir, "bad.json")
	if code, _, _ := run(t, "", "check", filepath.Join(dir, "none.pdf"), "--out", bad); code != 2 {
		t.Errorf("code %d", code)
	}
	if _, err := os.Stat(bad); !os.IsNotExist(err) {
		t.Errorf("a failed run created %s", bad)
	}
}

// TestRun_InputsUnchanged: check reads its inputs and never writes them.
func TestRun_InputsUnchanged(t *testing.T) {
	t.Parallel()
	before, err := os.ReadFile(samples + "strong-dl.pdf")
	if err != nil {
		t.Fatal(err)
	}
	st, _ := os.Stat(samples + "strong-dl.pdf")
	run(t, "", "check", samples+"strong-dl.pdf")
	after, _ := os.ReadFile(samples + "strong-dl.pdf")
	st2, _ := os.Stat(samples + "strong-dl.pdf")
	if !bytes.Equal(before, after) || !st.ModTime().Equal(st2.ModTime()) {
		t.Error("check changed its input")
	}
}

func trunc(s string) string {
	if len(s) > 1500 {
		return s[:1500] + "…"
	}
	return s
}

// TestRun_OutToSpecialFile: --out naming a named pipe (like /dev/null or
// /dev/stdout) writes into it instead of replacing it with a file.
func TestRun_OutToSpecialFile(t *testing.T) {
	t.Parallel()
	fifo := filepath.Join(t.TempDir(), "pipe")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("cannot make a named pipe: %v", err)
	}
	got := make(chan []byte, 1)
	go func() {
		data, _ := os.ReadFile(fifo)
		got <- data
	}()
	code, _, stderr := run(t, "", "check", samples+"partial-ml.pdf", "--format", "json", "--out", fifo)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	select {
	case data := <-got:
		if !json.Valid(data) {
			t.Errorf("the pipe received %d bytes of invalid JSON", len(data))
		}
	case <-time.After(time.Minute): // a guard against a hang
		t.Error("nothing was written to the pipe")
	}
	if st, err := os.Lstat(fifo); err != nil || st.Mode()&os.ModeNamedPipe == 0 {
		t.Errorf("the named pipe was replaced: %v %v", st.Mode(), err)
	}
}

// panicReader panics when read, standing in for a third-party parser that
// panics on hostile input.
type panicReader struct{}

func (panicReader) Read([]byte) (int, error) { panic("parser exploded") }

// TestRun_PanicIsOneLine: a panic anywhere below Run ends as one line on
// standard error and exit 2, never a stack trace.
func TestRun_PanicIsOneLine(t *testing.T) {
	t.Parallel()
	var stdout, stderr bytes.Buffer
	code := Run(context.Background(), []string{"tailor", "check", samples + "partial-ml.pdf", "--job", "-"}, panicReader{}, &stdout, &stderr)
	if code != ExitError || strings.Count(stderr.String(), "\n") != 1 || !strings.Contains(stderr.String(), "internal error: parser exploded") ||
		strings.Contains(stderr.String(), "goroutine") {
		t.Errorf("exit %d, stderr %q", code, stderr.String())
	}
}

// TestRun_Version checks that --version names the version, the commit and
// the built-in taxonomy's version, as the release stamps them.
func TestRun_Version(t *testing.T) {
	saved, savedCommit := Version, Commit
	Version, Commit = "v1.2.3", "abc1234def56"
	t.Cleanup(func() { Version, Commit = saved, savedCommit })
	code, out, _ := run(t, "", "tailor", "--version")
	want := "tailor version v1.2.3 (commit abc1234def56, taxonomy " + taxonomy.BuiltinVersion() + ")\n"
	if code != 0 || out != want {
		t.Errorf("--version: exit %d, %q; want %q", code, out, want)
	}
}
