package cli

import (
	"errors"
	"fmt"
	"strings"

	ucli "github.com/urfave/cli/v3"

	"github.com/tailor-cli/tailor/match/taxonomy"
	"github.com/tailor-cli/tailor/screen"
)

// requireYearsFlag and requireDegreeFlag are the filters of screen and
// merge on what a resume states beyond skills; new flags for each command,
// since a flag holds its parsed value.
func requireYearsFlag() ucli.Flag {
	return &ucli.FloatFlag{Name: "require-years", Usage: "rank resumes whose dated roles span fewer than `N` years after the rest, saying why"}
}

func requireDegreeFlag() ucli.Flag {
	return &ucli.StringFlag{Name: "require-degree", Usage: "rank resumes with no finished degree of `LEVEL` (bachelor, master, doctorate, or a degree's name such as PhD) or higher after the rest, saying why"}
}

// rankOptions reads the ranking flags; rules give the degree levels.
func rankOptions(cmd *ucli.Command, rules *taxonomy.Rules) (screen.RankOptions, error) {
	opts := screen.RankOptions{Top: cmd.Int("top"), MinScore: cmd.Float("min-score"), RequireYears: cmd.Float("require-years")}
	if opts.RequireYears < 0 {
		return opts, usageError{err: errors.New("--require-years must be at least 0")}
	}
	level := strings.ToLower(strings.TrimSpace(cmd.String("require-degree")))
	if level == "" {
		return opts, nil
	}
	want := rules.DegreeRank(taxonomy.DegreeLevel(level))
	if ls := rules.DegreeLevels(level); want < 0 && len(ls) == 1 {
		// A degree's name ("PhD", "MSc") names its level.
		level = string(ls[0])
		want = rules.DegreeRank(ls[0])
	}
	if want < 0 {
		return opts, usageError{err: fmt.Errorf("--require-degree %q: unknown level (want one of %s)", level, joinLevels(rules.DegreeLevelList()))}
	}
	opts.RequireDegree = func(got string) string {
		switch rank := rules.DegreeRank(taxonomy.DegreeLevel(got)); {
		case got == "":
			return fmt.Sprintf("no finished degree found, %s or higher required", level)
		case rank < 0 || rank > want:
			return fmt.Sprintf("highest degree %s, %s or higher required", got, level)
		}
		return ""
	}
	return opts, nil
}

func joinLevels(ls []taxonomy.DegreeLevel) string {
	out := make([]string, len(ls))
	for k, l := range ls {
		out[k] = string(l)
	}
	return strings.Join(out, ", ")
}
