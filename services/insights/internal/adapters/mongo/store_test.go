package mongo

import (
	"context"
	"errors"
	"maps"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/onward-jobs/onward/pkg/testkit"
	"github.com/onward-jobs/onward/services/insights/internal/domain"
	"github.com/onward-jobs/onward/services/insights/internal/service"
)

var asOf = time.Date(2025, 9, 1, 12, 0, 0, 0, time.UTC)

func day(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

// progress is a candidate registered in March 2025 in Flanders, hired
// for a role in April; setting and org vary so changes move groups.
func progress(id, org, setting string) domain.Progress {
	yes := true
	start := day("2025-04-20")
	return domain.Progress{CandidateID: id, OrganisationID: org, Setting: setting, Country: "BE", Region: "BE.VLG", Urban: domain.Town,
		Programmes: []domain.ProgrammeFacts{{ID: "prog-1", Kind: "coffee_roastery"}},
		CreatedAt:  day("2025-03-03"), ConsentFirstGivenAt: day("2025-03-04"), FirstShortlistedAt: day("2025-03-10"),
		Introductions: []domain.IntroductionFacts{{ID: "in-" + id, RoleID: "role-1", EmployerOrgID: "emp-1", RoleContract: "permanent",
			RoleOccupation: "barista", RequestedAt: day("2025-04-01"), Answer: &domain.AnswerFacts{Accepted: true, AnsweredAt: day("2025-04-02")},
			Outcome:   &domain.OutcomeFacts{Kind: domain.OutcomeHired, RecordedAt: day("2025-04-10")},
			Placement: &domain.PlacementFacts{ID: "pl-" + id, RecordedAt: day("2025-04-10"), StartDate: start, Contract: "permanent", Status: "active"},
			FollowUps: []domain.FollowUpFacts{{Day: 30, Side: "employer", DueAt: domain.DayDue(start, 30), StillWorking: &yes, AnsweredAt: day("2025-05-21")}}}},
	}
}

// changeTo is the change that stores p over st (nil: not stored yet).
func changeTo(p domain.Progress, st *service.Stored) service.Change {
	next := domain.ContributionsOf(p, asOf)
	old, v := domain.NoContributions(), int64(0)
	if st != nil {
		old, v = st.Contributions, st.Version
	}
	return service.Change{CandidateID: p.CandidateID, Version: v, Progress: p, Contributions: next, FoldedAt: asOf,
		Delta: domain.Diff(old, next), RefoldDays: domain.RefoldDays(p, asOf), Roles: []string{"role-1"}}
}

// erasureOf is the change that erases a stored candidate.
func erasureOf(id string, st service.Stored) service.Change {
	from, to := domain.Erase(st.Contributions)
	return service.Change{CandidateID: id, Version: st.Version, Erase: true, Mark: "ev-" + id, Delta: from, Anonymous: to}
}

func newStore(t *testing.T) *Store {
	t.Helper()
	s, err := NewStore(context.Background(), testkit.MongoDB(t))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func stored(t *testing.T, s *Store, ids ...string) map[string]service.Stored {
	t.Helper()
	st, err := s.Stored(context.Background(), 1, ids)
	if err != nil {
		t.Fatal(err)
	}
	return st
}

func all(t *testing.T, s *Store, anonymous bool) domain.Counts {
	t.Helper()
	c, err := s.All(context.Background(), anonymous)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// sumOf is what the counts must hold for a set of contributions.
func sumOf(cs ...domain.Contributions) domain.Counts {
	out := domain.NewCounts()
	for _, c := range cs {
		out.Apply(c.Counts())
	}
	return out
}

func sameCounts(t *testing.T, what string, got, want domain.Counts) {
	t.Helper()
	if !maps.Equal(got.Cells, want.Cells) || !maps.Equal(got.Days, want.Days) || !maps.Equal(got.Employers, want.Employers) {
		t.Errorf("%s: %d cells, %d days, %d employer counts; want %d, %d, %d", what, len(got.Cells), len(got.Days), len(got.Employers),
			len(want.Cells), len(want.Days), len(want.Employers))
		for k, n := range want.Cells {
			if got.Cells[k] != n {
				t.Errorf("  %s = %d, want %d", k, got.Cells[k], n)
				break
			}
		}
	}
}

// TestCommitStoresProgressAndCounts: a committed change can be read
// back, and the counts hold exactly its contributions; a region group's
// dot and a scope's bar survive the field names.
func TestCommitStoresProgressAndCounts(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := newStore(t)
	p := progress("c1", "org|7", "released")
	c := changeTo(p, nil)
	if err := s.Commit(ctx, 1, []service.Change{c}); err != nil {
		t.Fatal(err)
	}
	st := stored(t, s, "c1", "c2")
	if len(st) != 1 || st["c1"].Version != 1 || !st["c1"].Contributions.Equal(c.Contributions) || st["c1"].Progress.Region != "BE.VLG" {
		t.Fatalf("stored = %+v", st)
	}
	sameCounts(t, "living", all(t, s, false), sumOf(c.Contributions))
	got, err := s.ScopeCounts(ctx, "org|7", domain.MonthOf(day("2025-01-01")), domain.MonthOf(day("2025-12-01")))
	if err != nil {
		t.Fatal(err)
	}
	sameCounts(t, "scope org|7", got, sumOf(c.Contributions).Within("org|7", 0, 1<<30))
	region := domain.Key{Scope: "org|7", View: domain.Cohort, Month: domain.MonthOf(p.CreatedAt), Dimension: domain.Region, Group: "BE.VLG",
		Measure: domain.MeasureOf(domain.Hired)}
	if got.Cells[region] != 1 {
		t.Errorf("region cell %s = %d, want 1", region, got.Cells[region])
	}
	if ids, _ := s.RoleCandidates(ctx, 1, "role-1"); len(ids) != 1 || ids[0] != "c1" {
		t.Errorf("role index = %v", ids)
	}
	if ids, _ := s.DueCandidates(ctx, 1, domain.DayDue(day("2025-04-20"), 180)); len(ids) != 1 {
		t.Errorf("day 180 index = %v", ids)
	}
}

// crashAt returns a fail hook that stops a change at its n-th step named
// step (any of them, when several are named), once.
func crashAt(step string, n int) func(string) error {
	seen := 0
	return func(got string) error {
		if !slices.Contains(strings.Split(step, ","), got) {
			return nil
		}
		if seen++; seen == n {
			return errors.New("crash at " + step)
		}
		return nil
	}
}

// TestCrashBetweenStepsNeitherLosesNorDoublesACount commits a batch (an
// update, a new candidate and an erasure), which folds every delta into
// the counts documents as it ends, and stops it after each step in turn,
// as a crash would, then recovers with a fresh store (twice, and once
// more after a crash during recovery itself). Every time the counts end
// equal to the contributions of the stored candidates, plus the erased
// one's in the anonymous totals once its change got past its progress
// writes, and the whole change is either applied or not at all.
func TestCrashBetweenStepsNeitherLosesNorDoublesACount(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		step    string
		n       int
		applied bool
	}{
		{"journal", 1, false}, {"progress", 1, true}, {"counted", 1, true}, {"counts", 1, true}, {"counts", 3, true}, {"folded", 1, true},
	} {
		t.Run(tc.step, func(t *testing.T) {
			t.Parallel()
			ctx := context.Background()
			s := newStore(t)
			s.applyChunk = 1 // so a crash can fall between two counts documents
			s.foldEvery = 1  // so the batch's change folds
			a, gone := progress("a", "org-1", "detention_house"), progress("gone", "org-2", "released")
			if err := s.Commit(ctx, 1, []service.Change{changeTo(a, nil), changeTo(gone, nil)}); err != nil {
				t.Fatal(err)
			}
			st := stored(t, s, "a", "gone")
			moved := a
			moved.Setting, moved.OrganisationID = "released", "org-2"
			b := progress("b", "org-1", "probation")
			batch := []service.Change{changeTo(moved, ptr(st["a"])), changeTo(b, nil), erasureOf("gone", st["gone"])}

			s.fail = crashAt(tc.step, tc.n)
			if err := s.Commit(ctx, 1, batch); err == nil {
				t.Fatal("the injected crash did not stop the change")
			}
			wantLiving, wantAnon := sumOf(st["a"].Contributions, st["gone"].Contributions), domain.NewCounts()
			if tc.applied {
				wantLiving, wantAnon = sumOf(batch[0].Contributions, batch[1].Contributions), sumOf(st["gone"].Contributions)
			}
			if tc.step != "journal" && tc.step != "progress" {
				// The change's delta is logged: a reader sees it whole,
				// however far its fold got.
				sameCounts(t, "living before recovery", all(t, s, false), wantLiving)
				sameCounts(t, "anonymous before recovery", all(t, s, true), wantAnon)
			}
			again := &Store{db: s.db, meta: s.meta, ops: s.ops, anonymous: s.anonymous, erased: s.erased, deltas: s.deltas, server: s.server,
				readers: 4, applyChunk: 1, foldEvery: 1}
			again.fail = crashAt("counted,counts", 1) // a crash during recovery too
			_ = again.Recover(ctx)
			again.fail = nil
			for range 2 {
				if err := again.Recover(ctx); err != nil {
					t.Fatal(err)
				}
			}
			after := stored(t, again, "a", "b", "gone")
			if tc.applied {
				if _, ok := after["gone"]; ok || len(after) != 2 || after["a"].Progress.Setting != "released" {
					t.Errorf("documents after recovery: %v", keys(after))
				}
				if erased, _ := again.IsErased(ctx, "gone"); !erased {
					t.Error("no erasure mark")
				}
				// The erased candidate leaves the index, folded or not.
				if ids, err := again.RoleCandidates(ctx, 1, "role-1"); err != nil || !slices.Equal(ids, []string{"a", "b"}) {
					t.Errorf("role index after recovery = %v, %v", ids, err)
				}
			} else if len(after) != 2 || after["a"].Progress.Setting != "detention_house" {
				t.Errorf("documents after recovery: %v", keys(after))
			}
			sameCounts(t, "living", all(t, again, false), wantLiving)
			sameCounts(t, "anonymous", all(t, again, true), wantAnon)
			if n, _ := again.ops.CountDocuments(ctx, map[string]any{}); n != 0 {
				t.Errorf("%d changes left in the journal", n)
			}
			// A fold the crash interrupted is finished: its deltas are gone.
			if n, _ := again.deltas.CountDocuments(ctx, map[string]any{}); tc.step == "counts" || tc.step == "folded" {
				if n != 0 {
					t.Errorf("%d deltas left after a fold was recovered", n)
				}
			}
		})
	}
}

func ptr[T any](v T) *T { return &v }

func keys[V any](m map[string]V) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

// TestScopeCountsAddsTheAnonymousTotals: after an erasure a scope's
// counts read the same, the erased candidate's share now coming from the
// anonymous totals, and a month outside the range reads nothing.
func TestScopeCountsAddsTheAnonymousTotals(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := newStore(t)
	a, b := progress("a", "org-1", "released"), progress("b", "org-1", "probation")
	if err := s.Commit(ctx, 1, []service.Change{changeTo(a, nil), changeTo(b, nil)}); err != nil {
		t.Fatal(err)
	}
	from, to := domain.MonthOf(day("2025-03-01")), domain.MonthOf(day("2025-09-01"))
	read := func(scope string) domain.Counts {
		c, err := s.ScopeCounts(ctx, scope, from, to)
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	before, platform := read("org-1"), read(domain.PlatformScope)
	if len(before.Cells) == 0 || len(before.Days) == 0 || len(platform.Employers) == 0 || len(before.Employers) != 0 {
		t.Fatalf("counts before: %d cells, %d days, %d employer counts (platform %d)", len(before.Cells), len(before.Days),
			len(before.Employers), len(platform.Employers))
	}
	if err := s.Commit(ctx, 1, []service.Change{erasureOf("b", stored(t, s, "b")["b"])}); err != nil {
		t.Fatal(err)
	}
	sameCounts(t, "org-1 after the erasure", read("org-1"), before)
	sameCounts(t, "platform after the erasure", read(domain.PlatformScope), platform)
	if c, err := s.ScopeCounts(ctx, "org-1", to+1, to+3); err != nil || len(c.Cells)+len(c.Days) != 0 {
		t.Errorf("months without anyone: %+v, %v", c, err)
	}
}

// TestErasureTakesTheCandidateOutOfEveryIndexEntry: a candidate filed
// under a role and a refold day by a delta not yet folded, then erased,
// is listed under neither, before and after the deltas are folded, and
// no delta document still names them.
func TestErasureTakesTheCandidateOutOfEveryIndexEntry(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := newStore(t)
	a, gone := progress("a", "org-1", "released"), progress("gone", "org-1", "probation")
	if err := s.Commit(ctx, 1, []service.Change{changeTo(a, nil), changeTo(gone, nil)}); err != nil {
		t.Fatal(err)
	}
	day180 := domain.DayDue(day("2025-04-20"), 180)
	if ids, _ := s.RoleCandidates(ctx, 1, "role-1"); !slices.Equal(ids, []string{"a", "gone"}) {
		t.Fatalf("role index before the erasure = %v", ids)
	}
	if err := s.Commit(ctx, 1, []service.Change{erasureOf("gone", stored(t, s, "gone")["gone"])}); err != nil {
		t.Fatal(err)
	}
	check := func(when string) {
		t.Helper()
		if ids, err := s.RoleCandidates(ctx, 1, "role-1"); err != nil || !slices.Equal(ids, []string{"a"}) {
			t.Errorf("role index %s = %v, %v", when, ids, err)
		}
		if ids, err := s.DueCandidates(ctx, 1, day180); err != nil || !slices.Equal(ids, []string{"a"}) {
			t.Errorf("day 180 index %s = %v, %v", when, ids, err)
		}
	}
	check("after the erasure")
	if n, _ := s.deltas.CountDocuments(ctx, map[string]any{"roles.role-1": "gone"}); n != 0 {
		t.Errorf("%d delta documents still name the erased candidate", n)
	}
	if err := s.fold(ctx); err != nil {
		t.Fatal(err)
	}
	check("after a fold")
}

// TestCrashAfterLoggingAChangeThatErasesNoOne: a change without an
// erasure leaves its journal entry in the writing phase once its delta
// is logged; a crash there and two recoveries log nothing twice.
func TestCrashAfterLoggingAChangeThatErasesNoOne(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := newStore(t)
	a, other := progress("a", "org-1", "detention_house"), progress("other", "org-2", "released")
	if err := s.Commit(ctx, 1, []service.Change{changeTo(a, nil), changeTo(other, nil)}); err != nil {
		t.Fatal(err)
	}
	st := stored(t, s, "a", "other")
	moved := a
	moved.Setting = "released"
	batch := []service.Change{changeTo(moved, ptr(st["a"])), changeTo(progress("b", "org-1", "probation"), nil)}
	s.fail = crashAt("counted", 1)
	if err := s.Commit(ctx, 1, batch); err == nil {
		t.Fatal("the injected crash did not stop the change")
	}
	s.fail = nil
	for range 2 {
		if err := s.Recover(ctx); err != nil {
			t.Fatal(err)
		}
	}
	want := sumOf(batch[0].Contributions, batch[1].Contributions, st["other"].Contributions)
	sameCounts(t, "living", all(t, s, false), want)
	if err := s.fold(ctx); err != nil {
		t.Fatal(err)
	}
	sameCounts(t, "living after a fold", all(t, s, false), want)
	if n, _ := s.ops.CountDocuments(ctx, map[string]any{}); n != 0 {
		t.Errorf("%d changes left in the journal", n)
	}
}
