package http

import (
	"strings"
	"testing"

	"github.com/onward-jobs/onward/pkg/auth"
	"github.com/onward-jobs/onward/pkg/httpx"
)

// route is one request to a public route with a body that would succeed
// for the candidate's own staff.
type route struct{ method, path, pattern string }

// publicRoutes lists a valid request to every /api/v1 programmes and
// candidates route, naming the route pattern each one exercises.
func publicRoutes(candidate, programme string) ([]route, map[string]any) {
	c := "/api/v1/candidates/" + candidate
	routes := []route{
		{"POST", "/api/v1/programmes", "/api/v1/programmes"},
		{"GET", "/api/v1/programmes", "/api/v1/programmes"},
		{"GET", "/api/v1/programmes/" + programme, "/api/v1/programmes/:id"},
		{"PUT", "/api/v1/programmes/" + programme, "/api/v1/programmes/:id"},
		{"POST", "/api/v1/candidates", "/api/v1/candidates"},
		{"GET", "/api/v1/candidates", "/api/v1/candidates"},
		{"GET", c, "/api/v1/candidates/:id"},
		{"PATCH", c, "/api/v1/candidates/:id"},
		{"POST", c + "/skills", "/api/v1/candidates/:id/skills"},
		{"POST", c + "/programme-records", "/api/v1/candidates/:id/programme-records"},
		{"POST", c + "/certificates", "/api/v1/candidates/:id/certificates"},
		{"PUT", c + "/programme-records/r1", "/api/v1/candidates/:id/programme-records/:record_id"},
		{"DELETE", c + "/programme-records/r1?version=1", "/api/v1/candidates/:id/programme-records/:record_id"},
		{"PUT", c + "/certificates/c1", "/api/v1/candidates/:id/certificates/:cert_id"},
		{"DELETE", c + "/certificates/c1?version=1", "/api/v1/candidates/:id/certificates/:cert_id"},
		{"PUT", c + "/consent", "/api/v1/candidates/:id/consent"},
		{"PUT", c + "/statement", "/api/v1/candidates/:id/statement"},
		{"POST", c + "/statement/review", "/api/v1/candidates/:id/statement/review"},
		{"DELETE", c + "/statement?version=1", "/api/v1/candidates/:id/statement"},
		{"GET", c + "/export", "/api/v1/candidates/:id/export"},
		{"GET", c + "/portfolio.pdf", "/api/v1/candidates/:id/portfolio.pdf"},
		{"GET", c + "/audit", "/api/v1/candidates/:id/audit"},
		{"GET", c + "/disclosures", "/api/v1/candidates/:id/disclosures"},
		{"DELETE", c, "/api/v1/candidates/:id"},
	}
	bodies := map[string]any{
		"POST /api/v1/programmes":                       roastery(),
		"POST /api/v1/candidates":                       jan(),
		"PATCH /api/v1/candidates/:id":                  map[string]any{"version": 1, "given_name": "Jana"},
		"POST /api/v1/candidates/:id/skills":            map[string]any{"skill": "coffee-roasting", "level": 2, "hours": 100, "programme": programme},
		"POST /api/v1/candidates/:id/programme-records": map[string]any{"programme": programme, "from": "2026-01-05", "hours": 10},
		"POST /api/v1/candidates/:id/certificates":      map[string]any{"name": "Food hygiene", "issuer": "FAVV", "date": "2026-03-01"},
		"PUT /api/v1/candidates/:id/consent":            map[string]any{"matching": true, "text_version": "2026-11"},
		"PUT /api/v1/candidates/:id/statement":          map[string]any{"version": 1, "text": "I roast coffee."},
		"POST /api/v1/candidates/:id/statement/review":  map[string]any{"version": 1, "decision": "approve"},
		"PUT /api/v1/programmes/:id": map[string]any{
			"version": 1, "name": "Roastery", "kind": "coffee_roastery", "site": map[string]any{"place_id": kortrijk},
			"supervisors": []string{otherID},
		},
		"PUT /api/v1/candidates/:id/programme-records/:record_id": map[string]any{"version": 1, "programme": programme, "from": "2026-01-05", "hours": 10},
		"PUT /api/v1/candidates/:id/certificates/:cert_id":        map[string]any{"version": 1, "name": "Food hygiene", "date": "2026-03-01"},
	}
	return routes, bodies
}

// TestPublicRoutesListed keeps publicRoutes complete: every programmes and
// candidates route the API serves is in it, so the access tests below
// cover a route as soon as it is added.
func TestPublicRoutesListed(t *testing.T) {
	s := httpx.NewServer(httpx.AppConfig{Service: "candidates"})
	Register(s.App, Deps{})
	routes, _ := publicRoutes("c", "p")
	listed := map[string]bool{}
	for _, r := range routes {
		listed[r.method+" "+r.pattern] = true
	}
	for _, r := range s.App.GetRoutes(true) {
		if r.Method == "HEAD" || r.Method == "USE" {
			continue
		}
		if strings.HasPrefix(r.Path, "/api/v1/candidates") || strings.HasPrefix(r.Path, "/api/v1/programmes") {
			if !listed[r.Method+" "+r.Path] {
				t.Errorf("%s %s is not in publicRoutes", r.Method, r.Path)
			}
		}
	}
}

