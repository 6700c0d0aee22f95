package engine

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"testing"

	"github.com/onward-jobs/onward/pkg/skills"
)

// randomWorld builds candidates and roles over a small part of Belgium
// from a narrow pool of skills, so that filters, hierarchy credit and
// ties all occur often.
type randomWorld struct {
	rng  *rand.Rand
	pool []string
}

func newRandomWorld(seed uint64) *randomWorld {
	w := &randomWorld{rng: rand.New(rand.NewPCG(seed, 42))}
	for _, s := range skills.Default().Skills() {
		if len(w.pool) < 40 || w.rng.IntN(8) == 0 {
			w.pool = append(w.pool, s.ID)
		}
	}
	return w
}

func (w *randomWorld) point() Point {
	return Point{Lat: 50.6 + w.rng.Float64()*0.6, Lon: 3.0 + w.rng.Float64()*1.5}
}

func (w *randomWorld) skill() string {
	// Skewed: the first skills of the pool are the most popular.
	return w.pool[min(int(w.rng.ExpFloat64()*8), len(w.pool)-1)]
}

func (w *randomWorld) sectors() []string {
	var out []string
	for range w.rng.IntN(3) {
		out = append(out, string(rune('A'+w.rng.IntN(21))))
	}
	return out
}

func (w *randomWorld) candidate(id string) Candidate {
	r := w.rng
	c := Candidate{ID: id, OrgID: "org", Alias: "A" + id, Version: int64(r.IntN(9) + 1), Consent: r.IntN(20) != 0,
		ExcludedSectors: w.sectors(), PreferredSectors: w.sectors(), HoursPerWeek: 20 + r.IntN(20),
		Contracts: []string{[]string{"permanent", "temporary"}[r.IntN(2)]}}
	// One version in nine is placed and not still looking, derived from a
	// value already drawn so the world's other draws stay as they were.
	c.Unavailable = c.Version == 7
	switch r.IntN(3) {
	case 0: // housed
		c.Housed = true
		if r.IntN(10) != 0 {
			c.House = ptr(w.point())
		}
		if r.IntN(6) != 0 {
			c.DayRelease = &DayRelease{EligibleFrom: today + Day(r.IntN(200)-50), Days: uint8(r.IntN(128)) | 0b11111,
				Start: 6*60 + r.IntN(180), End: 15*60 + r.IntN(300), MaxCommuteKm: 5 + r.IntN(40)}
		}
		if r.IntN(5) != 0 {
			c.ReleaseDate = today + Day(r.IntN(700))
		}
	case 1: // released with a date
		c.ReleaseDate = today + Day(r.IntN(200)-100)
	}
	if r.IntN(8) != 0 {
		c.ReturnRegion = &Region{Point: w.point(), RadiusKm: 5 + r.IntN(60)}
	}
	for range 1 + r.IntN(6) {
		c.Skills = append(c.Skills, Skill{ID: w.skill(), Level: 1 + r.IntN(4), Hours: r.IntN(1200), Attested: r.IntN(2) == 0})
	}
	for range r.IntN(3) {
		c.Languages = append(c.Languages, Language{Code: []string{"nl", "fr", "en"}[r.IntN(3)], Rank: r.IntN(6)})
	}
	for range r.IntN(4) {
		c.Certificates = append(c.Certificates, fmt.Sprintf("cert-%d", r.IntN(5)))
	}
	return c
}

