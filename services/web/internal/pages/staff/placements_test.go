package staff_test

import (
	"net/http"
	"net/url"
	"reflect"
	"strings"
	"testing"
)

// TestStaffWriteToTheEmployerAndRecordAHire: on an accepted request the
// thread takes a message (an empty one is refused beside the field), and
// "record how it went" needs the placement's fields, each refused beside
// its field with the input kept; a hire lands on the placements.
func TestStaffWriteToTheEmployerAndRecordAHire(t *testing.T) {
	t.Parallel()
	s := newIntroStack(t)
	id := s.ask(nil)
	s.pl.Accept(t, id, []string{"phone"}, "through_staff", s.coach.UserID())
	path := "/introductions/" + id

	empty := s.coach.Submit(path, path+"/messages", url.Values{"text": {"  "}})
	empty.MustBeAt(t, path+"/messages", http.StatusUnprocessableEntity)
	empty.MustMatch(t, `id="text-error"`)
	sent := s.coach.Submit(path, path+"/messages", url.Values{"text": {"Jan can come on Tuesday at ten."}})
	sent.MustBeAt(t, path, http.StatusOK)
	sent.MustContain(t, "Your message is sent.", "Jan can come on Tuesday at ten.", "Sam Claes")
	if got := s.pl.Last(t, http.MethodPost, "/api/v1/introductions/"+id+"/messages").Body; got["text"] != "Jan can come on Tuesday at ten." {
		t.Errorf("message body = %v", got)
	}

	bad := s.coach.Submit(path, path+"/outcome", url.Values{"outcome": {"hired"}, "start_date": {"2027-01-04"}, "contract": {"trial"}, "hours_per_week": {"80"}})
	bad.MustBeAt(t, path+"/outcome", http.StatusUnprocessableEntity)
	bad.MustContain(t, "Enter the hours a week, from 1 to 60.")
	bad.MustMatch(t, `id="hours_per_week-error"`, `value="2027-01-04"`, `value="trial" selected`, `value="hired" checked`, `value="80"`)
	noReason := s.coach.Submit(path, path+"/outcome", url.Values{"outcome": {"not_hired"}})
	noReason.MustBeAt(t, path+"/outcome", http.StatusUnprocessableEntity)
	noReason.MustContain(t, "Choose why the candidate was not hired.")

	hired := s.coach.Submit(path, path+"/outcome", url.Values{"outcome": {"hired"}, "start_date": {"2027-01-04"}, "contract": {"trial"}, "hours_per_week": {"24"}})
	hired.MustBeAt(t, "/placements", http.StatusOK)
	hired.MustContain(t, "Congratulations! The placement has started", "Working now", "Barista", "Brasserie Noord", "Jan Peeters",
		"Started 4 January 2027", "Trial period · 24 hours a week", "Not looking for other work")
	got := s.pl.Last(t, http.MethodPost, "/api/v1/introductions/"+id+"/outcome").Body
	want := map[string]any{"outcome": "hired", "placement": map[string]any{"start_date": "2027-01-04", "contract": "trial", "hours_per_week": float64(24)}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("outcome body\n got %v\nwant %v", got, want)
	}
	s.coach.Get(path).MustContain(t, "Hired · recorded on", "To the placement")
	twice := s.coach.Submit(path, path+"/outcome", url.Values{"outcome": {"did_not_take_place"}})
	if twice.Status != http.StatusOK && twice.Status != http.StatusConflict {
		t.Errorf("a second outcome answered %d", twice.Status)
	}
}

