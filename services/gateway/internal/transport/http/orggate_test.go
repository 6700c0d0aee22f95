package http

import (
	"context"
	"testing"
	"time"

	"github.com/onward-jobs/onward/services/gateway/internal/domain"
)

// TestOrgStatusCacheKeepsAStatusForItsTTL: the gate reads an
// organisation's status once per TTL, sees a change after it, and at
// once after Forget.
func TestOrgStatusCacheKeepsAStatusForItsTTL(t *testing.T) {
	now := time.Date(2026, 12, 7, 10, 0, 0, 0, time.UTC)
	status, reads := domain.StatusVerified, 0
	c := &OrgStatusCache{TTL: 10 * time.Second, Now: func() time.Time { return now },
		Lookup: func(context.Context, string) (domain.OrgStatus, error) { reads++; return status, nil }}
	get := func() domain.OrgStatus {
		s, err := c.Status(context.Background(), "o1")
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	if get() != domain.StatusVerified || get() != domain.StatusVerified || reads != 1 {
		t.Fatalf("two reads within the TTL went to the store %d times", reads)
	}
	status = domain.StatusSuspended
	now = now.Add(9 * time.Second)
	if get() != domain.StatusVerified {
		t.Fatal("the cached status was dropped before its TTL")
	}
	now = now.Add(time.Second)
	if get() != domain.StatusSuspended || reads != 2 {
		t.Fatalf("after the TTL: %d reads", reads)
	}
	status = domain.StatusVerified
	c.Forget("o1")
	if get() != domain.StatusVerified || reads != 3 {
		t.Fatalf("after Forget: %d reads", reads)
	}
}

// TestGatedRoutes: the gate guards exactly the routes of shortlists,
// introductions, placements, follow-ups and disclosures.
func TestGatedRoutes(t *testing.T) {
	var patterns [][]string
	for _, p := range GatedRoutes {
		patterns = append(patterns, splitPath(p))
	}
	for path, want := range map[string]bool{
		"/api/v1/roles/r1/shortlist": true, "/api/v1/roles/r1/introductions": true, "/api/v1/introductions/i1/messages": true,
		"/api/v1/placements": true, "/api/v1/followups/f1": true, "/api/v1/disclosures/d1": true,
		"/api/v1/roles/r1": false, "/api/v1/roles": false, "/api/v1/employers/me": false, "/api/v1/candidates/c1/suggestions": false,
	} {
		if got := matchesAny(patterns, path); got != want {
			t.Errorf("%s gated: %v, want %v", path, got, want)
		}
	}
}
