package domain

import "time"

// Role is a job an employer posts. Version starts at 1 and grows by one with
// every change, for optimistic concurrency and for event consumers.
type Role struct {
	ID         string
	EmployerID string
	Status     Status
	Version    int64
	CreatedAt  time.Time
	UpdatedAt  time.Time
	// StatusChangedAt is when Status last changed (CreatedAt until then),
	// and PreviousStatus what it was before; empty when not known. The
	// reopen rule reads both.
	StatusChangedAt time.Time
	PreviousStatus  Status
	Spec            RoleSpec
	// Placements are the ids of the placements (hires) counted on the
	// role, in the order they were recorded; Filled() is their number.
	Placements []string
}

// RoleSpec is what an employer writes about a role. Dates are "YYYY-MM-DD"
// strings, compared as strings, which orders them correctly.
type RoleSpec struct {
	Title           string
	Description     string
	Occupation      string
	Sector          string
	Site            *Site
	Remote          bool
	EssentialSkills []SkillRequirement
	OptionalSkills  []SkillRequirement
	Languages       []LanguageRequirement
	Schedule        *Schedule
	HoursPerWeek    int
	Contract        string
	StartDate       string
	StartASAP       bool
	EndDate         string
	Positions       int
	DayReleaseOK    bool
	ClosingDate     string
}

// Site is where the work happens: a gazetteer place, or a named point. Lat
// and Lon are filled from the gazetteer for a place.
type Site struct {
	PlaceID string
	Name    string
	Lat     *float64
	Lon     *float64
}

// SkillRequirement is a taxonomy skill with the lowest level (1–4) accepted.
type SkillRequirement struct {
	Skill    string
	MinLevel int
}

// LanguageRequirement is an ISO 639-1 language with a CEFR level (A1–C2).
type LanguageRequirement struct {
	Code     string
	MinLevel string
}

// Schedule is either days of the week with one time window, or shifts.
type Schedule struct {
	Days   []string
	Start  string
	End    string
	Shifts []Shift
}

// Shift is one working window on one day of the week.
type Shift struct {
	Day   string
	Start string
	End   string
}

// SkillIDs returns every skill the role names, essential first.
func (s RoleSpec) SkillIDs() []string {
	ids := make([]string, 0, len(s.EssentialSkills)+len(s.OptionalSkills))
	for _, r := range s.EssentialSkills {
		ids = append(ids, r.Skill)
	}
	for _, r := range s.OptionalSkills {
		ids = append(ids, r.Skill)
	}
	return ids
}

// RoleFilter narrows a role listing. Empty fields do not filter.
type RoleFilter struct {
	EmployerID string
	Status     Status
	Query      string
	Skill      string
	Sector     string
	DayRelease bool
	Contract   string
}
