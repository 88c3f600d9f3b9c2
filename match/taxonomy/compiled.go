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

// keyIndex holds items (the patterns of terms, or phrases) by a key of
// their first word (its lower case, or the stem of a one-word term), keys
// sorted, with an open addressing hash table over them. It has no map, so
// that the built-in taxonomy's indexes are data written by go generate,
// which a run reads without building anything. A phrase whose first word
// has alternatives is under each.
type keyIndex[T any] struct {
	keys  []string
	items [][]T
	// slots holds 1 + the index of a key at the slot its hash picks (or
	// the next free one after it), 0 for a free slot; its length is a
	// power of two at least twice the keys'.
	slots []uint32
}

// newKeyIndex returns the index of items by key.
func newKeyIndex[T any](m map[string][]T) keyIndex[T] {
	x := keyIndex[T]{keys: sortedKeys(m)}
	x.items = make([][]T, len(x.keys))
	for i, k := range x.keys {
		x.items[i] = m[k]
	}
	x.slots = hashSlots(x.keys)
	return x
}

// get returns the items under key.
func (x *keyIndex[T]) get(key string) []T {
	if i := findSlot(x.slots, x.keys, key); i >= 0 {
		return x.items[i]
	}
	return nil
}

// sortedKeys returns a map's keys, sorted.
func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// keyHash is FNV-1a over the key's bytes.
func keyHash(s string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(s); i++ {
		h = (h ^ uint32(s[i])) * 16777619
	}
	return h
}

// hashSlots returns the hash table over keys that findSlot reads.
func hashSlots(keys []string) []uint32 {
	n := 16
	for n < 2*len(keys) {
		n *= 2
	}
	slots := make([]uint32, n)
	for i, k := range keys {
		j := keyHash(k) & uint32(n-1)
		for slots[j] != 0 {
			j = (j + 1) & uint32(n-1)
		}
		slots[j] = uint32(i + 1)
	}
	return slots
}

// findSlot returns the index of key in keys through slots, or -1.
func findSlot(slots []uint32, keys []string, key string) int {
	if len(slots) == 0 {
		return -1
	}
	mask := uint32(len(slots) - 1)
	for j := keyHash(key) & mask; slots[j] != 0; j = (j + 1) & mask {
		if k := slots[j] - 1; keys[k] == key {
			return int(k)
		}
	}
	return -1
}

// compiledTaxonomy is the built-in taxonomy compiled when it was
// generated: taxonomy_compiled.go holds it as data, for the skills of
// taxonomy_builtin.go of the same version.
type compiledTaxonomy struct {
	version string
	index   keyIndex[pattern]
	phrases keyIndex[phrase]
	data    []skillData
}

// builtinCompiled is set by taxonomy_compiled.go; nil or of another
// version, Builtin compiles the skills itself.
var builtinCompiled *compiledTaxonomy
