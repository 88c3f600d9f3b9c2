package match

import (
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// TestLayers checks that each layer of match imports only the layers below
// it (see the package comment), and that the report writers do not depend
// on the worker pool of screen. Test files may import more.
func TestLayers(t *testing.T) {
	t.Parallel()
	const mod = "github.com/tailor-cli/tailor/"
	allowed := map[string][]string{
		// match/internal/concur (running a part alongside) belongs to no
		// layer: any may use it.
		"text":            {"extract", "match/internal/concur"},
		"taxonomy":        {"extract", "match/internal/concur", "match/text"},
		"analysis":        {"extract", "match/internal/concur", "match/text", "match/taxonomy"},
		"job":             {"extract", "match/internal/concur", "match/text", "match/taxonomy", "match/analysis"},
		".":               {"extract", "match/internal/concur", "match/text", "match/taxonomy", "match/analysis", "match/job"},
		"internal/concur": {},
		"../report":       {"extract", "match"},
		"../screen":       {"extract", "match", "match/text"},
	}
	for dir, ok := range allowed {
		files, err := filepath.Glob(filepath.Join(dir, "*.go"))
		if err != nil || len(files) == 0 {
			t.Fatalf("%s: no Go files (%v)", dir, err)
		}
		for _, f := range files {
			if strings.HasSuffix(f, "_test.go") {
				continue
			}
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			file, err := parser.ParseFile(token.NewFileSet(), f, src, parser.ImportsOnly)
			if err != nil {
				t.Fatal(err)
			}
			for _, imp := range file.Imports {
				path, _ := strconv.Unquote(imp.Path.Value)
				if rel, ours := strings.CutPrefix(path, mod); ours && !slices.Contains(ok, rel) {
					t.Errorf("%s imports %s; its layer may import only %v", f, rel, ok)
				}
			}
		}
	}
}
