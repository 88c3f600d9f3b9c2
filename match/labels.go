package match

import (
	"regexp"
	"strings"

	"github.com/tailor-cli/tailor/extract"
)

// inlineLabel matches a paragraph that opens with a label in place of a
// heading: "Requirements: 4+ years of Python; …", "Nice to have: JAX.".
var inlineLabel = regexp.MustCompile(`^([A-Z][A-Za-z'’/&-]*(?: [A-Za-z'’/&-]+){0,5}):\s+\S`)

// withInlineSections returns doc with each paragraph that opens with a
// requirements, nice-to-have or boilerplate label ("Requirements: …") made
// a section of its own, headed by the label, so that job ads written as
// prose get the same reading of importance as ads with headings. The
// paragraph's section resumes after it. doc itself is not changed; a
// document with no such paragraph is returned as it is.
func withInlineSections(doc *extract.Document) *extract.Document {
	var out []extract.Section
	si := 0 // the section holding the current line
	rest := extract.Section{}
	flush := func(upTo int) {
		for si < len(doc.Sections) && doc.Sections[si].End <= upTo {
			if s := doc.Sections[si]; s.Start >= rest.Start || rest.End == 0 {
				out = append(out, s)
			} else if rest.Start < s.End {
				out = append(out, extract.Section{Name: s.Name, Heading: s.Heading, Start: rest.Start, End: s.End})
			}
			si++
		}
	}
	for _, ln := range doc.Lines {
		if ln.Heading || !paragraphStart(doc.Text, ln.Start) {
			continue
		}
		m := inlineLabel.FindStringSubmatch(doc.Text[ln.Start:ln.End])
		if m == nil || !isLabel(m[1]) {
			continue
		}
		flush(ln.Start)
		if si >= len(doc.Sections) {
			break
		}
		sec := doc.Sections[si]
		if ln.Start < max(sec.Start, rest.Start) {
			continue // inside an inline section already made
		}
		end := sec.End
		if i := strings.Index(doc.Text[ln.Start:sec.End], "\n\n"); i >= 0 {
			end = ln.Start + i
		}
		if from := max(sec.Start, rest.Start); ln.Start > from {
			out = append(out, extract.Section{Name: sec.Name, Heading: sec.Heading, Start: from, End: ln.Start})
		}
		out = append(out, extract.Section{Name: "Other", Heading: m[1], Start: ln.Start, End: end})
		rest = extract.Section{Start: end, End: sec.End}
	}
	if rest.End == 0 {
		return doc
	}
	flush(len(doc.Text) + 1)
	d := *doc
	d.Sections = out
	return &d
}

// paragraphStart reports whether the line at off opens a paragraph: a
// blank line (or the text's start) comes before it.
func paragraphStart(text string, off int) bool {
	return off == 0 || strings.HasSuffix(text[:off], "\n\n")
}

// isLabel reports whether a paragraph's opening label names a part of a job
// ad that says how much a skill is wanted, or that is about the employer.
func isLabel(label string) bool {
	return requirementsHeading.MatchString(label) || preferredHeading.MatchString(label) || boilerplateHeading.MatchString(label)
}
