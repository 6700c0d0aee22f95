package http

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/onward-jobs/onward/pkg/auth"
	"github.com/onward-jobs/onward/services/candidates/internal/adapters/placements"
	"github.com/onward-jobs/onward/services/candidates/internal/domain"
	"github.com/onward-jobs/onward/services/candidates/internal/service"
)

// addEmployerToken issues a token for a member of an employer
// organisation.
func (h *harness) addEmployerToken(t *testing.T, name, subject, org string) {
	t.Helper()
	p := auth.Principal{Subject: subject, OrgID: org, OrgKind: auth.OrgKindEmployer, Role: auth.RoleMember}
	tok, err := auth.IssueAccessToken(h.signer, issuer, []string{"onward-api"}, p, time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	h.tokens[name] = tok
}

// grantBody asks for a grant to employer emp-1 (the harness's
// "employer") of the candidate's name and what disclose names.
func grantBody(candidateID, introductionID string, disclose ...string) map[string]any {
	if disclose == nil {
		disclose = []string{}
	}
	return map[string]any{
		"introduction_id": introductionID, "candidate_id": candidateID, "employer_org_id": "emp-1", "role_id": "role-1",
		"disclose": disclose, "contact": "direct", "consent_text_version": domain.CurrentConsentText, "recorded_by": memberID,
	}
}

// auditActions returns the trail's entries of one action.
func (h *harness) auditOf(t *testing.T, candidateID, action string) []map[string]any {
	t.Helper()
	var out []map[string]any
	for _, e := range h.call(t, "org_admin", "GET", "/api/v1/candidates/"+candidateID+"/audit?limit=100", nil).must(t, 200).items() {
		if e["action"] == action {
			out = append(out, e)
		}
	}
	return out
}

// TestGrantDisclosure: the placements service records a grant; the same
// request again answers it with 200, a different one 409; a field the
// candidate lacks names disclose, an unknown consent text names
// consent_text_version; only services may ask; the grant holds names of
// fields, never values, and its creation is on the trail.
func TestGrantDisclosure(t *testing.T) {
	h := newHarness(t)
	id := h.register(t, "member", jan()).str("id")
	noPhone := jan()
	delete(noPhone, "phone")
	bare := h.register(t, "member", noPhone).str("id")

	g := h.call(t, "service", "POST", "/internal/v1/disclosures", grantBody(id, "intro-1", "phone")).must(t, 201)
	if g.str("status") != "active" || g.version() != 1 || g.str("candidate_id") != id || g.str("contact") != "direct" {
		t.Fatalf("grant: %s", g.raw)
	}
	if fields, _ := g.body["fields"].([]any); len(fields) != 2 || fields[0] != "name" || fields[1] != "phone" {
		t.Fatalf("grant fields: %v", g.body["fields"])
	}
	if strings.Contains(string(g.raw), janPhone) || strings.Contains(string(g.raw), janGiven) {
		t.Fatalf("the grant shows identity values: %s", g.raw)
	}
	again := h.call(t, "service", "POST", "/internal/v1/disclosures", grantBody(id, "intro-1", "phone")).must(t, 200)
	if again.str("id") != g.str("id") {
		t.Fatalf("the repeated request made grant %s, first %s", again.str("id"), g.str("id"))
	}
	h.call(t, "service", "POST", "/internal/v1/disclosures", grantBody(id, "intro-1", "phone", "email")).must(t, 409)

	if f := h.call(t, "service", "POST", "/internal/v1/disclosures", grantBody(bare, "intro-2", "phone")).must(t, 400).fields(); !slices.Equal(f, []string{"disclose"}) {
		t.Fatalf("a phone the candidate lacks: fields %v", f)
	}
	unknown := grantBody(id, "intro-3")
	unknown["consent_text_version"] = "1999-01"
	if f := h.call(t, "service", "POST", "/internal/v1/disclosures", unknown).must(t, 400).fields(); !slices.Equal(f, []string{"consent_text_version"}) {
		t.Fatalf("an unknown consent text: fields %v", f)
	}
	bad := grantBody(id, "intro-4", "address")
	bad["contact"] = "pigeon"
	if f := h.call(t, "service", "POST", "/internal/v1/disclosures", bad).must(t, 400).fields(); !slices.Equal(f, []string{"disclose", "contact"}) {
		t.Fatalf("bad fields: %v", f)
	}
	h.call(t, "service", "POST", "/internal/v1/disclosures", grantBody("nobody", "intro-5")).must(t, 404)
	for _, who := range []string{"member", "employer", "admin"} {
		h.call(t, who, "POST", "/internal/v1/disclosures", grantBody(id, "intro-6")).must(t, 403)
	}
	entries := h.auditOf(t, id, "disclose")
	if len(entries) != 1 || entries[0]["actor"] != memberID || entries[0]["subject"] != g.str("id") {
		t.Fatalf("the trail's disclose entries: %v", entries)
	}
	var changed int
	for _, e := range h.streamEvents(t) {
		if e.envelope.Type == service.EventDisclosureChanged && e.envelope.AggregateID == g.str("id") {
			changed++
		}
	}
	if changed != 1 {
		t.Fatalf("%d candidate.disclosure_changed events for the grant, want 1", changed)
	}
}

// TestReadDisclosure: members of the employer organisation and the
// candidate's staff read the granted fields, read from the record at read
// time; everyone else gets 404; every read is on the trail with the
// reader and the reader's organisation.
func TestReadDisclosure(t *testing.T) {
	h := newHarness(t)
	h.addEmployerToken(t, "employer_b", "emp-b-user", "emp-2")
	id := h.register(t, "member", jan()).str("id")
	g := h.call(t, "service", "POST", "/internal/v1/disclosures", grantBody(id, "intro-1", "phone")).must(t, 201)
	path := "/api/v1/disclosures/" + g.str("id")

	d := h.call(t, "employer", "GET", path, nil).must(t, 200)
	if d.str("given_name") != janGiven || d.str("family_name") != janFamily || d.str("preferred_name") != "Jan" || d.str("phone") != janPhone {
		t.Fatalf("disclosed: %s", d.raw)
	}
	if _, ok := d.body["email"]; ok {
		t.Fatalf("an e-mail address not granted was disclosed: %s", d.raw)
	}
	if d.header["Cache-Control"] != "no-store" {
		t.Fatalf("Cache-Control %q", d.header["Cache-Control"])
	}
	// A corrected phone number reaches the employer: the grant holds no copy.
	v := h.call(t, "member", "GET", "/api/v1/candidates/"+id, nil).must(t, 200).version()
	h.call(t, "member", "PATCH", "/api/v1/candidates/"+id, map[string]any{"version": v, "phone": "+32 470 99 99 99"}).must(t, 200)
	if got := h.call(t, "employer", "GET", path, nil).must(t, 200).str("phone"); got != "+32 470 99 99 99" {
		t.Fatalf("phone after the correction: %q", got)
	}
	h.call(t, "member", "GET", path, nil).must(t, 200)
	for _, who := range []string{"employer_b", "member2", "admin", "service"} {
		h.call(t, who, "GET", path, nil).must(t, 404)
	}
	h.call(t, "employer", "GET", "/api/v1/disclosures/nope", nil).must(t, 404)

	reads := h.auditOf(t, id, "read_disclosure")
	if len(reads) != 3 {
		t.Fatalf("%d reads on the trail, want 3: %v", len(reads), reads)
	}
	first := reads[0]
	if first["actor"] != "emp-user" || first["actor_org"] != "emp-1" || first["subject"] != g.str("id") || first["purpose"] != "introduction" {
		t.Fatalf("the employer's read on the trail: %v", first)
	}
	if fields, _ := first["fields"].([]any); len(fields) != 2 || fields[0] != "identity" || fields[1] != "contact" {
		t.Fatalf("the read's fields: %v", first["fields"])
	}
	if reads[2]["actor"] != memberID || reads[2]["purpose"] != "case_work" {
		t.Fatalf("the staff's read on the trail: %v", reads[2])
	}
}

// TestWithdrawDisclosure: the candidate's staff withdraw a grant; from
// then on it answers 404 to the employer; the withdrawal is announced and
// on the trail; staff list every grant, newest first.
func TestWithdrawDisclosure(t *testing.T) {
	h := newHarness(t)
	id := h.register(t, "member", jan()).str("id")
	first := h.call(t, "service", "POST", "/internal/v1/disclosures", grantBody(id, "intro-1")).must(t, 201).str("id")
	second := h.call(t, "service", "POST", "/internal/v1/disclosures", grantBody(id, "intro-2", "email")).must(t, 201).str("id")
	path := "/api/v1/disclosures/" + first

	h.call(t, "employer", "POST", path+"/withdraw", nil).must(t, 403)
	h.call(t, "member2", "POST", path+"/withdraw", nil).must(t, 404)
	w := h.call(t, "colleague", "POST", path+"/withdraw", nil).must(t, 200)
	if w.str("status") != "withdrawn" || w.version() != 2 || w.str("withdrawn_by") != colleagueID || w.str("withdrawn_at") == "" {
		t.Fatalf("withdrawn: %s", w.raw)
	}
	h.call(t, "employer", "GET", path, nil).must(t, 404)
	h.call(t, "member", "GET", path, nil).must(t, 404)
	h.call(t, "employer", "GET", "/api/v1/disclosures/"+second, nil).must(t, 200)
	// Withdrawing again changes nothing.
	if again := h.call(t, "member", "POST", path+"/withdraw", nil).must(t, 200); again.version() != 2 {
		t.Fatalf("second withdrawal: %s", again.raw)
	}
	if n := len(h.auditOf(t, id, "withdraw_disclosure")); n != 1 {
		t.Fatalf("%d withdrawals on the trail, want 1", n)
	}
	var versions []int64
	for _, e := range h.streamEvents(t) {
		if e.envelope.Type == service.EventDisclosureChanged && e.envelope.AggregateID == first {
			versions = append(versions, e.envelope.Version)
		}
	}
	if !slices.Equal(versions, []int64{1, 2}) {
		t.Fatalf("events of the grant at versions %v, want [1 2]", versions)
	}

	list := h.call(t, "member", "GET", "/api/v1/candidates/"+id+"/disclosures", nil).must(t, 200).items()
	if len(list) != 2 || list[0]["id"] != second || list[1]["id"] != first || list[1]["status"] != "withdrawn" {
		t.Fatalf("the candidate's grants: %v", list)
	}
	h.call(t, "member2", "GET", "/api/v1/candidates/"+id+"/disclosures", nil).must(t, 404)
	h.call(t, "employer", "GET", "/api/v1/candidates/"+id+"/disclosures", nil).must(t, 403)
}

// TestErasureDeletesGrants: after erasure a grant answers 404, to the
// employer too.
func TestErasureDeletesGrants(t *testing.T) {
	h := newHarness(t)
	id := h.register(t, "member", jan()).str("id")
	g := h.call(t, "service", "POST", "/internal/v1/disclosures", grantBody(id, "intro-1", "phone")).must(t, 201).str("id")
	h.call(t, "org_admin", "DELETE", "/api/v1/candidates/"+id, nil).must(t, 204)
	h.call(t, "employer", "GET", "/api/v1/disclosures/"+g, nil).must(t, 404)
	if n, err := h.db.Collection("disclosures").CountDocuments(t.Context(), map[string]any{}); err != nil || n != 0 {
		t.Fatalf("%d grants left after erasure (%v)", n, err)
	}
}

// TestSetPlacement: the placements service marks a candidate placed; the
// version moves on, candidate.changed is announced and the matching view
// says unavailable, until staff mark them still looking or the placement
// ends. A repeated update changes nothing.
func TestSetPlacement(t *testing.T) {
	h := newHarness(t)
	id := h.register(t, "member", jan()).str("id")
	view := func() answer { return h.call(t, "service", "GET", "/internal/v1/candidates/"+id, nil).must(t, 200) }
	if v := view(); v.body["available"] != true {
		t.Fatalf("a new candidate's view: available %v", v.body["available"])
	}
	path := "/internal/v1/candidates/" + id + "/placement"
	put := func(body map[string]any) answer { return h.call(t, "service", "PUT", path, body) }
	before := len(h.streamEvents(t))

	put(map[string]any{"placement_id": "pl-1", "placed": true, "still_looking": false}).must(t, 204)
	v := view()
	if v.body["available"] != false || v.version() != 2 {
		t.Fatalf("placed: %s", v.raw)
	}
	put(map[string]any{"placement_id": "pl-1", "placed": true, "still_looking": false}).must(t, 204)
	if view().version() != 2 {
		t.Fatal("a repeated update moved the version")
	}
	put(map[string]any{"placement_id": "pl-1", "placed": true, "still_looking": true}).must(t, 204)
	if v := view(); v.body["available"] != true || v.version() != 3 {
		t.Fatalf("still looking: %s", v.raw)
	}
	// Ending another placement leaves the current one standing.
	put(map[string]any{"placement_id": "pl-0", "placed": false, "still_looking": false}).must(t, 204)
	if view().version() != 3 {
		t.Fatal("ending an older placement changed the candidate")
	}
	put(map[string]any{"placement_id": "pl-1", "placed": true, "still_looking": false}).must(t, 204)
	put(map[string]any{"placement_id": "pl-1", "placed": false, "still_looking": false}).must(t, 204)
	if v := view(); v.body["available"] != true || v.version() != 5 {
		t.Fatalf("ended: %s", v.raw)
	}
	events := h.streamEvents(t)[before:]
	if len(events) != 4 {
		t.Fatalf("%d events, want 4", len(events))
	}
	for _, e := range events {
		if e.envelope.Type != service.EventCandidateChanged || e.envelope.AggregateID != id {
			t.Fatalf("event %+v", e.envelope)
		}
	}
	updates := h.auditOf(t, id, "update")
	if len(updates) != 4 || updates[0]["subject"] != "pl-1" || !slices.Contains(updates[0]["fields"].([]any), any("placement")) {
		t.Fatalf("the trail's placement updates: %v", updates)
	}

	if f := put(map[string]any{"placed": true, "still_looking": false}).must(t, 400).fields(); !slices.Equal(f, []string{"placement_id"}) {
		t.Fatalf("without a placement id: %v", f)
	}
	h.call(t, "service", "PUT", "/internal/v1/candidates/nobody/placement", map[string]any{"placement_id": "pl-1", "placed": true}).must(t, 404)
	for _, who := range []string{"member", "employer", "admin"} {
		h.call(t, who, "PUT", path, map[string]any{"placement_id": "pl-1", "placed": true}).must(t, 403)
	}
}

// TestExportIncludesDisclosuresAndPlacementsRecord: the export carries the
// candidate's grants, and the placements record fetched from the
// placements service; without that service it says the record is not
// available.
func TestExportIncludesDisclosuresAndPlacementsRecord(t *testing.T) {
	h := newHarness(t)
	id := h.register(t, "member", jan()).str("id")
	g := h.call(t, "service", "POST", "/internal/v1/disclosures", grantBody(id, "intro-1", "phone")).must(t, 201).str("id")

	e := h.call(t, "org_admin", "GET", "/api/v1/candidates/"+id+"/export", nil).must(t, 200)
	if list, _ := e.body["disclosures"].([]any); len(list) != 1 || list[0].(map[string]any)["id"] != g {
		t.Fatalf("export disclosures: %v", e.body["disclosures"])
	}
	if _, ok := e.body["placements_record"]; ok || e.str("placements_record_note") != service.PlacementsNotConfigured {
		t.Fatalf("export without placements: record %v, note %q", e.body["placements_record"], e.str("placements_record_note"))
	}

	var asked string
	fake := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		asked = r.Method + " " + r.URL.Path
		if r.Header.Get("Authorization") != "Bearer svc-token" {
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(map[string]any{
			"introductions": []any{map[string]any{
				"id": "intro-1", "version": 2, "role_id": "role-1", "employer_org_id": "emp-1", "candidate_alias": "K7Q2",
				"status": "accepted", "meeting": map[string]any{"mode": "phone", "windows": []any{}},
				"requested_at": "2026-12-01T10:00:00Z", "expires_at": "2026-12-15T10:00:00Z",
			}},
			"messages": []any{}, "placements": []any{}, "followups": []any{},
		})
	}))
	defer fake.Close()
	client, err := placements.New(fake.URL, staticToken("svc-token"), nil, time.Second)
	if err != nil {
		t.Fatal(err)
	}
	h.svc.Placements = client
	e = h.call(t, "org_admin", "GET", "/api/v1/candidates/"+id+"/export", nil).must(t, 200)
	if asked != "GET /internal/v1/placement-records/"+id {
		t.Fatalf("asked the placements service %q", asked)
	}
	rec, _ := e.body["placements_record"].(map[string]any)
	intros, _ := rec["introductions"].([]any)
	if len(intros) != 1 || intros[0].(map[string]any)["id"] != "intro-1" || e.str("placements_record_note") != "" {
		t.Fatalf("export with placements: %s", e.raw)
	}

	fake.Close()
	e = h.call(t, "org_admin", "GET", "/api/v1/candidates/"+id+"/export", nil).must(t, 200)
	if _, ok := e.body["placements_record"]; ok || e.str("placements_record_note") != service.PlacementsUnavailable {
		t.Fatalf("export with placements down: %s", e.raw)
	}
}

// staticToken is a token source that always gives one token.
type staticToken string

func (s staticToken) Token(_ context.Context, _ string) (string, error) { return string(s), nil }
