package job

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
	// The labelled paragraphs, in text order; each ends at a blank line or
	// with its section.
	var inline []extract.Section
	for _, ln := range doc.Lines {
		if ln.Heading || !paragraphStart(doc.Text, ln.Start) {
			continue
		}
		m := inlineLabel.FindStringSubmatch(doc.Text[ln.Start:ln.End])
		if m == nil || !isLabel(m[1]) {
			continue
		}
		end := doc.SectionAt(ln.Start).End
		if i := strings.Index(doc.Text[ln.Start:end], "\n\n"); i >= 0 {
			end = ln.Start + i
		}
		inline = append(inline, extract.Section{Name: extract.SectionOther, Heading: m[1], Start: ln.Start, End: end})
	}
	if len(inline) == 0 {
		return doc
	}
	// Each section's text around its labelled paragraphs stays its own.
	var out []extract.Section
	k := 0
	for _, sec := range doc.Sections {
		from := sec.Start
		for ; k < len(inline) && inline[k].Start < sec.End; k++ {
			if inline[k].Start > from {
				out = append(out, extract.Section{Name: sec.Name, Heading: sec.Heading, Start: from, End: inline[k].Start})
			}
			out = append(out, inline[k])
			from = inline[k].End
		}
		if from == sec.Start || from < sec.End {
			out = append(out, extract.Section{Name: sec.Name, Heading: sec.Heading, Start: from, End: sec.End})
		}
	}
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
