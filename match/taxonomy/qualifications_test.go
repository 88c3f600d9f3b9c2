package taxonomy

import (
	"strings"
	"testing"
	"time"
)

func TestDateRangesAt(t *testing.T) {
	t.Parallel()
	r, err := BuiltinRules()
	if err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, time.November, 15, 0, 0, 0, 0, time.UTC)
	months := func(y, m int) int { return y*12 + m - 1 }
	tests := []struct {
		text       string
		start, end int // end: the month after the last
		open       bool
	}{
		{"Göteborg, Sweden · Mar 2022 – present", months(2022, 3), months(2026, 12), true},
		{"Jul 2019 – Feb 2022", months(2019, 7), months(2022, 3), false},
		{"Sep 2015 – Jun 2019", months(2015, 9), months(2019, 7), false},
		{"2019 – present", months(2019, 1), months(2026, 12), true},
		{"2018–21", months(2018, 1), months(2021, 1), false},
		{"05/2019 – 07/2021", months(2019, 5), months(2021, 8), false},
		{"September 2015 to now", months(2015, 9), months(2026, 12), true},
		{"Summers 2015 - 2016", months(2015, 1), months(2016, 1), false},
		{"2016 - 2016", months(2016, 1), months(2017, 1), false},
		{"Jan. 2020 - Current", months(2020, 1), months(2026, 12), true},
		{"sept. 2019 – janv. 2021", months(2019, 9), months(2021, 2), false},
	}
	for _, tt := range tests {
		got := r.DateRangesAt(tt.text, now)
		if len(got) != 1 {
			t.Errorf("%q: %d ranges %+v, want 1", tt.text, len(got), got)
			continue
		}
		if g := got[0]; g.Start != tt.start || g.End != tt.end || g.Open != tt.open {
			t.Errorf("%q: got %d–%d open %v, want %d–%d open %v", tt.text, g.Start, g.End, g.Open, tt.start, tt.end, tt.open)
		}
	}
	for _, s := range []string{"2022 – 2019", "+46 70 555 01 37", "Mar 2022 – present"[:8]} {
		if got := r.DateRangesAt(s, now); len(got) != 0 {
			t.Errorf("%q: ranges %+v, want none", s, got)
		}
	}
}

func TestDegreeLevels(t *testing.T) {
	t.Parallel()
	r, err := BuiltinRules()
	if err != nil {
		t.Fatal(err)
	}
	tests := map[string][]DegreeLevel{
		"BS/MS in Computer Science or a related field":       {"master", "bachelor"},
		"A graduate degree (MSc or PhD) in Computer Science": {"doctorate", "master"},
		"B.Sc. in Engineering Physics (2010 – 2013)":         {"bachelor"},
		"M.S., Statistics":              {"master"},
		"MEng Electrical Engineering":   {"master"},
		"Dr. rer. nat. in Physics":      {"doctorate"},
		"Ran the MS SQL Server cluster": nil,
	}
	for text, want := range tests {
		got := r.DegreeLevels(text)
		if len(got) != len(want) {
			t.Errorf("%q: levels %v, want %v", text, got, want)
			continue
		}
		for k := range got {
			if got[k] != want[k] {
				t.Errorf("%q: levels %v, want %v", text, got, want)
			}
		}
	}
	if r.DegreeRank("doctorate") >= r.DegreeRank("master") || r.DegreeRank("master") >= r.DegreeRank("bachelor") || r.DegreeRank("diploma") != -1 {
		t.Errorf("ranks: doctorate %d, master %d, bachelor %d", r.DegreeRank("doctorate"), r.DegreeRank("master"), r.DegreeRank("bachelor"))
	}
	if n, ok := r.Number("five"); !ok || n != 5 {
		t.Errorf("Number(five) = %d, %v", n, ok)
	}
}

func TestRules_ExtendDatesAndDegrees(t *testing.T) {
	t.Parallel()
	base, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	ext := `version: "de2"
degrees:
  - level: master
    patterns: ['\bdiplom-informatiker\b']
    examples: ["Diplom-Informatiker, TU Dresden"]
dates:
  months: [januar, februar, märz, april, mai, juni, juli, august, september, oktober, november, dezember]
  present: [heute, aktuell]
  examples: ["März 2019 – aktuell"]
`
	tax, err := Load("de.yaml", []byte(ext), base)
	if err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, time.November, 30, 0, 0, 0, 0, time.UTC)
	r := tax.Rules()
	got := r.DateRangesAt("Oktober 2019 – aktuell", now)
	if len(got) != 1 || got[0].Start != 2019*12+9 || !got[0].Open {
		t.Errorf("extended months: %+v", got)
	}
	if ls := r.DegreeLevels("Diplom-Informatiker, TU Dresden"); len(ls) != 1 || ls[0] != "master" {
		t.Errorf("extended degree: %v", ls)
	}
	if len(r.DateRangesAt("Mar 2020 – present", now)) != 1 || len(r.DegreeLevels("MSc Physics")) != 1 {
		t.Error("the extension lost the built-in words")
	}
	if b := base.Rules(); len(b.DateRangesAt("Oktober 2019 – aktuell", now)) != 0 || len(b.DegreeLevels("Diplom-Informatiker")) != 0 {
		t.Error("extending changed the base rules")
	}
	if fails := r.Check(); len(fails) != 0 {
		t.Errorf("examples fail: %q", fails)
	}
}

// A degree pattern that does not compile is named by its own line, though
// the patterns of a level are compiled together.
func TestRules_BadDegreePatternNamesItsLine(t *testing.T) {
	t.Parallel()
	base, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	ext := `version: "bad"
degrees:
  - level: master
    patterns: ['\bmagister\b']
    examples: ["Magister, Uniwersytet Warszawski"]
  - level: master
    patterns: ['\bdiplom(\b']
    examples: ["Diplom, TU Dresden"]
`
	_, err = Load("bad.yaml", []byte(ext), base)
	if err == nil || !strings.Contains(err.Error(), "bad.yaml:6:") || !strings.Contains(err.Error(), "missing closing )") {
		t.Errorf("err = %v, want one naming bad.yaml:6 and the pattern's fault", err)
	}
}
