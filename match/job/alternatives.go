package job

import (
	"regexp"
	"sort"
	"strings"

	"github.com/tailor-cli/tailor/match/taxonomy"
)

// alternativeSep matches the words between two skills offered as
// alternatives ("GPUs or TPUs", "Python, Go or Rust", "AWS/GCP"); listSep
// matches a plain list separator, which may sit in such a list.
var (
	alternativeSep = regexp.MustCompile(`(?i)^\s*(,\s*)?(or|and/or|or an?|or other|/)\s*$`)
	listSep        = regexp.MustCompile(`^\s*,\s*$`)
)

// groupAlternatives finds runs of skills offered as alternatives and puts
// the skills of each run in one group; runs that share a skill merge. A
// skill also asked for on its own elsewhere stays in its group: that "GPUs"
// are wanted elsewhere does not make "TPUs" in "GPUs or TPUs" required.
func groupAlternatives(text string, hits []taxonomy.Hit, byID map[string]*Ask) {
	parent := map[string]string{} // union-find over skill ids
	var find func(id string) string
	find = func(id string) string {
		if p, ok := parent[id]; ok && p != id {
			root := find(p)
			parent[id] = root
			return root
		}
		return id
	}
	run := []taxonomy.Hit{}
	either := false
	flush := func() {
		if either {
			for _, h := range run[1:] {
				if a, b := find(run[0].Skill.ID), find(h.Skill.ID); a != b {
					parent[b] = a
				}
			}
		}
		run, either = []taxonomy.Hit{}, false
	}
	for i, h := range hits {
		if i > 0 {
			prev := hits[i-1]
			between := text[prev.End:h.Start]
			if len(run) > 0 && strings.TrimSpace(between) == "" && !strings.Contains(between, "\n") {
				// "PyTorch FSDP": the first qualifies the second, which
				// is the item offered; the qualifier is no alternative.
				run[len(run)-1] = h
				continue
			}
			switch {
			case alternativeSep.MatchString(between) && (strings.TrimSpace(between) != "/" || oneWord(text, prev) && oneWord(text, h)):
				// A slash offers a choice only between one-word names
				// ("PyTorch/TensorFlow"); in "GPU/TPU utilisation" it
				// joins a compound.
				either = true
			case listSep.MatchString(between):
			default:
				flush()
			}
		}
		run = append(run, h)
	}
	flush()
	size := map[string]int{}
	ids := make([]string, 0, len(byID))
	for id := range byID {
		size[find(id)]++
		ids = append(ids, id)
	}
	sort.Strings(ids) // stable group numbers
	groups := map[string]int{}
	for _, id := range ids {
		root := find(id)
		if size[root] < 2 {
			continue
		}
		if _, ok := groups[root]; !ok {
			groups[root] = len(groups) + 1
		}
		byID[id].Group = groups[root]
	}
}

// oneWord reports whether a hit's text is a single word.
func oneWord(text string, h taxonomy.Hit) bool {
	return !strings.ContainsAny(text[h.Start:h.End], " -/")
}
