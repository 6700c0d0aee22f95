package mongo

import (
	"context"
	"errors"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/onward-jobs/onward/pkg/errs"
	"github.com/onward-jobs/onward/pkg/testkit"
	"github.com/onward-jobs/onward/services/insights/internal/service"
)

func share(org, observer string, at time.Time) service.Share {
	return service.Share{OrganisationID: org, OrganisationName: "Org " + org, ObserverID: observer,
		ObserverName: "Observer " + observer, GrantedBy: "user-1", GrantedAt: at}
}

// TestSharesPutGetListDelete walks a share through its life: stored once
// however often it is put (the first grant stands, even when puts race),
// found by its pair, listed per organisation, per observer and all newest
// first, and deleted once.
func TestSharesPutGetListDelete(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := NewShares(testkit.MongoDB(t))
	at := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	var wg sync.WaitGroup
	got := make([]service.Share, 6)
	for i := range got {
		wg.Go(func() {
			sh := share("org-a", "obs-1", at.Add(time.Duration(i)*time.Minute))
			var err error
			if got[i], err = s.PutShare(ctx, sh); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	for _, g := range got[1:] {
		if g != got[0] {
			t.Fatalf("racing puts stored two shares: %+v and %+v", got[0], g)
		}
	}
	first := got[0]
	if _, err := s.PutShare(ctx, share("org-a", "obs-2", at.Add(time.Hour))); err != nil {
		t.Fatal(err)
	}
	if _, err := s.PutShare(ctx, share("org|b", "obs-1", at.Add(2*time.Hour))); err != nil {
		t.Fatal(err)
	}
	one, err := s.Share(ctx, "org-a", "obs-1")
	if err != nil || one != first {
		t.Fatalf("Share = %+v, %v; want %+v", one, err, first)
	}
	if _, err := s.Share(ctx, "org-a", "obs-9"); !errors.Is(err, errs.NotFound) {
		t.Fatalf("an unknown share: %v", err)
	}
	for _, c := range []struct {
		f    service.ShareFilter
		want []string
	}{
		{service.ShareFilter{}, []string{"org|b/obs-1", "org-a/obs-2", "org-a/obs-1"}},
		{service.ShareFilter{OrganisationID: "org-a"}, []string{"org-a/obs-2", "org-a/obs-1"}},
		{service.ShareFilter{ObserverID: "obs-1"}, []string{"org|b/obs-1", "org-a/obs-1"}},
		{service.ShareFilter{ObserverID: "obs-9"}, nil},
	} {
		list, err := s.ListShares(ctx, c.f)
		if err != nil {
			t.Fatal(err)
		}
		var names []string
		for _, sh := range list {
			names = append(names, sh.OrganisationID+"/"+sh.ObserverID)
		}
		if !slices.Equal(names, c.want) {
			t.Errorf("ListShares(%+v) = %v, want %v", c.f, names, c.want)
		}
	}
	if err := s.DeleteShare(ctx, "org-a", "obs-1"); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteShare(ctx, "org-a", "obs-1"); !errors.Is(err, errs.NotFound) {
		t.Fatalf("deleting twice: %v", err)
	}
	if _, err := s.Share(ctx, "org-a", "obs-1"); !errors.Is(err, errs.NotFound) {
		t.Fatalf("a deleted share is found: %v", err)
	}
}
