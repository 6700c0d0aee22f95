package staff_test

import (
	"context"
	"net/url"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/onward-jobs/onward/pkg/testkit"
	"github.com/onward-jobs/onward/services/web/internal/webtest"
	"github.com/onward-jobs/onward/services/web/internal/webtest/chrome"
)

// TestBrowserStaffAnswerARequestToAHire walks issue 14 as programme staff
// see it, on a phone (390×844) and on a desktop (1280): a request on the
// home panel, its page, accepting with the name and phone number, the
// confirmation of exactly what is disclosed, the thread, recording a
// hire, the placement, a follow-up answered, and the candidate's page
// with the placement and what was disclosed.
func TestBrowserStaffAnswerARequestToAHire(t *testing.T) {
	s := newIntroStack(t)
	s.k.AddCandidate("c2", map[string]any{"given_name": "Omar", "family_name": "Haddad", "phone": "+32 485 44 55 66", "email": "omar@example.test"})
	email := webtest.UniqueEmail(t)
	link := webtest.InvitationPath(t, s.coach.Submit("/home", "/home/invitations", url.Values{"email": {email}, "role": {"member"}}))
	webtest.NewBrowser(t, s.g).Submit(link, link, url.Values{"name": {"Lien Maes"}, "password": {webtest.StrongPassword}})

	ctx := testkit.Chromium(t, 4*time.Minute)
	dir := testkit.ArtifactDir(t, "screenshots")
	for _, run := range []struct {
		size, candidate, name, placement string
	}{
		{"phone", "c1", "Jan Peeters", "p1"},
		{"desktop", "c2", "Omar Haddad", "p2"},
	} {
		intro := s.pl.AddIntroduction("r1", "e1", run.candidate, s.org, map[string]any{"message": "We would love to meet " + run.name + " for a coffee and a tour of the kitchen."})
		// The phone uses the browser's first tab; the desktop a fresh
		// profile of its own, signed in again.
		tabCtx, cancel := ctx, context.CancelFunc(func() {})
		if run.size == "desktop" {
			tabCtx, cancel = chromedp.NewContext(ctx, chromedp.WithNewBrowserContext())
		}
		tab := chrome.NewTab(t, tabCtx, s.g.URL, dir)
		if run.size == "phone" {
			tab.Phone()
		} else {
			tab.Desktop()
		}
		shot := func(n string) string { return "i14-staff-" + run.size + "-" + n }
		path := "/introductions/" + intro
		tab.SignIn(email, shot("01-home"))
		tab.Check("/home", shot("01-home"), "Waiting for your answer", "Barista", "Brasserie Noord", run.name, "days left.")
		tab.Submit(`a[href="`+path+`"]`, path, shot("02-request"), "What the employer asks", "Skills first", "Their fair-chance commitments", "Your answer")
		tick(tab, `input[name="answer"][value="accept"]`, `input[name="disclose"][value="phone"]`, `input[name="contact"][value="through_staff"]`, `input[name="consent"]`)
		tab.Submit(`form[action="`+path+`/answer"] button[type="submit"]`, path+"/answer", shot("03-confirm"),
			"Check what will be shared", "Brasserie Noord will see this, for the role Barista:", run.name, "They will contact you, not the candidate.")
		tab.MustNotShow("main", "E-mail address")
		tab.Submit(`button[name="confirmed"]`, path, shot("04-accepted"), "Accepted.", "What was shared", "Messages with the employer")
		tab.Do(chromedp.SendKeys(chromedp.ID("text"), "Tuesday at ten suits us. I will come along."))
		tab.Submit(`form[action="`+path+`/messages"] button[type="submit"]`, path, shot("05-thread"), "Tuesday at ten suits us.", "Lien Maes")
		tick(tab, `input[name="outcome"][value="hired"]`)
		tab.Do(chromedp.SetValue(chromedp.ID("start_date"), "2026-10-05"), chromedp.SetValue(chromedp.ID("contract"), "trial"))
		tab.Fill(map[string]string{"hours_per_week": "24"})
		tab.Submit(`form[action="`+path+`/outcome"] button[type="submit"]`, "/placements", shot("06-placement"),
			"Congratulations!", "Working now", run.name, "Trial period · 24 hours a week")
		s.pl.SetDue(run.placement, 30)
		tab.Open("/followups", shot("07-followups"), "To answer", "Is the candidate still working there?", "Day 30")
		tick(tab, `section[aria-labelledby="open-heading"] li:first-child input[name="still_working"][value="yes"]`)
		tab.Submit(`section[aria-labelledby="open-heading"] li:first-child button[type="submit"]`, "/followups", shot("08-followup-answered"), "Thank you, the answer is saved.", "Still working there.")
		tab.Open("/candidates/"+run.candidate, shot("09-candidate"), "Placements", "Shared with employers", "Brasserie Noord", "Withdraw")
		cancel()
	}
}

// tick clicks each check box or radio button, as a tap on it would.
func tick(tab *chrome.Tab, selectors ...string) {
	for _, sel := range selectors {
		tab.Do(chromedp.Click(chromedp.CSS(sel), chromedp.NodeVisible))
	}
}
