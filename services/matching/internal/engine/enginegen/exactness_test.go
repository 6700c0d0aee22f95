package enginegen_test

import (
	"fmt"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/onward-jobs/onward/pkg/geo"
	"github.com/onward-jobs/onward/pkg/skills"
	"github.com/onward-jobs/onward/services/matching/internal/engine"
	"github.com/onward-jobs/onward/services/matching/internal/engine/enginegen"
)

// today is the fixed "today" of the check and the benchmarks: 2026-11-21.
var today = engine.Day(time.Date(2026, 11, 21, 0, 0, 0, 0, time.UTC).Unix() / 86400)

// Sizes of the exactness check.
const (
	exactCandidates  = 20_000
	exactRoles       = 200   // roles whose shortlists are checked
	suggestionRoles  = 3_000 // more open roles, for suggestions
	exactSuggestions = 200   // candidates whose suggestions are checked
	shortlistK       = 50
	suggestionsK     = 50
)

// TestFastPathMatchesReference is the exactness check: for every
// one of 200 roles (and every remote role of the rest) over 20,000
// candidates, the index's shortlist equals the brute-force reference entry
// for entry (id, score, match, order), and so
// do the suggestions of 200 candidates over 3,200 open roles. The index is
// fed the way the service feeds it: in a shuffled order, with updates,
// consent withdrawals, closed roles and removals along the way, none of
// which may change the result.
func TestFastPathMatchesReference(t *testing.T) {
	tax := skills.Default()
	g := enginegen.New(2026, tax, geo.Default())
	ix, cands, roles := feedIndex(t, g, tax)
	t.Logf("index holds %d candidates and %d roles", len(cands), len(roles))

	// Both sides of each comparison are computed in parallel (the index is
	// safe for concurrent use and the reference is pure), then compared in
	// order, so the first difference reported is always the same one.
	// The 200 roles, and every remote role among the rest: remote work is
	// rare (only office roles) but takes a path of its own.
	checked := slices.Clone(roles[:exactRoles])
	for _, r := range roles[exactRoles:] {
		if r.Site == nil {
			checked = append(checked, r)
		}
	}
	shortlists := inParallel(len(checked), func(k int) pair {
		role := checked[k]
		return pair{
			got:  ix.Shortlist(role.ID, shortlistK, today),
			want: engine.ReferenceShortlist(cands, role, tax, shortlistK, today),
		}
	})
	var full, near, empty int
	for k, p := range shortlists {
		if err := firstDifference(p.got, p.want); err != nil {
			role := checked[k]
			t.Fatalf("shortlist of %s (%s, %d essential skills): %v", role.ID, role.Title, len(role.Essential), err)
		}
		if len(p.want) == 0 {
			empty++
		}
		for _, e := range p.want {
			if e.Match == engine.MatchFull {
				full++
			} else {
				near++
			}
		}
	}
	t.Logf("%d shortlists (%d of remote roles) equal the reference: %d full and %d near entries, %d empty",
		len(checked), len(checked)-exactRoles, full, near, empty)
	if empty > exactRoles/4 || full == 0 || near == 0 {
		t.Errorf("the check is too easy: %d empty shortlists, %d full and %d near entries", empty, full, near)
	}

	// Every 97th candidate, wrapping round: 200 spread over all of them.
	pick := func(k int) engine.Candidate { return cands[k*97%len(cands)] }
	suggestions := inParallel(exactSuggestions, func(k int) pair {
		c := pick(k)
		return pair{
			got:  ix.Suggestions(c.ID, suggestionsK, today),
			want: engine.ReferenceSuggestions(roles, c, tax, suggestionsK, today),
		}
	})
	entries := 0
	for k, p := range suggestions {
		if err := firstDifference(p.got, p.want); err != nil {
			t.Fatalf("suggestions for %s: %v", pick(k).ID, err)
		}
		entries += len(p.want)
	}
	t.Logf("%d candidates' suggestions equal the reference (%d entries)", exactSuggestions, entries)
	if entries < exactSuggestions {
		t.Errorf("the check is too easy: %d suggestions over %d candidates", entries, exactSuggestions)
	}
}

// pair is one query answered by the fast path and by the reference.
type pair struct{ got, want []engine.Entry }

// inParallel runs query(0 … n-1) on every core and returns the answers in
// order.
func inParallel(n int, query func(k int) pair) []pair {
	out := make([]pair, n)
	var next atomic.Int64
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for k := int(next.Add(1) - 1); k < n; k = int(next.Add(1) - 1) {
				out[k] = query(k)
			}
		})
	}
	wg.Wait()
	return out
}

// feedIndex builds the index of the check and returns it with the
// candidates and open roles it should hold.
func feedIndex(t *testing.T, g *enginegen.Generator, tax *skills.Taxonomy) (*engine.Index, []engine.Candidate, []engine.Role) {
	t.Helper()
	cands := g.Candidates(exactCandidates, today)
	roles := g.Roles(exactRoles+suggestionRoles, today)
	ix := engine.NewIndex(tax)
	// A fixed shuffle: insertion order must not matter.
	for _, k := range permutation(len(cands)) {
		ix.UpsertCandidate(cands[k])
	}
	for _, k := range permutation(len(roles)) {
		ix.UpsertRole(roles[k])
	}
	// Updates replace: an older picture first, then the current one.
	for k := 0; k < len(cands); k += 10 {
		older := cands[(k+1)%len(cands)]
		older.ID, older.Version = cands[k].ID, cands[k].Version-1
		ix.UpsertCandidate(older)
		ix.UpsertCandidate(cands[k])
	}
	// Consent withdrawn, erased, closed, removed: gone from every result.
	var keep []engine.Candidate
	for k, c := range cands {
		switch {
		case k%53 == 7:
			c.Consent = false
			c.Version++
			ix.UpsertCandidate(c)
		case k%61 == 3:
			if !ix.RemoveCandidate(c.ID) {
				t.Fatalf("RemoveCandidate(%s) = false for an indexed candidate", c.ID)
			}
		default:
			keep = append(keep, c)
		}
	}
	var open []engine.Role
	for k, r := range roles {
		switch {
		case k >= exactRoles && k%41 == 5:
			r.Open = false
			r.Version++
			ix.UpsertRole(r)
		case k >= exactRoles && k%43 == 6:
			ix.RemoveRole(r.ID)
		default:
			open = append(open, r)
		}
	}
	return ix, keep, open
}

// permutation is a fixed shuffle of 0 … n-1 (a multiplicative step that is
// coprime with n visits every index once).
func permutation(n int) []int {
	step := 7919
	for gcd(step, n) != 1 {
		step++
	}
	out := make([]int, n)
	for k := range out {
		out[k] = k * step % n
	}
	return out
}

func gcd(a, b int) int {
	for b != 0 {
		a, b = b, a%b
	}
	return a
}

// firstDifference describes where got first departs from want.
func firstDifference(got, want []engine.Entry) error {
	if slices.Equal(got, want) {
		return nil
	}
	for k := range min(len(got), len(want)) {
		if got[k] != want[k] {
			return fmt.Errorf("entry %d: fast path %+v, reference %+v\nfast path %v\nreference %v",
				k, got[k], want[k], around(got, k), around(want, k))
		}
	}
	return fmt.Errorf("fast path has %d entries, reference %d; the first %d agree\nfast path tail %v\nreference tail %v",
		len(got), len(want), min(len(got), len(want)), around(got, min(len(got), len(want))), around(want, min(len(got), len(want))))
}

// around is up to three entries either side of k.
func around(list []engine.Entry, k int) []engine.Entry {
	return list[max(0, k-3):min(len(list), k+4)]
}
