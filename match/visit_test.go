package match

import (
	"reflect"
	"slices"
	"sort"
	"testing"
)

// resumeText decides, for every string of a Report, whether it may hold the
// resume's text (true: VisitResumeText visits it) or not (false, with the
// reason in the comment). A string field added to the report fails
// TestVisitResumeText until it is decided here.
var resumeText = map[string]bool{
	"Resume":                                true,
	"ScoreVersion":                          false, // a constant
	"TaxonomyVersion":                       false, // the taxonomy's
	"Job":                                   false, // the job's path
	"JobTitle":                              false, // the job's
	"Reasons[]":                             false, // numbers and skill names
	"Breakdown.Formula":                     false, // a constant
	"Skills[].ID":                           false, // the taxonomy's, or the job's words
	"Skills[].Name":                         false, // the taxonomy's, or the job's words
	"Skills[].Source":                       false, // a closed set
	"Skills[].Category":                     false, // the taxonomy's
	"Skills[].Importance":                   false, // a closed set
	"Skills[].Status":                       false, // a closed set
	"Skills[].JobTerm":                      false, // the job's
	"Skills[].ResumeTerm":                   true,
	"Skills[].Via":                          false, // a skill's name
	"Skills[].Alternatives[]":               false, // skills' names
	"Skills[].JobEvidence[].Section":        false, // the job's
	"Skills[].JobEvidence[].Text":           false, // the job's
	"Skills[].JobEvidence[].Term":           false, // the job's
	"Skills[].ResumeEvidence[].Section":     false, // a section kind (Experience, Skills, …)
	"Skills[].ResumeEvidence[].Text":        true,
	"Skills[].ResumeEvidence[].Term":        true,
	"Skills[].Suggestion.Kind":              false, // a closed set
	"Skills[].Suggestion.Term":              true,
	"Skills[].Suggestion.Advice":            true,
	"Skills[].Suggestion.Template":          true,
	"Skills[].Suggestion.Closest.Section":   false, // a section kind
	"Skills[].Suggestion.Closest.Text":      true,
	"Skills[].Suggestion.Closest.Term":      true,
	"ResumeOnly[]":                          false, // skills' names
	"OtherKeywords[].Term":                  true,
	"OtherKeywords[].Importance":            false, // a closed set
	"HighestDegree":                         false, // a level of the rules
	"Baseline.Resume":                       true,  // the earlier version's file name
	"Baseline.Improved[].ID":                false, // the taxonomy's
	"Baseline.Improved[].Name":              false, // the taxonomy's or the job's
	"Baseline.Improved[].Before":            false, // a closed set
	"Baseline.Improved[].After":             false, // a closed set
	"Baseline.Improved[].Importance":        false, // a closed set
	"Baseline.Worsened[].ID":                false, // the taxonomy's
	"Baseline.Worsened[].Name":              false, // the taxonomy's or the job's
	"Baseline.Worsened[].Before":            false, // a closed set
	"Baseline.Worsened[].After":             false, // a closed set
	"Baseline.Worsened[].Importance":        false, // a closed set
	"Baseline.NewlyMet[]":                   false, // the job's
	"Baseline.NoLongerMet[]":                false, // the job's
	"Checks[].Code":                         false, // a closed set
	"Checks[].Message":                      true,  // quotes the resume's dates and phrases
	"Checks[].Fix":                          false, // tailor's
	"Requirements[].Kind":                   false, // a closed set
	"Requirements[].Text":                   false, // the job's
	"Requirements[].Importance":             false, // a closed set
	"Requirements[].Status":                 false, // a closed set
	"Requirements[].JobEvidence.Section":    false, // the job's
	"Requirements[].JobEvidence.Text":       false, // the job's
	"Requirements[].JobEvidence.Term":       false, // the job's
	"Requirements[].ResumeEvidence.Section": false, // a closed set
	"Requirements[].ResumeEvidence.Text":    true,
	"Requirements[].ResumeEvidence.Term":    true,
	"Requirements[].Note":                   true,
	"Warnings[].Source":                     false, // a closed set
	"Warnings[].Code":                       false, // a closed set
	"Warnings[].Message":                    true,
}

// fill sets every string reachable from v to its own path, allocating one
// element of each slice and every pointer, and returns the paths.
func fill(t *testing.T, v reflect.Value, path string) []string {
	t.Helper()
	join := func(name string) string {
		if path == "" {
			return name
		}
		return path + "." + name
	}
	switch v.Kind() {
	case reflect.String:
		v.SetString(path)
		return []string{path}
	case reflect.Pointer:
		v.Set(reflect.New(v.Type().Elem()))
		return fill(t, v.Elem(), path)
	case reflect.Slice:
		v.Set(reflect.MakeSlice(v.Type(), 1, 1))
		return fill(t, v.Index(0), path+"[]")
	case reflect.Struct:
		var out []string
		for i := range v.NumField() {
			f := v.Type().Field(i)
			if !f.IsExported() {
				continue
			}
			out = append(out, fill(t, v.Field(i), join(f.Name))...)
		}
		return out
	case reflect.Map, reflect.Interface, reflect.Array:
		t.Fatalf("%s: a %s in the report: decide how its strings are visited", path, v.Kind())
	}
	return nil
}

// TestVisitResumeText: every string of a Report is decided, and the
// visitor visits exactly the strings decided as the resume's.
func TestVisitResumeText(t *testing.T) {
	t.Parallel()
	var r Report
	paths := fill(t, reflect.ValueOf(&r).Elem(), "")
	for _, p := range paths {
		if _, ok := resumeText[p]; !ok {
			t.Errorf("report string %s: decide whether it holds resume text (resumeText) and visit it if so", p)
		}
	}
	for p := range resumeText {
		if !slices.Contains(paths, p) {
			t.Errorf("resumeText names %s, which the report no longer has", p)
		}
	}
	var got []string
	r.VisitResumeText(func(s *string, _ TextKind) { got = append(got, *s) })
	var want []string
	for p, resume := range resumeText {
		if resume {
			want = append(want, p)
		}
	}
	sort.Strings(got)
	sort.Strings(want)
	if !slices.Equal(got, want) {
		t.Errorf("visited %q,\nwant %q", got, want)
	}
}
