package match

import (
	"embed"
	"fmt"
	"regexp"
	"sort"
	"strings"

	"github.com/tailor-cli/tailor/extract"
)

//go:embed profiles/*.md
var profiles embed.FS

// DefaultProfile is the built-in job used when no job description is given.
const DefaultProfile = "deep-learning-engineer"

// BuiltinJobPrefix starts the name of a built-in job profile.
const BuiltinJobPrefix = "builtin:"

// Profile returns the text of a built-in job profile by name.
func Profile(name string) ([]byte, error) {
	data, err := profiles.ReadFile("profiles/" + name + ".md")
	if err != nil {
		return nil, fmt.Errorf("no built-in job profile %q", name)
	}
	return data, nil
}

// Job is a job description analysed once, ready to be compared with any
// number of resumes. It is immutable and safe for concurrent use.
type Job struct {
	// Name is the job's path, "-", or "builtin:<profile>".
	Name string
	// Title is the job's first line when it reads as a title.
	Title    string
	tax      *Taxonomy
	skills   []jobSkill // sorted by id
	warnings []Warning
}

// jobSkill is one skill a job asks for.
type jobSkill struct {
	skill      *Skill
	importance Importance
	term       string
	evidence   []Evidence
}

var (
	// preferredHeading marks sections whose skills are wanted, not needed.
	preferredHeading = regexp.MustCompile(`(?i)nice[ -]to[ -]have|preferred|bonus|\bplus(es)?\b|desir|optional|good[ -]to[ -]have|extra credit|would be (great|nice)|ideal(ly)?\b|not required`)
	// boilerplateHeading marks sections that describe the employer, not the
	// role: skills named there are not asked of the candidate.
	boilerplateHeading = regexp.MustCompile(`(?i)benefit|perks|compensation|salary|pay range|equal opportunit|\beeo\b|about (us|the company)|who we are|our (company|mission)|what we offer|why join|life at|diversity|accommodation|how to apply`)
	// preferredCue marks a clause that asks for a skill as a plus.
	preferredCue = regexp.MustCompile(`(?i)nice[ -]to[ -]have|\b(a|big|huge|strong) plus\b|\bpreferred\b|\bpreferably\b|\bbonus\b|\bideally\b|desirable|\bnot required\b|\boptional\b|would be (great|nice|helpful)|\badvantage\b`)
	// boilerplateCue marks sentences about pay, benefits or equal
	// opportunity.
	boilerplateCue = regexp.MustCompile(`(?i)equal[ -]opportunity|regardless of|401\(?k\)?|health insurance|paid time off|parental leave|salary range|\bbenefits\b`)
)

// NewJob analyses a job description: which skills it asks for, how much
// (required unless its section or clause marks it as a plus), in which
// words, and in which sentences.
func NewJob(name string, doc *extract.Document, tax *Taxonomy) *Job {
	a := analyze(doc, tax)
	j := &Job{Name: name, tax: tax, Title: jobTitle(doc)}
	byID := map[string]*jobSkill{}
	for _, h := range a.hits {
		sec := doc.SectionAt(h.Start)
		if boilerplateHeading.MatchString(sec.Heading) {
			continue
		}
		sent := a.sentenceAt(h.Start)
		sentence := doc.Text[sent.Start:sent.End]
		if boilerplateCue.MatchString(sentence) {
			continue
		}
		imp := Required
		if preferredHeading.MatchString(sec.Heading) || preferredCue.MatchString(clause(doc.Text, sent, h)) {
			imp = Preferred
		}
		js, ok := byID[h.Skill.ID]
		if !ok {
			js = &jobSkill{skill: h.Skill, importance: imp, term: doc.Text[h.Start:h.End]}
			byID[h.Skill.ID] = js
		}
		if imp == Required && js.importance != Required {
			js.importance, js.term = Required, doc.Text[h.Start:h.End]
		}
		heading := sec.Heading
		if heading == "" {
			heading = sec.Name
		}
		if len(js.evidence) < 2 && !hasSentence(js.evidence, a.evidence(h, heading)) {
			js.evidence = append(js.evidence, a.evidence(h, heading))
		}
	}
	for _, js := range byID {
		j.skills = append(j.skills, *js)
	}
	sort.Slice(j.skills, func(x, y int) bool { return j.skills[x].skill.ID < j.skills[y].skill.ID })
	for _, w := range doc.Warnings {
		if w.Code != "few-words" {
			j.warnings = append(j.warnings, Warning{Source: "job", Code: w.Code, Message: w.Message})
		}
	}
	if len(j.skills) == 0 {
		j.warnings = append(j.warnings, Warning{Source: "job", Code: "job-no-skills",
			Message: "No skills from the taxonomy were found in the job description, so the score is 0; check the file, or add the role's skills with --taxonomy."})
	}
	return j
}

// clause returns the part of a sentence around a hit between semicolons,
// em dashes or line breaks, so that "PyTorch required; JAX a plus" marks only
// JAX as a plus.
func clause(text string, sent Span, h Hit) string {
	s := text[sent.Start:sent.End]
	lo, hi := h.Start-sent.Start, h.End-sent.Start
	if i := strings.LastIndexAny(s[:lo], ";\n—"); i >= 0 {
		s, hi = s[i+1:], hi-(i+1)
	}
	if i := strings.IndexAny(s[hi:], ";\n—"); i >= 0 {
		s = s[:hi+i]
	}
	return s
}

func hasSentence(ev []Evidence, e Evidence) bool {
	for _, x := range ev {
		if x.Text == e.Text {
			return true
		}
	}
	return false
}

// jobTitle returns the job's first line when it is short enough to be a
// title.
func jobTitle(doc *extract.Document) string {
	if len(doc.Lines) == 0 {
		return ""
	}
	first := doc.Text[doc.Lines[0].Start:doc.Lines[0].End]
	if n := len(strings.Fields(first)); n == 0 || n > 10 || strings.HasSuffix(first, ".") {
		return ""
	}
	return strings.TrimSuffix(first, ":")
}

// Skills returns the ids of the skills the job asks for, sorted.
func (j *Job) Skills() []string {
	out := make([]string, len(j.skills))
	for i, s := range j.skills {
		out[i] = s.skill.ID
	}
	return out
}

// Importance returns how much the job wants a skill, and whether it asks
// for it at all.
func (j *Job) Importance(id string) (Importance, bool) {
	i := sort.Search(len(j.skills), func(k int) bool { return j.skills[k].skill.ID >= id })
	if i < len(j.skills) && j.skills[i].skill.ID == id {
		return j.skills[i].importance, true
	}
	return "", false
}
