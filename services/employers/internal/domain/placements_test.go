package domain

import (
	"errors"
	"testing"
	"time"

	"github.com/onward-jobs/onward/pkg/errs"
)

func TestRecordPlacement(t *testing.T) {
	now := time.Date(2026, 12, 7, 10, 0, 0, 0, time.UTC)
	r := Role{Status: StatusPaused, Spec: RoleSpec{Positions: 1}}
	if changed, err := r.RecordPlacement("pl-1", now); !changed || err != nil || r.Status != StatusFilled || r.Filled() != 1 || !r.StatusChangedAt.Equal(now) {
		t.Fatalf("a paused role's only position: %v %v %+v", changed, err, r)
	}
	if changed, err := r.RecordPlacement("pl-1", now); changed || err != nil || r.Filled() != 1 {
		t.Fatalf("the same placement again: %v %v", changed, err)
	}
	// A filled role takes a further hire (positions lowered, say) and stays filled.
	if changed, err := r.RecordPlacement("pl-2", now); !changed || err != nil || r.Filled() != 2 || r.Status != StatusFilled {
		t.Fatalf("a filled role's further hire: %v %v %+v", changed, err, r)
	}
	for _, s := range []Status{StatusDraft, StatusClosed} {
		r := Role{Status: s, Spec: RoleSpec{Positions: 1}}
		if _, err := r.RecordPlacement("pl-1", now); !errors.Is(err, errs.Conflict) || r.Filled() != 0 {
			t.Fatalf("a %s role: %v", s, err)
		}
	}
	if _, err := (&Role{Status: StatusOpen}).RecordPlacement("", now); !errors.Is(err, errs.InvalidArgument) {
		t.Fatalf("no placement id: %v", err)
	}
}
