package webtest

import (
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/onward-jobs/onward/services/web/internal/webtest/fake"
)

// StrongPassword passes the gateway's password rules; every person the
// helpers sign up or invite has it.
const StrongPassword = "quiet-orchard-bicycle-71"

// SignUp creates an employer through the sign-up form and returns the
// page it ends on: the home page when the gateway accepts it. A new
// employer starts pending; when the sign-up created it, the platform
// administrator verifies it (see SignUpPending and Stack.VerifyEmployer).
func (b *Browser) SignUp(org, name, email string) Page {
	b.t.Helper()
	p := b.SignUpPending(org, name, email)
	if p.Status == http.StatusOK && p.URL != nil && p.URL.Path == "/home" {
		b.stack.VerifyEmployer(b.t, email)
	}
	return p
}

// SignIn returns a new browser signed in through the sign-in form; it
// fails the test unless the sign-in lands on the home page.
func SignIn(t testing.TB, s *Stack, email, password string) *Browser {
	t.Helper()
	b := NewBrowser(t, s)
	b.Submit("/login", "/login", url.Values{"email": {email}, "password": {password}}).MustBeAt(t, "/home", http.StatusOK)
	return b
}

// EmployerSession starts a stack on fake employers and vocabulary
// services and signs an employer (Ana of Café De Hoek) up.
func EmployerSession(t testing.TB) (*Browser, *fake.Employers, *fake.Vocabulary) {
	t.Helper()
	e, m := fake.NewEmployers(t), fake.NewVocabulary(t)
	s := Start(t, map[string]string{"EMPLOYERS_URL": e.URL, "MATCHING_URL": m.URL})
	b := NewBrowser(t, s)
	b.SignUp("Café De Hoek", "Ana", UniqueEmail(t)).MustBeAt(t, "/home", http.StatusOK)
	return b, e, m
}

// StaffGateway starts a stack on a fake candidates service and a fake
// vocabulary service.
func StaffGateway(t testing.TB) (*Stack, *fake.Candidates) {
	t.Helper()
	k, m := fake.NewCandidates(t), fake.NewVocabulary(t)
	return Start(t, map[string]string{"CANDIDATES_URL": k.URL, "MATCHING_URL": m.URL}), k
}

// ProgrammeAdmin has the platform administrator create a programme
// organisation (Koffiebranderij Kortrijk) and invite its first
// administrator, Sam Claes, who accepts; it returns Sam's browser.
func ProgrammeAdmin(t testing.TB, s *Stack) *Browser {
	t.Helper()
	link := inviteProgrammeAdmin(t, s, UniqueEmail(t))
	coach := NewBrowser(t, s)
	coach.Submit(link, link, url.Values{"name": {"Sam Claes"}, "password": {StrongPassword}}).MustBeAt(t, "/home", http.StatusOK)
	return coach
}

// ProgrammeAdminEmail is ProgrammeAdmin for a real browser: it returns
// the new administrator's e-mail address, whose password is
// StrongPassword.
func ProgrammeAdminEmail(t testing.TB, s *Stack) string {
	t.Helper()
	email := UniqueEmail(t)
	link := inviteProgrammeAdmin(t, s, email)
	NewBrowser(t, s).Submit(link, link, url.Values{"name": {"Sam Claes"}, "password": {StrongPassword}}).MustBeAt(t, "/home", http.StatusOK)
	return email
}

// inviteProgrammeAdmin signs the platform administrator in, has them add
// Koffiebranderij Kortrijk and invite email as its administrator, and
// returns the invitation's path.
func inviteProgrammeAdmin(t testing.TB, s *Stack, email string) string {
	t.Helper()
	admin := SignIn(t, s, s.AdminEmail, AdminPassword)
	created := admin.Submit("/home", "/home/organisations", url.Values{
		"org_name": {"Koffiebranderij Kortrijk"}, "kind": {"programme"}, "programme_type": {"detention_house"},
	})
	invited := admin.Submit("/home", "/home/invitations", url.Values{
		"email": {email}, "role": {"org_admin"}, "org_id": {FormValue(t, created.Body, "org_id")}, "org_label": {"Koffiebranderij Kortrijk"},
	})
	return InvitationPath(t, invited)
}

// ProgrammeMember is a member (Lien) whom the programme's administrator
// coach invited and who accepted; it returns the member's browser.
func ProgrammeMember(t testing.TB, s *Stack, coach *Browser) *Browser {
	t.Helper()
	link := InvitationPath(t, coach.Submit("/home", "/home/invitations", url.Values{"email": {UniqueEmail(t)}, "role": {"member"}}))
	member := NewBrowser(t, s)
	member.Submit(link, link, url.Values{"name": {"Lien"}, "password": {StrongPassword}}).MustBeAt(t, "/home", http.StatusOK)
	return member
}

// InviteLink finds the invitation link a page shows, once, after an
// invitation is made or re-issued.
var InviteLink = regexp.MustCompile(`id="invite-link"[^>]*>([^<]+)</textarea>`)

// InvitationPath returns the path of the invitation link p shows, or
// fails the test.
func InvitationPath(t testing.TB, p Page) string {
	t.Helper()
	m := InviteLink.FindStringSubmatch(p.Body)
	if m == nil {
		t.Fatalf("no invitation link on the page:\n%s", p.Body)
	}
	u, err := url.Parse(m[1])
	if err != nil || !strings.HasPrefix(u.Path, "/invitations/") {
		t.Fatalf("odd invitation link %q", m[1])
	}
	return u.Path
}

// FormValue returns the value of the form field name (a hidden input, as
// name="…" value="…") in body, or fails the test.
func FormValue(t testing.TB, body, name string) string {
	t.Helper()
	m := regexp.MustCompile(`name="` + regexp.QuoteMeta(name) + `" value="([^"]+)"`).FindStringSubmatch(body)
	if m == nil {
		t.Fatalf("no %s field:\n%s", name, body)
	}
	return m[1]
}
