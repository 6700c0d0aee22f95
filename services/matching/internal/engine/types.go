package engine

// Day is a date as days since 1970-01-01 (UTC), so dates compare and
// subtract as integers.
type Day int32

// Point is a position in degrees.
type Point struct {
	Lat, Lon float64
}

// Candidate is what matching knows of a candidate: the candidates service's
// matching view, without identity. Candidates without consent to matching,
// and candidates placed in a job who are not still looking, are never
// indexed (see Matchable).
type Candidate struct {
	ID      string
	OrgID   string
	Alias   string
	Version int64
	Consent bool
	// Unavailable is true while the candidate is placed and not still
	// looking: they leave every shortlist and get no suggestions until the
	// placement ends or staff mark them still looking. The zero value is
	// available, as a view without the field is.
	Unavailable bool
	// Housed is true in a detention or transition house: day release
	// applies, from House within DayRelease.MaxCommuteKm.
	Housed     bool
	House      *Point
	DayRelease *DayRelease
	// Release is when the candidate leaves the house (nil when released or
	// on probation already: then ReturnRegion applies from today).
	ReleaseDate  Day // 0 when unknown or already released
	ReturnRegion *Region
	Languages    []Language
	// ExcludedSectors are NACE section letters a licence rules out.
	ExcludedSectors []string
	Skills          []Skill
	Certificates    []string
	// ProgrammeKinds are the kinds of programme the candidate trained in,
	// such as "coffee_roastery", for the card.
	ProgrammeKinds []string
	// Preferences do not filter; see docs/matching.md for the small bonus.
	PreferredSectors []string
	HoursPerWeek     int
	Contracts        []string
	// Statement is the candidate's approved statement in their own words,
	// "" when none. The index does not keep it: it passes through to the
	// feed's Statements (package statements), so the per-candidate record
	// stays within its memory budget.
	Statement string
}

// DayRelease is when and how a housed candidate may work outside.
type DayRelease struct {
	EligibleFrom Day
	// Days is a bit set of weekdays: bit 0 Monday … bit 6 Sunday.
	Days uint8
	// Start and End are minutes after midnight.
	Start, End   int
	MaxCommuteKm int
}

// Region is a place and a radius around it.
type Region struct {
	Point
	RadiusKm int
}

// Language is an ISO 639-1 code with a CEFR rank (A1 = 0 … C2 = 5).
type Language struct {
	Code string
	Rank int
}

// Skill is a candidate's current standing in one taxonomy skill.
type Skill struct {
	ID       string
	Level    int // 1–4
	Hours    int
	Attested bool
}

// Role is what matching knows of an open role, from the employers
// service's internal API.
type Role struct {
	ID         string
	EmployerID string
	Version    int64
	Open       bool
	Title      string
	Sector     string
	// Site is nil for a remote role.
	Site      *Point
	Essential []Requirement
	Optional  []Requirement
	Languages []LanguageRequirement
	// Shifts are the role's working windows; a days-and-hours schedule is
	// one shift per day. Empty when the role names no schedule.
	Shifts       []Shift
	HoursPerWeek int
	Contract     string
	// StartDate is 0 for "as soon as possible" (today counts).
	StartDate    Day
	DayReleaseOK bool
}

// Requirement is a skill with the lowest level the role accepts.
type Requirement struct {
	Skill    string
	MinLevel int
}

// LanguageRequirement is a language with the lowest CEFR rank accepted.
type LanguageRequirement struct {
	Code    string
	MinRank int
}

// Shift is one working window on one weekday (0 Monday … 6 Sunday), in
// minutes after midnight.
type Shift struct {
	Weekday    int
	Start, End int
}

// Match says whether an entry has every essential skill at some level
// (full) or lacks one (near).
type Match string

// The kinds of match.
const (
	MatchFull Match = "full"
	MatchNear Match = "near"
)

// Entry is one ranked result: a candidate in a shortlist or a role in a
// suggestion list. Score is an integer; higher is better.
type Entry struct {
	ID    string
	Score int
	Match Match
}

// Matchable reports whether the candidate belongs in the index: they
// consent to matching and are available.
func (c *Candidate) Matchable() bool { return c.Consent && !c.Unavailable }
