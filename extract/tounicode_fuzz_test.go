package extract

import (
	"testing"
	"unicode/utf8"
)

// FuzzParseToUnicode: any ToUnicode stream parses without a panic into at
// most maxToUnicodeEntries codes of valid UTF-8 text.
func FuzzParseToUnicode(f *testing.F) {
	f.Add([]byte("1 beginbfrange\n<0001> <001A> <0061>\nendbfrange\n2 beginbfchar\n<1B> <0020>\n<1C> <002D00AD2010>\nendbfchar"))
	f.Add([]byte("1 beginbfrange\n<00> <FF> [<0041> <0042>]\nendbfrange"))
	f.Add([]byte("1 beginbfrange\n<0000> <FFFF> <D83DDE00>\nendbfrange"))
	f.Fuzz(func(t *testing.T, data []byte) {
		m := parseToUnicode(data)
		if len(m) > maxToUnicodeEntries {
			t.Fatalf("%d entries", len(m))
		}
		for _, v := range m {
			if !utf8.ValidString(v) {
				t.Fatalf("invalid text %q", v)
			}
		}
	})
}
