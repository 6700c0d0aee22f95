package http

import (
	"context"
	"net/url"
	"testing"

	"github.com/onward-jobs/onward/services/matching/internal/engine"
)

// firstPage is the page the employer's browser asks for.
var firstPage = url.Values{"limit": {"20"}, "lang": {"nl"}}

// refsOf returns the candidate references of a page, in order.
func refsOf(m mAnswer) []string {
	var refs []string
	for _, it := range m.items() {
		refs = append(refs, it["candidate_ref"].(string))
	}
	return refs
}

// TestShortlistShowsTheNewVersionOnEveryInstance: two instances have each
// answered (and so cached) a role's shortlist; the role changes and its
// list is recomputed and stored by the first. From then on both answer
// the new version, with the new ranking, and neither ever answers the old
// one again.
func TestShortlistShowsTheNewVersionOnEveryInstance(t *testing.T) {
	a := newMatchingAPI(t)
	b := a.anotherInstance()
	path := "/api/v1/roles/role-000/shortlist"
	for _, inst := range []*matchingAPI{a, b, a, b} {
		if got := inst.get(t, ownerEmployer, path, firstPage); got.status != 200 || got.body["role_version"] != 1.0 {
			t.Fatalf("before the change: %d %v", got.status, got.body["role_version"])
		}
	}
	before := refsOf(a.get(t, ownerEmployer, path, firstPage))

	role, _ := a.ix.Role("role-000")
	role.Version = 2
	role.Essential = []engine.Requirement{{Skill: "latte-art", MinLevel: 3}}
	a.ix.UpsertRole(role)
	if err := a.res.RoleChanged(context.Background(), "role-000"); err != nil {
		t.Fatal(err)
	}
	for i, inst := range []*matchingAPI{b, a, b, a} {
		got := inst.get(t, ownerEmployer, path, firstPage)
		if got.status != 200 || got.body["role_version"] != 2.0 {
			t.Fatalf("read %d after the change: %d, role_version %v; want 2", i, got.status, got.body["role_version"])
		}
		if refs := refsOf(got); equalRefs(refs, before) {
			t.Fatalf("read %d after the change shows the old ranking %v", i, refs)
		}
	}
}

// TestShortlistLosesAWithdrawnCandidateOnEveryInstance: a change that
// leaves the role's version as it is (a candidate withdraws consent)
// rewrites the list, and both instances stop showing the candidate at
// once, although each had the page in memory.
func TestShortlistLosesAWithdrawnCandidateOnEveryInstance(t *testing.T) {
	a := newMatchingAPI(t)
	b := a.anotherInstance()
	path := "/api/v1/roles/role-000/shortlist"
	a.get(t, ownerEmployer, path, firstPage)
	b.get(t, ownerEmployer, path, firstPage)
	sl, err := a.store.Shortlist(context.Background(), "role-000")
	if err != nil || len(sl.Entries) == 0 {
		t.Fatal(len(sl.Entries), err)
	}
	top := sl.Entries[0]
	a.ix.RemoveCandidate(top.CandidateID)
	if err := a.res.CandidateRemoved(context.Background(), top.CandidateID); err != nil {
		t.Fatal(err)
	}
	for _, inst := range []*matchingAPI{b, a} {
		got := inst.get(t, ownerEmployer, path, firstPage)
		if got.status != 200 {
			t.Fatalf("after the withdrawal: %d %s", got.status, got.raw)
		}
		for _, ref := range refsOf(got) {
			if ref == top.CandidateRef {
				t.Fatalf("the withdrawn candidate %s still shows", ref)
			}
		}
	}
}

// TestCachedShortlistStaysWithItsEmployer: once the owner's page is in
// memory, another employer still gets 404 for it, on the page the owner
// read and on any other, and programme staff 403; an administrator reads
// it.
func TestCachedShortlistStaysWithItsEmployer(t *testing.T) {
	a := newMatchingAPI(t)
	path := "/api/v1/roles/role-000/shortlist"
	for range 2 {
		if got := a.get(t, ownerEmployer, path, firstPage); got.status != 200 || len(got.items()) == 0 {
			t.Fatalf("owner: %d %s", got.status, got.raw)
		}
	}
	for _, params := range []url.Values{firstPage, {"limit": {"5"}}} {
		if got := a.get(t, otherEmployer, path, params); got.status != 404 {
			t.Errorf("another employer, %v: %d %s; want 404", params, got.status, got.raw)
		}
	}
	if got := a.get(t, staffOrg0, path, firstPage); got.status != 403 {
		t.Errorf("programme staff: %d; want 403", got.status)
	}
	if got := a.get(t, platformAdmin, path, firstPage); got.status != 200 || len(got.items()) == 0 {
		t.Errorf("administrator: %d %s", got.status, got.raw)
	}
}

func equalRefs(x, y []string) bool {
	if len(x) != len(y) {
		return false
	}
	for i := range x {
		if x[i] != y[i] {
			return false
		}
	}
	return true
}

// TestClosedRoleShortlistIsGoneOnEveryInstance: both instances had the
// page in memory; once the role closes and its list is deleted, both
// answer 404, and no stamp of the role is left in Redis.
func TestClosedRoleShortlistIsGoneOnEveryInstance(t *testing.T) {
	a := newMatchingAPI(t)
	b := a.anotherInstance()
	path := "/api/v1/roles/role-000/shortlist"
	for _, inst := range []*matchingAPI{a, b} {
		if got := inst.get(t, ownerEmployer, path, firstPage); got.status != 200 {
			t.Fatalf("open role: %d", got.status)
		}
	}
	a.ix.RemoveRole("role-000")
	ctx := context.Background()
	if err := a.res.RoleRemoved(ctx, "role-000"); err != nil {
		t.Fatal(err)
	}
	for _, inst := range []*matchingAPI{b, a} {
		if got := inst.get(t, ownerEmployer, path, firstPage); got.status != 404 {
			t.Fatalf("closed role: %d %s; want 404", got.status, got.raw)
		}
	}
	if stamp, err := a.stamps.Stamp(ctx, "role-000"); err != nil || stamp != "" {
		t.Fatalf("stamp of the closed role: %q, %v; want none", stamp, err)
	}
}
