package portfolio_test

import (
	"net/http"
	"net/url"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/onward-jobs/onward/services/web/internal/webtest"
	"github.com/onward-jobs/onward/services/web/internal/webtest/fake"
)

// portfolioGateway starts a gateway wired to a fake candidates service and
// the fake matching service, and signs in the administrator of a
// programme organisation (Sam Claes) and one of its members (Lien Maes),
// both through their invitations.
func portfolioGateway(t *testing.T) (orgAdmin, member *webtest.Browser, f *fake.Portfolio, g *webtest.Stack) {
	t.Helper()
	f, m := fake.NewPortfolio(t), fake.NewVocabulary(t)
	g = webtest.Start(t, map[string]string{"CANDIDATES_URL": f.URL, "MATCHING_URL": m.URL})
	admin := webtest.NewBrowser(t, g)
	admin.Submit("/login", "/login", url.Values{"email": {g.AdminEmail}, "password": {webtest.AdminPassword}}).MustBeAt(t, "/home", http.StatusOK)
	created := admin.Submit("/home", "/home/organisations", url.Values{
		"org_name": {"Koffiebranderij Kortrijk"}, "kind": {"programme"}, "programme_type": {"detention_house"},
	})
	invited := admin.Submit("/home", "/home/invitations", url.Values{
		"email": {webtest.UniqueEmail(t)}, "role": {"org_admin"}, "org_id": {webtest.FormValue(t, created.Body, "org_id")}, "org_label": {"Koffiebranderij Kortrijk"},
	})
	orgAdmin = webtest.NewBrowser(t, g)
	link := webtest.InvitationPath(t, invited)
	orgAdmin.Submit(link, link, url.Values{"name": {"Sam Claes"}, "password": {webtest.StrongPassword}}).MustBeAt(t, "/home", http.StatusOK)
	link = webtest.InvitationPath(t, orgAdmin.Submit("/home", "/home/invitations", url.Values{"email": {webtest.UniqueEmail(t)}, "role": {"member"}}))
	member = webtest.NewBrowser(t, g)
	member.Submit(link, link, url.Values{"name": {"Lien Maes"}, "password": {webtest.StrongPassword}}).MustBeAt(t, "/home", http.StatusOK)
	return orgAdmin, member, f, g
}

// attestation is a complete attest form as a supervisor sends it.
func attestation(date string) url.Values {
	return url.Values{"programme": {"p1"}, "skill": {"barista-skills"}, "level": {"3"}, "hours": {"600"},
		"evidence": {"Roasts daily batches alone."}, "date": {date}, "action": {"attest"}}
}

func TestAttestPreselectsTheOnlyProgrammeAndSendsTheAttestation(t *testing.T) {
	t.Parallel()
	_, member, f, g := portfolioGateway(t)

	p := member.Get("/candidates/c1/attest")
	p.MustBeAt(t, "/candidates/c1/attest", http.StatusOK)
	p.MustContain(t, "Attest a skill", "K7Q2", "Jan Peeters",
		`name="programme" value="p1" checked`, "You supervise this programme",
		// The programme's skills come first, named by matching where it can.
		`name="skill" value="coffee-roasting"`, `name="skill" value="barista-skills"> <span>Barista skills`,
		"Works under supervision", "Works independently", "Experienced and consistent", "Can instruct others",
		`inputmode="numeric"`, `maxlength="1000"`, "What the person did, not why they are here",
		`name="date" type="date" max="`+time.Now().UTC().Format(time.DateOnly)+`" value="`+time.Now().UTC().Format(time.DateOnly)+`"`)
	if strings.Index(p.Body, `value="p1"`) > strings.Index(p.Body, `value="p2"`) {
		t.Error("the programme the user supervises is not offered first")
	}
	if got := f.Requests(http.MethodGet, "/api/v1/candidates/c1")[0].Purpose; got != "attestation" {
		t.Errorf("the candidate was read for %q, want attestation", got)
	}

	today := time.Now().UTC().Format(time.DateOnly)
	r := member.NoRedirects().Submit("/candidates/c1/attest", "/candidates/c1/attest", attestation(today))
	// Back to the candidate's attestations, where the confirmation shows.
	const back = "/candidates/c1?attested=1#attestations"
	if r.Status != http.StatusSeeOther || r.Header.Get("Location") != back {
		t.Fatalf("attest answered %d to %q, want 303 to %s:\n%s", r.Status, r.Header.Get("Location"), back, r.Body)
	}
	sent := f.Only(t, http.MethodPost, "/api/v1/candidates/c1/skills").Body
	want := map[string]any{"skill": "barista-skills", "level": float64(3), "hours": float64(600), "programme": "p1",
		"evidence": "Roasts daily batches alone.", "date": today}
	if !reflect.DeepEqual(sent, want) {
		t.Errorf("sent %v, want %v", sent, want)
	}
	// The flash shows once on the next candidate page.
	member.Get("/candidates/c1/consent").MustContain(t, "Skill attested and signed.")
	if strings.Contains(member.Get("/candidates/c1/consent").Body, "Skill attested") {
		t.Error("the flash was shown twice")
	}
	if g.Contains("Roasts daily") || g.Contains("Peeters") {
		t.Error("the gateway logged what the supervisor wrote or the candidate's name")
	}
}

