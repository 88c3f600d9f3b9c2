package match

import (
	"strings"
	"testing"

	"github.com/tailor-cli/tailor/match/internal/fixture"
	"github.com/tailor-cli/tailor/match/job"
)

func TestResumeChecks(t *testing.T) {
	t.Parallel()
	tax := fixture.Taxonomy(t)
	jd := job.New("job.md", fixture.Markdown(t, "job.md", fixture.JobMarkdown), tax)
	checks := func(resume string) map[string]Check {
		t.Helper()
		out := map[string]Check{}
		for _, c := range CompareAt(jd, fixture.Markdown(t, "cv.md", resume), reqNow).Checks {
			out[c.Code] = c
		}
		return out
	}
	weak := checks(`# Sam Doe
sam@example.com

## Summary
Results-driven engineer and team player.

## Experience
### Engineer, Acme
Mar 2020 – present
- Responsible for the data pipeline.
- Worked with the product team on new features,
  and with support on their questions.
### Analyst, Beta
2017 – 2019
- Cut report time from 3 days to 4 hours.
`)
	want := map[string]struct {
		passed bool
		holds  string
	}{
		CheckMeasurable:  {false, "1 of your 3 experience bullets"},
		CheckDateFormats: {false, `"Mar 2020 – present", "2017 – 2019"`},
		CheckLength:      {false, "words"},
		CheckContact:     {false, "no phone number found"},
		CheckCliches:     {false, `"results-driven", "team player", "responsible for"`},
	}
	for code, w := range want {
		c, ok := weak[code]
		if !ok {
			t.Errorf("%s: no check", code)
			continue
		}
		if c.Passed != w.passed || !strings.Contains(c.Message, w.holds) || c.Fix == "" {
			t.Errorf("%s: passed %v, message %q, fix %q; want passed %v and a message holding %s", code, c.Passed, c.Message, c.Fix, w.passed, w.holds)
		}
	}
	// A wrapped bullet is one bullet, its number on the second line.
	strong := checks(`# Sam Doe
sam@example.com · +44 7700 900123

## Experience
### Engineer, Acme
Mar 2020 – present
- Rebuilt the data pipeline that feeds
  40 dashboards, cutting its cost by 30%.
- Cut report time from 3 days to 4 hours.
### Analyst, Beta
Jan 2017 – Dec 2019
- Built 12 weekly reports for 300 managers.
`)
	for _, code := range []string{CheckMeasurable, CheckDateFormats, CheckContact, CheckCliches} {
		if c := strong[code]; !c.Passed || c.Fix != "" {
			t.Errorf("%s: %+v, want passed with no fix", code, c)
		}
	}
	if got := strong[CheckMeasurable].Message; !strings.Contains(got, "3 of your 3") {
		t.Errorf("measurable: %q, want 3 of 3", got)
	}
}
