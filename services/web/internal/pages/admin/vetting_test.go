package admin_test

import (
	"net/http"
	"net/url"
	"testing"
	"time"

	"github.com/onward-jobs/onward/services/web/internal/webtest"
)

// pendingEmployer signs an employer up and leaves it pending; it returns
// its person's e-mail and the address of its page for the platform
// administrator.
func pendingEmployer(t *testing.T, o adminOrg, name string) (email, base string) {
	t.Helper()
	email = webtest.UniqueEmail(t)
	webtest.NewBrowser(t, o.g).SignUpPending(name, "Mira", email).MustBeAt(t, "/home", http.StatusOK)
	list := o.admin.Get("/admin/organisations?status=pending&q=" + url.QueryEscape(name))
	return email, regexpFind(t, `href="(/admin/organisations/[^"?]+)"`, list.Body)
}

// yesterday is a date the gateway accepts as when someone was reached.
func yesterday() string { return time.Now().UTC().AddDate(0, 0, -1).Format(time.DateOnly) }

// TestAdministratorVerifiesAndSuspendsAnEmployer: the list shows each
// employer's status and filters the pending ones; the organisation page
// offers Verify, whose form names a register number of the wrong format
// for its country, then records the checks; Suspend asks why first, and
// Lift the suspension asks before it acts. The employer's own people see
// that they wait for verification.
func TestAdministratorVerifiesAndSuspendsAnEmployer(t *testing.T) {
	t.Parallel()
	o := newAdminOrg(t)
	email, base := pendingEmployer(t, o, "Bakkerij Wacht")

	list := o.admin.Get("/admin/organisations")
	list.MustContain(t, "Pending verification", `href="/admin/organisations?status=pending"`, "Bakkerij Wacht")
	pending := o.admin.Get("/admin/organisations?status=pending")
	pending.MustContain(t, "Bakkerij Wacht", `<option value="pending" selected>`)
	pending.MustNotContain(t, o.orgTitle)

	page := o.admin.Get(base)
	page.MustContain(t, "Verification", "Pending verification", "cannot open a role", `href="`+base+`/verify"`, `href="`+base+`/suspend"`)
	form := o.admin.Get(base + "/verify")
	form.MustBeAt(t, base+"/verify", http.StatusOK)
	form.MustContain(t, "Verify Bakkerij Wacht", "Business register number", "KvK")

	bad := o.admin.Submit(base+"/verify", base+"/verify", url.Values{
		"register_country": {"NL"}, "register_number": {"0123.456.789"}, "contact_name": {"Mira Janssens"}, "contacted_on": {yesterday()},
	})
	bad.MustBeAt(t, base+"/verify", http.StatusUnprocessableEntity)
	bad.MustContain(t, "This number does not have the format of that country", `value="0123.456.789"`, `value="Mira Janssens"`)

	done := o.admin.Submit(base+"/verify", base+"/verify", url.Values{
		"register_country": {"BE"}, "register_number": {"0123.456.789"}, "contact_name": {"Mira Janssens"}, "contacted_on": {yesterday()},
		"notes": {"Called the number in the KBO."},
	})
	done.MustBeAt(t, base, http.StatusOK)
	done.MustContain(t, "Bakkerij Wacht is verified.", "Verified", "BE 0123456789", "Mira Janssens", "Called the number in the KBO.")
	done.MustNotContain(t, base+"/verify\"")
	o.admin.Get(base+"/verify").MustBeAt(t, base+"/verify", http.StatusConflict)

	confirm := o.admin.Get(base + "/suspend")
	confirm.MustContain(t, "Suspend Bakkerij Wacht?", "within 30 seconds", "Reason")
	o.admin.Submit(base+"/suspend", base+"/suspend", url.Values{"reason": {" "}}).MustBeAt(t, base+"/suspend", http.StatusUnprocessableEntity)
	suspended := o.admin.Submit(base+"/suspend", base+"/suspend", url.Values{"reason": {"Two complaints from programmes"}})
	suspended.MustBeAt(t, base, http.StatusOK)
	suspended.MustContain(t, "Bakkerij Wacht is suspended.", "Suspended since", "Two complaints from programmes", `href="`+base+`/reinstate"`)

	o.admin.Get(base+"/reinstate").MustContain(t, "Lift the suspension of Bakkerij Wacht?", "paused roles stay paused")
	back := o.admin.Submit(base+"/reinstate", base+"/reinstate", url.Values{})
	back.MustBeAt(t, base, http.StatusOK)
	back.MustContain(t, "The suspension of Bakkerij Wacht is lifted.", "Verified")

	// Only platform administrators reach these pages.
	owner := webtest.SignIn(t, o.g, email, webtest.StrongPassword)
	owner.Get(base+"/verify").MustBeAt(t, base+"/verify", http.StatusForbidden)
	o.coach.Get(base+"/suspend").MustBeAt(t, base+"/suspend", http.StatusForbidden)
}

// TestPendingEmployerSeesItWaits: the employer's own organisation page
// says a platform administrator checks it first, and offers no vetting
// action.
func TestPendingEmployerSeesItWaits(t *testing.T) {
	t.Parallel()
	o := newAdminOrg(t)
	email, _ := pendingEmployer(t, o, "Fietsen Wacht")
	owner := webtest.SignIn(t, o.g, email, webtest.StrongPassword)
	own := owner.Get("/organisation")
	own.MustContain(t, "Pending verification", "A platform administrator checks every new employer")
	own.MustNotContain(t, "/verify\"", "/suspend\"")
}
