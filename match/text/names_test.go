package text

import (
	"slices"
	"testing"
)

func TestNameFinder(t *testing.T) {
	t.Parallel()
	f := NewNameFinder([]string{"Prof", "Dr", "mr"})
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
