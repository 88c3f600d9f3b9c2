package page_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"github.com/tailor-cli/tailor/report/browsertest"
)

const root = "../../../"

// built holds the page as make web builds it, and the tailor CLI, made
// once for all the tests.
var built = sync.OnceValues(func() (string, error) {
	dir, err := os.MkdirTemp("", "tailor-web-*")
	if err != nil {
		return "", err
	}
	builtDir = dir
	goroot, err := exec.Command("go", "env", "GOROOT").Output()
	if err != nil {
		return "", fmt.Errorf("go env GOROOT: %w", err)
	}
	steps := [][]string{
		{"go", "build", "-trimpath", "-o", filepath.Join(dir, "tailor.wasm"), "./cmd/tailor-web"},
		{"go", "run", "./cmd/tailor-web/internal/bundle", "-out", dir,
			"-wasm-exec", filepath.Join(strings.TrimSpace(string(goroot)), "lib", "wasm", "wasm_exec.js")},
		{"go", "build", "-o", filepath.Join(dir, "tailor"), "./cmd/tailor"},
	}
	for i, step := range steps {
		cmd := exec.Command(step[0], step[1:]...)
		cmd.Dir = root
		cmd.Env = os.Environ()
		if i == 0 {
			cmd.Env = append(cmd.Env, "GOOS=js", "GOARCH=wasm")
		}
		if out, err := cmd.CombinedOutput(); err != nil {
			return "", fmt.Errorf("%s: %v\n%s", strings.Join(step, " "), err, out)
		}
	}
	return dir, nil
})

// TestMain removes the page built for the tests.
func TestMain(m *testing.M) {
	code := m.Run()
	if builtDir != "" {
		os.RemoveAll(builtDir)
	}
	os.Exit(code)
}

// builtDir is where built put the page, once it has.
var builtDir string

// site builds the page (once) and serves it from a local test server.
func site(t *testing.T) (dir, base string) {
	t.Helper()
	dir, err := built()
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.FileServer(http.Dir(dir)))
	t.Cleanup(srv.Close)
	return dir, srv.URL + "/"
}

// browser starts headless Chromium for one test, or skips the test.
func browser(t *testing.T) context.Context {
	t.Helper()
	return browsertest.Start(t, 3*time.Minute)
}

// open loads the page at u, records what it does, and waits until tailor
// is ready.
func open(t *testing.T, ctx context.Context, u, origin string, width int64) *browsertest.Recorder {
	t.Helper()
	rec := &browsertest.Recorder{Allowed: func(u string) bool {
		return strings.HasPrefix(u, origin) || strings.HasPrefix(u, "data:") || strings.HasPrefix(u, "blob:")
	}}
	rec.Listen(t, ctx)
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(width, 900), chromedp.Navigate(u)); err != nil {
		t.Fatalf("open %s: %v", u, err)
	}
	waitState(t, ctx, "ready")
	return rec
}

// waitState waits until the page's data-tailor attribute says state.
func waitState(t *testing.T, ctx context.Context, state string) {
	t.Helper()
	if err := chromedp.Do(ctx, chromedp.WaitVisible(chromedp.CSS(`html[data-tailor="`+state+`"]`))); err != nil {
		st, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.getElementById("status").textContent`))
		t.Fatalf("waiting for the page to be %s: %v (status: %q)", state, err, st)
	}
}

// inputs are what a person gives the page.
type inputs struct {
	resumes []string
	jobFile string
	jobText string
}

// runCheck fills the form, presses Check and returns the report's JSON as
// the page holds it.
func runCheck(t *testing.T, ctx context.Context, in inputs, want string) string {
	t.Helper()
	var abs []string
	for _, r := range in.resumes {
		p, _ := filepath.Abs(filepath.Join(root, r))
		abs = append(abs, p)
	}
	acts := []chromedp.Action[chromedp.Void]{chromedp.SetUploadFiles(chromedp.ID("resume"), abs)}
	if in.jobFile != "" {
		p, _ := filepath.Abs(filepath.Join(root, in.jobFile))
		acts = append(acts, chromedp.SetUploadFiles(chromedp.ID("job-file"), []string{p}))
	}
	if in.jobText != "" {
		acts = append(acts, chromedp.SetValue(chromedp.ID("job-text"), in.jobText))
	}
	acts = append(acts, chromedp.Click(chromedp.ID("check")))
	if err := chromedp.Do(ctx, acts...); err != nil {
		t.Fatal(err)
	}
	waitState(t, ctx, want)
	got, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.getElementById("result").dataset.json || ""`))
	if err != nil {
		t.Fatal(err)
	}
	return got
}

