package engine

// Explanation says why a candidate fits a role, in structure only; the
// service renders the one-line summary in the reader's language.
type Explanation struct {
	// MatchedSkills lists each requirement that earns credit, with the
	// skill that earns it.
	MatchedSkills []MatchedSkill
	// MissingSkills lists each requirement whose exact skill the candidate
	// does not hold (it may still earn partial credit through the
	// hierarchy, and then also appears in MatchedSkills).
	MissingSkills []MissingSkill
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

// MatchedSkill is one requirement that earns credit.
type MatchedSkill struct {
	// Skill is the required skill.
	Skill string
	// CandidateSkill is the skill that earns the credit: Skill itself, or
	// a parent or sibling of it (see Via).
	CandidateSkill string
	CandidateLevel int
	RequiredLevel  int
	Essential      bool
	// Via is "" for the exact skill, "parent" or "sibling" when the credit
	// came through the hierarchy.
	Via      string
	Hours    int
	Attested bool
}

// MissingSkill is one requirement the candidate does not hold exactly.
type MissingSkill struct {
	Skill         string
	RequiredLevel int
	Essential     bool
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
