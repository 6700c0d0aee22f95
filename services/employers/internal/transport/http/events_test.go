package http

import (
	"context"
	"testing"
	"time"
)

func TestOneEventPerRoleChange(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	id := h.create(t, "A", barista()).str("id")
	h.call(t, "A", "PATCH", "/api/v1/roles/"+id, map[string]any{"version": 1, "positions": 2})
	h.call(t, "A", "POST", "/api/v1/roles/"+id+"/status", map[string]any{"status": "open"})
	// Rejected changes publish nothing.
	h.call(t, "A", "PATCH", "/api/v1/roles/"+id, map[string]any{"version": 1, "positions": 4})
	h.call(t, "A", "PATCH", "/api/v1/roles/"+id, map[string]any{"version": 3, "positions": -1})
	h.call(t, "A", "POST", "/api/v1/roles/"+id+"/status", map[string]any{"status": "draft"})
	h.call(t, "B", "POST", "/api/v1/roles/"+id+"/status", map[string]any{"status": "paused"})
	evs := h.streamEvents(t, h.roles)
	if len(evs) != 3 {
		t.Fatalf("%d events; want 3: %+v", len(evs), evs)
	}
	for i, e := range evs {
		if e.Type != "role.changed" || e.AggregateID != id || e.Version != int64(i+1) || e.Producer != "employers" || e.ID == "" {
			t.Errorf("event %d: %+v", i, e)
		}
	}
	if pending, err := h.store.PendingEvents(context.Background(), 100); err != nil || len(pending) != 0 {
		t.Fatalf("published events left pending: %v %v", pending, err)
	}
}

func TestRelayRepublishesPendingEvents(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	h.publisher.fail = true
	id := h.create(t, "A", barista()).str("id")
	h.call(t, "A", "GET", "/api/v1/employers/me", nil)
	if evs := h.streamEvents(t, h.roles); len(evs) != 0 {
		t.Fatalf("published while Redis was down: %v", evs)
	}
	pending, err := h.store.PendingEvents(context.Background(), 100)
	if err != nil || len(pending) != 2 {
		t.Fatalf("pending: %v %v; want the role's and the profile's", pending, err)
	}
	if n, err := h.svc.RelayPending(context.Background(), time.Hour); err != nil || n != 0 {
		t.Fatalf("the relay must leave events younger than the grace period: %d %v", n, err)
	}
	h.publisher.fail = false
	if n, err := h.svc.RelayPending(context.Background(), 0); err != nil || n != 2 {
		t.Fatalf("relayed %d, %v; want 2", n, err)
	}
	roles, profiles := h.streamEvents(t, h.roles), h.streamEvents(t, h.profiles)
	if len(roles) != 1 || roles[0].AggregateID != id || roles[0].ID != pending[0].ID || len(profiles) != 1 || profiles[0].AggregateID != "emp-a" {
		t.Fatalf("relayed events: %+v %+v", roles, profiles)
	}
	if n, _ := h.svc.RelayPending(context.Background(), 0); n != 0 {
		t.Fatalf("relayed %d events twice", n)
	}
}
