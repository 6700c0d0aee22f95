package ownerstest

import (
	"fmt"
	"time"

	"github.com/onward-jobs/onward/pkg/api"
)

// Places with their gazetteer coordinates.
var (
	Kortrijk = api.GeoPlace{PlaceID: "2794055", Name: "Kortrijk", Lat: 50.82803, Lon: 3.26487}
	Gent     = api.GeoPlace{PlaceID: "2797656", Name: "Gent", Lat: 51.05, Lon: 3.71667}
)

// NewCandidate returns a consenting candidate in a transition house with
// day release, a skill and a language, at version 1, varied by n.
func NewCandidate(id string, n int) api.MatchingView {
	house := Kortrijk
	return api.MatchingView{
		ID: id, OrgID: "prog-p1", Alias: fmt.Sprintf("K%03d", n%1000), Version: 1, Setting: api.SettingTransitionHouse,
		House: &house,
		DayRelease: &api.DayRelease{EligibleFrom: "2027-01-04", Days: []api.Weekday{api.WeekdayMon, api.WeekdayTue, api.WeekdayWed},
			Start: "07:00", End: "18:00", MaxCommuteKm: 20 + n%30},
		Release: &api.MatchingRelease{ExpectedDate: ptr("2027-09-01"),
			ReturnRegion: &api.GeoRegion{PlaceID: Gent.PlaceID, Name: Gent.Name, Lat: Gent.Lat, Lon: Gent.Lon, RadiusKm: 30}},
		Languages:       []api.Language{{Code: "nl", Level: api.CEFRLevelC2}, {Code: "en", Level: api.CEFRLevelB1}},
		ExcludedSectors: []string{"P"},
		Preferences: api.Preferences{Sectors: &[]string{"I"}, HoursPerWeek: ptr(32),
			Contracts: &[]api.Contract{api.ContractPermanent}},
		Skills: []api.MatchingSkill{{Skill: "coffee-roasting", Level: 1 + n%4, Hours: 100 * (n%7 + 1), Programme: "prg-roastery",
			Date: "2026-10-01", Attested: true}},
		ProgrammeRecords: []api.MatchingProgrammeRecord{{Programme: "prg-roastery", From: "2026-01-05", Hours: 600}},
		Certificates:     []api.MatchingCertificate{{Name: "Food hygiene", Issuer: "FAVV", Date: "2026-03-01"}},
		Consent:          api.MatchingConsent{Matching: true},
	}
}

// Roastery is the programme NewCandidate names.
func Roastery() api.InternalProgramme {
	return api.InternalProgramme{ID: "prg-roastery", OrgID: "prog-p1", Name: "Coffee roastery — Kortrijk house",
		Kind: api.ProgrammeKindCoffeeRoastery, Site: api.CandidatePlace{PlaceID: Kortrijk.PlaceID, Name: ptr(Kortrijk.Name)},
		Skills: []string{"coffee-roasting"}, Supervisors: []string{},
		Version: 1, CreatedAt: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), UpdatedAt: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}
}

// NewRole returns an open barista role in Kortrijk at version 1, varied by
// n.
func NewRole(id string, n int) api.Role {
	lat, lon := Kortrijk.Lat, Kortrijk.Lon
	at := time.Date(2026, 11, 1, 9, 0, 0, 0, time.UTC)
	return api.Role{
		ID: id, EmployerID: fmt.Sprintf("emp-%d", n%3), Status: api.RoleStatusOpen, Version: 1, CreatedAt: at, UpdatedAt: at,
		Title: "Barista", Description: "Morning shifts in our roastery café.", Occupation: ptr("barista"), Sector: "I",
		Site:            &api.RoleSite{PlaceID: ptr(Kortrijk.PlaceID), Name: ptr(Kortrijk.Name), Lat: &lat, Lon: &lon},
		EssentialSkills: []api.RoleSkill{{Skill: "coffee-roasting", MinLevel: 1 + n%3}},
		OptionalSkills:  []api.RoleSkill{{Skill: "latte-art", MinLevel: 1}},
		Languages:       []api.RoleLanguage{{Code: "nl", MinLevel: api.CEFRLevelB1}},
		Schedule: &api.Schedule{Days: &[]api.Weekday{api.WeekdayMon, api.WeekdayTue}, Start: ptr("07:00"),
			End: ptr("15:30")},
		HoursPerWeek: 32, Contract: api.ContractPermanent, StartDate: ptr("2027-03-01"), Positions: 1, DayReleaseOk: true,
	}
}

// ptr returns a pointer to v, for the optional fields of the description.
func ptr[T any](v T) *T { return &v }
