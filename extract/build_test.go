package extract

import "testing"

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
