package observer_test

import (
	"net/http"
	"net/url"
	"testing"

	"github.com/onward-jobs/onward/services/web/internal/webtest"
)

// TestAnObserverIsCreatedAndSeesWhereReportsWillAppear: a platform
// administrator adds an observer organisation from the home page (a
// programme type picked by mistake is dropped, since only programmes have
// one), finds it with the list's kind filter and invites its first
// administrator, whose home page links to the shared reports, shows the
// organisation's id to give programme organisations, and offers nothing
// on the hiring path.
func TestAnObserverIsCreatedAndSeesWhereReportsAre(t *testing.T) {
	t.Parallel()
	s := webtest.Start(t, nil)
	admin := webtest.SignIn(t, s, s.AdminEmail, webtest.AdminPassword)
	admin.Get("/home").MustContain(t, `value="observer"`, "Observer", "A funder, a city or a probation service.")

	created := admin.Submit("/home", "/home/organisations", url.Values{
		"org_name": {"Stad Kortrijk"}, "kind": {"observer"}, "programme_type": {"probation_service"},
	})
	created.MustBeAt(t, "/home", http.StatusOK)
	created.MustContain(t, "Stad Kortrijk has been added")

	list := admin.Get("/admin/organisations?kind=observer")
	list.MustBeAt(t, "/admin/organisations", http.StatusOK)
	list.MustContain(t, `<option value="observer" selected>Observer</option>`, "Stad Kortrijk")

	email := webtest.UniqueEmail(t)
	invited := admin.Submit("/home", "/home/invitations", url.Values{
		"email": {email}, "role": {"org_admin"}, "org_id": {webtest.FormValue(t, created.Body, "org_id")}, "org_label": {"Stad Kortrijk"},
	})
	link := webtest.InvitationPath(t, invited)
	analyst := webtest.NewBrowser(t, s)
	home := analyst.Submit(link, link, url.Values{"name": {"Inge Maes"}, "password": {webtest.StrongPassword}})
	home.MustBeAt(t, "/home", http.StatusOK)
	home.MustContain(t, "Stad Kortrijk · Observer", "Shared reports",
		"When a programme organisation shares its outcome reports with your organisation, you can read them",
		`href="/insights"`, "Your organisation's id", ">"+webtest.FormValue(t, created.Body, "org_id")+"</textarea>",
		`action="/home/invitations"`)
	home.MustNotContain(t, `href="/candidates"`, `href="/roles"`, `href="/roles/new"`, "What comes next")

	analyst.Get("/lang/nl?next=/home").MustContain(t, "Gedeelde rapporten", "Observator")
	for path, status := range map[string]int{"/candidates": http.StatusForbidden, "/introductions": http.StatusNotFound} {
		if p := analyst.Get(path); p.Status != status {
			t.Errorf("an observer opens %s: %d, want %d", path, p.Status, status)
		}
	}
}
