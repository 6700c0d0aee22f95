package staff_test

import (
	"net/http"
	"net/url"
	"reflect"
	"testing"

	"github.com/onward-jobs/onward/services/web/internal/webtest"
)

// TestStaffSeeRequestsWaitingWithTheirDueDates: the home panel and the
// list show each request with its role, employer, candidate and the date
// to answer by; a late one says it is overdue.
func TestStaffSeeRequestsWaitingWithTheirDueDates(t *testing.T) {
	t.Parallel()
	s := newIntroStack(t)
	s.ask(nil)
	s.ask(map[string]any{"expires_at": "2026-01-02T10:00:00Z", "role_title": "Dishwasher"})

	home := s.coach.Get("/home")
	home.MustContain(t, "Waiting for your answer", "Barista", "Brasserie Noord", "For Jan Peeters", "days left.",
		"Dishwasher", "Overdue", "The answer was due on 2 January 2026.", "Follow-ups due", "No follow-ups are due.")
	home.MustShowBefore(t, "Dishwasher", "Barista")

	list := s.coach.Get("/introductions")
	list.MustBeAt(t, "/introductions", http.StatusOK)
	list.MustContain(t, "Requests to meet", "Barista", "Brasserie Noord", "Jan Peeters", "KC1", "Answer by ")
	list.MustMatch(t, `href="/introductions/i1"`, `href="/introductions/i2"`)

	s.coach.Lang = "nl"
	s.coach.Get("/introductions").MustContain(t, "Verzoeken om kennis te maken", "Wachten op jullie antwoord", "Antwoord tegen ")
}

// TestStaffAcceptAfterSeeingExactlyWhatIsDisclosed walks the answer: the
// request's page shows the role, the employer's profile and commitments,
// the message and the meeting; a phone number is offered because Jan has
// one, an e-mail address is not; a missing agreement is shown beside its
// box with the choices kept; the confirmation says what goes to whom for
// which role before anything is saved; "change" goes back with the
// answer kept; confirming saves it and opens the thread.
func TestStaffAcceptAfterSeeingExactlyWhatIsDisclosed(t *testing.T) {
	t.Parallel()
	s := newIntroStack(t)
	id := s.ask(map[string]any{"message": "We would love to meet Jan for a coffee and a tour."})
	path := "/introductions/" + id

	page := s.coach.Get(path)
	page.MustBeAt(t, path, http.StatusOK)
	page.MustContain(t, "Barista", "Brasserie Noord", "A busy brasserie by the station.", "We judge people by their work.",
		"Skills first", "A mentor or buddy", "We would love to meet Jan for a coffee and a tour.", "At the employer's workplace",
		"Phone number", "+32 470 11 22 33", "Consent text version 2026-12.", "The employer sees only “declined”.")
	page.MustNotContain(t, `value="email"`)

	form := url.Values{"answer": {"accept"}, "disclose": {"phone"}, "contact": {"direct"}, "consent_text_version": {"2026-12"}}
	refused := s.coach.Submit(path, path+"/answer", form)
	refused.MustBeAt(t, path+"/answer", http.StatusUnprocessableEntity)
	refused.MustMatch(t, `id="consent-error"`, `value="phone" checked`, `value="direct" checked`, `value="accept" checked`)
	if n := len(s.pl.Requests(http.MethodPost, "/api/v1/introductions/"+id+"/answer")); n != 0 {
		t.Fatal("the answer was sent without the candidate's agreement")
	}

	form.Set("consent", "1")
	confirm := s.coach.Submit(path, path+"/answer", form)
	confirm.MustBeAt(t, path+"/answer", http.StatusOK)
	confirm.MustContain(t, "Check what will be shared", "Brasserie Noord will see this, for the role Barista:", "Jan Peeters",
		"+32 470 11 22 33", "They will contact the candidate directly.", "Yes, share this with Brasserie Noord")
	confirm.MustNotContain(t, "E-mail address")
	if n := len(s.pl.Requests(http.MethodPost, "/api/v1/introductions/"+id+"/answer")); n != 0 {
		t.Fatal("the answer was sent before the confirmation")
	}

	back := s.coach.Submit(path, path+"/answer", url.Values{"answer": {"accept"}, "disclose": {"phone"}, "contact": {"direct"},
		"consent": {"1"}, "consent_text_version": {"2026-12"}, "change": {"1"}})
	back.MustBeAt(t, path+"/answer", http.StatusOK)
	back.MustMatch(t, `value="phone" checked`, `value="direct" checked`, `name="consent" value="1" checked`)

	done := s.coach.Submit(path, path+"/answer", url.Values{"answer": {"accept"}, "disclose": {"phone"}, "contact": {"direct"},
		"consent": {"1"}, "consent_text_version": {"2026-12"}, "confirmed": {"1"}})
	done.MustBeAt(t, path, http.StatusOK)
	done.MustContain(t, "Accepted. The employer can now see what the candidate agreed to share.", "What was shared",
		"Brasserie Noord can see:", "+32 470 11 22 33", "Messages with the employer", "How did it go?")
	got := s.pl.Last(t, http.MethodPost, "/api/v1/introductions/"+id+"/answer").Body
	want := map[string]any{"accept": true, "disclose": []any{"phone"}, "contact": "direct", "consent_text_version": "2026-12"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("answer body\n got %v\nwant %v", got, want)
	}
	for _, personal := range []string{"Peeters", "470 11 22 33"} {
		if s.g.Contains(personal) {
			t.Errorf("the gateway logged %q", personal)
		}
	}
}

