package http

import (
	"context"
	"encoding/base64"
	"slices"
	"strings"
	"testing"

	"go.mongodb.org/mongo-driver/v2/bson"

	"github.com/onward-jobs/onward/services/candidates/internal/service"
)

// TestAttestationVerifies: an attestation is signed, anyone signed in can
// verify it, only the attesting organisation learns whom it is about, and
// a level changed behind the service's back no longer verifies.
func TestAttestationVerifies(t *testing.T) {
	h := newHarness(t)
	id := h.register(t, "member", jan()).str("id")
	prog := h.programme(t, "member")
	a := h.call(t, "member", "POST", "/api/v1/candidates/"+id+"/skills", map[string]any{
		"skill": "coffee-roasting", "level": 3, "hours": 600, "programme": prog, "evidence": "Roasts daily batches alone.", "date": "2026-11-20",
	}).must(t, 201)
	att := a.str("id")
	verify := "/api/v1/attestations/" + att + "/verify"
	if a.header["Location"] != verify {
		t.Errorf("Location = %q, want %q", a.header["Location"], verify)
	}
	if sig, err := base64.RawURLEncoding.DecodeString(a.str("signature")); err != nil || len(sig) != 64 {
		t.Errorf("signature %q is not a base64url Ed25519 signature", a.str("signature"))
	}
	if a.str("candidate_id") != id || a.str("attested_by") != memberID || a.str("key_id") == "" {
		t.Errorf("attestation = %s", a.raw)
	}
	for _, tc := range []struct {
		who  string
		full bool
	}{{"member", true}, {"org_admin", true}, {"member2", false}, {"employer", false}, {"admin", false}} {
		v := h.call(t, tc.who, "GET", verify, nil).must(t, 200)
		if v.body["intact"] != true || v.body["level"] != float64(3) || v.str("skill") != "coffee-roasting" {
			t.Errorf("verify as %s: %s", tc.who, v.raw)
		}
		if got := v.str("candidate_id") != ""; got != tc.full {
			t.Errorf("verify as %s names the candidate: %v, want %v", tc.who, got, tc.full)
		}
	}
	if v := h.call(t, "service", "GET", verify, nil); v.status != 403 {
		t.Errorf("verify with a service token: %d, want 403", v.status)
	}
	if v := h.call(t, "employer", "GET", "/api/v1/attestations/no-such/verify", nil); v.status != 404 {
		t.Errorf("verify an unknown attestation: %d, want 404", v.status)
	}
	cand := h.call(t, "member", "GET", "/api/v1/candidates/"+id, nil).must(t, 200)
	if skills, _ := cand.body["skills"].([]any); len(skills) != 1 {
		t.Errorf("skills = %v", cand.body["skills"])
	}

	res, err := h.db.Collection("candidates").UpdateOne(context.Background(), bson.D{{Key: "_id", Value: id}},
		bson.D{{Key: "$set", Value: bson.D{{Key: "attestations.0.level", Value: 4}}}})
	if err != nil || res.ModifiedCount != 1 {
		t.Fatalf("tamper: %v %+v", err, res)
	}
	v := h.call(t, "employer", "GET", verify, nil).must(t, 200)
	if v.body["intact"] != false || v.body["level"] != float64(4) {
		t.Errorf("after the stored level changed: %s; want level 4, not intact", v.raw)
	}
}

// TestConsentWithdrawalIsAnnounced: consent is recorded with its text
// version, and each change publishes candidate.consent_changed.
func TestConsentWithdrawalIsAnnounced(t *testing.T) {
	h := newHarness(t)
	id := h.register(t, "member", jan()).str("id")
	given := h.call(t, "member", "PUT", "/api/v1/candidates/"+id+"/consent", map[string]any{"matching": true, "text_version": "2026-11"}).must(t, 200)
	if given.body["matching"] != true || given.str("text_version") != "2026-11" || given.str("recorded_by") != memberID || given.body["recorded_at"] == nil {
		t.Errorf("consent = %s", given.raw)
	}
	withdrawn := h.call(t, "member", "PUT", "/api/v1/candidates/"+id+"/consent", map[string]any{"matching": false, "text_version": "2026-11"}).must(t, 200)
	if withdrawn.body["matching"] != false {
		t.Errorf("after withdrawal: %s", withdrawn.raw)
	}
	if s := h.call(t, "member", "GET", "/api/v1/candidates?q=jann", nil).must(t, 200).items(); s[0]["consent_matching"] != false {
		t.Errorf("summary after withdrawal: %v", s[0])
	}
	var consent []int64
	for _, e := range h.streamEvents(t) {
		if e.envelope.Type == service.EventConsentChanged && e.envelope.AggregateID == id {
			consent = append(consent, e.envelope.Version)
		}
	}
	if !slices.Equal(consent, []int64{2, 3}) {
		t.Errorf("consent_changed events at versions %v, want [2 3]", consent)
	}
}

