package ownerstest

import (
	"fmt"
	"time"
)

// Places with their gazetteer coordinates.
var (
	Kortrijk = Place{PlaceID: "2794055", Name: "Kortrijk", Lat: 50.82803, Lon: 3.26487}
	Gent     = Place{PlaceID: "2797656", Name: "Gent", Lat: 51.05, Lon: 3.71667}
)

// NewCandidate returns a consenting candidate in a transition house with
// day release, a skill and a language, at version 1, varied by n.
func NewCandidate(id string, n int) Candidate {
	house := Kortrijk
	return Candidate{
		ID: id, OrgID: "prog-p1", Alias: fmt.Sprintf("K%03d", n%1000), Version: 1, Setting: "transition_house",
		House: &house,
		DayRelease: &DayRelease{EligibleFrom: "2027-01-04", Days: []string{"mon", "tue", "wed"}, Start: "07:00", End: "18:00",
			MaxCommuteKm: 20 + n%30},
		Release:         &Release{ExpectedDate: "2027-09-01", ReturnRegion: &Region{Place: Gent, RadiusKm: 30}},
		Languages:       []Language{{Code: "nl", Level: "C2"}, {Code: "en", Level: "B1"}},
		ExcludedSectors: []string{"P"},
		Preferences:     Preferences{Sectors: []string{"I"}, HoursPerWeek: 32, Contracts: []string{"permanent"}},
		Skills: []Skill{{Skill: "coffee-roasting", Level: 1 + n%4, Hours: 100 * (n%7 + 1), Programme: "prg-roastery",
			Date: "2026-10-01", Attested: true}},
		ProgrammeRecords: []Record{{Programme: "prg-roastery", From: "2026-01-05", Hours: 600}},
		Certificates:     []Certificate{{Name: "Food hygiene", Issuer: "FAVV", Date: "2026-03-01"}},
		Consent:          Consent{Matching: true},
	}
}

// Roastery is the programme NewCandidate names.
func Roastery() Programme {
	return Programme{ID: "prg-roastery", OrgID: "prog-p1", Name: "Coffee roastery — Kortrijk house", Kind: "coffee_roastery",
		Site: PlaceRef{PlaceID: Kortrijk.PlaceID, Name: Kortrijk.Name}, Skills: []string{"coffee-roasting"}, Supervisors: []string{},
		Version: 1, CreatedAt: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), UpdatedAt: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}
}

// NewRole returns an open barista role in Kortrijk at version 1, varied by
// n.
func NewRole(id string, n int) Role {
	lat, lon := Kortrijk.Lat, Kortrijk.Lon
	at := time.Date(2026, 11, 1, 9, 0, 0, 0, time.UTC)
	return Role{
		ID: id, EmployerID: fmt.Sprintf("emp-%d", n%3), Status: "open", Version: 1, CreatedAt: at, UpdatedAt: at,
		Title: "Barista", Description: "Morning shifts in our roastery café.", Occupation: "barista", Sector: "I",
		Site:            &Site{PlaceID: Kortrijk.PlaceID, Name: Kortrijk.Name, Lat: &lat, Lon: &lon},
		EssentialSkills: []Requirement{{Skill: "coffee-roasting", MinLevel: 1 + n%3}},
		OptionalSkills:  []Requirement{{Skill: "latte-art", MinLevel: 1}},
		Languages:       []RoleLanguage{{Code: "nl", MinLevel: "B1"}},
		Schedule:        &Schedule{Days: []string{"mon", "tue"}, Start: "07:00", End: "15:30"},
		HoursPerWeek:    32, Contract: "permanent", StartDate: "2027-03-01", Positions: 1, DayReleaseOK: true,
	}
}
