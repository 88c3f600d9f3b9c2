package extract

// SectionKind says what a section of a document holds. A resume's sections
// are named by its readers here; a job ad's parts are classified by package
// match/job from the language rules, with the job kinds below.
type SectionKind string

// A resume's sections, as Read names them.
const (
	// SectionHeader is the text before the first heading: a resume's name
	// and contact details, a job ad's title and opening lines.
	SectionHeader         SectionKind = "Header"
	SectionSummary        SectionKind = "Summary"
	SectionExperience     SectionKind = "Experience"
	SectionEducation      SectionKind = "Education"
	SectionSkills         SectionKind = "Skills"
	SectionProjects       SectionKind = "Projects"
	SectionPublications   SectionKind = "Publications"
	SectionCertifications SectionKind = "Certifications"
	// SectionOther is a heading Read does not know (a job ad's headings
	// among them).
	SectionOther SectionKind = "Other"
)

// The parts of a job ad, as match/job classifies its headings.
const (
	// SectionRequirements: what the candidate needs.
	SectionRequirements SectionKind = "requirements"
	// SectionPreferred: what would be a plus.
	SectionPreferred SectionKind = "preferred"
	// SectionResponsibilities: what the candidate will do.
	SectionResponsibilities SectionKind = "responsibilities"
	// SectionRole: the role described.
	SectionRole SectionKind = "role"
	// SectionStack: the tools the team uses.
	SectionStack SectionKind = "stack"
	// SectionCompany: about the employer.
	SectionCompany SectionKind = "company"
	// SectionBenefits: pay and perks.
	SectionBenefits SectionKind = "benefits"
	// SectionLegal: equal opportunity and other notices.
	SectionLegal SectionKind = "legal"
	// SectionApply: how to apply, interviews.
	SectionApply SectionKind = "apply"
	// SectionLocation: where and how the work is done.
	SectionLocation SectionKind = "location"
	// SectionCommentary: an article's market, salary, career, FAQ and
	// example parts, and a page's own furniture.
	SectionCommentary SectionKind = "commentary"
)

// JobSectionKinds are the kinds of a job ad's parts, in the order the
// language rules document them.
var JobSectionKinds = []SectionKind{SectionRequirements, SectionPreferred, SectionResponsibilities, SectionRole,
	SectionStack, SectionCompany, SectionBenefits, SectionLegal, SectionApply, SectionLocation, SectionCommentary}
