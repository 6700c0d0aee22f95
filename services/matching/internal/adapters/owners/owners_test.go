package owners_test

import (
	"context"
	"errors"
	"reflect"
	"testing"
	"time"

	"github.com/onward-jobs/onward/pkg/api"
	"github.com/onward-jobs/onward/pkg/auth"
	"github.com/onward-jobs/onward/pkg/errs"
	"github.com/onward-jobs/onward/services/matching/internal/adapters/owners"
	"github.com/onward-jobs/onward/services/matching/internal/adapters/owners/ownerstest"
	"github.com/onward-jobs/onward/services/matching/internal/engine"
	"github.com/onward-jobs/onward/services/matching/internal/feed"
)

func day(s string) engine.Day {
	t, _ := time.Parse(time.DateOnly, s)
	return engine.Day(t.Unix() / 86400)
}

func clients(t *testing.T, fake *ownerstest.Fake) (*owners.Candidates, *owners.Roles) {
	t.Helper()
	tokens, err := auth.NewServiceTokenSource(auth.ServiceTokenConfig{GatewayURL: fake.URL(), ServiceName: "matching", Secret: ownerstest.Secret})
	if err != nil {
		t.Fatal(err)
	}
	c, err := owners.NewCandidates(fake.URL(), tokens, owners.Options{})
	if err != nil {
		t.Fatal(err)
	}
	r, err := owners.NewRoles(fake.URL(), tokens, owners.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return c, r
}

// TestCandidateConverts reads a housed candidate's view with a service
// token and finds every field matching scores on in engine terms: dates as
// days, weekdays as bits, times as minutes, CEFR as ranks, places as
// points, programme kinds from the catalogue.
func TestCandidateConverts(t *testing.T) {
	fake := ownerstest.New(t)
	fake.PutProgramme(ownerstest.Roastery())
	fake.PutCandidate(ownerstest.NewCandidate("c1", 1))
	cands, _ := clients(t, fake)
	got, err := cands.Candidate(context.Background(), "c1")
	if err != nil {
		t.Fatal(err)
	}
	k, g := ownerstest.Kortrijk, ownerstest.Gent
	want := engine.Candidate{
		ID: "c1", OrgID: "prog-p1", Alias: "K001", Version: 1, Consent: true, Housed: true,
		House:        &engine.Point{Lat: k.Lat, Lon: k.Lon},
		DayRelease:   &engine.DayRelease{EligibleFrom: day("2027-01-04"), Days: 0b0000111, Start: 7 * 60, End: 18 * 60, MaxCommuteKm: 21},
		ReleaseDate:  day("2027-09-01"),
		ReturnRegion: &engine.Region{Point: engine.Point{Lat: g.Lat, Lon: g.Lon}, RadiusKm: 30},
		Languages:    []engine.Language{{Code: "nl", Rank: 5}, {Code: "en", Rank: 2}}, ExcludedSectors: []string{"P"},
		Skills:       []engine.Skill{{ID: "coffee-roasting", Level: 2, Hours: 200, Attested: true}},
		Certificates: []string{"Food hygiene"}, ProgrammeKinds: []string{"coffee_roastery"},
		PreferredSectors: []string{"I"}, HoursPerWeek: 32, Contracts: []string{"permanent"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("candidate:\n got %+v\nwant %+v", got, want)
	}
	if fake.Calls("token") != 1 {
		t.Errorf("service tokens fetched %d times; want 1 (cached)", fake.Calls("token"))
	}
}

// TestReleasedCandidateWithoutConsent: a released candidate has no day
// release and no release date; withheld consent converts as Consent false.
func TestReleasedCandidateWithoutConsent(t *testing.T) {
	fake := ownerstest.New(t)
	c := ownerstest.NewCandidate("c2", 2)
	c.Setting, c.House, c.DayRelease, c.Consent.Matching = "released", nil, nil, false
	fake.PutCandidate(c)
	cands, _ := clients(t, fake)
	got, err := cands.Candidate(context.Background(), "c2")
	if err != nil {
		t.Fatal(err)
	}
	if got.Consent || got.Housed || got.DayRelease != nil || got.House != nil || got.ReleaseDate != 0 || got.ReturnRegion == nil {
		t.Fatalf("released candidate without consent: %+v", got)
	}
	if got.ProgrammeKinds != nil {
		t.Errorf("programme kinds without a catalogue entry: %v", got.ProgrammeKinds)
	}
	org, consent, available, err := cands.MatchingConsent(context.Background(), "c2")
	if err != nil || org != "prog-p1" || consent || !available {
		t.Fatalf("matching consent of c2: %q %v %v %v", org, consent, available, err)
	}
	if _, _, _, err := cands.MatchingConsent(context.Background(), "gone"); !errors.Is(err, errs.NotFound) {
		t.Fatalf("matching consent of an erased candidate: %v; want NotFound", err)
	}
}

// TestErasedCandidateIsNotFound: the owner's 404 is errs.NotFound.
func TestErasedCandidateIsNotFound(t *testing.T) {
	fake := ownerstest.New(t)
	cands, roles := clients(t, fake)
	if _, err := cands.Candidate(context.Background(), "gone"); !errors.Is(err, errs.NotFound) {
		t.Fatalf("erased candidate: %v; want NotFound", err)
	}
	if _, err := roles.Role(context.Background(), "gone"); !errors.Is(err, errs.NotFound) {
		t.Fatalf("missing role: %v; want NotFound", err)
	}
	fake.SetDown(true)
	if _, err := cands.Candidate(context.Background(), "gone"); !errors.Is(err, errs.Unavailable) {
		t.Fatalf("owner down: %v; want Unavailable", err)
	}
}

// TestRoleConverts: schedule days become one shift per day, the site a
// point, the start date a day; only status "open" is Open; a remote role
// has no site; shifts stay shifts; "as soon as possible" is day 0.
func TestRoleConverts(t *testing.T) {
	fake := ownerstest.New(t)
	fake.PutRole(ownerstest.NewRole("r1", 1))
	paused := ownerstest.NewRole("r2", 2)
	paused.Status, paused.Remote, paused.StartDate, paused.StartAsap = api.RoleStatusPaused, true, nil, true
	paused.Schedule = &api.Schedule{Shifts: &[]api.Shift{{Day: api.WeekdaySat, Start: "18:00", End: "23:30"}}}
	fake.PutRole(paused)
	_, roles := clients(t, fake)
	got, err := roles.Role(context.Background(), "r1")
	if err != nil {
		t.Fatal(err)
	}
	k := ownerstest.Kortrijk
	want := engine.Role{
		ID: "r1", EmployerID: "emp-1", Version: 1, Open: true, Title: "Barista", Sector: "I",
		Site:      &engine.Point{Lat: k.Lat, Lon: k.Lon},
		Essential: []engine.Requirement{{Skill: "coffee-roasting", MinLevel: 2}}, Optional: []engine.Requirement{{Skill: "latte-art", MinLevel: 1}},
		Languages:    []engine.LanguageRequirement{{Code: "nl", MinRank: 2}},
		Shifts:       []engine.Shift{{Weekday: 0, Start: 420, End: 930}, {Weekday: 1, Start: 420, End: 930}},
		HoursPerWeek: 32, Contract: "permanent", StartDate: day("2027-03-01"), DayReleaseOK: true,
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("role:\n got %+v\nwant %+v", got, want)
	}
	got, err = roles.Role(context.Background(), "r2")
	if err != nil {
		t.Fatal(err)
	}
	if got.Open || got.Site != nil || got.StartDate != 0 || !reflect.DeepEqual(got.Shifts, []engine.Shift{{Weekday: 5, Start: 1080, End: 1410}}) {
		t.Fatalf("paused remote role: %+v", got)
	}
}

// TestListingsWalkEverything lists versions and views of both owners (the
// candidates' as one stream, the roles' by pages) and sees each aggregate
// once; a stream cut short is an error, never a shorter listing.
func TestListingsWalkEverything(t *testing.T) {
	fake := ownerstest.New(t)
	for i := range 1250 {
		fake.PutCandidate(ownerstest.NewCandidate(idOf("c", i), i))
	}
	for i := range 250 {
		fake.PutRole(ownerstest.NewRole(idOf("r", i), i))
	}
	cands, roles := clients(t, fake)
	ctx := context.Background()
	distinct := func(name string, each func(fn func(id string) error) error) int {
		seen := map[string]bool{}
		err := each(func(id string) error {
			if seen[id] {
				t.Errorf("%s: %s twice", name, id)
			}
			seen[id] = true
			return nil
		})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		return len(seen)
	}
	versions := func(each func(context.Context, func(feed.Version) error) error) func(func(string) error) error {
		return func(fn func(string) error) error {
			return each(ctx, func(v feed.Version) error { return fn(v.ID) })
		}
	}
	for name, tc := range map[string]struct {
		each func(fn func(id string) error) error
		want int
	}{
		"candidate versions": {versions(cands.EachVersion), 1250},
		"candidate views": {func(fn func(string) error) error {
			return cands.EachView(ctx, func(c engine.Candidate) error { return fn(c.ID) })
		}, 1250},
		"role versions": {versions(roles.EachVersion), 250},
		"role views": {func(fn func(string) error) error {
			return roles.EachView(ctx, func(r engine.Role) error { return fn(r.ID) })
		}, 250},
	} {
		if n := distinct(name, tc.each); n != tc.want {
			t.Errorf("%s: %d; want %d", name, n, tc.want)
		}
	}
	if fake.Calls("candidate views stream") != 1 || fake.Calls("candidate versions stream") != 1 || fake.Calls("candidate views") != 0 {
		t.Errorf("candidates were not listed by one stream each")
	}

	fake.CutStreams(true)
	n := 0
	err := cands.EachView(ctx, func(engine.Candidate) error { n++; return nil })
	if !errors.Is(err, errs.Unavailable) {
		t.Fatalf("a stream cut short after %d views: %v; want errs.Unavailable", n, err)
	}
	if err := cands.EachVersion(ctx, func(feed.Version) error { return nil }); !errors.Is(err, errs.Unavailable) {
		t.Fatalf("a stream of versions cut short: %v; want errs.Unavailable", err)
	}
}

func idOf(prefix string, i int) string {
	return prefix + string(rune('a'+i/26/26%26)) + string(rune('a'+i/26%26)) + string(rune('a'+i%26))
}

// TestPlacedCandidateIsUnavailable: a view saying available false
// converts as Unavailable; one without the field, or true, as available.
func TestPlacedCandidateIsUnavailable(t *testing.T) {
	fake := ownerstest.New(t)
	no, yes := false, true
	placed, looking, plain := ownerstest.NewCandidate("c1", 2), ownerstest.NewCandidate("c2", 2), ownerstest.NewCandidate("c3", 1)
	placed.Available, looking.Available = &no, &yes
	for _, c := range []api.MatchingView{placed, looking, plain} {
		fake.PutCandidate(c)
	}
	cands, _ := clients(t, fake)
	for id, want := range map[string]bool{"c1": true, "c2": false, "c3": false} {
		got, err := cands.Candidate(context.Background(), id)
		if err != nil || got.Unavailable != want || !got.Consent {
			t.Fatalf("candidate %s: unavailable %v (%v), want %v", id, got.Unavailable, err, want)
		}
		if _, _, available, err := cands.MatchingConsent(context.Background(), id); err != nil || available == want {
			t.Fatalf("candidate %s: available %v (%v), want %v", id, available, err, !want)
		}
	}
}
