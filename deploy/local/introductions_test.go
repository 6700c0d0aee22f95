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

// TestFromShortlistToJob walks issue 14's whole path through the gateway
// on the shared platform: employer A asks to meet a shortlisted candidate;
// employer B, with the same candidate on its own shortlist, sees nothing of
// it; staff accept with name and phone; A reads them through the
// disclosure, and the read is on the candidate's audit trail; B gets 404;
// the candidate withdraws and A gets 404 at once; a new request is hired,
// the role is filled and the candidate leaves B's shortlist; the
// follow-ups fall due and are answered; a suspension closes A's
// shortlists and disclosures; erasure leaves nothing anywhere.
func TestFromShortlistToJob(t *testing.T) {
	p := stack(t)
	_, staff := newProgrammeOrg(t, p, "Transitiehuis Brugge")
	var prog struct{ ID string }
	staff.do("POST", "/api/v1/programmes", map[string]any{"name": "Koffiebar", "kind": "coffee_roastery", "site": map[string]any{"place_id": kortrijk}, "skills": []string{"espresso-preparation"}}, http.StatusCreated, &prog)
	candID, alias := registerBarista(t, staff, prog.ID, "Fenna", 4)

	_, empA := newEmployer(t, p, "Koffiebar Het Anker")
	_, empB := newEmployer(t, p, "Bakkerij De Oven")
	roleA := openBaristaRole(t, empA, 2)
	roleA2 := openBaristaRole(t, empA, 1)
	roleB := openBaristaRole(t, empB, 1)
	onList := func(s api.Shortlist) bool { return slices.Contains(aliases(s), alias) }
	card := cardOf(t, waitShortlist(t, empA, roleA, onList), alias)
	waitShortlist(t, empB, roleB, onList)

	meeting := map[string]any{"mode": "at_site", "windows": []any{map[string]any{
		"start": time.Now().Add(72 * time.Hour).UTC().Format(time.RFC3339), "end": time.Now().Add(73 * time.Hour).UTC().Format(time.RFC3339)}}}

	t.Run("bad requests record nothing", func(t *testing.T) {
		empA.do("POST", "/api/v1/roles/"+roleA+"/introductions", map[string]any{"candidate_ref": "forged", "message": "Hello", "meeting": meeting}, http.StatusNotFound, nil)
		// Another role's reference is not on this role's shortlist.
		otherCard := cardOf(t, waitShortlist(t, empA, roleA2, onList), alias)
		if otherCard.CandidateRef != card.CandidateRef {
			empA.do("POST", "/api/v1/roles/"+roleA+"/introductions", map[string]any{"candidate_ref": otherCard.CandidateRef, "meeting": meeting}, http.StatusNotFound, nil)
		}
		empB.do("POST", "/api/v1/roles/"+roleA+"/introductions", map[string]any{"candidate_ref": card.CandidateRef, "meeting": meeting}, http.StatusNotFound, nil)
		empA.do("POST", "/api/v1/roles/"+roleA+"/introductions", map[string]any{"candidate_ref": card.CandidateRef, "message": strings.Repeat("a", 1001), "meeting": meeting}, http.StatusBadRequest, nil)
		var page api.IntroductionPage
		empA.do("GET", "/api/v1/introductions", nil, http.StatusOK, &page)
		if len(page.Items) != 0 {
			t.Fatalf("refused requests were recorded: %+v", page.Items)
		}
	})

	var intro api.Introduction
	empA.do("POST", "/api/v1/roles/"+roleA+"/introductions", map[string]any{"candidate_ref": card.CandidateRef, "message": "We would like to meet for the barista role.", "meeting": meeting}, http.StatusCreated, &intro)
	if intro.Status != api.IntroductionStatusRequested || intro.CandidateID != nil {
		t.Fatalf("the employer's view of its request: %+v", intro)
	}
	empA.do("POST", "/api/v1/roles/"+roleA+"/introductions", map[string]any{"candidate_ref": card.CandidateRef, "meeting": meeting}, http.StatusConflict, nil)

	// B sees nothing of A's request.
	var pageB api.IntroductionPage
	empB.do("GET", "/api/v1/introductions", nil, http.StatusOK, &pageB)
	if len(pageB.Items) != 0 {
		t.Errorf("employer B sees %d introductions", len(pageB.Items))
	}
	empB.do("GET", "/api/v1/introductions/"+intro.ID, nil, http.StatusNotFound, nil)
	empB.do("POST", "/api/v1/introductions/"+intro.ID+"/withdraw", nil, http.StatusNotFound, nil)

	// Staff see the request and answer it with the candidate.
	var waiting api.IntroductionPage
	staff.do("GET", "/api/v1/introductions?status=requested", nil, http.StatusOK, &waiting)
	if len(waiting.Items) != 1 || waiting.Items[0].ID != intro.ID || waiting.Items[0].CandidateID == nil || *waiting.Items[0].CandidateID != candID {
		t.Fatalf("staff's waiting requests: %+v", waiting.Items)
	}
	empA.do("POST", "/api/v1/introductions/"+intro.ID+"/answer", map[string]any{"accept": true, "consent_text_version": "2026-12", "disclose": []string{"phone"}, "contact": "direct"}, http.StatusNotFound, nil)
	staff.do("POST", "/api/v1/introductions/"+intro.ID+"/answer", map[string]any{"accept": true, "consent_text_version": "2026-12", "disclose": []string{"phone"}, "contact": "direct"}, http.StatusOK, nil)
	staff.do("POST", "/api/v1/introductions/"+intro.ID+"/answer", map[string]any{"accept": false, "decline_reason": "not_now"}, http.StatusConflict, nil)

	empA.do("GET", "/api/v1/introductions/"+intro.ID, nil, http.StatusOK, &intro)
	if intro.Status != api.IntroductionStatusAccepted || intro.DisclosureID == nil {
		t.Fatalf("the accepted introduction as A sees it: %+v", intro)
	}
	var disclosed api.Disclosure
	empA.do("GET", "/api/v1/disclosures/"+*intro.DisclosureID, nil, http.StatusOK, &disclosed)
	if disclosed.GivenName != "Fenna" || disclosed.Phone == nil || *disclosed.Phone != jan["phone"].(string) || disclosed.Email != nil {
		t.Errorf("the disclosure shows %+v, want the name and phone only", disclosed)
	}
	empB.do("GET", "/api/v1/disclosures/"+*intro.DisclosureID, nil, http.StatusNotFound, nil)
	var audit struct {
		Items []map[string]any `json:"items"`
	}
	staff.do("GET", "/api/v1/candidates/"+candID+"/audit", nil, http.StatusOK, &audit)
	if raw, _ := json.Marshal(audit); !strings.Contains(string(raw), intro.EmployerOrgID) {
		t.Errorf("the audit trail does not name the employer organisation that read the disclosure: %s", raw)
	}

	// A short thread, then the candidate withdraws the disclosure.
	empA.do("POST", "/api/v1/introductions/"+intro.ID+"/messages", map[string]any{"text": "Would Tuesday at 10 suit?"}, http.StatusCreated, nil)
	staff.do("POST", "/api/v1/introductions/"+intro.ID+"/messages", map[string]any{"text": "Tuesday suits."}, http.StatusCreated, nil)
	empB.do("GET", "/api/v1/introductions/"+intro.ID+"/messages", nil, http.StatusNotFound, nil)
	staff.do("POST", "/api/v1/disclosures/"+*intro.DisclosureID+"/withdraw", nil, http.StatusOK, nil)
	empA.do("GET", "/api/v1/disclosures/"+*intro.DisclosureID, nil, http.StatusNotFound, nil)

	// A new request on A's second role is hired.
	card2 := cardOf(t, waitShortlist(t, empA, roleA2, onList), alias)
	var intro2 api.Introduction
	empA.do("POST", "/api/v1/roles/"+roleA2+"/introductions", map[string]any{"candidate_ref": card2.CandidateRef, "meeting": meeting}, http.StatusCreated, &intro2)
	staff.do("POST", "/api/v1/introductions/"+intro2.ID+"/answer", map[string]any{"accept": true, "consent_text_version": "2026-12", "contact": "through_staff"}, http.StatusOK, nil)
	// The hire started 200 days ago and is recorded now, so every
	// follow-up (30, 90 and 180 days) is already due.
	start := time.Now().AddDate(0, 0, -200).Format(time.DateOnly)
	empA.do("POST", "/api/v1/introductions/"+intro2.ID+"/outcome", map[string]any{"outcome": "hired", "placement": map[string]any{"start_date": start, "contract": "permanent", "hours_per_week": 30}}, http.StatusOK, &intro2)
	staff.do("POST", "/api/v1/introductions/"+intro2.ID+"/outcome", map[string]any{"outcome": "not_hired", "reason": "other"}, http.StatusConflict, nil)
	if intro2.PlacementID == nil {
		t.Fatalf("hired gave no placement: %+v", intro2)
	}
	var role api.Role
	for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(100 * time.Millisecond) {
		empA.do("GET", "/api/v1/roles/"+roleA2, nil, http.StatusOK, &role)
		if role.Status == api.RoleStatusFilled {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the role with one position was never filled: %s, filled %v", role.Status, role.Filled)
		}
	}
	waitShortlist(t, empB, roleB, func(s api.Shortlist) bool { return !onList(s) })

	// Every follow-up falls due and is answered; each side sees only its own.
	var due api.FollowUpPage
	for deadline := time.Now().Add(30 * time.Second); ; time.Sleep(250 * time.Millisecond) {
		staff.do("GET", "/api/v1/followups?status=open", nil, http.StatusOK, &due)
		if len(due.Items) == 3 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("staff see %d follow-ups due, want 3 (30, 90 and 180 days)", len(due.Items))
		}
	}
	var days []int
	for _, f := range due.Items {
		if f.Audience != api.PartySideProgramme || !f.Overdue {
			t.Errorf("staff's follow-up %+v", f)
		}
		days = append(days, int(f.Day))
		staff.do("POST", "/api/v1/followups/"+f.ID, map[string]any{"still_working": true}, http.StatusOK, nil)
		empA.do("POST", "/api/v1/followups/"+f.ID, map[string]any{"still_working": true}, http.StatusNotFound, nil)
	}
	slices.Sort(days)
	if !slices.Equal(days, []int{30, 90, 180}) {
		t.Errorf("follow-up days %v", days)
	}
	var employerDue api.FollowUpPage
	empA.do("GET", "/api/v1/followups?status=open", nil, http.StatusOK, &employerDue)
	if len(employerDue.Items) != 3 {
		t.Errorf("the employer has %d follow-ups due, want 3", len(employerDue.Items))
	}
	empB.do("GET", "/api/v1/followups", nil, http.StatusOK, &due)
	if len(due.Items) != 0 {
		t.Errorf("employer B sees %d follow-ups", len(due.Items))
	}

	// A suspended employer loses its shortlists and disclosures within the
	// gateway's status cache (at most 30 s).
	var intro2Now api.Introduction
	empA.do("GET", "/api/v1/introductions/"+intro2.ID, nil, http.StatusOK, &intro2Now)
	empA.do("GET", "/api/v1/disclosures/"+*intro2Now.DisclosureID, nil, http.StatusOK, nil)
	admin := p.client(t, login(t, p))
	admin.do("POST", "/api/v1/organisations/"+intro.EmployerOrgID+"/suspend", map[string]string{"reason": "Complaints from two programmes."}, http.StatusOK, nil)
	for deadline := time.Now().Add(30 * time.Second); ; time.Sleep(250 * time.Millisecond) {
		shortlist, _ := empA.try("GET", "/api/v1/roles/"+roleA+"/shortlist", nil, nil)
		disclosure, _ := empA.try("GET", "/api/v1/disclosures/"+*intro2Now.DisclosureID, nil, nil)
		if shortlist == http.StatusForbidden && disclosure == http.StatusForbidden {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("30 s after the suspension the employer still reads its shortlist (%d) or a disclosure (%d)", shortlist, disclosure)
		}
	}

	// The export holds it all; erasure removes it from every database.
	raw := staff.do("GET", "/api/v1/candidates/"+candID+"/export", nil, http.StatusOK, nil)
	for _, want := range []string{intro.ID, intro2.ID, *intro2.PlacementID, "Tuesday suits."} {
		if !strings.Contains(string(raw), want) {
			t.Errorf("the export lacks %q", want)
		}
	}
	staff.do("DELETE", "/api/v1/candidates/"+candID, nil, http.StatusNoContent, nil)
	// The placements service hears of the erasure through the candidates
	// stream, within seconds.
	for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(100 * time.Millisecond) {
		if status, _ := staff.try("GET", "/api/v1/introductions/"+intro.ID, nil, nil); status == http.StatusNotFound {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the introduction was still there 10 s after the candidate's erasure")
		}
	}
	staff.do("GET", "/api/v1/introductions/"+intro2.ID, nil, http.StatusNotFound, nil)
	stores := openStores(t, p)
	stores.awaitInsightsForgets(t, candID)
	stores.mustNotHold(t, []string{candID, "Fenna", "470 91 82", "Tuesday suits", "Would Tuesday"}, []string{`"` + alias + `"`})
}

// openBaristaRole posts an open barista role near Kortrijk with positions
// places and returns its id.
func openBaristaRole(t testing.TB, employer apiClient, positions int) string {
	t.Helper()
	var role struct{ ID string }
	employer.do("POST", "/api/v1/roles", map[string]any{
		"title": "Barista", "description": "Morning shifts.", "sector": "I", "site": map[string]any{"place_id": kortrijk},
		"essential_skills": []any{map[string]any{"skill": "espresso-preparation", "min_level": 2}},
		"schedule":         map[string]any{"days": []string{"mon", "tue", "wed"}, "start": "07:00", "end": "15:00"},
		"hours_per_week":   24, "contract": "permanent", "start_asap": true, "day_release_ok": true, "status": "open", "positions": positions,
	}, http.StatusCreated, &role)
	return role.ID
}

// cardOf returns the card of alias on a shortlist.
func cardOf(t testing.TB, s api.Shortlist, alias string) api.ShortlistEntry {
	t.Helper()
	for _, it := range s.Items {
		if it.Alias == alias {
			return it
		}
	}
	t.Fatalf("%s is not on the shortlist", alias)
	return api.ShortlistEntry{}
}
