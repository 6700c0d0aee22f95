package launcher

import (
	"encoding/json"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/onward-jobs/onward/pkg/api"
)

// candidatePassword is the password candidates made in a test choose.
const candidatePassword = "river-kettle-orange-73"

// TestCandidateActsForThemself walks issue 16's candidate through the
// gateway on the shared platform: staff invite the candidate to their own
// account; the candidate accepts, signs in with a user name, reads their
// portfolio and a role that fits, accepts an employer's request to meet
// themselves and withdraws the disclosure again, and writes a statement
// that staff approve and that then shows on the employer's card. The
// candidate cannot read another candidate, change an attestation or review
// their own statement; erasing the candidate closes the account.
func TestCandidateActsForThemself(t *testing.T) {
	p := stack(t)
	_, staff := newProgrammeOrg(t, p, "Detentiehuis Kortrijk")
	var prog struct{ ID string }
	staff.do("POST", "/api/v1/programmes", map[string]any{"name": "Koffiebranderij", "kind": "coffee_roastery", "site": map[string]any{"place_id": kortrijk}, "skills": []string{"espresso-preparation"}}, http.StatusCreated, &prog)
	candID, alias := registerBarista(t, staff, prog.ID, "Noor", 4)
	otherID, _ := registerBarista(t, staff, prog.ID, "Lotte", 3)
	_, emp := newEmployer(t, p, "Koffiebar De Zon")
	role := openBaristaRole(t, emp, 1)
	onList := func(s api.Shortlist) bool { return slices.Contains(aliases(s), alias) }
	card := cardOf(t, waitShortlist(t, emp, role, onList), alias)

	cand := inviteCandidate(t, p, staff, candID, "noor.roastery")

	var me api.Account
	cand.do("GET", "/api/v1/me", nil, http.StatusOK, &me)
	if me.Role != "candidate" || me.CandidateID == nil || *me.CandidateID != candID || me.Organisation != nil {
		t.Fatalf("the candidate's /me: %+v", me)
	}

	// Their own portfolio, nobody else's.
	{
		var record api.Candidate
		cand.do("GET", "/api/v1/candidates/"+candID, nil, http.StatusOK, &record)
		if len(record.Skills) != 1 || record.Skills[0].Skill != "espresso-preparation" || record.Skills[0].Hours != 400 {
			t.Errorf("the candidate's own skills: %+v", record.Skills)
		}
		cand.do("GET", "/api/v1/candidates/"+otherID, nil, http.StatusNotFound, nil)
		cand.do("GET", "/api/v1/candidates/"+otherID+"/export", nil, http.StatusNotFound, nil)
		cand.do("GET", "/api/v1/candidates", nil, http.StatusForbidden, nil)
		cand.do("POST", "/api/v1/candidates/"+candID+"/skills", map[string]any{"skill": "espresso-preparation", "level": 5, "hours": 900, "programme": prog.ID}, http.StatusForbidden, nil)
		cand.do("POST", "/api/v1/attestations/"+record.Skills[0].ID+"/revocation", map[string]any{"version": record.Version, "reason": "entered_in_error"}, http.StatusForbidden, nil)
		cand.do("GET", "/api/v1/roles/"+role+"/shortlist", nil, http.StatusForbidden, nil)
		cand.do("POST", "/api/v1/candidates/"+candID+"/account-invitation", nil, http.StatusForbidden, nil)

		// Their reading is on their own audit trail, which they may read.
		var trail struct {
			Items []api.AuditEntry `json:"items"`
		}
		cand.do("GET", "/api/v1/candidates/"+candID+"/audit", nil, http.StatusOK, &trail)
		if !slices.ContainsFunc(trail.Items, func(e api.AuditEntry) bool { return e.Action == "read" && e.Actor == me.User.ID }) {
			t.Errorf("the candidate's own read is not on their audit trail: %+v", trail.Items)
		}
	}

	// A role that fits.
	{
		var sugg struct {
			Items []suggestedRole `json:"items"`
		}
		for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(100 * time.Millisecond) {
			cand.do("GET", "/api/v1/candidates/"+candID+"/suggestions", nil, http.StatusOK, &sugg)
			if slices.ContainsFunc(sugg.Items, func(s suggestedRole) bool { return s.RoleID == role }) {
				break
			}
			if time.Now().After(deadline) {
				t.Fatalf("the candidate never saw the role among their suggestions: %+v", sugg)
			}
		}
		cand.do("GET", "/api/v1/candidates/"+otherID+"/suggestions", nil, http.StatusNotFound, nil)
	}

	// They accept a request to meet and withdraw it.
	{
		meeting := map[string]any{"mode": "at_site", "windows": []any{map[string]any{
			"start": time.Now().Add(72 * time.Hour).UTC().Format(time.RFC3339), "end": time.Now().Add(73 * time.Hour).UTC().Format(time.RFC3339)}}}
		var intro api.Introduction
		emp.do("POST", "/api/v1/roles/"+role+"/introductions", map[string]any{"candidate_ref": card.CandidateRef, "message": "We would like to meet you.", "meeting": meeting}, http.StatusCreated, &intro)
		var waiting api.IntroductionPage
		cand.do("GET", "/api/v1/introductions", nil, http.StatusOK, &waiting)
		if len(waiting.Items) != 1 || waiting.Items[0].ID != intro.ID {
			t.Fatalf("the candidate's requests to meet: %+v", waiting.Items)
		}
		cand.do("POST", "/api/v1/introductions/"+intro.ID+"/answer", map[string]any{"accept": true, "consent_text_version": "2026-12", "disclose": []string{"phone"}, "contact": "direct"}, http.StatusOK, nil)
		emp.do("GET", "/api/v1/introductions/"+intro.ID, nil, http.StatusOK, &intro)
		if intro.Status != api.IntroductionStatusAccepted || intro.DisclosureID == nil {
			t.Fatalf("the accepted introduction as the employer sees it: %+v", intro)
		}
		var disclosed api.Disclosure
		emp.do("GET", "/api/v1/disclosures/"+*intro.DisclosureID, nil, http.StatusOK, &disclosed)
		if disclosed.GivenName != "Noor" || disclosed.Phone == nil {
			t.Errorf("the disclosure shows %+v, want the name and phone", disclosed)
		}
		// Staff see the same history: the request is answered.
		var staffView api.Introduction
		staff.do("GET", "/api/v1/introductions/"+intro.ID, nil, http.StatusOK, &staffView)
		if staffView.Status != api.IntroductionStatusAccepted {
			t.Errorf("staff see the introduction as %s", staffView.Status)
		}
		cand.do("POST", "/api/v1/disclosures/"+*intro.DisclosureID+"/withdraw", nil, http.StatusOK, nil)
		emp.do("GET", "/api/v1/disclosures/"+*intro.DisclosureID, nil, http.StatusNotFound, nil)
	}

	// Their statement, approved by staff, shows on the employer's card.
	{
		// A second role, so the card is read on a shortlist the
		// introduction above did not touch.
		role2 := openBaristaRole(t, emp, 1)
		var record api.Candidate
		cand.do("GET", "/api/v1/candidates/"+candID, nil, http.StatusOK, &record)
		text := "I learned to roast coffee and I like to start early. I work calmly when it is busy."
		var written api.StatementAnswer
		cand.do("PUT", "/api/v1/candidates/"+candID+"/statement", map[string]any{"version": record.Version, "text": text}, http.StatusOK, &written)
		if written.Status != api.StatementAnswerStatusPending {
			t.Fatalf("the candidate's statement is %s before review", written.Status)
		}
		cand.do("POST", "/api/v1/candidates/"+candID+"/statement/review", map[string]any{"version": written.CandidateVersion, "decision": "approve"}, http.StatusForbidden, nil)
		staff.do("POST", "/api/v1/candidates/"+candID+"/statement/review", map[string]any{"version": written.CandidateVersion, "decision": "approve"}, http.StatusOK, nil)
		waitShortlist(t, emp, role2, func(s api.Shortlist) bool {
			for _, it := range s.Items {
				if it.Alias == alias && it.Card.Statement != nil && *it.Card.Statement == text {
					return true
				}
			}
			return false
		})
	}

	// Erasure closes the account.
	{
		staff.do("DELETE", "/api/v1/candidates/"+candID, nil, http.StatusNoContent, nil)
		anon := p.client(t, "")
		for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(100 * time.Millisecond) {
			status, _ := anon.try("POST", "/api/v1/auth/candidate-login", map[string]string{"username": "noor.roastery", "password": candidatePassword}, nil)
			me, _ := cand.try("GET", "/api/v1/me", nil, nil)
			if status == http.StatusUnauthorized && me == http.StatusUnauthorized {
				break
			}
			if time.Now().After(deadline) {
				t.Fatalf("10 s after erasure the candidate still signs in (%d) or reads /me (%d)", status, me)
			}
		}
	}
}

