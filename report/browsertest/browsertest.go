// Package browsertest starts the system's headless Chromium for a test and
// records what a page does that tailor's pages must not: console errors and
// warnings, uncaught exceptions, error log entries (a Content-Security-Policy
// violation, say) and requests it does not allow. The HTML reports' tests
// and the web page's share it.
package browsertest

import (
	"context"
	"os/exec"
	"strings"
	"sync"
	"testing"
	"time"

	cdplog "github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// Start starts headless Chromium for one test, giving up after limit, or
// skips the test when there is none.
func Start(t *testing.T, limit time.Duration) context.Context {
	t.Helper()
	var path string
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "headless_shell"} {
		if p, err := exec.LookPath(name); err == nil {
			path = p
			break
		}
	}
	if path == "" {
		t.Skip("no Chromium on PATH (apt-get install chromium); the browser tests need one")
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(path), chromedp.NoSandbox)
	ctx, cancel := context.WithTimeout(context.Background(), limit)
	t.Cleanup(cancel)
	actx, acancel := chromedp.NewExecAllocator(ctx, opts...)
	t.Cleanup(acancel)
	bctx, bcancel := chromedp.NewContext(actx)
	t.Cleanup(bcancel)
	if err := chromedp.Do(bctx); err != nil {
		t.Fatalf("start %s: %v", path, err)
	}
	return bctx
}

// Recorder keeps what a page did that it must not, and every request.
type Recorder struct {
	// Allowed reports whether the page may request a URL.
	Allowed func(url string) bool

	mu       sync.Mutex
	problems []string
	requests []string
}

// Listen records the events of the browser tab ctx from now on.
func (r *Recorder) Listen(t *testing.T, ctx context.Context) {
	t.Helper()
	if err := chromedp.Listen(ctx, r.add); err != nil {
		t.Fatal(err)
	}
}

func (r *Recorder) add(ev any) {
	r.mu.Lock()
	defer r.mu.Unlock()
	switch e := ev.(type) {
	case *runtime.EventConsoleAPICalled:
		if e.Type == runtime.ConsoleAPICalledTypeError || e.Type == runtime.ConsoleAPICalledTypeWarning {
			var args []string
			for _, a := range e.Args {
				args = append(args, string(a.Value))
			}
			r.problems = append(r.problems, "console "+string(e.Type)+": "+strings.Join(args, " "))
		}
	case *runtime.EventExceptionThrown:
		r.problems = append(r.problems, "exception: "+e.ExceptionDetails.Text)
	case *cdplog.EventEntryAdded:
		if e.Entry.Level == cdplog.EntryLevelError {
			r.problems = append(r.problems, "log "+string(e.Entry.Source)+": "+e.Entry.Text)
		}
	case *network.EventRequestWillBeSent:
		r.requests = append(r.requests, e.Request.URL)
		if r.Allowed != nil && !r.Allowed(e.Request.URL) {
			r.problems = append(r.problems, "request: "+e.Request.URL)
		}
	}
}

// Requests returns the URLs the page requested, in order.
func (r *Recorder) Requests() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]string(nil), r.requests...)
}

// AssertClean fails the test if the page did anything it must not.
func (r *Recorder) AssertClean(t *testing.T) {
	t.Helper()
	r.mu.Lock()
	defer r.mu.Unlock()
	if len(r.problems) > 0 {
		t.Errorf("the page did what it must not:\n%s", strings.Join(r.problems, "\n"))
	}
}
