package inbox_test

import (
	"net/http"
	"net/url"
	"testing"

	"github.com/onward-jobs/onward/services/web/internal/webtest"
	"github.com/onward-jobs/onward/services/web/internal/webtest/fake"
)

func TestPreferencesShowWhatAppliesAndSave(t *testing.T) {
	t.Parallel()
	b, n := employer(t)
	p := b.Get("/inbox/preferences")
	p.MustBeAt(t, "/inbox/preferences", http.StatusOK)
	p.MustContain(t, "E-mail preferences", "New strong matches", "Introductions", "Daily digest", "Inbox only", "Time zone",
		"Your organisation's defaults")
	p.MustMatch(t,
		`<legend>New strong matches</legend>`,
		`name="kind_new_matches" value="daily" checked`,
		`name="kind_introductions" value="immediately" checked`,
		`<option value="8" selected>08:00</option>`,
		`<option value="Europe/Brussels" selected>Europe/Brussels</option>`)

	saved := b.Submit("/inbox/preferences", "/inbox/preferences", url.Values{
		"kind_new_matches": {"inbox"}, "kind_introductions": {"daily"}, "digest_hour": {"7"}, "time_zone": {"Europe/Amsterdam"},
	})
	saved.MustBeAt(t, "/inbox/preferences", http.StatusOK)
	saved.MustContain(t, "Your e-mail preferences are saved.")
	saved.MustMatch(t, `name="kind_new_matches" value="inbox" checked`, `<option value="7" selected>07:00</option>`,
		`<option value="Europe/Amsterdam" selected>`)
	puts := 0
	for _, r := range n.Requests("/api/v1/notifications/preferences") {
		if r.Method != http.MethodPut {
			continue
		}
		puts++
		kinds, _ := r.Body["kinds"].(map[string]any)
		if kinds["new_matches"] != "inbox" || kinds["introductions"] != "daily" || r.Body["digest_hour"] != 7.0 || r.Body["time_zone"] != "Europe/Amsterdam" {
			t.Errorf("the page sent %v", r.Body)
		}
	}
	if puts != 1 {
		t.Errorf("the page saved %d times, want once", puts)
	}
}

func TestPreferencesShowTheServicesObjectionsAtTheirFields(t *testing.T) {
	t.Parallel()
	b, _ := employer(t)
	refused := b.Submit("/inbox/preferences", "/inbox/preferences", url.Values{
		"kind_new_matches": {"hourly"}, "kind_introductions": {"daily"}, "digest_hour": {"7"}, "time_zone": {"Mars/Olympus"},
	})
	refused.MustBeAt(t, "/inbox/preferences", http.StatusUnprocessableEntity)
	refused.MustContain(t, "Please check", "Choose one of the options.")
	refused.MustMatch(t, `<fieldset class="field field-invalid" id="kind_new_matches">`, `<p class="error-text" id="kind_new_matches-error">`,
		`href="#kind_new_matches"`)
	// The organisation's form keeps what is stored.
	refused.MustMatch(t, `name="org_kind_new_matches" value="daily" checked`)

	zone := b.Submit("/inbox/preferences", "/inbox/preferences", url.Values{
		"kind_new_matches": {"daily"}, "kind_introductions": {"daily"}, "digest_hour": {"7"}, "time_zone": {"Mars/Olympus"},
	})
	zone.MustBeAt(t, "/inbox/preferences", http.StatusUnprocessableEntity)
	zone.MustContain(t, "Choose a time zone from the list.")
	zone.MustMatch(t, `id="time_zone-error"`, `<select id="time_zone" name="time_zone" aria-invalid="true" aria-describedby="time_zone-error">`,
		`<option value="Mars/Olympus" selected>`)
}

func TestOrganisationDefaultsAreForItsAdministrators(t *testing.T) {
	t.Parallel()
	b, n := employer(t)
	saved := b.Submit("/inbox/preferences", "/inbox/preferences/organisation", url.Values{
		"org_kind_new_matches": {"immediately"}, "org_kind_introductions": {"inbox"}, "org_digest_hour": {"9"}, "org_time_zone": {"Europe/Paris"},
	})
	saved.MustBeAt(t, "/inbox/preferences", http.StatusOK)
	saved.MustContain(t, "Your organisation's defaults are saved.")
	saved.MustMatch(t, `name="org_kind_new_matches" value="immediately" checked`, `<option value="Europe/Paris" selected>`)
	if got := n.Last(t, "/api/v1/notifications/preferences/organisation").Body["time_zone"]; got != "Europe/Paris" {
		t.Errorf("the defaults went with time zone %v", got)
	}
	// One's own choices follow the defaults until one chooses.
	saved.MustMatch(t, `name="kind_new_matches" value="immediately" checked`)

	// The platform administrator has no organisation: no defaults form,
	// and the route refuses.
	admin := webtest.SignIn(t, b.Stack(), b.Stack().AdminEmail, webtest.AdminPassword)
	admin.Get("/inbox/preferences").MustNotContain(t, "Your organisation's defaults")
	admin.Submit("/inbox/preferences", "/inbox/preferences/organisation", url.Values{"org_kind_new_matches": {"inbox"}}).
		MustBeAt(t, "/inbox/preferences/organisation", http.StatusForbidden)
	n.Set(func(f *fake.Notifications) { f.Down = true })
	b.Get("/inbox/preferences").MustBeAt(t, "/inbox/preferences", http.StatusServiceUnavailable)
}
