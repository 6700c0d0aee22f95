package http

import (
	"context"
	"net/url"
	"testing"
)

// TestShortlistCardShowsTheApprovedStatement: a card shows the statement
// held for its candidate, no other card shows it, and once the statement
// is removed the card is without one again. The stored list never holds
// it: it is attached when the page is answered.
func TestShortlistCardShowsTheApprovedStatement(t *testing.T) {
	a := newMatchingAPI(t)
	path := "/api/v1/roles/role-000/shortlist"
	first := a.get(t, ownerEmployer, path, url.Values{"limit": {"50"}})
	items := first.items()
	if first.status != 200 || len(items) < 2 {
		t.Fatalf("shortlist: %d %s", first.status, first.raw)
	}
	for _, it := range items {
		if _, ok := it["card"].(map[string]any)["statement"]; ok {
			t.Fatalf("a card shows a statement before any is held: %v", it["card"])
		}
	}
	sl, err := a.store.Shortlist(context.Background(), "role-000")
	if err != nil {
		t.Fatal(err)
	}
	chosen := sl.Entries[1]
	const text = "I roasted coffee for two years and I love early shifts."
	a.statements.Put(chosen.CandidateID, text)

	shown := 0
	for _, it := range a.get(t, ownerEmployer, path, url.Values{"limit": {"50"}}).items() {
		got, _ := it["card"].(map[string]any)["statement"].(string)
		switch {
		case it["candidate_ref"] == chosen.CandidateRef && got != text:
			t.Errorf("the chosen candidate's card shows %q, want the statement", got)
		case it["candidate_ref"] == chosen.CandidateRef:
			shown++
		case got != "":
			t.Errorf("card %v shows another candidate's statement", it["candidate_ref"])
		}
	}
	if shown != 1 {
		t.Errorf("the statement showed on %d cards, want 1", shown)
	}

	a.statements.Remove(chosen.CandidateID)
	for _, it := range a.get(t, ownerEmployer, path, url.Values{"limit": {"50"}}).items() {
		if s, ok := it["card"].(map[string]any)["statement"]; ok {
			t.Errorf("a removed statement still shows: %v", s)
		}
	}
}
