package http

import (
	"sync"
	"testing"
)

// openBarista returns barista() posted open at site (a place id, or a
// named point when lat and lon are given).
func openBarista(site map[string]any) map[string]any {
	b := barista()
	b["status"], b["site"] = "open", site
	return b
}

// nearKortrijk is a named site about 10 km from Kortrijk's centre.
var nearKortrijk = map[string]any{"name": "Roastery near Kortrijk", "lat": 50.90, "lon": 3.32}

// wantCapRefusal fails the test unless a is the role cap's 409 naming
// the default limit and radius.
func wantCapRefusal(t *testing.T, what string, a answer) {
	t.Helper()
	if a.status != 409 || a.ctype != "application/problem+json" || a.str("type") != "/problems/role-cap-reached" ||
		a.body["limit"] != float64(3) || a.body["radius_km"] != float64(30) {
		t.Fatalf("%s: %d %s %v; want the role cap's 409", what, a.status, a.ctype, a.body)
	}
}

// TestRoleCapPerOccupationAndArea: an employer holds at most three open
// roles of one occupation within 30 km; the fourth is refused whether it
// is created open, published, reopened or moved there by an edit, while
// another area, another occupation, a remote role, a draft and another
// employer are not counted, and closing one frees a place.
func TestRoleCapPerOccupationAndArea(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	first := h.create(t, "A", openBarista(map[string]any{"place_id": kortrijk})).str("id")
	h.create(t, "A", openBarista(map[string]any{"place_id": kortrijk}))
	h.create(t, "A", openBarista(nearKortrijk))
	wantCapRefusal(t, "a fourth open barista role 10 km away", h.call(t, "A", "POST", "/api/v1/roles", openBarista(nearKortrijk)))

	gentRole := h.create(t, "A", openBarista(map[string]any{"place_id": gent}))
	waiter := openBarista(map[string]any{"place_id": kortrijk})
	waiter["occupation"] = "waiter"
	h.create(t, "A", waiter)
	remote := openBarista(map[string]any{"place_id": kortrijk})
	remote["remote"] = true
	h.create(t, "A", remote)
	h.create(t, "B", openBarista(map[string]any{"place_id": kortrijk}))
	draft := openBarista(map[string]any{"place_id": kortrijk})
	draft["status"] = "draft"
	draftID := h.create(t, "A", draft).str("id")

	wantCapRefusal(t, "publishing a draft", h.call(t, "A", "POST", "/api/v1/roles/"+draftID+"/status", map[string]any{"status": "open"}))
	wantCapRefusal(t, "moving the Gent role to Kortrijk", h.call(t, "A", "PATCH", "/api/v1/roles/"+gentRole.str("id"),
		map[string]any{"version": gentRole.version(), "site": map[string]any{"place_id": kortrijk}}))

	h.setStatus(t, first, map[string]any{"status": "closed"}, 200)
	h.setStatus(t, draftID, map[string]any{"status": "open"}, 200)
	wantCapRefusal(t, "reopening the closed role", h.call(t, "A", "POST", "/api/v1/roles/"+first+"/status", map[string]any{"status": "open"}))
}

// TestRoleCapHoldsUnderParallelCreations: of eight open roles created at
// once in one area, three are created and five refused.
func TestRoleCapHoldsUnderParallelCreations(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	var wg sync.WaitGroup
	statuses := make([]int, 8)
	for i := range statuses {
		wg.Add(1)
		go func() {
			defer wg.Done()
			statuses[i] = h.call(t, "A", "POST", "/api/v1/roles", openBarista(map[string]any{"place_id": kortrijk})).status
		}()
	}
	wg.Wait()
	created, refused := 0, 0
	for _, s := range statuses {
		switch s {
		case 201:
			created++
		case 409:
			refused++
		}
	}
	open := len(h.call(t, "A", "GET", "/api/v1/roles?status=open", nil).items())
	if created != 3 || refused != 5 || open != 3 {
		t.Fatalf("answers %v, %d open; want 3 created, 5 refused, 3 open", statuses, open)
	}
}