// TestStaffMarkStillLookingAndEndAPlacementEarly: the toggle and the
// early end, which needs its date, reason and confirmation, from the list
// and from the candidate's page, which lists the placements too.
func TestStaffMarkStillLookingAndEndAPlacementEarly(t *testing.T) {
	t.Parallel()
	s := newIntroStack(t)
	id := s.ask(nil)
	s.pl.Accept(t, id, nil, "direct", s.coach.UserID())
	path := "/introductions/" + id
	s.coach.Submit(path, path+"/outcome", url.Values{"outcome": {"hired"}, "start_date": {"2027-01-04"}, "contract": {"permanent"}, "hours_per_week": {"38"}}).
		MustBeAt(t, "/placements", http.StatusOK)

	looking := s.coach.Submit("/placements", "/placements/p1/still-looking", url.Values{"still_looking": {"true"}})
	looking.MustBeAt(t, "/placements", http.StatusOK)
	looking.MustContain(t, "Saved: the candidate is still looking and stays on shortlists.", "Mark as no longer looking")
	if got := s.pl.Last(t, http.MethodPost, "/api/v1/placements/p1/still-looking").Body; got["still_looking"] != true {
		t.Errorf("still-looking body = %v", got)
	}

	cand := s.coach.Get("/candidates/c1")
	cand.MustContain(t, "Placements", "Barista", "Started 4 January 2027", "End early")
	cand.MustMatch(t, `href="/placements/p1/end\?back=%2fcandidates%2fc1"`)

	form := s.coach.Get("/placements/p1/end?back=/candidates/c1")
	form.MustBeAt(t, "/placements/p1/end", http.StatusOK)
	form.MustContain(t, "End a placement early", "Ending the placement makes the candidate available again")
	refused := s.coach.Submit("/placements/p1/end?back=/candidates/c1", "/placements/p1/end", url.Values{"back": {"/candidates/c1"}, "ended_on": {"2027-02-26"}, "reason": {"moved_job"}})
	refused.MustBeAt(t, "/placements/p1/end", http.StatusUnprocessableEntity)
	refused.MustMatch(t, `id="confirm-error"`, `value="2027-02-26"`, `value="moved_job" checked`)
	if n := len(s.pl.Requests(http.MethodPost, "/api/v1/placements/p1/end")); n != 0 {
		t.Fatal("the placement was ended without the confirmation")
	}
	ended := s.coach.Submit("/placements/p1/end?back=/candidates/c1", "/placements/p1/end",
		url.Values{"back": {"/candidates/c1"}, "ended_on": {"2027-02-26"}, "reason": {"moved_job"}, "confirm": {"1"}})
	ended.MustBeAt(t, "/candidates/c1", http.StatusOK)
	ended.MustContain(t, "The placement has ended. The candidate is available again.", "Ended 26 February 2027 · Moved to another job")
	if got := s.pl.Last(t, http.MethodPost, "/api/v1/placements/p1/end").Body; !reflect.DeepEqual(got, map[string]any{"ended_on": "2027-02-26", "reason": "moved_job"}) {
		t.Errorf("end body = %v", got)
	}
	list := s.coach.Get("/placements")
	list.MustContain(t, "No one is placed at the moment.", "Ended 26 February 2027")

	// Another organisation's placement is the 404 page.
	if p := s.coach.Get("/placements/p9/end"); p.Status != http.StatusNotFound {
		t.Errorf("another placement's form answered %d", p.Status)
	}
}

