package admin_test

import (
	"net/url"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/onward-jobs/onward/pkg/testkit"
	"github.com/onward-jobs/onward/services/web/internal/webtest"
	"github.com/onward-jobs/onward/services/web/internal/webtest/chrome"
)

// TestBrowserAdministration walks the administration pages in a real
// browser. At a phone's size the platform administrator finds an
// organisation from the home page, re-issues an invitation and sees the
// new link, revokes it, makes a member an administrator and deactivates
// her, each after a confirmation page; the member's sign-in is then
// refused with the reason. At a desktop's size the organisation's own administrator opens
// their organisation page from their home page.
func TestBrowserAdministration(t *testing.T) {
	o := newAdminOrg(t)
	ctx := testkit.Chromium(t, 3*time.Minute)
	dir := testkit.ArtifactDir(t, "screenshots")

	admin := chrome.NewTab(t, ctx, o.g.URL, dir).Phone()
	admin.Open("/login", "admin-01-phone-login", "Sign in to Onward")
	admin.Fill(map[string]string{"email": o.g.AdminEmail, "password": webtest.AdminPassword})
	admin.Submit(`main form button[type="submit"]`, "/home", "admin-02-phone-home", "Organisations", "Browse organisations")
	admin.Submit(`a[href="/admin/organisations"]`, "/admin/organisations", "admin-03-phone-organisations", "Search by name", o.orgTitle)
	admin.Fill(map[string]string{"q": "koffie"})
	admin.Submit(`form[role="search"] button[type="submit"]`, "/admin/organisations", "admin-04-phone-search", o.orgTitle, "Show all")
	base := regexpFind(t, `href="(/admin/organisations/[^"]+)"`, o.admin.Get("/admin/organisations?q=koffie").Body)
	admin.Submit(`a.role-title`, base, "admin-05-phone-organisation", "Sam Claes", "Lien Maes", "Pending invitations", o.invitee)
	admin.Submit(`form[action$="/reissue"] button`, base, "admin-06-phone-reissued", "New invitation link ready", o.invitee, "The old link no longer works")
	revoke := actionHref(t, o.admin.Get(base), "Revoke", o.invitee)
	admin.Submit(`a[href$="/revoke"]`, revoke, "admin-07-phone-confirm-revoke", "Revoke the invitation for "+o.invitee+"?", "Cancel")
	admin.Submit(`main form button[type="submit"]`, base, "admin-08-phone-revoked", "The invitation has been revoked.", "No pending invitations.")

	promote := actionHref(t, o.admin.Get(base), "Make administrator", "Lien Maes")
	admin.Submit(`a[href="`+promote+`"]`, promote, "admin-08a-phone-confirm-make-admin", "Make Lien Maes an administrator?", "sign in again")
	admin.Submit(`main form button[type="submit"]`, base, "admin-08b-phone-made-admin", "Lien Maes is now an administrator.", "Make member")

	deactivate := actionHref(t, o.admin.Get(base), "Deactivate", "Lien Maes")
	admin.Submit(`a[href="`+deactivate+`"]`, deactivate, "admin-09-phone-confirm-deactivate", "Deactivate Lien Maes?", "Deactivate account")
	admin.Submit(`main form button[type="submit"]`, base, "admin-10-phone-deactivated", "Lien Maes has been deactivated", "Deactivated accounts", "Reactivate")
	// Dutch has the longest words.
	admin.Open("/lang/nl?next="+base, "admin-10-phone-organisation-nl", "Mensen", "Gedeactiveerde accounts", "Opnieuw activeren")
	admin.Open("/lang/en?next="+base, "admin-10-phone-organisation-en", "People")

	memberCtx, cancelMember := chromedp.NewContext(ctx, chromedp.WithNewBrowserContext())
	defer cancelMember()
	member := chrome.NewTab(t, memberCtx, o.g.URL, dir).Phone()
	member.Open("/login", "admin-11-phone-member-login", "Sign in to Onward")
	member.Fill(map[string]string{"email": o.memberEmail, "password": webtest.StrongPassword})
	member.Submit(`main form button[type="submit"]`, "/login", "admin-12-phone-deactivated-login", "This account is deactivated")

	tabCtx, cancel := chromedp.NewContext(ctx, chromedp.WithNewBrowserContext())
	defer cancel()
	coach := chrome.NewTab(t, tabCtx, o.g.URL, dir).Desktop()
	coach.Open("/login", "admin-13-desktop-login", "Sign in to Onward")
	coach.Fill(map[string]string{"email": coachEmail(t, o), "password": webtest.StrongPassword})
	coach.Submit(`main form button[type="submit"]`, "/home", "admin-14-desktop-coach-home", "People and invitations")
	coach.Submit(`a[href="/organisation"]`, "/organisation", "admin-15-desktop-organisation", "Sam Claes", "(you)", "Deactivated accounts", "Lien Maes")
}

// coachEmail reads Sam Claes's sign-in address from the administrator's
// view of the organisation.
func coachEmail(t *testing.T, o adminOrg) string {
	t.Helper()
	list := o.admin.Get("/admin/organisations?q=" + url.QueryEscape(o.orgTitle))
	href := regexpFind(t, `href="(/admin/organisations/[^"]+)"`, list.Body)
	return regexpFind(t, `Sam Claes</span>\s*<span class="status">[^<]*</span>\s*<p class="role-meta"><span class="admin-email">([^<]+)</span>`, o.admin.Get(href).Body)
}