// cli runs the tailor command line on the same inputs.
func cli(t *testing.T, dir string, in inputs) string {
	t.Helper()
	args := []string{"check", "--format", "json", filepath.Join(root, in.resumes[0])}
	var stdin *strings.Reader
	switch {
	case in.jobFile != "":
		args = append(args, "--job", filepath.Join(root, in.jobFile))
	case in.jobText != "":
		args = append(args, "--job", "-")
		stdin = strings.NewReader(in.jobText)
	}
	cmd := exec.Command(filepath.Join(dir, "tailor"), args...)
	if stdin != nil {
		cmd.Stdin = stdin
	}
	var out bytes.Buffer
	cmd.Stdout = &out
	if err := cmd.Run(); err != nil {
		t.Fatalf("tailor %s: %v", strings.Join(args, " "), err)
	}
	return out.String()
}

// verdict is what the page and the CLI must agree on.
type verdict struct {
	Score  float64 `json:"score"`
	Skills []struct {
		ID         string `json:"id"`
		Status     string `json:"status"`
		Importance string `json:"importance"`
	} `json:"skills"`
	Warnings []struct {
		Code string `json:"code"`
	} `json:"warnings"`
}

func sameVerdict(t *testing.T, page, cliJSON string) {
	t.Helper()
	var a, b verdict
	if err := json.Unmarshal([]byte(page), &a); err != nil {
		t.Fatalf("page JSON: %v", err)
	}
	if err := json.Unmarshal([]byte(cliJSON), &b); err != nil {
		t.Fatalf("CLI JSON: %v", err)
	}
	if a.Score != b.Score {
		t.Errorf("score: page %v, CLI %v", a.Score, b.Score)
	}
	if fmt.Sprint(a.Skills) != fmt.Sprint(b.Skills) {
		t.Errorf("skills differ:\npage %v\nCLI  %v", a.Skills, b.Skills)
	}
	if fmt.Sprint(a.Warnings) != fmt.Sprint(b.Warnings) {
		t.Errorf("warnings differ: page %v, CLI %v", a.Warnings, b.Warnings)
	}
	if len(a.Skills) == 0 {
		t.Error("no skills in the report")
	}
}

// TestPage_SameAsCLI checks the page served from a local server: a PDF
// against the built-in profile, a DOCX against a job file, and a text
// resume against a pasted job each give the score, skills and warnings
// tailor check --format json gives; the page asks nothing of any other
// origin and logs no error.
func TestPage_SameAsCLI(t *testing.T) {
	dir, base := site(t)
	ctx := browser(t)
	rec := open(t, ctx, base, base, 1280)
	pasted, err := os.ReadFile(filepath.Join(root, "testdata/jobs/cv-engineer.md"))
	if err != nil {
		t.Fatal(err)
	}
	// How fast it feels, logged (not asserted: a loaded machine is slower).
	readyMs, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.documentElement.dataset.readyMs`))
	t.Logf("module ready %s ms after the page started loading", readyMs)
	for _, in := range []inputs{
		{resumes: []string{"testdata/samples/strong-dl.pdf"}},
		{resumes: []string{"testdata/samples/partial-ml.docx"}, jobFile: "testdata/jobs/ml-platform-engineer.txt"},
		{resumes: []string{"testdata/samples/web-dev-decoys.txt"}, jobText: string(pasted)},
	} {
		page := runCheck(t, ctx, in, "done")
		sameVerdict(t, page, cli(t, dir, in))
		ms, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.getElementById("result").dataset.ms`))
		t.Logf("%s: checked in %s ms", in.resumes[0], ms)
		if err := chromedp.Do(ctx, chromedp.Reload()); err != nil {
			t.Fatal(err)
		}
		waitState(t, ctx, "ready")
	}
	rec.AssertClean(t)
	if !slices.ContainsFunc(rec.Requests(), func(u string) bool { return strings.HasSuffix(u, "/worker.js") }) {
		t.Errorf("the page never loaded its worker; requests: %q", rec.Requests())
	}
}

