package insights_test

import (
	"net/http"
	"net/url"
	"testing"
)

// TestAProgrammeAdminSharesAndStopsSharing: Sam's sharing page starts
// empty. An empty id, an id of no observer (one of a programme
// organisation included) and an id that is no id at all are answered
// beside the field, the last without asking the API; Stad Kortrijk's id
// shares the reports, and the observer, named, shows with the date; the
// observer then reads the report. Stopping takes a CSRF-checked post,
// after which the observer has nothing shared again.
func TestAProgrammeAdminSharesAndStopsSharing(t *testing.T) {
	t.Parallel()
	s := newReportStack(t)
	observer, observerID, _ := s.addOrganisation(t, "Stad Kortrijk", "observer")
	_, programmeID, _ := s.addOrganisation(t, "Atelier Brugge", "programme")
	page := s.coach.Get("/insights/sharing")
	page.MustBeAt(t, "/insights/sharing", http.StatusOK)
	page.MustContain(t, "Share your reports", "Your reports are not shared with anyone.", "Observer's organisation id")

	for typed, want := range map[string]string{
		"":                     "Enter the observer's organisation id.",
		"nobody-here":          "No observer organisation has this id.",
		programmeID:            "No observer organisation has this id.",
		"../organisations/x y": "No observer organisation has this id.",
	} {
		p := s.coach.Submit("/insights/sharing", "/insights/sharing", url.Values{"observer_id": {typed}})
		p.MustBeAt(t, "/insights/sharing", http.StatusUnprocessableEntity)
		p.MustContain(t, "Check the fields below.", want, `aria-invalid="true"`)
		if typed != "" {
			p.MustContain(t, `value="`+typed+`"`)
		}
	}
	if n := len(s.in.Requests(http.MethodPut, "/api/v1/insights/shares/../organisations/x y")); n != 0 {
		t.Errorf("an id with a slash reached the API %d times", n)
	}
	if got := s.in.SharedWith(s.org); len(got) != 0 {
		t.Fatalf("refused ids shared the reports with %v", got)
	}

	shared := s.coach.Submit("/insights/sharing", "/insights/sharing", url.Values{"observer_id": {" " + observerID + " "}})
	shared.MustBeAt(t, "/insights/sharing", http.StatusOK)
	shared.MustContain(t, "Your reports are now shared.", "Stad Kortrijk", "Since ", "Stop sharing",
		`action="/insights/sharing/`+observerID+`/revoke"`)
	if got := s.in.SharedWith(s.org); len(got) != 1 || got[0] != observerID {
		t.Fatalf("the reports are shared with %v, want the observer", got)
	}
	observer.Get("/insights").MustContain(t, "Koffiebranderij Kortrijk, ")

	if p := s.coach.Post("/insights/sharing/"+observerID+"/revoke", url.Values{}); p.Status != http.StatusForbidden {
		t.Errorf("stopping without the form's CSRF token: %d, want 403", p.Status)
	}
	stopped := s.coach.Submit("/insights/sharing", "/insights/sharing/"+observerID+"/revoke", url.Values{})
	stopped.MustBeAt(t, "/insights/sharing", http.StatusOK)
	stopped.MustContain(t, "Sharing has stopped.", "Your reports are not shared with anyone.")
	if got := s.in.SharedWith(s.org); len(got) != 0 {
		t.Fatalf("after stopping, the reports are shared with %v", got)
	}
	observer.Get("/insights").MustContain(t, "Nothing shared yet")
}
