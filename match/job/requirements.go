package job

import (
	"slices"
	"sort"
	"strings"
	"unicode"

	"github.com/tailor-cli/tailor/extract"
	"github.com/tailor-cli/tailor/match/analysis"
	"github.com/tailor-cli/tailor/match/taxonomy"
	"github.com/tailor-cli/tailor/match/text"
)

// Requirement is something a job asks beyond skills: years of experience,
// a degree, where and how the work is done, the right to work, travel,
// languages, and the like (on call, a licence).
type Requirement struct {
	// Kind says what is asked.
	Kind taxonomy.RequirementKind
	// Text is the job's clause that asks it, on one line.
	Text string
	// Importance is required unless the clause or its part makes it a plus.
	Importance Importance
	// Evidence is the job's sentence.
	Evidence analysis.Evidence
}

// findRequirements finds the job's requirements beyond skills: each clause
// (between semicolons and the items of a squashed list) of a part that is
// not about the company, pay, notices, applying or commentary, for each
// kind the rules give it, unless it negates it ("no PhD needed"), says what
// the employer offers ("we sponsor visas") or speaks of the company's
// product.
func findRequirements(st structure, a *analysis.Analysis, rules *taxonomy.Rules) []Requirement {
	doc := st.doc
	var out []Requirement
	var places []placeOf // for each of out, where it is
	seen := map[string]bool{}
	authorized := map[int]int{} // fine-print parts with a right to work found, by start: 1 + its index in out
	for _, sp := range a.Sentences {
		sec := doc.SectionAt(sp.Start)
		// The fine print of benefits, notices and applying still holds
		// the right to work ("Candidates must have the right to work in
		// the UK" under an equal-opportunity notice), and where the work
		// is done when it says so in so many words ("You must be able to
		// get to our studio twice a week").
		finePrint := false
		switch sec.Name {
		case extract.SectionCompany:
			continue
		case extract.SectionBenefits, extract.SectionLegal, extract.SectionApply, extract.SectionCommentary:
			finePrint = true
		}
		li := doc.LineAt(sp.Start)
		heading := li >= 0 && doc.Lines[li].Heading
		sentence := doc.Text[sp.Start:sp.End]
		item := text.ItemText(sentence)
		if _, ok := rules.Requirement(item); !ok || aboutProduct(rules, sentence) || rules.Has(taxonomy.CueQuestion, item) {
			continue // "Do I need security clearance?" asks, the answer states
		}
		for _, cl := range clauses(doc.Text, sp, st.breaks) {
			// An offer speaks of its part of the clause, between commas
			// ("two days a week in the office, and they can sponsor
			// visas" still says where the work is done), and of a bracket
			// it opens ("Visa sponsorship (we're a recognised sponsor)").
			// A negation in brackets speaks only of what the brackets say:
			// "US citizen or green card holder (no sponsorship, no C2C)"
			// asks for the right to work.
			asked := withoutOffers(text.ItemText(cl.text), rules)
			outer := outsideBrackets(asked)
			if asked == "" || rules.Has(taxonomy.CueNegation, outer) {
				continue
			}
			bracketsDenied := outer != asked && rules.Has(taxonomy.CueNegation, asked)
			t := strings.Join(strings.Fields(strings.Trim(text.ItemText(cl.text), " •-·|,.")), " ")
			for _, kind := range rules.Requirements(asked) {
				if t == "" || seen[string(kind)+"|"+t] {
					continue
				}
				if bracketsDenied && !slices.Contains(rules.Requirements(outer), kind) {
					continue // "Python (no degree needed)"
				}
				if finePrint && kind != taxonomy.RequireAuthorization &&
					!((kind == taxonomy.RequireLocation || kind == taxonomy.RequireOther) && rules.Has(taxonomy.CueRequired, cl.text) || kind == taxonomy.RequireLocation && rules.Has(taxonomy.CueWorkplace, cl.text)) {
					continue
				}
				if finePrint && strings.HasSuffix(strings.TrimSpace(cl.text), "?") {
					continue // an application form's question: "Are you legally authorized to work in the United States?"
				}
				if kind == taxonomy.RequireYears && yearsOfData(cl.text, rules) {
					continue // "Backtest models against five years of smart-meter data"
				}
				if kind == taxonomy.RequireAuthorization && (heading || boilerplateAuthorization(cl.text, rules)) {
					continue // "Work authorization", "Visa And Location": a part's name; "regardless of ... citizenship"
				}
				if finePrint && kind == taxonomy.RequireAuthorization {
					// One right to work a part: "You must have the right
					// to work in the UK; we are unable to sponsor visas"
					// says it twice. The one that says it must be had
					// is the requirement ("we are unable to offer visa
					// sponsorship. Candidates must have the right to work
					// in the UK").
					if k := authorized[sec.Start]; k > 0 {
						if prev := &out[k-1]; rules.Has(taxonomy.CueRequired, cl.text) && !rules.Has(taxonomy.CueRequired, prev.Text) {
							prev.Text = t
							prev.Evidence = a.Evidence(taxonomy.Hit{Start: cl.start, End: cl.start}, prev.Evidence.Section)
							seen[string(kind)+"|"+t] = true
						}
						continue
					}
					authorized[sec.Start] = len(out) + 1
				}
				seen[string(kind)+"|"+t] = true
				imp := Required
				if sec.Name == extract.SectionPreferred || rules.Has(taxonomy.CuePreferred, cl.text) {
					imp = Preferred
				}
				heading := sec.Heading
				if heading == "" {
					heading = string(sec.Name)
				}
				ev := a.Evidence(taxonomy.Hit{Start: cl.start, End: cl.start}, heading)
				out = append(out, Requirement{Kind: kind, Text: t, Importance: imp, Evidence: ev})
				places = append(places, placeOf{header: sec.Name == extract.SectionHeader, stop: strings.HasSuffix(strings.TrimSpace(sentence), ".")})
			}
		}
	}
	return onePlace(out, places)
}

