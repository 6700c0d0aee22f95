package app_test

import (
	"net/http"
	"slices"
	"testing"

	"github.com/onward-jobs/onward/services/gateway/internal/gatewaytest"
)

// TestRecipientsAPI: the notifications service reads a user's address and
// language, and an organisation's active members; user tokens and other
// services are refused.
func TestRecipientsAPI(t *testing.T) {
	t.Parallel()
	g := gatewaytest.Start(t, nil)
	cafe := signupEmployer(t, g, "boss@cafe.be")
	boss, _ := login(t, g, "boss@cafe.be", strongPassword)
	bossID := call(t, g, "GET", "/api/v1/me", boss, nil).str("user.id")
	waiterID := join(t, g, boss, cafe, "waiter@cafe.be", "member")
	goneID := join(t, g, boss, cafe, "gone@cafe.be", "member")
	call(t, g, "POST", "/api/v1/users/"+goneID+"/deactivation", boss, nil).expect(t, http.StatusOK)
	waiter, _ := login(t, g, "waiter@cafe.be", strongPassword)
	call(t, g, "PATCH", "/api/v1/me", waiter, map[string]string{"language": "fr"}).expect(t, http.StatusOK)

	notifications := serviceToken(t, g, "notifications", "gateway")
	r := call(t, g, "GET", "/internal/v1/users/"+waiterID+"/recipient", notifications, nil).expect(t, http.StatusOK)
	if r.str("user_id") != waiterID || r.str("email") != "waiter@cafe.be" || r.str("language") != "fr" ||
		r.str("organisation_id") != cafe || r.str("role") != "member" || r.Body["active"] != true {
		t.Fatalf("recipient: %s", r.Raw)
	}
	if r := call(t, g, "GET", "/internal/v1/users/"+goneID+"/recipient", notifications, nil).expect(t, http.StatusOK); r.Body["active"] != false {
		t.Fatalf("a deactivated recipient: %s", r.Raw)
	}
	list := call(t, g, "GET", "/internal/v1/organisations/"+cafe+"/recipients", notifications, nil).expect(t, http.StatusOK)
	ids := list.names("user_id")
	slices.Sort(ids)
	want := []string{bossID, waiterID}
	slices.Sort(want)
	if !slices.Equal(ids, want) || list.items()[0]["email"] == "" || list.items()[0]["language"] == "" {
		t.Fatalf("recipients: %s", list.Raw)
	}
	call(t, g, "GET", "/internal/v1/users/nope/recipient", notifications, nil).expect(t, http.StatusNotFound)
	call(t, g, "GET", "/internal/v1/organisations/nope/recipients", notifications, nil).expect(t, http.StatusNotFound)

	matching := serviceToken(t, g, "matching", "gateway")
	for _, token := range []string{boss, matching} {
		call(t, g, "GET", "/internal/v1/users/"+waiterID+"/recipient", token, nil).expect(t, http.StatusForbidden)
		call(t, g, "GET", "/internal/v1/organisations/"+cafe+"/recipients", token, nil).expect(t, http.StatusForbidden)
	}
	call(t, g, "GET", "/internal/v1/users/"+waiterID+"/recipient", "", nil).expect(t, http.StatusUnauthorized)
	// A token meant for another service is not one for the gateway.
	call(t, g, "GET", "/internal/v1/users/"+waiterID+"/recipient", serviceToken(t, g, "notifications", "employers"), nil).expect(t, http.StatusUnauthorized)
}

// TestUserLanguage: a language chosen at sign-up or on accepting an
// invitation, English otherwise, shown and changed through /me; anything
// but en, nl, fr and de is refused naming the field.
func TestUserLanguage(t *testing.T) {
	t.Parallel()
	g := gatewaytest.Start(t, nil)
	call(t, g, "POST", "/api/v1/auth/signup", "", map[string]string{
		"organisation_name": "Koffie", "name": "Jan", "email": "jan@koffie.be", "password": strongPassword, "language": "nl",
	}).expect(t, http.StatusAccepted)
	jan, _ := login(t, g, "jan@koffie.be", strongPassword)
	if got := call(t, g, "GET", "/api/v1/me", jan, nil).str("user.language"); got != "nl" {
		t.Fatalf("language after sign-up: %q", got)
	}
	bad := call(t, g, "POST", "/api/v1/auth/signup", "", map[string]string{
		"organisation_name": "X", "name": "Y", "email": "y@x.be", "password": strongPassword, "language": "es",
	}).expect(t, http.StatusBadRequest)
	if !slices.Contains(bad.fieldErrors(), "language") {
		t.Fatalf("sign-up with language es: %s", bad.Raw)
	}
	if got := call(t, g, "PATCH", "/api/v1/me", jan, map[string]string{"language": "de"}).expect(t, http.StatusOK).str("user.language"); got != "de" {
		t.Fatalf("language after PATCH: %q", got)
	}
	for _, body := range []any{map[string]string{"language": "xx"}, map[string]string{}, map[string]any{"language": 3}} {
		r := call(t, g, "PATCH", "/api/v1/me", jan, body).expect(t, http.StatusBadRequest)
		if !slices.Equal(r.fieldErrors(), []string{"language"}) {
			t.Fatalf("PATCH %v: %s", body, r.Raw)
		}
	}
	call(t, g, "PATCH", "/api/v1/me", "", map[string]string{"language": "de"}).expect(t, http.StatusUnauthorized)

	cafe := signupEmployer(t, g, "boss@cafe.be")
	boss, _ := login(t, g, "boss@cafe.be", strongPassword)
	if got := call(t, g, "GET", "/api/v1/me", boss, nil).str("user.language"); got != "en" {
		t.Fatalf("default language: %q", got)
	}
	token := invite(t, g, boss, cafe, "amelie@cafe.be").expect(t, http.StatusCreated).str("token")
	acc := call(t, g, "POST", "/api/v1/invitations/"+token+"/accept", "", map[string]string{"name": "Amélie", "password": strongPassword, "language": "fr"}).expect(t, http.StatusCreated)
	if acc.str("user.language") != "fr" {
		t.Fatalf("accepted invitation: %s", acc.Raw)
	}
}
