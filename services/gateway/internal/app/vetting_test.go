package app_test

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/onward-jobs/onward/pkg/testkit"
	"github.com/onward-jobs/onward/services/gateway/internal/gatewaytest"
)

// reachedUpstream answers every proxied request with the service's name.
func reachedUpstream(t *testing.T, name string) *httptest.Server {
	s := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = io.WriteString(w, `{"from":"`+name+`"}`)
	}))
	t.Cleanup(s.Close)
	return s
}

// gated lists one path of each kind the gate guards.
var gated = []string{"/api/v1/roles/r1/shortlist", "/api/v1/roles/r1/introductions", "/api/v1/introductions", "/api/v1/placements/p1",
	"/api/v1/followups", "/api/v1/disclosures/d1"}

// expectGate checks that every gated path answers want (a problem type,
// or "" for reaching the upstream) to token.
func expectGate(t *testing.T, g *gatewaytest.Gateway, token, want string) {
	t.Helper()
	for _, path := range gated {
		r := call(t, g, "GET", path, token, nil)
		switch {
		case want == "" && (r.Status != http.StatusOK || r.str("from") == ""):
			t.Errorf("%s: %d %s, want the upstream", path, r.Status, r.Raw)
		case want != "" && (r.Status != http.StatusForbidden || r.str("type") != want || !r.isProblem()):
			t.Errorf("%s: %d %s, want 403 %s", path, r.Status, r.Raw, want)
		}
	}
}

