package app_test

import (
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/onward-jobs/onward/pkg/events"
	"github.com/onward-jobs/onward/pkg/testkit"
)

// TestCandidateAccountJourney follows a candidate from the staff's
// invitation to signing in, seeing their own account and refreshing.
func TestCandidateAccountJourney(t *testing.T) {
	t.Parallel()
	w := startCandidateWorld(t, nil)
	if st := w.account(t).str("status"); st != "none" {
		t.Fatalf("status before invitation = %q, want none", st)
	}
	token := w.invite(t, w.staff, w.candidate)
	if r := w.account(t); r.str("status") != "invited" || r.str("invitation_expires_at") == "" {
		t.Fatalf("status after invitation: %s", r.Raw)
	}
	look := call(t, w.g, "GET", "/api/v1/candidate-invitations/"+token, "", nil).expect(t, http.StatusOK)
	if look.Body["has_account"] != false || look.str("expires_at") == "" || look.Header.Get("Cache-Control") != "no-store" {
		t.Fatalf("look-up: %s", look.Raw)
	}
	created := w.accept(t, token, "  Sam.K ", candidatePassword).expect(t, http.StatusCreated)
	if created.str("username") != "sam.k" || created.str("candidate_id") != w.candidate {
		t.Fatalf("accepted: %s", created.Raw)
	}
	signedIn := w.candidateLogin(t, "SAM.K", candidatePassword).expect(t, http.StatusOK)
	me := call(t, w.g, "GET", "/api/v1/me", signedIn.str("access_token"), nil).expect(t, http.StatusOK)
	if me.str("role") != "candidate" || me.str("candidate_id") != w.candidate || me.str("user.name") != "sam.k" ||
		me.str("user.email") != "" || me.str("user.role") != "candidate" || me.Body["organisation"] != nil {
		t.Fatalf("/me of a candidate: %s", me.Raw)
	}
	if r := call(t, w.g, "PATCH", "/api/v1/me", signedIn.str("access_token"), map[string]string{"language": "nl"}).expect(t, http.StatusOK); r.str("user.language") != "nl" {
		t.Fatalf("language change: %s", r.Raw)
	}
	refreshed := call(t, w.g, "POST", "/api/v1/auth/refresh", "", map[string]string{"refresh_token": signedIn.str("refresh_token")}).expect(t, http.StatusOK)
	if call(t, w.g, "GET", "/api/v1/me", refreshed.str("access_token"), nil).expect(t, http.StatusOK).str("candidate_id") != w.candidate {
		t.Fatal("the refreshed token does not name the candidate")
	}
	if r := w.account(t); r.str("status") != "active" || r.str("username") != "sam.k" || r.str("created_at") == "" || r.str("invitation_expires_at") != "" {
		t.Fatalf("status after acceptance: %s", r.Raw)
	}
	w.candidateLogin(t, "sam.k", "not-the-password-at-all").expect(t, http.StatusUnauthorized)
	w.candidateLogin(t, "nobody.here", candidatePassword).expect(t, http.StatusUnauthorized)
	if r := w.candidateLogin(t, "sam k", candidatePassword).expect(t, http.StatusBadRequest); !slices.Contains(r.fieldErrors(), "username") {
		t.Errorf("a user name of the wrong form at sign-in: %s", r.Raw)
	}
	call(t, w.g, "POST", "/api/v1/auth/logout", "", map[string]string{"refresh_token": refreshed.str("refresh_token")}).expect(t, http.StatusNoContent)
	call(t, w.g, "POST", "/api/v1/auth/refresh", "", map[string]string{"refresh_token": refreshed.str("refresh_token")}).expect(t, http.StatusUnauthorized)
	for _, secret := range []string{token, "sam.k", candidatePassword} {
		if w.g.Contains(secret) {
			t.Errorf("the logs hold a secret or a user name: %q", secret)
		}
	}
}

// TestCandidateInvitationWorksOnce: a token is accepted once, and a new
// invitation withdraws the candidate's earlier one.
func TestCandidateInvitationWorksOnce(t *testing.T) {
	t.Parallel()
	w := startCandidateWorld(t, nil)
	first := w.invite(t, w.staff, w.candidate)
	second := w.invite(t, w.staff, w.candidate)
	call(t, w.g, "GET", "/api/v1/candidate-invitations/"+first, "", nil).expect(t, http.StatusNotFound)
	w.accept(t, first, "sam.k", candidatePassword).expect(t, http.StatusNotFound)
	w.accept(t, second, "sam.k", candidatePassword).expect(t, http.StatusCreated)
	w.accept(t, second, "sam.k", candidatePassword).expect(t, http.StatusNotFound)
	call(t, w.g, "GET", "/api/v1/candidate-invitations/"+second, "", nil).expect(t, http.StatusNotFound)
	call(t, w.g, "GET", "/api/v1/candidate-invitations/not-a-token", "", nil).expect(t, http.StatusNotFound)
}

