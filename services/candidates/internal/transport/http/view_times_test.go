package http

import (
	"testing"
	"time"
)

// TestMatchingViewTimes registers a candidate in the past on the service's
// clock and follows its consent through a consent, a withdrawal and a
// second consent: the internal view, the page listing and the stream of
// views carry the registration time and the first consent time, and the
// audit trail and the events carry the clock's times too.
func TestMatchingViewTimes(t *testing.T) {
	h := newHarness(t)
	now := time.Date(2025, 3, 1, 9, 0, 0, 0, time.UTC)
	h.svc.Now = func() time.Time { return now }
	registered := now
	id := h.register(t, "member", jan()).str("id")

	view := h.call(t, "service", "GET", "/internal/v1/candidates/"+id, nil).must(t, 200)
	if got := view.str("created_at"); got != stamp(registered) {
		t.Errorf("created_at = %q, want the clock's %q", got, stamp(registered))
	}
	if _, set := view.body["consent"].(map[string]any)["first_given_at"]; set {
		t.Errorf("a candidate who never consented has a first consent time: %s", view.raw)
	}

	var firstGiven time.Time
	for i, matching := range []bool{true, false, true} {
		now = now.Add(24 * time.Hour)
		if i == 0 {
			firstGiven = now
		}
		h.call(t, "member", "PUT", "/api/v1/candidates/"+id+"/consent", map[string]any{"matching": matching, "text_version": "2026-11"}).must(t, 200)
	}
	want := map[string]string{"created_at": stamp(registered), "first_given_at": stamp(firstGiven)}
	check := func(how string, v map[string]any) {
		t.Helper()
		consent, _ := v["consent"].(map[string]any)
		if v["created_at"] != want["created_at"] || consent["first_given_at"] != want["first_given_at"] || consent["matching"] != true {
			t.Errorf("%s: created_at %v, consent %v; want %v and consent given", how, v["created_at"], consent, want)
		}
	}
	check("view", h.call(t, "service", "GET", "/internal/v1/candidates/"+id, nil).must(t, 200).body)
	check("page", h.call(t, "service", "GET", "/internal/v1/candidates/views", nil).must(t, 200).items()[0])
	check("stream", streamLines(t, h.call(t, "service", "GET", "/internal/v1/candidates/views", nil, "Accept", "application/x-ndjson").must(t, 200))[id])

	if at := h.auditEntry(t, id, "create")["at"]; at != stamp(registered) {
		t.Errorf("the registration's audit entry is at %v, want %s", at, stamp(registered))
	}
	if at := h.auditEntry(t, id, "consent")["at"]; at != stamp(now) {
		t.Errorf("the last consent's audit entry is at %v, want %s", at, stamp(now))
	}
	events := h.streamEvents(t)
	if len(events) != 4 || !events[0].envelope.OccurredAt.Equal(registered) || !events[3].envelope.OccurredAt.Equal(now) {
		t.Errorf("events: %d, want 4 from %s to %s on the service's clock", len(events), registered, now)
	}
}

// stamp is t as the API writes it.
func stamp(t time.Time) string { return t.UTC().Format(time.RFC3339Nano) }
