package text

import (
	"slices"
	"strings"
	"testing"
)

// TestNounPhrases_ProductNumbers: a product's number ends its name, a
// year does not.
func TestNounPhrases_ProductNumbers(t *testing.T) {
	t.Parallel()
	var got []string
	for _, p := range NounPhrases("Maintain PLC programs using Studio 5000 and ISO 27001 controls, as we have since 2023.") {
		got = append(got, p.Text)
	}
	for _, want := range []string{"Studio 5000", "ISO 27001"} {
		if !slices.Contains(got, want) {
			t.Errorf("%q is no phrase: %q", want, got)
		}
	}
	if slices.ContainsFunc(got, func(p string) bool { return strings.Contains(p, "2023") }) {
		t.Errorf("a year ends a phrase: %q", got)
	}
}