// TestCandidateInvitationWhoMay: only the staff of the programme that
// holds the candidate; anyone else's candidate is 404, anyone not staff
// of a programme 403.
func TestCandidateInvitationWhoMay(t *testing.T) {
	t.Parallel()
	w := startCandidateWorld(t, nil)
	other := newProgramme(t, w.g, w.admin, "Bike repair — Vorst house")
	join(t, w.g, w.admin, other, "coach@bikes.be", "org_admin")
	otherStaff, _ := login(t, w.g, "coach@bikes.be", strongPassword)
	signupEmployer(t, w.g, "owner@cafe.be")
	employer, _ := login(t, w.g, "owner@cafe.be", strongPassword)
	invitation := "/api/v1/candidates/" + w.candidate + "/account-invitation"
	call(t, w.g, "POST", invitation, otherStaff, nil).expect(t, http.StatusNotFound)
	call(t, w.g, "GET", "/api/v1/candidates/"+w.candidate+"/account", otherStaff, nil).expect(t, http.StatusNotFound)
	call(t, w.g, "DELETE", "/api/v1/candidates/"+w.candidate+"/account", otherStaff, nil).expect(t, http.StatusNotFound)
	call(t, w.g, "POST", "/api/v1/candidates/unknown/account-invitation", w.staff, nil).expect(t, http.StatusNotFound)
	call(t, w.g, "POST", invitation, employer, nil).expect(t, http.StatusForbidden)
	call(t, w.g, "POST", invitation, w.admin, nil).expect(t, http.StatusForbidden)
	call(t, w.g, "POST", invitation, "", nil).expect(t, http.StatusUnauthorized)
	token := w.invite(t, w.staff, w.candidate)
	w.accept(t, token, "sam.k", candidatePassword).expect(t, http.StatusCreated)
	self := w.candidateLogin(t, "sam.k", candidatePassword).expect(t, http.StatusOK).str("access_token")
	call(t, w.g, "POST", invitation, self, nil).expect(t, http.StatusForbidden)
	call(t, w.g, "DELETE", "/api/v1/candidates/"+w.candidate+"/account", self, nil).expect(t, http.StatusForbidden)
}

// TestCandidateUsernameRules: the user name's form is checked, and a taken
// one is a conflict that names the field.
func TestCandidateUsernameRules(t *testing.T) {
	t.Parallel()
	w := startCandidateWorld(t, nil)
	w.candidates.hold("cand-2", w.programme)
	token := w.invite(t, w.staff, w.candidate)
	for _, bad := range []string{"", "ab", "-sam", "sam k", "sam@home", strings.Repeat("s", 31)} {
		r := w.accept(t, token, bad, candidatePassword).expect(t, http.StatusBadRequest)
		if !slices.Contains(r.fieldErrors(), "username") {
			t.Errorf("user name %q: %s", bad, r.Raw)
		}
	}
	if r := w.accept(t, token, "sam.k", "short").expect(t, http.StatusBadRequest); !slices.Contains(r.fieldErrors(), "password") {
		t.Errorf("short password: %s", r.Raw)
	}
	w.accept(t, token, "sam.k", candidatePassword).expect(t, http.StatusCreated)
	other := w.invite(t, w.staff, "cand-2")
	r := w.accept(t, other, "SAM.K", candidatePassword).expect(t, http.StatusConflict)
	if !r.isProblem() || !strings.HasPrefix(r.str("detail"), "username:") {
		t.Fatalf("taken user name: %s", r.Raw)
	}
	// The refused attempt left the invitation usable.
	w.accept(t, other, "sam.k2", candidatePassword).expect(t, http.StatusCreated)
}

