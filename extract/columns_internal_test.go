package extract

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

// TestCoverage holds coverage, which marks each word's points at their
// ends and sums, to counting point by point, on random lines of words that
// overlap, touch, fall outside the range and run backwards.
func TestCoverage(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(3, 4))
	for trial := range 300 {
		lo := rng.Float64()*100 - 50
		width := 100 + rng.IntN(600)
		var lines []rawLine
		for range 1 + rng.IntN(40) {
			ln := rawLine{size: 4 + rng.Float64()*10}
			x := lo - 20 + rng.Float64()*40
			for range rng.IntN(12) {
				x0 := x + rng.Float64()*30 - 5
				x1 := x0 + rng.Float64()*60 - 3
				ln.words = append(ln.words, wordBox{x0: x0, x1: x1})
				x = x1
			}
			lines = append(lines, ln)
		}
		want := make([]int, width+1)
		for _, ln := range lines {
			last := -1
			for i, w := range ln.words {
				from := w.x0
				if i > 0 && w.x0-ln.words[i-1].x1 < wordSpaceEm*ln.size {
					from = ln.words[i-1].x1
				}
				for x := max(int(from-lo), last+1); x < int(math.Ceil(w.x1-lo)) && x <= width; x++ {
					want[x]++
					last = x
				}
			}
		}
		if got := coverage(lines, lo, width); !slices.Equal(got, want) {
			t.Fatalf("trial %d: coverage\n%v\nwant\n%v", trial, got, want)
		}
	}
}