func (w *randomWorld) role(id string) Role {
	r := w.rng
	ro := Role{ID: id, EmployerID: "e", Version: int64(r.IntN(9) + 1), Open: r.IntN(15) != 0, Title: "t",
		Sector: string(rune('A' + r.IntN(21))), DayReleaseOK: r.IntN(3) != 0, HoursPerWeek: 20 + r.IntN(20),
		Contract: []string{"permanent", "temporary", ""}[r.IntN(3)]}
	if r.IntN(12) != 0 {
		ro.Site = ptr(w.point())
	}
	if r.IntN(4) != 0 {
		ro.StartDate = today + Day(r.IntN(500)-30)
	}
	for range 1 + r.IntN(4) {
		ro.Essential = append(ro.Essential, Requirement{Skill: w.skill(), MinLevel: 1 + r.IntN(4)})
	}
	for range r.IntN(4) {
		ro.Optional = append(ro.Optional, Requirement{Skill: w.skill(), MinLevel: 1 + r.IntN(4)})
	}
	for range r.IntN(3) {
		ro.Languages = append(ro.Languages, LanguageRequirement{Code: []string{"nl", "fr", "en"}[r.IntN(3)], MinRank: r.IntN(6)})
	}
	if r.IntN(3) != 0 {
		start := 6*60 + r.IntN(240)
		for d := range 7 {
			if r.IntN(2) == 0 {
				ro.Shifts = append(ro.Shifts, Shift{Weekday: d, Start: start, End: start + 240 + r.IntN(300)})
			}
		}
	}
	return ro
}

func ptr[T any](v T) *T { return &v }

func TestRandomFastEqualsReference(t *testing.T) {
	w := newRandomWorld(1)
	cands := make([]Candidate, 2000)
	roles := make([]Role, 200)
	ix := newTestIndex()
	for i := range cands {
		cands[i] = w.candidate(fmt.Sprintf("c%04d", i))
		ix.UpsertCandidate(cands[i])
	}
	for i := range roles {
		roles[i] = w.role(fmt.Sprintf("r%03d", i))
		ix.UpsertRole(roles[i])
	}
	tax := skills.Default()
	nonEmpty := 0
	for _, r := range roles {
		for _, on := range []Day{today, today + 120} {
			got, want := ix.Shortlist(r.ID, 50, on), ReferenceShortlist(cands, r, tax, 50, on)
			if !sameEntries(got, want) {
				t.Fatalf("role %s on %d:\n index     %v\n reference %v", r.ID, on, got, want)
			}
			if len(got) > 0 {
				nonEmpty++
			}
		}
	}
	if nonEmpty < 100 {
		t.Fatalf("only %d non-empty shortlists: the random world is too sparse to test much", nonEmpty)
	}
	for _, c := range cands {
		got, want := ix.Suggestions(c.ID, 20, today), ReferenceSuggestions(roles, c, tax, 20, today)
		if !sameEntries(got, want) {
			t.Fatalf("candidate %s:\n index     %v\n reference %v", c.ID, got, want)
		}
		all := ix.ScoreAgainstRoles(c.ID, today)
		if want := ReferenceSuggestions(roles, c, tax, 1<<30, today); len(all) != len(want) {
			t.Fatalf("candidate %s: ScoreAgainstRoles has %d roles, reference %d", c.ID, len(all), len(want))
		}
	}
}

func TestIncrementalEqualsFreshIndex(t *testing.T) {
	w := newRandomWorld(2)
	cands := map[string]Candidate{}
	roles := map[string]Role{}
	ix := newTestIndex()
	for i := range 1000 {
		c := w.candidate(fmt.Sprintf("c%04d", i))
		cands[c.ID] = c
		ix.UpsertCandidate(c)
	}
	for i := range 100 {
		r := w.role(fmt.Sprintf("r%03d", i))
		roles[r.ID] = r
		ix.UpsertRole(r)
	}
	for range 1000 {
		switch op := w.rng.IntN(10); {
		case op < 5:
			c := w.candidate(fmt.Sprintf("c%04d", w.rng.IntN(1300)))
			cands[c.ID] = c
			ix.UpsertCandidate(c)
		case op < 7:
			id := fmt.Sprintf("c%04d", w.rng.IntN(1300))
			delete(cands, id)
			ix.RemoveCandidate(id)
		case op < 9:
			r := w.role(fmt.Sprintf("r%03d", w.rng.IntN(130)))
			roles[r.ID] = r
			ix.UpsertRole(r)
		default:
			id := fmt.Sprintf("r%03d", w.rng.IntN(130))
			delete(roles, id)
			ix.RemoveRole(id)
		}
	}
	fresh := newTestIndex()
	for _, c := range cands {
		fresh.UpsertCandidate(c)
	}
	for _, r := range roles {
		fresh.UpsertRole(r)
	}
	if a, b := ix.Stats(), fresh.Stats(); a != b {
		t.Fatalf("stats %+v, fresh %+v", a, b)
	}
	for id := range roles {
		if got, want := ix.Shortlist(id, 100, today), fresh.Shortlist(id, 100, today); !sameEntries(got, want) {
			t.Fatalf("role %s:\n incremental %v\n fresh       %v", id, got, want)
		}
	}
	for id := range cands {
		if got, want := ix.Suggestions(id, 50, today), fresh.Suggestions(id, 50, today); !sameEntries(got, want) {
			t.Fatalf("candidate %s:\n incremental %v\n fresh       %v", id, got, want)
		}
		got, _ := ix.Candidate(id)
		if want := cands[id]; want.Matchable() && !reflect.DeepEqual(got, normalized(want)) {
			t.Fatalf("candidate %s round trip:\n got  %s\n want %s", id, fmtAll(got), fmtAll(normalized(want)))
		}
	}
}