// TestCandidateNewPasswordByInvitation: a second invitation sets a new
// password on the existing account and ends its sessions.
func TestCandidateNewPasswordByInvitation(t *testing.T) {
	t.Parallel()
	prefix := testkit.UniqueName(t, "revoked") + ":"
	w := startCandidateWorld(t, map[string]string{"REVOCATION_KEY_PREFIX": prefix})
	svc := startDomainService(t, w.g, prefix)
	w.accept(t, w.invite(t, w.staff, w.candidate), "sam.k", candidatePassword).expect(t, http.StatusCreated)
	old := w.candidateLogin(t, "sam.k", candidatePassword).expect(t, http.StatusOK)
	token := w.invite(t, w.staff, w.candidate)
	if r := w.account(t); r.str("status") != "active" || r.str("invitation_expires_at") == "" {
		t.Fatalf("status with an account and an open invitation: %s", r.Raw)
	}
	look := call(t, w.g, "GET", "/api/v1/candidate-invitations/"+token, "", nil).expect(t, http.StatusOK)
	if look.Body["has_account"] != true || look.str("username") != "sam.k" {
		t.Fatalf("look-up for an existing account: %s", look.Raw)
	}
	if r := w.accept(t, token, "someone.else", "fresh-meadow-copper-77").expect(t, http.StatusBadRequest); !slices.Contains(r.fieldErrors(), "username") {
		t.Fatalf("another user name: %s", r.Raw)
	}
	svc.refusedAfter(t, "a new password by invitation", old.str("access_token"), func() {
		w.accept(t, token, "", "fresh-meadow-copper-77").expect(t, http.StatusCreated)
	})
	w.candidateLogin(t, "sam.k", candidatePassword).expect(t, http.StatusUnauthorized)
	w.candidateLogin(t, "sam.k", "fresh-meadow-copper-77").expect(t, http.StatusOK)
	call(t, w.g, "POST", "/api/v1/auth/refresh", "", map[string]string{"refresh_token": old.str("refresh_token")}).expect(t, http.StatusUnauthorized)
}

// TestCandidateLoginThrottled: wrong passwords on one user name are
// slowed down like members' sign-ins, with Retry-After.
func TestCandidateLoginThrottled(t *testing.T) {
	t.Parallel()
	w := startCandidateWorld(t, map[string]string{"LOGIN_ACCOUNT_LIMIT": "2", "LOGIN_IP_LIMIT": "100", "LOGIN_DELAY": "1m"})
	w.accept(t, w.invite(t, w.staff, w.candidate), "sam.k", candidatePassword).expect(t, http.StatusCreated)
	w.candidateLogin(t, "sam.k", "not-the-password-at-all").expect(t, http.StatusUnauthorized)
	w.candidateLogin(t, "sam.k", "not-the-password-at-all").expect(t, http.StatusUnauthorized)
	r := w.candidateLogin(t, "sam.k", candidatePassword).expect(t, http.StatusTooManyRequests)
	if secs, err := strconv.Atoi(r.Header.Get("Retry-After")); err != nil || secs < 1 || !r.isProblem() {
		t.Fatalf("429 answer: Retry-After %q, %s", r.Header.Get("Retry-After"), r.Raw)
	}
	w.g.Advance(2 * time.Minute)
	w.candidateLogin(t, "sam.k", candidatePassword).expect(t, http.StatusOK)
}

// TestCandidateJoinThrottled: look-ups and acceptances are limited per
// client address.
func TestCandidateJoinThrottled(t *testing.T) {
	t.Parallel()
	w := startCandidateWorld(t, map[string]string{"CANDIDATE_JOIN_IP_LIMIT": "3"})
	for range 3 {
		call(t, w.g, "GET", "/api/v1/candidate-invitations/guess", "", nil).expect(t, http.StatusNotFound)
	}
	r := call(t, w.g, "GET", "/api/v1/candidate-invitations/guess", "", nil).expect(t, http.StatusTooManyRequests)
	if r.Header.Get("Retry-After") == "" {
		t.Fatalf("429 without Retry-After: %s", r.Raw)
	}
	w.accept(t, "guess", "sam.k", candidatePassword).expect(t, http.StatusTooManyRequests)
}

