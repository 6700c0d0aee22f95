package employer_test

import (
	"encoding/json"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/onward-jobs/onward/services/web/internal/webtest"
	"github.com/onward-jobs/onward/services/web/internal/webtest/fake"
)

// baristaRole is the role form filled in from the barista template.
func baristaRole(action string) url.Values {
	return url.Values{
		"occupation": {"barista"}, "occupation_label": {"Barista"}, "title": {"Barista"},
		"description": {"Morning shifts in our roastery café."}, "sector": {"I"},
		"ess_skill": {"espresso-preparation", "customer-service"}, "ess_label": {"Espresso preparation", "Customer service"}, "ess_level": {"2", "1"},
		"opt_skill": {"latte-art"}, "opt_label": {"Latte art"}, "opt_level": {"3"},
		"site": {"2797656"}, "site_q": {"Gent"}, "site_shown": {"Gent"},
		"days": {"mon", "tue", "wed"}, "start_time": {"07:00"}, "end_time": {"15:30"}, "hours_per_week": {"32"},
		"contract": {"permanent"}, "start_date": {"2027-02-01"}, "positions": {"1"}, "day_release_ok": {"1"},
		"closing_date": {"2027-01-15"}, "action": {action},
	}
}

func TestRoleFormNeedsAnEmployerSession(t *testing.T) {
	t.Parallel()
	e := fake.NewEmployers(t)
	g := webtest.Start(t, map[string]string{"EMPLOYERS_URL": e.URL})
	b := webtest.NewBrowser(t, g)
	for _, path := range []string{"/roles/new", "/roles/r1/edit", "/employer/profile", "/roles", "/roles/r1"} {
		b.Get(path).MustBeAt(t, "/login", http.StatusOK)
	}
}

func TestRoleFormFromATemplatePostsTheRole(t *testing.T) {
	t.Parallel()
	b, e, _ := webtest.EmployerSession(t)

	step1 := b.Get("/roles/new")
	step1.MustBeAt(t, "/roles/new", http.StatusOK)
	step1.MustContain(t, "Step 1 of 3", `name="occupation_q"`, "Start with a blank role")

	// "Use this job" without a job asks for one.
	b.Get("/roles/new?step=details&occupation_q=").MustContain(t, "Step 1 of 3", "Choose a job from the list, or start with a blank role.")
	b.Get("/roles/new?step=details&blank=1").MustContain(t, "Step 2 of 3", "No skills yet.")

	// Choosing the barista template fills in its title and skills.
	p := b.Get("/roles/new?step=details&occupation=barista&occupation_q=Barista&occupation_shown=Barista")
	p.MustContain(t, "Step 2 of 3", `name="title" type="text" autocomplete="off" value="Barista"`, "Espresso preparation",
		`name="ess_skill" value="espresso-preparation"`, `name="opt_skill" value="latte-art"`, "Works independently", `name="site_q"`)

	// Review, then save and open.
	review := b.Submit("/roles/new", "/roles/new", baristaRole("review"))
	review.MustContain(t, "Step 3 of 3", "Check the role", "Accommodation and food service", "Gent", "Monday, Tuesday, Wednesday 07:00–15:30",
		"Permanent", "Espresso preparation", `type="hidden" name="ess_level" value="2"`, `value="open"`)
	home := b.Submit("/roles/new", "/roles/new", baristaRole("open"))
	home.MustBeAt(t, "/home", http.StatusOK)
	home.MustContain(t, "“Barista” is saved (open).")

	got, _ := json.Marshal(e.Last(t, http.MethodPost, "/api/v1/roles").Body)
	want := `{"closing_date":"2027-01-15","contract":"permanent","day_release_ok":true,"description":"Morning shifts in our roastery café.",` +
		`"end_date":"","essential_skills":[{"min_level":2,"skill":"espresso-preparation"},{"min_level":1,"skill":"customer-service"}],"hours_per_week":32,"languages":[],` +
		`"occupation":"barista","optional_skills":[{"min_level":3,"skill":"latte-art"}],"positions":1,"remote":false,` +
		`"schedule":{"days":["mon","tue","wed"],"end":"15:30","start":"07:00"},"sector":"I","site":{"place_id":"2797656"},` +
		`"start_asap":false,"start_date":"2027-02-01","status":"open","title":"Barista"}`
	if string(got) != want {
		t.Errorf("the role posted was\n%s\nwant\n%s", got, want)
	}

	// A draft sends no status, and "as soon as possible" no start date.
	draft := baristaRole("draft")
	draft.Set("start_asap", "1")
	b.Submit("/roles/new", "/roles/new", draft).MustContain(t, "“Barista” is saved (draft).")
	body := e.Last(t, http.MethodPost, "/api/v1/roles").Body
	if _, has := body["status"]; has || body["start_asap"] != true || body["start_date"] != "" {
		t.Errorf("draft body: %v", body)
	}
}

func TestRoleFormAddsAndRemovesSkills(t *testing.T) {
	t.Parallel()
	b, _, _ := webtest.EmployerSession(t)
	form := baristaRole("refresh")
	form.Set("new_skill", "barista-skills")
	form.Set("new_skill_q", "Barista skills")
	form.Set("new_skill_shown", "Barista skills")
	form.Set("new_skill_kind", "optional")
	form.Set("new_skill_level", "4")
	form.Set("remove", "ess:0")
	p := b.Submit("/roles/new", "/roles/new", form)
	p.MustBeAt(t, "/roles/new", http.StatusOK)
	p.MustContain(t, `name="opt_skill" value="barista-skills"`, `name="new_skill_shown" value=""`)
	if strings.Contains(p.Body, `value="espresso-preparation"`) {
		t.Error("the removed skill is still on the form")
	}
	// Without JavaScript, a skill search offers its matches.
	form = baristaRole("refresh")
	form.Set("new_skill_q", "barist")
	b.Submit("/roles/new", "/roles/new", form).MustContain(t, `type="radio" name="new_skill" value="barista-skills"`)
}

