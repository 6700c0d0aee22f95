package launcher

import (
	"fmt"
	"regexp"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/onward-jobs/onward/pkg/testkit"
)

// TestBrowserEmployerPostsARole runs the whole platform through the
// launcher at a phone's size: an employer signs up, completes the
// profile (sector, size, a site found with the place picker, fair-chance
// commitments, contact person), posts a role from the barista template
// with a place, days and hours, reviews it, opens it, and sees it on the
// home page among the open roles; then pauses it and edits its hours.
// Every step saves a full-page screenshot named employer-*.png.
func TestBrowserEmployerPostsARole(t *testing.T) {
	p := start(t, testEnviron(t, t.TempDir()))
	browser := testkit.Chromium(t, 3*time.Minute)
	tab := &phoneTab{t: t, ctx: browser, base: p.url("web"), dir: testkit.ArtifactDir(t, "screenshots")}
	tab.emulatePhone()

	tab.open("/lang/en?next=/signup", "/signup", "employer-00-signup", "Sign up as an employer")
	email := fmt.Sprintf("ana.%d@debrug.test", time.Now().UnixNano())
	tab.fill(map[string]string{
		"organisation_name": "Koffiebar De Brug", "name": "Ana Peeters", "email": email, "password": "amber-meadow-lantern-93",
	})
	tab.navigate(chromedp.Click(chromedp.CSS(`main form button[type="submit"]`)), "/home", "employer-01-home", "Your roles", "Post a role")
	// A platform administrator verifies the new employer, so it may open roles.
	verifySignedUp(t, p, email, "amber-meadow-lantern-93")

	// The profile: business, a site found with the place picker, fair chance, contact.
	tab.navigate(chromedp.Tap(chromedp.CSS(`main a[href="/employer/profile"]`)), "/employer/profile", "employer-02-profile",
		"Your business profile", "Fair chance", "Skills first")
	tab.fill(map[string]string{"website": "https://debrug.example"})
	tab.do(chromedp.SendKeys(chromedp.ID("description"), "Speciality coffee and breakfast by the river."))
	tab.do(chromedp.SetValue(chromedp.ID("size_band"), "1-9"), chromedp.Click(chromedp.CSS(`input[name="sectors"][value="I"]`)))
	tab.navigate(chromedp.Click(chromedp.CSS(`button[name="action"][value="add_site"]`)), "/employer/profile", "employer-03-profile-site", "Town or city")
	tab.fill(map[string]string{"site_name_0": "De Brug"})
	tab.typeInto("site_0_q", "Gent")
	tab.do(chromedp.Tap(chromedp.ID(tab.waitOption("site_0", regexp.MustCompile(`(?s)(Gent|Ghent).*Belgium`)))))
	tab.do(chromedp.SendKeys(chromedp.ID("statement"), "We hire for skills and give everyone a fair start."))
	tab.fill(map[string]string{
		"contact_name":  "Ana Peeters",
		"contact_email": "ana@debrug.example", "contact_phone": "+32 9 123 45 67",
	})
	tab.do(chromedp.Click(chromedp.CSS(`input[name="commitments"][value="skills_first"]`)),
		chromedp.Click(chromedp.CSS(`input[name="commitments"][value="day_release_welcome"]`)))
	tab.check("/employer/profile", "employer-04-profile-filled", "Day-release workers welcome")
	tab.navigate(chromedp.Click(chromedp.CSS(`button[name="action"][value="save"]`)), "/home", "employer-05-profile-saved", "Your profile is saved.")

	// A role from the barista template.
	tab.navigate(chromedp.Tap(chromedp.CSS(`main a[href="/roles/new"]`)), "/roles/new", "employer-06-role-template", "Step 1 of 3")
	tab.typeInto("occupation_q", "barista")
	tab.do(chromedp.Tap(chromedp.ID(tab.waitOption("occupation", regexp.MustCompile(`(?i)barista`)))))
	tab.navigate(chromedp.Click(chromedp.CSS(`main form button.btn:not(.picker-search)`)), "/roles/new", "employer-07-role-details",
		"Step 2 of 3", "Essential skills")
	tab.expectText("#essential_skills", regexp.MustCompile(`\S`))
	tab.do(chromedp.SendKeys(chromedp.ID("description"), "Morning shifts in our café by the river. We train you on the machine."))
	tab.fill(map[string]string{"hours_per_week": "32", "positions": "1"})
	tab.do(chromedp.SetValue(chromedp.ID("sector"), "I"), chromedp.SetValue(chromedp.ID("contract"), "permanent"),
		chromedp.SetValue(chromedp.ID("start_time"), "07:00"), chromedp.SetValue(chromedp.ID("end_time"), "15:00"))
	for _, day := range []string{"mon", "tue", "wed", "thu", "fri"} {
		tab.do(chromedp.Click(chromedp.CSS(`input[name="days"][value="` + day + `"]`)))
	}
	tab.do(chromedp.Click(chromedp.CSS(`input[name="start_asap"]`)), chromedp.Click(chromedp.CSS(`input[name="day_release_ok"]`)))
	tab.typeInto("site_q", "Gent")
	tab.do(chromedp.Tap(chromedp.ID(tab.waitOption("site", regexp.MustCompile(`(?s)(Gent|Ghent).*Belgium`)))))
	tab.check("/roles/new", "employer-08-role-filled", "Where and when")
	tab.navigate(chromedp.Click(chromedp.CSS(`button[name="action"][value="review"]`)), "/roles/new", "employer-09-role-review",
		"Step 3 of 3", "Check the role", "Monday, Tuesday, Wednesday, Thursday, Friday 07:00–15:00", "As soon as possible")
	tab.navigate(chromedp.Click(chromedp.CSS(`button[name="action"][value="open"]`)), "/home", "employer-10-role-opened",
		"is saved (open)", "Open", "Pause", "Mark filled")
	tab.expectText("#roles-heading ~ .role-list", regexp.MustCompile(`(?i)barista`))

	// Pause it, then edit it: the edit carries the role's version.
	tab.navigate(chromedp.Click(chromedp.CSS(`form[action$="/status"]:has(input[value="paused"]) button`)), "/home",
		"employer-11-role-paused", "is now paused", "Paused", "Reopen")
	tab.do(chromedp.Click(chromedp.CSS(`main a[href$="/edit"]`)))
	tab.do(chromedp.WaitVisible(chromedp.ID("hours_per_week")))
	path := tab.eval(`location.pathname`)
	tab.check(path, "employer-12-role-edit", "Edit a role", "Essential skills")
	tab.fill(map[string]string{"hours_per_week": "24"})
	tab.navigate(chromedp.Click(chromedp.CSS(`button[name="action"][value="review"]`)), path, "employer-13-role-edit-review", "Check the role", "24")
	tab.navigate(chromedp.Click(chromedp.CSS(`button[name="action"][value="save"]`)), "/home", "employer-14-role-saved", "is saved (paused)")
}