// TestPage_HostileResume checks that a resume made to attack the page
// stays text: its markup shows as written and nothing of it runs.
func TestPage_HostileResume(t *testing.T) {
	_, base := site(t)
	ctx := browser(t)
	dir := t.TempDir()
	hostile := filepath.Join(dir, "hostile.txt")
	payload := "Mallory Example\n<script>window.pwned=1</script>\n<img src=x onerror=\"window.pwned=2\">\n" +
		"Experience\n- Built PyTorch models <b onmouseover=alert(1)>fast</b>; javascript:alert(3)\n"
	if err := os.WriteFile(hostile, []byte(payload), 0o644); err != nil {
		t.Fatal(err)
	}
	rec := open(t, ctx, base, base, 1280)
	if err := chromedp.Do(ctx, chromedp.SetUploadFiles(chromedp.ID("resume"), []string{hostile}), chromedp.Click(chromedp.ID("check"))); err != nil {
		t.Fatal(err)
	}
	waitState(t, ctx, "done")
	pwned, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`window.pwned !== undefined || document.querySelector("#result script, #result img, #result b") !== null`))
	if err != nil {
		t.Fatal(err)
	}
	if pwned {
		t.Error("the resume's markup became part of the page")
	}
	rec.AssertClean(t)
}

// TestPage_Deadline checks that a check past its deadline is stopped: the
// page says so and tailor is ready again.
func TestPage_Deadline(t *testing.T) {
	_, base := site(t)
	ctx := browser(t)
	open(t, ctx, base+"?deadline=1", base, 1280)
	runCheck(t, ctx, inputs{resumes: []string{"testdata/samples/strong-dl.pdf"}}, "timeout")
	st, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.getElementById("status").textContent`))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(st, "strong-dl.pdf: gave up after") {
		t.Errorf("status %q does not say the file took too long", st)
	}
	if err := chromedp.Do(ctx, chromedp.WaitEnabled(chromedp.ID("check"))); err != nil {
		t.Errorf("tailor did not come back after the deadline: %v", err)
	}
}

// TestPage_SelfContained opens tailor.html from a file URL, offline: it
// checks a resume with no request of any kind.
func TestPage_SelfContained(t *testing.T) {
	dir, _ := site(t)
	ctx := browser(t)
	if _, err := chromedp.Call(ctx, network.OverrideNetworkState, network.OverrideNetworkStateParams{Offline: true, DownloadThroughput: -1, UploadThroughput: -1}); err != nil {
		t.Fatal(err)
	}
	u := (&url.URL{Scheme: "file", Path: filepath.Join(dir, "tailor.html")}).String()
	rec := open(t, ctx, u, u, 1280)
	in := inputs{resumes: []string{"testdata/samples/strong-dl.pdf"}}
	sameVerdict(t, runCheck(t, ctx, in, "done"), cli(t, dir, in))
	rec.AssertClean(t)
	for _, r := range rec.Requests() {
		if r != u && !strings.HasPrefix(r, "blob:") {
			t.Errorf("tailor.html requested %s", r)
		}
	}
}

// TestPage_Screenshots saves the page with a report at 1280 and 390 px,
// light and dark, under $TAILOR_ARTIFACTS (or the temp dir), to look at.
func TestPage_Screenshots(t *testing.T) {
	_, base := site(t)
	ctx := browser(t)
	out := os.Getenv("TAILOR_ARTIFACTS")
	if out == "" {
		out = filepath.Join(os.TempDir(), "tailor-screenshots")
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, width := range []int64{1280, 390} {
		for _, scheme := range []string{"light", "dark"} {
			open(t, ctx, base, base, width)
			if _, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}}}); err != nil {
				t.Fatal(err)
			}
			runCheck(t, ctx, inputs{resumes: []string{"testdata/samples/partial-ml.pdf"}}, "done")
			png, err := chromedp.Run(ctx, chromedp.FullScreenshot(80))
			if err != nil {
				t.Fatal(err)
			}
			path := filepath.Join(out, fmt.Sprintf("web-%d-%s.png", width, scheme))
			if err := os.WriteFile(path, png, 0o644); err != nil {
				t.Fatal(err)
			}
			t.Logf("screenshot: %s", path)
		}
	}
}

// TestPage_Shortlist checks that several resumes give the shortlist,
// ranked as tailor screen ranks them, computed in the page.
func TestPage_Shortlist(t *testing.T) {
	_, base := site(t)
	ctx := browser(t)
	rec := open(t, ctx, base, base, 1280)
	got := runCheck(t, ctx, inputs{resumes: []string{"testdata/samples/web-dev-decoys.pdf", "testdata/samples/strong-dl.pdf", "testdata/samples/partial-ml.pdf"}}, "done")
	var b struct {
		Ranked  int
		Results []struct{ File string } `json:"results"`
	}
	if err := json.Unmarshal([]byte(got), &b); err != nil {
		t.Fatal(err)
	}
	var order []string
	for _, r := range b.Results {
		order = append(order, r.File)
	}
	if want := []string{"strong-dl.pdf", "partial-ml.pdf", "web-dev-decoys.pdf"}; !slices.Equal(order, want) {
		t.Errorf("shortlist order %q, want %q", order, want)
	}
	rows, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll("#result table tbody tr").length`))
	if err != nil {
		t.Fatal(err)
	}
	if rows < 3 {
		t.Errorf("the page shows %d shortlist rows, want 3", rows)
	}
	rec.AssertClean(t)
}

