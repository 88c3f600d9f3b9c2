package cli

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

// TestMain lets the test binary serve as the worker that screen starts.
// With TAILOR_TEST_CLI=1 it runs as tailor itself, for tests that need a
// process of their own.
func TestMain(m *testing.M) {
	if os.Getenv(workerEnv) == "1" {
		os.Exit(Run(context.Background(), []string{"tailor", "worker"}, os.Stdin, os.Stdout, os.Stderr))
	}
	if os.Getenv("TAILOR_TEST_CLI") == "1" {
		os.Exit(Run(context.Background(), append([]string{"tailor"}, os.Args[1:]...), os.Stdin, os.Stdout, os.Stderr))
	}
	os.Exit(m.Run())
}

// runProcess runs tailor as a child process (the test binary in CLI mode)
// and returns its exit code, output and run time.
func runProcess(t *testing.T, args ...string) (int, string, string, time.Duration) {
	t.Helper()
	cmd := exec.Command(os.Args[0], args...)
	cmd.Env = append(os.Environ(), "TAILOR_TEST_CLI=1")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	start := time.Now()
	err := cmd.Run()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return code, stdout.String(), stderr.String(), time.Since(start)
}

// TestDeadline_LoopingPDF: a PDF that makes the PDF library loop forever
// is stopped by the deadline, in check and in screen. The deadline is short
// for the looping file's sake; the test asserts nothing about how the
// normal files beside it fare under that budget (other tests read them with
// the default), only that each has a row. The time bounds catch a hang.
func TestDeadline_LoopingPDF(t *testing.T) {
	t.Parallel()
	loop := "../../../../testdata/pdf/loop-xref.pdf"
	code, stdout, stderr, took := runProcess(t, "check", loop, "--timeout", "1s")
	if code != 2 || stdout != "" || !strings.Contains(stderr, loop+": gave up after 1s") || strings.Count(stderr, "\n") != 1 {
		t.Errorf("check: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	if took > 2*time.Minute {
		t.Errorf("check took %s", took)
	}
	dir := t.TempDir()
	for _, f := range []string{"../../../../testdata/pdf/loop-xref.pdf", "../../../../testdata/pdf/no-text.pdf", samples + "partial-ml.pdf"} {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, filepath.Base(f)), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	code, stdout, stderr, took = runProcess(t, "screen", "--job", "../../../../testdata/jobs/cv-engineer.md", "--timeout", "1s", "--format", "csv", dir)
	if code != 0 {
		t.Fatalf("screen: exit %d, stderr %q", code, stderr)
	}
	rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(stdout, "\ufeff"))).ReadAll()
	if err != nil || len(rows) != 4 {
		t.Fatalf("screen: want a header and 3 rows, got %d (%v):\n%s", len(rows), err, stdout)
	}
	byFile := map[string]string{}
	for _, r := range rows[1:] {
		byFile[filepath.Base(r[slices.Index(rows[0], "file")])] = strings.Join(r, ",")
	}
	for _, f := range []string{"loop-xref.pdf", "no-text.pdf", "partial-ml.pdf"} {
		if _, ok := byFile[f]; !ok {
			t.Errorf("screen: no row for %s:\n%s", f, stdout)
		}
	}
	if !strings.Contains(byFile["loop-xref.pdf"], "loop-xref.pdf: gave up after 1s") {
		t.Errorf("screen: looping file's row: %q", byFile["loop-xref.pdf"])
	}
	if took > 2*time.Minute {
		t.Errorf("screen took %s", took)
	}
}

