package taxonomy

import "slices"

// skillData is what compiling works out for one skill, beside its
// patterns in the index.
type skillData struct {
	// not holds the patterns of the skill's "not" phrases.
	not []pattern
	// guarded holds the skill's exact and ambiguous terms in lower case,
	// words joined by spaces: a form the taxonomy lists as needing care
	// ("fine-tuned") is never matched as a mere inflection of an alias
	// ("fine-tuning").
	guarded []string
	// implied holds every skill the skill implies, transitively, sorted;
	// impliers every skill that implies it, transitively; children the
	// skills that name it in their Implies.
	implied, impliers, children []string
}

// termIndex holds patterns by the key of their first token (its lower
// case, or the stem of a one-word term), keys sorted. It has no map, so
// that the built-in taxonomy's index is data written by go generate,
// which a run reads without building anything.
type termIndex struct {
	keys     []string
	patterns [][]pattern
}

// newTermIndex returns the index of patterns by key.
func newTermIndex(m map[string][]pattern) termIndex {
	x := termIndex{keys: make([]string, 0, len(m))}
	for k := range m {
		x.keys = append(x.keys, k)
	}
	slices.Sort(x.keys)
	x.patterns = make([][]pattern, len(x.keys))
	for i, k := range x.keys {
		x.patterns[i] = m[k]
	}
	return x
}

// get returns the patterns whose first token has key.
func (x *termIndex) get(key string) []pattern {
	if i, ok := slices.BinarySearch(x.keys, key); ok {
		return x.patterns[i]
	}
	return nil
}

// phraseIndex holds phrases by the stems of their first words, keys
// sorted; a phrase whose first word has alternatives is under each.
type phraseIndex struct {
	keys    []string
	phrases [][]phrase
}

// newPhraseIndex returns the index of phrases by key.
func newPhraseIndex(m map[string][]phrase) phraseIndex {
	x := phraseIndex{keys: make([]string, 0, len(m))}
	for k := range m {
		x.keys = append(x.keys, k)
	}
	slices.Sort(x.keys)
	x.phrases = make([][]phrase, len(x.keys))
	for i, k := range x.keys {
		x.phrases[i] = m[k]
	}
	return x
}

// get returns the phrases whose first word has stem key.
func (x *phraseIndex) get(key string) []phrase {
	if i, ok := slices.BinarySearch(x.keys, key); ok {
		return x.phrases[i]
	}
	return nil
}

// compiledTaxonomy is the built-in taxonomy compiled when it was
// generated: taxonomy_compiled.go holds it as data, for the skills of
// taxonomy_builtin.go of the same version.
type compiledTaxonomy struct {
	version string
	index   termIndex
	phrases phraseIndex
	data    []skillData
}

// builtinCompiled is set by taxonomy_compiled.go; nil or of another
// version, Builtin compiles the skills itself.
var builtinCompiled *compiledTaxonomy
