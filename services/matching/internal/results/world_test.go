package results_test

import (
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"slices"
	"sync"
	"time"

	"github.com/onward-jobs/onward/pkg/errs"
	"github.com/onward-jobs/onward/services/matching/internal/engine"
	"github.com/onward-jobs/onward/services/matching/internal/results"
)

// now is the tests' fixed clock: scores count availability from today.
var now = time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)

func clock() time.Time { return now }

var refKey = []byte("0123456789abcdef0123456789abcdef")

// skillPool is a barista's trade: dense enough that most candidates fit
// most roles, so shortlists fill past 100 and suggestions past 50 and the
// cut-offs decide.
var skillPool = []string{
	"espresso-preparation", "milk-texturing", "barista-skills", "espresso-machine-operation", "food-hygiene",
	"customer-contact", "punctuality", "latte-art", "till-operation", "coffee-roasting", "teamwork",
}

// kortrijk is the centre of the world the tests build.
var kortrijk = engine.Point{Lat: 50.828, Lon: 3.265}

// world draws candidates and roles around one town.
type world struct {
	rnd   *rand.Rand
	today engine.Day
}

func newWorld(seed uint64) *world {
	return &world{rnd: rand.New(rand.NewPCG(seed, 7)), today: results.DayOf(now)}
}

func (w *world) near() engine.Point {
	return engine.Point{Lat: kortrijk.Lat + (w.rnd.Float64()-0.5)*0.3, Lon: kortrijk.Lon + (w.rnd.Float64()-0.5)*0.4}
}

// candidate draws candidate i at version v: housed on day release about
// half the time, otherwise released with a return region.
func (w *world) candidate(i int, v int64) engine.Candidate {
	c := engine.Candidate{
		ID: fmt.Sprintf("cand-%04d", i), OrgID: fmt.Sprintf("org-%d", i%3), Alias: fmt.Sprintf("K%03d", i),
		Version: v, Consent: true,
		ReturnRegion:   &engine.Region{Point: w.near(), RadiusKm: 30 + w.rnd.IntN(40)},
		Languages:      []engine.Language{{Code: "nl", Rank: 2 + w.rnd.IntN(4)}},
		ProgrammeKinds: []string{"coffee_roastery"}, HoursPerWeek: 20 + w.rnd.IntN(20),
	}
	if w.rnd.IntN(2) == 0 {
		house := w.near()
		c.Housed, c.House = true, &house
		c.ReleaseDate = w.today + engine.Day(100+w.rnd.IntN(400))
		c.DayRelease = &engine.DayRelease{EligibleFrom: w.today - engine.Day(w.rnd.IntN(60)) + engine.Day(w.rnd.IntN(90)),
			Days: 0x1f, Start: 6 * 60, End: 19 * 60, MaxCommuteKm: 20 + w.rnd.IntN(40)}
	}
	for _, s := range skillPool {
		if w.rnd.IntN(10) < 6 {
			c.Skills = append(c.Skills, engine.Skill{ID: s, Level: 1 + w.rnd.IntN(4), Hours: 20 + w.rnd.IntN(900), Attested: w.rnd.IntN(2) == 0})
		}
	}
	if w.rnd.IntN(3) == 0 {
		c.Certificates = []string{"Food hygiene certificate"}
	}
	return c
}

// role draws role j at version v.
func (w *world) role(j int, v int64) engine.Role {
	r := engine.Role{
		ID: fmt.Sprintf("role-%03d", j), EmployerID: fmt.Sprintf("emp-%d", j%3), Version: v, Open: true,
		Title: fmt.Sprintf("Barista %d", j), Sector: "I", HoursPerWeek: 30, Contract: "permanent",
		DayReleaseOK: w.rnd.IntN(2) == 0, Languages: []engine.LanguageRequirement{{Code: "nl", MinRank: 1}},
	}
	site := w.near()
	r.Site = &site
	if w.rnd.IntN(4) == 0 {
		r.StartDate = w.today + engine.Day(w.rnd.IntN(120))
	}
	perm := w.rnd.Perm(len(skillPool))
	for k, idx := range perm[:2+w.rnd.IntN(2)] {
		req := engine.Requirement{Skill: skillPool[idx], MinLevel: 1 + w.rnd.IntN(3)}
		if k < 2 {
			r.Essential = append(r.Essential, req)
		} else {
			r.Optional = append(r.Optional, req)
		}
	}
	for d := range 5 {
		r.Shifts = append(r.Shifts, engine.Shift{Weekday: d, Start: 8 * 60, End: 16 * 60})
	}
	return r
}

// programmes trains every skill in one roastery.
type programmes struct{}

func (programmes) Training(_ context.Context, skill string) ([]results.Programme, error) {
	return []results.Programme{{Kind: "coffee_roastery", Name: "Coffee roastery"}}, nil
}

// memStore is results.Store in memory, copying on the way in and out.
type memStore struct {
	mu          sync.Mutex
	shortlists  map[string][]byte
	suggestions map[string][]byte
	// meta holds each list's members and cut-off, keyed by "s/" or "g/"
	// and the list's id, so lookups need no decoding.
	meta map[string]listMeta
	// outdated marks lists as written in an earlier layout ("s/" or "g/"
	// and the id); a save clears the mark.
	outdated map[string]bool
	// fulls records the lists' full matches by kind and id.
	fulls map[string]results.FullMatches
}

