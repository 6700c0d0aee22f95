package site_test

import (
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/onward-jobs/onward/services/web/internal/webtest"
)

// adminOrg is a programme organisation with its administrator (Sam
// Claes), a member (Lien Maes) and one pending invitation, set up through
// the forms as people would.
type adminOrg struct {
	g                     *webtest.Stack
	admin, coach, member  *browser
	memberEmail, invitee  string
	pendingLink, orgTitle string
}

func newAdminOrg(t *testing.T) adminOrg {
	t.Helper()
	o := adminOrg{g: start(t, nil), orgTitle: "Koffiebranderij Kortrijk", memberEmail: uniqueEmail(t), invitee: uniqueEmail(t)}
	o.admin = signIn(t, o.g, o.g.AdminEmail, webtest.AdminPassword)
	created := o.admin.submit("/home", "/home/organisations", url.Values{
		"org_name": {o.orgTitle}, "kind": {"programme"}, "programme_type": {"detention_house"},
	})
	invited := o.admin.submit("/home", "/home/invitations", url.Values{
		"email": {uniqueEmail(t)}, "role": {"org_admin"}, "org_id": {formValue(t, created.Body, "org_id")}, "org_label": {o.orgTitle},
	})
	o.coach = newBrowser(t, o.g)
	link := invitationPath(t, invited)
	o.coach.submit(link, link, url.Values{"name": {"Sam Claes"}, "password": {strongPassword}}).mustBeAt(t, "/home", http.StatusOK)
	link = invitationPath(t, o.coach.submit("/home", "/home/invitations", url.Values{"email": {o.memberEmail}, "role": {"member"}}))
	o.member = newBrowser(t, o.g)
	o.member.submit(link, link, url.Values{"name": {"Lien Maes"}, "password": {strongPassword}}).mustBeAt(t, "/home", http.StatusOK)
	o.pendingLink = invitationPath(t, o.coach.submit("/home", "/home/invitations", url.Values{"email": {o.invitee}, "role": {"member"}}))
	return o
}

func signIn(t *testing.T, g *webtest.Stack, email, password string) *browser {
	t.Helper()
	b := newBrowser(t, g)
	b.submit("/login", "/login", url.Values{"email": {email}, "password": {password}}).mustBeAt(t, "/home", http.StatusOK)
	return b
}

// actionHref finds the address of the page's link or form labelled label
// for the person or address named (the hidden text after the label).
func actionHref(t *testing.T, p page, label, name string) string {
	t.Helper()
	re := regexp.MustCompile(`(?:href|action)="([^"]+)"[^>]*>\s*(?:<input[^>]*>\s*)?(?:<button[^>]*>)?` + regexp.QuoteMeta(label) +
		`<span class="visually-hidden"> ` + regexp.QuoteMeta(name) + `</span>`)
	m := re.FindStringSubmatch(p.Body)
	if m == nil {
		t.Fatalf("no %q for %q on %s:\n%s", label, name, p.URL.Path, p.Body)
	}
	return m[1]
}

