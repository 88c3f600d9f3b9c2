package text

import (
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/jdkato/prose/v3/tag"
)

// TestLex_Halves holds Lex, which tokenizes a long text in two halves and
// hands prose only the runs it would split, to what prose's tokenizer
// gives for the whole text at once: on every text file of testdata
// (resumes and job ads), and on generated texts, short and long, whose
// middle falls in runs of Unicode spaces, tabs and line breaks and whose
// words hold every character prose splits off or at.
func TestLex_Halves(t *testing.T) {
	t.Parallel()
	texts := testdataTexts(t)
	rng := rand.New(rand.NewPCG(1, 2))
	parts := []string{"PyTorch", "don't", "e.g.", "U.S.", "(CNN)", "fine-tuning;", "C++", "Dr.", ":-)", "é", "\u00a0", "\u2003", " ", "  ", "\n", "\r\n", "\t", "\n\n", "x",
		"$5", "[x]", "\"q\"", "“q”", "‘a’", "It’s", "we'll", "CAN'T", "?", "!", "x;", "a:", "b,", "XD", "\u0085", "\x00", "\xff", "\x7f", "\v", "\f", "Mr.", "A.B.C."}
	for i := range 400 {
		var b strings.Builder
		size := lexHalves + rng.IntN(lexHalves)
		if i%2 == 1 {
			size = rng.IntN(200)
		}
		for b.Len() < size {
			b.WriteString(parts[rng.IntN(len(parts))])
		}
		texts = append(texts, b.String())
	}
	texts = append(texts, strings.Repeat("x", 2*lexHalves), strings.Repeat(" \u00a0", lexHalves))
	halved := 0
	for _, s := range texts {
		if halfway(s) > 0 {
			halved++
		}
		want := tokenizer().Tokenize(s)
		if got := Lex(s).raw; !slices.Equal(got, want) {
			t.Errorf("Lex of a %d-byte text (%.40q...) cut at %d: %d tokens, want the whole text's %d", len(s), s, halfway(s), len(got), len(want))
		}
	}
	if halved < 150 {
		t.Errorf("only %d of %d texts were long enough to be cut: the test no longer tests the halves", halved, len(texts))
	}
}

// TestTagInHalves holds tagging in two halves to what prose's tagger gives
// in one pass, on every text file of testdata: with the warm-up tailor
// uses, and with the shortest one, whose halves often disagree before the
// cut and must then be tagged again.
func TestTagInHalves(t *testing.T) {
	t.Parallel()
	tagger, err := tag.New()
	if err != nil {
		t.Fatal(err)
	}
	texts := testdataTexts(t)
	for _, warmUp := range []int{2, tagWarmUp} {
		again := 0
		for _, s := range texts {
			want := slices.Clone(Lex(s).raw)
			tagger.TagTokens(want)
			got := slices.Clone(Lex(s).raw)
			if tagInHalves(tagger, got, warmUp) {
				again++
			}
			if !slices.Equal(got, want) {
				t.Errorf("warm-up %d: tags of a %d-token text (%.40q...) differ from one pass", warmUp, len(got), s)
			}
		}
		t.Logf("warm-up %d: %d of %d texts tagged again", warmUp, again, len(texts))
		switch {
		case warmUp == 2 && again == 0:
			t.Errorf("warm-up 2: no text was tagged again, so the test no longer tries the halves' disagreement")
		case warmUp == tagWarmUp && again > len(texts)/20:
			t.Errorf("warm-up %d: %d of %d texts tagged again: the halves no longer save the time", warmUp, again, len(texts))
		}
	}
}

// testdataTexts returns every text file of testdata (resumes and job ads).
func testdataTexts(t *testing.T) []string {
	t.Helper()
	var texts []string
	err := filepath.WalkDir("../../testdata", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		switch filepath.Ext(path) {
		case ".txt", ".md", ".html":
			b, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			texts = append(texts, string(b))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return texts
}

// FuzzLex holds Lex to prose's tokenizer on any text.
func FuzzLex(f *testing.F) {
	for _, s := range []string{"PyTorch, TensorFlow (CNN/RNN) and e.g. U.S. Dr. Who's “quoted” $5 [x]", "a\u00a0b\u0085c\td\n", "\xff\x00x.", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := Lex(s).raw, tokenizer().Tokenize(s); !slices.Equal(got, want) {
			t.Errorf("Lex(%q) = %v, want prose's %v", s, got, want)
		}
	})
}
