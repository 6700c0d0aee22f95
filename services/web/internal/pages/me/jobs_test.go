package me_test

import (
	"testing"

	"github.com/onward-jobs/onward/services/web/internal/webtest"
	"github.com/onward-jobs/onward/services/web/internal/webtest/fake"
)

// TestJobsThatFitACandidate: the roles matching suggests for the
// candidate's own record, a near one with its missing skill named; without
// consent the page leads to it; matching down leaves the page up.
func TestJobsThatFitACandidate(t *testing.T) {
	cs := webtest.StartCandidateStack(t)
	b := cs.CandidateSession(t, "jan.jobs")
	cs.Matching.Set(func(f *fake.Matching) {
		f.Suggestions["c1"] = []map[string]any{fake.SuggestionItem(1, "e1", "full"), fake.SuggestionItem(2, "e1", "near")}
	})
	p := b.Get("/me/jobs")
	p.MustContain(t, "Role number 1", "Fits well", "Role number 2", "Fits nearly", "Forklift licence", "Why it fits")
	if got := cs.Matching.Last(t, "/api/v1/candidates/c1/suggestions").Query.Get("lang"); got != "en" {
		t.Errorf("matching was asked in %q, want en", got)
	}
	cs.Matching.Set(func(f *fake.Matching) { f.States["c1"] = "no_consent" })
	b.Get("/me/jobs").MustContain(t, "Onward only looks for jobs when you say yes")
	cs.Matching.Set(func(f *fake.Matching) { f.Down = true })
	b.Get("/me/jobs").MustContain(t, "We cannot show the jobs just now.")
}
