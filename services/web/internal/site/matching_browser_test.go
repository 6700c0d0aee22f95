package site_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/onward-jobs/onward/pkg/testkit"
	"github.com/onward-jobs/onward/services/web/internal/webtest"
)

// TestBrowserMatchExplanations shows issue 11 (2.1 and 2.7) as people see
// it, on a phone and a desktop: an employer opens a near match's "Why
// this candidate" and "What is missing" on the shortlist, and a coach the
// same explanation among a candidate's roles that fit, then a candidate
// without consent, whose section links to the consent page.
func TestBrowserMatchExplanations(t *testing.T) {
	e, m, k := newFakeEmployers(t), newFakeShortlists(t), newStaffFake(t)
	g := start(t, map[string]string{"EMPLOYERS_URL": e.URL, "MATCHING_URL": m.URL, "CANDIDATES_URL": k.URL})
	e.addRole("r1", "Barista", "open")
	k.addCandidate("c1", map[string]any{"consent": map[string]any{"matching": true}})
	k.addCandidate("c2", map[string]any{"given_name": "Omar", "family_name": "Haddad"})
	fit := suggestionItem(1, "e1", "near")
	fit["title"] = "Barista"
	fit["explanation"] = nearMatchExplanation(strings.Replace(nearMatchSummary, "15-30 km", "22 km", 1))
	m.set(func(f *fakeShortlists) {
		f.shortlists["r1"] = []map[string]any{shortlistEntry("K7Q2", "full"), nearMatchEntry("Q4R5")}
		f.suggestions["c1"] = []map[string]any{fit, suggestionItem(2, "e1", "full")}
		f.states["c2"] = "no_consent"
	})
	employerEmail := uniqueEmail(t)
	newBrowser(t, g).signUp("Café De Hoek", "Ana", employerEmail).mustBeAt(t, "/home", http.StatusOK)
	coachEmail := programmeCoachEmail(t, g)

	ctx := testkit.Chromium(t, 3*time.Minute)
	dir := testkit.ArtifactDir(t, "screenshots")
	phone := &browserTab{t: t, ctx: ctx, base: g.URL, dir: dir, width: 390}
	phone.do(chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile, chromedp.EmulateScale(2)))
	phone.signIn(employerEmail, "39-phone-employer-signed-in")
	phone.open("/roles/r1/shortlist", "40-phone-shortlist", "Full matches", "Near matches", nearMatchSummary)
	phone.openDetails("why-2", "missing-2")
	phone.check("/roles/r1/shortlist", "41-phone-shortlist-near-explained",
		"Partly met (3)", "has Coffee roasting (level 3), a closely related skill in the same family (Coffee production)",
		"has Barista (level 3), a broader skill that includes it", "level 1 of the level 2 asked",
		"A related skill is not the skill asked for", "(2 essential, 2 optional)", "trained in: Logistics workshop")
	phone.mustNotShow("#missing-2", partlyMet...)
	phone.mustNotShow("#why-2", missingSkills...)
	phone.open("/lang/nl?next=/roles/r1/shortlist", "42-phone-shortlist-nl", "Bijna-matches")
	phone.openDetails("why-2", "missing-2")
	phone.check("/roles/r1/shortlist", "43-phone-shortlist-near-explained-nl", "Deels voldaan (3)", "(2 essentiële, 2 optionele)")

	deskCtx, cancel := chromedp.NewContext(ctx, chromedp.WithNewBrowserContext())
	defer cancel()
	desk := &browserTab{t: t, ctx: deskCtx, base: g.URL, dir: dir}
	desk.do(chromedp.EmulateViewport(1280, 800))
	desk.signIn(employerEmail, "39-desktop-employer-signed-in")
	desk.open("/roles/r1/shortlist", "44-desktop-shortlist", "Q4R5")
	desk.openDetails("why-2", "missing-2")
	desk.check("/roles/r1/shortlist", "45-desktop-shortlist-near-explained", "Met (2)", "Partly met (3)", "Missing (2)")

	coachCtx, cancelCoach := chromedp.NewContext(ctx, chromedp.WithNewBrowserContext())
	defer cancelCoach()
	coach := &browserTab{t: t, ctx: coachCtx, base: g.URL, dir: dir, width: 390}
	coach.do(chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile, chromedp.EmulateScale(2)))
	coach.signIn(coachEmail, "39-phone-coach-signed-in")
	coach.open("/candidates/c1", "46-phone-candidate-roles-that-fit", "Roles that fit",
		"Full match: the candidate holds every essential skill, perhaps below the level asked.",
		"Essential skills missing: Forklift licence (level 2 asked)")
	coach.openDetails("fit-1")
	coach.check("/candidates/c1", "47-phone-candidate-fit-explained", "has Barista (level 3), a broader skill that includes it")
	coach.mustNotShow(".match-gaps", partlyMet...)
	coach.open("/candidates/c1/suggestions", "48-phone-suggestions", "Roles that fit", "Role number 2")
	coach.open("/candidates/c2", "49-phone-candidate-no-consent", "Record consent to see roles that fit")
	coach.open("/candidates/c2/suggestions", "50-phone-suggestions-no-consent", "Record consent to see roles that fit")
	coach.mustNotShow("main", "try again in a few minutes", "Page not found")
	coach.submit(`a[href="/candidates/c2/consent"]`, "/candidates/c2/consent", "51-phone-consent-page")
}