// messyFolder makes a folder of resumes with the files batch screening
// meets in the wild: a broken PDF, an empty file, a scan, an image, a
// dangling link and a duplicate.
func messyFolder(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	copyFile := func(src, dst string) {
		data, err := os.ReadFile(src)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, dst), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, f := range []string{"strong-dl.pdf", "partial-ml.pdf", "web-dev-decoys.pdf", "strong-dl.md"} {
		copyFile(samples+f, f)
	}
	copyFile(samples+"strong-dl.pdf", "copy-of-strong.pdf")
	copyFile("../../../../testdata/pdf/no-text.pdf", "scan.pdf")
	data, _ := os.ReadFile(samples + "partial-ml.pdf")
	if err := os.WriteFile(filepath.Join(dir, "truncated.pdf"), data[:len(data)/3], 0o644); err != nil {
		t.Fatal(err)
	}
	for name, content := range map[string]string{"empty.pdf": "", "photo.png": "\x89PNG\r\n", "notes.pdf": "<html>not a pdf"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Symlink(filepath.Join(dir, "gone.pdf"), filepath.Join(dir, "dangling.pdf")); err != nil {
		t.Fatal(err)
	}
	return dir
}

// folderDigest hashes every file under dir with its name and mode.
func folderDigest(t *testing.T, dir string) string {
	t.Helper()
	h := sha256.New()
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		fmt.Fprintf(h, "%s %v %v\n", path, info.Mode(), info.ModTime())
		if info.Mode().IsRegular() {
			data, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			h.Write(data)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return hex.EncodeToString(h.Sum(nil))
}

func TestScreen_CSVAccountsForEveryFile(t *testing.T) {
	t.Parallel()
	dir := messyFolder(t)
	before := folderDigest(t, dir)
	code, stdout, stderr := run(t, "", "screen", "--job", "../../../../testdata/jobs/cv-engineer.md", "--format", "csv", dir)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if folderDigest(t, dir) != before {
		t.Error("screening changed its inputs")
	}
	if !strings.HasPrefix(stdout, "\ufeff") || !strings.Contains(stdout, "\r\n") {
		t.Error("CSV lacks the byte-order mark or CRLF line ends")
	}
	records, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(stdout, "\ufeff"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	header, rows := records[0], records[1:]
	if !slices.Equal(header, []string{"rank", "file", "score", "matched", "partial", "missing", "top_missing_required", "warnings", "status", "error", "duplicate_of",
		"name", "email", "phone", "links", "years", "degree", "unmet_required", "filtered"}) {
		t.Errorf("header %q", header)
	}
	entries, _ := os.ReadDir(dir)
	status := map[string]string{}
	for _, r := range rows {
		status[filepath.Base(r[1])] = r[8]
	}
	if len(rows) != len(entries) {
		t.Errorf("%d rows for %d files: %v", len(rows), len(entries), status)
	}
	want := map[string]string{
		"strong-dl.pdf": "ok", "partial-ml.pdf": "ok", "web-dev-decoys.pdf": "ok", "strong-dl.md": "ok", "copy-of-strong.pdf": "ok",
		"scan.pdf": "error", "truncated.pdf": "error", "empty.pdf": "error", "notes.pdf": "error", "dangling.pdf": "error", "photo.png": "skipped",
	}
	for f, st := range want {
		if status[f] != st {
			t.Errorf("%s: status %q, want %q", f, status[f], st)
		}
	}
	// Ranked sensibly: the deep learning resume first, the web developer last.
	var ranked []string
	for _, r := range rows {
		if r[0] != "" {
			ranked = append(ranked, filepath.Base(r[1]))
		}
	}
	if len(ranked) != 5 || !strings.HasPrefix(ranked[0], "copy-of-strong") && !strings.HasPrefix(ranked[0], "strong-dl") || ranked[4] != "web-dev-decoys.pdf" {
		t.Errorf("ranking %q", ranked)
	}
	dup := ""
	for _, r := range rows {
		if filepath.Base(r[1]) == "strong-dl.pdf" {
			dup = r[10]
		}
	}
	if filepath.Base(dup) != "copy-of-strong.pdf" {
		t.Errorf("strong-dl.pdf duplicate_of %q, want the copy (first by path)", dup)
	}
	// The header's contact details, so a recruiter can reach the people.
	for _, r := range rows {
		if filepath.Base(r[1]) == "strong-dl.pdf" && (r[11] == "" || !strings.Contains(r[12], "@") || r[13] == "") {
			t.Errorf("strong-dl.pdf contact: name %q, email %q, phone %q, links %q", r[11], r[12], r[13], r[14])
		}
	}
	if !strings.Contains(stderr, "5 ranked, 5 failed, 1 skipped, 1 duplicates") {
		t.Errorf("summary: %q", stderr)
	}
}

func TestScreen_Anonymize(t *testing.T) {
	t.Parallel()
	dir := messyFolder(t)
	for _, format := range []string{"jsonl", "csv", "text", "html"} {
		code, stdout, stderr := run(t, "", "screen", "--job", "../../../../match/job/profiles/deep-learning-engineer.md", "--anonymize", "--format", format, dir)
		if code != 0 {
			t.Fatalf("exit %d: %s", code, stderr)
		}
		for _, secret := range []string{
			dir, "strong-dl", "partial-ml", "web-dev",
			"Zoë", "Dvořák", "Ångström", "zoe.dvorak", "+46 70 555 01 37", "github.com/zda",
			"Aisha", "Bennett-Okoro", "aisha.bennett", "7700 900412",
			"Declan", "Whitford", "declan.whitford", "7700 900781",
			"@example",
		} {
			if strings.Contains(stdout, secret) {
				t.Errorf("%s output holds %q", format, secret)
			}
		}
		if !strings.Contains(stdout, "cand-") {
			t.Errorf("%s output names no candidate by id", format)
		}
	}
}

func TestScreen_ShardsMergeToOneRun(t *testing.T) {
	t.Parallel()
	dir := messyFolder(t)
	job := "../../../../testdata/jobs/ml-platform-engineer.txt"
	code, whole, stderr := run(t, "", "screen", "--job", job, "--format", "jsonl", dir)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	out := t.TempDir()
	var parts []string
	for _, k := range []string{"1/3", "2/3", "3/3"} {
		p := filepath.Join(out, strings.ReplaceAll(k, "/", "-")+".jsonl")
		if code, _, stderr := run(t, "", "screen", "--job", job, "--format", "jsonl", "--shard", k, "--out", p, dir); code != 0 {
			t.Fatalf("shard %s: exit %d: %s", k, code, stderr)
		}
		parts = append(parts, p)
	}
	for _, format := range []string{"jsonl", "csv"} {
		_, single, _ := run(t, "", "screen", "--job", job, "--format", format, dir)
		code, merged, stderr := run(t, "", append([]string{"merge", "--format", format}, parts...)...)
		if code != 0 {
			t.Fatalf("merge: exit %d: %s", code, stderr)
		}
		if merged != single {
			t.Errorf("%s: merged shards differ from one run:\n%s\n---\n%s", format, trunc(merged), trunc(single))
		}
	}
	for _, line := range strings.Split(strings.TrimSpace(whole), "\n") {
		var row map[string]any
		if err := json.Unmarshal([]byte(line), &row); err != nil {
			t.Fatalf("bad JSONL line: %v", err)
		}
		if row["file"] == nil || row["status"] == nil {
			t.Errorf("row without file or status: %s", line)
		}
		if row["status"] == "ok" && (row["score"] == nil || row["skills"] == nil || row["schema_version"] != float64(1)) {
			t.Errorf("ok row lacks the check report's fields: %s", trunc(line))
		}
	}
}

func TestScreen_Usage(t *testing.T) {
	t.Parallel()
	job := "../../../../testdata/jobs/cv-engineer.md"
	emptyDir := t.TempDir() // no resume: one image
	if err := os.WriteFile(filepath.Join(emptyDir, "photo.png"), []byte("\x89PNG"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name string
		args []string
		want string
	}{
		{"no input", []string{"screen", "--job", job}, "at least one INPUT"},
		{"no job", []string{"screen", samples}, "job"},
		{"both stdin", []string{"screen", "--job", "-", "-"}, "both want standard input"},
		{"bad shard", []string{"screen", "--job", job, "--shard", "4/3", samples}, "1 ≤ K ≤ N"},
		{"bad format", []string{"screen", "--job", job, "--format", "xml", samples}, `unknown format "xml"`},
		{"missing job", []string{"screen", "--job", "nope.txt", samples}, "nope.txt"},
		{"merge nothing", []string{"merge"}, "JSONL files"},
		{"path that does not exist", []string{"screen", "--job", job, samples, "/no/such/folder"}, "tailor: /no/such/folder: no such file or directory\n"},
		{"no resume in the inputs", []string{"screen", "--job", job, emptyDir}, "no resume to screen in " + emptyDir + ": 1 files, none of them .pdf"},
	} {
		code, _, stderr := run(t, "", tt.args...)
		if code != 2 || !strings.Contains(stderr, tt.want) {
			t.Errorf("%s: exit %d, stderr %q; want 2 and %q", tt.name, code, stderr, tt.want)
		}
	}
}

func TestScreen_ListOnStdinAndOut(t *testing.T) {
	t.Parallel()
	out := filepath.Join(t.TempDir(), "shortlist.csv")
	list := samples + "strong-dl.pdf\n" + samples + "web-dev-decoys.txt\n"
	code, stdout, stderr := run(t, list, "screen", "--job", "../../../../testdata/jobs/cv-engineer.md", "--format", "csv", "--out", out, "-")
	if code != 0 || stdout != "" {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	data, err := os.ReadFile(out)
	if err != nil || bytes.Count(data, []byte("\r\n")) != 3 {
		t.Errorf("shortlist: %v\n%s", err, data)
	}
}

// TestCorpus_BrokenCheck runs check on every malformed or hostile PDF of
// the shared corpus, each in a process of its own: each must end within
// the deadline with exit 2 and one line naming the file, or with a report
// that carries a warning; nothing may mention a panic.
func TestCorpus_BrokenCheck(t *testing.T) {
	t.Parallel()
	files, _ := filepath.Glob("../../../../../shared/corpus/broken/*.pdf")
	if len(files) == 0 {
		t.Skip("corpus not found at ../shared/corpus (it sits beside the project in CI)")
	}
	for _, f := range files {
		code, stdout, stderr, took := runProcess(t, "check", f, "--timeout", "60s")
		out := stdout + stderr
		for _, bad := range []string{"panic", "goroutine", "runtime error"} {
			if strings.Contains(out, bad) {
				t.Errorf("%s: output mentions %q", f, bad)
			}
		}
		switch code {
		case 2:
			if !strings.HasPrefix(stderr, "tailor: "+f+": ") || strings.Count(stderr, "\n") != 1 || stdout != "" {
				t.Errorf("%s: not one line naming the file: %q", f, stderr)
			}
		case 0:
			if !strings.Contains(stdout, "Warnings") {
				t.Errorf("%s: read without a warning:\n%s", f, trunc(stdout))
			}
		default:
			t.Errorf("%s: exit %d: %s", f, code, stderr)
		}
		if took > 2*time.Minute { // a guard against a hang; --timeout bounds the reading
			t.Errorf("%s: took %s", f, took)
		}
	}
}

// TestScreen_Interrupt: Ctrl-C stops a run cleanly: exit 130, a line that
// says how far it got, and no output file, not even half of one.
func TestScreen_Interrupt(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	for _, f := range []string{"../../../../testdata/pdf/loop-xref.pdf", samples + "partial-ml.pdf"} {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(dir, filepath.Base(f)), data, 0o644)
	}
	out := filepath.Join(t.TempDir(), "shortlist.csv")
	cmd := exec.Command(os.Args[0], "screen", "--job", "../../../../testdata/jobs/cv-engineer.md", "--timeout", "60s",
		"--jobs", "1", "--format", "csv", "--out", out, dir)
	cmd.Env = append(os.Environ(), "TAILOR_TEST_CLI=1")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// Once screen has started a worker, it is past the point where it
	// handles Ctrl-C; the looping file then holds that worker for the
	// --timeout of 60s. Waiting for the worker, not a fixed time, keeps
	// the test right on a busy machine.
	waitForChild(t, cmd.Process.Pid, 2*time.Minute)
	if err := cmd.Process.Signal(os.Interrupt); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case <-done:
	case <-time.After(time.Minute): // a guard against a hang
		cmd.Process.Kill()
		t.Fatal("screen did not stop within a minute of Ctrl-C")
	}
	if code := cmd.ProcessState.ExitCode(); code != ExitInterrupted {
		t.Errorf("exit %d, want %d; stderr %q", code, ExitInterrupted, stderr.String())
	}
	if !strings.Contains(stderr.String(), "interrupted after") || !strings.Contains(stderr.String(), "of 2 files; no output written") {
		t.Errorf("stderr %q", stderr.String())
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("an interrupted run left %s", out)
	}
	if left, _ := filepath.Glob(filepath.Join(filepath.Dir(out), ".*tmp")); len(left) > 0 {
		t.Errorf("temporary files left: %v", left)
	}
}

// TestScreen_ProgressOnlyOnTerminal runs screen under a pseudo-terminal
// (util-linux's script(1)) and checks that the progress bar is drawn there,
// then erased before the summary, and never drawn into a pipe or file.
func TestScreen_ProgressOnlyOnTerminal(t *testing.T) {
	t.Parallel()
	scriptCmd, err := exec.LookPath("script")
	if err != nil {
		t.Skip("script(1) from util-linux is not installed: no pseudo-terminal to draw the progress bar on")
	}
	dir := t.TempDir()
	sample, err := os.ReadFile("../../../../testdata/samples/strong-dl.pdf")
	if err != nil {
		t.Fatal(err)
	}
	for i := range 40 {
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("cv-%02d.pdf", i)), sample, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out := filepath.Join(t.TempDir(), "ranked.csv")
	args := []string{"screen", "--job", "../../../../testdata/jobs/cv-engineer.md", "--jobs", "1", "--out", out, dir}

	quoted := []string{shellQuote(os.Args[0])}
	for _, a := range args {
		quoted = append(quoted, shellQuote(a))
	}
	// script gives the terminal its parent's size, none here: set one.
	cmd := exec.Command(scriptCmd, "-qec", "stty cols 100 rows 30; "+strings.Join(quoted, " "), "/dev/null")
	cmd.Env = append(os.Environ(), "TAILOR_TEST_CLI=1")
	tty, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("%v: %s", err, tty)
	}
	screen := string(tty)
	bar := strings.Index(screen, "screening")
	summary := strings.Index(screen, "40 ranked, 0 failed, 0 skipped")
	if bar < 0 || !strings.Contains(screen, "/40") || summary < bar {
		t.Errorf("terminal shows no progress bar before the summary:\n%q", screen)
	}
	if frame := strings.LastIndex(screen[:summary], "screening"); frame >= 0 &&
		!strings.Contains(screen[frame:summary], "\x1b[J") && !strings.Contains(screen[frame:summary], "\x1b[2K") {
		t.Errorf("the bar is not erased before the summary:\n%q", screen)
	}

	code, _, stderr, _ := runProcess(t, args...)
	if code != 0 || strings.Contains(stderr, "screening") || strings.Contains(stderr, "\r") {
		t.Errorf("exit %d; stderr to a pipe draws a bar: %q", code, stderr)
	}
}

// shellQuote quotes s for sh.
func shellQuote(s string) string {
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// waitForChild waits until process pid has a child process, for at most
// limit, by reading every process's parent from /proc.
func waitForChild(t *testing.T, pid int, limit time.Duration) {
	t.Helper()
	if _, err := os.Stat("/proc/self/stat"); err != nil {
		t.Skip("needs /proc to see the worker start")
	}
	deadline := time.Now().Add(limit)
	for time.Now().Before(deadline) {
		stats, _ := filepath.Glob("/proc/[0-9]*/stat")
		for _, f := range stats {
			data, err := os.ReadFile(f)
			if err != nil {
				continue
			}
			// The fields after the command's closing parenthesis are
			// "state ppid ...".
			i := bytes.LastIndexByte(data, ')')
			if i < 0 {
				continue
			}
			if fields := strings.Fields(string(data[i+1:])); len(fields) > 1 && fields[1] == strconv.Itoa(pid) {
				return
			}
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("process %d started no worker within %s", pid, limit)
}

// TestScreen_SkippedFilesCountedNotListed: in the text shortlist, a file
// that is no resume is counted, not listed among the candidates, unless
// --show-skipped; CSV lists every file whatever the flag.
func TestScreen_SkippedFilesCountedNotListed(t *testing.T) {
	t.Parallel()
	dir := messyFolder(t)
	job := "../../../../testdata/jobs/cv-engineer.md"
	_, out, _ := run(t, "", "screen", "--job", job, "--format", "text", dir)
	if strings.Contains(out, "photo.png") || !strings.Contains(out, "Files that are no resume, left out: 1 (--show-skipped lists them).") {
		t.Errorf("text shortlist:\n%s", out)
	}
	_, out, _ = run(t, "", "screen", "--job", job, "--format", "text", "--show-skipped", dir)
	if !strings.Contains(out, "photo.png") {
		t.Errorf("--show-skipped does not list photo.png:\n%s", out)
	}
	_, out, _ = run(t, "", "screen", "--job", job, "--format", "csv", dir)
	if !strings.Contains(out, "photo.png") {
		t.Error("CSV does not list photo.png")
	}
}

func TestScreen_RequireYearsAndDegree(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	for _, f := range []string{"strong-dl.pdf", "partial-ml.pdf", "web-dev-decoys.pdf"} {
		raw, err := os.ReadFile(filepath.Join("../../../../testdata/samples", f))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, f), raw, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	jobFile := filepath.Join(t.TempDir(), "job.md")
	jobText := "# Deep Learning Engineer\n\n## Requirements\n- 3+ years of hands-on experience building deep learning models.\n" +
		"- PyTorch and CUDA.\n\n## Nice to have\n- A graduate degree (MSc or PhD) in Computer Science.\n"
	if err := os.WriteFile(jobFile, []byte(jobText), 0o600); err != nil {
		t.Fatal(err)
	}
	csvRows := func(args ...string) map[string][]string {
		t.Helper()
		code, stdout, stderr := run(t, "", append([]string{"screen", "--format", "csv", "--job", jobFile, dir}, args...)...)
		if code != 0 {
			t.Fatalf("exit %d: %s", code, stderr)
		}
		records, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(stdout, "\ufeff"))).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		col := map[string]int{}
		for k, name := range records[0] {
			col[name] = k
		}
		out := map[string][]string{}
		for _, r := range records[1:] {
			out[filepath.Base(r[col["file"]])] = []string{r[col["rank"]], r[col["years"]], r[col["degree"]], r[col["unmet_required"]], r[col["filtered"]]}
		}
		return out
	}
	// The job asks 3+ years of deep learning; the web developer's roles
	// show none.
	plain := csvRows()
	if got := plain["web-dev-decoys.pdf"]; got[1] == "" || got[1] == "0" || got[2] != "bachelor" || got[3] != "years" || got[4] != "" {
		t.Errorf("web developer: %q, want years counted, bachelor, years unmet, not filtered", got)
	}
	if got := plain["strong-dl.pdf"]; got[2] != "master" || got[3] != "" {
		t.Errorf("strong resume: %q, want master and nothing unmet", got)
	}
	// A master's required: the bachelor's-only resume ranks last, saying
	// why, whatever its score.
	rows := csvRows("--require-degree", "Master", "--require-years", "5")
	if got := rows["web-dev-decoys.pdf"]; got[0] != "3" || !strings.Contains(got[4], "highest degree bachelor, master or higher required") {
		t.Errorf("web developer with filters: %q", got)
	}
	if got := rows["partial-ml.pdf"]; got[4] != "" || got[0] != "2" {
		t.Errorf("partial resume with filters: %q, want rank 2 and not filtered", got)
	}
	rows = csvRows("--require-years", "10", "--require-degree", "BSc")
	if got := rows["strong-dl.pdf"]; got[4] != "" || got[0] != "1" {
		t.Errorf("strong resume, 10 years: %q", got)
	}
	if got := rows["partial-ml.pdf"]; !strings.Contains(got[4], "years of dated roles, 10 required") {
		t.Errorf("partial resume, 10 years: %q", got)
	}
	code, _, stderr := run(t, "", "screen", "--job", jobFile, dir, "--require-degree", "diploma")
	if first, _, _ := strings.Cut(stderr, "\n"); code != 2 || !strings.Contains(first, "unknown level (want one of doctorate, master, bachelor)") {
		t.Errorf("unknown level: exit %d, %q", code, stderr)
	}
}

// TestScreen_AnonymizeNamesByForm: names the entity recognizer misses but
// their form gives away (after an honorific, in a list of authors) are
// scrubbed too, by the finder the skill matcher uses.
func TestScreen_AnonymizeNamesByForm(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	cv := "Mara Lindqvist\nmara@example.com\n\nExperience\n- Pruned PyTorch models with Prof. Ilse Varnhagen and Dr Oskar Brennholt at the lab.\n" +
		"- Co-wrote: Varnhagen, I., Lindqvist, M. and Brennholt, O. Sparse CNNs.\n"
	if err := os.WriteFile(filepath.Join(dir, "a.txt"), []byte(cv), 0o644); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := run(t, "", "screen", "--job", "../../../../match/job/profiles/deep-learning-engineer.md", "--anonymize", "--format", "jsonl", dir)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, secret := range []string{"Mara", "Lindqvist", "Ilse", "Varnhagen", "Oskar", "Brennholt"} {
		if strings.Contains(stdout, secret) {
			t.Errorf("output holds %q: %s", secret, stdout)
		}
	}
	if !strings.Contains(stdout, "PyTorch") {
		t.Errorf("the evidence is gone: %s", stdout)
	}
}
