package report_test

import (
	"bytes"
	"fmt"
	"html"
	"regexp"
	"strings"
	"testing"

	"github.com/tailor-cli/tailor/extract"
	"github.com/tailor-cli/tailor/match"
	"github.com/tailor-cli/tailor/match/job"
	"github.com/tailor-cli/tailor/match/taxonomy"
	"github.com/tailor-cli/tailor/report"
)

// hostileReport compares a resume full of markup and direction tricks
// with a job whose wording carries some too, so both sides' text reaches
// the page.
func hostileReport(t *testing.T) *match.Report {
	t.Helper()
	tax, err := taxonomy.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	jobText := "# ML Engineer <script>window.pwnedJob=1</script>\n\n## Requirements\n\n" +
		"- PyTorch and TensorFlow experience\n- Kubernetes \"><img src=x onerror=\"window.pwned=1\">\n- Docker\n"
	jobDoc, err := extract.ReadText("job<b>.md", []byte(jobText), extract.FormatMarkdown)
	if err != nil {
		t.Fatal(err)
	}
	resume := "\u202eeoD enaJ\u202c\njane@example.com\n\n## Experience\n\n" +
		"- Built PyTorch models <script>window.pwned=1</script> for search\n" +
		"- Ran TensorFlow jobs \"><img src=x onerror=\"window.pwned=1\"> on Kubernetes\n" +
		"- Portfolio: <a href=\"javascript:window.pwned=1\">click</a> Docker\n"
	doc, err := extract.ReadText("resume\u202e.txt", []byte(resume), extract.FormatText)
	if err != nil {
		t.Fatal(err)
	}
	return match.CompareAt(job.New("job<b>.md", jobDoc, tax), doc, testNow)
}

// writeHTML renders r with the HTML writer.
func writeHTML(t *testing.T, r *match.Report) string {
	t.Helper()
	w, err := report.New("html", report.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := w.Write(&buf, r); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

// externalRef finds what would make a page load something.
var externalRef = regexp.MustCompile(`(?i)(src|href)\s*=|url\(|@import`)

// TestHTML_HostileInputIsText checks that markup in the resume and the job
// reaches the page as text: no element, attribute or URL from either, no
// direction override, and only the page's own script, pinned by the CSP.
func TestHTML_HostileInputIsText(t *testing.T) {
	r := hostileReport(t)
	page := writeHTML(t, r)
	// The payloads made it into the report model, so the page had to
	// handle them.
	var evidence strings.Builder
	for _, s := range r.Skills {
		for _, e := range s.ResumeEvidence {
			evidence.WriteString(e.Text)
		}
	}
	if !strings.Contains(evidence.String(), "<script>") || !strings.Contains(evidence.String(), "onerror=") {
		t.Fatalf("the hostile sentences are not in the evidence, so the test proves nothing:\n%s", evidence.String())
	}
	if n := strings.Count(page, "<script"); n != 1 {
		t.Errorf("page has %d <script elements, want only its own", n)
	}
	for _, bad := range []string{"<img", "<a href", "<b>", "\u202e", "\u202c"} {
		if strings.Contains(page, bad) {
			t.Errorf("page contains %q", bad)
		}
	}
	if !strings.Contains(page, "&lt;script&gt;window.pwned=1&lt;/script&gt;") {
		t.Error("the resume's script tag is not shown as text")
	}
	if !strings.Contains(page, "resume.txt") {
		t.Error("the resume's name lost its letters along with the override")
	}
	csp := regexp.MustCompile(`http-equiv="Content-Security-Policy" content="([^"]+)"`).FindStringSubmatch(page)
	if csp == nil || !strings.Contains(html.UnescapeString(csp[1]), "default-src 'none'") || !strings.Contains(html.UnescapeString(csp[1]), "script-src 'sha256-") {
		t.Errorf("no strict Content-Security-Policy: %v", csp)
	}
}

// TestHTML_SelfContained checks that the page names nothing to load: no
// external URL in any src, href or CSS url().
func TestHTML_SelfContained(t *testing.T) {
	for name, r := range sampleReports(t) {
		if m := externalRef.FindString(writeHTML(t, r)); m != "" {
			t.Errorf("%s: page refers to something to load: %q", name, m)
		}
	}
}

// TestHTML_NumbersMatchReport checks that the page shows the report's
// score and a row for every skill the job asks for.
func TestHTML_NumbersMatchReport(t *testing.T) {
	for name, r := range sampleReports(t) {
		page := writeHTML(t, r)
		score := strings.TrimSuffix(strings.TrimRight(fmt.Sprintf("%.1f", r.Score), "0"), ".")
		if !strings.Contains(page, `data-score="`+score+`"`) {
			t.Errorf("%s: no data-score=%q", name, score)
		}
		rows := regexp.MustCompile(`<tr class="(matched|partial|missing)">`).FindAllString(page, -1)
		if len(rows) != len(r.Skills) {
			t.Errorf("%s: %d skill rows, report has %d skills", name, len(rows), len(r.Skills))
		}
		copies := strings.Count(page, `class="copy"`)
		want := 0
		for _, s := range r.Skills {
			if s.Suggestion != nil && s.Suggestion.Template != "" {
				want++
			}
		}
		if copies != want {
			t.Errorf("%s: %d copy buttons, want %d (one per suggested line)", name, copies, want)
		}
	}
}