type listMeta struct {
	members map[string]bool
	ordered []string
	cutoff  results.Cutoff
}

func newMemStore() *memStore {
	return &memStore{shortlists: map[string][]byte{}, suggestions: map[string][]byte{}, meta: map[string]listMeta{}, outdated: map[string]bool{},
		fulls: map[string]results.FullMatches{}}
}

func (s *memStore) withMembers(prefix string, member string) []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []string
	for k, m := range s.meta {
		if k[:2] == prefix && m.members[member] {
			out = append(out, k[2:])
		}
	}
	slices.Sort(out)
	return out
}

func (s *memStore) cutoffs(prefix string, ids []string) map[string]results.Cutoff {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := map[string]results.Cutoff{}
	for _, id := range ids {
		if m, ok := s.meta[prefix+id]; ok {
			out[id] = m.cutoff
		}
	}
	return out
}

func put(m map[string][]byte, id string, v any) error {
	b, err := json.Marshal(v)
	m[id] = b
	return err
}

func (s *memStore) Shortlist(_ context.Context, id string) (results.Shortlist, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out results.Shortlist
	b, ok := s.shortlists[id]
	if !ok {
		return out, errs.NotFound
	}
	return out, json.Unmarshal(b, &out)
}

func (s *memStore) SaveShortlist(_ context.Context, sl results.Shortlist) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	m := listMeta{members: map[string]bool{}, ordered: sl.Members(), cutoff: sl.CutoffOf()}
	for _, e := range sl.Entries {
		m.members[e.CandidateID] = true
	}
	s.meta["s/"+sl.RoleID] = m
	delete(s.outdated, "s/"+sl.RoleID)
	return put(s.shortlists, sl.RoleID, sl)
}

func (s *memStore) DeleteShortlist(_ context.Context, id string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.shortlists, id)
	delete(s.meta, "s/"+id)
	return nil
}

func (s *memStore) ShortlistsWith(_ context.Context, candidateID string) ([]string, error) {
	return s.withMembers("s/", candidateID), nil
}

func (s *memStore) ShortlistCutoffs(_ context.Context, ids []string) (map[string]results.Cutoff, error) {
	return s.cutoffs("s/", ids), nil
}

func (s *memStore) ShortlistRoles(context.Context) ([]string, error) { return s.ids(s.shortlists), nil }

func (s *memStore) OutdatedLists(context.Context) (roles, candidates []string, err error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for k := range s.outdated {
		if k[:2] == "s/" {
			roles = append(roles, k[2:])
		} else {
			candidates = append(candidates, k[2:])
		}
	}
	slices.Sort(roles)
	slices.Sort(candidates)
	return roles, candidates, nil
}

func (s *memStore) Suggestions(_ context.Context, id string) (results.Suggestions, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out results.Suggestions
	b, ok := s.suggestions[id]
	if !ok {
		return out, errs.NotFound
	}
	return out, json.Unmarshal(b, &out)
}

func (s *memStore) SaveSuggestions(_ context.Context, sg results.Suggestions) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	m := listMeta{members: map[string]bool{}, ordered: sg.Members(), cutoff: sg.CutoffOf()}
	for _, e := range sg.Entries {
		m.members[e.RoleID] = true
	}
	s.meta["g/"+sg.CandidateID] = m
	delete(s.outdated, "g/"+sg.CandidateID)
	return put(s.suggestions, sg.CandidateID, sg)
}

func (s *memStore) DeleteSuggestions(_ context.Context, id string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.suggestions, id)
	delete(s.meta, "g/"+id)
	return nil
}

func (s *memStore) SuggestionsWith(_ context.Context, roleID string) ([]string, error) {
	return s.withMembers("g/", roleID), nil
}

func (s *memStore) SuggestionCutoffs(_ context.Context, ids []string) (map[string]results.Cutoff, error) {
	return s.cutoffs("g/", ids), nil
}

func (s *memStore) ShortlistMembers(context.Context) ([]results.ListMembers, error) {
	return s.listMembers("s/"), nil
}

func (s *memStore) SuggestionMembers(context.Context) ([]results.ListMembers, error) {
	return s.listMembers("g/"), nil
}

// listMembers returns every list's members, in order.
func (s *memStore) listMembers(prefix string) []results.ListMembers {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []results.ListMembers
	for k, m := range s.meta {
		if k[:2] == prefix {
			out = append(out, results.ListMembers{ID: k[2:], Members: slices.Clone(m.ordered)})
		}
	}
	return out
}

func (s *memStore) SuggestionCandidates(context.Context) ([]string, error) {
	return s.ids(s.suggestions), nil
}

func (s *memStore) ids(m map[string][]byte) []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]string, 0, len(m))
	for id := range m {
		out = append(out, id)
	}
	slices.Sort(out)
	return out
}

func (s *memStore) FullMatches(_ context.Context, kind results.ListKind, id string) (results.FullMatches, bool, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	fm, ok := s.fulls[string(kind)+"/"+id]
	fm.Members = slices.Clone(fm.Members)
	return fm, ok, nil
}

func (s *memStore) SaveFullMatches(_ context.Context, kind results.ListKind, id string, fm results.FullMatches) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	fm.Members = slices.Clone(fm.Members)
	s.fulls[string(kind)+"/"+id] = fm
	return nil
}
