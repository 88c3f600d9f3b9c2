package report_test

import (
	"context"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"github.com/tailor-cli/tailor/match"
	"github.com/tailor-cli/tailor/report/browsertest"
)

// browser starts headless Chromium for one test, or skips the test. The
// limit only guards against a hang: on a busy machine under the race
// detector, sorting the 5,000-row shortlist alone took 44 s.
func browser(t *testing.T) context.Context {
	t.Helper()
	return browsertest.Start(t, 5*time.Minute)
}

// pageEvents records what a page did that a self-contained report must
// not, a request for anything but the page itself among it.
type pageEvents = browsertest.Recorder

// artifacts is where screenshots go: $TAILOR_ARTIFACTS, or a directory
// under the system's temp dir that outlives the test.
func artifacts(t *testing.T) string {
	t.Helper()
	dir := os.Getenv("TAILOR_ARTIFACTS")
	if dir == "" {
		dir = filepath.Join(os.TempDir(), "tailor-screenshots")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

// openReport writes r as HTML to a file, opens it in the browser and
// returns the recorder of what the page did.
func openReport(t *testing.T, ctx context.Context, r *match.Report) *pageEvents {
	t.Helper()
	return openPage(t, ctx, []byte(writeHTML(t, r)))
}

// openPage opens an HTML page from a file in the browser and returns the
// recorder of what it did.
func openPage(t *testing.T, ctx context.Context, page []byte) *pageEvents {
	t.Helper()
	path := filepath.Join(t.TempDir(), "report.html")
	if err := os.WriteFile(path, page, 0o644); err != nil {
		t.Fatal(err)
	}
	u := (&url.URL{Scheme: "file", Path: path}).String()
	ev := &pageEvents{Allowed: func(req string) bool { return req == u }}
	ev.Listen(t, ctx)
	// The network is off: a page that needed it would break, and every
	// attempt is recorded. Chromium 148 resets the page's navigator state
	// when it navigates, so the override is set again on the open page.
	offline := func() {
		t.Helper()
		if _, err := chromedp.Call(ctx, network.OverrideNetworkState, network.OverrideNetworkStateParams{Offline: true, DownloadThroughput: -1, UploadThroughput: -1}); err != nil {
			t.Fatalf("take the browser offline: %v", err)
		}
	}
	offline()
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(1100, 900), chromedp.Navigate(u)); err != nil {
		t.Fatalf("open %s: %v", u, err)
	}
	offline()
	return ev
}

// screenshot saves the whole page as a PNG under the artifacts directory.
func screenshot(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	saveScreenshot(t, ctx, name, chromedp.FullScreenshot(100))
}

// saveScreenshot saves what shot captures as name.png under the artifacts
// directory.
func saveScreenshot(t *testing.T, ctx context.Context, name string, shot chromedp.Action[[]byte]) {
	t.Helper()
	png, err := chromedp.Run(ctx, shot)
	if err != nil {
		t.Fatalf("screenshot %s: %v", name, err)
	}
	path := filepath.Join(artifacts(t), name+".png")
	if err := os.WriteFile(path, png, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot: %s", path)
}

// TestBrowser_CheckReport opens a sample's HTML report in Chromium: no
// console error and no request, the numbers of the JSON report on the
// page, a working copy button, and screenshots in light, dark and at
// 360 px.
func TestBrowser_CheckReport(t *testing.T) {
	ctx := browser(t)
	r := sampleReports(t)["partial-ml"]
	ev := openReport(t, ctx, r)

	score, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector(".score").dataset.score`))
	if err != nil {
		t.Fatal(err)
	}
	if got, err := strconv.ParseFloat(score, 64); err != nil || got != r.Score {
		t.Errorf("page score %q, report score %v", score, r.Score)
	}
	rows, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll("table.skills tbody tr").length`))
	if err != nil {
		t.Fatal(err)
	}
	if rows != len(r.Skills) {
		t.Errorf("page shows %d skills, report has %d", rows, len(r.Skills))
	}
	missing := 0
	for _, s := range r.Skills {
		if s.Status == match.Missing {
			missing++
		}
	}
	if n, _ := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll("table.skills tr.missing").length`)); n != missing {
		t.Errorf("page shows %d missing skills, report has %d", n, missing)
	}
	// The chart has a bar for each category and the ring the score.
	bars, _ := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll(".chart svg rect.bar").length`))
	if bars == 0 {
		t.Error("coverage chart has no bars")
	}

	// Copy: the button says so, and the line is on the clipboard or
	// selected for the reader. The page says "Copied" when the clipboard
	// answers and "Copy" again 1.5 s later, so the test watches for the
	// word rather than reading the label at a set time: on a loaded
	// machine the answer came after the 200 ms an earlier version waited.
	watch := `(() => { const b = document.querySelector("button.copy"); window.copiedSeen = false;
		new MutationObserver(() => { if (b.textContent === "Copied") window.copiedSeen = true; }).observe(b, {childList: true, characterData: true, subtree: true});
		return true })()`
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](watch)); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS("button.copy"))); err != nil {
		t.Fatal(err)
	}
	// The limit only guards against a page that never says it.
	copied, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`new Promise(ok => { const t0 = Date.now();
		(function poll() { if (window.copiedSeen || Date.now() - t0 > 60000) ok(window.copiedSeen); else setTimeout(poll, 20); })() })`, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatal(err)
	}
	if !copied {
		label, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector("button.copy").textContent`))
		t.Errorf("copy button never said Copied after a click (it says %q)", label)
	}

	screenshot(t, ctx, "check-light")
	if _, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"}); err != nil {
		t.Fatal(err)
	}
	if got, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`getComputedStyle(document.querySelector("button.copy")).display`)); got != "none" {
		t.Errorf("printed, the copy buttons show (display %q)", got)
	}
	if online, _ := chromedp.Run(ctx, chromedp.Evaluate[bool](`navigator.onLine`)); online {
		t.Error("the browser is online: the test must run with the network off")
	}
	skills, err := chromedp.Run(ctx, chromedp.Screenshot(chromedp.CSS("table.skills")))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(artifacts(t), "check-skills.png"), skills, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
		Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: "dark"}},
	}); err != nil {
		t.Fatal(err)
	}
	bg, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`getComputedStyle(document.body).backgroundColor`))
	if bg == "rgb(251, 251, 253)" || bg == "" {
		t.Errorf("dark scheme did not change the background (%q)", bg)
	}
	screenshot(t, ctx, "check-dark")
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(360, 800)); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{}); err != nil {
		t.Fatal(err)
	}
	// With the collapsed lists opened too: the skills table must fit.
	wide, _ := chromedp.Run(ctx, chromedp.Evaluate[int](`(() => { document.querySelectorAll("details").forEach(d => d.open = true); return document.documentElement.scrollWidth })()`))
	if wide > 360 {
		t.Errorf("at 360 px the page is %d px wide: it scrolls sideways", wide)
	}
	// Nor does any part of it: the breakdown table fits its box, and every
	// chart label is readable text of at least 12 px.
	overflow, _ := chromedp.Run(ctx, chromedp.Evaluate[int](`(() => { const w = document.querySelector(".breakdown").parentElement; return w.scrollWidth - w.clientWidth })()`))
	if overflow > 0 {
		t.Errorf("at 360 px the breakdown table is %d px wider than its box", overflow)
	}
	small, _ := chromedp.Run(ctx, chromedp.Evaluate[int](`[...document.querySelectorAll(".chart .label")].filter(e => parseFloat(getComputedStyle(e).fontSize) < 12 || e.getBoundingClientRect().width < 1).length`))
	if small > 0 {
		t.Errorf("at 360 px %d chart labels are smaller than 12 px or hidden", small)
	}
	screenshot(t, ctx, "check-narrow")

	ev.AssertClean(t)
}

// TestBrowser_HostileReport opens the report of a resume and job full of
// markup in Chromium and checks that none of it ran or loaded: the flags
// the payloads would set are unset, no image element exists and no
// request left the page.
func TestBrowser_HostileReport(t *testing.T) {
	ctx := browser(t)
	ev := openReport(t, ctx, hostileReport(t))
	ran, err := chromedp.Run(ctx, chromedp.Evaluate[string](
		`[typeof window.pwned, typeof window.pwnedJob, document.querySelectorAll("img, a[href], body script").length].join(",")`))
	if err != nil {
		t.Fatal(err)
	}
	if ran != "undefined,undefined,1" {
		t.Errorf("payload state %q, want undefined,undefined,1 (no flag set, only the page's own script)", ran)
	}
	text, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.body.textContent`)) // collapsed lists included
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(text, "<script>window.pwned=1</script>") {
		t.Errorf("the resume's markup is not shown as text:\n%s", text)
	}
	screenshot(t, ctx, "check-hostile")
	ev.AssertClean(t)
}

