package site_test

import (
	"net/url"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/onward-jobs/onward/pkg/testkit"
	"github.com/onward-jobs/onward/services/web/internal/webtest"
)

// TestBrowserAdministration walks the administration pages in a real
// browser. At a phone's size the platform administrator finds an
// organisation from the home page, re-issues an invitation and sees the
// new link, revokes it and deactivates a member, each after a
// confirmation page; the member's sign-in is then refused with the
// reason. At a desktop's size the organisation's own administrator opens
// their organisation page from their home page.
func TestBrowserAdministration(t *testing.T) {
	o := newAdminOrg(t)
	ctx := testkit.Chromium(t, 3*time.Minute)
	dir := testkit.ArtifactDir(t, "screenshots")

	admin := &browserTab{t: t, ctx: ctx, base: o.g.URL, dir: dir, width: 390}
	admin.do(chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile, chromedp.EmulateScale(2)))
	admin.open("/login", "admin-01-phone-login", "Sign in to Onward")
	admin.fill(map[string]string{"email": o.g.AdminEmail, "password": webtest.AdminPassword})
	admin.submit(`main form button[type="submit"]`, "/home", "admin-02-phone-home", "Organisations", "Browse organisations")
	admin.submit(`a[href="/admin/organisations"]`, "/admin/organisations", "admin-03-phone-organisations", "Search by name", o.orgTitle)
	admin.fill(map[string]string{"q": "koffie"})
	admin.submit(`form[role="search"] button[type="submit"]`, "/admin/organisations", "admin-04-phone-search", o.orgTitle, "Show all")
	base := regexpFind(t, `href="(/admin/organisations/[^"]+)"`, o.admin.get("/admin/organisations?q=koffie").Body)
	admin.submit(`a.role-title`, base, "admin-05-phone-organisation", "Sam Claes", "Lien Maes", "Pending invitations", o.invitee)
	admin.submit(`form[action$="/reissue"] button`, base, "admin-06-phone-reissued", "New invitation link ready", o.invitee, "The old link no longer works")
	revoke := actionHref(t, o.admin.get(base), "Revoke", o.invitee)
	admin.submit(`a[href$="/revoke"]`, revoke, "admin-07-phone-confirm-revoke", "Revoke the invitation for "+o.invitee+"?", "Cancel")
	admin.submit(`main form button[type="submit"]`, base, "admin-08-phone-revoked", "The invitation has been revoked.", "No pending invitations.")

	deactivate := actionHref(t, o.admin.get(base), "Deactivate", "Lien Maes")
	admin.submit(`a[href="`+deactivate+`"]`, deactivate, "admin-09-phone-confirm-deactivate", "Deactivate Lien Maes?", "Deactivate account")
	admin.submit(`main form button[type="submit"]`, base, "admin-10-phone-deactivated", "Lien Maes has been deactivated", "Deactivated accounts", "Reactivate")
	// Dutch has the longest words.
	admin.open("/lang/nl?next="+base, "admin-10-phone-organisation-nl", "Mensen", "Gedeactiveerde accounts", "Opnieuw activeren")
	admin.open("/lang/en?next="+base, "admin-10-phone-organisation-en", "People")

	memberCtx, cancelMember := chromedp.NewContext(ctx, chromedp.WithNewBrowserContext())
	defer cancelMember()
	member := &browserTab{t: t, ctx: memberCtx, base: o.g.URL, dir: dir, width: 390}
	member.do(chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile, chromedp.EmulateScale(2)))
	member.open("/login", "admin-11-phone-member-login", "Sign in to Onward")
	member.fill(map[string]string{"email": o.memberEmail, "password": strongPassword})
	member.submit(`main form button[type="submit"]`, "/login", "admin-12-phone-deactivated-login", "This account is deactivated")

	tabCtx, cancel := chromedp.NewContext(ctx, chromedp.WithNewBrowserContext())
	defer cancel()
	coach := &browserTab{t: t, ctx: tabCtx, base: o.g.URL, dir: dir}
	coach.do(chromedp.EmulateViewport(1280, 800))
	coach.open("/login", "admin-13-desktop-login", "Sign in to Onward")
	coach.fill(map[string]string{"email": coachEmail(t, o), "password": strongPassword})
	coach.submit(`main form button[type="submit"]`, "/home", "admin-14-desktop-coach-home", "People and invitations")
	coach.submit(`a[href="/organisation"]`, "/organisation", "admin-15-desktop-organisation", "Sam Claes", "(you)", "Deactivated accounts", "Lien Maes")
}

// coachEmail reads Sam Claes's sign-in address from the administrator's
// view of the organisation.
func coachEmail(t *testing.T, o adminOrg) string {
	t.Helper()
	list := o.admin.get("/admin/organisations?q=" + url.QueryEscape(o.orgTitle))
	href := regexpFind(t, `href="(/admin/organisations/[^"]+)"`, list.Body)
	return regexpFind(t, `Sam Claes</span>\s*<span class="status">[^<]*</span>\s*<p class="role-meta"><span class="admin-email">([^<]+)</span>`, o.admin.get(href).Body)
}
