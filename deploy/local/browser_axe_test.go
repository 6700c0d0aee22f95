package launcher

import (
	"net/http"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/onward-jobs/onward/pkg/api"
	"github.com/onward-jobs/onward/pkg/testkit"
)

// TestBrowserPagesPassAxe runs the whole platform once and audits every
// page each audience reaches with axe-core against WCAG 2.2 A and AA: the
// public pages, the employer's, the programme staff's and the platform
// administrator's, and the error pages, in English, Dutch, French and
// German at a phone's 390×844, and in English also at 360×740 and
// 1280×800. Each audience has one signed-in browser context. Every
// violation fails the test with its rule, impact, help and the first
// elements it names. The English phone view of each page is kept as
// axe-<audience>-<page>.png.
func TestBrowserPagesPassAxe(t *testing.T) {
	engine := loadAxe(t)
	p := start(t, testEnviron(t, t.TempDir()))
	w := seedAxeWorld(t, p)
	browser := testkit.Chromium(t, 8*time.Minute)
	dir := testkit.ArtifactDir(t, "screenshots")
	// The browser starts, with its first tab, before the passes open
	// their browser contexts in it.
	if err := chromedp.Do(browser); err != nil {
		t.Fatalf("start the browser: %v", err)
	}

	// One browser context per audience, its pages audited in each
	// language on a phone; in English also on a small phone and on a
	// desktop, with the phone's screenshots kept.
	for _, a := range w.audiences() {
		tab := newAxeTab(t, browser, p.url("web"), engine, a.name)
		if a.email != "" {
			tab.signIn(a.email, a.password)
		}
		for _, lang := range []string{"en", "nl", "fr", "de"} {
			tab.switchLanguage(lang)
			for _, pg := range a.pages {
				if lang == "en" {
					tab.audit(pg, lang, dir, phoneShotView, narrowView, desktopView)
				} else {
					tab.audit(pg, lang, "", phoneView)
				}
			}
		}
		tab.close()
	}
}

// axeWorld is what the audited pages show: one of everything each
// audience can open, seeded through the API.
type axeWorld struct {
	employerEmail, staffEmail                  string
	invitation, roleID, candidateID, programme string
	attestation                                string
	// employerOrg is the verified employer's organisation, pendingOrg
	// an employer still waiting for verification.
	employerOrg, pendingOrg string
}

// seedAxeWorld creates a programme organisation with a programme and a
// consenting, attested candidate, an employer with an open role whose
// shortlist holds that candidate, and a pending invitation.
func seedAxeWorld(t *testing.T, p *platform) axeWorld {
	t.Helper()
	var w axeWorld
	var staff apiClient
	w.staffEmail, staff = newProgrammeOrg(t, p, "Transitiehuis Kortrijk")
	var prog struct{ ID string }
	staff.do("POST", "/api/v1/programmes", map[string]any{"name": "Koffiebar", "kind": "coffee_roastery",
		"site": map[string]any{"place_id": kortrijk}, "skills": []string{"espresso-preparation"}}, http.StatusCreated, &prog)
	w.programme = prog.ID
	w.candidateID, _ = registerBarista(t, staff, prog.ID, "Annelies", 4)
	var att api.Attestation
	staff.do("POST", "/api/v1/candidates/"+w.candidateID+"/skills", map[string]any{"skill": "latte-art", "level": 2, "hours": 120,
		"programme": prog.ID, "evidence": "Pours a steady rosetta."}, http.StatusCreated, &att)
	w.attestation = att.ID

	var employer apiClient
	w.employerEmail, employer = newEmployer(t, p, "Koffiebar De Brug")
	var role struct{ ID string }
	employer.do("POST", "/api/v1/roles", map[string]any{
		"title": "Barista", "description": "Morning shifts.", "sector": "I", "site": map[string]any{"place_id": kortrijk},
		"essential_skills": []any{map[string]any{"skill": "espresso-preparation", "min_level": 2}},
		"optional_skills":  []any{map[string]any{"skill": "latte-art", "min_level": 1}},
		"schedule":         map[string]any{"days": []string{"mon", "tue", "wed"}, "start": "07:00", "end": "15:00"},
		"hours_per_week":   24, "contract": "permanent", "start_asap": true, "day_release_ok": true, "status": "open",
	}, http.StatusCreated, &role)
	w.roleID = role.ID
	waitShortlist(t, employer, role.ID, func(s api.Shortlist) bool { return len(s.Items) == 1 })

	var me struct{ Organisation struct{ ID string } }
	employer.do("GET", "/api/v1/me", nil, http.StatusOK, &me)
	w.employerOrg = me.Organisation.ID
	admin := p.client(t, login(t, p))
	w.pendingOrg = (&world{t: t, p: p}).pendingEmployer()
	var org api.Organisation
	admin.do("POST", "/api/v1/organisations", map[string]string{"name": "Detentiehuis Gent", "kind": "programme", "programme_type": "detention_house"}, http.StatusCreated, &org)
	var inv api.Invitation
	admin.do("POST", "/api/v1/organisations/"+org.ID+"/invitations", map[string]string{"email": "new.coach@house.test", "role": "org_admin"}, http.StatusCreated, &inv)
	w.invitation = inv.Token
	return w
}