// TestCloseCandidateAccount: staff close the account; it cannot sign in,
// its access token is refused and its refresh token too.
func TestCloseCandidateAccount(t *testing.T) {
	t.Parallel()
	prefix := testkit.UniqueName(t, "revoked") + ":"
	w := startCandidateWorld(t, map[string]string{"REVOCATION_KEY_PREFIX": prefix})
	svc := startDomainService(t, w.g, prefix)
	w.accept(t, w.invite(t, w.staff, w.candidate), "sam.k", candidatePassword).expect(t, http.StatusCreated)
	session := w.candidateLogin(t, "sam.k", candidatePassword).expect(t, http.StatusOK)
	open := w.invite(t, w.staff, w.candidate)
	svc.refusedAfter(t, "closing the candidate's account", session.str("access_token"), func() {
		call(t, w.g, "DELETE", "/api/v1/candidates/"+w.candidate+"/account", w.staff, nil).expect(t, http.StatusNoContent)
	})
	w.candidateLogin(t, "sam.k", candidatePassword).expect(t, http.StatusUnauthorized)
	call(t, w.g, "GET", "/api/v1/me", session.str("access_token"), nil).expect(t, http.StatusUnauthorized)
	call(t, w.g, "POST", "/api/v1/auth/refresh", "", map[string]string{"refresh_token": session.str("refresh_token")}).expect(t, http.StatusUnauthorized)
	call(t, w.g, "GET", "/api/v1/candidate-invitations/"+open, "", nil).expect(t, http.StatusNotFound)
	if st := w.account(t).str("status"); st != "none" {
		t.Fatalf("status after closing = %q, want none", st)
	}
	// Closing again, or a candidate who never had an account, is fine.
	call(t, w.g, "DELETE", "/api/v1/candidates/"+w.candidate+"/account", w.staff, nil).expect(t, http.StatusNoContent)
}

// TestCandidateErasureRemovesAccount: the candidates service's
// candidate.erased event, on the real Redis stream, removes the account.
func TestCandidateErasureRemovesAccount(t *testing.T) {
	t.Parallel()
	stream, prefix := testkit.UniqueName(t, "candidates"), testkit.UniqueName(t, "revoked")+":"
	w := startCandidateWorld(t, map[string]string{"CANDIDATES_STREAM": stream, "REVOCATION_KEY_PREFIX": prefix})
	svc := startDomainService(t, w.g, prefix)
	w.accept(t, w.invite(t, w.staff, w.candidate), "sam.k", candidatePassword).expect(t, http.StatusCreated)
	session := w.candidateLogin(t, "sam.k", candidatePassword).expect(t, http.StatusOK)
	pending := w.invite(t, w.staff, w.candidate)
	w.candidates.erase(w.candidate)
	pub, err := events.NewPublisher(testkit.Redis(t), events.PublisherConfig{})
	if err != nil {
		t.Fatal(err)
	}
	for _, typ := range []string{"candidate.changed", "candidate.erased", "candidate.erased"} {
		e, err := events.NewEnvelope(typ, w.candidate, 7, "candidates")
		if err != nil {
			t.Fatal(err)
		}
		if _, err := pub.Publish(t.Context(), stream, e); err != nil {
			t.Fatal(err)
		}
	}
	deadline := time.Now().Add(15 * time.Second)
	for w.candidateLogin(t, "sam.k", candidatePassword).Status != http.StatusUnauthorized {
		if time.Now().After(deadline) {
			t.Fatal("the erased candidate can still sign in")
		}
		time.Sleep(100 * time.Millisecond)
	}
	call(t, w.g, "GET", "/api/v1/me", session.str("access_token"), nil).expect(t, http.StatusUnauthorized)
	if got := svc.status(t, session.str("access_token")); got != http.StatusUnauthorized {
		t.Errorf("a service answered %d to the erased candidate's access token, want 401", got)
	}
	call(t, w.g, "GET", "/api/v1/candidate-invitations/"+pending, "", nil).expect(t, http.StatusNotFound)
	call(t, w.g, "GET", "/api/v1/candidates/"+w.candidate+"/account", w.staff, nil).expect(t, http.StatusNotFound)
}

// TestCandidateRoutesLeaveTheRestToTheCandidatesService: only the account
// and its invitation under /candidates/{id} are the gateway's; the rest
// still reaches the candidates service.
func TestCandidateRoutesLeaveTheRestToTheCandidatesService(t *testing.T) {
	t.Parallel()
	w := startCandidateWorld(t, nil)
	for _, path := range []string{"/api/v1/candidates/" + w.candidate, "/api/v1/candidates/" + w.candidate + "/accounts", "/api/v1/candidates/" + w.candidate + "/account/x"} {
		before := w.candidates.proxied()
		call(t, w.g, "GET", path, w.staff, nil)
		if w.candidates.proxied() != before+1 {
			t.Errorf("GET %s did not reach the candidates service", path)
		}
	}
	before := w.candidates.proxied()
	w.account(t)
	if w.candidates.proxied() != before {
		t.Error("the account's status was proxied to the candidates service")
	}
}