// normalized is c as the index returns it: positions in float32, one
// skill per skill (the best level) in taxonomy order, empty lists nil.
func normalized(c Candidate) Candidate {
	c = cloneCandidate(c)
	round := func(p *Point) { p.Lat, p.Lon = float64(float32(p.Lat)), float64(float32(p.Lon)) }
	if c.House != nil {
		round(c.House)
	}
	if c.ReturnRegion != nil {
		round(&c.ReturnRegion.Point)
	}
	tab := newSkillTable(skills.Default())
	p := newProfile(&c, tab.intern)
	c.Skills = nil
	for _, s := range p.skills {
		c.Skills = append(c.Skills, Skill{ID: tab.names[s.id], Level: int(s.level), Hours: int(s.hours), Attested: s.attested})
	}
	for _, l := range []*[]string{&c.ExcludedSectors, &c.Certificates, &c.ProgrammeKinds, &c.PreferredSectors, &c.Contracts} {
		if len(*l) == 0 {
			*l = nil
		}
	}
	if len(c.Languages) == 0 {
		c.Languages = nil
	}
	return c
}

// TestRandomPruningEqualsReference checks the shortlist's pruning where
// it bites hardest: small k (the cut-off rises at once), roles naming an
// essential skill nobody holds (no full match exists, so every candidate
// is a near match), and remote roles (scanned from the hot columns).
func TestRandomPruningEqualsReference(t *testing.T) {
	w := newRandomWorld(3)
	cands := make([]Candidate, 3000)
	ix := newTestIndex()
	for i := range cands {
		cands[i] = w.candidate(fmt.Sprintf("c%04d", i))
		ix.UpsertCandidate(cands[i])
	}
	tax := skills.Default()
	checked := 0
	for i := range 120 {
		r := w.role(fmt.Sprintf("r%03d", i))
		r.Open = true
		switch i % 4 {
		case 1:
			r.Site = nil
		case 2:
			r.Essential = append(r.Essential, Requirement{Skill: "no-such-skill", MinLevel: 1})
		case 3:
			r.Site = nil
			r.Essential = append([]Requirement{{Skill: "no-such-skill", MinLevel: 2}}, r.Essential...)
		}
		ix.UpsertRole(r)
		for _, k := range []int{1, 3, 10, 60} {
			got, want := ix.Shortlist(r.ID, k, today), ReferenceShortlist(cands, r, tax, k, today)
			if !sameEntries(got, want) {
				t.Fatalf("role %s (remote %v), k %d:\n index     %v\n reference %v", r.ID, r.Site == nil, k, got, want)
			}
			if len(want) > 0 {
				checked++
			}
		}
	}
	if checked < 300 {
		t.Fatalf("only %d non-empty shortlists: too sparse to test much", checked)
	}
}
