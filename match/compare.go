package match

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/tailor-cli/tailor/extract"
	"github.com/tailor-cli/tailor/match/analysis"
	"github.com/tailor-cli/tailor/match/internal/concur"
	"github.com/tailor-cli/tailor/match/job"
	"github.com/tailor-cli/tailor/match/taxonomy"
	"github.com/tailor-cli/tailor/match/text"
)

// ScoreVersion names the score formula below; it changes whenever the
// formula or its weights do, so scores of different versions are never
// compared. Version 2 scores the job's own terms beyond the taxonomy
// (keyword asks) like skills.
const ScoreVersion = "2"

// Score weights (ScoreVersion 2).
const (
	// RequiredWeight and PreferredWeight are the points a skill of each
	// importance is worth.
	RequiredWeight  = 3.0
	PreferredWeight = 1.0
	// PartialCredit is the share of a skill's points earned by a narrower
	// skill that implies it (LSTM for RNN).
	PartialCredit = 0.5
)

// ScoreFormula states the score formula in words, for reports.
const ScoreFormula = "score = 100 × earned ÷ possible; each required ask is worth 3 points and each preferred ask 1, " +
	"whether a skill of the taxonomy or a term of the job's own (matched word for word); " +
	"a matched ask earns all its points, a partial one (a skill shown through a narrower skill) half, a missing one none"

// sectionRank orders resume sections by how strongly they evidence a skill:
// work done beats a list of names.
var sectionRank = map[extract.SectionKind]int{extract.SectionExperience: 0, extract.SectionProjects: 1,
	extract.SectionPublications: 2, extract.SectionSummary: 3, extract.SectionCertifications: 4,
	extract.SectionEducation: 5, extract.SectionOther: 6, extract.SectionSkills: 7, extract.SectionHeader: 8}

// isSkillsSection reports whether a resume section lists skills.
func isSkillsSection(s extract.Section) bool { return s.Name == extract.SectionSkills }

// Compare matches a resume against the job and builds the gap report,
// taking today as the end of the roles the resume gives to the present.
func Compare(j *job.Job, resume *extract.Document) *Report {
	return CompareAt(j, resume, time.Now())
}

