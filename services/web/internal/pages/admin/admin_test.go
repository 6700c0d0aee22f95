package admin_test

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
	admin, coach, member  *webtest.Browser
	memberEmail, invitee  string
	pendingLink, orgTitle string
}

func newAdminOrg(t *testing.T) adminOrg {
	t.Helper()
	return newAdminOrgWith(t, nil)
}

// newAdminOrgWith is newAdminOrg on a gateway with env.
func newAdminOrgWith(t *testing.T, env map[string]string) adminOrg {
	t.Helper()
	o := adminOrg{g: webtest.Start(t, env), orgTitle: "Koffiebranderij Kortrijk", memberEmail: webtest.UniqueEmail(t), invitee: webtest.UniqueEmail(t)}
	o.admin = webtest.SignIn(t, o.g, o.g.AdminEmail, webtest.AdminPassword)
	created := o.admin.Submit("/home", "/home/organisations", url.Values{
		"org_name": {o.orgTitle}, "kind": {"programme"}, "programme_type": {"detention_house"},
	})
	invited := o.admin.Submit("/home", "/home/invitations", url.Values{
		"email": {webtest.UniqueEmail(t)}, "role": {"org_admin"}, "org_id": {webtest.FormValue(t, created.Body, "org_id")}, "org_label": {o.orgTitle},
	})
	o.coach = webtest.NewBrowser(t, o.g)
	link := webtest.InvitationPath(t, invited)
	o.coach.Submit(link, link, url.Values{"name": {"Sam Claes"}, "password": {webtest.StrongPassword}}).MustBeAt(t, "/home", http.StatusOK)
	link = webtest.InvitationPath(t, o.coach.Submit("/home", "/home/invitations", url.Values{"email": {o.memberEmail}, "role": {"member"}}))
	o.member = webtest.NewBrowser(t, o.g)
	o.member.Submit(link, link, url.Values{"name": {"Lien Maes"}, "password": {webtest.StrongPassword}}).MustBeAt(t, "/home", http.StatusOK)
	o.pendingLink = webtest.InvitationPath(t, o.coach.Submit("/home", "/home/invitations", url.Values{"email": {o.invitee}, "role": {"member"}}))
	return o
}

