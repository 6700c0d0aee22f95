package domain

import "time"

// Candidate is a person a programme organisation registered. Version starts
// at 1 and grows by one with every change, for optimistic concurrency and
// for the matching service, which keeps a copy of the matching view.
type Candidate struct {
	ID    string
	OrgID string
	// Alias is the random pseudonym employers see, such as "K7Q2".
	Alias     string
	Version   int64
	CreatedAt time.Time
	UpdatedAt time.Time
	CreatedBy string
	Identity  Identity
	Profile   Profile
	// ProgrammeRecords, Attestations and Certificates are the portfolio,
	// in the order they were recorded.
	ProgrammeRecords []ProgrammeRecord
	Attestations     []Attestation
	Certificates     []Certificate
	Consent          Consent
	// Placement is the placement the candidate is in, nil when none.
	Placement *Placement
	// Statement is the candidate's statement in their own words, nil when
	// there is none.
	Statement *Statement
}

// Placement says the candidate was hired through a placement and whether
// they still look for work besides it (part-time work, a trial). The
// placements service owns the placement; this is all the candidate record
// keeps of it.
type Placement struct {
	PlacementID  string
	StillLooking bool
	UpdatedAt    time.Time
}

// Available reports whether matching may offer the candidate: not placed,
// or placed and still looking.
func (c Candidate) Available() bool { return c.Placement == nil || c.Placement.StillLooking }

// Identity is who the candidate is. It is sealed field by field at rest and
// never leaves the owning organisation before an introduction.
type Identity struct {
	GivenName     string
	FamilyName    string
	PreferredName string
	DateOfBirth   string
	Phone         string
	Email         string
}

// DisplayName is the name staff call the candidate by.
func (i Identity) DisplayName() string {
	first := i.PreferredName
	if first == "" {
		first = i.GivenName
	}
	return first + " " + i.FamilyName
}

// Profile is everything about a candidate staff write directly: the
// setting, availability, languages, restrictions and preferences.
type Profile struct {
	Setting         Setting
	House           *Place
	DayRelease      *DayRelease
	Release         *Release
	Languages       []Language
	ExcludedSectors []string
	Preferences     Preferences
}

// Spec is what staff send to register or edit a candidate.
type Spec struct {
	Identity Identity
	Profile  Profile
}

// Setting is where the candidate is in the justice system. It is never
// shown to employers before disclosure.
type Setting string

// The settings.
const (
	SettingDetentionHouse  Setting = "detention_house"
	SettingTransitionHouse Setting = "transition_house"
	SettingReleased        Setting = "released"
	SettingProbation       Setting = "probation"
)

// Settings lists every setting.
var Settings = []Setting{SettingDetentionHouse, SettingTransitionHouse, SettingReleased, SettingProbation}

// Valid reports whether s is one of Settings.
func (s Setting) Valid() bool {
	for _, x := range Settings {
		if s == x {
			return true
		}
	}
	return false
}

// Housed reports whether the candidate lives in a house, so a house is
// required and day release applies.
func (s Setting) Housed() bool {
	return s == SettingDetentionHouse || s == SettingTransitionHouse
}

// Place is a gazetteer place; Name, Lat and Lon are filled from the
// gazetteer when a spec is validated.
type Place struct {
	PlaceID string
	Name    string
	Lat     float64
	Lon     float64
}

// DayRelease is when and how a housed candidate may work outside: from a
// date, on some days, inside one daily window, within a commute of the
// house.
type DayRelease struct {
	EligibleFrom string
	Days         []string
	Start        string
	End          string
	MaxCommuteKm int
}

// Release is the expected release and the region the candidate returns
// to. After release the return region counts, not the house (the
// proximity principle).
type Release struct {
	ExpectedDate string
	ReturnRegion *Region
}

// Region is a place and a radius around it.
type Region struct {
	Place
	RadiusKm int
}

// Language is an ISO 639-1 language with a CEFR level.
type Language struct {
	Code  string
	Level string
}

// Preferences are what the candidate would like: NACE sectors, hours per
// week and contract types.
type Preferences struct {
	Sectors      []string
	HoursPerWeek int
	Contracts    []string
}

// ProgrammeRecord says the candidate took part in a programme, from a date
// to a date (empty while ongoing), for some hours.
type ProgrammeRecord struct {
	ID          string
	ProgrammeID string
	From        string
	To          string
	Hours       int
	RecordedBy  string
	RecordedAt  time.Time
}

// Certificate is a qualification from an outside issuer, such as food
// hygiene or a forklift licence.
type Certificate struct {
	ID         string
	Name       string
	Issuer     string
	Date       string
	RecordedBy string
	RecordedAt time.Time
}

// Consent records whether the candidate agreed to matching, who recorded
// it, when, and which version of the consent text they were shown.
type Consent struct {
	Matching    bool
	TextVersion string
	RecordedBy  string
	// ByCandidate says the candidate recorded it themself; otherwise staff
	// recorded it with them.
	ByCandidate bool
	RecordedAt  time.Time
	// FirstGivenAt is the first time consent to matching was recorded as
	// given, kept through withdrawals and later consents; zero if it never
	// was. Insights counts a candidate as consenting from then.
	FirstGivenAt time.Time
}

// Skill is a candidate's current standing in one skill: the latest
// attestation of it.
type Skill struct {
	Attestation
}

// Skills returns the latest attestation of each skill that is not
// revoked, in the order the skills were first attested. Earlier and
// revoked attestations stay in the portfolio as history; a revoked one
// never counts, so matching sees the latest standing one or none.
func (c Candidate) Skills() []Skill {
	latest := map[string]int{}
	var order []string
	for i, a := range c.Attestations {
		if a.Revoked() {
			continue
		}
		if _, seen := latest[a.Skill]; !seen {
			order = append(order, a.Skill)
		}
		latest[a.Skill] = i
	}
	out := make([]Skill, 0, len(order))
	for _, id := range order {
		out = append(out, Skill{c.Attestations[latest[id]]})
	}
	return out
}

// Attestation finds one of the candidate's attestations by id.
func (c Candidate) Attestation(id string) (Attestation, bool) {
	for _, a := range c.Attestations {
		if a.ID == id {
			return a, true
		}
	}
	return Attestation{}, false
}

// ProgrammeIDs returns the programmes the candidate has records in or
// attestations from, each once.
func (c Candidate) ProgrammeIDs() []string {
	seen := map[string]bool{}
	var out []string
	add := func(id string) {
		if id != "" && !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	for _, r := range c.ProgrammeRecords {
		add(r.ProgrammeID)
	}
	for _, a := range c.Attestations {
		add(a.ProgrammeID)
	}
	return out
}

// Filter selects candidates of one organisation for a listing. Query
// matches the alias or the start of any name word.
type Filter struct {
	OrgID       string
	Query       string
	Setting     Setting
	ProgrammeID string
}
