package engine

// Explanation says why a candidate fits a role, in structure only; the
// service renders the one-line summary in the reader's language.
type Explanation struct {
	// Essential and Optional place each skill requirement of the role in
	// exactly one of three lists (met, partly met, missing), essential and
	// optional apart; see SkillFit for what each means. The lists describe
	// the credit the score counts, requirement by requirement.
	Essential SkillGroup
	Optional  SkillGroup
	// DistanceKm is from where the candidate would work from to the site,
	// rounded; -1 for a remote role or when the candidate has no place.
	DistanceKm int
	// AvailableFrom is the first day the candidate could start.
	AvailableFrom Day
	// DayRelease is true when the candidate would start on day release.
	DayRelease bool
	// ScheduleFit is "full", "partial" or "none" on day release (how many
	// of the role's shifts fit the permitted window) and "n/a" otherwise
	// or when the role names no shifts.
	ScheduleFit string
	// LanguageFit is "full" when every required language is met, "none"
	// when none earns credit, "partial" in between and "n/a" without
	// language requirements.
	LanguageFit string
	Score       int
	Match       Match
	// Eligible is false when a hard filter rules the pair out; Reason then
	// names the first (one of the Reason constants).
	Eligible bool
	Reason   string
}

// SkillGroup is the essential (or the optional) skill requirements of a
// role, each in exactly one list, in the role's order within each list.
type SkillGroup struct {
	Met     []SkillFit
	Partly  []SkillFit
	Missing []SkillFit
}

// Total is the number of requirements in the group: the three lists
// together.
func (g SkillGroup) Total() int { return len(g.Met) + len(g.Partly) + len(g.Missing) }

// SkillStatus says how far a candidate meets one skill requirement.
type SkillStatus string

// The statuses of a requirement. A requirement is met when the candidate
// holds the skill itself at the level asked or above; partly met when it
// earns some credit otherwise (the skill itself below the level asked, or
// a related skill); missing when it earns no credit.
const (
	StatusMet     SkillStatus = "met"
	StatusPartly  SkillStatus = "partly"
	StatusMissing SkillStatus = "missing"
)

// Relation says why a partly met requirement counts partly.
type Relation string

// The relations of a partly met requirement.
const (
	// RelationBelowLevel: the candidate holds the skill itself, below the
	// level asked.
	RelationBelowLevel Relation = "below_level"
	// RelationParent: the candidate holds a broader skill that includes
	// the one asked (its parent in the taxonomy).
	RelationParent Relation = "parent"
	// RelationSibling: the candidate holds a closely related skill of the
	// same family (sharing a parent with the one asked).
	RelationSibling Relation = "sibling"
)

// SkillFit is one skill requirement of a role and how the candidate meets
// it.
type SkillFit struct {
	// Skill is the skill the role asks for, at RequiredLevel or above.
	Skill         string
	RequiredLevel int
	Essential     bool
	Status        SkillStatus
	// Level, Hours and Attested are the candidate's standing in Skill
	// itself: Level 0 when the candidate does not hold it.
	Level    int
	Hours    int
	Attested bool
	// Relation is set only when Status is partly: why it counts partly.
	Relation Relation
	// Related is the candidate's skill that earns the credit when Relation
	// is parent or sibling; nil otherwise.
	Related *RelatedSkill
	// Credit is what the requirement earns towards the score, in
	// per-mille of a met requirement (CreditFull); 0 when missing.
	Credit int
}

// RelatedSkill is a candidate's skill that earns partial credit for a
// requirement through the taxonomy.
type RelatedSkill struct {
	Skill    string
	Level    int
	Hours    int
	Attested bool
	// Family is the parent the related skill shares with the skill asked,
	// for a sibling; "" for a parent.
	Family string
}

// The fit values of ScheduleFit and LanguageFit.
const (
	FitFull    = "full"
	FitPartial = "partial"
	FitNone    = "none"
	FitNA      = "n/a"
)

// Card is what an employer may see of a candidate before an introduction:
// skills first, and nothing that identifies the person. It never holds a
// name, contact details, the house, the programme organisation or an exact
// date: availability is a month and distance a band.
type Card struct {
	Alias          string
	Skills         []CardSkill
	Certificates   []string
	Languages      []CardLanguage
	AvailableMonth string // "2027-01"
	DistanceBand   string // see DistanceBand
	DayRelease     bool
	ScheduleFit    string
	ProgrammeKinds []string
}

// CardSkill is one skill on a card.
type CardSkill struct {
	Skill    string
	Level    int
	Hours    int
	Attested bool
}

// CardLanguage is one language on a card, with its CEFR level ("B2").
type CardLanguage struct {
	Code  string
	Level string
}

// RoleScore is one open role a candidate is eligible for, for keeping
// shortlists up to date incrementally.
type RoleScore struct {
	RoleID string
	Score  int
	Match  Match
}

// Stats describes the index.
type Stats struct {
	Candidates  int
	Roles       int
	RemoteRoles int
	Skills      int
	// GridCells is the number of non-empty cells of the candidates' grid.
	GridCells int
}
