package job

import (
	"crypto/sha256"
	"fmt"
	"reflect"
	"testing"

	"github.com/tailor-cli/tailor/match/text"
)

// TestProfilePhrases_Generated checks that profile_phrases.go holds, for
// every built-in profile, exactly what the tagger finds in its text today,
// so a stored result never differs from a live one.
func TestProfilePhrases_Generated(t *testing.T) {
	names, err := Profiles()
	if err != nil {
		t.Fatal(err)
	}
	if len(names) == 0 {
		t.Fatal("no built-in profiles")
	}
	for _, name := range names {
		doc, err := ProfileDocument(name)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		stored, ok := profilePhrases[fmt.Sprintf("%x", sha256.Sum256([]byte(doc.Text)))]
		if !ok {
			t.Fatalf("profile_phrases.go has no entry for the current text of %s: run go generate ./match/job", name)
		}
		if live := text.NounPhrases(doc.Text); !reflect.DeepEqual(stored, live) {
			t.Fatalf("profile_phrases.go differs from the tagger for %s: run go generate ./match/job", name)
		}
		if len(stored) == 0 {
			t.Fatalf("%s: no noun phrases found", name)
		}
	}
	if len(profilePhrases) != len(names) {
		t.Fatalf("profile_phrases.go has %d entries for %d profiles: run go generate ./match/job", len(profilePhrases), len(names))
	}
}