// withoutOffers returns clause without its parts between commas that say
// what the employer offers (the offer cue), or "" when every part does;
// an offer in brackets after words that say what is needed goes alone:
// "You need an EU work permit (we are a recognised sponsor)" still asks
// for the permit, where "Visa sponsorship (we are a recognised sponsor)"
// only offers.
func withoutOffers(clause string, rules *taxonomy.Rules) string {
	if !rules.Has(taxonomy.CueOffer, clause) {
		return clause
	}
	for open := strings.IndexByte(clause, '('); open >= 0; {
		end := strings.IndexByte(clause[open:], ')')
		if end < 0 {
			break
		}
		end += open
		if rules.Has(taxonomy.CueOffer, clause[open+1:end]) && rules.Has(taxonomy.CueRequired, clause[:open]) {
			clause = strings.TrimRight(clause[:open], " ") + clause[end+1:]
			if !rules.Has(taxonomy.CueOffer, clause) {
				return clause
			}
			open = strings.IndexByte(clause, '(')
			continue
		}
		next := strings.IndexByte(clause[end:], '(')
		if next < 0 {
			break
		}
		open = end + next
	}
	var kept []string
	for _, p := range strings.Split(clause, ",") {
		if !rules.Has(taxonomy.CueOffer, p) {
			kept = append(kept, p)
		}
	}
	return strings.TrimSpace(strings.Join(kept, ","))
}