// actionHref finds the address of the page's link or form labelled label
// for the person or address named (the hidden text after the label).
func actionHref(t *testing.T, p webtest.Page, label, name string) string {
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
	webtest.NewBrowser(t, o.g).SignUp("Café De Hoek", "Mira", webtest.UniqueEmail(t)).MustBeAt(t, "/home", http.StatusOK)

	o.admin.Get("/home").MustContain(t, `href="/admin/organisations"`, "Browse organisations")
	list := o.admin.Get("/admin/organisations?q=cafe+de")
	list.MustBeAt(t, "/admin/organisations", http.StatusOK)
	list.MustContain(t, "Organisations", "Café De Hoek", "Employer", `value="cafe de"`)
	if strings.Contains(list.Body, o.orgTitle) {
		t.Error("the search for cafe de found the coffee roastery")
	}
	list = o.admin.Get("/admin/organisations?kind=programme")
	list.MustContain(t, o.orgTitle, "Detention house", `<option value="programme" selected>`)
	if strings.Contains(list.Body, "Café De Hoek") {
		t.Error("the programme filter listed an employer")
	}

	// The gateway's objections show beside the fields, with the input kept.
	long := strings.Repeat("a", 121)
	bad := o.admin.Get("/admin/organisations?q=" + long + "&kind=bakery")
	bad.MustBeAt(t, "/admin/organisations", http.StatusUnprocessableEntity)
	bad.MustContain(t, "Use at most 120 characters.", "Choose one of the options.", `value="`+long+`"`, `aria-invalid="true"`)
	gone := o.admin.Get("/admin/organisations?cursor=%21%21")
	gone.MustBeAt(t, "/admin/organisations", http.StatusBadRequest)
	gone.MustContain(t, "This page of results is no longer available", "First page")

	orgHref := regexp.MustCompile(`href="(/admin/organisations/[^"]+)">` + o.orgTitle).FindStringSubmatch(list.Body)
	if orgHref == nil {
		t.Fatalf("no link to %s:\n%s", o.orgTitle, list.Body)
	}
	base := orgHref[1]
	p := o.admin.Get(base)
	p.MustBeAt(t, base, http.StatusOK)
	p.MustContain(t, o.orgTitle, "Detention house", "People", "Sam Claes", "Lien Maes", o.memberEmail,
		"Pending invitations", o.invitee, "Back to all organisations")
	// Anyone of the organisation may be removed or change role here.
	actionHref(t, p, "Make member", "Sam Claes")
	actionHref(t, p, "Remove", "Sam Claes")

	// Re-issue: the new link is shown once and the old one stops working.
	reissued := o.admin.Submit(base, actionHref(t, p, "Re-issue link", o.invitee), url.Values{})
	reissued.MustBeAt(t, base, http.StatusOK)
	reissued.MustContain(t, "New invitation link ready", "Send this link to "+o.invitee)
	newLink := webtest.InvitationPath(t, reissued)
	if newLink == o.pendingLink {
		t.Fatal("re-issue kept the old link")
	}
	webtest.NewBrowser(t, o.g).Get(o.pendingLink).MustBeAt(t, o.pendingLink, http.StatusNotFound)
	webtest.NewBrowser(t, o.g).Get(newLink).MustBeAt(t, newLink, http.StatusOK)
	if again := o.admin.Get(base); webtest.InviteLink.MatchString(again.Body) {
		t.Fatal("the re-issued link was shown a second time")
	}

	// Revoke asks first; Cancel goes back.
	revokeAt := actionHref(t, p, "Revoke", o.invitee)
	confirm := o.admin.Get(revokeAt)
	confirm.MustBeAt(t, revokeAt, http.StatusOK)
	confirm.MustContain(t, "Revoke the invitation for "+o.invitee+"?", "Revoke invitation", `href="`+base+`">Cancel`)
	revoked := o.admin.Submit(revokeAt, revokeAt, url.Values{})
	revoked.MustBeAt(t, base, http.StatusOK)
	revoked.MustContain(t, "The invitation has been revoked.", "No pending invitations.")
	webtest.NewBrowser(t, o.g).Get(newLink).MustBeAt(t, newLink, http.StatusNotFound)
	o.admin.Get(revokeAt).MustBeAt(t, revokeAt, http.StatusNotFound)

	// Deactivate: Lien's session ends at its next renewal and she cannot
	// sign in, told why; reactivated, she signs in again.
	deactivateAt := actionHref(t, p, "Deactivate", "Lien Maes")
	o.admin.Get(deactivateAt).MustContain(t, "Deactivate Lien Maes?", "signed out within 15 minutes", "Deactivate account")
	done := o.admin.Submit(deactivateAt, deactivateAt, url.Values{})
	done.MustBeAt(t, base, http.StatusOK)
	done.MustContain(t, "Lien Maes has been deactivated and can no longer sign in.", "Deactivated accounts", "Reactivate")
	o.member.ExpireAccessToken()
	o.member.Get("/home").MustBeAt(t, "/login", http.StatusOK)
	refused := webtest.NewBrowser(t, o.g).Submit("/login", "/login", url.Values{"email": {o.memberEmail}, "password": {webtest.StrongPassword}})
	refused.MustBeAt(t, "/login", http.StatusForbidden)
	refused.MustContain(t, "This account is deactivated", `value="`+o.memberEmail+`"`)
	wrong := webtest.NewBrowser(t, o.g).Submit("/login", "/login", url.Values{"email": {o.memberEmail}, "password": {"not-the-password-at-all"}})
	wrong.MustContain(t, "The e-mail address or password is not right.")

	reactivateAt := actionHref(t, done, "Reactivate", "Lien Maes")
	o.admin.Get(reactivateAt).MustContain(t, "Reactivate Lien Maes?", "Reactivate account")
	o.admin.Submit(reactivateAt, reactivateAt, url.Values{}).MustContain(t, "Lien Maes has been reactivated and can sign in again.")
	webtest.SignIn(t, o.g, o.memberEmail, webtest.StrongPassword)

	// The administrator invites a new administrator to the organisation
	// from its page; a refused form keeps what was typed.
	bad = o.admin.Submit(base, base+"/invitations", url.Values{"email": {"sam@"}, "role": {"org_admin"}})
	bad.MustBeAt(t, base+"/invitations", http.StatusUnprocessableEntity)
	bad.MustContain(t, "Please check the fields marked below.", `value="sam@"`, `value="org_admin" checked`, "Lien Maes")
	fresh := webtest.UniqueEmail(t)
	invited := o.admin.Submit(base, base+"/invitations", url.Values{"email": {fresh}, "role": {"org_admin"}})
	invited.MustBeAt(t, base, http.StatusOK)
	invited.MustContain(t, "Invitation ready", "Pass this link on to "+fresh, `Pending invitations <span class="muted">(1)</span>`)
	freshLink := webtest.InvitationPath(t, invited)
	webtest.NewBrowser(t, o.g).Get(freshLink).MustContain(t, "Join "+o.orgTitle+" on Onward", "administrator")

	// Unknown actions and ids are the 404 page.
	o.admin.Get(base+"/members/nobody/deactivate").MustBeAt(t, base+"/members/nobody/deactivate", http.StatusNotFound)
	o.admin.Get(strings.Replace(deactivateAt, "/deactivate", "/promote", 1)).MustContain(t, "Page not found")
	o.admin.Get("/admin/organisations/no-such-org").MustBeAt(t, "/admin/organisations/no-such-org", http.StatusNotFound)
	// A platform administrator has no organisation of their own.
	o.admin.Get("/organisation").MustBeAt(t, "/admin/organisations", http.StatusOK)
}

