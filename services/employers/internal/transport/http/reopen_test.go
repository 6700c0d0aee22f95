package http

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"
)

// setStatus moves a role as A and fails the test unless it answers want.
func (h *harness) setStatus(t *testing.T, id string, body map[string]any, want int) answer {
	t.Helper()
	a := h.call(t, "A", "POST", "/api/v1/roles/"+id+"/status", body)
	if a.status != want {
		t.Fatalf("status %v: %d %v; want %d", body, a.status, a.body, want)
	}
	return a
}

func (a answer) strings(key string) []string {
	out := []string{}
	list, _ := a.body[key].([]any)
	for _, s := range list {
		out = append(out, s.(string))
	}
	return out
}

// TestReopenWithinSevenDays: a filled or closed role may go back to its
// previous status, or to open, for seven days; the role says until when,
// and reopening publishes role.changed like any change.
func TestReopenWithinSevenDays(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	start := time.Now().UTC()
	h.svc.Now = func() time.Time { return start }
	body := barista()
	body["status"] = "open"
	id := h.create(t, "A", body).str("id")
	if a := h.call(t, "A", "GET", "/api/v1/roles/"+id, nil); a.body["reopen_until"] != nil ||
		!slices.Equal(a.strings("next_statuses"), []string{"paused", "filled", "closed"}) {
		t.Fatalf("open role: %v", a.body)
	}
	filled := h.setStatus(t, id, map[string]any{"status": "filled"}, 200)
	until, err := time.Parse(time.RFC3339, filled.str("reopen_until"))
	if err != nil || until.Sub(start).Round(time.Second) != 7*24*time.Hour {
		t.Fatalf("reopen_until %q, %v; want seven days after %s", filled.str("reopen_until"), err, start)
	}
	if !slices.Equal(filled.strings("next_statuses"), []string{"open"}) || filled.str("status_changed_at") == "" {
		t.Fatalf("filled role: %v", filled.body)
	}
	h.svc.Now = func() time.Time { return start.Add(7*24*time.Hour - time.Minute) }
	if a := h.call(t, "A", "POST", "/api/v1/roles/"+id+"/status", map[string]any{"status": "paused"}); a.status != 409 ||
		!slices.Equal(a.strings("allowed"), []string{"open"}) || a.str("type") != "/problems/conflict" {
		t.Fatalf("reopen of a role filled from open to paused: %d %v", a.status, a.body)
	}
	open := h.setStatus(t, id, map[string]any{"status": "open", "version": 2}, 200)
	if open.str("status") != "open" || open.version() != 3 || open.body["reopen_until"] != nil {
		t.Fatalf("reopened: %v", open.body)
	}
	evs := h.streamEvents(t, h.roles)
	if last := evs[len(evs)-1]; len(evs) != 3 || last.Type != "role.changed" || last.AggregateID != id || last.Version != 3 {
		t.Fatalf("events: %+v; want role.changed at version 3 last", evs)
	}
	if a := h.call(t, "staff", "GET", "/api/v1/roles/"+id, nil); a.status != 200 {
		t.Fatalf("staff see the reopened role: %d", a.status)
	}

	// A paused role closed goes back to paused, or to open.
	h.setStatus(t, id, map[string]any{"status": "paused"}, 200)
	closed := h.setStatus(t, id, map[string]any{"status": "closed"}, 200)
	if !slices.Equal(closed.strings("next_statuses"), []string{"paused", "open"}) {
		t.Fatalf("closed from paused: %v", closed.body)
	}
	if a := h.setStatus(t, id, map[string]any{"status": "paused"}, 200); a.version() != 6 {
		t.Fatalf("back to paused: %v", a.body)
	}
	// A draft closed goes back to draft; filled is not a reopening.
	draft := h.create(t, "A", barista()).str("id")
	h.setStatus(t, draft, map[string]any{"status": "closed"}, 200)
	if a := h.call(t, "A", "POST", "/api/v1/roles/"+draft+"/status", map[string]any{"status": "filled"}); a.status != 409 {
		t.Fatalf("closed → filled: %d %v", a.status, a.body)
	}
	h.setStatus(t, draft, map[string]any{"status": "draft"}, 200)
}

// TestReopenAfterSevenDays: once the window has passed, the role is final
// and a reopening answers 409 saying why and when the window ended.
func TestReopenAfterSevenDays(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	start := time.Now().UTC()
	h.svc.Now = func() time.Time { return start }
	id := h.create(t, "A", barista()).str("id")
	h.setStatus(t, id, map[string]any{"status": "open"}, 200)
	h.setStatus(t, id, map[string]any{"status": "closed"}, 200)
	h.svc.Now = func() time.Time { return start.Add(7 * 24 * time.Hour) }
	if a := h.call(t, "A", "GET", "/api/v1/roles/"+id, nil); a.body["reopen_until"] != nil || len(a.strings("next_statuses")) != 0 {
		t.Fatalf("closed role after the window: %v", a.body)
	}
	a := h.call(t, "A", "POST", "/api/v1/roles/"+id+"/status", map[string]any{"status": "open"})
	ended, err := time.Parse(time.RFC3339, a.str("reopen_ended"))
	if a.status != 409 || a.ctype != "application/problem+json" || a.str("type") != "/problems/reopen-window-passed" ||
		len(a.strings("allowed")) != 0 || !strings.Contains(a.str("detail"), "only within 7 days") || err != nil ||
		ended.Sub(start).Round(time.Second) != 7*24*time.Hour {
		t.Fatalf("reopen after seven days: %d %v", a.status, a.body)
	}
	if evs := h.streamEvents(t, h.roles); len(evs) != 3 {
		t.Fatalf("a refused reopening published: %+v", evs)
	}
}

// TestReopenAutoClosedRole: a role closed because its closing date passed
// is reopened with a later closing date in the same request.
func TestReopenAutoClosedRole(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	body := barista()
	body["status"] = "open"
	body["closing_date"] = time.Now().UTC().Format(time.DateOnly)
	id := h.create(t, "A", body).str("id")
	tomorrow := time.Now().Add(24 * time.Hour)
	h.svc.Now = func() time.Time { return tomorrow }
	if n, err := h.svc.CloseExpired(context.Background()); err != nil || n != 1 {
		t.Fatalf("auto-close: %d %v", n, err)
	}
	if a := h.call(t, "A", "POST", "/api/v1/roles/"+id+"/status", map[string]any{"status": "open"}); a.status != 400 ||
		!slices.Equal(a.fields(), []string{"closing_date"}) {
		t.Fatalf("reopen with the passed closing date: %d %v", a.status, a.body)
	}
	later := tomorrow.AddDate(0, 0, 14).UTC().Format(time.DateOnly)
	a := h.setStatus(t, id, map[string]any{"status": "open", "closing_date": later}, 200)
	if a.str("closing_date") != later || a.str("status") != "open" {
		t.Fatalf("reopened with a later closing date: %v", a.body)
	}
	if n, _ := h.svc.CloseExpired(context.Background()); n != 0 {
		t.Fatalf("the reopened role was closed again")
	}
}