// signIn signs in through the sign-in form and lands on the home page.
func (b *browserTab) signIn(email, shot string) {
	b.t.Helper()
	if _, err := chromedp.Run(b.ctx, chromedp.NavigateResponse(b.base+"/login")); err != nil {
		b.t.Fatalf("open /login: %v", err)
	}
	b.fill(map[string]string{"email": email, "password": strongPassword})
	b.submit(`main form button[type="submit"]`, "/home", shot)
}

// openDetails opens the <details> with these ids, as a tap on each
// summary does.
func (b *browserTab) openDetails(ids ...string) {
	b.t.Helper()
	for _, id := range ids {
		b.do(chromedp.Click(chromedp.CSS("#"+id+" > summary"), chromedp.NodeVisible))
	}
}

// mustNotShow fails if the first element matching selector shows any of
// texts.
func (b *browserTab) mustNotShow(selector string, texts ...string) {
	b.t.Helper()
	text, err := chromedp.Run(b.ctx, chromedp.Text(chromedp.CSS(selector)))
	if err != nil {
		b.t.Fatalf("read %s: %v", selector, err)
	}
	for _, s := range texts {
		if strings.Contains(text, s) {
			b.t.Errorf("%s shows %q:\n%s", selector, s, text)
		}
	}
}

// programmeCoachEmail sets up a programme organisation whose first
// administrator accepts the invitation, and returns their e-mail address
// for the sign-in form.
func programmeCoachEmail(t *testing.T, g *webtest.Stack) string {
	t.Helper()
	admin := newBrowser(t, g)
	admin.submit("/login", "/login", url.Values{"email": {g.AdminEmail}, "password": {webtest.AdminPassword}}).mustBeAt(t, "/home", http.StatusOK)
	created := admin.submit("/home", "/home/organisations", url.Values{
		"org_name": {"Koffiebranderij Kortrijk"}, "kind": {"programme"}, "programme_type": {"detention_house"},
	})
	email := uniqueEmail(t)
	invited := admin.submit("/home", "/home/invitations", url.Values{
		"email": {email}, "role": {"org_admin"}, "org_id": {formValue(t, created.Body, "org_id")}, "org_label": {"Koffiebranderij Kortrijk"},
	})
	link := invitationPath(t, invited)
	newBrowser(t, g).submit(link, link, url.Values{"name": {"Sam Claes"}, "password": {strongPassword}}).mustBeAt(t, "/home", http.StatusOK)
	return email
}
