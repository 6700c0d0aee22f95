package service_test

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"maps"
	"math/rand/v2"
	"sync"
	"testing"
	"time"

	"github.com/onward-jobs/onward/pkg/events"
	"github.com/onward-jobs/onward/pkg/redislock"
	"github.com/onward-jobs/onward/pkg/testkit"
	mongoadapter "github.com/onward-jobs/onward/services/insights/internal/adapters/mongo"
	"github.com/onward-jobs/onward/services/insights/internal/adapters/peers"
	"github.com/onward-jobs/onward/services/insights/internal/adapters/peers/peerstest"
	"github.com/onward-jobs/onward/services/insights/internal/domain"
	"github.com/onward-jobs/onward/services/insights/internal/service"
)

// clock is the time every part of a test shares, moved by the test.
type clock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *clock) Add(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
}

// harness is the service on a real Mongo-wire store and Redis lock,
// reading a fake world of owners over HTTP (or in-process).
type harness struct {
	clock *clock
	world *peerstest.World
	store *mongoadapter.Store
	svc   *service.Service
}

type tokens struct{}

func (tokens) Token(context.Context, string) (string, error) { return "service-token", nil }

// newHarness returns the service on a fresh store; chunk is how many
// candidates one commit stores (0: the default).
func newHarness(t testing.TB, overHTTP bool, chunk int) *harness {
	t.Helper()
	c := &clock{now: time.Date(2025, 1, 6, 8, 0, 0, 0, time.UTC)}
	w := peerstest.NewWorld(c.Now)
	store, err := mongoadapter.NewStore(context.Background(), testkit.MongoDB(t))
	if err != nil {
		t.Fatal(err)
	}
	var owners service.Owners = peerstest.Owners{W: w}
	if overHTTP {
		url := w.Serve(t)
		if owners, err = peers.New(peers.URLs{Candidates: url, Matching: url, Placements: url, Employers: url, Gateway: url}, tokens{}, peers.Options{}); err != nil {
			t.Fatal(err)
		}
	}
	locks := redislock.Locks{Redis: testkit.Redis(t), Prefix: testkit.UniqueName(t, "insights") + ":", TTL: time.Minute, Wait: time.Minute}
	svc := service.New(service.Deps{Store: store, Owners: owners, Lock: locks, Clock: c.Now, Chunk: chunk,
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	return &harness{clock: c, world: w, store: store, svc: svc}
}

func (h *harness) absorb(t testing.TB, batch ...events.Envelope) {
	t.Helper()
	if err := h.svc.Absorb(context.Background(), batch); err != nil {
		t.Fatal(err)
	}
}

// total returns the living and the anonymous counts summed: what every
// report adds up to.
func (h *harness) total(t testing.TB) domain.Counts {
	t.Helper()
	out := h.counts(t, false)
	anon := h.counts(t, true)
	out.Apply(domain.Delta{Cells: anon.Cells, Days: anon.Days, Employers: anon.Employers})
	return out
}

func (h *harness) counts(t testing.TB, anonymous bool) domain.Counts {
	t.Helper()
	c, err := h.store.All(context.Background(), anonymous)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// equalCounts fails with the first keys that differ.
func equalCounts(t testing.TB, what string, got, want domain.Counts) {
	t.Helper()
	if maps.Equal(got.Cells, want.Cells) && maps.Equal(got.Days, want.Days) && maps.Equal(got.Employers, want.Employers) {
		return
	}
	t.Errorf("%s: %d cells, %d days, %d employer counts; want %d, %d, %d", what,
		len(got.Cells), len(got.Days), len(got.Employers), len(want.Cells), len(want.Days), len(want.Employers))
	shown := 0
	for k, n := range want.Cells {
		if got.Cells[k] != n && shown < 5 {
			t.Errorf("  %s = %d, want %d", k, got.Cells[k], n)
			shown++
		}
	}
	for k, n := range got.Cells {
		if _, ok := want.Cells[k]; !ok && shown < 10 {
			t.Errorf("  %s = %d, want none", k, n)
			shown++
		}
	}
}

// The world's fixed parts: organisations, programmes, places, roles.
var (
	orgs     = []string{"org-a", "org-b", "org-c"}
	settings = []string{"detention_house", "transition_house", "released", "probation"}
	// Kortrijk, Gent, Mol, Haaren, Namur, Tilburg, Köln, and one the
	// gazetteer does not know.
	places   = []string{"2794055", "2797656", "2791067", "2755009", "2790471", "2746301", "2886242", "999999999"}
	kinds    = []string{"coffee_roastery", "catering", "garden", "bike_repair"}
	outcomes = []string{"hired", "hired", "not_hired", "did_not_take_place"}
)

// scenario drives a world with random steps, as the platform would.
type scenario struct {
	h     *harness
	rng   *rand.Rand
	cands []string
	// intros lists each candidate's introductions; erased the erased.
	intros map[string][]string
	erased map[string]bool
	roles  []string
}

func newScenario(h *harness, seed uint64) *scenario {
	s := &scenario{h: h, rng: rand.New(rand.NewPCG(seed, 7)), intros: map[string][]string{}, erased: map[string]bool{}}
	for i := range 8 {
		h.world.AddProgramme(fmt.Sprintf("prog-%d", i), orgs[i%len(orgs)], kinds[i%len(kinds)])
	}
	for i := range 12 {
		id := fmt.Sprintf("role-%d", i)
		h.world.AddRole(id, fmt.Sprintf("emp-%d", i%4), []string{"permanent", "fixed_term", "temporary"}[i%3], fmt.Sprintf("occ-%d", i%5))
		s.roles = append(s.roles, id)
	}
	return s
}

func (s *scenario) pick(list []string) string { return list[s.rng.IntN(len(list))] }

// register adds a candidate.
func (s *scenario) register() []events.Envelope {
	var progs []string
	for range s.rng.IntN(3) {
		progs = append(progs, fmt.Sprintf("prog-%d", s.rng.IntN(8)))
	}
	house, ret := s.pick(places), ""
	if s.rng.IntN(2) == 0 {
		ret = s.pick(places)
	}
	id, e := s.h.world.Register(s.pick(orgs), s.pick(settings), progs, house, ret)
	s.cands = append(s.cands, id)
	return []events.Envelope{e}
}

// step takes one random step for a random living candidate, if any
// applies, and returns the events it published.
func (s *scenario) step() []events.Envelope {
	id := s.pick(s.cands)
	if s.erased[id] {
		return nil
	}
	w := s.h.world
	switch s.rng.IntN(9) {
	case 0:
		return []events.Envelope{w.Consent(id, s.rng.IntN(4) > 0)}
	case 1:
		return []events.Envelope{w.ChangeSetting(id, s.pick(settings))}
	case 2:
		return w.Shortlist(id, s.pick(s.roles))
	case 3:
		in, e := w.Ask(id, s.pick(s.roles))
		s.intros[id] = append(s.intros[id], in)
		return []events.Envelope{e}
	}
	if len(s.intros[id]) == 0 {
		return nil
	}
	in := s.pick(s.intros[id])
	return s.introductionStep(in)
}

// introductionStep moves an introduction on by one step, whichever is
// next: answer, meeting, hire, follow-up answers and an end.
func (s *scenario) introductionStep(in string) []events.Envelope {
	w := s.h.world
	f, _ := peerstest.Owners{W: w}.Introduction(context.Background(), in)
	now := s.h.clock.Now()
	switch facts := f.Facts; {
	case facts.Answer == nil:
		return []events.Envelope{w.Answer(in, s.rng.IntN(5) > 0)}
	case !facts.Answer.Accepted:
		return nil
	case facts.Outcome == nil:
		return []events.Envelope{w.Meet(in, s.pick(outcomes))}
	case facts.Outcome.Kind != domain.OutcomeHired:
		return nil
	case facts.Placement == nil:
		y, m, d := now.Add(time.Duration(s.rng.IntN(5)) * 24 * time.Hour).Date()
		return []events.Envelope{w.Hire(in, time.Date(y, m, d, 0, 0, 0, 0, time.UTC), s.pick([]string{"permanent", "fixed_term", "day_release"}))}
	case facts.Placement.EndedOn.IsZero() && s.rng.IntN(6) == 0:
		y, m, d := now.Date()
		return []events.Envelope{w.End(in, time.Date(y, m, d, 0, 0, 0, 0, time.UTC))}
	}
	for _, fu := range f.Facts.FollowUps {
		if fu.StillWorking == nil && !fu.DueAt.After(now) && s.rng.IntN(2) == 0 {
			return []events.Envelope{w.AnswerFollowUp(in, fu.Day, fu.Side, s.rng.IntN(4) > 0)}
		}
	}
	return nil
}

// erase erases a random living candidate.
func (s *scenario) erase() []events.Envelope {
	id := s.pick(s.cands)
	if s.erased[id] {
		return nil
	}
	s.erased[id] = true
	return []events.Envelope{s.h.world.Erase(id)}
}

// changeRole changes a random role's contract kind or occupation.
func (s *scenario) changeRole() []events.Envelope {
	return []events.Envelope{s.h.world.ChangeRole(s.pick(s.roles), s.pick([]string{"permanent", "temporary", "apprenticeship"}),
		fmt.Sprintf("occ-%d", s.rng.IntN(5)))}
}