func TestAttestShowsFieldErrorsAndKeepsInput(t *testing.T) {
	t.Parallel()
	_, member, f, _ := portfolioGateway(t)

	// The service refuses a date in the future: the error sits at the date.
	p := member.Submit("/candidates/c1/attest", "/candidates/c1/attest", attestation("2099-01-01"))
	p.MustBeAt(t, "/candidates/c1/attest", http.StatusUnprocessableEntity)
	p.MustContain(t, "Please check the fields marked below.", `<a href="#date">The date cannot be in the future.</a>`,
		`id="date-error"`, `value="2099-01-01"`, `value="600"`, "Roasts daily batches alone.",
		`name="level" value="3" checked`, `name="skill" value="barista-skills" checked`, `name="programme" value="p1" checked`)
	if !strings.Contains(p.Body, `<p class="error-text" id="date-error">`) || strings.Index(p.Body, `id="date-error"`) < strings.Index(p.Body, `for="date"`) {
		t.Error("the date's error is not next to the date field")
	}

	// What the page can check itself never reaches the service.
	bad := attestation("")
	bad.Del("level")
	bad.Set("hours", "lots")
	p = member.Submit("/candidates/c1/attest", "/candidates/c1/attest", bad)
	p.MustBeAt(t, "/candidates/c1/attest", http.StatusUnprocessableEntity)
	p.MustContain(t, "Choose a level from 1 to 4.", "Enter the hours as a whole number from 0 to 10000.", `value="lots"`)
	if n := len(f.Requests(http.MethodPost, "/api/v1/candidates/c1/skills")); n != 1 {
		t.Errorf("the service got %d attestations, want only the first", n)
	}
}

func TestAttestPickerSkillJoinsTheChips(t *testing.T) {
	t.Parallel()
	_, member, f, _ := portfolioGateway(t)
	form := attestation(time.Now().UTC().Format(time.DateOnly))
	form.Del("skill")
	form.Del("action")
	form.Set("other_skill_q", "barista")
	form.Set("other_skill_search", "1")
	p := member.Submit("/candidates/c1/attest", "/candidates/c1/attest", form)
	p.MustBeAt(t, "/candidates/c1/attest", http.StatusOK)
	p.MustContain(t, `type="radio" name="other_skill" value="barista-skills"`, `value="600"`)

	// Choosing a match makes it the checked chip, carried from then on.
	form.Del("other_skill_search")
	form.Set("other_skill", "coffee-production")
	form.Set("other_skill_shown", "barista")
	form.Set("other_skill_choose", "1")
	p = member.Submit("/candidates/c1/attest", "/candidates/c1/attest", form)
	p.MustBeAt(t, "/candidates/c1/attest", http.StatusOK)
	p.MustContain(t, `name="skill" value="coffee-production" checked> <span>Coffee production`,
		`name="extra_skill" value="coffee-production"`, `name="other_skill_q" type="text" value=""`)
	if n := len(f.Requests(http.MethodPost, "/api/v1/candidates/c1/skills")); n != 0 {
		t.Fatalf("the picker sent %d attestations", n)
	}

	// The main button then sends it.
	send := attestation(time.Now().UTC().Format(time.DateOnly))
	send.Set("skill", "coffee-production")
	send.Set("extra_skill", "coffee-production")
	send.Set("extra_label", "Coffee production")
	member.NoRedirects().Submit("/candidates/c1/attest", "/candidates/c1/attest", send)
	if got := f.Only(t, http.MethodPost, "/api/v1/candidates/c1/skills").Body["skill"]; got != "coffee-production" {
		t.Errorf("attested %v", got)
	}
}

func TestAttestRefusedToANonSupervisorIsExplained(t *testing.T) {
	t.Parallel()
	_, member, f, _ := portfolioGateway(t)
	f.Lock()
	f.ForbidAttest = true
	f.Unlock()
	form := attestation(time.Now().UTC().Format(time.DateOnly))
	form.Set("programme", "p2")
	p := member.Submit("/candidates/c1/attest", "/candidates/c1/attest", form)
	p.MustBeAt(t, "/candidates/c1/attest", http.StatusForbidden)
	p.MustContain(t, "You cannot attest skills in this programme: only its supervisors and your organisation's administrator can.",
		`name="programme" value="p2" checked`, `value="600"`)
}

