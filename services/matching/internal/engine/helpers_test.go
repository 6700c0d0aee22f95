package engine

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/onward-jobs/onward/pkg/skills"
)

// Places used by the hand-built tests.
var (
	kortrijk = Point{Lat: 50.8279, Lon: 3.2649}
	gent     = Point{Lat: 51.0543, Lon: 3.7174} // about 40 km from Kortrijk
	brussels = Point{Lat: 50.8503, Lon: 4.3517} // about 76 km from Kortrijk
	menen    = Point{Lat: 50.7967, Lon: 3.1218} // about 11 km from Kortrijk
)

// day parses "2006-01-02".
func day(s string) Day {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return Day(t.Unix() / 86400)
}

var today = day("2026-11-20")

// released is a released candidate in Kortrijk with coffee roasting.
func released(id string) Candidate {
	return Candidate{
		ID: id, OrgID: "org-1", Alias: "A" + id, Version: 1, Consent: true,
		ReturnRegion: &Region{Point: kortrijk, RadiusKm: 30},
		Skills:       []Skill{{ID: "coffee-roasting", Level: 2, Hours: 300, Attested: true}},
		Languages:    []Language{{Code: "nl", Rank: 5}},
	}
}

// housed is a candidate in a Kortrijk house on day release (Mon–Fri,
// 07:00–18:00, 25 km) from 2026-12-01, released 2027-09-01 to Gent.
func housed(id string) Candidate {
	c := released(id)
	c.Housed = true
	c.House = &Point{Lat: kortrijk.Lat, Lon: kortrijk.Lon}
	c.DayRelease = &DayRelease{EligibleFrom: day("2026-12-01"), Days: 0b0011111, Start: 7 * 60, End: 18 * 60, MaxCommuteKm: 25}
	c.ReleaseDate = day("2027-09-01")
	c.ReturnRegion = &Region{Point: gent, RadiusKm: 20}
	return c
}

// roaster is an open role in Menen needing coffee roasting at level 2,
// starting 2027-01-04, weekdays 08:00–16:00, accepting day release.
func roaster(id string) Role {
	shifts := []Shift{}
	for d := range 5 {
		shifts = append(shifts, Shift{Weekday: d, Start: 8 * 60, End: 16 * 60})
	}
	return Role{
		ID: id, EmployerID: "emp-1", Version: 1, Open: true, Title: "Roaster", Sector: "C",
		Site: &Point{Lat: menen.Lat, Lon: menen.Lon}, Essential: []Requirement{{Skill: "coffee-roasting", MinLevel: 2}},
		Languages: []LanguageRequirement{{Code: "nl", MinRank: 2}}, Shifts: shifts,
		StartDate: day("2027-01-04"), DayReleaseOK: true,
	}
}

func newTestIndex() *Index { return NewIndex(skills.Default()) }

// ids lists the ids of entries in order.
func ids(es []Entry) []string {
	out := []string{}
	for _, e := range es {
		out = append(out, e.ID)
	}
	return out
}

// sameEntries compares two rankings, treating nil and empty alike.
func sameEntries(a, b []Entry) bool {
	if len(a) == 0 && len(b) == 0 {
		return true
	}
	return slices.Equal(a, b)
}

// shortlistOne indexes the candidates and the role and returns the ids of
// the shortlist.
func shortlistOne(t *testing.T, r Role, on Day, cands ...Candidate) []string {
	t.Helper()
	ix := newTestIndex()
	for _, c := range cands {
		ix.UpsertCandidate(c)
	}
	ix.UpsertRole(r)
	got := ix.Shortlist(r.ID, 50, on)
	want := ReferenceShortlist(cands, r, skills.Default(), 50, on)
	if !sameEntries(got, want) {
		t.Fatalf("index %v, reference %v", got, want)
	}
	return ids(got)
}

// fmtAll prints a value with every field.
func fmtAll(v any) string { return fmt.Sprintf("%+v", v) }

func containsFold(s, sub string) bool {
	return strings.Contains(strings.ToLower(s), strings.ToLower(sub))
}