// TestCandidateInvitationRace: of many concurrent acceptances of one
// token, exactly one wins; the others find it used.
func TestCandidateInvitationRace(t *testing.T) {
	t.Parallel()
	w := startCandidateWorld(t, nil)
	token := w.invite(t, w.staff, w.candidate)
	const n = 8
	statuses := make(chan int, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			statuses <- w.accept(t, token, "racer."+strconv.Itoa(i), candidatePassword).Status
		}()
	}
	wg.Wait()
	close(statuses)
	counts := map[int]int{}
	for s := range statuses {
		counts[s]++
	}
	if counts[http.StatusCreated] != 1 || counts[http.StatusNotFound] != n-1 {
		t.Fatalf("answers to %d concurrent acceptances: %v, want one 201 and the rest 404", n, counts)
	}
}

// TestCandidateInvitationByEmail: with an address, the link is also handed
// to the notifications service, once, as a candidate_invitation naming
// the candidate, in the language asked for or else the inviter's; without
// one nothing is sent; a malformed address is 400 on email and makes no
// invitation. The address is never logged.
func TestCandidateInvitationByEmail(t *testing.T) {
	t.Parallel()
	r := startReceiver(t)
	w := startCandidateWorld(t, map[string]string{"NOTIFICATIONS_URL": r.URL})
	w.candidates.hold("cand-2", w.programme)
	w.candidates.hold("cand-3", w.programme)
	invitation := func(candidateID string) string { return "/api/v1/candidates/" + candidateID + "/account-invitation" }

	bad := call(t, w.g, "POST", invitation(w.candidate), w.staff, map[string]string{"email": "not an address"}).expect(t, http.StatusBadRequest)
	if !slices.Contains(bad.fieldErrors(), "email") {
		t.Errorf("a malformed address: %s", bad.Raw)
	}
	if st := w.account(t).str("status"); st != "none" {
		t.Errorf("a refused invitation left the status %q, want none", st)
	}

	sent := call(t, w.g, "POST", invitation(w.candidate), w.staff, map[string]string{"email": "Sam@Mail.test", "language": "fr"}).expect(t, http.StatusCreated)
	if sent.Header.Get("Cache-Control") != "no-store" || !strings.HasSuffix(sent.str("link"), "/join/"+sent.str("token")) {
		t.Fatalf("invitation answer: %s", sent.Raw)
	}
	h := r.waitFor(t, "candidate_invitation", "sam@mail.test")
	if h.Params.Link != sent.str("link") || h.To.Language != "fr" || h.To.CandidateID != w.candidate || h.To.UserID != "" ||
		h.Params.Organisation != "" || h.Subject != "service:gateway" {
		t.Errorf("handoff = %+v, want the link %s in fr for %s", h, sent.str("link"), w.candidate)
	}
	if n := r.count("candidate_invitation", "sam@mail.test"); n != 1 {
		t.Errorf("%d handoffs to the address, want 1", n)
	}

	// No language: the inviting staff member's.
	call(t, w.g, "PATCH", "/api/v1/me", w.staff, map[string]string{"language": "nl"}).expect(t, http.StatusOK)
	call(t, w.g, "POST", invitation("cand-2"), w.staff, map[string]string{"email": "noor@mail.test"}).expect(t, http.StatusCreated)
	if h := r.waitFor(t, "candidate_invitation", "noor@mail.test"); h.To.Language != "nl" || h.To.CandidateID != "cand-2" {
		t.Errorf("handoff without a language = %+v, want nl for cand-2", h)
	}

	// No body, or one without an address: nothing is e-mailed.
	before := len(r.all())
	w.invite(t, w.staff, "cand-3")
	call(t, w.g, "POST", invitation("cand-3"), w.staff, map[string]string{"language": "de"}).expect(t, http.StatusCreated)
	if n := r.count("candidate_invitation", ""); n != 0 || len(r.all()) != before {
		t.Errorf("invitations without an address handed off %d messages", len(r.all())-before)
	}
	for _, secret := range []string{"sam@mail.test", "Sam@Mail.test", "noor@mail.test", sent.str("token")} {
		if w.g.Contains(secret) {
			t.Errorf("the logs hold %q", secret)
		}
	}
}
