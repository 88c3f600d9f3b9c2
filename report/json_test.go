package report

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

// TestIndentJSON holds indentJSON to json.Indent on every JSON golden file
// (reports, rankings, extracted documents) and on values that stress its
// corners: empty objects and arrays, escapes, quotes and braces in strings.
func TestIndentJSON(t *testing.T) {
	t.Parallel()
	paths, err := filepath.Glob(filepath.Join("..", "testdata", "golden", "*json*"))
	if err != nil {
		t.Fatal(err)
	}
	if len(paths) < 3 {
		t.Fatalf("found %d JSON golden files: the test no longer reads them", len(paths))
	}
	var inputs [][]byte
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		inputs = append(inputs, b)
	}
	inputs = append(inputs, []byte(`{"a":{},"b":[],"c":[{}],"d":"x\"}{,:[]\\","e":[1,2.5e-3,true,null,"\u2028<&>"],"f":{"g":{"h":[[[]]]}}}`),
		[]byte(`[]`), []byte(`"s"`), []byte(`0`))
	for i, in := range inputs {
		var compact bytes.Buffer
		if err := json.Compact(&compact, in); err != nil {
			t.Fatalf("input %d: %v", i, err)
		}
		compact.WriteByte('\n')
		var want bytes.Buffer
		if err := json.Indent(&want, compact.Bytes(), "", "  "); err != nil {
			t.Fatal(err)
		}
		if got := indentJSON(nil, compact.Bytes()); !bytes.Equal(got, want.Bytes()) {
			t.Errorf("input %d (%.60s): indentJSON gives\n%.300s\nwant json.Indent's\n%.300s", i, in, got, want.Bytes())
		}
	}
}

// FuzzIndentJSON holds indentJSON to json.Indent on any valid JSON, made
// compact as encoding/json writes it.
func FuzzIndentJSON(f *testing.F) {
	f.Add([]byte(`{"a":[1,{"b":"c\"d"}],"e":{},"f":[]}`))
	f.Add([]byte(`["\\", "}", ":", ","]`))
	f.Fuzz(func(t *testing.T, in []byte) {
		var compact bytes.Buffer
		if json.Compact(&compact, in) != nil {
			return
		}
		compact.WriteByte('\n')
		var want bytes.Buffer
		if err := json.Indent(&want, compact.Bytes(), "", "  "); err != nil {
			t.Fatal(err)
		}
		if got := indentJSON(nil, compact.Bytes()); !bytes.Equal(got, want.Bytes()) {
			t.Errorf("indentJSON(%q) = %q, want %q", compact.Bytes(), got, want.Bytes())
		}
	})
}