func TestAdministratorFindsAnOrganisationAndManagesItsPeople(t *testing.T) {
	t.Parallel()
	o := newAdminOrg(t)
	newBrowser(t, o.g).signUp("Café De Hoek", "Mira", uniqueEmail(t)).mustBeAt(t, "/home", http.StatusOK)

	o.admin.get("/home").mustContain(t, `href="/admin/organisations"`, "Browse organisations")
	list := o.admin.get("/admin/organisations?q=cafe+de")
	list.mustBeAt(t, "/admin/organisations", http.StatusOK)
	list.mustContain(t, "Organisations", "Café De Hoek", "Employer", `value="cafe de"`)
	if strings.Contains(list.Body, o.orgTitle) {
		t.Error("the search for cafe de found the coffee roastery")
	}
	list = o.admin.get("/admin/organisations?kind=programme")
	list.mustContain(t, o.orgTitle, "Detention house", `<option value="programme" selected>`)
	if strings.Contains(list.Body, "Café De Hoek") {
		t.Error("the programme filter listed an employer")
	}

	// The gateway's objections show beside the fields, with the input kept.
	long := strings.Repeat("a", 121)
	bad := o.admin.get("/admin/organisations?q=" + long + "&kind=bakery")
	bad.mustBeAt(t, "/admin/organisations", http.StatusUnprocessableEntity)
	bad.mustContain(t, "Use at most 120 characters.", "Choose one of the options.", `value="`+long+`"`, `aria-invalid="true"`)
	gone := o.admin.get("/admin/organisations?cursor=%21%21")
	gone.mustBeAt(t, "/admin/organisations", http.StatusBadRequest)
	gone.mustContain(t, "This page of results is no longer available", "First page")

	orgHref := regexp.MustCompile(`href="(/admin/organisations/[^"]+)">` + o.orgTitle).FindStringSubmatch(list.Body)
	if orgHref == nil {
		t.Fatalf("no link to %s:\n%s", o.orgTitle, list.Body)
	}
	base := orgHref[1]
	p := o.admin.get(base)
	p.mustBeAt(t, base, http.StatusOK)
	p.mustContain(t, o.orgTitle, "Detention house", "People", "Sam Claes", "Lien Maes", o.memberEmail,
		"Pending invitations", o.invitee, "Back to all organisations")

	// Re-issue: the new link is shown once and the old one stops working.
	reissued := o.admin.submit(base, actionHref(t, p, "Re-issue link", o.invitee), url.Values{})
	reissued.mustBeAt(t, base, http.StatusOK)
	reissued.mustContain(t, "New invitation link ready", "Send this link to "+o.invitee)
	newLink := invitationPath(t, reissued)
	if newLink == o.pendingLink {
		t.Fatal("re-issue kept the old link")
	}
	newBrowser(t, o.g).get(o.pendingLink).mustBeAt(t, o.pendingLink, http.StatusNotFound)
	newBrowser(t, o.g).get(newLink).mustBeAt(t, newLink, http.StatusOK)
	if again := o.admin.get(base); inviteLink.MatchString(again.Body) {
		t.Fatal("the re-issued link was shown a second time")
	}

	// Revoke asks first; Cancel goes back.
	revokeAt := actionHref(t, p, "Revoke", o.invitee)
	confirm := o.admin.get(revokeAt)
	confirm.mustBeAt(t, revokeAt, http.StatusOK)
	confirm.mustContain(t, "Revoke the invitation for "+o.invitee+"?", "Revoke invitation", `href="`+base+`">Cancel`)
	revoked := o.admin.submit(revokeAt, revokeAt, url.Values{})
	revoked.mustBeAt(t, base, http.StatusOK)
	revoked.mustContain(t, "The invitation has been revoked.", "No pending invitations.")
	newBrowser(t, o.g).get(newLink).mustBeAt(t, newLink, http.StatusNotFound)
	o.admin.get(revokeAt).mustBeAt(t, revokeAt, http.StatusNotFound)

	// Deactivate: Lien's session ends at its next renewal and she cannot
	// sign in, told why; reactivated, she signs in again.
	deactivateAt := actionHref(t, p, "Deactivate", "Lien Maes")
	o.admin.get(deactivateAt).mustContain(t, "Deactivate Lien Maes?", "signed out within 15 minutes", "Deactivate account")
	done := o.admin.submit(deactivateAt, deactivateAt, url.Values{})
	done.mustBeAt(t, base, http.StatusOK)
	done.mustContain(t, "Lien Maes has been deactivated and can no longer sign in.", "Deactivated accounts", "Reactivate")
	o.member.expireAccessToken()
	o.member.get("/home").mustBeAt(t, "/login", http.StatusOK)
	refused := newBrowser(t, o.g).submit("/login", "/login", url.Values{"email": {o.memberEmail}, "password": {strongPassword}})
	refused.mustBeAt(t, "/login", http.StatusForbidden)
	refused.mustContain(t, "This account is deactivated", `value="`+o.memberEmail+`"`)
	wrong := newBrowser(t, o.g).submit("/login", "/login", url.Values{"email": {o.memberEmail}, "password": {"not-the-password-at-all"}})
	wrong.mustContain(t, "The e-mail address or password is not right.")

	reactivateAt := actionHref(t, done, "Reactivate", "Lien Maes")
	o.admin.get(reactivateAt).mustContain(t, "Reactivate Lien Maes?", "Reactivate account")
	o.admin.submit(reactivateAt, reactivateAt, url.Values{}).mustContain(t, "Lien Maes has been reactivated and can sign in again.")
	signIn(t, o.g, o.memberEmail, strongPassword)

	// The administrator invites a new administrator to the organisation
	// from its page; a refused form keeps what was typed.
	bad = o.admin.submit(base, base+"/invitations", url.Values{"email": {"sam@"}, "role": {"org_admin"}})
	bad.mustBeAt(t, base+"/invitations", http.StatusUnprocessableEntity)
	bad.mustContain(t, "Please check the fields marked below.", `value="sam@"`, `value="org_admin" checked`, "Lien Maes")
	fresh := uniqueEmail(t)
	invited := o.admin.submit(base, base+"/invitations", url.Values{"email": {fresh}, "role": {"org_admin"}})
	invited.mustBeAt(t, base, http.StatusOK)
	invited.mustContain(t, "Invitation ready", "Pass this link on to "+fresh, `Pending invitations <span class="muted">(1)</span>`)
	freshLink := invitationPath(t, invited)
	newBrowser(t, o.g).get(freshLink).mustContain(t, "Join "+o.orgTitle+" on Onward", "administrator")

	// Unknown actions and ids are the 404 page.
	o.admin.get(base+"/members/nobody/deactivate").mustBeAt(t, base+"/members/nobody/deactivate", http.StatusNotFound)
	o.admin.get(strings.Replace(deactivateAt, "/deactivate", "/promote", 1)).mustContain(t, "Page not found")
	o.admin.get("/admin/organisations/no-such-org").mustBeAt(t, "/admin/organisations/no-such-org", http.StatusNotFound)
	// A platform administrator has no organisation of their own.
	o.admin.get("/organisation").mustBeAt(t, "/admin/organisations", http.StatusOK)
}

