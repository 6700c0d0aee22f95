package launcher

import (
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/onward-jobs/onward/pkg/testkit"
)

// TestBrowserStaffRegistersAndAttests runs the whole platform through the
// launcher at a phone's size: a transition house's coach signs in, finds
// no candidates yet, registers one through the four-step wizard (identity;
// setting, house and day release found with the place picker, release and
// return region, a restriction; programme hours; consent), then attests a
// skill on the quick one-screen form and checks that the attestation's
// signature verifies. Every step saves a full-page screenshot named
// staff-*.png; the last one is the candidate page on a desktop screen.
func TestBrowserStaffRegistersAndAttests(t *testing.T) {
	p := start(t, testEnviron(t, t.TempDir()))
	email, coach := newProgrammeOrg(t, p, "Transitiehuis Kortrijk")
	var prog struct{ ID string }
	coach.do("POST", "/api/v1/programmes", map[string]any{
		"name": "Koffiebranderij De Overkant", "kind": "coffee_roastery", "site": map[string]any{"place_id": kortrijk},
		"skills": []string{"coffee-roasting", "espresso-preparation"},
	}, http.StatusCreated, &prog)

	browser := testkit.Chromium(t, 3*time.Minute)
	tab := &phoneTab{t: t, ctx: browser, base: p.url("web"), dir: testkit.ArtifactDir(t, "screenshots")}
	tab.emulatePhone()
	tab.open("/lang/en?next=/login", "/login", "staff-00-login", "Sign in")
	tab.fill(map[string]string{"email": email, "password": staffPassword})
	tab.navigate(chromedp.Click(chromedp.CSS(`main form button[type="submit"]`)), "/home", "staff-01-home", "Candidates", "Programmes")
	tab.navigate(chromedp.Tap(chromedp.CSS(`main a[href="/candidates"]`)), "/candidates", "staff-02-no-candidates", "No candidates yet")
	tab.navigate(chromedp.Tap(chromedp.CSS(`main a[href="/candidates/new"]`)), "/candidates/new", "staff-03-step-1", "Step 1 of 4")

	// Step 1: who they are.
	tab.fill(map[string]string{"given_name": "Jan", "family_name": "Peeters", "preferred_name": "Jan", "phone": "+32 470 00 00 00", "email": "jan@example.org"})
	tab.do(chromedp.SetValue(chromedp.ID("date_of_birth"), "1990-04-02"))
	tab.navigate(chromedp.Click(chromedp.CSS(`button[name="action"][value="next"]`)), "/candidates/new", "staff-04-step-2", "Step 2 of 4", "Restrictions")

	// Step 2: setting, house with day release, release, a restriction.
	tab.do(chromedp.Click(chromedp.CSS(`input[name="setting"][value="transition_house"]`)))
	tab.typeInto("house_q", "Kortrijk")
	tab.do(chromedp.Tap(chromedp.ID(tab.waitOption("house", regexp.MustCompile(`(?s)Kortrijk.*Belgium`)))))
	tab.do(chromedp.SetValue(chromedp.ID("dr_eligible_from"), "2027-01-04"),
		chromedp.SetValue(chromedp.ID("dr_start"), "07:00"), chromedp.SetValue(chromedp.ID("dr_end"), "18:00"))
	for _, day := range []string{"mon", "tue", "wed", "thu", "fri"} {
		tab.do(chromedp.Click(chromedp.CSS(`input[name="dr_days"][value="` + day + `"]`)))
	}
	tab.fill(map[string]string{"dr_commute": "25", "region_radius": "30"})
	tab.do(chromedp.SetValue(chromedp.ID("rel_date"), "2027-09-01"))
	tab.typeInto("region_q", "Kortrijk")
	tab.do(chromedp.Tap(chromedp.ID(tab.waitOption("region", regexp.MustCompile(`(?s)Kortrijk.*Belgium`)))))
	tab.do(chromedp.Click(chromedp.CSS(`input[name="excluded_sectors"][value="P"]`)))
	tab.check("/candidates/new", "staff-05-step-2-filled", "Day release")
	if _, err := chromedp.RunResponse(browser, chromedp.Click(chromedp.CSS(`button[name="action"][value="create"]`))); err != nil {
		t.Fatalf("register: %v", err)
	}
	path := tab.eval(`location.pathname`)
	id := strings.TrimSuffix(strings.TrimPrefix(path, "/candidates/"), "/register/hours")
	if !regexp.MustCompile(`^[0-9a-f-]{36}$`).MatchString(id) {
		t.Fatalf("after registering the browser is at %s\n%s", path, tab.eval(`document.body.innerText`))
	}
	tab.check(path, "staff-06-step-3", "Step 3 of 4", "Jan Peeters is registered, with the alias")

	// Step 3: programme hours.
	tab.do(chromedp.SetValue(chromedp.ID("rec_programme"), prog.ID), chromedp.SetValue(chromedp.ID("rec_from"), "2026-03-02"))
	tab.fill(map[string]string{"rec_hours": "600"})
	tab.navigate(chromedp.Click(chromedp.CSS(`button[name="action"][value="add_record"]`)), path, "staff-07-step-3-hours", "Koffiebranderij De Overkant")
	tab.navigate(chromedp.Tap(chromedp.CSS(`main a[href="/candidates/`+id+`/register/consent"]`)), "/candidates/"+id+"/register/consent", "staff-08-step-4", "Step 4 of 4")

	// Step 4: consent to matching, then the candidate page.
	tab.do(chromedp.Click(chromedp.ID("matching")))
	tab.navigate(chromedp.Click(chromedp.CSS(`main form button[type="submit"]`)), "/candidates/"+id, "staff-09-candidate", "Jan Peeters", "In a transition house")

	// The supervisor's quick attestation: the only programme is chosen,
	// its skills are chips, the level is one tap.
	tab.navigate(chromedp.Tap(chromedp.CSS(`main a[href="/candidates/`+id+`/attest"]`)), "/candidates/"+id+"/attest", "staff-10-attest", "Koffiebranderij De Overkant")
	if checked := tab.eval(`String(document.querySelector('input[name="programme"]:checked') ? document.querySelector('input[name="programme"]:checked').value : "")`); checked != prog.ID {
		t.Errorf("the supervisor's only programme is not preselected (checked %q)", checked)
	}
	tab.do(chromedp.Click(chromedp.CSS(`input[name="skill"][value="coffee-roasting"]`)), chromedp.Click(chromedp.CSS(`input[name="level"][value="3"]`)))
	tab.fill(map[string]string{"hours": "600"})
	tab.do(chromedp.SendKeys(chromedp.ID("evidence"), "Roasts the daily batches alone and keeps the roast log."))
	tab.check("/candidates/"+id+"/attest", "staff-11-attest-filled")
	tab.navigate(chromedp.Click(chromedp.CSS(`button.btn[name="action"][value="attest"]`)), "/candidates/"+id, "staff-12-attested",
		"Skill attested and signed", "Signed")
	tab.expectText("main", regexp.MustCompile(`(?i)coffee roasting`))

	// The signature verifies.
	check := tab.eval(`document.querySelector('main a[href^="/attestations/"]').getAttribute("href")`)
	tab.navigate(chromedp.Tap(chromedp.CSS(`main a[href^="/attestations/"]`)), check, "staff-13-verified",
		"The signature is intact", "Coffee roasting", "600 hours")

	// The same candidate page on a desktop screen.
	tab.do(chromedp.EmulateViewport(1280, 800))
	for _, page := range []struct{ path, at, shot, text string }{
		{"/candidates/" + id, "/candidates/" + id, "staff-14-candidate-desktop", "Signed"},
		{"/candidates?q=pee", "/candidates", "staff-15-search-desktop", "Jan Peeters"},
	} {
		if _, err := chromedp.Run(browser, chromedp.NavigateResponse(tab.base+page.path)); err != nil {
			t.Fatalf("open %s: %v", page.path, err)
		}
		testkit.CheckPage(t, browser, tab.dir, page.shot, page.at, 1280, page.text)
	}
}
