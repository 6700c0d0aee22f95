package me_test

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/onward-jobs/onward/pkg/testkit"
	"github.com/onward-jobs/onward/services/web/internal/pages/me"
	"github.com/onward-jobs/onward/services/web/internal/webtest"
	"github.com/onward-jobs/onward/services/web/internal/webtest/chrome"
	"github.com/onward-jobs/onward/services/web/internal/webtest/fake"
)

// TestBrowserCandidatePagesInEveryLanguage walks a candidate's own pages
// in a real browser on a phone (390×844), in English, Dutch, French and
// German: home, skills, jobs, requests and one request, consent, the
// statement, their data and who read their record. axe-core audits every
// page (WCAG 2.2 A and AA) and each leaves a screenshot. Then the join
// page, and the staff's invitation page with its QR code.
func TestBrowserCandidatePagesInEveryLanguage(t *testing.T) {
	cs := webtest.StartCandidateStack(t)
	seedCandidate(t, cs)
	first := cs.JoinPath(t, "c1")
	webtest.NewBrowser(t, cs.Stack).Submit(first, first, url.Values{
		"username": {"jan.phone"}, "password": {webtest.CandidatePassword}, "language": {"en"}}).MustBeAt(t, "/me", http.StatusOK)
	intro := cs.Placements.AddIntroduction("r1", "e1", "c1", cs.Org, map[string]any{"message": "Come for a coffee on Tuesday."})

	engine := chrome.LoadAxe(t)
	browser := testkit.Chromium(t, 5*time.Minute)
	dir := testkit.ArtifactDir(t, "screenshots")
	if err := chromedp.Do(browser); err != nil {
		t.Fatalf("start the browser: %v", err)
	}
	ctx, cancel := chromedp.NewContext(browser, chromedp.WithNewBrowserContext())
	defer cancel()
	tab := chrome.NewTab(t, ctx, cs.URL, dir).Phone()
	tab.Navigate("/login/candidate")
	tab.Fill(map[string]string{"username": "jan.phone", "password": webtest.CandidatePassword})
	tab.Submit(`main form button[type="submit"]`, "/me", "me-phone-en-00-signed-in")
	pages := []struct{ path, title string }{
		{"/me", "MeHomeLead"}, {"/me/skills", "MeNav_skills"}, {"/me/jobs", "MeNav_jobs"}, {"/me/requests", "MeNav_requests"},
		{"/me/requests/" + intro, "MeRequestYesHeading"}, {"/me/consent", "MeNav_consent"}, {"/me/statement", "MeNav_statement"},
		{"/me/credentials", "MeNav_credentials"}, {"/me/data", "MeNav_data"}, {"/me/audit", "MeNav_audit"},
	}
	for _, lang := range webtest.Languages {
		words := webtest.Messages(t, me.Locales, "me."+lang)
		tab.Navigate("/lang/" + lang + "?next=/me")
		for i, p := range pages {
			shot := fmt.Sprintf("me-phone-%s-%02d-%s", lang, i+1, pageName(p.path))
			tab.Open(p.path, shot, words[p.title].(string))
			tab.Audit(engine, shot)
		}
	}

	// The join page of a new invitation, and the staff's invitation page.
	cs.Candidates.AddCandidate("c2", map[string]any{"given_name": "Ella"})
	joinCtx, cancelJoin := chromedp.NewContext(browser, chromedp.WithNewBrowserContext())
	defer cancelJoin()
	joinTab := chrome.NewTab(t, joinCtx, cs.URL, dir).Phone()
	link := cs.JoinPath(t, "c2")
	joinTab.Open(link, "me-phone-en-join", "Make your own account")
	joinTab.Audit(engine, "join")
	joinTab.Submit(`main form button[type="submit"]`, link, "me-phone-en-join-refused", "Please fix what is marked below.")
	joinTab.Audit(engine, "join refused")

	staffCtx, cancelStaff := chromedp.NewContext(browser, chromedp.WithNewBrowserContext())
	defer cancelStaff()
	staff := chrome.NewTab(t, staffCtx, cs.URL, dir).Phone()
	staff.SignIn(cs.CoachEmail, "me-phone-en-staff-home")
	staff.Open("/candidates/c1", "me-phone-en-staff-candidate", "Their own account", "Has an account", "In their own words")
	staff.Audit(engine, "staff candidate")
	staff.Submit(`#account button[type="submit"]`, "/candidates/c1/account/invitation", "me-phone-en-staff-invitation",
		"choose a new password for Onward", "Scan this code with a phone camera.")
	staff.Audit(engine, "staff invitation")
	if got := chrome.Evaluate[int](staff, `document.querySelectorAll("svg.qr-code path").length`); got != 1 {
		t.Errorf("the invitation page draws %d QR code paths, want 1", got)
	}
}

// seedCandidate gives c1 a skill, hours, a certificate, a statement with
// a flag, a role that fits and a consent, so every page has something to
// show.
func seedCandidate(t *testing.T, cs *webtest.CandidateStack) {
	t.Helper()
	attestation := map[string]any{"id": "a1", "skill": "barista-skills", "level": 3, "hours": 600, "date": "2026-11-20",
		"attested_at": "2026-11-20T10:00:00Z", "attested_by": "nobody", "programme": "p1", "signature": "sig", "candidate_id": "c1",
		"evidence": "", "key_id": "k1"}
	cs.Candidates.AddCandidate("c1", map[string]any{
		"preferred_name": "Jan", "phone": "+32 470 00 00 00", "version": 4,
		"skills": []any{attestation}, "attestations": []any{attestation},
		"programme_records": []any{map[string]any{"id": "r1", "programme": "p1", "from": "2026-03-01", "hours": 600}},
		"certificates":      []any{map[string]any{"id": "x1", "name": "Food hygiene", "issuer": "VDAB", "date": "2026-05-12"}},
		"statement": map[string]any{"text": "I roast coffee and I like early mornings. Since 2024 I run the roaster.", "status": "pending",
			"flags": []any{map[string]any{"start": 48, "end": 52, "text": "2024", "kind": "digits"}}, "written_at": "2026-11-21T09:00:00Z", "written_by": "u1"},
		"consent": map[string]any{"matching": true, "text_version": "2026-11", "recorded_at": "2026-11-02T09:30:00Z"},
	})
	cs.Placements.Set(func(f *fake.Placements) { f.RoleTitles["r1"] = "Barista"; f.EmployerNames["e1"] = "Café De Hoek" })
	cs.Matching.Set(func(f *fake.Matching) {
		f.Suggestions["c1"] = []map[string]any{fake.SuggestionItem(1, "e1", "full"), fake.SuggestionItem(2, "e1", "near")}
	})
}

// pageName is a short name of a page's path for its screenshot.
func pageName(path string) string {
	switch {
	case path == "/me":
		return "home"
	case strings.HasPrefix(path, "/me/requests/"):
		return "request"
	}
	return path[len("/me/"):]
}