func TestOrganisationAdministratorManagesTheirOwnOrganisationOnly(t *testing.T) {
	t.Parallel()
	o := newAdminOrg(t)
	o.coach.get("/home").mustContain(t, `href="/organisation"`, "People and invitations")
	p := o.coach.get("/organisation")
	p.mustBeAt(t, "/organisation", http.StatusOK)
	p.mustContain(t, o.orgTitle, "Sam Claes", "(you)", "Lien Maes", o.memberEmail, o.invitee, "Back to your home page")
	if strings.Contains(p.Body, "Back to all organisations") {
		t.Error("an organisation's administrator was offered the list of organisations")
	}
	deactivateLien := actionHref(t, p, "Deactivate", "Lien Maes")
	if strings.Contains(p.Body, `<span class="visually-hidden"> Sam Claes</span>`) {
		t.Error("the administrator was offered to deactivate their own account")
	}

	// Their own account is explained, not offered, even by address.
	self := strings.Replace(deactivateLien, memberID(deactivateLien), coachID(t, o), 1)
	own := o.coach.get(self)
	own.mustBeAt(t, self, http.StatusConflict)
	own.mustContain(t, "You cannot deactivate or reactivate your own account.")
	if strings.Contains(own.Body, "Deactivate account") {
		t.Error("the confirmation offered to deactivate one's own account")
	}
	posted := o.coach.submit("/organisation", self, url.Values{})
	posted.mustBeAt(t, self, http.StatusConflict)
	posted.mustContain(t, "You cannot deactivate or reactivate your own account.")

	// Another organisation's people and invitations are the 404 page.
	other := newAdminOrg(t)
	theirs := other.coach.get("/organisation")
	theirLien := actionHref(t, theirs, "Deactivate", "Lien Maes")
	theirInvite := actionHref(t, theirs, "Revoke", other.invitee)
	o.coach.get(theirLien).mustBeAt(t, theirLien, http.StatusNotFound)
	o.coach.submit("/organisation", theirLien, url.Values{}).mustBeAt(t, theirLien, http.StatusNotFound)
	o.coach.submit("/organisation", theirInvite, url.Values{}).mustBeAt(t, theirInvite, http.StatusNotFound)
	other.member.get("/home").mustBeAt(t, "/home", http.StatusOK)
	newBrowser(t, other.g).get(other.pendingLink).mustBeAt(t, other.pendingLink, http.StatusOK)

	// Members and employers' staff without the role see the forbidden page.
	o.member.get("/organisation").mustBeAt(t, "/organisation", http.StatusForbidden)
	o.coach.get("/admin/organisations").mustBeAt(t, "/admin/organisations", http.StatusForbidden)
	if strings.Contains(o.member.get("/home").Body, `href="/organisation"`) {
		t.Error("a member was offered the organisation page")
	}

	// An invitee who has meanwhile signed up elsewhere cannot be invited
	// again; the page says so and keeps the invitation to revoke.
	newBrowser(t, o.g).signUp("Fietsherstel Gent", "Noor", o.invitee).mustBeAt(t, "/home", http.StatusOK)
	taken := o.coach.submit("/organisation", actionHref(t, p, "Re-issue link", o.invitee), url.Values{})
	taken.mustBeAt(t, actionHref(t, p, "Re-issue link", o.invitee), http.StatusConflict)
	taken.mustContain(t, "This address already has an Onward account", o.invitee, "Revoke")

	// The organisation's administrator deactivates a colleague, asked first.
	o.coach.get(deactivateLien).mustContain(t, "Deactivate Lien Maes?")
	o.coach.submit(deactivateLien, deactivateLien, url.Values{}).mustContain(t, "Lien Maes has been deactivated")
}