// CompareAt is Compare with now as the present: a report that reads the
// same on every day, for tests and reproducible runs.
func CompareAt(j *job.Job, resume *extract.Document, now time.Time) *Report {
	tax := j.Taxonomy()
	a := analysis.New(resume, tax, analysis.Options{ListSection: isSkillsSection})
	a.Hits = claimed(a, tax.Rules())
	shown := map[string][]taxonomy.Hit{}
	for _, h := range a.Hits {
		shown[h.Skill.ID] = append(shown[h.Skill.ID], h)
	}
	// implies[id] lists the resume's skills that imply skill id; worked
	// holds the skills a bullet of a work section shows, directly or
	// through a narrower skill (BERT work shows Transformer work).
	implies := map[string][]string{}
	worked := map[string]bool{}
	for id, hits := range shown {
		for _, imp := range tax.Implied(id) {
			implies[imp] = append(implies[imp], id)
		}
		if !listedOnly(resume, hits) {
			worked[id] = true
			for _, imp := range tax.Implied(id) {
				worked[imp] = true
			}
		}
	}
	r := &Report{
		SchemaVersion: SchemaVersion, ScoreVersion: ScoreVersion, TaxonomyVersion: tax.Version,
		Resume: resume.Path, Job: j.Name, JobTitle: j.Title,
		Skills: []SkillResult{}, ResumeOnly: []string{}, Warnings: []Warning{}, OtherKeywords: []Keyword{},
	}
	exp, degrees := a.Experience(now), a.Degrees()
	r.ExperienceYears = yearsOf(exp.Months)
	r.HighestDegree = highestDegree(tax.Rules(), degrees)
	r.Requirements = checkRequirements(j.Requirements(), a, tax, exp, degrees)
	if q, ok := checkTitle(j.Title, a, exp); ok {
		r.Requirements = append([]Requirement{q}, r.Requirements...)
	}
	// The resume's own checks read only the resume: beside the skills.
	checks := concur.Alongside(func() []Check { return resumeChecks(a, exp) })
	var stems *text.Stemmed // the resume's words, stemmed once for every keyword ask
	if len(j.Keywords()) > 0 {
		stems = text.NewStemmed(a.Tokens)
	}
	for _, kw := range j.Keywords() {
		res := keywordResult(kw, a, stems)
		r.OtherKeywords = append(r.OtherKeywords, Keyword{Term: kw.Term, Importance: kw.Importance, Count: kw.Count,
			InResume: res.Status == Matched})
		r.Skills = append(r.Skills, res)
	}
	for _, w := range resume.Warnings {
		r.Warnings = append(r.Warnings, Warning{Source: "resume", Code: w.Code, Message: w.Message})
	}
	for _, w := range j.Warnings() {
		r.Warnings = append(r.Warnings, Warning{Source: "job", Code: w.Code, Message: w.Message})
	}
	hasWork := false // whether the resume has sections that show work
	for _, sec := range resume.Sections {
		hasWork = hasWork || workSections[sec.Name]
	}
	asked := map[string]bool{}
	results := map[string]SkillResult{}
	viaID := map[string]string{} // a partial skill's id → the id of the skill that earns it
	for _, js := range j.Asks() {
		asked[js.Skill.ID] = true
		res := SkillResult{
			ID: js.Skill.ID, Name: js.Skill.Name, Category: tax.CategoryName(js.Skill.Category), Source: SourceTaxonomy,
			Importance: js.Importance, Status: Missing, JobTerm: js.Term,
			JobMentions: js.Mentions, JobEvidence: js.Evidence, ResumeEvidence: []Evidence{},
			jobFirst: js.First,
		}
		hits := shown[js.Skill.ID]
		if len(hits) == 0 {
			hits = containing(resume.Text, implies[js.Skill.ID], shown, js.Wordings)
		}
		if len(hits) > 0 && js.ToolsOnly && !namesAny(resume.Text, hits, js) {
			// The job names Redis; the resume shows MongoDB: related work,
			// never the tool asked for.
			res.Status = Partial
			res.Via = js.Skill.Name
			viaID[js.Skill.ID] = js.Skill.ID
			res.ResumeEvidence = bestEvidence(a, hits)
			res.ResumeTerm = resume.Text[hits[0].Start:hits[0].End]
		} else if len(hits) > 0 {
			res.Status = Matched
			res.ResumeEvidence = bestEvidence(a, hits)
			res.ResumeTerm = preferredTerm(resume.Text, hits, js.Wordings)
			res.ListedOnly = hasWork && !worked[js.Skill.ID] && listedOnly(resume, hits)
		} else if via := strongest(implies[js.Skill.ID], shown); via != "" {
			res.Status = Partial
			res.Via = tax.Skill(via).Name
			viaID[js.Skill.ID] = via
			res.ResumeEvidence = bestEvidence(a, shown[via])
			res.ResumeTerm = resume.Text[shown[via][0].Start:shown[via][0].End]
		}
		results[js.Skill.ID] = res
	}
	var work []workSentence // made on first need
	for _, js := range keepPerGroup(j.Asks(), results) {
		res := results[js.Skill.ID]
		var via *taxonomy.Skill
		if res.Status == Partial {
			via = tax.Skill(viaID[js.Skill.ID])
		}
		res.Suggestion = suggest(js, res, via)
		if res.Status == Missing && res.Suggestion != nil {
			if work == nil {
				work = workSentences(a)
			}
			if ev, ok := closestWork(a, work, tax.Related(js.Skill.ID)); ok {
				res.Suggestion.Closest = &ev
				res.Suggestion.Advice += fmt.Sprintf(" Your closest work is \"%s\" (%s, line %d): if you used %s there, name it in that bullet.",
					clip(ev.Text, 140), ev.Section, ev.Line, js.Term)
			}
		}
		r.Skills = append(r.Skills, res)
	}
	for id := range shown {
		if !asked[id] {
			r.ResumeOnly = append(r.ResumeOnly, tax.Skill(id).Name)
		}
	}
	sort.Strings(r.ResumeOnly)
	sortSkills(r.Skills)
	r.Checks = checks()
	score(r)
	return r
}