// axeAudience is one kind of visitor: who signs in (no one for the
// public) and the pages they reach.
type axeAudience struct {
	name, email, password string
	pages                 []axePage
}

// axePage is one page to audit: opened at path, then, for pages that
// only a form's answer shows, reached by filling (a script) and pressing
// the button click. at is the address it ends at (path without its query
// when empty) and status the answer's status (200 when zero).
type axePage struct {
	name, path, fill, click, at string
	status                      int64
	// then, when set, brings the page into the state to audit, such as
	// a picker showing its suggestions.
	then func(*axeTab)
}

func (w axeWorld) audiences() []axeAudience {
	cand := "/candidates/" + w.candidateID
	role := "/roles/" + w.roleID
	return []axeAudience{
		{name: "public", pages: []axePage{
			{name: "landing", path: "/"},
			{name: "signup", path: "/signup"},
			{name: "login", path: "/login"},
			{name: "invitation", path: "/invitations/" + w.invitation},
			{name: "password-reset", path: "/password-reset"},
			{name: "password-reset-link", path: "/password-reset/a-link-nobody-was-sent"},
			{name: "not-found", path: "/no-such-page", status: http.StatusNotFound},
		}},
		{name: "employer", email: w.employerEmail, password: staffPassword, pages: []axePage{
			{name: "home", path: "/home"},
			{name: "inbox", path: "/inbox"},
			{name: "notification-preferences", path: "/inbox/preferences"},
			{name: "profile", path: "/employer/profile"},
			{name: "role-step-1", path: "/roles/new"},
			{name: "role-step-2", path: "/roles/new?step=details&occupation=barista"},
			{name: "role-step-3", path: role + "/edit", click: `button[name="action"][value="review"]`},
			{name: "role", path: role},
			{name: "shortlist", path: role + "/shortlist"},
			{name: "explore", path: "/explore?skill=espresso-preparation&occupation=barista&place=" + kortrijk},
			{name: "explore-suggestions", path: "/explore", then: func(a *axeTab) { a.suggest("skill", "baristta") }},
			{name: "forbidden", path: "/candidates", status: http.StatusForbidden},
		}},
		{name: "staff", email: w.staffEmail, password: staffPassword, pages: []axePage{
			{name: "home", path: "/home"},
			{name: "candidates", path: "/candidates"},
			{name: "register-step-1", path: "/candidates/new"},
			{name: "register-step-1-errors", path: "/candidates/new", click: `button[name="action"][value="next"]`,
				status: http.StatusUnprocessableEntity},
			{name: "register-step-2", path: "/candidates/new", click: `button[name="action"][value="next"]`,
				fill: `document.getElementById("given_name").value = "Jan";
					document.getElementById("family_name").value = "Peeters";
					document.getElementById("date_of_birth").value = "1990-04-02";`},
			{name: "register-step-3", path: cand + "/register/hours"},
			{name: "register-step-4", path: cand + "/register/consent"},
			{name: "candidate", path: cand},
			{name: "candidate-edit", path: cand + "/edit"},
			{name: "suggestions", path: cand + "/suggestions"},
			{name: "attest", path: cand + "/attest"},
			{name: "attestation", path: "/attestations/" + w.attestation},
			{name: "certificate", path: cand + "/certificates/new"},
			{name: "consent", path: cand + "/consent"},
			{name: "export", path: cand + "/export"},
			{name: "erase", path: cand + "/erase"},
			{name: "audit", path: cand + "/audit"},
			{name: "programmes", path: "/programmes"},
			{name: "programme-new", path: "/programmes/new"},
			{name: "programme", path: "/programmes/" + w.programme},
			{name: "roles", path: "/roles"},
			{name: "not-found", path: "/candidates/00000000-0000-0000-0000-000000000000", status: http.StatusNotFound},
		}},
		{name: "admin", email: adminEmail, password: adminPassword, pages: []axePage{
			{name: "home", path: "/home"},
			{name: "home-organisation-added", path: "/home", click: `main form[action="/home/organisations"] button[type="submit"]`,
				fill: `document.getElementById("org_name").value = "Werkhuis Brugge";`},
			{name: "explore", path: "/explore"},
			{name: "roles", path: "/roles"},
			{name: "role", path: role},
			{name: "shortlist", path: role + "/shortlist"},
			{name: "deliveries", path: "/admin/deliveries"},
			{name: "organisations-pending", path: "/admin/organisations?status=pending"},
			{name: "organisation-employer", path: "/admin/organisations/" + w.employerOrg},
			{name: "verify", path: "/admin/organisations/" + w.pendingOrg + "/verify"},
			{name: "verify-errors", path: "/admin/organisations/" + w.pendingOrg + "/verify", click: `main form button[type="submit"]`,
				fill: `document.getElementById("register_country").value = "NL";`, status: http.StatusUnprocessableEntity},
			{name: "suspend", path: "/admin/organisations/" + w.employerOrg + "/suspend"},
		}},
	}
}
