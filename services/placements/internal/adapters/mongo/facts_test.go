package mongo

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/onward-jobs/onward/services/placements/internal/domain"
)

// TestFactsListingCrossesBatches lists more introductions than two
// batches hold, every tenth one hired: each is listed once, and each hire
// with its own placement and six follow-ups, however the batches fall.
func TestFactsListingCrossesBatches(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := newStore(t)
	total := 2*factsBatch + 7
	hires := map[string]string{} // introduction id → placement id
	var docs []any
	for i := range total {
		in := intro(fmt.Sprint("r", i%7), fmt.Sprint("c", i))
		if i%10 == 0 {
			in.Status, in.AnsweredAt = domain.StatusAccepted, now
			pl := domain.NewPlacement(newID(), in, domain.PlacementTerms{StartDate: "2026-04-01", Contract: "trial", HoursPerWeek: 20}, domain.SideEmployer, "u1", now)
			if _, err := s.placements.InsertOne(ctx, toPlacementDoc(pl)); err != nil {
				t.Fatal(err)
			}
			fus, err := domain.NewFollowUps(pl, newID)
			if err != nil {
				t.Fatal(err)
			}
			if err := s.InsertFollowUps(ctx, fus); err != nil {
				t.Fatal(err)
			}
			hires[in.ID] = pl.ID
		}
		docs = append(docs, toIntroductionDoc(in))
	}
	if _, err := s.introductions.InsertMany(ctx, docs); err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	err := s.EachIntroductionFacts(ctx, func(f domain.IntroductionFacts) error {
		if seen[f.ID] {
			return fmt.Errorf("%s listed twice", f.ID)
		}
		seen[f.ID] = true
		want, hired := hires[f.ID]
		switch {
		case hired && (f.Placement == nil || f.Placement.ID != want || len(f.FollowUps) != 6):
			return fmt.Errorf("hire %s listed as %+v", f.ID, f)
		case !hired && (f.Placement != nil || len(f.FollowUps) != 0):
			return fmt.Errorf("%s listed with a placement: %+v", f.ID, f)
		}
		return nil
	})
	if err != nil || len(seen) != total {
		t.Fatalf("listed %d of %d: %v", len(seen), total, err)
	}
	stop := errors.New("enough")
	n := 0
	err = s.EachIntroductionFacts(ctx, func(domain.IntroductionFacts) error {
		if n++; n == factsBatch+1 {
			return stop
		}
		return nil
	})
	if !errors.Is(err, stop) || n != factsBatch+1 {
		t.Fatalf("stopping after %d: %v", n, err)
	}
}