func TestOrganisationAdministratorManagesTheirOwnOrganisationOnly(t *testing.T) {
	t.Parallel()
	o := newAdminOrg(t)
	o.coach.Get("/home").MustContain(t, `href="/organisation"`, "People and invitations")
	p := o.coach.Get("/organisation")
	p.MustBeAt(t, "/organisation", http.StatusOK)
	p.MustContain(t, o.orgTitle, "Sam Claes", "(you)", "Lien Maes", o.memberEmail, o.invitee, "Back to your home page")
	if strings.Contains(p.Body, "Back to all organisations") {
		t.Error("an organisation's administrator was offered the list of organisations")
	}
	deactivateLien := actionHref(t, p, "Deactivate", "Lien Maes")
	if strings.Contains(p.Body, `<span class="visually-hidden"> Sam Claes</span>`) {
		t.Error("the administrator was offered to deactivate their own account")
	}

	// Their own account is explained, not offered, even by address.
	self := strings.Replace(deactivateLien, memberID(deactivateLien), coachID(t, o), 1)
	own := o.coach.Get(self)
	own.MustBeAt(t, self, http.StatusConflict)
	own.MustContain(t, "You cannot deactivate or reactivate your own account.")
	if strings.Contains(own.Body, "Deactivate account") {
		t.Error("the confirmation offered to deactivate one's own account")
	}
	posted := o.coach.Submit("/organisation", self, url.Values{})
	posted.MustBeAt(t, self, http.StatusConflict)
	posted.MustContain(t, "You cannot deactivate or reactivate your own account.")

	// Another organisation's people and invitations are the 404 page.
	other := newAdminOrg(t)
	theirs := other.coach.Get("/organisation")
	theirLien := actionHref(t, theirs, "Deactivate", "Lien Maes")
	theirInvite := actionHref(t, theirs, "Revoke", other.invitee)
	o.coach.Get(theirLien).MustBeAt(t, theirLien, http.StatusNotFound)
	o.coach.Submit("/organisation", theirLien, url.Values{}).MustBeAt(t, theirLien, http.StatusNotFound)
	o.coach.Submit("/organisation", theirInvite, url.Values{}).MustBeAt(t, theirInvite, http.StatusNotFound)
	for _, action := range []string{"remove", "make-admin"} {
		theirs := strings.Replace(theirLien, "/deactivate", "/"+action, 1)
		o.coach.Get(theirs).MustBeAt(t, theirs, http.StatusNotFound)
		o.coach.Submit("/organisation", theirs, url.Values{}).MustBeAt(t, theirs, http.StatusNotFound)
	}
	other.member.Get("/home").MustBeAt(t, "/home", http.StatusOK)
	webtest.NewBrowser(t, other.g).Get(other.pendingLink).MustBeAt(t, other.pendingLink, http.StatusOK)

	// Members and employers' staff without the role see the forbidden page.
	o.member.Get("/organisation").MustBeAt(t, "/organisation", http.StatusForbidden)
	for _, action := range []string{"remove", "make-admin", "make-member"} {
		at := strings.Replace(deactivateLien, "/deactivate", "/"+action, 1)
		o.member.Get(at).MustBeAt(t, at, http.StatusForbidden)
		o.member.Submit("/home", at, url.Values{}).MustBeAt(t, at, http.StatusForbidden)
	}
	o.coach.Get("/admin/organisations").MustBeAt(t, "/admin/organisations", http.StatusForbidden)
	if strings.Contains(o.member.Get("/home").Body, `href="/organisation"`) {
		t.Error("a member was offered the organisation page")
	}

	// An invitee who has meanwhile signed up elsewhere is not revealed:
	// the invitation is re-issued as for anyone else.
	webtest.NewBrowser(t, o.g).SignUp("Fietsherstel Gent", "Noor", o.invitee).MustBeAt(t, "/home", http.StatusOK)
	elsewhere := o.coach.Submit("/organisation", actionHref(t, p, "Re-issue link", o.invitee), url.Values{})
	elsewhere.MustBeAt(t, "/organisation", http.StatusOK)
	elsewhere.MustContain(t, "New invitation link ready", "Send this link to "+o.invitee)
	if strings.Contains(elsewhere.Body, "already") {
		t.Error("the re-issue revealed that the address has an account")
	}

	// The organisation's administrator deactivates a colleague, asked first.
	o.coach.Get(deactivateLien).MustContain(t, "Deactivate Lien Maes?")
	o.coach.Submit(deactivateLien, deactivateLien, url.Values{}).MustContain(t, "Lien Maes has been deactivated")
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
	list := o.admin.Get("/admin/organisations?q=" + url.QueryEscape(o.orgTitle))
	m := regexp.MustCompile(`href="(/admin/organisations/[^"]+)"`).FindStringSubmatch(list.Body)
	if m == nil {
		t.Fatalf("no organisation found:\n%s", list.Body)
	}
	return memberID(actionHref(t, o.admin.Get(m[1]), "Deactivate", "Sam Claes"))
}