// outsideBrackets returns s without what it says in round brackets.
func outsideBrackets(s string) string {
	if !strings.Contains(s, "(") {
		return s
	}
	var b strings.Builder
	depth := 0
	for _, r := range s {
		switch {
		case r == '(':
			depth++
		case r == ')' && depth > 0:
			depth--
		case depth == 0:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// statementWords is the fewest words of a clause that states where the
// work is done, rather than naming a place ("Hartford, CT (Hybrid)"),
// unless it is a sentence of its own ("Remote within the US.").
const statementWords = 5

// placeOf is where a requirement is: in the ad's header, and in a sentence
// that ends with a full stop.
type placeOf struct{ header, stop bool }

// onePlace returns reqs without the places of work that only repeat one
// the job states: when a clause of the ad's body says where the work is
// done ("This role is hybrid: three days a week in our Hartford office"),
// the short fragments of the header and of lists ("Hartford, CT
// (Hybrid)", "Remote (US)") and the lines of facts ("Senior Data Scientist
// · Hartford, CT (Hybrid) · Full-time", and in the header "Data Engineer –
// Brackenridge – Manchester") say it again. A hashtag ("#LI-Hybrid") is a
// job board's tag, never a requirement. places says where each of reqs is.
func onePlace(reqs []Requirement, places []placeOf) []Requirement {
	fragment := func(i int) bool {
		t := reqs[i].Text
		return len(strings.Fields(t)) < statementWords && !places[i].stop || strings.ContainsAny(t, "·|") ||
			places[i].header && strings.Count(t, " – ")+strings.Count(t, " — ")+strings.Count(t, " • ") >= 2
	}
	stated := false
	for i, r := range reqs {
		stated = stated || r.Kind == taxonomy.RequireLocation && !fragment(i) && !strings.HasPrefix(r.Text, "#")
	}
	out := reqs[:0:0]
	for i, r := range reqs {
		if r.Kind == taxonomy.RequireLocation && (strings.HasPrefix(r.Text, "#") || stated && fragment(i)) {
			continue
		}
		out = append(out, r)
	}
	return out
}

// clause is a part of a sentence and where it starts.
type clause struct {
	text  string
	start int
}

// clauses splits the sentence at sp into its clauses: at semicolons and
// where the items of a squashed list begin (breaks, sorted).
func clauses(s string, sp text.Span, breaks []int) []clause {
	var out []clause
	start := sp.Start
	cut := func(end, next int) {
		if end > start {
			out = append(out, clause{s[start:end], start})
		}
		start = next
	}
	i := sort.SearchInts(breaks, sp.Start+1)
	for off := sp.Start; off < sp.End; off++ {
		switch {
		case i < len(breaks) && breaks[i] == off:
			cut(off, off)
			i++
		case s[off] == ';':
			cut(off, off+1)
		}
	}
	cut(sp.End, sp.End)
	return out
}

// yearsOfData reports whether a clause's "years of" measure data, not
// experience: the words after it, up to the clause's next mark, end in a
// word of the data-spans list ("five years of smart-meter data", "two
// years of order history"), not "5 years of data engineering experience".
func yearsOfData(clause string, rules *taxonomy.Rules) bool {
	lower := strings.ToLower(clause)
	for off := 0; ; {
		i := strings.Index(lower[off:], "years of ")
		if i < 0 {
			return false
		}
		off += i + len("years of ")
		rest := lower[off:]
		if j := strings.IndexAny(rest, ",.;:()—–\n"); j >= 0 {
			rest = rest[:j]
		}
		var buf [8]string
		words := fieldsInto(buf[:0], rest)
		if k := slices.IndexFunc(words, func(w string) bool { return !strings.ContainsFunc(w, unicode.IsLetter) }); k >= 0 {
			words = words[:k] // a squashed list's next item: "... smart-meter data - Detect ..."
		}
		if len(words) > 0 && len(words) <= 4 && rules.Word(taxonomy.WordsDataSpans, words[len(words)-1]) {
			return true
		}
	}
}

// boilerplateAuthorization reports whether a clause names the right to
// work only as boilerplate does ("regardless of ... citizenship"): the
// boilerplate cue holds for it and for each of its coordinated parts
// (", and ...", ", but ...") that names the right to work, and it does
// not say it is required. A pay line that goes on ", and we can't sponsor
// visas" states a requirement.
func boilerplateAuthorization(clause string, rules *taxonomy.Rules) bool {
	if !rules.Has(taxonomy.CueBoilerplate, clause) || rules.Has(taxonomy.CueRequired, clause) {
		return false
	}
	for _, sep := range []string{", and ", ", but ", "; "} {
		for _, p := range strings.Split(clause, sep) {
			if p != clause && slices.Contains(rules.Requirements(p), taxonomy.RequireAuthorization) && !rules.Has(taxonomy.CueBoilerplate, p) {
				return false
			}
		}
	}
	return true
}
