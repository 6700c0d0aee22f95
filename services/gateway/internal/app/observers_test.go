package app_test

import (
	"encoding/base64"
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/onward-jobs/onward/services/gateway/internal/gatewaytest"
)

// TestObserverOrganisation covers the observer kind end to end at the
// gateway: a platform admin creates one (born verified, without a
// programme type, never vetted), its people join by invitation as in any
// organisation, their tokens carry the kind, and the list filter finds it.
func TestObserverOrganisation(t *testing.T) {
	t.Parallel()
	g := gatewaytest.Start(t, nil)
	admin, _ := login(t, g, g.AdminEmail, gatewaytest.AdminPassword)

	bad := call(t, g, "POST", "/api/v1/organisations", admin, map[string]string{
		"name": "Kortrijk city", "kind": "observer", "programme_type": "probation_service",
	}).expect(t, http.StatusBadRequest)
	if f := bad.fieldErrors(); len(f) != 1 || f[0] != "programme_type" {
		t.Fatalf("observer with a programme type: %s", bad.Raw)
	}
	city := call(t, g, "POST", "/api/v1/organisations", admin, map[string]string{"name": "Kortrijk city", "kind": "observer"}).
		expect(t, http.StatusCreated)
	cityID := city.str("id")
	if city.str("kind") != "observer" || city.str("status") != "verified" || city.Body["programme_type"] != nil && city.str("programme_type") != "" {
		t.Fatalf("observer organisation: %s", city.Raw)
	}
	// Vetting is for employers only.
	call(t, g, "POST", "/api/v1/organisations/"+cityID+"/verify", admin, map[string]any{"register_country": "BE", "register_number": "0123.456.789", "contact_name": "Ana", "contacted_on": "2026-11-20"}).
		expect(t, http.StatusConflict)
	call(t, g, "POST", "/api/v1/organisations/"+cityID+"/suspend", admin, map[string]string{"reason": "test"}).
		expect(t, http.StatusConflict)

	join(t, g, admin, cityID, "analyst@kortrijk.be", "org_admin")
	analyst, _ := login(t, g, "analyst@kortrijk.be", strongPassword)
	if kind := orgKindClaim(t, analyst); kind != "observer" {
		t.Fatalf("token org_kind = %q, want observer", kind)
	}
	if r := call(t, g, "GET", "/api/v1/me", analyst, nil).expect(t, http.StatusOK); r.str("organisation.kind") != "observer" || r.str("role") != "org_admin" {
		t.Fatalf("observer me: %s", r.Raw)
	}
	join(t, g, analyst, cityID, "aide@kortrijk.be", "member")
	aide, _ := login(t, g, "aide@kortrijk.be", strongPassword)
	if members := call(t, g, "GET", "/api/v1/organisations/"+cityID+"/members", aide, nil).expect(t, http.StatusOK).names("email"); len(members) != 2 {
		t.Fatalf("observer members: %v", members)
	}
	// An observer creates no organisation and lists none but its own.
	call(t, g, "POST", "/api/v1/organisations", analyst, map[string]string{"name": "Mine", "kind": "observer"}).expect(t, http.StatusForbidden)
	call(t, g, "GET", "/api/v1/organisations", analyst, nil).expect(t, http.StatusForbidden)

	newProgramme(t, g, admin, "Kortrijk house")
	listed := call(t, g, "GET", "/api/v1/organisations?kind=observer", admin, nil).expect(t, http.StatusOK).names("name")
	if len(listed) != 1 || listed[0] != "Kortrijk city" {
		t.Fatalf("kind=observer lists %v", listed)
	}
}

// orgKindClaim reads the org_kind claim of an access token without
// checking it: the services check it; here we see what was minted.
func orgKindClaim(t *testing.T, token string) string {
	t.Helper()
	parts := strings.Split(token, ".")
	if len(parts) != 3 {
		t.Fatalf("not a JWT: %q", token)
	}
	raw, err := base64.RawURLEncoding.DecodeString(parts[1])
	if err != nil {
		t.Fatal(err)
	}
	var c struct {
		OrgKind string `json:"org_kind"`
	}
	if err := json.Unmarshal(raw, &c); err != nil {
		t.Fatal(err)
	}
	return c.OrgKind
}