// TestStaffDeclineWithAReasonOnlyTheyKeep: a refusal needs its reason
// (shown beside the list when missing) and is saved without a
// confirmation step.
func TestStaffDeclineWithAReasonOnlyTheyKeep(t *testing.T) {
	t.Parallel()
	s := newIntroStack(t)
	id := s.ask(nil)
	path := "/introductions/" + id
	missing := s.coach.Submit(path, path+"/answer", url.Values{"answer": {"decline"}})
	missing.MustBeAt(t, path+"/answer", http.StatusUnprocessableEntity)
	missing.MustContain(t, "Choose why the candidate declines.")
	missing.MustMatch(t, `value="decline" checked`)

	done := s.coach.Submit(path, path+"/answer", url.Values{"answer": {"decline"}, "decline_reason": {"travel"}})
	done.MustBeAt(t, "/introductions", http.StatusOK)
	done.MustContain(t, "Declined. The employer sees only that the request was declined.", "No requests are waiting for an answer.")
	got := s.pl.Last(t, http.MethodPost, "/api/v1/introductions/"+id+"/answer").Body
	if !reflect.DeepEqual(got, map[string]any{"accept": false, "decline_reason": "travel"}) {
		t.Errorf("decline body = %v", got)
	}
	again := s.coach.Get(path)
	again.MustContain(t, "Declined", "The employer sees only that it was declined, never why.")
	again.MustNotContain(t, `name="answer"`)

	// A second answer from a stale page is refused with the page as it is.
	late := s.coach.Submit(path, path+"/answer", url.Values{"answer": {"decline"}, "decline_reason": {"other"}})
	late.MustBeAt(t, path+"/answer", http.StatusConflict)
	late.MustContain(t, "This request has already been answered")
}

// TestAnotherOrganisationsRequestIsTheNotFoundPage: a request about
// another programme's candidate, and any request for a platform
// administrator, is the 404 page.
func TestAnotherOrganisationsRequestIsTheNotFoundPage(t *testing.T) {
	t.Parallel()
	s := newIntroStack(t)
	other := s.pl.AddIntroduction("r1", "e1", "c9", "another-programme", nil)
	for _, p := range []webtest.Page{
		s.coach.Get("/introductions/" + other),
		s.coach.Submit("/introductions", "/introductions/"+other+"/answer", url.Values{"answer": {"decline"}, "decline_reason": {"travel"}}),
	} {
		if p.Status != http.StatusNotFound || !containsText(p, "Page not found") {
			t.Errorf("%s answered %d, want the 404 page", p.URL.Path, p.Status)
		}
	}
	s.coach.Get("/introductions").MustNotContain(t, "/introductions/"+other)
	admin := webtest.SignIn(t, s.g, s.g.AdminEmail, webtest.AdminPassword)
	if p := admin.Get("/introductions"); p.Status != http.StatusNotFound {
		t.Errorf("an administrator's /introductions answered %d, want 404", p.Status)
	}
}
