package employer_test

import (
	"fmt"
	"net/http"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/onward-jobs/onward/pkg/testkit"
	"github.com/onward-jobs/onward/services/web/internal/webtest"
	"github.com/onward-jobs/onward/services/web/internal/webtest/chrome"
	"github.com/onward-jobs/onward/services/web/internal/webtest/fake"
)

// TestBrowserFromAShortlistToAHire walks issue 14 as an employer sees it,
// on a phone and on a desktop: a shortlist card's "Ask to meet", the
// request among the role's requests, the candidate's staff accepting it
// (the fake answers as they would), the disclosed contact, a message to
// the coach, "we hired them", and the employer's first follow-up.
func TestBrowserFromAShortlistToAHire(t *testing.T) {
	e, m, p, k := fake.NewEmployers(t), fake.NewMatching(t), fake.NewPlacements(t), fake.NewCandidates(t)
	fake.LinkDisclosures(p, k)
	g := webtest.Start(t, map[string]string{"EMPLOYERS_URL": e.URL, "MATCHING_URL": m.URL, "PLACEMENTS_URL": p.URL, "CANDIDATES_URL": k.URL})
	e.AddRole("r1", "Barista", "open")
	m.Set(func(f *fake.Matching) {
		f.Shortlists["r1"] = []map[string]any{fake.ShortlistEntry("K7Q2", "full"), fake.ShortlistEntry("A1B2", "full")}
	})
	p.Set(func(f *fake.Placements) { f.RoleTitles["r1"] = "Barista" })
	p.AddRef("r1", "ref-K7Q2", "c1", "K7Q2", "prog-1")
	p.AddRef("r1", "ref-A1B2", "c2", "A1B2", "prog-1")
	k.AddCandidate("c1", map[string]any{"given_name": "Jan", "family_name": "Peeters", "phone": "+32 470 12 34 56", "email": "jan.peeters@example.test"})
	k.AddCandidate("c2", map[string]any{"given_name": "Amira", "family_name": "Benali", "preferred_name": "Mira", "phone": "+32 471 65 43 21"})
	email := webtest.UniqueEmail(t)
	webtest.NewBrowser(t, g).SignUp("Café De Hoek", "Ana", email).MustBeAt(t, "/home", http.StatusOK)

	ctx := testkit.Chromium(t, 4*time.Minute)
	dir := testkit.ArtifactDir(t, "screenshots")
	phone := chrome.NewTab(t, ctx, g.URL, dir).Phone()
	phone.SignIn(email, "i14e-00-phone-signed-in")
	walkToAHire(t, phone, p, "phone", 1, "K7Q2", "Jan Peeters")

	deskCtx, cancel := chromedp.NewContext(ctx, chromedp.WithNewBrowserContext())
	defer cancel()
	desk := chrome.NewTab(t, deskCtx, g.URL, dir).Desktop()
	desk.SignIn(email, "i14e-00-desktop-signed-in")
	walkToAHire(t, desk, p, "desktop", 2, "A1B2", "Amira Benali (goes by Mira)")
}

// walkToAHire is one walk, for the n-th card of the shortlist (and so the
// n-th introduction and placement of the fake).
func walkToAHire(t *testing.T, tab *chrome.Tab, p *fake.Placements, device string, n int, alias, name string) {
	t.Helper()
	shot := func(step int, what string) string { return fmt.Sprintf("i14e-%02d-%s-%s", step, device, what) }
	intro := fmt.Sprintf("/introductions/i%d", n)

	tab.Open("/roles/r1/shortlist", shot(1, "shortlist"), "Ask to meet")
	tab.Submit(fmt.Sprintf(`.match-card:nth-child(%d) .match-ask a`, n), "/roles/r1/introductions/new", shot(2, "ask-form"),
		"Ask to meet "+alias, "Where to meet", "When you could meet")
	tab.Do(chromedp.SendKeys(chromedp.ID("message"), "We roast our own beans in Gent. Would a short visit suit?"))
	tab.Do(chromedp.Click(chromedp.CSS(`input[name="mode"][value="at_programme"]`), chromedp.NodeVisible))
	setValue(t, tab, "window1_date", tomorrow())
	setValue(t, tab, "window1_start", "10:00")
	setValue(t, tab, "window1_end", "11:00")
	tab.Submit(`main form button[type="submit"]`, intro, shot(3, "request-sent"), "has been sent", "Waiting for an answer", "10:00–11:00",
		"At the candidate's programme")

	tab.Open("/roles/r1/introductions", shot(4, "role-requests"), "Candidate "+alias, "Waiting for an answer")

	p.Accept(t, fmt.Sprintf("i%d", n), []string{"phone"}, "direct", "coach-1")
	tab.Open(intro, shot(5, "accepted-contact"), "Accepted", name, "You may contact the candidate directly.", "the read is recorded")

	tab.Do(chromedp.SendKeys(chromedp.ID("text"), "Thank you! Could Tuesday at ten work?"))
	tab.Submit(`#thread button[type="submit"]`, intro, shot(6, "message-sent"), "Your message has been sent.", "Could Tuesday at ten work?")

	tab.Do(chromedp.Click(chromedp.CSS(`input[name="outcome"][value="hired"]`), chromedp.NodeVisible))
	setValue(t, tab, "start_date", time.Now().AddDate(0, 0, 14).Format(time.DateOnly))
	setValue(t, tab, "contract", "fixed_term")
	tab.Fill(map[string]string{"hours_per_week": "24"})
	tab.Submit(`#outcome button[type="submit"]`, intro, shot(7, "hired"), "We hired them", "See the follow-ups")

	p.SetDue(fmt.Sprintf("p%d", n), 30)
	tab.Submit(`#outcome a.btn`, "/followups", shot(8, "followups"), "Is "+alias+" still working with you?", "30 days after the start")
	tab.Do(chromedp.Click(chromedp.CSS(`.intro-followups input[name="still_working"][value="yes"]`), chromedp.NodeVisible))
	tab.Submit(`.intro-followups button[type="submit"]`, "/followups", shot(9, "followup-answered"), "Thank you for your answer.")
}

// setValue sets a form control's value as a person picking a date, a
// time or an option would.
func setValue(t *testing.T, tab *chrome.Tab, id, value string) {
	t.Helper()
	chrome.Evaluate[bool](tab, fmt.Sprintf(`(function(){var e=document.getElementById(%q); e.value=%q; e.dispatchEvent(new Event('change',{bubbles:true})); return true})()`, id, value))
}
