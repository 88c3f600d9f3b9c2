package extract

import (
	"errors"
	"strings"
	"testing"
)

// TestReadHTML: a saved job page reads as the text a person sees, with its
// headings and list items as structure; scripts, styles, navigation,
// footers and hidden elements are left out, and entities are decoded.
func TestReadHTML(t *testing.T) {
	t.Parallel()
	page := `<!DOCTYPE html><html><head><title>Jobs | Acme</title><style>body{color:red}</style>
<script>var tracking = "PyTorch";</script></head><body>
<nav><a href="/">Home</a> <a href="/jobs">Careers</a></nav>
<main><h1>ML Engineer</h1>
<p>Acme builds   search
for shops &amp; markets.</p>
<h2>What you'll need</h2>
<ul><li>Python and <b>PyTorch</b></li><li>Docker, <span>Kubernetes</span> a plus</li></ul>
<div hidden>Secret: TensorFlow</div><p style="display: none">Also hidden: JAX</p>
<table><tr><th>Level</th><th>Salary</th></tr><tr><td>Senior</td><td>$150k</td></tr></table>
</main><footer>© Acme · Privacy · Go to top</footer></body></html>`
	doc, err := ReadHTML("job.html", []byte(page))
	if err != nil {
		t.Fatal(err)
	}
	want := "ML Engineer\n\nAcme builds search for shops & markets.\n\nWhat you'll need\n\n• Python and PyTorch\n• Docker, Kubernetes a plus\n\nLevel · Salary\nSenior · $150k"
	if doc.Text != want {
		t.Errorf("text:\n%s\nwant:\n%s", doc.Text, want)
	}
	if doc.Format != FormatHTML {
		t.Errorf("format %q", doc.Format)
	}
	sec := doc.SectionAt(strings.Index(doc.Text, "Python"))
	if sec.Heading != "What you'll need" {
		t.Errorf("the list is in section %+v, want under its heading", sec)
	}
	for _, gone := range []string{"tracking", "Home", "Privacy", "TensorFlow", "JAX", "color"} {
		if strings.Contains(doc.Text, gone) {
			t.Errorf("text holds %q", gone)
		}
	}
}

// TestReadHTML_Empty: a page with nothing to read is ErrNoText, naming the
// file; binary data is ErrNotText.
func TestReadHTML_Empty(t *testing.T) {
	t.Parallel()
	if _, err := ReadHTML("blank.html", []byte("<html><script>x()</script></html>")); !errors.Is(err, ErrNoText) || !strings.HasPrefix(err.Error(), "blank.html: ") {
		t.Errorf("empty page: %v", err)
	}
	if _, err := ReadHTML("bin.html", []byte("<p>a\x00b</p>")); !errors.Is(err, ErrNotText) {
		t.Errorf("binary: %v", err)
	}
}