func TestOrganisationsArePagedWithTheSearchKept(t *testing.T) {
	t.Parallel()
	g := webtest.Start(t, nil)
	admin := webtest.SignIn(t, g, g.AdminEmail, webtest.AdminPassword)
	for i := range 21 {
		admin.Submit("/home", "/home/organisations", url.Values{
			"org_name": {"Zuivere Koffie " + string(rune('A'+i))}, "kind": {"programme"},
		}).MustBeAt(t, "/home", http.StatusOK)
	}
	admin.Submit("/home", "/home/organisations", url.Values{"org_name": {"Fietsherstel Gent"}, "kind": {"programme"}})
	first := admin.Get("/admin/organisations?q=zuivere")
	first.MustContain(t, "Zuivere Koffie A", "Zuivere Koffie T", "Next page")
	if strings.Contains(first.Body, "Zuivere Koffie U") || strings.Contains(first.Body, "Fietsherstel") {
		t.Fatalf("the first page is not the first 20 matches:\n%s", first.Body)
	}
	next := regexp.MustCompile(`href="([^"]+)" rel="next"`).FindStringSubmatch(first.Body)
	if next == nil || !strings.Contains(next[1], "q=zuivere") {
		t.Fatalf("no next page keeping the search: %v", next)
	}
	second := admin.Get(strings.ReplaceAll(next[1], "&amp;", "&"))
	second.MustContain(t, "Zuivere Koffie U", "First page", `value="zuivere"`)
	if strings.Contains(second.Body, "Zuivere Koffie A<") || strings.Contains(second.Body, `rel="next"`) {
		t.Errorf("the second page is wrong:\n%s", second.Body)
	}
}