// claimed returns the resume's hits but those whose clause says the writer
// has not used the skill ("Kubernetes: not yet", "we never needed Spark")
// or hopes to ("hoping to move into LLM serving"): neither shows it.
func claimed(a *analysis.Analysis, rules *taxonomy.Rules) []taxonomy.Hit {
	out := make([]taxonomy.Hit, 0, len(a.Hits))
	disowned := map[string]bool{} // by clause: a resume's hits share them
	for _, h := range a.Hits {
		cl := a.Clause(h)
		no, seen := disowned[cl]
		if !seen {
			no = rules.Has(taxonomy.CueAbsence, cl) || rules.Has(taxonomy.CueAspiration, cl)
			disowned[cl] = no
		}
		if !no {
			out = append(out, h)
		}
	}
	return out
}

// keywordResult is what the resume (its words stemmed in stems) shows of
// one of the job's own terms: matched when it uses the term's words, in
// order, in any case and with any punctuation ("React.js" for "React"),
// else missing.
func keywordResult(kw job.Keyword, a *analysis.Analysis, stems *text.Stemmed) SkillResult {
	res := SkillResult{
		ID: KeywordPrefix + strings.Join(text.Words(kw.Term), "-"), Name: kw.Term, Category: KeywordCategory,
		Importance: kw.Importance, Status: Missing, JobTerm: kw.Term, JobMentions: kw.Count,
		JobEvidence: kw.Evidence, ResumeEvidence: []Evidence{}, Source: SourceKeyword, jobFirst: kw.First,
	}
	start, end, ok := stems.Find(kw.Term)
	if !ok {
		res.Suggestion = &Suggestion{Kind: Add, Term: kw.Term, Template: template(nil, kw.Term),
			Advice: fmt.Sprintf("The job asks for %s (%s) and the resume does not use the words. If you have done it, write \"%s\" as the job does, in a bullet that says what you did with it.",
				kw.Term, kw.Importance, kw.Term)}
		return res
	}
	res.Status = Matched
	res.ResumeTerm = a.Doc.Text[start:end]
	res.ResumeEvidence = []Evidence{a.Evidence(taxonomy.Hit{Start: start, End: end}, string(a.Doc.SectionAt(start).Name))}
	if res.ResumeTerm != kw.Term {
		res.Suggestion = &Suggestion{Kind: Align, Term: kw.Term,
			Advice: fmt.Sprintf("You write \"%s\"; the job writes \"%s\". Applicant tracking systems search literally: use the job's term too.", res.ResumeTerm, kw.Term)}
	}
	return res
}

