package employer_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/onward-jobs/onward/pkg/testkit"
	"github.com/onward-jobs/onward/services/web/internal/webtest"
	"github.com/onward-jobs/onward/services/web/internal/webtest/chrome"
	"github.com/onward-jobs/onward/services/web/internal/webtest/fake"
)

// employerTabs starts a gateway on fake employers and matching services
// and signs an employer up in a real browser at a phone's size; desktop
// is a second tab of the same browser, at a desktop's size.
func employerTabs(t *testing.T, prefix string) (phone, desktop *chrome.Tab, e *fake.Employers) {
	t.Helper()
	e, m := fake.NewEmployers(t), fake.NewVocabulary(t)
	g := webtest.Start(t, map[string]string{"EMPLOYERS_URL": e.URL, "MATCHING_URL": m.URL})
	ctx := testkit.Chromium(t, 3*time.Minute)
	dir := testkit.ArtifactDir(t, "screenshots")
	phone = chrome.NewTab(t, ctx, g.URL, dir).Phone()
	phone.Open("/lang/en?next=/signup", prefix+"-00-signup", "Sign up as an employer")
	phone.Fill(map[string]string{"organisation_name": "Café De Hoek", "name": "Ana Peeters",
		"email": fmt.Sprintf("ana.%d@cafe.test", time.Now().UnixNano()), "password": browserPassword})
	phone.Submit(`main form button[type="submit"]`, "/home", prefix+"-01-home", "Welcome, Ana Peeters")
	tabCtx, cancel := chromedp.NewContext(ctx)
	t.Cleanup(cancel)
	desktop = chrome.NewTab(t, tabCtx, g.URL, dir).Desktop()
	return phone, desktop, e
}

// TestBrowserFillingAndReopeningARole shows item 2.4 as an employer sees
// it: "Mark filled" asks first, the filled role offers "Reopen" with its
// last day, a passed closing date asks for a new one, and after the week
// the refusal is explained.
func TestBrowserFillingAndReopeningARole(t *testing.T) {
	phone, desktop, e := employerTabs(t, "40-status")
	e.AddRole("r1", "Barista", "open")
	e.SetRole("r1", map[string]any{"next_statuses": []string{"paused", "filled", "closed"}})

	phone.Open("/home", "40-status-02-phone-home", "Barista", "Mark filled", "Close")
	phone.Submit(`form[action="/roles/r1/status"]:has(input[value="filled"]) button`, "/roles/r1/status",
		"40-status-03-phone-confirm-filled", "Mark “Barista” as filled?", "Yes, mark it filled", "Cancel")
	phone.Submit(`main form button[type="submit"]`, "/home", "40-status-04-phone-filled",
		"“Barista” is now filled.", "Reopen", "You can reopen it until")

	// The closing date passed meanwhile: reopening asks for a new one.
	e.SetRole("r1", map[string]any{"closing_date": "2026-01-10"})
	phone.Open("/home", "40-status-05-phone-home-filled", "Reopen")
	phone.Submit(`form[action="/roles/r1/status"]:has(input[value="open"]) button`, "/roles/r1/status",
		"40-status-06-phone-closing-date", "Choose a new closing date for “Barista”", "Reopen the role")
	phone.Do(chromedp.SetValue(chromedp.ID("closing_date"), "2099-03-01"))
	phone.Submit(`main form button[type="submit"]`, "/home", "40-status-07-phone-reopened", "“Barista” is now open.")

	// From the role's page, Cancel comes back to it.
	desktop.Open("/roles/r1", "40-status-08-desktop-role", "Mark filled")
	desktop.Submit(`form[action="/roles/r1/status"]:has(input[value="closed"]) button`, "/roles/r1/status",
		"40-status-09-desktop-confirm-close", "Close “Barista”?", "you can reopen the role within 7 days")
	desktop.Submit(`main .actions a.btn-secondary`, "/roles/r1", "40-status-10-desktop-cancelled", "Barista", "Mark filled")

	// After the week, the refusal says when the time ended.
	e.SetRole("r1", map[string]any{"status": "closed", "reopen_until": nil, "next_statuses": []string{"open"}, "reopen_ended": "2026-12-01T09:30:00Z"})
	desktop.Open("/home", "40-status-11-desktop-home", "Barista")
	desktop.Submit(`form[action="/roles/r1/status"]:has(input[value="open"]) button`, "/roles/r1/status",
		"40-status-12-desktop-window-ended", "“Barista” can no longer be reopened", "1 December 2026, 10:30", "Post a role")
}

// TestBrowserRoleFormReview shows item 2.6 as an employer sees it: the
// sector comes from the profile by name, skills are chips that open to a
// level, only the chosen schedule shows, the wording notes come by
// category, and the review names every error with a way back to it.
func TestBrowserRoleFormReview(t *testing.T) {
	phone, desktop, _ := employerTabs(t, "50-form")
	form := "/roles/new?step=details&occupation=barista&occupation_q=Barista&occupation_shown=Barista"
	phone.Navigate(form)
	phone.Check("/roles/new", "50-form-02-phone-details", "Espresso preparation", "Works independently", "Accommodation and food service")
	phone.Do(chromedp.Click(chromedp.CSS(`#essential_skills details summary`), chromedp.NodeVisible))
	phone.Check("/roles/new", "50-form-03-phone-chip-open", "Level needed for Espresso preparation", "Can instruct others")
	if shown := phone.Display(".schedule-shifts"); shown != "none" {
		t.Errorf("the shifts show while days are chosen (display %q)", shown)
	}
	phone.Do(chromedp.Click(chromedp.CSS(`input[name="schedule_kind"][value="shifts"]`), chromedp.NodeVisible))
	if shown := phone.Display(".schedule-days"); shown != "none" {
		t.Errorf("the days show while shifts are chosen (display %q)", shown)
	}
	phone.Check("/roles/new", "50-form-04-phone-shifts", "Add this shift")
	phone.Do(chromedp.Click(chromedp.CSS(`input[name="schedule_kind"][value="days"]`), chromedp.NodeVisible))

	if _, err := chromedp.Run(phone.Ctx, chromedp.Evaluate[bool](`document.getElementById("title").value = ""; true`)); err != nil {
		t.Fatal(err)
	}
	phone.Fill(map[string]string{"hours_per_week": "70"})
	phone.Submit(`button[value="review"]`, "/roles/new", "50-form-05-phone-review-errors",
		"Some details need changing", "Give the role a title", "Enter the hours per week, from 1 to 60.", "Not filled in", "Change")
	phone.Submit(`dd button[formaction$="#hours_per_week"]`, "/roles/new", "50-form-06-phone-back-to-field",
		"Step 2 of 3", "Enter the hours per week, from 1 to 60.")

	desktop.Navigate(form)
	desktop.Check("/roles/new", "50-form-07-desktop-details", "Espresso preparation")
	desktop.Do(chromedp.SetValue(chromedp.ID("description"), "We want a young and dynamic, well-groomed team member with a clean record."))
	desktop.Submit(`button[value="check"]`, "/roles/new", "50-form-08-desktop-wording",
		"About a criminal record", "About age", "About appearance")
}