// TestEmployerVetting: a new employer is pending and kept from the gated
// routes (not from its roles); only a platform admin verifies it, with a
// register number checked per country; a suspension closes the gated
// routes at once and announces itself on the gateway's stream, and the
// services read the status through the internal API.
func TestEmployerVetting(t *testing.T) {
	t.Parallel()
	stream := testkit.UniqueName(t, "onward.gateway")
	emp, cand, match, place := reachedUpstream(t, "employers"), reachedUpstream(t, "candidates"), reachedUpstream(t, "matching"), reachedUpstream(t, "placements")
	g := gatewaytest.Start(t, map[string]string{"EMPLOYERS_URL": emp.URL, "CANDIDATES_URL": cand.URL, "MATCHING_URL": match.URL,
		"PLACEMENTS_URL": place.URL, "GATEWAY_STREAM": stream})
	admin, _ := login(t, g, g.AdminEmail, gatewaytest.AdminPassword)
	orgID := signupEmployer(t, g, "boss@roastery.be")
	boss, _ := login(t, g, "boss@roastery.be", strongPassword)

	if r := call(t, g, "GET", "/api/v1/me", boss, nil).expect(t, http.StatusOK); r.str("organisation.status") != "pending" {
		t.Fatalf("new employer: %s", r.Raw)
	}
	expectGate(t, g, boss, "/problems/organisation-not-verified")
	if r := call(t, g, "GET", "/api/v1/roles/r1", boss, nil); r.str("from") != "employers" {
		t.Fatalf("a pending employer's own role: %s", r.Raw)
	}
	pending := call(t, g, "GET", "/api/v1/organisations?status=pending", admin, nil).expect(t, http.StatusOK)
	if ids := pending.names("id"); !slices.Contains(ids, orgID) {
		t.Fatalf("pending list: %s", pending.Raw)
	}
	call(t, g, "GET", "/api/v1/organisations?status=sleepy", admin, nil).expect(t, http.StatusBadRequest)
	house := newProgramme(t, g, admin, "House")
	if r := call(t, g, "GET", "/api/v1/organisations/"+house, admin, nil); r.str("status") != "verified" {
		t.Fatalf("a programme: %s", r.Raw)
	}

	checks := map[string]string{"register_country": "BE", "register_number": "0123.456.789", "contact_name": "Ana Peeters", "contacted_on": "2026-12-01", "notes": "Called the shop."}
	call(t, g, "POST", "/api/v1/organisations/"+orgID+"/verify", boss, checks).expect(t, http.StatusForbidden)
	bad := map[string]string{"register_country": "NL", "register_number": "0123.456.789", "contact_name": "Ana Peeters", "contacted_on": "2026-12-01"}
	if f := call(t, g, "POST", "/api/v1/organisations/"+orgID+"/verify", admin, bad).expect(t, http.StatusBadRequest).fieldErrors(); !slices.Equal(f, []string{"register_number"}) {
		t.Fatalf("a Belgian number for a Dutch register: %v", f)
	}
	call(t, g, "POST", "/api/v1/organisations/missing/verify", admin, checks).expect(t, http.StatusNotFound)
	v := call(t, g, "POST", "/api/v1/organisations/"+orgID+"/verify", admin, checks).expect(t, http.StatusOK)
	if v.str("status") != "verified" || v.str("verification.register_number") != "0123456789" || v.str("verification.verified_by") == "" || v.str("verification.verified_at") == "" {
		t.Fatalf("verified: %s", v.Raw)
	}
	call(t, g, "POST", "/api/v1/organisations/"+orgID+"/verify", admin, checks).expect(t, http.StatusConflict)
	if r := call(t, g, "GET", "/api/v1/organisations/"+orgID, boss, nil); r.str("status") != "verified" || r.Body["verification"] != nil {
		t.Fatalf("the employer sees its status but not the checks: %s", r.Raw)
	}
	expectGate(t, g, boss, "")

	call(t, g, "POST", "/api/v1/organisations/"+orgID+"/suspend", boss, map[string]string{"reason": "x"}).expect(t, http.StatusForbidden)
	if f := call(t, g, "POST", "/api/v1/organisations/"+orgID+"/suspend", admin, map[string]string{"reason": " "}).expect(t, http.StatusBadRequest).fieldErrors(); !slices.Equal(f, []string{"reason"}) {
		t.Fatalf("empty reason: %v", f)
	}
	call(t, g, "POST", "/api/v1/organisations/"+orgID+"/suspend", admin, map[string]string{"reason": "Complaints from two programmes"}).expect(t, http.StatusOK)
	expectGate(t, g, boss, "/problems/organisation-suspended")
	call(t, g, "POST", "/api/v1/organisations/"+orgID+"/reinstate", boss, nil).expect(t, http.StatusForbidden)
	if r := call(t, g, "POST", "/api/v1/organisations/"+orgID+"/reinstate", admin, nil).expect(t, http.StatusOK); r.str("status") != "verified" {
		t.Fatalf("reinstated: %s", r.Raw)
	}
	call(t, g, "POST", "/api/v1/organisations/"+orgID+"/reinstate", admin, nil).expect(t, http.StatusConflict)
	expectGate(t, g, boss, "")

	// Three changes, three events: ids and versions only.
	rdb := testkit.Redis(t)
	var entries []string
	deadline := time.Now().Add(5 * time.Second)
	for time.Now().Before(deadline) {
		msgs, err := rdb.XRange(context.Background(), stream, "-", "+").Result()
		if err != nil {
			t.Fatal(err)
		}
		entries = entries[:0]
		for _, m := range msgs {
			for _, v := range m.Values {
				entries = append(entries, v.(string))
			}
		}
		if len(entries) >= 3 {
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	if len(entries) != 3 {
		t.Fatalf("events on %s: %v", stream, entries)
	}
	for i, raw := range entries {
		var e struct {
			Version int64 `json:"version"`
		}
		_ = json.Unmarshal([]byte(raw), &e)
		if !strings.Contains(raw, `"type":"organisation.status_changed"`) || !strings.Contains(raw, `"aggregate_id":"`+orgID+`"`) || e.Version != int64(i+2) ||
			strings.Contains(raw, "Complaints") || strings.Contains(raw, "Ana") {
			t.Errorf("event %d: %s", i, raw)
		}
	}

	// The services read the status with their tokens; users may not.
	internal := "/internal/v1/organisations/" + orgID
	r := call(t, g, "GET", internal, serviceToken(t, g, "employers", "gateway"), nil).expect(t, http.StatusOK)
	if r.str("id") != orgID || r.str("kind") != "employer" || r.str("status") != "verified" || r.Body["version"] != float64(4) ||
		r.str("name") != "Café De Hoek" {
		t.Fatalf("internal status: %s", r.Raw)
	}
	// Insights reads an organisation's kind for the outcome reports.
	if r := call(t, g, "GET", internal, serviceToken(t, g, "insights", "gateway"), nil).expect(t, http.StatusOK); r.str("kind") != "employer" {
		t.Fatalf("internal status for insights: %s", r.Raw)
	}
	call(t, g, "GET", internal, boss, nil).expect(t, http.StatusForbidden)
	call(t, g, "GET", internal, admin, nil).expect(t, http.StatusForbidden)
	call(t, g, "GET", "/internal/v1/organisations/missing", serviceToken(t, g, "placements", "gateway"), nil).expect(t, http.StatusNotFound)
}

// TestSuspensionReachesOtherReplicasWithinTheCache: a replica that did
// not suspend the employer itself keeps its cached status for at most
// ORG_STATUS_CACHE, then refuses the gated routes.
func TestSuspensionReachesOtherReplicasWithinTheCache(t *testing.T) {
	t.Parallel()
	match := reachedUpstream(t, "matching")
	g := gatewaytest.Start(t, map[string]string{"MATCHING_URL": match.URL, "ORG_STATUS_CACHE": "1s"})
	other := gatewaytest.Start(t, map[string]string{"MATCHING_URL": match.URL, "ORG_STATUS_CACHE": "1s",
		"MONGO_DB": g.Config.MongoDB, "ONWARD_KEY_ENCRYPTION_KEY": g.Config.KeyEncryptionKey, "ONWARD_PUBLIC_URL": g.Config.PublicURL})
	admin, _ := login(t, g, g.AdminEmail, gatewaytest.AdminPassword)
	orgID := signupEmployer(t, g, "boss@roastery.be")
	boss, _ := login(t, g, "boss@roastery.be", strongPassword)
	call(t, g, "POST", "/api/v1/organisations/"+orgID+"/verify", admin, map[string]string{
		"register_country": "NL", "register_number": "12345678", "contact_name": "Ana", "contacted_on": "2026-12-01"}).expect(t, http.StatusOK)
	if r := call(t, other, "GET", "/api/v1/roles/r1/shortlist", boss, nil); r.str("from") != "matching" {
		t.Fatalf("verified, through the other replica: %s", r.Raw)
	}
	call(t, g, "POST", "/api/v1/organisations/"+orgID+"/suspend", admin, map[string]string{"reason": "Fraud"}).expect(t, http.StatusOK)
	start := time.Now()
	for {
		r := call(t, other, "GET", "/api/v1/roles/r1/shortlist", boss, nil)
		if r.Status == http.StatusForbidden && r.str("type") == "/problems/organisation-suspended" {
			break
		}
		if time.Since(start) > 3*time.Second {
			t.Fatalf("still served %s after %s", r.Raw, time.Since(start))
		}
		time.Sleep(100 * time.Millisecond)
	}
}