// containing returns the hits in resume of narrower skills (ids) whose words hold one
// of the job's wordings of the skill asked: "INT8 quantization-aware
// training" holds "quantization", "reinforcement learning from human
// feedback" holds "reinforcement learning". The resume then writes the
// job's word: the skill is matched, not partial.
func containing(resume string, ids []string, shown map[string][]taxonomy.Hit, wordings []string) []taxonomy.Hit {
	var out []taxonomy.Hit
	for _, id := range ids {
		for _, h := range shown[id] {
			written := resume[h.Start:h.End]
			n := len(text.Words(written))
			for _, w := range wordings {
				if len(text.Words(w)) < n && text.SameTerm(written, w) {
					out = append(out, h)
					break
				}
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	return out
}

// keepPerGroup returns the job's skills with each either/or group reduced
// to its best-shown member (matched, then partial, then the job's first
// mention), which carries the others' names as Alternatives.
func keepPerGroup(asks []job.Ask, results map[string]SkillResult) []job.Ask {
	rank := map[Status]int{Matched: 0, Partial: 1, Missing: 2}
	best := map[int]job.Ask{}
	for _, js := range asks {
		if js.Group == 0 {
			continue
		}
		b, ok := best[js.Group]
		if !ok {
			best[js.Group] = js
			continue
		}
		r, rb := results[js.Skill.ID], results[b.Skill.ID]
		if rank[r.Status] < rank[rb.Status] || rank[r.Status] == rank[rb.Status] && js.First < b.First {
			best[js.Group] = js
		}
	}
	var out []job.Ask
	for _, js := range asks {
		if js.Group == 0 {
			out = append(out, js)
			continue
		}
		if best[js.Group].Skill != js.Skill {
			continue
		}
		res := results[js.Skill.ID]
		var others []job.Ask
		for _, other := range asks {
			if other.Group == js.Group && other.Skill != js.Skill {
				others = append(others, other)
			}
		}
		sort.Slice(others, func(x, y int) bool { return others[x].First < others[y].First })
		for _, other := range others {
			res.Alternatives = append(res.Alternatives, other.Skill.Name)
		}
		results[js.Skill.ID] = res
		out = append(out, js)
	}
	return out
}

// workSections are the resume sections whose bullets show work done or
// studied (coursework and theses show maths better than a skills list).
var workSections = map[extract.SectionKind]bool{extract.SectionExperience: true, extract.SectionProjects: true,
	extract.SectionPublications: true, extract.SectionEducation: true}

// listedOnly reports whether a skill's hits include the Skills section but
// none of the sections that show work.
func listedOnly(resume *extract.Document, hits []taxonomy.Hit) bool {
	listed := false
	for _, h := range hits {
		name := resume.SectionAt(h.Start).Name
		if workSections[name] {
			return false
		}
		listed = listed || name == extract.SectionSkills
	}
	return listed
}

// minCloseness is the least relatedness (see Taxonomy.Related) a sentence
// needs to be offered as the place for a missing skill.
const minCloseness = 2

// closestWork returns the sentence of a work section whose skills are the
// most related to a missing one (summing each skill's relatedness once),
// earliest first on ties; none when no sentence reaches minCloseness.
func closestWork(a *analysis.Analysis, work []workSentence, related map[string]int) (Evidence, bool) {
	bestN := minCloseness - 1
	var bestHit taxonomy.Hit
	found := false
	seen := map[string]bool{}
	for _, ws := range work {
		clear(seen)
		n := 0
		var top taxonomy.Hit
		topW := 0
		for _, h := range ws.hits {
			w := related[h.Skill.ID]
			if w == 0 || seen[h.Skill.ID] {
				continue
			}
			seen[h.Skill.ID] = true
			n += w
			if w > topW {
				top, topW = h, w
			}
		}
		if n > bestN {
			found, bestN, bestHit = true, n, top
		}
	}
	if !found {
		return Evidence{}, false
	}
	return a.Evidence(bestHit, string(a.Doc.SectionAt(bestHit.Start).Name)), true
}

// workSentence is a sentence of a work section that describes work, with
// the hits inside it.
type workSentence struct {
	span text.Span
	hits []taxonomy.Hit
}

// workSentences returns the resume's sentences that describe work, in
// order, each with its hits, found once for every missing skill to look
// through: the hits are in order, so one pass pairs them with sentences,
// and looking for the closest work grows with the resume's length, not its
// square.
func workSentences(a *analysis.Analysis) []workSentence {
	var out []workSentence
	k := 0
	for _, sp := range a.Sentences {
		for k < len(a.Hits) && a.Hits[k].Start < sp.Start {
			k++
		}
		if !workSections[a.Doc.SectionAt(sp.Start).Name] || !describesWork(a, sp) {
			continue
		}
		end := k
		for end < len(a.Hits) && a.Hits[end].Start < sp.End {
			end++
		}
		var hits []taxonomy.Hit
		for _, h := range a.Hits[k:end] {
			if h.End <= sp.End {
				hits = append(hits, h)
			}
		}
		out = append(out, workSentence{span: sp, hits: hits})
	}
	return out
}

// describesWork reports whether a sentence reads as work done: a list
// item, or prose of at least ten words, most of them in lower case (a job
// title with its employer and dates is mostly capitalised).
func describesWork(a *analysis.Analysis, sp text.Span) bool {
	if li := a.Doc.LineAt(sp.Start); li >= 0 && text.StartsWithBullet(a.Doc.Text[a.Doc.Lines[li].Start:a.Doc.Lines[li].End]) {
		return true
	}
	words := strings.Fields(a.Doc.Text[sp.Start:sp.End])
	lower := 0
	for _, w := range words {
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsLower(r) {
			lower++
		}
	}
	return len(words) >= 10 && 2*lower >= len(words)
}

// clip shortens s to about n bytes at a word boundary, with an ellipsis.
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := strings.LastIndexByte(s[:n], ' ')
	if cut < n/2 {
		cut = n
	}
	return strings.TrimRight(s[:text.RuneStart(s, cut)], " ,;:") + "…"
}

// strongest picks, among the resume skills that imply a skill, the one the
// resume shows most often (ties by id, for stable output).
func strongest(ids []string, shown map[string][]taxonomy.Hit) string {
	best := ""
	for _, id := range ids {
		if best == "" || len(shown[id]) > len(shown[best]) || len(shown[id]) == len(shown[best]) && id < best {
			best = id
		}
	}
	return best
}

// namesAny reports whether one of the hits names a tool the job asks for:
// by one of its names ("Postgres" for "PostgreSQL"), or in the job's words.
func namesAny(s string, hits []taxonomy.Hit, js job.Ask) bool {
	for _, h := range hits {
		if h.Tool > 0 && slices.Contains(js.Tools, h.Tool) {
			return true
		}
		for _, w := range js.Wordings {
			if text.SameTerm(s[h.Start:h.End], w) {
				return true
			}
		}
	}
	return false
}

// preferredTerm returns the resume's wording of a skill in its text s: one of the job's
// own wordings when the resume uses it anywhere, otherwise its first.
func preferredTerm(s string, hits []taxonomy.Hit, jobWordings []string) string {
	for _, w := range jobWordings {
		for _, h := range hits {
			if text.SameTerm(s[h.Start:h.End], w) {
				return s[h.Start:h.End]
			}
		}
	}
	return s[hits[0].Start:hits[0].End]
}

// bestEvidence returns up to three hits as evidence, from the sections that
// show the most (Experience before Skills), one per sentence.
func bestEvidence(a *analysis.Analysis, hits []taxonomy.Hit) []Evidence {
	type cand struct {
		h    taxonomy.Hit
		sec  extract.SectionKind
		rank int
	}
	cands := make([]cand, 0, len(hits))
	for _, h := range hits {
		sec := a.Doc.SectionAt(h.Start).Name
		rank, ok := sectionRank[sec]
		if !ok {
			rank = len(sectionRank)
		}
		cands = append(cands, cand{h, sec, rank})
	}
	sort.SliceStable(cands, func(x, y int) bool { return cands[x].rank < cands[y].rank })
	out := []Evidence{}
	for _, c := range cands {
		e := a.Evidence(c.h, string(c.sec))
		if !analysis.HasSentence(out, e) {
			out = append(out, e)
		}
		if len(out) == 3 {
			break
		}
	}
	return out
}

// score fills the report's score, breakdown and reasons; the missing
// required skills it names are in the order of r.Skills.
func score(r *Report) {
	b := &r.Breakdown
	b.Required.Weight, b.Preferred.Weight = RequiredWeight, PreferredWeight
	b.Formula = ScoreFormula
	for _, s := range r.Skills {
		t := &b.Required
		if s.Importance == Preferred {
			t = &b.Preferred
		}
		t.Total++
		switch s.Status {
		case Matched:
			t.Matched++
			t.Earned += t.Weight
		case Partial:
			t.Partial++
			t.Earned += t.Weight * PartialCredit
		default:
			t.Missing++
		}
	}
	b.Earned = b.Required.Earned + b.Preferred.Earned
	b.Possible = float64(b.Required.Total)*RequiredWeight + float64(b.Preferred.Total)*PreferredWeight
	if b.Possible > 0 {
		r.Score = math.Round(1000*b.Earned/b.Possible) / 10
	}
	tally := func(kind string, t Tally) string {
		return fmt.Sprintf("%s skills: %d of %d matched, %d partial, %d missing (%s of %s points).",
			kind, t.Matched, t.Total, t.Partial, t.Missing, trimFloat(t.Earned), trimFloat(float64(t.Total)*t.Weight))
	}
	r.Reasons = []string{}
	if b.Required.Total > 0 {
		r.Reasons = append(r.Reasons, tally("Required", b.Required))
	}
	if b.Preferred.Total > 0 {
		r.Reasons = append(r.Reasons, tally("Preferred", b.Preferred))
	}
	keywords := 0
	for _, s := range r.Skills {
		if s.Source == SourceKeyword {
			keywords++
		}
	}
	if keywords > 0 {
		verb := "are"
		if keywords == 1 {
			verb = "is"
		}
		r.Reasons = append(r.Reasons, fmt.Sprintf("%d of the %d asks %s the job's own terms, beyond the skill taxonomy, matched word for word.",
			keywords, len(r.Skills), verb))
	}
	if gaps := r.MissingRequired(); len(gaps) > 0 {
		if len(gaps) > 5 {
			gaps = append(gaps[:5], fmt.Sprintf("and %d more", len(gaps)-5))
		}
		r.Reasons = append(r.Reasons, "Missing required: "+strings.Join(gaps, ", ")+".")
	}
	if b.Possible > 0 {
		r.Reasons = append(r.Reasons, fmt.Sprintf("Score %s = 100 × %s earned ÷ %s possible points.",
			trimFloat(r.Score), trimFloat(b.Earned), trimFloat(b.Possible)))
	}
}

func trimFloat(v float64) string {
	return strings.TrimSuffix(strings.TrimRight(fmt.Sprintf("%.1f", v), "0"), ".")
}

// sortSkills orders skills for reading: missing, then partial, then matched;
// required before preferred; then what the job stresses first: the skills
// it names in the most sentences, then the ones it names earliest; then by id.
func sortSkills(s []SkillResult) {
	rank := func(st Status) int {
		switch st {
		case Partial:
			return 1
		case Matched:
			return 2
		}
		return 0
	}
	// A SkillResult is large: sort their places, then move each once
	// (swapping the results themselves was a twentieth of comparing).
	order := make([]int, len(s))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(x, y int) int {
		a, b := &s[x], &s[y]
		if ra, rb := rank(a.Status), rank(b.Status); ra != rb {
			return cmp.Compare(ra, rb)
		}
		if a.Importance != b.Importance {
			switch {
			case a.Importance == Required:
				return -1
			case b.Importance == Required:
				return 1
			}
			return 0
		}
		if a.JobMentions != b.JobMentions {
			return cmp.Compare(b.JobMentions, a.JobMentions)
		}
		if a.jobFirst != b.jobFirst {
			return cmp.Compare(a.jobFirst, b.jobFirst)
		}
		return strings.Compare(a.ID, b.ID)
	})
	sorted := make([]SkillResult, len(s))
	for i, k := range order {
		sorted[i] = s[k]
	}
	copy(s, sorted)
}