// TestFullReadsAreAudited: every full read (GET, export) and every change
// lands in the audit trail with its purpose and the names of the fields a
// change touched, never their values.
func TestFullReadsAreAudited(t *testing.T) {
	h := newHarness(t)
	created := h.register(t, "member", jan())
	id := created.str("id")
	prog := h.programme(t, "member")
	h.call(t, "member", "POST", "/api/v1/candidates/"+id+"/programme-records", map[string]any{"programme": prog, "from": "2026-01-05", "hours": 40}).must(t, 201)
	h.call(t, "member", "GET", "/api/v1/candidates/"+id, nil).must(t, 200)
	h.call(t, "member", "GET", "/api/v1/candidates/"+id, nil, PurposeHeader, "support").must(t, 200)
	h.call(t, "member", "PATCH", "/api/v1/candidates/"+id, map[string]any{"version": 2, "phone": "+32 470 99 99 99", "preferred_name": nil}).must(t, 200)
	h.call(t, "member", "GET", "/api/v1/candidates?q=jann", nil).must(t, 200) // a listing is not a full read

	export := h.call(t, "member", "GET", "/api/v1/candidates/"+id+"/export", nil).must(t, 200)
	if want := `attachment; filename="onward-candidate-` + created.str("alias") + `.json"`; export.header["Content-Disposition"] != want {
		t.Errorf("Content-Disposition = %q, want %q", export.header["Content-Disposition"], want)
	}
	if !strings.HasPrefix(export.header["Content-Type"], "application/json") || export.str("exported_at") == "" {
		t.Errorf("export: %s %s", export.header["Content-Type"], export.raw)
	}
	if c, _ := export.body["candidate"].(map[string]any); c["given_name"] != janGiven {
		t.Errorf("export candidate = %v", export.body["candidate"])
	}
	if ps, _ := export.body["programmes"].([]any); len(ps) != 1 || ps[0].(map[string]any)["id"] != prog {
		t.Errorf("export programmes = %v", export.body["programmes"])
	}
	if au, _ := export.body["audit"].([]any); len(au) == 0 || au[len(au)-1].(map[string]any)["action"] != "export" {
		t.Errorf("the export's audit does not end with the export itself: %v", export.body["audit"])
	}

	trail := h.call(t, "org_admin", "GET", "/api/v1/candidates/"+id+"/audit", nil).must(t, 200)
	var got []string
	for _, e := range trail.items() {
		got = append(got, e["action"].(string)+":"+e["purpose"].(string))
		if e["action"] == "update" && strings.Join(toStrings(e["fields"]), ",") != "identity,contact" {
			t.Errorf("update entry names changes %v, want [identity contact]", e["fields"])
		}
		if e["actor"] == "" || e["actor_org"] != orgP1 {
			t.Errorf("entry without its actor: %v", e)
		}
	}
	want := []string{
		"create:case_work", "programme_record:case_work", "read:case_work", "read:support", "update:case_work",
		"export:data_subject_request", "read_audit:supervision",
	}
	if !slices.Equal(got, want) {
		t.Errorf("audit trail = %v\nwant %v", got, want)
	}
	for _, v := range []string{janGiven, janFamily, janEmail, "+32 470", janBirth} {
		if strings.Contains(string(trail.raw), v) {
			t.Errorf("the audit trail holds the value %q", v)
		}
	}
}

// TestErasure: the administrator erases; the record is gone from every
// route and candidate.erased carries the last version plus one.
func TestErasure(t *testing.T) {
	h := newHarness(t)
	id := h.register(t, "member", jan()).str("id")
	h.call(t, "member", "PATCH", "/api/v1/candidates/"+id, map[string]any{"version": 1, "given_name": "Jana"}).must(t, 200)
	a := h.call(t, "org_admin", "DELETE", "/api/v1/candidates/"+id, nil).must(t, 204)
	if len(a.raw) != 0 {
		t.Errorf("204 with a body: %s", a.raw)
	}
	for _, tc := range []struct{ who, path string }{
		{"member", "/api/v1/candidates/" + id},
		{"org_admin", "/api/v1/candidates/" + id + "/audit"},
		{"member", "/api/v1/candidates/" + id + "/export"},
		{"service", "/internal/v1/candidates/" + id},
	} {
		if got := h.call(t, tc.who, "GET", tc.path, nil); got.status != 404 {
			t.Errorf("GET %s after erasure: %d, want 404", tc.path, got.status)
		}
	}
	events := h.streamEvents(t)
	last := events[len(events)-1].envelope
	if last.Type != service.EventCandidateErased || last.AggregateID != id || last.Version != 3 {
		t.Errorf("last event = %+v; want candidate.erased of %s at version 3", last, id)
	}
	if got := h.call(t, "org_admin", "DELETE", "/api/v1/candidates/"+id, nil); got.status != 404 {
		t.Errorf("second erasure: %d, want 404", got.status)
	}
}

func toStrings(v any) []string {
	var out []string
	list, _ := v.([]any)
	for _, x := range list {
		s, _ := x.(string)
		out = append(out, s)
	}
	return out
}
