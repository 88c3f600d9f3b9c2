package job

import (
	"crypto/sha256"
	"embed"
	"fmt"
	"io/fs"
	"strings"

	"github.com/tailor-cli/tailor/extract"
	"github.com/tailor-cli/tailor/match/text"
)

//go:generate go run ./internal/genphrases -out profile_phrases.go

//go:embed profiles/*.md
var profiles embed.FS

// DefaultProfile is the built-in job used when no job description is given.
const DefaultProfile = "deep-learning-engineer"

// BuiltinPrefix starts the name of a built-in job profile.
const BuiltinPrefix = "builtin:"

// Profile returns the text of a built-in job profile by name.
func Profile(name string) ([]byte, error) {
	data, err := profiles.ReadFile("profiles/" + name + ".md")
	if err != nil {
		return nil, fmt.Errorf("no built-in job profile %q", name)
	}
	return data, nil
}

// Profiles lists the names of the built-in job profiles, sorted.
func Profiles() ([]string, error) {
	files, err := fs.Glob(profiles, "profiles/*.md")
	if err != nil {
		return nil, fmt.Errorf("list built-in profiles: %w", err)
	}
	names := make([]string, len(files))
	for i, f := range files {
		names[i] = strings.TrimSuffix(strings.TrimPrefix(f, "profiles/"), ".md")
	}
	return names, nil
}

// ProfileDocument reads a built-in job profile as the Markdown document
// named "builtin:<name>", ready for New.
func ProfileDocument(name string) (*extract.Document, error) {
	data, err := Profile(name)
	if err != nil {
		return nil, err
	}
	return extract.ReadText(BuiltinPrefix+name, data, extract.FormatMarkdown)
}

// jobPhrases returns the noun phrases of a job's lexed text: stored ones
// for a built-in profile, else those of prose's tagger, whose model costs
// as much to load as the rest of a check.
func jobPhrases(l text.Lexed) []text.Phrase {
	if ps, ok := profilePhrases[fmt.Sprintf("%x", sha256.Sum256([]byte(l.Text())))]; ok {
		return ps
	}
	return text.NounPhrasesOf(l)
}
