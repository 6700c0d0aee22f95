package launcher

import (
	"fmt"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/onward-jobs/onward/pkg/api"
)

// revocationDeadline is how long a revoked token may still be accepted
// somewhere: every verifier caches the revocation list for at most two
// seconds, and the rest is slack for a busy machine.
const revocationDeadline = 5 * time.Second

// revokedCase is one way access is taken away, with the token it must
// stop.
type revokedCase struct {
	name, token string
	revoke      func()
}

// TestRevokedTokensRefused takes access away in each way the platform
// offers (logging out, deactivating the user, removing the member,
// changing the member's role) from people made for this test, so the other
// tests' actors stay valid, and expects each of their access tokens to be
// refused with 401 application/problem+json at a route of every service,
// through the gateway and at the service's own port, within
// revocationDeadline. Each token is first seen accepted everywhere, so the
// 401 is the revocation's doing; the sessions are polled, never waited on
// with a fixed sleep. Logging out ends only that sign-in: the same
// person's other session stays valid.
func TestRevokedTokensRefused(t *testing.T) {
	p := stack(t)
	suiteContract(t)
	platform := p.client(t, login(t, p))
	var org api.Organisation
	platform.do("POST", "/api/v1/organisations", map[string]string{"name": "Huis Intrekking", "kind": "programme", "programme_type": "transition_house"}, http.StatusCreated, &org)
	// The platform administrator may invite into, deactivate and remove
	// from any organisation.
	w := &world{t: t, p: p, platform: platform}
	o := &matrixOrg{id: org.ID, kind: "programme", admin: platform}
	member := func() (id, email string, tokens api.Tokens) {
		email = w.invite(o, "member")
		c, tokens := w.signIn(email)
		id, _ = userID(c)
		return id, email, tokens
	}

	_, email, loggedOut := member()
	_, otherSession := w.signIn(email)
	deactivatedID, _, deactivated := member()
	removedID, _, removed := member()
	promotedID, _, promoted := member()
	cases := []revokedCase{
		{"a logged-out session", loggedOut.AccessToken, func() {
			p.client(t, "").do("POST", "/api/v1/auth/logout", map[string]string{"refresh_token": loggedOut.RefreshToken}, http.StatusNoContent, nil)
		}},
		{"a deactivated user", deactivated.AccessToken, func() {
			platform.do("POST", "/api/v1/users/"+deactivatedID+"/deactivation", nil, http.StatusOK, nil)
		}},
		{"a removed member", removed.AccessToken, func() {
			platform.do("DELETE", "/api/v1/organisations/"+org.ID+"/members/"+removedID, nil, http.StatusNoContent, nil)
		}},
		{"a member whose role changed", promoted.AccessToken, func() {
			platform.do("PUT", "/api/v1/organisations/"+org.ID+"/members/"+promotedID+"/role", map[string]string{"role": "org_admin"}, http.StatusOK, nil)
		}},
	}
	for _, c := range cases {
		expectAcceptedEverywhere(t, p, c.name, c.token)
	}
	expectAcceptedEverywhere(t, p, "the logged-out user's other session", otherSession.AccessToken)

	revoked := time.Now()
	for _, c := range cases {
		c.revoke()
	}
	slowest, calls := awaitRefusedEverywhere(t, p, cases, revoked.Add(revocationDeadline))
	expectAcceptedEverywhere(t, p, "the logged-out user's other session", otherSession.AccessToken)
	t.Logf("revocation: %d ways × %d routes × 2 ways in refused within %s of the revocation (%d calls)",
		len(cases), len(tokenTargets), slowest.Round(10*time.Millisecond), calls)
}

// expectAcceptedEverywhere fails the test unless token passes the verifier
// of every target, through the gateway and directly (any answer but 401:
// a 403 is an authenticated caller refused by role).
func expectAcceptedEverywhere(t *testing.T, p *platform, who, token string) {
	t.Helper()
	for _, target := range tokenTargets {
		for _, base := range []string{p.url("gateway"), p.url(target.service)} {
			if status, _, body := bearerCall(t, base+target.path, token); status == http.StatusUnauthorized {
				t.Fatalf("%s: %s%s refuses the token before any revocation: %s", who, base, target.path, body)
			}
		}
	}
}

// awaitRefusedEverywhere calls every target with every case's token, round
// after round, until each answers 401 application/problem+json or the
// deadline passes; it returns the longest any took from the revocation
// (the deadline less revocationDeadline), and the number of calls made. Once refused, a
// token must stay refused.
func awaitRefusedEverywhere(t *testing.T, p *platform, cases []revokedCase, deadline time.Time) (time.Duration, int) {
	t.Helper()
	type pending struct{ who, url, token string }
	var waiting []pending
	for _, c := range cases {
		for _, target := range tokenTargets {
			for _, base := range []string{p.url("gateway"), p.url(target.service)} {
				waiting = append(waiting, pending{c.name, base + target.path, c.token})
			}
		}
	}
	start := deadline.Add(-revocationDeadline)
	var slowest time.Duration
	calls := 0
	last := map[string]string{}
	for len(waiting) > 0 && time.Now().Before(deadline) {
		waiting = slices.DeleteFunc(waiting, func(w pending) bool {
			status, ctype, body := bearerCall(t, w.url, w.token)
			calls++
			if status == http.StatusUnauthorized {
				if !strings.HasPrefix(ctype, "application/problem+json") {
					t.Errorf("%s at %s: 401 as %q, want application/problem+json", w.who, w.url, ctype)
				}
				slowest = max(slowest, time.Since(start))
				return true
			}
			last[w.who+" at "+w.url] = fmt.Sprintf("%d %.120s", status, body)
			return false
		})
		if len(waiting) > 0 {
			time.Sleep(100 * time.Millisecond)
		}
	}
	for _, w := range waiting {
		t.Errorf("%s: %s still accepts the token %s after the revocation (last answer %s)", w.who, w.url, revocationDeadline, last[w.who+" at "+w.url])
	}
	// Refused once, refused for good: a second look at every target.
	for _, c := range cases {
		for _, target := range tokenTargets {
			for _, base := range []string{p.url("gateway"), p.url(target.service)} {
				if status, _, _ := bearerCall(t, base+target.path, c.token); status != http.StatusUnauthorized {
					t.Errorf("%s: %s%s answered %d after refusing the token", c.name, base, target.path, status)
				}
				calls++
			}
		}
	}
	return slowest, calls
}