func TestConsentWithdrawalTakesEffectAtOnce(t *testing.T) {
	t.Parallel()
	_, member, f, _ := portfolioGateway(t)
	p := member.Get("/candidates/c1/consent")
	p.MustBeAt(t, "/candidates/c1/consent", http.StatusOK)
	p.MustContain(t, "The candidate agrees", "alias K7Q2", "never see your name, your contact details or the house you live in",
		"Consent text version 2026-12.", "Withdrawal takes effect at once", "Withdraw consent now")

	r := member.Submit("/candidates/c1/consent", "/candidates/c1/consent", url.Values{"decision": {"withdraw"}, "text_version": {"2026-12"}})
	r.MustBeAt(t, "/candidates/c1/consent", http.StatusOK)
	r.MustContain(t, "Consent withdrawn. It took effect at once", "No consent", "Recorded by Lien Maes")
	if got := f.Only(t, http.MethodPut, "/api/v1/candidates/c1/consent").Raw; got != `{"matching":false,"text_version":"2026-12"}` {
		t.Errorf("sent %s", got)
	}

	// Giving consent needs the staff member to confirm the explanation.
	r = member.Submit("/candidates/c1/consent", "/candidates/c1/consent", url.Values{"decision": {"give"}})
	r.MustBeAt(t, "/candidates/c1/consent", http.StatusUnprocessableEntity)
	r.MustContain(t, "Tick this only when the candidate has heard the explanation and agrees.")
	if n := len(f.Requests(http.MethodPut, "/api/v1/candidates/c1/consent")); n != 1 {
		t.Fatalf("an unconfirmed consent reached the service (%d calls)", n)
	}
	member.Submit("/candidates/c1/consent", "/candidates/c1/consent", url.Values{"decision": {"give"}, "confirm": {"1"}, "text_version": {"2026-12"}}).
		MustContain(t, "Consent recorded.")
	if got := f.Requests(http.MethodPut, "/api/v1/candidates/c1/consent")[1].Body; got["matching"] != true || got["text_version"] != "2026-12" {
		t.Errorf("sent %v", got)
	}
}

func TestEraseNeedsTheCandidatesAlias(t *testing.T) {
	t.Parallel()
	orgAdmin, _, f, _ := portfolioGateway(t)
	p := orgAdmin.Get("/candidates/c1/erase")
	p.MustBeAt(t, "/candidates/c1/erase", http.StatusOK)
	p.MustContain(t, "This cannot be undone.", "deleted in matching too", "identifies no one", "type the candidate's alias: K7Q2")

	wrong := orgAdmin.Submit("/candidates/c1/erase", "/candidates/c1/erase", url.Values{"alias": {"K7Q3"}})
	wrong.MustBeAt(t, "/candidates/c1/erase", http.StatusUnprocessableEntity)
	wrong.MustContain(t, "Nothing was deleted.", "This is not the candidate's alias.", `value="K7Q3"`)
	if n := len(f.Requests(http.MethodDelete, "/api/v1/candidates/c1")); n != 0 {
		t.Fatalf("a wrong alias deleted the candidate (%d calls)", n)
	}

	r := orgAdmin.NoRedirects().Submit("/candidates/c1/erase", "/candidates/c1/erase", url.Values{"alias": {" k7q2 "}})
	if r.Status != http.StatusSeeOther || r.Header.Get("Location") != "/candidates" {
		t.Fatalf("erase answered %d to %q, want 303 to /candidates", r.Status, r.Header.Get("Location"))
	}
	f.Only(t, http.MethodDelete, "/api/v1/candidates/c1")
	if !strings.Contains(strings.Join(r.Header.Values("Set-Cookie"), "\n"), "onward_notice=") {
		t.Error("no notice was left for the candidate list")
	}
}

// TestEraseNoticeShowsOnceOnTheCandidateList follows the redirect after
// an erasure: the list says so once, and not again on the next visit.
func TestEraseNoticeShowsOnceOnTheCandidateList(t *testing.T) {
	t.Parallel()
	orgAdmin, _, f, _ := portfolioGateway(t)
	const erased = "Candidate K7Q2 has been erased, here and in matching."
	orgAdmin.Get("/candidates").MustContain(t, "K7Q2")

	list := orgAdmin.Submit("/candidates/c1/erase", "/candidates/c1/erase", url.Values{"alias": {"K7Q2"}})
	list.MustBeAt(t, "/candidates", http.StatusOK)
	f.Only(t, http.MethodDelete, "/api/v1/candidates/c1")
	if n := strings.Count(list.Body, erased); n != 1 {
		t.Fatalf("the erase notice shows %d times on the list, want once:\n%s", n, list.Body)
	}
	list.MustContain(t, `<div class="alert alert-ok" role="status">`, "No candidates yet")
	if strings.Contains(orgAdmin.Get("/candidates").Body, erased) {
		t.Error("the erase notice shows again on the next visit")
	}
}

