package staff_test

import (
	"net/http"
	"net/url"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/onward-jobs/onward/services/web/internal/webtest"
)

// registerFields is a filled-in step 2 with step 1's values, as the
// browser posts them.
func registerFields(start string) url.Values {
	return url.Values{
		"step": {"2"}, "action": {"create"},
		"given_name": {"Janneke"}, "family_name": {"Peetersma"}, "phone": {"+32 470 11 22 33"},
		"setting": {"transition_house"}, "house": {"2797656"}, "house_q": {"Gent"}, "house_shown": {"Gent"},
		"dr_eligible_from": {"2027-01-04"}, "dr_days": {"mon", "tue"}, "dr_start": {start}, "dr_end": {"18:00"},
		"dr_commute": {"25"}, "region_radius": {"30"}, "excluded_sectors": {"P"}, "lang_code": {"nl"}, "lang_level": {"C2"},
	}
}

// TestRegisterWizardPostsTheCandidateAndKeepsInputOnErrors walks the four
// steps: identity carried in hidden fields, a field error from the
// service shown at its field with the input kept, the JSON the service
// receives, programme hours, and consent with the text's version. The
// identity never reaches the gateway's logs.
func TestRegisterWizardPostsTheCandidateAndKeepsInputOnErrors(t *testing.T) {
	t.Parallel()
	g, k := webtest.StaffGateway(t)
	k.AddProgramme("p1", "Coffee roastery — Kortrijk house")
	coach := webtest.ProgrammeAdmin(t, g)

	first := coach.Get("/candidates/new")
	first.MustBeAt(t, "/candidates/new", http.StatusOK)
	first.MustContain(t, "Step 1 of 4", "Given name", "Nothing is stored until you press “Register”.")

	// Step 1 needs the names before it moves on.
	missing := coach.Submit("/candidates/new", "/candidates/new", url.Values{"step": {"1"}, "action": {"next"}, "given_name": {"Janneke"}})
	missing.MustBeAt(t, "/candidates/new", http.StatusUnprocessableEntity)
	missing.MustContain(t, "Step 1 of 4", `value="Janneke"`)
	missing.MustMatch(t, `id="family_name-error"`)

	second := coach.Submit("/candidates/new", "/candidates/new", url.Values{"step": {"1"}, "action": {"next"},
		"given_name": {"Janneke"}, "family_name": {"Peetersma"}, "phone": {"+32 470 11 22 33"}})
	second.MustBeAt(t, "/candidates/new", http.StatusOK)
	second.MustContain(t, "Step 2 of 4", `<input type="hidden" name="given_name" value="Janneke">`,
		`<input type="hidden" name="phone" value="+32 470 11 22 33">`, "Sectors the licence rules out", "Education")
	if n := len(k.Requests(http.MethodPost, "/api/v1/candidates")); n != 0 {
		t.Fatalf("moving to step 2 stored the candidate (%d calls)", n)
	}

	// The service refuses the start time: the error is at that field,
	// and everything typed is still there.
	refused := coach.Submit("/candidates/new", "/candidates/new", registerFields("25:00"))
	refused.MustBeAt(t, "/candidates/new", http.StatusUnprocessableEntity)
	refused.MustContain(t, "Step 2 of 4", "Please check the fields marked below.", `href="#dr_start"`)
	refused.MustMatch(t,
		`(?s)<p class="error-text" id="dr_start-error">.{0,80}Enter a time, like 07:00.</p>\s*<input id="dr_start" name="dr_start" type="time" autocomplete="off" value="25:00" aria-describedby="dr_start-error" aria-invalid="true">`,
		`value="mon" checked`, `value="tue" checked`, `value="P" checked`, `name="given_name" value="Janneke"`, `value="2027-01-04"`)

	// Corrected, it registers and goes on to step 3.
	hours := coach.Submit("/candidates/new", "/candidates/new", registerFields("07:00"))
	hours.MustBeAt(t, "/candidates/c1/register/hours", http.StatusOK)
	hours.MustContain(t, "Step 3 of 4", "Janneke Peetersma is registered, with the alias K7Qc1.", "Coffee roastery — Kortrijk house", "Skip")
	got := k.Last(t, http.MethodPost, "/api/v1/candidates").Body
	want := map[string]any{
		"given_name": "Janneke", "family_name": "Peetersma", "phone": "+32 470 11 22 33", "setting": "transition_house",
		"house":       map[string]any{"place_id": "2797656"},
		"day_release": map[string]any{"eligible_from": "2027-01-04", "days": []any{"mon", "tue"}, "start": "07:00", "end": "18:00", "max_commute_km": float64(25)},
		"languages":   []any{map[string]any{"code": "nl", "level": "C2"}}, "excluded_sectors": []any{"P"},
		"preferences": map[string]any{"sectors": []any{}, "hours_per_week": float64(0), "contracts": []any{}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("POST /api/v1/candidates body\n got %v\nwant %v", got, want)
	}

	// Step 3: programme hours, then on to consent.
	added := coach.Submit("/candidates/c1/register/hours", "/candidates/c1/register/hours", url.Values{
		"action": {"add_record"}, "rec_programme": {"p1"}, "rec_from": {"2026-01-05"}, "rec_hours": {"600"}})
	added.MustBeAt(t, "/candidates/c1/register/hours", http.StatusOK)
	added.MustContain(t, "The hours are recorded.", "600 hours", "Next")
	rec := k.Last(t, http.MethodPost, "/api/v1/candidates/c1/programme-records").Body
	if rec["programme"] != "p1" || rec["from"] != "2026-01-05" || rec["hours"] != float64(600) {
		t.Errorf("programme record body = %v", rec)
	}
	tooMany := coach.Submit("/candidates/c1/register/hours", "/candidates/c1/register/hours", url.Values{
		"action": {"add_record"}, "rec_programme": {"p1"}, "rec_from": {"2026-01-05"}, "rec_hours": {"99999"}})
	tooMany.MustBeAt(t, "/candidates/c1/register/hours", http.StatusUnprocessableEntity)
	tooMany.MustContain(t, "Enter the hours, from 1 to 10,000.", `value="99999"`)

	// Step 4: consent needs the box; then the candidate page.
	consent := coach.Get("/candidates/c1/register/consent")
	consent.MustContain(t, "Step 4 of 4", "it shows employers a profile without your name, under the alias K7Qc1.", "Consent text version 2026-12.",
		`<input type="hidden" name="text_version" value="2026-12">`)
	unticked := coach.Submit("/candidates/c1/register/consent", "/candidates/c1/register/consent", url.Values{})
	unticked.MustBeAt(t, "/candidates/c1/register/consent", http.StatusUnprocessableEntity)
	if n := len(k.Requests(http.MethodPut, "/api/v1/candidates/c1/consent")); n != 0 {
		t.Fatal("consent was recorded without the box ticked")
	}
	done := coach.Submit("/candidates/c1/register/consent", "/candidates/c1/register/consent", url.Values{"matching": {"true"}, "text_version": {"2026-12"}})
	done.MustBeAt(t, "/candidates/c1", http.StatusOK)
	done.MustContain(t, "The consent is recorded.", "Agreed to matching", "Janneke Peetersma")
	if body := k.Last(t, http.MethodPut, "/api/v1/candidates/c1/consent").Body; !reflect.DeepEqual(body, map[string]any{"matching": true, "text_version": "2026-12"}) {
		t.Errorf("consent body = %v", body)
	}

	for _, personal := range []string{"Janneke", "Peetersma", "470 11 22 33"} {
		if g.Contains(personal) {
			t.Errorf("the gateway logged %q", personal)
		}
	}
}

// TestRegisterWizardShowsIdentityErrorsOnStepOne: an identity error from
// the service takes the user back to step 1, with step 2 kept hidden.
func TestRegisterWizardShowsIdentityErrorsOnStepOne(t *testing.T) {
	t.Parallel()
	g, k := webtest.StaffGateway(t)
	coach := webtest.ProgrammeAdmin(t, g)
	fields := registerFields("07:00")
	fields.Set("family_name", "Refused")
	p := coach.Submit("/candidates/new", "/candidates/new", fields)
	p.MustBeAt(t, "/candidates/new", http.StatusUnprocessableEntity)
	p.MustContain(t, "Step 1 of 4", "Fill this in, using at most 100 characters.", `<input type="hidden" name="dr_start" value="07:00">`,
		`<input type="hidden" name="house" value="2797656">`)
	p.MustMatch(t, `id="family_name" name="family_name" type="text" autocomplete="off" value="Refused"`)
	if len(k.Requests(http.MethodPost, "/api/v1/candidates")) != 1 {
		t.Error("expected exactly one POST")
	}
}

// TestCandidateListSearchesAndPages: q and the filters go to the service,
// rows show alias, name, setting and consent, and "More" keeps the search.
func TestCandidateListSearchesAndPages(t *testing.T) {
	t.Parallel()
	g, k := webtest.StaffGateway(t)
	coach := webtest.ProgrammeAdmin(t, g)

	empty := coach.Get("/candidates")
	empty.MustBeAt(t, "/candidates", http.StatusOK)
	empty.MustContain(t, "No candidates yet", "Register the people your programme works with", `href="/candidates/new"`)

	k.AddProgramme("p1", "Garden")
	k.AddCandidate("c1", map[string]any{"given_name": "Jan", "family_name": "Peeters", "setting": "transition_house",
		"consent": map[string]any{"matching": true}})
	k.AddCandidate("c2", map[string]any{"given_name": "Janna", "family_name": "Claes"})
	k.AddCandidate("c3", map[string]any{"given_name": "Omar", "family_name": "Haddad"})

	p := coach.Get("/candidates?q=jan&setting=transition_house&programme=p1")
	p.MustBeAt(t, "/candidates", http.StatusOK)
	p.MustContain(t, "KC1", "Jan Peeters", "In a transition house", "Agreed to matching", `value="jan"`,
		`href="/candidates?cursor=cursor-2&programme=p1&q=jan&setting=transition_house"`, "Register a candidate")
	q := k.Last(t, http.MethodGet, "/api/v1/candidates").Query
	if q.Get("q") != "jan" || q.Get("setting") != "transition_house" || q.Get("programme") != "p1" || q.Get("limit") != "20" {
		t.Errorf("list query = %v", q)
	}
	more := coach.Get("/candidates?cursor=cursor-2&programme=p1&q=jan&setting=transition_house")
	more.MustContain(t, "Janna Claes", "No consent to matching yet")
	if q := k.Last(t, http.MethodGet, "/api/v1/candidates").Query; q.Get("cursor") != "cursor-2" || q.Get("q") != "jan" {
		t.Errorf("more query = %v", q)
	}

	none := coach.Get("/candidates?q=zzz")
	none.MustContain(t, "No candidate matches.", "Show all")
}

// TestStaffPagesAreForProgrammeStaffOnly: employers and platform
// administrators get the forbidden page, and the service is never asked.
func TestStaffPagesAreForProgrammeStaffOnly(t *testing.T) {
	t.Parallel()
	g, k := webtest.StaffGateway(t)
	employer := webtest.NewBrowser(t, g)
	employer.SignUp("Café De Hoek", "Ana", webtest.UniqueEmail(t)).MustBeAt(t, "/home", http.StatusOK)
	admin := webtest.NewBrowser(t, g)
	admin.Submit("/login", "/login", url.Values{"email": {g.AdminEmail}, "password": {webtest.AdminPassword}}).MustBeAt(t, "/home", http.StatusOK)
	for _, b := range []*webtest.Browser{employer, admin} {
		for _, path := range []string{"/candidates", "/candidates/new", "/candidates/c1", "/candidates/c1/edit", "/programmes", "/programmes/new", "/candidates/c1/register/hours",
			"/candidates/c1/certificates/new", "/candidates/c1/attest", "/candidates/c1/consent", "/candidates/c1/export", "/candidates/c1/erase", "/candidates/c1/audit"} {
			p := b.Get(path)
			p.MustBeAt(t, path, http.StatusForbidden)
			p.MustContain(t, "Not available for your account")
		}
	}
	if seen := k.Seen(); len(seen) != 0 {
		t.Errorf("the candidates service was asked %d times for refused pages", len(seen))
	}
	if strings.Contains(employer.Get("/home").Body, `href="/candidates"`) {
		t.Error("an employer's home page links to the candidates")
	}
}

// TestEditSendsTheVersionAndExplainsAConflict: the edit form carries the
// version read, PATCH sends it with nulls for emptied fields, and a 409
// is explained with a way to reload.
func TestEditSendsTheVersionAndExplainsAConflict(t *testing.T) {
	t.Parallel()
	g, k := webtest.StaffGateway(t)
	coach := webtest.ProgrammeAdmin(t, g)
	k.AddCandidate("c1", map[string]any{"version": 3, "preferred_name": "Jantje", "phone": "+32 9 000 00 00",
		"release": map[string]any{"expected_date": "2027-09-01", "return_region": map[string]any{"place_id": "2797656", "name": "Gent", "radius_km": 30}}})

	form := coach.Get("/candidates/c1/edit")
	form.MustBeAt(t, "/candidates/c1/edit", http.StatusOK)
	form.MustContain(t, `name="version" value="3"`, `value="Jantje"`, `value="2027-09-01"`, `value="Gent"`, `value="released" checked`)

	fields := url.Values{"version": {"3"}, "action": {"save"}, "given_name": {"Jan"}, "family_name": {"Peeters"},
		"setting": {"released"}, "rel_date": {"2027-09-01"}, "region": {"2797656"}, "region_q": {"Gent"}, "region_shown": {"Gent"}, "region_radius": {"40"}}
	saved := coach.Submit("/candidates/c1/edit", "/candidates/c1/edit", fields)
	saved.MustBeAt(t, "/candidates/c1", http.StatusOK)
	saved.MustContain(t, "The changes are saved.")
	body := k.Last(t, http.MethodPatch, "/api/v1/candidates/c1").Body
	if body["version"] != float64(3) {
		t.Errorf("PATCH version = %v, want 3", body["version"])
	}
	for _, cleared := range []string{"preferred_name", "phone", "house", "day_release"} {
		if v, ok := body[cleared]; !ok || v != nil {
			t.Errorf("PATCH %s = %v (present %v), want null", cleared, v, ok)
		}
	}
	if rr := body["release"].(map[string]any)["return_region"].(map[string]any); rr["radius_km"] != float64(40) {
		t.Errorf("PATCH return region = %v", rr)
	}

	// Someone else saved in between: the form's version 4 is stale now.
	k.SetVersion("c1", 6)
	fields.Set("version", "4")
	fields.Set("given_name", "Johannes")
	stale := coach.Submit("/candidates/c1/edit", "/candidates/c1/edit", fields)
	stale.MustBeAt(t, "/candidates/c1/edit", http.StatusConflict)
	stale.MustContain(t, "Someone else changed this candidate while you were editing.", `href="/candidates/c1/edit"`, "Reload the candidate",
		`value="Johannes"`)
}

// TestCandidatePageShowsPortfolioAndActions: skills with level, hours,
// who attested them and "Signed" with a check of the signature; the
// other pages' actions, with erase and audit for the org_admin only.
func TestCandidatePageShowsPortfolioAndActions(t *testing.T) {
	t.Parallel()
	g, k := webtest.StaffGateway(t)
	coach := webtest.ProgrammeAdmin(t, g)
	k.AddProgramme("p1", "Coffee roastery")
	k.AddCandidate("c1", map[string]any{"setting": "detention_house", "house": map[string]any{"place_id": "2797656", "name": "Gent"},
		"excluded_sectors": []string{"P"}, "skills": []any{map[string]any{"id": "a1", "skill": "barista-skills", "level": 3, "hours": 600,
			"programme": "p1", "attested_by": "someone-else", "attested_at": "2026-11-20T09:00:00Z", "signature": "c2ln"}},
		"programme_records": []any{map[string]any{"id": "r1", "programme": "p1", "from": "2026-01-05", "hours": 600}},
		"certificates":      []any{map[string]any{"id": "x1", "name": "Food hygiene", "issuer": "FAVV", "date": "2026-03-01"}}})

	p := coach.Get("/candidates/c1")
	p.MustBeAt(t, "/candidates/c1", http.StatusOK)
	p.MustContain(t, "Jan Peeters", "KC1", "In a detention house", "Gent", "Education", "Barista skills",
		"Experienced and consistent", "600 hours", "Coffee roastery", "Attested on 2026-11-20", "Signed",
		`href="/attestations/a1"`, "Food hygiene", "No consent to matching yet",
		`href="/candidates/c1/attest"`, `href="/candidates/c1/consent"`, `href="/candidates/c1/export"`,
		`href="/candidates/c1/erase"`, `href="/candidates/c1/audit"`, `href="/candidates/c1/edit"`)

	member := webtest.ProgrammeMember(t, g, coach)
	mp := member.Get("/candidates/c1")
	mp.MustContain(t, `href="/candidates/c1/attest"`)
	if strings.Contains(mp.Body, "/erase") || strings.Contains(mp.Body, "/audit") {
		t.Error("a member is offered erase or the audit trail")
	}

	ok := coach.Get("/attestations/a1")
	ok.MustBeAt(t, "/attestations/a1", http.StatusOK)
	ok.MustContain(t, "The signature is intact", "Barista skills", "600 hours")
	coach.Get("/attestations/broken").MustContain(t, "The signature does not match")
}

// TestProgrammesCreateAndList: the form sends the kind, site, skills and
// the signed-in supervisor; the list and the page show the programme.
func TestProgrammesCreateAndList(t *testing.T) {
	t.Parallel()
	g, k := webtest.StaffGateway(t)
	coach := webtest.ProgrammeAdmin(t, g)
	home := coach.Get("/home")
	home.MustContain(t, `href="/candidates"`, `href="/programmes"`)

	coach.Get("/programmes").MustContain(t, "No programmes yet", "Add a programme")
	form := coach.Get("/programmes/new")
	form.MustContain(t, "Coffee roastery", "Sam Claes")
	m := regexpSubmatch(t, form.Body, `name="supervisors" value="([^"]+)" checked`)

	bad := coach.Submit("/programmes/new", "/programmes/new", url.Values{"action": {"create"}, "name": {"bad name"}, "kind": {"garden"}})
	bad.MustBeAt(t, "/programmes/new", http.StatusUnprocessableEntity)
	bad.MustContain(t, "Give the programme a name of at most 120 characters.", `value="bad name"`)

	created := coach.Submit("/programmes/new", "/programmes/new", url.Values{"action": {"create"}, "name": {"Koffie — huis Kortrijk"},
		"kind": {"coffee_roastery"}, "site": {"2797656"}, "site_q": {"Gent"}, "site_shown": {"Gent"},
		"skill": {"barista-skills"}, "skill_label": {"Barista skills"}, "supervisors": {m}})
	created.MustBeAt(t, "/programmes/p1", http.StatusOK)
	created.MustContain(t, "Koffie — huis Kortrijk", "Coffee roastery", "Gent", "Barista skills", "Sam Claes")
	body := k.Last(t, http.MethodPost, "/api/v1/programmes").Body
	want := map[string]any{"name": "Koffie — huis Kortrijk", "kind": "coffee_roastery", "site": map[string]any{"place_id": "2797656"},
		"skills": []any{"barista-skills"}, "supervisors": []any{m}}
	if !reflect.DeepEqual(body, want) {
		t.Errorf("POST /api/v1/programmes\n got %v\nwant %v", body, want)
	}
	coach.Get("/programmes").MustContain(t, "Koffie — huis Kortrijk", `href="/programmes/p1"`)
}

func regexpSubmatch(t *testing.T, body, expr string) string {
	t.Helper()
	got := regexp.MustCompile(expr).FindStringSubmatch(body)
	if got == nil {
		t.Fatalf("no match for %s in:\n%s", expr, body)
	}
	return got[1]
}

// TestProgrammeFormOffersTheOrganisationsMembers: every colleague is a
// supervisor to tick, named, with their user id as the value; people of
// other organisations are not offered; the programme page names the
// supervisors chosen.
func TestProgrammeFormOffersTheOrganisationsMembers(t *testing.T) {
	t.Parallel()
	g, k := webtest.StaffGateway(t)
	coach := webtest.ProgrammeAdmin(t, g)
	webtest.ProgrammeMember(t, g, coach)
	employer := webtest.NewBrowser(t, g)
	employer.SignUp("Café De Hoek", "Ana Employer", webtest.UniqueEmail(t)).MustBeAt(t, "/home", http.StatusOK)

	form := coach.Get("/programmes/new")
	form.MustBeAt(t, "/programmes/new", http.StatusOK)
	sam := regexpSubmatch(t, form.Body, `name="supervisors" value="([^"]+)" checked> <span>Sam Claes</span>`)
	lien := regexpSubmatch(t, form.Body, `name="supervisors" value="([^"]+)"> <span>Lien</span>`)
	if sam == lien || strings.Contains(form.Body, "Ana Employer") {
		t.Fatalf("supervisors offered wrongly:\n%s", form.Body)
	}
	if n := strings.Count(form.Body, `name="supervisors"`); n != 2 {
		t.Errorf("%d supervisors offered, want 2", n)
	}

	created := coach.Submit("/programmes/new", "/programmes/new", url.Values{"action": {"create"}, "name": {"Tuin"},
		"kind": {"garden"}, "site": {"2797656"}, "site_q": {"Gent"}, "site_shown": {"Gent"}, "supervisors": {lien}})
	created.MustBeAt(t, "/programmes/p1", http.StatusOK)
	created.MustContain(t, "Lien")
	if got := k.Last(t, http.MethodPost, "/api/v1/programmes").Body["supervisors"]; !reflect.DeepEqual(got, []any{lien}) {
		t.Errorf("supervisors sent = %v, want [%s]", got, lien)
	}

	// A form posted back keeps the ticks as they were.
	again := coach.Submit("/programmes/new", "/programmes/new", url.Values{"action": {"refresh"}, "supervisors": {lien}})
	again.MustContain(t, `value="`+lien+`" checked> <span>Lien</span>`, `value="`+sam+`"> <span>Sam Claes</span>`)
}

// TestCertificateIsAddedFromTheCandidatePage: the candidate page links to
// the certificate form; the service's field errors sit next to their
// fields with the input kept; a saved certificate shows on the candidate
// page with a notice.
func TestCertificateIsAddedFromTheCandidatePage(t *testing.T) {
	t.Parallel()
	g, k := webtest.StaffGateway(t)
	coach := webtest.ProgrammeAdmin(t, g)
	k.AddCandidate("c1", nil)
	coach.Get("/candidates/c1").MustContain(t, "No certificates yet.", `href="/candidates/c1/certificates/new"`, "Add a certificate")

	form := coach.Get("/candidates/c1/certificates/new")
	form.MustBeAt(t, "/candidates/c1/certificates/new", http.StatusOK)
	form.MustContain(t, "Add a certificate", "Jan Peeters", "KC1", "Food hygiene", `name="cert_issuer"`, `type="date"`)

	refused := coach.Submit("/candidates/c1/certificates/new", "/candidates/c1/certificates/new",
		url.Values{"cert_name": {""}, "cert_issuer": {"VDAB"}, "cert_date": {"2099-01-01"}})
	refused.MustBeAt(t, "/candidates/c1/certificates/new", http.StatusUnprocessableEntity)
	refused.MustContain(t, "Please check the fields marked below.", `href="#cert_name"`, `href="#cert_date"`)
	refused.MustMatch(t,
		`(?s)<p class="error-text" id="cert_name-error">.{0,80}Enter the certificate&#39;s name, in at most 120 characters.</p>\s*<input id="cert_name" name="cert_name"`,
		`(?s)<p class="error-text" id="cert_date-error">.{0,80}it cannot be in the future.</p>\s*<input id="cert_date" name="cert_date" type="date" autocomplete="off" value="2099-01-01"`,
		`id="cert_issuer" name="cert_issuer" type="text" autocomplete="off" value="VDAB"`)
	if strings.Contains(refused.Body, `id="cert_issuer-error"`) {
		t.Error("the issuer is marked though the service accepted it")
	}

	saved := coach.Submit("/candidates/c1/certificates/new", "/candidates/c1/certificates/new",
		url.Values{"cert_name": {"Forklift licence"}, "cert_issuer": {"VDAB"}, "cert_date": {"2026-03-01"}})
	saved.MustBeAt(t, "/candidates/c1", http.StatusOK)
	saved.MustContain(t, "The certificate is added.", "Forklift licence", "VDAB · 2026-03-01")
	want := map[string]any{"name": "Forklift licence", "issuer": "VDAB", "date": "2026-03-01"}
	if got := k.Last(t, http.MethodPost, "/api/v1/candidates/c1/certificates").Body; !reflect.DeepEqual(got, want) {
		t.Errorf("POST certificates body = %v, want %v", got, want)
	}
	if n := len(k.Requests(http.MethodPost, "/api/v1/candidates/c1/certificates")); n != 2 {
		t.Errorf("the service got %d certificates, want the refused one and the saved one", n)
	}
}
