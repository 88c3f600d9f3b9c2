package taxonomy

import "testing"

// BenchmarkBuiltin measures building the built-in taxonomy as every run
// does before it reads a resume: its terms compiled and indexed.
func BenchmarkBuiltin(b *testing.B) {
	for b.Loop() {
		if _, err := Builtin(); err != nil {
			b.Fatal(err)
		}
	}
}
