package http

import (
	"testing"

	"github.com/onward-jobs/onward/pkg/api"
	"github.com/onward-jobs/onward/services/insights/internal/domain"
	"github.com/onward-jobs/onward/services/insights/internal/report"
)

// TestCountsAsAnswered converts each status: a value for a shown count
// only, and a withheld report's counts read not_shown, in JSON and CSV.
func TestCountsAsAnswered(t *testing.T) {
	for _, c := range []struct {
		in     report.Count
		status api.SuppressedCountStatus
		label  string
	}{
		{report.Count{Status: domain.Shown, Value: 12}, api.SuppressedCountStatusShown, "12"},
		{report.Count{Status: domain.FewerThanFive}, api.SuppressedCountStatusFewerThan5, "fewer than 5"},
		{report.Count{Status: domain.NotShown}, api.SuppressedCountStatusNotShown, "not shown"},
		{report.Count{Status: domain.Withheld}, api.SuppressedCountStatusNotShown, "not shown"},
	} {
		got := toSuppressedCount(c.in)
		if got.Status != c.status || (got.Value != nil) != (c.status == api.SuppressedCountStatusShown) ||
			(got.Value != nil && *got.Value != c.in.Value) {
			t.Errorf("%+v answers %+v", c.in, got)
		}
		if l := c.in.Label(); l != c.label {
			t.Errorf("%+v reads %q in CSV, want %q", c.in, l, c.label)
		}
	}
}
