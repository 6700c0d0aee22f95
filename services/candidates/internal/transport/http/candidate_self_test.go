package http

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/onward-jobs/onward/pkg/auth"
)

// candidateSubject is the user of the harness's "candidate" token.
const candidateSubject = "cand-user-1"

// addCandidateToken issues a candidate's own token, naming candidateID
// and no organisation, as the gateway does for a signed-in candidate.
func (h *harness) addCandidateToken(t *testing.T, name, subject, candidateID string) {
	t.Helper()
	p := auth.Principal{Subject: subject, Role: auth.RoleCandidate, CandidateID: candidateID}
	tok, err := auth.IssueAccessToken(h.signer, issuer, []string{"onward-api"}, p, time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	h.tokens[name] = tok
}

// selfAllowed are the route patterns (method and pattern) a candidate may
// use on their own record; every other candidates or programmes route is
// for staff.
var selfAllowed = map[string]bool{
	"GET /api/v1/candidates/:id":               true,
	"PUT /api/v1/candidates/:id/consent":       true,
	"PUT /api/v1/candidates/:id/statement":     true,
	"DELETE /api/v1/candidates/:id/statement":  true,
	"GET /api/v1/candidates/:id/export":        true,
	"GET /api/v1/candidates/:id/portfolio.pdf": true,
	"GET /api/v1/candidates/:id/audit":         true,
	"GET /api/v1/candidates/:id/disclosures":   true,
}

// TestCandidateIsRefusedStaffWorkOnTheirOwnRecord: on their own record a
// candidate hears 403, with a problem, for everything that is staff work
// (listing, programmes, identity, skills, hours, certificates, the
// statement's review, erasure), and nothing changes.
func TestCandidateIsRefusedStaffWorkOnTheirOwnRecord(t *testing.T) {
	h := newHarness(t)
	id := h.register(t, "member", jan()).str("id")
	prog := h.programme(t, "member")
	h.fillPortfolio(t, id)
	h.call(t, "member", "PUT", statementPath(id), map[string]any{"version": h.candidateVersion(t, id), "text": "I roast coffee."}).must(t, 200)
	h.addCandidateToken(t, "candidate", candidateSubject, id)
	routes, bodies := publicRoutes(id, prog)
	refused := 0
	for _, r := range routes {
		if selfAllowed[r.method+" "+r.pattern] {
			continue
		}
		refused++
		before := h.snapshot(t, id)
		h.call(t, "candidate", r.method, r.path, bodies[r.method+" "+r.pattern]).problem(t, 403, "")
		h.unchanged(t, before, "candidate "+r.method+" "+r.path)
	}
	if refused != len(routes)-len(selfAllowed) {
		t.Fatalf("%d routes refused, want %d: selfAllowed names a route publicRoutes lacks", refused, len(routes)-len(selfAllowed))
	}
	att := h.call(t, "member", "GET", "/api/v1/candidates/"+id, nil).must(t, 200).body["attestations"].([]any)[0].(map[string]any)["id"].(string)
	before := h.snapshot(t, id)
	h.call(t, "candidate", "POST", "/api/v1/attestations/"+att+"/revocation", map[string]any{"version": before.candidate.Version, "reason": "entered_in_error", "note": "wrong"}).problem(t, 403, "")
	h.unchanged(t, before, "candidate revocation")
}

// TestCandidateNamingAnotherRecordHears404: a candidate's token naming
// any other candidate, or another's attestation or disclosure, answers
// 404 on every route, staff-only ones included, never 403, and changes
// nothing.
func TestCandidateNamingAnotherRecordHears404(t *testing.T) {
	h := newHarness(t)
	own := h.register(t, "member", jan()).str("id")
	other := h.register(t, "member", jan()).str("id")
	prog := h.programme(t, "member")
	h.fillPortfolio(t, other)
	h.addCandidateToken(t, "candidate", candidateSubject, own)
	routes, bodies := publicRoutes(other, prog)
	for _, r := range routes {
		if !strings.HasPrefix(r.pattern, "/api/v1/candidates/:id") {
			continue
		}
		before := h.snapshot(t, other)
		a := h.call(t, "candidate", r.method, r.path, bodies[r.method+" "+r.pattern])
		if a.status != 404 {
			t.Errorf("%s %s of another candidate: %d %s, want 404", r.method, r.path, a.status, a.raw)
		}
		h.unchanged(t, before, "candidate "+r.method+" "+r.path)
	}
	att := h.call(t, "member", "GET", "/api/v1/candidates/"+other, nil).must(t, 200).body["attestations"].([]any)[0].(map[string]any)["id"].(string)
	grant := h.call(t, "service", "POST", "/internal/v1/disclosures", grantBody(other, "intro-1", "phone")).must(t, 201).str("id")
	before := h.snapshot(t, other)
	for _, r := range []struct {
		method, path string
		body         any
	}{
		{"GET", "/api/v1/attestations/" + att + "/credential", nil},
		{"GET", "/api/v1/attestations/" + att + "/verify", nil},
		{"POST", "/api/v1/attestations/" + att + "/revocation", map[string]any{"version": before.candidate.Version, "reason": "entered_in_error", "note": "wrong"}},
		{"GET", "/api/v1/disclosures/" + grant, nil},
		{"POST", "/api/v1/disclosures/" + grant + "/withdraw", nil},
	} {
		if a := h.call(t, "candidate", r.method, r.path, r.body); a.status != 404 {
			t.Errorf("%s %s of another candidate: %d %s, want 404", r.method, r.path, a.status, a.raw)
		}
	}
	h.unchanged(t, before, "candidate on another's attestation and grant")
	if d := h.call(t, "member", "GET", "/api/v1/disclosures/"+grant, nil).must(t, 200); d.str("given_name") != janGiven {
		t.Fatalf("the grant after the refused withdrawal: %s", d.raw)
	}
}

// TestCandidateActsForThemself: a candidate reads their full record, and
// the trail shows that read as theirs, apart from staff reads, both to
// them and to the administrator; gives and withdraws consent, recorded as
// given by them; writes and removes their statement; exports their data
// and prints their portfolio; takes a credential of their attestation;
// reads and withdraws their own disclosure.
func TestCandidateActsForThemself(t *testing.T) {
	h := newHarness(t)
	id := h.register(t, "member", jan()).str("id")
	h.fillPortfolio(t, id)
	h.addCandidateToken(t, "candidate", candidateSubject, id)
	c := "/api/v1/candidates/" + id
	h.call(t, "member", "GET", c, nil, PurposeHeader, "case_work").must(t, 200)

	rec := h.call(t, "candidate", "GET", c, nil, PurposeHeader, "case_work").must(t, 200)
	if rec.str("given_name") != janGiven || len(rec.body["attestations"].([]any)) != 1 || len(rec.body["programme_records"].([]any)) != 1 {
		t.Fatalf("the candidate's own record: %s", rec.raw)
	}
	for _, who := range []string{"candidate", "org_admin"} {
		var mine, staff int
		for _, e := range h.call(t, who, "GET", c+"/audit?limit=100", nil).must(t, 200).items() {
			if e["action"] != "read" {
				continue
			}
			switch {
			case e["by_candidate"] == true && e["actor"] == candidateSubject && e["actor_org"] == "" && e["purpose"] == "data_subject_request":
				mine++
			case e["by_candidate"] == false && e["actor"] == memberID:
				staff++
			default:
				t.Errorf("a read on the trail as %s: %v", who, e)
			}
		}
		if mine != 1 || staff == 0 {
			t.Errorf("the trail as %s: %d reads by the candidate, %d by staff; want 1 and some", who, mine, staff)
		}
	}

	withdrawn := h.call(t, "candidate", "PUT", c+"/consent", map[string]any{"matching": false, "text_version": "2026-11"}).must(t, 200)
	if withdrawn.body["matching"] != false || withdrawn.body["recorded_by_candidate"] != true || withdrawn.str("recorded_by") != candidateSubject {
		t.Fatalf("consent withdrawn by the candidate: %s", withdrawn.raw)
	}
	h.call(t, "candidate", "PUT", c+"/consent", map[string]any{"matching": true, "text_version": "2026-11"}).must(t, 200)
	staffConsent := h.call(t, "member", "PUT", c+"/consent", map[string]any{"matching": true, "text_version": "2026-11"}).must(t, 200)
	if staffConsent.body["recorded_by_candidate"] != false {
		t.Fatalf("consent recorded by staff: %s", staffConsent.raw)
	}

	v := h.candidateVersion(t, id)
	st := h.call(t, "candidate", "PUT", statementPath(id), map[string]any{"version": v, "text": "I roast coffee and I like it."}).must(t, 200)
	if st.str("status") != "pending" {
		t.Fatalf("the candidate's statement: %s", st.raw)
	}
	h.call(t, "candidate", "DELETE", statementPath(id)+"?version="+strconv.FormatInt(h.candidateVersion(t, id), 10), nil).must(t, 200)

	if ex := h.call(t, "candidate", "GET", c+"/export", nil).must(t, 200); ex.body["candidate"] == nil {
		t.Fatalf("the candidate's export: %s", ex.raw)
	}
	if pdf := h.call(t, "candidate", "GET", c+"/portfolio.pdf", nil).must(t, 200); !strings.HasPrefix(string(pdf.raw), "%PDF") {
		t.Fatalf("the candidate's portfolio is no PDF: %.40q", pdf.raw)
	}
	att := rec.body["attestations"].([]any)[0].(map[string]any)["id"].(string)
	if cred := h.call(t, "candidate", "GET", "/api/v1/attestations/"+att+"/credential", nil).must(t, 200); cred.str("jwt") == "" {
		t.Fatalf("the candidate's credential: %s", cred.raw)
	}
	h.call(t, "candidate", "GET", "/api/v1/attestations/"+att+"/verify", nil).must(t, 200)

	grant := h.call(t, "service", "POST", "/internal/v1/disclosures", grantBody(id, "intro-1", "phone")).must(t, 201).str("id")
	if list := h.call(t, "candidate", "GET", c+"/disclosures", nil).must(t, 200).items(); len(list) != 1 || list[0]["id"] != grant {
		t.Fatalf("the candidate's grants: %v", list)
	}
	if d := h.call(t, "candidate", "GET", "/api/v1/disclosures/"+grant, nil).must(t, 200); d.str("phone") != janPhone {
		t.Fatalf("the candidate's own grant: %s", d.raw)
	}
	w := h.call(t, "candidate", "POST", "/api/v1/disclosures/"+grant+"/withdraw", nil).must(t, 200)
	if w.str("status") != "withdrawn" || w.str("withdrawn_by") != candidateSubject {
		t.Fatalf("withdrawn by the candidate: %s", w.raw)
	}
	h.call(t, "employer", "GET", "/api/v1/disclosures/"+grant, nil).must(t, 404)
	if ws := h.auditOf(t, id, "withdraw_disclosure"); len(ws) != 1 || ws[0]["by_candidate"] != true {
		t.Fatalf("the withdrawal on the trail: %v", ws)
	}
	h.call(t, "candidate", "GET", "/api/v1/consent-texts", nil).must(t, 200)
	h.call(t, "candidate", "GET", "/api/v1/consent-texts/2026-11", nil).must(t, 200)
}

// TestGrantAnsweredByTheCandidate: a grant the placements service records
// for an answer the candidate gave themself is on the trail as the
// candidate's, with no organisation; one staff recorded stays staff's.
func TestGrantAnsweredByTheCandidate(t *testing.T) {
	h := newHarness(t)
	id := h.register(t, "member", jan()).str("id")
	self := grantBody(id, "intro-1", "phone")
	self["recorded_by"], self["recorded_by_candidate"] = candidateSubject, true
	h.call(t, "service", "POST", "/internal/v1/disclosures", self).must(t, 201)
	h.call(t, "service", "POST", "/internal/v1/disclosures", grantBody(id, "intro-2")).must(t, 201)
	grants := h.auditOf(t, id, "disclose")
	if len(grants) != 2 {
		t.Fatalf("%d grants on the trail, want 2", len(grants))
	}
	if g := grants[0]; g["by_candidate"] != true || g["actor"] != candidateSubject || g["actor_org"] != "" {
		t.Errorf("the candidate's own grant on the trail: %v", g)
	}
	if g := grants[1]; g["by_candidate"] != false || g["actor"] != memberID || g["actor_org"] != orgP1 {
		t.Errorf("the staff's grant on the trail: %v", g)
	}
}
