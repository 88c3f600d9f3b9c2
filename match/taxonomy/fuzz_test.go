package taxonomy

import (
	"strings"
	"testing"

	"github.com/tailor-cli/tailor/match/text"
)

// FuzzLoadTaxonomy feeds arbitrary YAML to the taxonomy loader: it must
// return a taxonomy or an error naming the file, never panic, and a
// taxonomy it accepts must scan text safely.
func FuzzLoadTaxonomy(f *testing.F) {
	f.Add(testTaxonomyYAML(f))
	f.Add([]byte("version: \"1\"\ncategories:\n  - {id: t, name: T}\nskills:\n  - {id: a, name: A, category: t, aliases: [\"C++\", a-b c], not: [x a-b], implies: []}\n"))
	f.Add([]byte("version: 1\nskills: [{id: x}]\n"))
	f.Add([]byte("{{{"))
	f.Fuzz(func(t *testing.T, data []byte) {
		tax, err := Load("fuzz.yaml", data, nil)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "fuzz.yaml") {
				t.Errorf("error does not name the file: %q", err)
			}
			return
		}
		compiled := map[int]bool{}
		for _, ps := range tax.index.items {
			for _, p := range ps {
				compiled[p.skill] = true
			}
		}
		for _, s := range tax.Skills() {
			if !compiled[s.idx] {
				t.Errorf("skill %q compiled no patterns", s.ID)
			}
		}
		tax.Scan(text.Tokenize("Trained CNNs in PyTorch/JAX, C++ and Go 1.22; go-to-market " + string(data)))
	})
}