// TestOnlyProgrammeStaffMayUseThePublicAPI: employers, platform admins and
// service tokens are refused every programmes and candidates route, and
// nothing they sent is written.
func TestOnlyProgrammeStaffMayUseThePublicAPI(t *testing.T) {
	h := newHarness(t)
	id := h.register(t, "member", jan()).str("id")
	prog := h.programme(t, "member")
	routes, bodies := publicRoutes(id, prog)
	for _, who := range []string{"employer", "admin", "service"} {
		for _, r := range routes {
			before := h.snapshot(t, id)
			a := h.call(t, who, r.method, r.path, bodies[r.method+" "+r.pattern])
			if a.status != 403 {
				t.Errorf("%s %s as %s: %d %s, want 403", r.method, r.path, who, a.status, a.raw)
			}
			h.unchanged(t, before, who+" "+r.method+" "+r.path)
		}
	}
	if n := len(h.call(t, "member", "GET", "/api/v1/programmes", nil).must(t, 200).items()); n != 1 {
		t.Errorf("programmes after refused creations = %d, want 1", n)
	}
}

// TestAnotherOrganisationSees404: P2's staff get 404 for P1's candidate on
// every candidate route and for P1's programme, and change nothing.
func TestAnotherOrganisationSees404(t *testing.T) {
	h := newHarness(t)
	id := h.register(t, "member", jan()).str("id")
	prog := h.programme(t, "member")
	own := h.programme(t, "member2") // P2's own, so the body itself is valid for P2
	routes, bodies := publicRoutes(id, own)
	for _, r := range routes {
		if !strings.Contains(r.pattern, ":id") {
			continue
		}
		if r.pattern == "/api/v1/candidates/:id" && r.method == "DELETE" || strings.HasSuffix(r.pattern, "/audit") {
			continue // org_admin only; a P2 member hears 403 first
		}
		path := r.path
		if strings.HasPrefix(r.pattern, "/api/v1/programmes/") {
			path = "/api/v1/programmes/" + prog
		}
		before := h.snapshot(t, id)
		a := h.call(t, "member2", r.method, path, bodies[r.method+" "+r.pattern])
		if a.status != 404 {
			t.Errorf("%s %s as P2: %d %s, want 404", r.method, path, a.status, a.raw)
		}
		h.unchanged(t, before, "P2 "+r.method+" "+path)
	}
	if items := h.call(t, "member2", "GET", "/api/v1/candidates", nil).must(t, 200).items(); len(items) != 0 {
		t.Errorf("P2 lists %d candidates of P1", len(items))
	}
}

// TestAnotherOrganisationsAdminSees404 covers the org_admin-only routes
// for a P2 administrator, who passes the role check and must still not
// learn that P1's candidate exists.
func TestAnotherOrganisationsAdminSees404(t *testing.T) {
	h := newHarness(t)
	h.addToken(t, "org_admin2", otherAdminID, orgP2, auth.RoleOrgAdmin)
	id := h.register(t, "member", jan()).str("id")
	for _, r := range []route{{"DELETE", "/api/v1/candidates/" + id, ""}, {"GET", "/api/v1/candidates/" + id + "/audit", ""}} {
		before := h.snapshot(t, id)
		if a := h.call(t, "org_admin2", r.method, r.path, nil); a.status != 404 {
			t.Errorf("%s %s as P2's admin: %d %s, want 404", r.method, r.path, a.status, a.raw)
		}
		h.unchanged(t, before, r.method+" "+r.path)
	}
}

// TestMembersMayNotEraseOrReadTheAudit: erasure and the audit trail are
// the organisation administrator's; attesting is for the programme's
// supervisors and the administrator.
func TestMembersMayNotEraseOrReadTheAudit(t *testing.T) {
	h := newHarness(t)
	id := h.register(t, "member", jan()).str("id")
	prog := h.programme(t, "member") // member supervises it; colleague does not
	for _, tc := range []struct {
		who, method, path string
		body              any
	}{
		{"member", "DELETE", "/api/v1/candidates/" + id, nil},
		{"member", "GET", "/api/v1/candidates/" + id + "/audit", nil},
		{"colleague", "POST", "/api/v1/candidates/" + id + "/skills", map[string]any{"skill": "coffee-roasting", "level": 2, "programme": prog}},
	} {
		before := h.snapshot(t, id)
		if a := h.call(t, tc.who, tc.method, tc.path, tc.body); a.status != 403 {
			t.Errorf("%s %s as %s: %d %s, want 403", tc.method, tc.path, tc.who, a.status, a.raw)
		}
		h.unchanged(t, before, tc.who+" "+tc.method)
	}
	h.call(t, "org_admin", "GET", "/api/v1/candidates/"+id+"/audit", nil).must(t, 200)
	h.call(t, "org_admin", "POST", "/api/v1/candidates/"+id+"/skills", map[string]any{"skill": "coffee-roasting", "level": 2, "programme": prog}).must(t, 201)
}

// TestInternalAPIRefusesPeople: the internal routes answer service tokens
// only.
func TestInternalAPIRefusesPeople(t *testing.T) {
	h := newHarness(t)
	id := h.register(t, "member", jan()).str("id")
	paths := []string{"/internal/v1/candidates/versions", "/internal/v1/candidates/" + id, "/internal/v1/programmes"}
	for _, who := range []string{"member", "org_admin", "member2", "employer", "admin"} {
		for _, p := range paths {
			if a := h.call(t, who, "GET", p, nil); a.status != 403 {
				t.Errorf("GET %s as %s: %d, want 403", p, who, a.status)
			}
		}
	}
	for _, p := range paths {
		h.call(t, "service", "GET", p, nil).must(t, 200)
	}
	if a := h.call(t, "service", "GET", "/internal/v1/candidates/versions?limit=500", nil); a.status != 400 || !containsField(a.fields(), "limit") {
		t.Errorf("limit 500: %d %v", a.status, a.fields())
	}
}
