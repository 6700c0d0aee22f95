package mongo

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/onward-jobs/onward/pkg/auth"
)

// TestRevocationsKeepWhatIsStillInForce: a revocation recorded again takes
// the later expiry, a deleted one is gone, and only those expiring after
// the given instant are returned.
func TestRevocationsKeepWhatIsStillInForce(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	r := newTestStore(t).Revocations
	now := time.Now().UTC().Truncate(time.Millisecond) // BSON dates hold milliseconds
	soon, later := now.Add(10*time.Minute), now.Add(15*time.Minute)
	if err := r.SaveRevocations(ctx, []auth.Revocation{
		{Kind: auth.SessionRevocation, ID: "s-1", ExpiresAt: soon},
		{Kind: auth.SessionRevocation, ID: "s-old", ExpiresAt: now.Add(-time.Minute)},
		{Kind: auth.UserRevocation, ID: "u-1", ExpiresAt: soon},
		{Kind: auth.UserRevocation, ID: "u-back", ExpiresAt: soon},
		{Kind: auth.UserRevocation, ID: "s-1", ExpiresAt: soon}, // same id, other kind
	}); err != nil {
		t.Fatal(err)
	}
	if err := r.SaveRevocations(ctx, []auth.Revocation{{Kind: auth.UserRevocation, ID: "u-1", ExpiresAt: later}}); err != nil {
		t.Fatal(err)
	}
	if err := r.DeleteRevocation(ctx, auth.UserRevocation, "u-back"); err != nil {
		t.Fatal(err)
	}
	if err := r.DeleteRevocation(ctx, auth.UserRevocation, "never-recorded"); err != nil {
		t.Errorf("deleting an absent revocation: %v", err)
	}
	active, err := r.ActiveRevocations(ctx, now)
	if err != nil {
		t.Fatal(err)
	}
	slices.SortFunc(active, func(a, b auth.Revocation) int {
		if c := cmpString(string(a.Kind), string(b.Kind)); c != 0 {
			return c
		}
		return cmpString(a.ID, b.ID)
	})
	want := []auth.Revocation{
		{Kind: auth.SessionRevocation, ID: "s-1", ExpiresAt: soon},
		{Kind: auth.UserRevocation, ID: "s-1", ExpiresAt: soon},
		{Kind: auth.UserRevocation, ID: "u-1", ExpiresAt: later},
	}
	if !slices.EqualFunc(active, want, func(a, b auth.Revocation) bool {
		return a.Kind == b.Kind && a.ID == b.ID && a.ExpiresAt.Equal(b.ExpiresAt)
	}) {
		t.Errorf("active revocations = %v, want %v", active, want)
	}
}

func cmpString(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}
