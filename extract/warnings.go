package extract

import (
	"fmt"
	"regexp"
	"strings"
)

// Warning codes. A job seeker can act on each; Message says how.
const (
	WarnFewWords     = "few-words"
	WarnNoEmail      = "no-email"
	WarnNoPhone      = "no-phone"
	WarnNoExperience = "no-experience-section"
	WarnNoEducation  = "no-education-section"
	WarnNoSkills     = "no-skills-section"
	WarnLong         = "long"
	WarnGarbled      = "garbled-text"
	WarnNotUTF8      = "not-utf8"
	WarnMultiColumn  = "multi-column"
	WarnTables       = "tables"
	// WarnOCRLayer: the text is the invisible layer someone's OCR wrote
	// over a scan.
	WarnOCRLayer = "ocr-layer"
	// WarnHiddenText: the PDF holds text no reader sees (invisible or
	// zero-size on a page with visible text), which tailor leaves out.
	WarnHiddenText = "hidden-text"
	// hiddenMinChars is the hidden text, in characters, a warning needs.
	hiddenMinChars     = 10
	resumeMinWords     = 80
	resumeMaxPages     = 2
	garbledShare       = 0.05
	garbledMinGlyphs   = 200
	maxWarningsPerKind = 1
)

// Contact details in resume text: the warnings look for them, and blind
// screening removes them.
var (
	// EmailPattern matches an email address.
	EmailPattern = regexp.MustCompile(`[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}`)
	// PhonePattern matches a phone number: an optional country code, then
	// an area code in parentheses and two or more groups ("(312)
	// 555-0123"), or three to five groups of digits ("+46 70 555 01 37").
	PhonePattern = regexp.MustCompile(`(?:\+\d{1,3}[\s.-]?)?(?:\(\d{1,4}\)[\s.-]?\d{2,4}(?:[\s.-]\d{2,4}){1,4}|\d{2,4}(?:[\s.-]\d{2,4}){2,4})`)
)

// contentWarnings reports what a reader of the document can fix: very
// little text, no email or phone number, no Experience, Education or
// Skills heading, more than two pages. They are written for resumes;
// callers reading a job description keep only the ones about reading.
func contentWarnings(doc *Document) []Warning {
	var out []Warning
	add := func(code, format string, args ...any) {
		out = append(out, Warning{Code: code, Message: fmt.Sprintf(format, args...)})
	}
	if n := WordCount(doc.Text); n < resumeMinWords {
		add(WarnFewWords, "Only %d words were read; if the file has more, export it again as a text-based PDF.", n)
	}
	if !EmailPattern.MatchString(doc.Text) {
		add(WarnNoEmail, "No email address was found; put one at the top, as text, not only as a link or an image.")
	}
	if !PhonePattern.MatchString(doc.Text) {
		add(WarnNoPhone, "No phone number was found; put one at the top, with the country code if you apply abroad.")
	}
	has := map[SectionKind]bool{}
	for _, s := range doc.Sections {
		has[s.Name] = true
	}
	for _, want := range []struct {
		kind          SectionKind
		code, example string
	}{
		{SectionExperience, WarnNoExperience, "Experience"},
		{SectionEducation, WarnNoEducation, "Education"},
		{SectionSkills, WarnNoSkills, "Skills"},
	} {
		if !has[want.kind] {
			add(want.code, "No %s heading was found; applicant tracking systems file what follows a heading such as %q, so give the section one.", strings.ToLower(string(want.kind)), want.example)
		}
	}
	if doc.Pages > resumeMaxPages {
		add(WarnLong, "The resume runs to %d pages; most recruiters read one or two, so cut what does not serve this job.", doc.Pages)
	}
	return append(out, languageWarning(doc.Text)...)
}

// garbledWarning reports a PDF whose glyphs mostly decode to nothing
// readable: fonts without a usable ToUnicode map.
func garbledWarning(total, bad int) []Warning {
	if total < garbledMinGlyphs || float64(bad) < garbledShare*float64(total) {
		return nil
	}
	return []Warning{{Code: WarnGarbled, Message: fmt.Sprintf(
		"%d%% of the characters could not be decoded (its fonts lack a Unicode map), so parsers read garbage; export the PDF again with standard fonts, or from another editor.",
		100*bad/total)}}
}

// ReadingWarnings are the warning codes about how a file was read, as
// opposed to what a resume should contain: a job description keeps these.
var ReadingWarnings = map[string]bool{WarnGarbled: true, WarnNotUTF8: true, WarnMultiColumn: true, WarnOCR: true, WarnOCRLayer: true,
	WarnHiddenText: true, WarnNotEnglish: true}
