package engine

import (
	"slices"
	"testing"
)

func TestHardFilters(t *testing.T) {
	tests := []struct {
		name  string
		cand  func(*Candidate)
		role  func(*Role)
		on    Day
		in    bool
		cause string
	}{
		{"day release fits", nil, nil, today, true, ""},
		{"eligible only after start", func(c *Candidate) { c.DayRelease.EligibleFrom = day("2027-01-05") }, nil, today, false, ReasonAvailability},
		{"eligible on the start day", func(c *Candidate) { c.DayRelease.EligibleFrom = day("2027-01-04") }, nil, today, true, ""},
		{"role refuses day release", nil, func(r *Role) { r.DayReleaseOK = false }, today, false, ReasonDayRelease},
		{"saturday shift not permitted", nil, func(r *Role) { r.Shifts = append(r.Shifts, Shift{Weekday: 5, Start: 600, End: 700}) }, today, false, ReasonSchedule},
		{"saturday permitted", func(c *Candidate) { c.DayRelease.Days |= 1 << 5 }, func(r *Role) { r.Shifts = append(r.Shifts, Shift{Weekday: 5, Start: 600, End: 700}) }, today, true, ""},
		{"shift ends after the window", nil, func(r *Role) { r.Shifts[2].End = 18*60 + 30 }, today, false, ReasonSchedule},
		{"shift starts before the window", nil, func(r *Role) { r.Shifts[0].Start = 6 * 60 }, today, false, ReasonSchedule},
		{"no shifts named", nil, func(r *Role) { r.Shifts = nil }, today, true, ""},
		{"site beyond the commute", func(c *Candidate) { c.DayRelease.MaxCommuteKm = 5 }, nil, today, false, ReasonDistance},
		{"site inside a longer commute", nil, func(r *Role) { r.Site = &Point{Lat: gent.Lat, Lon: gent.Lon} }, today, false, ReasonDistance},
		{"remote role has no distance limit", func(c *Candidate) { c.DayRelease.MaxCommuteKm = 1 }, func(r *Role) { r.Site = nil }, today, true, ""},
		{"no day release permission", func(c *Candidate) { c.DayRelease = nil }, nil, today, false, ReasonAvailability},
		{"released before start: region, not house", nil, func(r *Role) { r.StartDate = day("2027-09-01") }, today, false, ReasonDistance},
		{"released before start: site in region", nil, func(r *Role) { r.StartDate = day("2027-09-01"); r.Site = &Point{Lat: gent.Lat, Lon: gent.Lon} }, today, true, ""},
		{"release the day after start: still house", nil, func(r *Role) { r.StartDate = day("2027-08-31") }, today, true, ""},
		{"region mode ignores refused day release", nil, func(r *Role) {
			r.StartDate, r.DayReleaseOK, r.Site = day("2027-09-02"), false, &Point{Lat: gent.Lat, Lon: gent.Lon}
		}, today, true, ""},
		{"excluded sector", func(c *Candidate) { c.ExcludedSectors = []string{"C"} }, nil, today, false, ReasonSector},
		{"other sector excluded", func(c *Candidate) { c.ExcludedSectors = []string{"P", "Q"} }, nil, today, true, ""},
		{"ASAP role: today, not yet eligible", nil, func(r *Role) { r.StartDate = 0 }, today, false, ReasonAvailability},
		{"ASAP role: today, eligible", nil, func(r *Role) { r.StartDate = 0 }, day("2026-12-01"), true, ""},
		{"start in the past counts as today", nil, func(r *Role) { r.StartDate = day("2026-01-01") }, day("2026-12-02"), true, ""},
		{"no consent", func(c *Candidate) { c.Consent = false }, nil, today, false, "absent"},
		{"placed, not still looking", func(c *Candidate) { c.Unavailable = true }, nil, today, false, "absent"},
		{"no essential skill credit", func(c *Candidate) { c.Skills = []Skill{{ID: "forklift-operation", Level: 4}} }, nil, today, false, ReasonSkills},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, r := housed("c1"), roaster("r1")
			if tt.cand != nil {
				tt.cand(&c)
			}
			if tt.role != nil {
				tt.role(&r)
			}
			got := shortlistOne(t, r, tt.on, c)
			if in := slices.Contains(got, "c1"); in != tt.in {
				t.Fatalf("in shortlist = %v, want %v", in, tt.in)
			}
			ix := newTestIndex()
			ix.UpsertCandidate(c)
			ix.UpsertRole(r)
			ex, ok := ix.Explain("r1", "c1", tt.on)
			if tt.cause == "absent" {
				if ok {
					t.Fatal("a candidate without consent, or placed, is explained")
				}
				return
			}
			if !ok || ex.Eligible != tt.in || ex.Reason != tt.cause {
				t.Fatalf("explanation eligible %v reason %q, want %v %q", ex.Eligible, ex.Reason, tt.in, tt.cause)
			}
		})
	}
}

func TestReleasedCandidates(t *testing.T) {
	r := roaster("r1")
	r.DayReleaseOK = false
	tests := []struct {
		name string
		cand func(*Candidate)
		in   bool
	}{
		{"released, site in region", nil, true},
		{"released, region too small", func(c *Candidate) { c.ReturnRegion.RadiusKm = 5 }, false},
		{"no region: only remote roles", func(c *Candidate) { c.ReturnRegion = nil }, false},
		{"not housed, release after start", func(c *Candidate) { c.ReleaseDate = day("2027-02-01") }, false},
		{"not housed, release before start", func(c *Candidate) { c.ReleaseDate = day("2026-12-24") }, true},
		{"housed, release unknown: day release only", func(c *Candidate) { c.Housed = true }, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := released("c1")
			if tt.cand != nil {
				tt.cand(&c)
			}
			if in := slices.Contains(shortlistOne(t, r, today, c), "c1"); in != tt.in {
				t.Fatalf("in shortlist = %v, want %v", in, tt.in)
			}
		})
	}
	c := released("c1")
	c.ReturnRegion = nil
	remote := roaster("r2")
	remote.Site = nil
	if got := shortlistOne(t, remote, today, c); !slices.Equal(got, []string{"c1"}) {
		t.Fatalf("remote role without region: %v", got)
	}
}
