package http

import (
	"slices"
	"testing"
)

// TestRecordRolePlacement: the placements service counts hires on a role,
// once per placement; the count shows in the public role; the role
// becomes filled when every position is taken, with role.changed; a draft
// or closed role refuses a hire; only services may call.
func TestRecordRolePlacement(t *testing.T) {
	h := newHarness(t)
	body := barista()
	body["status"], body["positions"] = "open", 2
	id := h.create(t, "A", body).str("id")
	path := "/internal/v1/roles/" + id + "/placements"
	before := len(h.streamEvents(t, h.roles))

	first := h.call(t, "service", "POST", path, map[string]any{"placement_id": "pl-1"})
	if first.status != 200 || first.body["filled"] != float64(1) || first.str("status") != "open" || first.version() != 2 {
		t.Fatalf("first hire: %d %v", first.status, first.body)
	}
	again := h.call(t, "service", "POST", path, map[string]any{"placement_id": "pl-1"})
	if again.status != 200 || again.body["filled"] != float64(1) || again.version() != 2 {
		t.Fatalf("the same hire again: %d %v", again.status, again.body)
	}
	if got := h.call(t, "A", "GET", "/api/v1/roles/"+id, nil); got.body["filled"] != float64(1) {
		t.Fatalf("the public role: %v", got.body)
	}
	second := h.call(t, "service", "POST", path, map[string]any{"placement_id": "pl-2"})
	if second.status != 200 || second.body["filled"] != float64(2) || second.str("status") != "filled" || second.version() != 3 {
		t.Fatalf("second hire: %d %v", second.status, second.body)
	}
	var versions []int64
	for _, e := range h.streamEvents(t, h.roles)[before:] {
		if e.AggregateID == id {
			versions = append(versions, e.Version)
		}
	}
	if !slices.Equal(versions, []int64{2, 3}) {
		t.Fatalf("role events at versions %v, want [2 3]", versions)
	}

	if f := h.call(t, "service", "POST", path, map[string]any{}); f.status != 400 || !slices.Equal(f.fields(), []string{"placement_id"}) {
		t.Fatalf("without a placement id: %d %v", f.status, f.body)
	}
	if got := h.call(t, "service", "POST", "/internal/v1/roles/nope/placements", map[string]any{"placement_id": "pl-3"}); got.status != 404 {
		t.Fatalf("unknown role: %d", got.status)
	}
	for _, who := range []string{"A", "staff", "admin"} {
		if got := h.call(t, who, "POST", path, map[string]any{"placement_id": "pl-3"}); got.status != 403 {
			t.Fatalf("%s: %d, want 403", who, got.status)
		}
	}
	draft := h.create(t, "A", barista()).str("id")
	if got := h.call(t, "service", "POST", "/internal/v1/roles/"+draft+"/placements", map[string]any{"placement_id": "pl-4"}); got.status != 409 {
		t.Fatalf("a draft role: %d %v", got.status, got.body)
	}
	if got := h.call(t, "A", "POST", "/api/v1/roles/"+draft+"/status", map[string]any{"status": "closed"}); got.status != 200 {
		t.Fatalf("close: %d %v", got.status, got.body)
	}
	if got := h.call(t, "service", "POST", "/internal/v1/roles/"+draft+"/placements", map[string]any{"placement_id": "pl-4"}); got.status != 409 {
		t.Fatalf("a closed role: %d %v", got.status, got.body)
	}
}