// regexpFind returns the first group of pattern in body.
func regexpFind(t *testing.T, pattern, body string) string {
	t.Helper()
	m := regexp.MustCompile(pattern).FindStringSubmatch(body)
	if m == nil {
		t.Fatalf("%s not found in:\n%s", pattern, body)
	}
	return m[1]
}

// memberID is the user id in a member action's address.
func memberID(href string) string {
	parts := strings.Split(href, "/")
	return parts[len(parts)-2]
}

// coachID reads Sam Claes's id from the administrator's view, where it
// is offered.
func coachID(t *testing.T, o adminOrg) string {
	t.Helper()
	list := o.admin.get("/admin/organisations?q=" + url.QueryEscape(o.orgTitle))
	m := regexp.MustCompile(`href="(/admin/organisations/[^"]+)"`).FindStringSubmatch(list.Body)
	if m == nil {
		t.Fatalf("no organisation found:\n%s", list.Body)
	}
	return memberID(actionHref(t, o.admin.get(m[1]), "Deactivate", "Sam Claes"))
}

func TestOrganisationsArePagedWithTheSearchKept(t *testing.T) {
	t.Parallel()
	g := start(t, nil)
	admin := signIn(t, g, g.AdminEmail, webtest.AdminPassword)
	for i := range 21 {
		admin.submit("/home", "/home/organisations", url.Values{
			"org_name": {"Zuivere Koffie " + string(rune('A'+i))}, "kind": {"programme"},
		}).mustBeAt(t, "/home", http.StatusOK)
	}
	admin.submit("/home", "/home/organisations", url.Values{"org_name": {"Fietsherstel Gent"}, "kind": {"programme"}})
	first := admin.get("/admin/organisations?q=zuivere")
	first.mustContain(t, "Zuivere Koffie A", "Zuivere Koffie T", "Next page")
	if strings.Contains(first.Body, "Zuivere Koffie U") || strings.Contains(first.Body, "Fietsherstel") {
		t.Fatalf("the first page is not the first 20 matches:\n%s", first.Body)
	}
	next := regexp.MustCompile(`href="([^"]+)" rel="next"`).FindStringSubmatch(first.Body)
	if next == nil || !strings.Contains(next[1], "q=zuivere") {
		t.Fatalf("no next page keeping the search: %v", next)
	}
	second := admin.get(strings.ReplaceAll(next[1], "&amp;", "&"))
	second.mustContain(t, "Zuivere Koffie U", "First page", `value="zuivere"`)
	if strings.Contains(second.Body, "Zuivere Koffie A<") || strings.Contains(second.Body, `rel="next"`) {
		t.Errorf("the second page is wrong:\n%s", second.Body)
	}
}
