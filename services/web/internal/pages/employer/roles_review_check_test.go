package employer_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/onward-jobs/onward/services/web/internal/webtest"
)

func TestRoleReviewShowsEveryErrorBesideItsLine(t *testing.T) {
	t.Parallel()
	b, e, _ := webtest.EmployerSession(t)
	form := baristaRole("review")
	form.Set("title", "")
	form.Set("hours_per_week", "70")
	review := b.Submit("/roles/new", "/roles/new", form)
	review.MustBeAt(t, "/roles/new", http.StatusOK)
	review.MustContain(t, "Step 3 of 3", "Some details need changing before the role can be saved.",
		`href="#title"`, `href="#hours_per_week"`, "Give the role a title", "Enter the hours per week, from 1 to 60.",
		`formaction="/roles/new#title"`, `formaction="/roles/new#hours_per_week"`, "Not filled in", `name="recheck" value="1"`)
	if strings.Contains(review.Body, `value="open"`) {
		t.Error("an invalid role can still be opened from the review")
	}
	if body := e.Last(t, http.MethodPost, "/api/v1/roles/validate").Body; body["status"] != nil || body["hours_per_week"] != float64(70) {
		t.Errorf("validate sent %v", body)
	}
	if n := e.Count(http.MethodPost, "/api/v1/roles"); n != 0 {
		t.Errorf("the review saved the role (%d calls)", n)
	}

	// "Change" goes back to the form with the errors beside their fields.
	form.Set("action", "edit")
	form.Set("recheck", "1")
	back := b.Submit("/roles/new", "/roles/new", form)
	back.MustContain(t, "Step 2 of 3", `value="70"`)
	if got := fieldError(t, back.Body, "hours_per_week"); !strings.Contains(got, "from 1 to 60") {
		t.Errorf("hours error = %q", got)
	}
	fieldError(t, back.Body, "title")

	// A valid role reaches the review with its save buttons.
	b.Submit("/roles/new", "/roles/new", baristaRole("review")).MustContain(t, `value="open"`, `value="draft"`)
}

func TestRoleEditReviewExplainsAStaleVersion(t *testing.T) {
	t.Parallel()
	b, e, _ := webtest.EmployerSession(t)
	e.AddRole("r1", "Barista", "open")
	e.SetRole("r1", map[string]any{"version": 3})
	form := baristaRole("review")
	form.Set("version", "2")
	p := b.Submit("/roles/r1/edit", "/roles/r1/edit", form)
	p.MustContain(t, "Someone else changed this role", "Reload the role", "Step 2 of 3")
	if got := e.Last(t, http.MethodPost, "/api/v1/roles/r1/validate").Body["version"]; got != float64(2) {
		t.Errorf("validate sent version %v", got)
	}
}

func TestRoleFormChipsScheduleSectorsAndWording(t *testing.T) {
	t.Parallel()
	b, _, _ := webtest.EmployerSession(t)

	// The profile's sector starts the role, named, never coded.
	p := b.Get("/roles/new?step=details&occupation=barista&occupation_q=Barista&occupation_shown=Barista")
	p.MustContain(t, `name="sector" value="I" checked> <span>Accommodation and food service</span>`, `value="H"> <span>Transport and storage</span>`)
	if strings.Contains(p.Body, "I · ") {
		t.Error("the sector list shows codes")
	}
	// Skills are chips with their level in words; levels are radio buttons with their full names.
	p.MustContain(t, `<details class="skill-chip">`, `<span class="skill-chip-name" id="ess-0">Espresso preparation</span>`,
		`name="ess_level_0" value="2" checked`, "<strong>4</strong>Can instruct others", `class="schedule-choice" id="schedule"`,
		`class="field schedule-days"`, `class="field schedule-shifts"`, `name="new_skill_level" value="1" checked`)

	// A chip's new level is kept.
	form := baristaRole("refresh")
	delete(form, "ess_level")
	form.Set("ess_level_0", "4")
	form.Set("ess_level_1", "1")
	b.Submit("/roles/new", "/roles/new", form).MustContain(t, `name="ess_level_0" value="4" checked`, "Espresso preparation</span> <span class=\"level level-4\"")

	// The wording notes come by category, each explained.
	form = baristaRole("check")
	form.Set("description", "We want a young and dynamic, well-groomed team member with a clean record.")
	p = b.Submit("/roles/new", "/roles/new", form)
	p.MustContain(t, "About a criminal record", "About age", "About appearance", "age discrimination under EU law",
		"judges people on how they look", "“young and dynamic” may put good people off applying")
	if i, j, k := strings.Index(p.Body, "About a criminal record"), strings.Index(p.Body, "About age"), strings.Index(p.Body, "About appearance"); !(i < j && j < k) {
		t.Error("the wording notes are not in category order")
	}

	// In Dutch, sector names in Dutch; the profile's boxes too.
	b.Lang = "nl"
	b.Get("/roles/new?step=details&blank=1").MustContain(t, "Horeca: accommodatie en maaltijden")
	prof := b.Get("/employer/profile")
	prof.MustContain(t, "<span>Horeca: accommodatie en maaltijden</span>")
	if strings.Contains(prof.Body, "<small>I</small>") {
		t.Error("the profile's sector boxes show codes")
	}
}
