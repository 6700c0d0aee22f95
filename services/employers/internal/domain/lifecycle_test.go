package domain

import (
	"errors"
	"slices"
	"testing"

	"github.com/onward-jobs/onward/pkg/errs"
)

func TestTransitions(t *testing.T) {
	t.Parallel()
	legal := map[[2]Status]bool{
		{StatusDraft, StatusOpen}: true, {StatusDraft, StatusClosed}: true,
		{StatusOpen, StatusPaused}: true, {StatusOpen, StatusFilled}: true, {StatusOpen, StatusClosed}: true,
		{StatusPaused, StatusOpen}: true, {StatusPaused, StatusFilled}: true, {StatusPaused, StatusClosed}: true,
	}
	for _, from := range Statuses {
		for _, to := range Statuses {
			err := CheckTransition(from, to)
			if legal[[2]Status{from, to}] != (err == nil) {
				t.Errorf("%s → %s: %v", from, to, err)
			}
			var te *TransitionError
			if err != nil && (!errors.Is(err, errs.Conflict) || !errors.As(err, &te) || !slices.Equal(te.Allowed, from.Allowed())) {
				t.Errorf("%s → %s: %v is not a conflict listing the allowed statuses", from, to, err)
			}
		}
	}
}
