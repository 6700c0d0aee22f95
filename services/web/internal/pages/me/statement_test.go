package me_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/onward-jobs/onward/services/web/internal/webtest"
)

// TestACandidateWritesTheirStatementAndStaffReviewIt: the candidate saves
// a text naming a place and a number; the page says it waits and shows
// the checker's hints; staff see the flagged words marked, send it back
// with a note, which the candidate then reads; the candidate removes it.
func TestACandidateWritesTheirStatementAndStaffReviewIt(t *testing.T) {
	cs := webtest.StartCandidateStack(t)
	b := cs.CandidateSession(t, "jan.words")
	b.Submit("/me/statement", "/me/statement", url.Values{"text": {""}, "version": {"1"}}).
		MustMatch(t, `id="text-error"[^>]*>.*Write between 1 and 600`)
	saved := b.Submit("/me/statement", "/me/statement", url.Values{"text": {"I roast coffee in Gent since 2024."}, "version": {"1"}})
	saved.MustBeAt(t, "/me/statement", http.StatusOK)
	saved.MustContain(t, "Saved. Your job coach will read it", "Waiting", "“Gent”: maybe a place", "“2024”: a number, like a date")
	if got := cs.Candidates.Last(t, http.MethodPut, "/api/v1/candidates/c1/statement").Body["text"]; got != "I roast coffee in Gent since 2024." {
		t.Errorf("the API got text %q", got)
	}

	staff := cs.Coach.Get("/candidates/c1")
	staff.MustContain(t, "In their own words", "Waiting for review")
	staff.MustMatch(t, `<mark class="statement-flag">Gent</mark>`, `<mark class="statement-flag">2024</mark>`)
	version := webtest.FormValue(t, staff.Body[strings.Index(staff.Body, `id="statement"`):], "version")
	cs.Coach.Submit("/candidates/c1", "/candidates/c1/statement/review", url.Values{"decision": {"reject"}, "version": {version}}).
		MustContain(t, "To send it back, write a note on what to change.")
	cs.Coach.Submit("/candidates/c1", "/candidates/c1/statement/review", url.Values{"decision": {"reject"}, "version": {version}, "note": {"Leave out the town."}}).
		MustContain(t, "Sent back with your note.")

	b.Get("/me/statement").MustContain(t, "Please change it", "Your job coach says: Leave out the town.")
	v := webtest.FormValue(t, b.Get("/me/statement").Body, "version")
	b.Submit("/me/statement", "/me/statement", url.Values{"remove": {"yes"}, "version": {v}}).MustContain(t, "Your text is removed.", "Write your text")
}

// TestACandidateGivesAndWithdrawsConsent: giving needs the box ticked and
// sends the version of the text shown; withdrawing takes one button.
func TestACandidateGivesAndWithdrawsConsent(t *testing.T) {
	cs := webtest.StartCandidateStack(t)
	b := cs.CandidateSession(t, "jan.consent")
	page := b.Get("/me/consent")
	page.MustContain(t, "Not yet", "What you say yes to")
	version := webtest.FormValue(t, page.Body, "text_version")
	b.Submit("/me/consent", "/me/consent", url.Values{"decision": {"give"}, "text_version": {version}}).
		MustContain(t, "Tick the box to say you read the text.")
	b.Submit("/me/consent", "/me/consent", url.Values{"decision": {"give"}, "text_version": {version}, "confirm": {"yes"}}).
		MustContain(t, "Thank you. Employers can now see your skills", "Yes, you said yes")
	if got := cs.Candidates.Last(t, http.MethodPut, "/api/v1/candidates/c1/consent").Body; got["matching"] != true || got["text_version"] != version {
		t.Errorf("the API got %v", got)
	}
	b.Submit("/me/consent", "/me/consent", url.Values{"decision": {"withdraw"}}).MustContain(t, "Done. Employers cannot see you any more.", "Not yet")
}

// TestACandidateIsAskedAgainAfterTheConsentTextChanged: consent given on
// an earlier text is still shown as given, and the page asks them to read
// the new text and say yes again, besides withdrawing.
func TestACandidateIsAskedAgainAfterTheConsentTextChanged(t *testing.T) {
	cs := webtest.StartCandidateStack(t)
	cs.Candidates.AddCandidate("c1", map[string]any{"preferred_name": "Jan",
		"consent": map[string]any{"matching": true, "text_version": "2020-01", "recorded_at": "2020-01-02T09:30:00Z"}})
	p := cs.CandidateSession(t, "jan.older").Get("/me/consent")
	p.MustContain(t, "Yes, you said yes", "You agreed to text 2020-01.", "The text changed since you said yes.", "Yes, show my skills", "Stop showing my skills")
}
