package employer_test

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/onward-jobs/onward/services/web/internal/webtest"
)

func profileForm(version string) url.Values {
	return url.Values{
		"version": {version}, "display_name": {"Café De Hoek"}, "description": {"Coffee and cake."}, "website": {"https://dehoek.example"},
		"size_band": {"10-49"}, "sectors": {"I", "G"}, "site_count": {"1"}, "site_name_0": {"Roastery"},
		"site_0": {"2797656"}, "site_0_q": {"Gent"}, "site_0_shown": {"Gent"},
		"statement": {"We hire for skills."}, "commitments": {"skills_first", "mentor"},
		"contact_name": {"Ana"}, "contact_email": {"ana@dehoek.example"}, "contact_phone": {"+32 9 123 45 67"}, "action": {"save"},
	}
}

func TestProfileEditorSavesEveryField(t *testing.T) {
	t.Parallel()
	b, e, _ := webtest.EmployerSession(t)
	p := b.Get("/employer/profile")
	p.MustBeAt(t, "/employer/profile", http.StatusOK)
	p.MustContain(t, `value="Café De Hoek"`, `name="version" value="1"`, `value="I" checked`, "Accommodation and food service",
		"1 to 9 people", "Skills first", "Someone on the job helps new starters", "Only programme staff see these details")

	// "Add a site" shows a row with a place picker, keeping what was typed.
	add := profileForm("1")
	add.Set("action", "add_site")
	p = b.Submit("/employer/profile", "/employer/profile", add)
	p.MustContain(t, `name="site_name_1"`, `name="site_1_q"`, `value="Roastery"`, `name="site_count" value="2"`)

	b.Submit("/employer/profile", "/employer/profile", profileForm("1")).MustContain(t, "Your profile is saved.")
	got, _ := json.Marshal(e.Last(t, http.MethodPut, "/api/v1/employers/me").Body)
	want := `{"contact":{"email":"ana@dehoek.example","name":"Ana","phone":"+32 9 123 45 67"},"description":"Coffee and cake.",` +
		`"display_name":"Café De Hoek","fair_chance":{"commitments":["skills_first","mentor"],"statement":"We hire for skills."},` +
		`"sectors":["G","I"],"sites":[{"name":"Roastery","place_id":"2797656"}],"size_band":"10-49","version":1,"website":"https://dehoek.example"}`
	if string(got) != want {
		t.Errorf("profile sent\n%s\nwant\n%s", got, want)
	}
}

func TestProfileEditorExplainsErrorsAndStaleVersions(t *testing.T) {
	t.Parallel()
	b, _, _ := webtest.EmployerSession(t)
	bad := profileForm("1")
	bad.Set("website", "bad")
	p := b.Submit("/employer/profile", "/employer/profile", bad)
	p.MustBeAt(t, "/employer/profile", http.StatusUnprocessableEntity)
	if got := fieldError(t, p.Body, "website"); !strings.Contains(got, "Enter a web address") {
		t.Errorf("website error = %q", got)
	}
	p.MustContain(t, `value="bad"`)

	p = b.Submit("/employer/profile", "/employer/profile", profileForm("7"))
	p.MustBeAt(t, "/employer/profile", http.StatusConflict)
	p.MustContain(t, "Someone else changed this profile", "Reload the profile")
}
