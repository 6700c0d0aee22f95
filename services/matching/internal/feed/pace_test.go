package feed

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"
)

// listing returns an owner's listing of n versions.
func listing(n int) func(ctx context.Context, fn func(Version) error) error {
	return func(ctx context.Context, fn func(Version) error) error {
		for i := range n {
			if err := fn(Version{ID: fmt.Sprintf("c%04d", i), Version: 1}); err != nil {
				return err
			}
		}
		return nil
	}
}

// TestPacedListingIsReadWholeAndNoFasterThanThePace: a scheduled
// reconciliation reads the owner's whole listing, in its order, but no
// faster than the pace, so a listing the owner's store makes expensively
// is spread over time instead of taking the cores at once; an error of
// the reader or an ended context still stops it.
func TestPacedListingIsReadWholeAndNoFasterThanThePace(t *testing.T) {
	ctx := context.Background()
	var got []string
	began := time.Now()
	if err := paced(listing(300), 1000)(ctx, func(v Version) error { got = append(got, v.ID); return nil }); err != nil {
		t.Fatal(err)
	}
	if took := time.Since(began); took < 300*time.Millisecond {
		t.Errorf("300 entries at 1,000 a second were read in %v", took)
	}
	if len(got) != 300 || got[0] != "c0000" || got[299] != "c0299" {
		t.Errorf("read %d entries, from %v", len(got), got[:min(3, len(got))])
	}

	stop := errors.New("stop")
	n := 0
	err := paced(listing(300), 1000)(ctx, func(Version) error {
		if n++; n == 150 {
			return stop
		}
		return nil
	})
	if !errors.Is(err, stop) || n != 150 {
		t.Errorf("a reader's error: %v after %d entries", err, n)
	}

	cctx, cancel := context.WithCancel(ctx)
	cancel()
	if err := paced(listing(300), 1000)(cctx, func(Version) error { return nil }); !errors.Is(err, context.Canceled) {
		t.Errorf("an ended context: %v", err)
	}
}