func TestOnlyTheOrgAdminErasesAndReadsTheAuditTrail(t *testing.T) {
	t.Parallel()
	_, member, f, g := portfolioGateway(t)
	for _, path := range []string{"/candidates/c1/erase", "/candidates/c1/audit"} {
		p := member.Get(path)
		p.MustBeAt(t, path, http.StatusForbidden)
		p.MustContain(t, "Not available for your account")
	}
	member.Submit("/home", "/candidates/c1/erase", url.Values{"alias": {"K7Q2"}}).
		MustBeAt(t, "/candidates/c1/erase", http.StatusForbidden)
	if n := len(f.Requests(http.MethodDelete, "/api/v1/candidates/c1")); n != 0 {
		t.Fatalf("a member's erase reached the service (%d calls)", n)
	}

	// Employers and the platform administrator have no candidates.
	employer := webtest.NewBrowser(t, g)
	employer.SignUp("Café De Hoek", "Ana", webtest.UniqueEmail(t)).MustBeAt(t, "/home", http.StatusOK)
	employer.Get("/candidates/c1/attest").MustBeAt(t, "/candidates/c1/attest", http.StatusForbidden)
	admin := webtest.NewBrowser(t, g)
	admin.Submit("/login", "/login", url.Values{"email": {g.AdminEmail}, "password": {webtest.AdminPassword}})
	admin.Get("/candidates/c1/consent").MustBeAt(t, "/candidates/c1/consent", http.StatusForbidden)
	if n := len(f.Requests(http.MethodGet, "/api/v1/candidates/c1")); n != 0 {
		t.Errorf("refused pages still read the candidate (%d calls)", n)
	}
}

func TestExportDownloadsTheServicesFile(t *testing.T) {
	t.Parallel()
	_, member, f, _ := portfolioGateway(t)
	member.Get("/candidates/c1/export").MustContain(t, "Export the candidate's data", "recorded in the audit trail", "Download the file")
	if n := len(f.Requests(http.MethodGet, "/api/v1/candidates/c1/export")); n != 0 {
		t.Fatal("showing the confirmation page already exported")
	}
	r := member.Submit("/candidates/c1/export", "/candidates/c1/export", url.Values{})
	if r.Status != http.StatusOK || r.Body != fake.PortfolioExport {
		t.Fatalf("export answered %d: %s", r.Status, r.Body)
	}
	if got := r.Header.Get("Content-Disposition"); got != `attachment; filename="onward-candidate-K7Q2.json"` {
		t.Errorf("Content-Disposition = %q", got)
	}
	if ct, cc := r.Header.Get("Content-Type"), r.Header.Get("Cache-Control"); !strings.HasPrefix(ct, "application/json") || cc != "no-store" {
		t.Errorf("Content-Type %q, Cache-Control %q", ct, cc)
	}
	// Without the form's token nothing is exported.
	member.Post("/candidates/c1/export", url.Values{}).MustBeAt(t, "/candidates/c1/export", http.StatusForbidden)
	f.Only(t, http.MethodGet, "/api/v1/candidates/c1/export")
}

func TestAuditTrailNamesColleaguesAndPages(t *testing.T) {
	t.Parallel()
	orgAdmin, _, f, _ := portfolioGateway(t)
	p := orgAdmin.Get("/candidates/c1/audit")
	p.MustBeAt(t, "/candidates/c1/audit", http.StatusOK)
	p.MustContain(t, "Audit trail", "K7Q2", `data-label="Who">Sam Claes<`, "Attested a skill", "skills",
		"Attesting a skill", "Read the record", "The candidate's request about their data",
		`<time datetime="2026-11-20T14:05:00Z">20 November 2026, 15:05</time>`, `href="/candidates/c1/audit?cursor=page-2"`)
	p = orgAdmin.Get("/candidates/c1/audit?cursor=page-2")
	// Someone the gateway cannot name shows as their id.
	p.MustContain(t, "0b5c1e9e-0000-4000-8000-000000000000", "Registered the candidate", `href="/candidates/c1/audit"`)
	if q := f.Requests(http.MethodGet, "/api/v1/candidates/c1/audit")[1].Query; q.Get("cursor") != "page-2" || q.Get("limit") != "25" {
		t.Errorf("second page asked with %v", q)
	}
}