// TestStaffAnswerFollowUpsDueFirst: a follow-up due shows on the home
// panel and first on /followups; "no" needs a reason from the closed list
// (never anything about offences) and ends the placement.
func TestStaffAnswerFollowUpsDueFirst(t *testing.T) {
	t.Parallel()
	s := newIntroStack(t)
	id := s.ask(nil)
	s.pl.Accept(t, id, nil, "direct", s.coach.UserID())
	path := "/introductions/" + id
	s.coach.Submit(path, path+"/outcome", url.Values{"outcome": {"hired"}, "start_date": {"2026-10-01"}, "contract": {"fixed_term"}, "hours_per_week": {"20"}}).
		MustBeAt(t, "/placements", http.StatusOK)
	s.pl.SetDue("p1", 30)

	home := s.coach.Get("/home")
	home.MustContain(t, "Follow-ups due", "Barista", "Day 30")
	page := s.coach.Get("/followups")
	page.MustContain(t, "To answer", "Is the candidate still working there?", "Only how the work ended. Never anything about offences.")
	page.MustShowBefore(t, "Day 30", "Day 90")
	fu := followUpID(t, page.Body)

	missing := s.coach.Submit("/followups", "/followups/"+fu, url.Values{"still_working": {"no"}})
	missing.MustBeAt(t, "/followups/"+fu, http.StatusUnprocessableEntity)
	missing.MustContain(t, "Choose why the work ended.")
	missing.MustMatch(t, `id="reason_`+fu+`-error"`)

	done := s.coach.Submit("/followups", "/followups/"+fu, url.Values{"still_working": {"no"}, "reason": {"left"}})
	done.MustBeAt(t, "/followups", http.StatusOK)
	done.MustContain(t, "Thank you, the answer is saved.", "Answered lately", "No longer working there. The candidate left")
	if got := s.pl.Last(t, http.MethodPost, "/api/v1/followups/"+fu).Body; !reflect.DeepEqual(got, map[string]any{"still_working": false, "reason": "left"}) {
		t.Errorf("follow-up body = %v", got)
	}
	s.coach.Get("/placements").MustContain(t, "No one is placed at the moment.")
}

// followUpID is the first follow-up form's id on a page.
func followUpID(t *testing.T, body string) string {
	t.Helper()
	_, rest, ok := strings.Cut(body, `action="/followups/`)
	if !ok {
		t.Fatalf("no follow-up form:\n%s", body)
	}
	id, _, _ := strings.Cut(rest, `"`)
	return id
}

// TestStaffWithdrawADisclosureAfterConfirming: the candidate's page lists
// what was disclosed, to whom and when; withdrawing needs the
// confirmation, after which the employer can no longer read it.
func TestStaffWithdrawADisclosureAfterConfirming(t *testing.T) {
	t.Parallel()
	s := newIntroStack(t)
	id := s.ask(nil)
	s.pl.Accept(t, id, []string{"phone"}, "direct", s.coach.UserID())

	cand := s.coach.Get("/candidates/c1")
	cand.MustContain(t, "Shared with employers", "Brasserie Noord", "Barista", "Name, Phone number", "Directly with the candidate")
	cand.MustMatch(t, `href="/candidates/c1/disclosures/d1/withdraw"`)

	form := s.coach.Get("/candidates/c1/disclosures/d1/withdraw")
	form.MustBeAt(t, "/candidates/c1/disclosures/d1/withdraw", http.StatusOK)
	form.MustContain(t, "Withdraw what was shared", "After this, Brasserie Noord can no longer see the candidate's name or contact details.")
	unconfirmed := s.coach.Submit("/candidates/c1/disclosures/d1/withdraw", "/candidates/c1/disclosures/d1/withdraw", url.Values{})
	unconfirmed.MustBeAt(t, "/candidates/c1/disclosures/d1/withdraw", http.StatusUnprocessableEntity)
	unconfirmed.MustMatch(t, `id="confirm-error"`)

	done := s.coach.Submit("/candidates/c1/disclosures/d1/withdraw", "/candidates/c1/disclosures/d1/withdraw", url.Values{"confirm": {"1"}})
	done.MustBeAt(t, "/candidates/c1", http.StatusOK)
	done.MustContain(t, "Withdrawn. The employer can no longer see it.", "Withdrawn on ")
	done.MustNotContain(t, `href="/candidates/c1/disclosures/d1/withdraw"`)
	if len(s.k.Requests(http.MethodPost, "/api/v1/disclosures/d1/withdraw")) != 1 {
		t.Error("the disclosure was not withdrawn through the API")
	}
	if p := s.coach.Get("/candidates/c1/disclosures/d9/withdraw"); p.Status != http.StatusNotFound {
		t.Errorf("an unknown disclosure answered %d", p.Status)
	}
}
