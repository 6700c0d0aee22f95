package me_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/onward-jobs/onward/services/web/internal/webtest"
	"github.com/onward-jobs/onward/services/web/internal/webtest/fake"
)

// TestACandidateAnswersARequestAndTakesTheirNameBack: the request is
// listed; yes needs the box ticked and a way of contact; once given it
// sends the consent text's version and what to share, as staff would;
// the candidate then takes their name back. Another candidate's request
// is not found. A second request is declined with a reason.
func TestACandidateAnswersARequestAndTakesTheirNameBack(t *testing.T) {
	cs := webtest.StartCandidateStack(t)
	cs.Placements.Set(func(f *fake.Placements) { f.RoleTitles["r1"] = "Barista"; f.EmployerNames["e1"] = "Café De Hoek" })
	first := cs.Placements.AddIntroduction("r1", "e1", "c1", cs.Org, map[string]any{"message": "Come for a coffee."})
	second := cs.Placements.AddIntroduction("r1", "e1", "c1", cs.Org, nil)
	other := cs.Placements.AddIntroduction("r1", "e1", "c9", cs.Org, nil)
	cs.Candidates.AddCandidate("c9", nil)
	b := cs.CandidateSession(t, "jan.meets")

	b.Get("/me/requests").MustContain(t, "Barista · Café De Hoek", "Waiting for your answer")
	page := "/me/requests/" + first
	b.Get(page).MustContain(t, "Come for a coffee.", "Yes, I want to meet", "Read what you agree to")
	version := webtest.FormValue(t, b.Get(page).Body, "text_version")
	refused := b.Submit(page, page+"/answer", url.Values{"answer": {"accept"}, "text_version": {version}})
	if refused.Status != http.StatusUnprocessableEntity {
		t.Fatalf("status %d, want 422", refused.Status)
	}
	refused.MustContain(t, "Tick the box to say you agree.", "Choose how they get in touch.")
	b.Submit(page, page+"/answer", url.Values{"answer": {"accept"}, "text_version": {version}, "consent": {"1"}, "contact": {"through_staff"}}).
		MustContain(t, "You said yes. The employer now knows your name", "Take my name back")
	got := cs.Placements.Last(t, http.MethodPost, "/api/v1/introductions/"+first+"/answer").Body
	if got["accept"] != true || got["consent_text_version"] != version || got["contact"] != "through_staff" {
		t.Errorf("the API got %v", got)
	}
	b.Submit(page, page+"/take-back", url.Values{}).MustContain(t, "Done. The employer can no longer see your name.")
	if len(withdrawals(cs.Candidates)) != 1 {
		t.Error("the disclosure was never withdrawn")
	}

	decline := "/me/requests/" + second
	b.Submit(decline, decline+"/answer", url.Values{"answer": {"decline"}}).MustContain(t, "Choose a reason.")
	b.Submit(decline, decline+"/answer", url.Values{"answer": {"decline"}, "decline_reason": {"travel"}}).
		MustContain(t, "You said no. The employer does not learn your name.")

	if p := b.Get("/me/requests/" + other); p.Status != http.StatusNotFound {
		t.Errorf("another candidate's request: status %d, want 404", p.Status)
	}
}

// withdrawals are the disclosure withdrawals the candidates fake saw.
func withdrawals(k *fake.Candidates) []fake.Request {
	var out []fake.Request
	for _, r := range k.Seen() {
		if r.Method == http.MethodPost && strings.HasPrefix(r.Path, "/api/v1/disclosures/") && strings.HasSuffix(r.Path, "/withdraw") {
			out = append(out, r)
		}
	}
	return out
}
