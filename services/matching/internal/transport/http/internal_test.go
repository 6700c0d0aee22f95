package http

import (
	"context"
	"testing"

	"github.com/onward-jobs/onward/services/matching/internal/engine"
)

// TestResolveCandidateRef: a service resolves a reference on a role's
// current shortlist to the candidate, with the role's version; another
// role's reference, a forged one, one whose candidate left the list and
// an unknown role are 404; only services may ask.
func TestResolveCandidateRef(t *testing.T) {
	t.Parallel()
	a := newMatchingAPI(t)
	ctx := context.Background()
	sl, err := a.store.Shortlist(ctx, "role-000")
	if err != nil || len(sl.Entries) < 2 {
		t.Fatalf("shortlist of role-000: %v", err)
	}
	e := sl.Entries[0]
	path := "/internal/v1/roles/role-000/shortlist/" + e.CandidateRef
	got := a.get(t, serviceCaller, path, nil)
	if got.status != 200 || got.body["candidate_id"] != e.CandidateID || got.body["alias"] != e.Alias || got.body["role_version"] != float64(sl.RoleVersion) {
		t.Fatalf("resolve: %d %s", got.status, got.raw)
	}
	other, err := a.store.Shortlist(ctx, "role-001")
	if err != nil || len(other.Entries) == 0 {
		t.Fatalf("shortlist of role-001: %v", err)
	}
	for name, p := range map[string]string{
		"another role's reference": "/internal/v1/roles/role-000/shortlist/" + other.Entries[0].CandidateRef,
		"a forged reference":       "/internal/v1/roles/role-000/shortlist/forged",
		"an unknown role":          "/internal/v1/roles/role-999/shortlist/" + e.CandidateRef,
	} {
		if a.res.CandidateRef("role-000", other.Entries[0].CandidateID) == other.Entries[0].CandidateRef {
			t.Fatal("references are not per role")
		}
		if got := a.get(t, serviceCaller, p, nil); got.status != 404 {
			t.Errorf("%s: %d %s", name, got.status, got.raw)
		}
	}
	for _, who := range []string{ownerEmployer, otherEmployer, staffOrg0, platformAdmin} {
		if got := a.get(t, who, path, nil); got.status != 403 {
			t.Errorf("%s: %d, want 403", who, got.status)
		}
	}

	// The candidate is placed and leaves the list: the reference no
	// longer resolves.
	placed := a.cands[indexOf(a.cands, e.CandidateID)]
	placed.Version, placed.Unavailable = 2, true
	a.ix.UpsertCandidate(placed)
	if err := a.res.CandidateChanged(ctx, placed.ID); err != nil {
		t.Fatal(err)
	}
	if got := a.get(t, serviceCaller, path, nil); got.status != 404 {
		t.Fatalf("a placed candidate's reference: %d %s", got.status, got.raw)
	}
	sl, _ = a.store.Shortlist(ctx, "role-000")
	for _, x := range sl.Entries {
		if x.CandidateID == placed.ID {
			t.Fatal("the placed candidate is still on the stored shortlist")
		}
	}
}

// indexOf finds a candidate by id.
func indexOf(cands []engine.Candidate, id string) int {
	for i, c := range cands {
		if c.ID == id {
			return i
		}
	}
	panic("no candidate " + id)
}
