package launcher

import (
	"net/http"
	"regexp"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/onward-jobs/onward/pkg/api"
	"github.com/onward-jobs/onward/pkg/testkit"
)

// TestBrowserEmployerReadsWhyACandidateFits runs the whole platform at a
// phone's size: staff register three consenting baristas (through the
// API), an employer opens a barista role, sees its shortlist counts on the
// home page, opens the shortlist of pseudonymous cards, reads why the best
// candidate fits and what the weakest lacks; no name appears anywhere.
// Every step saves a full-page screenshot named shortlist-*.png.
func TestBrowserEmployerReadsWhyACandidateFits(t *testing.T) {
	env := testEnviron(t, t.TempDir())
	p := start(t, env)
	_, staff := newProgrammeOrg(t, p, "Transitiehuis Kortrijk")
	var prog struct{ ID string }
	staff.do("POST", "/api/v1/programmes", map[string]any{"name": "Koffiebar", "kind": "coffee_roastery", "site": map[string]any{"place_id": kortrijk}, "skills": []string{"espresso-preparation"}}, http.StatusCreated, &prog)
	_, best := registerBarista(t, staff, prog.ID, "Annelies", 4)
	registerBarista(t, staff, prog.ID, "Bartholomeus", 3)
	registerBarista(t, staff, prog.ID, "Cleopatra", 2)

	email, employer := newEmployer(t, p, "Koffiebar De Brug")
	var role struct{ ID string }
	employer.do("POST", "/api/v1/roles", map[string]any{
		"title": "Barista", "description": "Morning shifts.", "sector": "I", "site": map[string]any{"place_id": kortrijk},
		"essential_skills": []any{map[string]any{"skill": "espresso-preparation", "min_level": 2}},
		"optional_skills":  []any{map[string]any{"skill": "latte-art", "min_level": 1}},
		"schedule":         map[string]any{"days": []string{"mon", "tue", "wed"}, "start": "07:00", "end": "15:00"},
		"hours_per_week":   24, "contract": "permanent", "start_asap": true, "day_release_ok": true, "status": "open",
	}, http.StatusCreated, &role)
	waitShortlist(t, employer, role.ID, func(s api.Shortlist) bool { return len(s.Items) == 3 })

	browser := testkit.Chromium(t, 3*time.Minute)
	tab := &phoneTab{t: t, ctx: browser, base: p.url("web"), dir: testkit.ArtifactDir(t, "screenshots")}
	tab.emulatePhone()
	tab.open("/lang/en?next=/login", "/login", "shortlist-00-login", "Sign in")
	tab.fill(map[string]string{"email": email, "password": staffPassword})
	tab.navigate(chromedp.Click(chromedp.CSS(`main form button[type="submit"]`)), "/home", "shortlist-01-home", "Barista", "3 full matches")
	tab.navigate(chromedp.Tap(chromedp.CSS(`main a.match-counts[href="/roles/`+role.ID+`/shortlist"]`)), "/roles/"+role.ID+"/shortlist",
		"shortlist-02-cards", "Shortlist for Barista", best, "Full matches", "Trained in a coffee roastery")
	tab.do(chromedp.Click(chromedp.CSS(`main li.match-card:first-child details.match-details:first-of-type summary`)))
	tab.check("/roles/"+role.ID+"/shortlist", "shortlist-03-why", "Why this candidate")
	tab.expectText(`main li.match-card:first-child details.match-details[open]`, regexp.MustCompile(`(?i)espresso`))
	tab.do(chromedp.Click(chromedp.CSS(`main li.match-card:last-child details.match-details:last-of-type summary`)))
	tab.check("/roles/"+role.ID+"/shortlist", "shortlist-04-missing", "What is missing")
	body := tab.eval(`document.body.innerText`)
	for _, name := range []string{"Annelies", "Bartholomeus", "Cleopatra", "Vermeulen", "example.org"} {
		if regexp.MustCompile(name).MatchString(body) {
			t.Errorf("the employer's shortlist page shows %q", name)
		}
	}

	// Filters narrow the list without JavaScript.
	tab.do(chromedp.EmulateViewport(1280, 800))
	if _, err := chromedp.Run(browser, chromedp.NavigateResponse(tab.base+"/roles/"+role.ID+"/shortlist?full_only=true&available_within_weeks=4")); err != nil {
		t.Fatal(err)
	}
	testkit.CheckPage(t, browser, tab.dir, "shortlist-05-desktop-filtered", "/roles/"+role.ID+"/shortlist", 1280, best)
}
