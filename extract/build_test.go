package extract

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestPictographLen: an emoji or dingbat and a space open a list item;
// symbols that are text, and an emoji without a space, do not.
func TestPictographLen(t *testing.T) {
	t.Parallel()
	for s, want := range map[string]int{
		"✅ Strong Python":   len("✅"),
		"✔️ Docker":         len("✔️"),
		"🔹 Build pipelines": len("🔹"),
		"👉🏽 Apply now":      len("👉🏽"),
		"➕ Rust":            len("➕"),
		"© 2026 Acme":       0,
		"€90k base":         0,
		"✅Python":           0,
		"Python ✅":          0,
		"":                  0,
	} {
		if got := PictographLen(s); got != want {
			t.Errorf("PictographLen(%q) = %d, want %d", s, got, want)
		}
	}
}

// TestWordCount holds WordCount to len(strings.Fields(s)): on ASCII and
// Unicode white space, invalid UTF-8 and the text files of testdata.
func TestWordCount(t *testing.T) {
	t.Parallel()
	texts := []string{"", " ", "a", " a b  c ", "a\u00a0b\u2003c\u0085d", "x\ty\nz\r\n", "\xff\xfe a \xc3", "héllo wörld", "a\vb\fc"}
	files, _ := filepath.Glob("../testdata/samples/*")
	for _, p := range files {
		if data, err := os.ReadFile(p); err == nil {
			texts = append(texts, string(data))
		}
	}
	for _, s := range texts {
		if got, want := WordCount(s), len(strings.Fields(s)); got != want {
			t.Errorf("WordCount(%.40q) = %d, want %d", s, got, want)
		}
	}
}
