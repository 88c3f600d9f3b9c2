package text

import (
	"slices"
	"strings"
	"testing"
	"unicode"
)

func TestNameFinder(t *testing.T) {
	t.Parallel()
	f := NewNameFinder([]string{"Prof", "Dr", "mr"}, []string{"manager", "consultant", "head", "engineer"}, []string{"regards", "team"})
	for _, tc := range []struct {
		text string
		want []string
	}{
		{"References: Prof. Tamás Keras, University of Aldemar", []string{"Tamás Keras"}},
		{"PI: Dr Sam Okonkwo (pathology)", []string{"Sam Okonkwo"}},
		{"Mr. Ray Lindqvist, my manager", []string{"Ray Lindqvist"}},
		{"Chen, R., Okafor, T. and Lindqvist, M. (2024). Stain-robust ViTs.", []string{"Chen, R.", "Okafor, T.", "Lindqvist, M."}},
		{"R. Chen and T. Okafor. Fast SAM adapters.", []string{"R. Chen", "T. Okafor"}},
		// One author-like pair is not a list; a title is not a name.
		{"Trained ResNet, R. and Python tools", nil},
		{"Dr. of Engineering in Spark", nil},
		{"Built Keras models with Prof. approval", nil},
		{"Kind regards,\n\nHarriet Coyle\nPrincipal Consultant, Data & Analytics\n", []string{"Harriet Coyle"}},
		{"Meet the hiring team\nJulia Brandt\nEngineering Manager · Wrenly\n", []string{"Julia Brandt"}},
		// A title above a title, or a heading above a plain line, is no name.
		{"Data Engineer\nEngineering Manager\n", nil},
		{"Machine Learning\nWe train models.\n", nil},
		{"Projects\nComputer Vision\nLead Engineer, Acme (2021-2024)\n", nil},
		// A double-barrelled surname makes a name anywhere; a hyphenated
		// word in lower case, or after a word in lower case, does not.
		{"You will be one of six SREs, led by Ewa Lindqvist-Moyo.", []string{"Ewa Lindqvist-Moyo"}},
		{"Reports to: Head of Pricing Science (Aoife Brennan-Castillo)", []string{"Aoife Brennan-Castillo"}},
		{"Build Spark-based pipelines with Jetpack Compose-style views", nil},
		{"uses Kotlin Multi-platform", nil},
	} {
		var got []string
		for _, sp := range f.Find(tc.text) {
			got = append(got, tc.text[sp.Start:sp.End])
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("%q: names %q, want %q", tc.text, got, tc.want)
		}
	}
}

// TestNameFinder_Greeting checks that the name after an email's greeting
// is found when the greeting is one of the honorifics' words.
func TestNameFinder_Greeting(t *testing.T) {
	f := NewNameFinder([]string{"Hi", "Dear"}, nil, nil)
	s := "Subject: Backend role\n\nHi Ravi,\n\nI saw your Go work.\nDear Ana Lopes,\n"
	var got []string
	for _, sp := range f.Find(s) {
		got = append(got, s[sp.Start:sp.End])
	}
	if strings.Join(got, "|") != "Ravi|Ana Lopes" {
		t.Errorf("names %q, want Ravi and Ana Lopes", got)
	}
}

// TestLowerHyphenUpper: the test that spares a line the double-barrelled
// expression never spares one the expression matches, on every line of
// testdata and on names with letters beyond ASCII.
func TestLowerHyphenUpper(t *testing.T) {
	lines := []string{"Ewa Lindqvist-Moyo", "Émile Saint-Éxupéry, Paris", "Zoë Ørsted-Ågren", "fine-tuning, 2019-2021", "Python Scikit-Learn"}
	for _, s := range testdataTexts(t) {
		lines = append(lines, strings.Split(s, "\n")...)
	}
	matched := 0
	for _, l := range lines {
		if doubleBarrelled().MatchString(l) {
			matched++
			if !lowerHyphenUpper(l) {
				t.Errorf("%q: a double-barrelled name, but lowerHyphenUpper spares the line", l)
			}
		}
	}
	if lowerHyphenUpper("fine-tuning, 2019-2021") {
		t.Error(`"fine-tuning, 2019-2021" has no capital after a hyphen, but is searched`)
	}
	if matched < 5 {
		t.Errorf("only %d lines hold a double-barrelled name: the test no longer tests the filter", matched)
	}
}

// TestHas holds has, which walks a line's runs of letters in place, to
// splitting the line at every character that is no letter.
func TestHas(t *testing.T) {
	words := map[string]bool{"regards": true, "team": true, "engineer": true, "zoë": true, "r": true}
	split := func(line string) bool {
		for _, w := range strings.FieldsFunc(line, func(r rune) bool { return !unicode.IsLetter(r) }) {
			if words[strings.ToLower(w)] {
				return true
			}
		}
		return false
	}
	lines := []string{"", "Best regards,", "ZOË", "R.", "team-lead", "Engineer", "engineering", "x Team"}
	for _, s := range testdataTexts(t) {
		lines = append(lines, strings.Split(s, "\n")...)
	}
	found := 0
	for _, l := range lines {
		want := split(l)
		if got := has(words, l); got != want {
			t.Errorf("has(%q) = %v, want %v", l, got, want)
		}
		if want {
			found++
		}
	}
	if found < 10 {
		t.Errorf("only %d lines hold a word: the test no longer tests has", found)
	}
}
