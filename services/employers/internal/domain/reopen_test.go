package domain

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/onward-jobs/onward/pkg/errs"
)

func TestReopenRule(t *testing.T) {
	t.Parallel()
	changed := time.Date(2026, 12, 1, 9, 30, 0, 0, time.UTC)
	within, after := changed.Add(ReopenWindow-time.Second), changed.Add(ReopenWindow)
	tests := []struct {
		status, prev Status
		want         []Status // reopen targets within the window
	}{
		{StatusFilled, StatusOpen, []Status{StatusOpen}},
		{StatusFilled, StatusPaused, []Status{StatusPaused, StatusOpen}},
		{StatusClosed, StatusDraft, []Status{StatusDraft, StatusOpen}},
		{StatusClosed, StatusOpen, []Status{StatusOpen}},
		{StatusClosed, "", []Status{StatusOpen}}, // stored before the previous status was
	}
	for _, tt := range tests {
		r := Role{Status: tt.status, PreviousStatus: tt.prev, StatusChangedAt: changed}
		if got := r.NextStatuses(within); !slices.Equal(got, tt.want) {
			t.Errorf("%s from %q within the window: %v, want %v", tt.status, tt.prev, got, tt.want)
		}
		if until, ok := r.ReopenUntil(within); !ok || !until.Equal(changed.Add(ReopenWindow)) {
			t.Errorf("%s: ReopenUntil = %v %v", tt.status, until, ok)
		}
		for _, to := range tt.want {
			if err := r.CheckMove(to, within); err != nil {
				t.Errorf("%s → %s within the window: %v", tt.status, to, err)
			}
		}
		if got := r.NextStatuses(after); len(got) != 0 {
			t.Errorf("%s after the window: %v, want none", tt.status, got)
		}
		err := r.CheckMove(tt.want[0], after)
		var te *TransitionError
		if !errors.Is(err, errs.Conflict) || !errors.As(err, &te) || !te.ReopenEnded.Equal(changed.Add(ReopenWindow)) ||
			!strings.Contains(err.Error(), "only within 7 days") || len(te.Allowed) != 0 {
			t.Errorf("%s → %s after the window: %v", tt.status, tt.want[0], err)
		}
	}
	open := Role{Status: StatusOpen, StatusChangedAt: changed}
	if _, ok := open.ReopenUntil(within); ok {
		t.Error("an open role has no reopen window")
	}
	if err := open.CheckMove(StatusDraft, within); err == nil || strings.Contains(err.Error(), "reopen") {
		t.Errorf("open → draft: %v", err)
	}
	open.SetStatus(StatusFilled, within)
	if open.PreviousStatus != StatusOpen || !open.StatusChangedAt.Equal(within) {
		t.Errorf("SetStatus: %+v", open)
	}
}
