package app_test

import (
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/onward-jobs/onward/pkg/testkit"
	"github.com/onward-jobs/onward/services/gateway/internal/gatewaytest"
)

// TestPasswordResetAnswersAlikeForKnownAndUnknownAddress asks for a reset
// of an address with an account and of one without: the answers are the
// same, and only the owner of the account is sent a link, by the
// notifications service, under a service token meant for it.
func TestPasswordResetAnswersAlikeForKnownAndUnknownAddress(t *testing.T) {
	t.Parallel()
	g, mail := startWithReceiver(t, nil)
	signupEmployer(t, g, "ana@hoek.be")
	known := call(t, g, "POST", "/api/v1/auth/password-reset", "", map[string]string{"email": "Ana@Hoek.be"})
	unknown := call(t, g, "POST", "/api/v1/auth/password-reset", "", map[string]string{"email": "nobody@hoek.be"})
	if known.Status != http.StatusAccepted || unknown.Status != known.Status || unknown.Raw != known.Raw ||
		unknown.Header.Get("Content-Type") != known.Header.Get("Content-Type") {
		t.Fatalf("known address: %d %s\nunknown address: %d %s", known.Status, known.Raw, unknown.Status, unknown.Raw)
	}
	h := mail.waitFor(t, "password_reset", "ana@hoek.be")
	if !strings.HasPrefix(h.ID, "password_reset:") || h.To.Language != "en" || h.To.UserID == "" ||
		h.Subject != "service:gateway" || !slices.Equal(h.Audience, []string{"notifications"}) {
		t.Fatalf("handoff: %+v", h)
	}
	resetToken(t, g, h)
	if n := mail.count("password_reset", "nobody@hoek.be"); n != 0 {
		t.Fatalf("%d handoffs for an address without an account", n)
	}
	if g.Contains("ana@hoek.be") || g.Contains(h.Params.Link) {
		t.Fatal("the logs carry the address or the link")
	}
	call(t, g, "POST", "/api/v1/auth/password-reset", "", map[string]string{"email": "not an address"}).expect(t, http.StatusBadRequest)
}

// TestPasswordResetWorksOnceAndEndsEverySession confirms a reset: weak
// passwords are refused without using the token up, the token works once,
// and afterwards the old refresh and access tokens and the old password
// are refused while the new password signs in.
func TestPasswordResetWorksOnceAndEndsEverySession(t *testing.T) {
	t.Parallel()
	prefix := testkit.UniqueName(t, "revoked") + ":"
	g, mail := startWithReceiver(t, map[string]string{"REVOCATION_KEY_PREFIX": prefix})
	svc := startDomainService(t, g, prefix)
	signupEmployer(t, g, "owner@bakery.be")
	access, refresh := login(t, g, "owner@bakery.be", strongPassword)
	call(t, g, "POST", "/api/v1/auth/password-reset", "", map[string]string{"email": "owner@bakery.be"}).expect(t, http.StatusAccepted)
	token := resetToken(t, g, mail.waitFor(t, "password_reset", "owner@bakery.be"))

	const fresh = "copper-meadow-violin-58"
	weak := call(t, g, "POST", "/api/v1/auth/password-reset/confirm", "", map[string]string{"token": token, "password": "password1234"})
	if weak.expect(t, http.StatusBadRequest); !slices.Equal(weak.fieldErrors(), []string{"password"}) || !weak.isProblem() {
		t.Fatalf("weak password: %s", weak.Raw)
	}
	svc.refusedAfter(t, "password reset", access, func() {
		call(t, g, "POST", "/api/v1/auth/password-reset/confirm", "", map[string]string{"token": token, "password": fresh}).expect(t, http.StatusNoContent)
	})
	again := call(t, g, "POST", "/api/v1/auth/password-reset/confirm", "", map[string]string{"token": token, "password": "another-tidy-phrase-39"})
	if again.expect(t, http.StatusBadRequest); !slices.Equal(again.fieldErrors(), []string{"token"}) {
		t.Fatalf("a used token: %s", again.Raw)
	}
	call(t, g, "POST", "/api/v1/auth/refresh", "", map[string]string{"refresh_token": refresh}).expect(t, http.StatusUnauthorized)
	call(t, g, "GET", "/api/v1/me", access, nil).expect(t, http.StatusUnauthorized)
	call(t, g, "POST", "/api/v1/auth/login", "", map[string]string{"email": "owner@bakery.be", "password": strongPassword}).expect(t, http.StatusUnauthorized)
	login(t, g, "owner@bakery.be", fresh)
}

