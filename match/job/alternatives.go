package job

import (
	"slices"
	"sort"
	"strings"

	"github.com/tailor-cli/tailor/match/taxonomy"
)

// alternativeSep matches the words between two skills offered as
// alternatives ("GPUs or TPUs", "Python, Go or Rust", "AWS/GCP"); listSep
// matches a plain list separator, which may sit in such a list;
// examplesOpen matches the opening of examples of a skill ("RNNs (LSTM",
// "RNNs (e.g. LSTM").
var (
	alternativeSep = lazyRegexp(`(?i)^\s*(,\s*)?(or|and/or|or an?|or other|/)\s*$`)
	listSep        = lazyRegexp(`^\s*,\s*$`)
	examplesOpen   = lazyRegexp(`(?i)^\s*\(\s*((e\.g\.|i\.e\.|such as|like|for example|for instance|including),?\s*)?$`)
)

// link says how two skills named one after the other are joined.
type link int

const (
	linkNone    link = iota // anything else: a new ask
	linkOr                  // "or", "/": alternatives
	linkComma               // ",": a list, alternatives only if it ends in "or"
	linkExample             // "RNNs (LSTM": examples of the skill before
)

// groupAlternatives finds skills offered as alternatives and gives each
// group a number; any one member of a group is enough. A group comes only
// from an explicit "or" or "/" between skills of one clause ("PyTorch or
// TensorFlow", "AWS/GCP"), or a list that ends in "or" ("Python, Go or
// Rust"); skills listed before or after the pair with commas or "and"
// stay asks of their own ("GCP or AWS, Kubernetes and Docker" is one group
// and two asks). Examples in brackets after a skill, when they are
// narrower skills that imply it, are part of its ask ("RNNs (LSTM/GRU)"). A skill keeps the first group it is in: groups never
// grow by sharing a skill. breaks are where squashed list items begin.
func groupAlternatives(text string, hits []taxonomy.Hit, breaks []int, tax *taxonomy.Taxonomy, byID map[string]*Ask) {
	group := map[string]int{}
	next := 1
	assign := func(members []taxonomy.Hit) {
		ids := []string{}
		for _, h := range members {
			if _, taken := group[h.Skill.ID]; !taken && !containsID(ids, h.Skill.ID) {
				ids = append(ids, h.Skill.ID)
			}
		}
		if len(ids) < 2 {
			return
		}
		for _, id := range ids {
			group[id] = next
		}
		next++
	}
	// items are the skills of one run, links the joins between them.
	var items []taxonomy.Hit
	var links []link
	flush := func() {
		if len(items) > 1 {
			groupRun(tax, items, links, assign)
		}
		items, links = nil, nil
	}
	for i, h := range hits {
		if i > 0 && len(items) > 0 {
			prev := hits[i-1]
			between := text[prev.End:h.Start]
			if strings.TrimSpace(between) == "" && !strings.Contains(between, "\n") && !crossesBreak(breaks, prev.End, h.Start) {
				// "PyTorch FSDP": the first qualifies the second, which
				// is the item offered; the qualifier is no alternative.
				items[len(items)-1] = h
				continue
			}
			l := linkNone
			switch {
			case crossesBreak(breaks, prev.End, h.Start+1):
			case alternative(between) && (strings.TrimSpace(between) != "/" || oneWord(text, prev) && oneWord(text, h)) &&
				sameKind(tax, items[len(items)-1], h):
				// A slash offers a choice only between one-word names
				// ("PyTorch/TensorFlow"); in "GPU/TPU utilisation" it
				// joins a compound.
				l = linkOr
			case listSep().MatchString(between):
				l = linkComma
			case examplesOpen().MatchString(between) && slices.Contains(tax.Implied(h.Skill.ID), items[len(items)-1].Skill.ID):
				// Only a narrower skill is an example: LSTM for RNNs, not
				// profiling for "GPUs or TPUs (profiling, …)".
				l = linkExample
			}
			if l == linkNone {
				flush()
			} else {
				links = append(links, l)
			}
		}
		items = append(items, h)
	}
	flush()
	ids := make([]string, 0, len(group))
	for id := range group {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		if a := byID[id]; a != nil {
			a.Group = group[id]
		}
	}
}

// groupRun groups the skills of one run joined by links: examples join the
// skill before them (with their own alternatives); a run that is a list
// ending in "or" is one group; otherwise only skills joined by "or" are.
func groupRun(tax *taxonomy.Taxonomy, items []taxonomy.Hit, links []link, assign func([]taxonomy.Hit)) {
	// Examples in brackets: the head and everything after it.
	for i, l := range links {
		if l == linkExample {
			assign(items[i:])
			groupRun(tax, items[:i+1], links[:i], assign)
			return
		}
	}
	hasOr := false
	for _, l := range links {
		hasOr = hasOr || l == linkOr
	}
	if !hasOr {
		return
	}
	if links[len(links)-1] == linkOr {
		listThenOr := true
		for i, l := range links[:len(links)-1] {
			listThenOr = listThenOr && l == linkComma && sameKind(tax, items[i], items[i+1])
		}
		if listThenOr {
			assign(items)
			return
		}
	}
	start := 0
	for i := 0; i <= len(links); i++ {
		if i == len(links) || links[i] != linkOr {
			assign(items[start : i+1])
			start = i + 1
		}
	}
}

// sameKind reports whether two skills may be alternatives to each other:
// they are of one category, or one is a narrower form of the other ("CUDA
// programming or GPU kernel optimisation"). A serving stack is no
// alternative to FlashAttention, nor PyTorch to Docker.
func sameKind(tax *taxonomy.Taxonomy, a, b taxonomy.Hit) bool {
	return a.Skill.Category == b.Skill.Category || slices.Contains(tax.Implied(a.Skill.ID), b.Skill.ID) ||
		slices.Contains(tax.Implied(b.Skill.ID), a.Skill.ID)
}

// alternative reports whether the words between two skills offer them as
// alternatives: "or", "/", ", or", also after a word that completes the
// first name ("CUDA programming or GPU kernels").
func alternative(between string) bool {
	if alternativeSep().MatchString(between) {
		return true
	}
	word, rest, ok := strings.Cut(strings.TrimLeft(between, " "), " ")
	return ok && word != "and" && word != "but" && strings.IndexFunc(word, func(r rune) bool { return r < 'a' || r > 'z' }) < 0 &&
		strings.HasPrefix(strings.TrimSpace(rest), "or") && alternativeSep().MatchString(" "+rest)
}

// crossesBreak reports whether an item of a squashed list begins in
// [from, to).
func crossesBreak(breaks []int, from, to int) bool {
	i := sort.SearchInts(breaks, from)
	return i < len(breaks) && breaks[i] < to
}

func containsID(ids []string, id string) bool {
	for _, x := range ids {
		if x == id {
			return true
		}
	}
	return false
}

// oneWord reports whether a hit's text is a single word.
func oneWord(text string, h taxonomy.Hit) bool {
	return !strings.ContainsAny(text[h.Start:h.End], " -/")
}