// suggestedRole is the part of a suggestion the test reads.
type suggestedRole struct {
	RoleID string `json:"role_id"`
}

// inviteCandidate has staff invite candidateID to their own account, the
// candidate accept it with username and sign in, and returns a client with
// the candidate's token.
func inviteCandidate(t testing.TB, p *platform, staff apiClient, candidateID, username string) apiClient {
	t.Helper()
	var inv api.CandidateInvitation
	staff.do("POST", "/api/v1/candidates/"+candidateID+"/account-invitation", nil, http.StatusCreated, &inv)
	if !strings.HasSuffix(inv.Link, "/join/"+inv.Token) {
		t.Errorf("the invitation's link %q does not open the join page of its token", inv.Link)
	}
	anon := p.client(t, "")
	var lookup api.CandidateInvitationLookup
	anon.do("GET", "/api/v1/candidate-invitations/"+inv.Token, nil, http.StatusOK, &lookup)
	if lookup.HasAccount {
		t.Errorf("a first invitation says the candidate has an account: %+v", lookup)
	}
	accept := map[string]string{"username": username, "password": candidatePassword, "language": "nl"}
	var created api.CandidateAccountCreated
	anon.do("POST", "/api/v1/candidate-invitations/"+inv.Token+"/accept", accept, http.StatusCreated, &created)
	if created.CandidateID != candidateID {
		t.Errorf("the account was made for %q, want %q", created.CandidateID, candidateID)
	}
	anon.do("POST", "/api/v1/candidate-invitations/"+inv.Token+"/accept", accept, http.StatusNotFound, nil)
	var tokens api.Tokens
	anon.do("POST", "/api/v1/auth/candidate-login", map[string]string{"username": strings.ToUpper(username), "password": candidatePassword}, http.StatusOK, &tokens)
	var status api.CandidateAccount
	staff.do("GET", "/api/v1/candidates/"+candidateID+"/account", nil, http.StatusOK, &status)
	if status.Status != api.CandidateAccountStatusActive || status.Username == nil || *status.Username != username {
		raw, _ := json.Marshal(status)
		t.Errorf("staff see the candidate's account as %s", raw)
	}
	return p.client(t, tokens.AccessToken)
}