// TestPasswordResetTokensExpireAndAreUnguessable: an unknown token and one
// older than 30 minutes get the same answer as a used one.
func TestPasswordResetTokensExpireAndAreUnguessable(t *testing.T) {
	t.Parallel()
	g, mail := startWithReceiver(t, nil)
	signupEmployer(t, g, "late@garden.be")
	call(t, g, "POST", "/api/v1/auth/password-reset", "", map[string]string{"email": "late@garden.be"}).expect(t, http.StatusAccepted)
	token := resetToken(t, g, mail.waitFor(t, "password_reset", "late@garden.be"))
	if len(token) < 43 {
		t.Fatalf("token %q is shorter than 32 random bytes", token)
	}
	unknown := call(t, g, "POST", "/api/v1/auth/password-reset/confirm", "", map[string]string{"token": strings.Repeat("A", 43), "password": "copper-meadow-violin-58"})
	g.Advance(31 * time.Minute)
	expired := call(t, g, "POST", "/api/v1/auth/password-reset/confirm", "", map[string]string{"token": token, "password": "copper-meadow-violin-58"})
	for _, r := range []apiResponse{unknown, expired} {
		if r.expect(t, http.StatusBadRequest); !slices.Equal(r.fieldErrors(), []string{"token"}) {
			t.Fatalf("answer: %s", r.Raw)
		}
	}
	if fmt.Sprint(unknown.Body["errors"]) != fmt.Sprint(expired.Body["errors"]) {
		t.Fatalf("unknown: %s\nexpired: %s", unknown.Raw, expired.Raw)
	}
	login(t, g, "late@garden.be", strongPassword)
}

// TestPasswordResetIsThrottled: beyond the limit per address the answer
// stays 202 but nothing is sent; beyond the limit per client address the
// answer is 429 with Retry-After.
func TestPasswordResetIsThrottled(t *testing.T) {
	t.Parallel()
	g, mail := startWithReceiver(t, map[string]string{"PASSWORD_RESET_ADDRESS_LIMIT": "2", "PASSWORD_RESET_IP_LIMIT": "4"})
	signupEmployer(t, g, "busy@cafe.be")
	for range 3 {
		call(t, g, "POST", "/api/v1/auth/password-reset", "", map[string]string{"email": "busy@cafe.be"}).expect(t, http.StatusAccepted)
	}
	if n := mail.count("password_reset", "busy@cafe.be"); n != 2 {
		t.Fatalf("%d resets sent for one address, want the limit of 2", n)
	}
	call(t, g, "POST", "/api/v1/auth/password-reset", "", map[string]string{"email": "other@cafe.be"}).expect(t, http.StatusAccepted)
	r := call(t, g, "POST", "/api/v1/auth/password-reset", "", map[string]string{"email": "third@cafe.be"}).expect(t, http.StatusTooManyRequests)
	retryAfter(t, r)
}

