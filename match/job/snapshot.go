package job

import (
	"github.com/tailor-cli/tailor/extract"
	"github.com/tailor-cli/tailor/match/taxonomy"
)

// profileSnapshot is a built-in profile as New analyses it with the
// built-in taxonomy and rules, written ahead into profile_jobs.go by
// TestProfileSnapshots (-update): asks name their skills by id.
type profileSnapshot struct {
	taxonomyVersion, rulesVersion string
	title                         string
	asks                          []snapshotAsk
	keywords                      []Keyword
	reqs                          []Requirement
	warnings                      []extract.Warning
}

// snapshotAsk is an Ask whose skill is named by id.
type snapshotAsk struct {
	id  string
	ask Ask
}

// BuiltinProfile analyses the built-in job profile name with tax, as New
// does. With the built-in taxonomy and rules unchanged it returns the
// analysis written ahead (a check without --job then skips about 3 ms of
// reading its own profile); otherwise, or if the snapshot names a skill
// tax lacks, it analyses the profile.
func BuiltinProfile(name string, tax *taxonomy.Taxonomy) (*Job, error) {
	if snap, ok := profileJobs[name]; ok && tax.Source == taxonomy.BuiltinName &&
		snap.taxonomyVersion == tax.Version && snap.rulesVersion == tax.Rules().Version {
		if j, ok := snap.job(BuiltinPrefix+name, tax); ok {
			return j, nil
		}
	}
	doc, err := ProfileDocument(name)
	if err != nil {
		return nil, err
	}
	return New(BuiltinPrefix+name, doc, tax), nil
}

// job rebuilds the snapshot's Job on tax; false if a skill is missing.
func (s profileSnapshot) job(name string, tax *taxonomy.Taxonomy) (*Job, bool) {
	j := &Job{Name: name, Title: s.title, tax: tax, keywords: s.keywords, reqs: s.reqs, warnings: s.warnings}
	j.skills = make([]Ask, len(s.asks))
	for i, a := range s.asks {
		sk := tax.Skill(a.id)
		if sk == nil {
			return nil, false
		}
		j.skills[i] = a.ask
		j.skills[i].Skill = sk
	}
	return j, true
}
