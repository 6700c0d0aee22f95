package ownerstest

import "time"

// Candidate is a candidates-service matching view, in the JSON shape of
// GET /internal/v1/candidates/{id}.
type Candidate struct {
	ID               string        `json:"id"`
	OrgID            string        `json:"org_id"`
	Alias            string        `json:"alias"`
	Version          int64         `json:"version"`
	Setting          string        `json:"setting"`
	House            *Place        `json:"house,omitempty"`
	DayRelease       *DayRelease   `json:"day_release,omitempty"`
	Release          *Release      `json:"release,omitempty"`
	Languages        []Language    `json:"languages"`
	ExcludedSectors  []string      `json:"excluded_sectors"`
	Preferences      Preferences   `json:"preferences"`
	Skills           []Skill       `json:"skills"`
	ProgrammeRecords []Record      `json:"programme_records"`
	Certificates     []Certificate `json:"certificates"`
	Consent          Consent       `json:"consent"`
}

// Place is a gazetteer place with coordinates.
type Place struct {
	PlaceID string  `json:"place_id"`
	Name    string  `json:"name"`
	Lat     float64 `json:"lat"`
	Lon     float64 `json:"lon"`
}

// Region is a place and a radius.
type Region struct {
	Place
	RadiusKm int `json:"radius_km"`
}

// DayRelease is a day-release window.
type DayRelease struct {
	EligibleFrom string   `json:"eligible_from"`
	Days         []string `json:"days"`
	Start        string   `json:"start"`
	End          string   `json:"end"`
	MaxCommuteKm int      `json:"max_commute_km"`
}

// Release is the expected release and the return region.
type Release struct {
	ExpectedDate string  `json:"expected_date,omitempty"`
	ReturnRegion *Region `json:"return_region,omitempty"`
}

// Language is a language with a CEFR level.
type Language struct {
	Code  string `json:"code"`
	Level string `json:"level"`
}

// Preferences are a candidate's wishes.
type Preferences struct {
	Sectors      []string `json:"sectors"`
	HoursPerWeek int      `json:"hours_per_week"`
	Contracts    []string `json:"contracts"`
}

// Skill is an attested skill.
type Skill struct {
	Skill     string `json:"skill"`
	Level     int    `json:"level"`
	Hours     int    `json:"hours"`
	Programme string `json:"programme"`
	Date      string `json:"date"`
	Attested  bool   `json:"attested"`
}

// Record is a programme record.
type Record struct {
	Programme string `json:"programme"`
	From      string `json:"from"`
	To        string `json:"to,omitempty"`
	Hours     int    `json:"hours"`
}

// Certificate is a certificate.
type Certificate struct {
	Name   string `json:"name"`
	Issuer string `json:"issuer"`
	Date   string `json:"date"`
}

// Consent is the candidate's consent to matching.
type Consent struct {
	Matching bool `json:"matching"`
}

// Programme is an internal programme listing entry.
type Programme struct {
	ID          string    `json:"id"`
	OrgID       string    `json:"org_id,omitempty"`
	Name        string    `json:"name"`
	Kind        string    `json:"kind"`
	Site        PlaceRef  `json:"site"`
	Skills      []string  `json:"skills"`
	Supervisors []string  `json:"supervisors"`
	Version     int64     `json:"version"`
	CreatedAt   time.Time `json:"created_at"`
	UpdatedAt   time.Time `json:"updated_at"`
}

// PlaceRef is a place without coordinates.
type PlaceRef struct {
	PlaceID string `json:"place_id"`
	Name    string `json:"name"`
}

// Role is an employers-service role, in the JSON shape of
// GET /internal/v1/roles/{id}.
type Role struct {
	ID              string         `json:"id"`
	EmployerID      string         `json:"employer_id"`
	Status          string         `json:"status"`
	Version         int64          `json:"version"`
	CreatedAt       time.Time      `json:"created_at"`
	UpdatedAt       time.Time      `json:"updated_at"`
	Title           string         `json:"title"`
	Description     string         `json:"description"`
	Occupation      string         `json:"occupation,omitempty"`
	Sector          string         `json:"sector"`
	Site            *Site          `json:"site,omitempty"`
	Remote          bool           `json:"remote"`
	EssentialSkills []Requirement  `json:"essential_skills"`
	OptionalSkills  []Requirement  `json:"optional_skills"`
	Languages       []RoleLanguage `json:"languages"`
	Schedule        *Schedule      `json:"schedule,omitempty"`
	HoursPerWeek    int            `json:"hours_per_week"`
	Contract        string         `json:"contract"`
	StartDate       string         `json:"start_date,omitempty"`
	StartASAP       bool           `json:"start_asap"`
	EndDate         string         `json:"end_date,omitempty"`
	Positions       int            `json:"positions"`
	DayReleaseOK    bool           `json:"day_release_ok"`
	ClosingDate     string         `json:"closing_date,omitempty"`
}

// Site is where a role's work happens.
type Site struct {
	PlaceID string   `json:"place_id,omitempty"`
	Name    string   `json:"name,omitempty"`
	Lat     *float64 `json:"lat,omitempty"`
	Lon     *float64 `json:"lon,omitempty"`
}

// Requirement is a skill with a minimum level.
type Requirement struct {
	Skill    string `json:"skill"`
	MinLevel int    `json:"min_level"`
}

// RoleLanguage is a language with a minimum CEFR level.
type RoleLanguage struct {
	Code     string `json:"code"`
	MinLevel string `json:"min_level"`
}

// Schedule is days with one window, or shifts.
type Schedule struct {
	Days   []string `json:"days,omitempty"`
	Start  string   `json:"start,omitempty"`
	End    string   `json:"end,omitempty"`
	Shifts []Shift  `json:"shifts,omitempty"`
}

// Shift is one window on one day.
type Shift struct {
	Day   string `json:"day"`
	Start string `json:"start"`
	End   string `json:"end"`
}