// TestAdminIssuesPasswordReset: an org_admin may have a reset link sent to
// a member of their organisation, a platform administrator to anyone; the
// link goes to the member, never to the admin; plain members may not, and
// another organisation's people are not found.
func TestAdminIssuesPasswordReset(t *testing.T) {
	t.Parallel()
	g, mail := startWithReceiver(t, nil)
	admin, _ := login(t, g, g.AdminEmail, gatewaytest.AdminPassword)
	cafe := signupEmployer(t, g, "boss@cafe.be")
	boss, _ := login(t, g, "boss@cafe.be", strongPassword)
	waiterID := join(t, g, boss, cafe, "waiter@cafe.be", "member")
	waiter, _ := login(t, g, "waiter@cafe.be", strongPassword)
	signupEmployer(t, g, "boss@bar.be")
	other, _ := login(t, g, "boss@bar.be", strongPassword)
	bossID := call(t, g, "GET", "/api/v1/me", boss, nil).str("user.id")

	r := call(t, g, "POST", "/api/v1/users/"+waiterID+"/password-reset", boss, nil).expect(t, http.StatusAccepted)
	if strings.Contains(r.Raw, "token") || strings.Contains(r.Raw, "password-reset/") {
		t.Fatalf("the admin's answer carries the link: %s", r.Raw)
	}
	resetToken(t, g, mail.waitFor(t, "password_reset", "waiter@cafe.be"))
	call(t, g, "POST", "/api/v1/users/"+waiterID+"/password-reset", other, nil).expect(t, http.StatusNotFound)
	call(t, g, "POST", "/api/v1/users/"+bossID+"/password-reset", waiter, nil).expect(t, http.StatusForbidden)
	call(t, g, "POST", "/api/v1/users/nope/password-reset", boss, nil).expect(t, http.StatusNotFound)
	call(t, g, "POST", "/api/v1/users/"+bossID+"/password-reset", admin, nil).expect(t, http.StatusAccepted)
	mail.waitFor(t, "password_reset", "boss@cafe.be")
	call(t, g, "POST", "/api/v1/users/"+bossID+"/password-reset", "", nil).expect(t, http.StatusUnauthorized)
}

// TestHandoffsFailQuietly: with the notifications service unreachable
// every answer stays as it was, and the warning names no address.
func TestHandoffsFailQuietly(t *testing.T) {
	t.Parallel()
	g := gatewaytest.Start(t, map[string]string{"NOTIFICATIONS_URL": "http://" + testkit.FreeAddr(t)})
	signupEmployer(t, g, "quiet@cafe.be")
	signup(t, g, "Again", "quiet@cafe.be", strongPassword).expect(t, http.StatusAccepted)
	call(t, g, "POST", "/api/v1/auth/password-reset", "", map[string]string{"email": "quiet@cafe.be"}).expect(t, http.StatusAccepted)
	deadline := time.Now().Add(5 * time.Second)
	for !g.Contains("notifications handoff failed") && time.Now().Before(deadline) {
		time.Sleep(50 * time.Millisecond)
	}
	if !g.Contains("notifications handoff failed") || g.Contains("quiet@cafe.be") {
		t.Fatalf("logs:\n%s", g.Logs())
	}
}

// TestConcurrentConfirmationsHaveOneWinner sends one reset token ten times
// at once: exactly one sets a password. A loser is told the token is spent
// (400) or, when it gave up waiting for the token's lock on a busy machine,
// that the token changed meanwhile (409); never a second success.
func TestConcurrentConfirmationsHaveOneWinner(t *testing.T) {
	t.Parallel()
	g, mail := startWithReceiver(t, nil)
	signupEmployer(t, g, "race@bakery.be")
	call(t, g, "POST", "/api/v1/auth/password-reset", "", map[string]string{"email": "race@bakery.be"}).expect(t, http.StatusAccepted)
	token := resetToken(t, g, mail.waitFor(t, "password_reset", "race@bakery.be"))
	statuses := make([]int, 10)
	var wg sync.WaitGroup
	for i := range statuses {
		wg.Go(func() {
			statuses[i] = call(t, g, "POST", "/api/v1/auth/password-reset/confirm", "", map[string]string{"token": token, "password": "copper-meadow-violin-" + strconv.Itoa(10+i)}).Status
		})
	}
	wg.Wait()
	if n := slices.Index(statuses, http.StatusNoContent); n < 0 || slices.Contains(statuses[n+1:], http.StatusNoContent) {
		t.Fatalf("statuses: %v, want exactly one 204", statuses)
	}
	for _, s := range statuses {
		if s != http.StatusNoContent && s != http.StatusBadRequest && s != http.StatusConflict {
			t.Fatalf("statuses: %v", statuses)
		}
	}
}
