package extract_test

import (
	"bytes"
	"flag"
	"os"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the generated PDF fixtures in testdata/pdf")

// fixtures are PDFs other packages' tests read from testdata/pdf, built by
// this package's test helpers so that they stay reproducible.
var fixtures = map[string]func() []byte{
	// A valid page with a drawing and no text: a scan-like PDF.
	"no-text.pdf": func() []byte { return buildPDF("0 0 m 200 200 l S") },
	// A cross-reference section that names itself as the previous one:
	// the PDF library reads it forever.
	"loop-xref.pdf": loopingPDF,
}

func TestFixtures(t *testing.T) {
	for name, build := range fixtures {
		path := "../testdata/pdf/" + name
		want := build()
		if *update {
			if err := os.WriteFile(path, want, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		got, err := os.ReadFile(path)
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("%s is missing or stale (go test ./extract -run TestFixtures -update): %v", path, err)
		}
	}
}