// fieldError returns the error text shown for a form field.
func fieldError(t *testing.T, body, id string) string {
	t.Helper()
	m := regexp.MustCompile(`id="` + regexp.QuoteMeta(id) + `-error">(?:<span class="visually-hidden">[^<]*</span>)?([^<]*)<`).FindStringSubmatch(body)
	if m == nil {
		t.Fatalf("no error shown for %s:\n%s", id, body)
	}
	return m[1]
}

func TestRoleFormShowsTheServicesFieldErrors(t *testing.T) {
	t.Parallel()
	b, _, _ := webtest.EmployerSession(t)
	form := baristaRole("open")
	form.Set("title", "bad title")
	p := b.Submit("/roles/new", "/roles/new", form)
	p.MustBeAt(t, "/roles/new", http.StatusUnprocessableEntity)
	p.MustContain(t, "Please check the fields marked below.", `value="bad title"`, `href="#start_date"`)
	if got := fieldError(t, p.Body, "start_date"); !strings.Contains(got, "Choose a start date from today on") {
		t.Errorf("start_date error = %q", got)
	}
	if got := fieldError(t, p.Body, "essential_skills"); !strings.Contains(got, "levels 1 to 4") {
		t.Errorf("essential_skills error = %q", got)
	}
	b.Lang = "nl"
	b.SetCookie("onward_lang", "nl")
	p = b.Submit("/roles/new", "/roles/new", form)
	if got := fieldError(t, p.Body, "start_date"); !strings.Contains(got, "Kies een startdatum vanaf vandaag") {
		t.Errorf("Dutch start_date error = %q", got)
	}
	// A number that is not one is caught before the service is asked.
	form.Set("hours_per_week", "many")
	p = b.Submit("/roles/new", "/roles/new", form)
	if got := fieldError(t, p.Body, "hours_per_week"); !strings.Contains(got, "geheel getal") {
		t.Errorf("hours error = %q", got)
	}
}

func TestRoleFormShowsWordingNotesWithoutBlocking(t *testing.T) {
	t.Parallel()
	b, e, _ := webtest.EmployerSession(t)
	form := baristaRole("check")
	form.Set("description", "You must have a clean record.")
	p := b.Submit("/roles/new", "/roles/new", form)
	p.MustContain(t, "“clean record” may put good people off applying. You could write “reliable” instead.")
	if got := e.Last(t, http.MethodPost, "/api/v1/roles/wording-check").Body; got["lang"] != "en" || got["description"] != "You must have a clean record." {
		t.Errorf("wording check got %v", got)
	}
	form.Set("action", "review")
	b.Submit("/roles/new", "/roles/new", form).MustContain(t, "Step 3 of 3", "“clean record” may put")
	form.Set("action", "open")
	saved := b.Submit("/roles/new", "/roles/new", form)
	saved.MustBeAt(t, "/home", http.StatusOK)
	saved.MustContain(t, "“Barista” is saved (open). The wording check has a note on it")

	form.Set("description", "Friendly team.")
	form.Set("action", "check")
	b.Submit("/roles/new", "/roles/new", form).MustContain(t, "The wording reads as welcoming.")
}

func TestRoleEditSendsTheVersionAndExplainsAStaleOne(t *testing.T) {
	t.Parallel()
	b, e, _ := webtest.EmployerSession(t)
	e.AddRole("r1", "Barista", "open")
	e.Lock()
	e.Roles["r1"]["essential_skills"] = []any{map[string]any{"skill": "barista-skills", "min_level": 2}}
	e.Roles["r1"]["site"] = map[string]any{"place_id": "2797656"}
	e.Roles["r1"]["closing_date"], e.Roles["r1"]["schedule"] = "2027-01-15", map[string]any{"days": []string{"sat"}, "start": "08:00", "end": "12:00"}
	e.Unlock()

	p := b.Get("/roles/r1/edit")
	p.MustBeAt(t, "/roles/r1/edit", http.StatusOK)
	p.MustContain(t, "Edit a role", `name="version" value="1"`, `name="ess_label" value="Barista skills"`, `name="site_q" type="text" value="Gent"`,
		`name="closing_date" type="date" value="2027-01-15"`, `value="sat" checked`, `value="08:00"`)

	form := baristaRole("save")
	form.Set("version", "1")
	b.Submit("/roles/r1/edit", "/roles/r1/edit", form).MustBeAt(t, "/home", http.StatusOK)
	if v := e.Last(t, http.MethodPatch, "/api/v1/roles/r1").Body["version"]; v != float64(1) {
		t.Errorf("version sent = %v, want 1", v)
	}
	// The role is at version 2 now: the same form again is stale.
	p = b.Submit("/roles/r1/edit", "/roles/r1/edit", form)
	p.MustBeAt(t, "/roles/r1/edit", http.StatusConflict)
	p.MustContain(t, "Someone else changed this role while you were editing it", `href="/roles/r1/edit"`)
}
