package admin_test

import (
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/onward-jobs/onward/pkg/testkit"
	"github.com/onward-jobs/onward/services/web/internal/webtest"
	"github.com/onward-jobs/onward/services/web/internal/webtest/chrome"
)

// TestBrowserEmployerVetting walks the vetting pages in a real browser.
// At a phone's size the platform administrator lists the employers
// pending verification, opens one, is told a register number has the
// wrong format for its country, verifies it with the checks, suspends
// it with a reason after the confirmation and lifts the suspension. At a
// desktop's size the list shows every organisation's status and the
// verified employer's page its checks. Every step saves a screenshot
// named admin-vet-*.png.
func TestBrowserEmployerVetting(t *testing.T) {
	o := newAdminOrg(t)
	_, base := pendingEmployer(t, o, "Bakkerij Wacht")
	ctx := testkit.Chromium(t, 3*time.Minute)
	dir := testkit.ArtifactDir(t, "screenshots")

	admin := chrome.NewTab(t, ctx, o.g.URL, dir).Phone()
	admin.Open("/login", "admin-vet-01-phone-login", "Sign in to Onward")
	admin.Fill(map[string]string{"email": o.g.AdminEmail, "password": webtest.AdminPassword})
	admin.Submit(`main form button[type="submit"]`, "/home", "admin-vet-02-phone-home", "Browse organisations")
	admin.Submit(`a[href="/admin/organisations"]`, "/admin/organisations", "admin-vet-03-phone-organisations", "Pending verification", "Bakkerij Wacht")
	admin.Submit(`a[href="/admin/organisations?status=pending"]`, "/admin/organisations", "admin-vet-04-phone-pending", "Bakkerij Wacht")
	admin.Submit(`a.role-title`, base, "admin-vet-05-phone-organisation", "Verification", "Pending verification", "Verify", "Suspend")
	admin.Submit(`a[href="`+base+`/verify"]`, base+"/verify", "admin-vet-06-phone-verify-form", "Verify Bakkerij Wacht", "Business register number")
	admin.Fill(map[string]string{"register_country": "NL", "register_number": "0123.456.789", "contact_name": "Mira Janssens"})
	admin.Do(chromedp.SetValue(chromedp.ID("contacted_on"), yesterday()))
	admin.Submit(`main form button[type="submit"]`, base+"/verify", "admin-vet-07-phone-verify-refused", "This number does not have the format of that country")
	admin.Fill(map[string]string{"register_country": "BE"})
	admin.Do(chromedp.SendKeys(chromedp.ID("notes"), "Called the number in the KBO."))
	admin.Submit(`main form button[type="submit"]`, base, "admin-vet-08-phone-verified", "Bakkerij Wacht is verified.", "BE 0123456789", "Mira Janssens")
	admin.Submit(`a[href="`+base+`/suspend"]`, base+"/suspend", "admin-vet-09-phone-confirm-suspend", "Suspend Bakkerij Wacht?", "Reason")
	admin.Do(chromedp.SendKeys(chromedp.ID("reason"), "Two complaints from programmes"))
	admin.Submit(`main form button[type="submit"]`, base, "admin-vet-10-phone-suspended", "Bakkerij Wacht is suspended.", "Two complaints from programmes")
	admin.Submit(`a[href="`+base+`/reinstate"]`, base+"/reinstate", "admin-vet-11-phone-confirm-reinstate", "Lift the suspension of Bakkerij Wacht?")
	admin.Submit(`main form button[type="submit"]`, base, "admin-vet-12-phone-reinstated", "The suspension of Bakkerij Wacht is lifted.", "Verified")
	// Dutch has the longest words.
	admin.Open("/lang/nl?next="+base, "admin-vet-13-phone-organisation-nl", "Verificatie", "Geverifieerd", "Schorsen")
	admin.Open("/lang/en?next="+base, "admin-vet-14-phone-organisation-en", "Verification")

	tabCtx, cancel := chromedp.NewContext(ctx, chromedp.WithNewBrowserContext())
	defer cancel()
	desk := chrome.NewTab(t, tabCtx, o.g.URL, dir).Desktop()
	desk.Open("/login", "admin-vet-15-desktop-login", "Sign in to Onward")
	desk.Fill(map[string]string{"email": o.g.AdminEmail, "password": webtest.AdminPassword})
	desk.Submit(`main form button[type="submit"]`, "/home", "admin-vet-16-desktop-home", "Browse organisations")
	desk.Open("/admin/organisations", "admin-vet-17-desktop-organisations", "Bakkerij Wacht", "Verified", o.orgTitle)
	desk.Open(base, "admin-vet-18-desktop-organisation", "Verification", "BE 0123456789", "Called the number in the KBO.")
	desk.Open(base+"/verify", "admin-vet-19-desktop-verify-refused", "cannot have this done now")
}