// axeSource finds axe-core (make axe fetches it from the npm registry):
// $TAILOR_AXE, or axe.min.js in the user's cache.
func axeSource(t *testing.T) []byte {
	t.Helper()
	path := os.Getenv("TAILOR_AXE")
	if path == "" {
		cache, err := os.UserCacheDir()
		if err != nil {
			t.Skip("no axe-core: set TAILOR_AXE or run make axe")
		}
		path = filepath.Join(cache, "tailor", "axe.min.js")
	}
	src, err := os.ReadFile(path)
	if err != nil {
		t.Skipf("no axe-core at %s (make axe fetches it): %v", path, err)
	}
	return src
}

// TestPage_Accessible runs axe-core's WCAG 2.1 A and AA rules on the page,
// empty and with a report, in light and dark: no violation.
func TestPage_Accessible(t *testing.T) {
	axe := axeSource(t)
	_, base := site(t)
	ctx := browser(t)
	for _, scheme := range []string{"light", "dark"} {
		open(t, ctx, base, base, 1280)
		if _, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}}}); err != nil {
			t.Fatal(err)
		}
		for _, stage := range []string{"empty", "report"} {
			if stage == "report" {
				runCheck(t, ctx, inputs{resumes: []string{"testdata/samples/partial-ml.pdf"}}, "done")
			}
			// axe is evaluated through the DevTools protocol, which the
			// page's Content-Security-Policy does not govern.
			if _, err := chromedp.Run(ctx, chromedp.Evaluate[any](string(axe)+";0")); err != nil {
				t.Fatalf("load axe-core: %v", err)
			}
			got, err := chromedp.Run(ctx, chromedp.Evaluate[string](`axe.run(document, {runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}})
				.then(r => r.violations.map(v => v.id + " (" + v.impact + "): " + v.help + " — " + v.nodes.slice(0, 3).map(n => n.target.join(" ")).join("; ")).join("\n"))`, chromedp.EvalAwaitPromise))
			if err != nil {
				t.Fatalf("axe.run: %v", err)
			}
			if got != "" {
				t.Errorf("%s, %s: WCAG 2.1 AA violations:\n%s", scheme, stage, got)
			}
		}
	}
}

// TestPage_Drop checks that a file dropped on the resume field becomes the
// resume, and one dropped on the job's field the job description file.
func TestPage_Drop(t *testing.T) {
	_, base := site(t)
	ctx := browser(t)
	open(t, ctx, base, base, 1280)
	got, err := chromedp.Run(ctx, chromedp.Evaluate[string](`(() => {
		const drop = (id, name) => {
			const dt = new DataTransfer();
			dt.items.add(new File(["Python and PyTorch"], name));
			document.getElementById(id).dispatchEvent(new DragEvent("drop", {dataTransfer: dt, bubbles: true, cancelable: true}));
		};
		drop("resume-drop", "cv.txt");
		drop("job-drop", "job.md");
		const r = document.getElementById("resume").files, j = document.getElementById("job-file").files;
		return (r.length ? r[0].name : "") + "|" + (j.length ? j[0].name : "");
	})()`))
	if err != nil {
		t.Fatal(err)
	}
	if got != "cv.txt|job.md" {
		t.Errorf("dropped files picked as %q, want cv.txt|job.md", got)
	}
}
