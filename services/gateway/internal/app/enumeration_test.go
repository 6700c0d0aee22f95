package app_test

import (
	"net/http"
	"slices"
	"testing"

	"github.com/onward-jobs/onward/services/gateway/internal/gatewaytest"
)

// TestSignupAnswersAlikeForNewAndExistingAddress signs up twice with one
// address: both answers are the same, so sign-up tells nobody which
// addresses have an account, and the second changes nothing.
func TestSignupAnswersAlikeForNewAndExistingAddress(t *testing.T) {
	t.Parallel()
	g := gatewaytest.Start(t, nil)
	first := signup(t, g, "Café De Hoek", "ana@hoek.be", strongPassword)
	again := signup(t, g, "Probe Ltd", "ANA@hoek.be", "another-long-passphrase-77")
	if first.Status != http.StatusAccepted || again.Status != first.Status ||
		again.Header.Get("Content-Type") != first.Header.Get("Content-Type") || !slices.Equal(keys(first.Body), keys(again.Body)) {
		t.Fatalf("new address: %d %s\nexisting address: %d %s", first.Status, first.Raw, again.Status, again.Raw)
	}
	// The owner's account is untouched and the prober got nothing.
	login(t, g, "ana@hoek.be", strongPassword)
	call(t, g, "POST", "/api/v1/auth/login", "", map[string]string{"email": "ana@hoek.be", "password": "another-long-passphrase-77"}).expect(t, http.StatusUnauthorized)
}

// TestInvitationDoesNotRevealAnExistingAccount invites an address that
// already has an account, from another organisation: the inviter gets the
// same answer as for a new address.
func TestInvitationDoesNotRevealAnExistingAccount(t *testing.T) {
	t.Parallel()
	g := gatewaytest.Start(t, nil)
	signupEmployer(t, g, "staff@house.be")
	orgID := signupEmployer(t, g, "prober@cafe.be")
	token, _ := login(t, g, "prober@cafe.be", strongPassword)
	fresh := invite(t, g, token, orgID, "nobody-yet@house.be")
	taken := invite(t, g, token, orgID, "staff@house.be")
	if fresh.Status != http.StatusCreated || taken.Status != fresh.Status || !slices.Equal(keys(fresh.Body), keys(taken.Body)) {
		t.Fatalf("new address: %d %s\nexisting address: %d %s", fresh.Status, fresh.Raw, taken.Status, taken.Raw)
	}
}

// TestSignupAndInvitationsAreRateLimited bounds sign-ups per client address
// and invitations per client address and per organisation.
func TestSignupAndInvitationsAreRateLimited(t *testing.T) {
	t.Parallel()
	g := gatewaytest.Start(t, map[string]string{"SIGNUP_IP_LIMIT": "2", "INVITE_IP_LIMIT": "4", "INVITE_ORG_LIMIT": "2"})
	cafe := signupEmployer(t, g, "one@cafe.be")
	signup(t, g, "Twice", "two@cafe.be", strongPassword).expect(t, http.StatusAccepted)
	retryAfter(t, signup(t, g, "Thrice", "three@cafe.be", strongPassword).expect(t, http.StatusTooManyRequests))

	admin, _ := login(t, g, g.AdminEmail, gatewaytest.AdminPassword)
	house := call(t, g, "POST", "/api/v1/organisations", admin, map[string]string{"name": "Huis Gent", "kind": "programme", "programme_type": "detention_house"}).expect(t, http.StatusCreated).str("id")
	invite(t, g, admin, cafe, "a@cafe.be").expect(t, http.StatusCreated)
	invite(t, g, admin, cafe, "b@cafe.be").expect(t, http.StatusCreated)
	retryAfter(t, invite(t, g, admin, cafe, "c@cafe.be").expect(t, http.StatusTooManyRequests)) // the organisation's limit
	invite(t, g, admin, house, "d@house.be").expect(t, http.StatusCreated)
	retryAfter(t, invite(t, g, admin, house, "e@house.be").expect(t, http.StatusTooManyRequests)) // the address's limit
}

func signup(t *testing.T, g *gatewaytest.Gateway, org, email, password string) apiResponse {
	t.Helper()
	return call(t, g, "POST", "/api/v1/auth/signup", "", map[string]string{"organisation_name": org, "name": "Ana Peeters", "email": email, "password": password})
}

func invite(t *testing.T, g *gatewaytest.Gateway, token, orgID, email string) apiResponse {
	t.Helper()
	return call(t, g, "POST", "/api/v1/organisations/"+orgID+"/invitations", token, map[string]string{"email": email, "role": "member"})
}

func keys(m map[string]any) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}