// TestBrowser_Shortlist opens a 5,000-candidate shortlist in Chromium:
// every row present, sorting by score and by name, both filters, a row
// that expands to its gaps, hostile file names inert, nothing loaded and
// no console error. Times are logged; the bounds only catch a stall.
func TestBrowser_Shortlist(t *testing.T) {
	ctx := browser(t)
	const n = 5000
	start := time.Now()
	ev := openPage(t, ctx, []byte(writeShortlist(t, shortlist(t, n))))
	t.Logf("open %d rows: %v", n, time.Since(start))
	eval := func(js string) string {
		t.Helper()
		v, err := chromedp.Run(ctx, chromedp.Evaluate[string](js))
		if err != nil {
			t.Fatalf("%s: %v", js, err)
		}
		return v
	}
	if got := eval(`String(document.querySelectorAll("table.shortlist tbody tr").length)`); got != strconv.Itoa(n+2) {
		t.Fatalf("%s rows, want %d", got, n+2)
	}
	visible := `String(document.querySelectorAll("table.shortlist tbody tr:not([hidden])").length)`
	if got := eval(`document.getElementById("shown").textContent`); got != fmt.Sprintf("Showing 500 of %d matching (%d in all)", n+2, n+2) {
		t.Errorf("shown: %q", got)
	}
	if got := eval(visible); got != "500" {
		t.Errorf("%s rows laid out at first, want a page of 500", got)
	}

	// The first click on Score sorts high to low; the second, low to high.
	sortBy := func(key string) time.Duration {
		t.Helper()
		begin := time.Now()
		if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`th[data-key="`+key+`"] button`))); err != nil {
			t.Fatal(err)
		}
		return time.Since(begin)
	}
	took := sortBy("score")
	t.Logf("sort %d rows by score, click to reply: %v", n, took)
	inPage := eval(`(() => { const b = document.querySelector('th[data-key="name"] button'); const t0 = performance.now(); b.click(); document.body.offsetHeight; return (performance.now() - t0).toFixed(0) + " ms" })()`)
	t.Logf("sort %d rows by name, in the page with layout: %s", n, inPage)
	sortBy("score")
	firstScores := `Array.from(document.querySelectorAll("table.shortlist tbody tr")).slice(0, 3).map(r => r.dataset.score).join(",")`
	if got := eval(firstScores); !strings.HasPrefix(got, "100,") {
		t.Errorf("after sorting by score the first scores are %s, want the highest", got)
	}
	sortBy("score")
	if got := eval(firstScores); !strings.HasPrefix(got, "-1,") {
		t.Errorf("after sorting by score again the first scores are %s, want the unranked (-1) first", got)
	}
	if took > 20*time.Second {
		t.Errorf("sorting %d rows took %v: the page stalls", n, took)
	}
	sortBy("name")
	if got := eval(`document.querySelector("table.shortlist tbody tr").dataset.name`); got != "cv/<img src=x onerror=\"window.pwned=1\">.pdf" {
		t.Errorf("after sorting by name the first row is %q", got)
	}
	sortBy("rank")
	if got := eval(`document.querySelector("table.shortlist tbody tr").dataset.rank`); got != "1" {
		t.Errorf("after sorting by rank the first row has rank %s", got)
	}

	// Filters: a minimum score, then a required skill the weak sample lacks.
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`(() => { const s = document.getElementById("min-score"); s.value = "5"; s.dispatchEvent(new Event("input")); return true })()`)); err != nil {
		t.Fatal(err)
	}
	want := 0
	for i := range n {
		if float64((n-i)*1000/n)/10 >= 5 {
			want++
		}
	}
	matching := func() string {
		t.Helper()
		var shown, of, all int
		text := eval(`document.getElementById("shown").textContent`)
		if _, err := fmt.Sscanf(text, "Showing %d of %d matching (%d in all)", &shown, &of, &all); err != nil {
			t.Fatalf("shown: %q: %v", text, err)
		}
		if got := eval(visible); got != strconv.Itoa(shown) {
			t.Errorf("%s rows visible, the page says %d", got, shown)
		}
		return strconv.Itoa(of)
	}
	if got := matching(); got != strconv.Itoa(want) {
		t.Errorf("minimum score 5 matches %s rows, want %d", got, want)
	}
	hasPyTorch := eval(`String(Array.from(document.querySelectorAll("table.shortlist tbody tr")).filter(r => parseFloat(r.dataset.score) >= 5 && r.dataset.has.includes(" pytorch ")).length)`)
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`(() => { const s = document.getElementById("skill"); s.value = "pytorch"; s.dispatchEvent(new Event("change")); return true })()`)); err != nil {
		t.Fatal(err)
	}
	if got := matching(); got != hasPyTorch || got == "0" || got == strconv.Itoa(want) {
		t.Errorf("skill filter matches %s rows, want the %s that show PyTorch (and fewer than %d)", got, hasPyTorch, want)
	}
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.ID("more"))); err != nil {
		t.Fatal(err)
	}
	if got, _ := strconv.Atoi(eval(visible)); got != min(1000, atoi(hasPyTorch)) {
		t.Errorf("after Show more %d rows are visible, want %d", got, min(1000, atoi(hasPyTorch)))
	}

	// Expand the first visible row.
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`table.shortlist tbody tr:not([hidden]) summary`))); err != nil {
		t.Fatal(err)
	}
	if got := eval(`String(document.querySelector("table.shortlist tbody tr:not([hidden]) details").open)`); got != "true" {
		t.Error("the row did not expand")
	}
	if got := eval(`document.querySelector("table.shortlist tbody tr:not([hidden]) details dl").innerText`); !strings.Contains(got, "Missing required") {
		t.Errorf("expanded row shows %q", got)
	}

	if got := eval(`[typeof window.pwned, document.querySelectorAll("img, body script").length].join(",")`); got != "undefined,1" {
		t.Errorf("payload state %q, want undefined,1", got)
	}
	// The viewport only: a whole page of 5,000 rows is a picture no one
	// would open.
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`window.scrollTo(0, 0), true`)); err != nil {
		t.Fatal(err)
	}
	saveScreenshot(t, ctx, "shortlist", chromedp.CaptureScreenshot())

	// On a phone the page does not scroll sideways; the table may, in its box.
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(360, 800)); err != nil {
		t.Fatal(err)
	}
	if wide := eval(`String(document.documentElement.scrollWidth)`); atoi(wide) > 360 {
		t.Errorf("at 360 px the shortlist is %s px wide: it scrolls sideways", wide)
	}
	if h := eval(`String(Math.round(Math.min(...[...document.querySelectorAll(".hist text")].filter(e => e.textContent).map(e => e.getBoundingClientRect().height))))`); atoi(h) < 10 {
		t.Errorf("at 360 px the histogram's numbers are %s px tall", h)
	}
	if w := eval(`String(Math.round(document.querySelector('th[data-key="name"]').getBoundingClientRect().width))`); atoi(w) < 96 {
		t.Errorf("at 360 px the candidate column is %s px wide: names wrap a letter a line", w)
	}
	saveScreenshot(t, ctx, "shortlist-narrow", chromedp.CaptureScreenshot())
	ev.AssertClean(t)
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}
