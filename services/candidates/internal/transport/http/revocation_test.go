package http

import (
	"context"
	"encoding/base64"
	"fmt"
	"strings"
	"testing"

	"go.mongodb.org/mongo-driver/v2/bson"
)

// TestRevokedAttestationVerifiesAsRevoked: the supervisor who signed an
// attestation revokes it with a reason; verify then says revoked, when,
// why and that the revocation's signature holds; the attestation no
// longer counts as a skill, for staff or for matching, and the change is
// announced and audited.
func TestRevokedAttestationVerifiesAsRevoked(t *testing.T) {
	h := newHarness(t)
	id := h.register(t, "member", jan()).str("id")
	prog := h.programme(t, "member")
	att := h.call(t, "member", "POST", "/api/v1/candidates/"+id+"/skills", map[string]any{
		"skill": "coffee-roasting", "level": 3, "hours": 600, "programme": prog, "date": "2026-11-20",
	}).must(t, 201).str("id")
	revoke := "/api/v1/attestations/" + att + "/revocation"
	v := h.candidateVersion(t, id)

	for _, tc := range []struct {
		body  map[string]any
		field string
	}{
		{map[string]any{"reason": "entered_in_error"}, "version"},
		{map[string]any{"version": v, "reason": "because"}, "reason"},
		{map[string]any{"version": v}, "reason"},
		{map[string]any{"version": v, "reason": "other"}, "note"},
		{map[string]any{"version": v, "reason": "entered_in_error", "note": strings.Repeat("n", 281)}, "note"},
		{map[string]any{"version": v, "reason": "entered_in_error", "signature": "x"}, "signature"},
	} {
		before := h.snapshot(t, id)
		h.call(t, "member", "POST", revoke, tc.body).problem(t, 400, tc.field)
		h.unchanged(t, before, fmt.Sprintf("revoke %v", tc.body))
	}
	before := h.snapshot(t, id)
	h.call(t, "colleague", "POST", revoke, map[string]any{"version": v, "reason": "entered_in_error"}).problem(t, 403, "")
	h.call(t, "member", "POST", revoke, map[string]any{"version": v - 1, "reason": "entered_in_error"}).problem(t, 409, "")
	h.call(t, "member", "POST", "/api/v1/attestations/no-such/revocation", map[string]any{"version": v, "reason": "entered_in_error"}).problem(t, 404, "")
	h.unchanged(t, before, "refused revocations")

	note := "Level 3 was meant for the garden programme."
	r := h.call(t, "member", "POST", revoke, map[string]any{"version": v, "reason": "wrong_skill_or_level", "note": note}).must(t, 201)
	rev, _ := r.body["revocation"].(map[string]any)
	if r.body["revoked"] != true || rev["reason"] != "wrong_skill_or_level" || rev["note"] != note || rev["revoked_by"] != memberID || int64(r.body["candidate_version"].(float64)) != v+1 {
		t.Fatalf("revocation = %s", r.raw)
	}
	if sig, err := base64.RawURLEncoding.DecodeString(rev["signature"].(string)); err != nil || len(sig) != 64 {
		t.Errorf("revocation signature %v is not a base64url Ed25519 signature", rev["signature"])
	}
	if r.header["Location"] != "/api/v1/attestations/"+att+"/verify" {
		t.Errorf("Location = %q", r.header["Location"])
	}
	if !h.changedAt(t, id, v+1) {
		t.Errorf("no candidate.changed at version %d", v+1)
	}
	h.call(t, "org_admin", "POST", revoke, map[string]any{"version": v + 1, "reason": "entered_in_error"}).problem(t, 409, "")

	for _, tc := range []struct {
		who  string
		full bool
	}{{"member", true}, {"employer", false}, {"member2", false}} {
		ver := h.call(t, tc.who, "GET", "/api/v1/attestations/"+att+"/verify", nil).must(t, 200)
		vr, _ := ver.body["revocation"].(map[string]any)
		if ver.body["revoked"] != true || ver.body["intact"] != true || vr["intact"] != true || vr["reason"] != "wrong_skill_or_level" || vr["revoked_at"] == nil {
			t.Errorf("verify as %s: %s", tc.who, ver.raw)
		}
		if got := vr["note"] == note && vr["revoked_by"] == memberID; got != tc.full {
			t.Errorf("verify as %s shows the note and who revoked: %v, want %v", tc.who, got, tc.full)
		}
	}

	cand := h.call(t, "member", "GET", "/api/v1/candidates/"+id, nil).must(t, 200)
	if skills, _ := cand.body["skills"].([]any); len(skills) != 0 {
		t.Errorf("skills after revocation = %v", skills)
	}
	if atts, _ := cand.body["attestations"].([]any); len(atts) != 1 || atts[0].(map[string]any)["revoked"] != true {
		t.Errorf("attestations after revocation = %v", atts)
	}
	view := h.call(t, "service", "GET", "/internal/v1/candidates/"+id, nil).must(t, 200)
	if skills, _ := view.body["skills"].([]any); len(skills) != 0 || view.version() != v+1 {
		t.Errorf("matching view after revocation: %s", view.raw)
	}
	e := h.auditEntry(t, id, "revoke")
	if strings.Join(toStrings(e["fields"]), ",") != "attestation_revoked" || e["subject"] != att || e["purpose"] != "attestation" {
		t.Errorf("audit entry of the revocation = %v", e)
	}
	if strings.Contains(fmt.Sprint(e), "Level 3") {
		t.Errorf("the audit entry holds the note: %v", e)
	}

	// A changed reason no longer verifies.
	_, err := h.db.Collection("candidates").UpdateOne(context.Background(), bson.D{{Key: "_id", Value: id}},
		bson.D{{Key: "$set", Value: bson.D{{Key: "attestations.0.revocation.reason", Value: "entered_in_error"}}}})
	if err != nil {
		t.Fatal(err)
	}
	ver := h.call(t, "employer", "GET", "/api/v1/attestations/"+att+"/verify", nil).must(t, 200)
	if vr, _ := ver.body["revocation"].(map[string]any); vr["intact"] != false {
		t.Errorf("a tampered revocation verifies: %s", ver.raw)
	}
}

// TestOrgAdminRevokesAnothersAttestation: the organisation administrator
// may revoke any of its attestations, and a new attestation of the skill
// counts again.
func TestOrgAdminRevokesAnothersAttestation(t *testing.T) {
	h := newHarness(t)
	id := h.register(t, "member", jan()).str("id")
	prog := h.programme(t, "member")
	body := map[string]any{"skill": "coffee-roasting", "level": 2, "programme": prog}
	first := h.call(t, "member", "POST", "/api/v1/candidates/"+id+"/skills", body).must(t, 201).str("id")
	body["level"] = 3
	second := h.call(t, "member", "POST", "/api/v1/candidates/"+id+"/skills", body).must(t, 201).str("id")
	v := h.candidateVersion(t, id)
	h.call(t, "org_admin", "POST", "/api/v1/attestations/"+second+"/revocation", map[string]any{"version": v, "reason": "evidence_insufficient"}).must(t, 201)
	skills, _ := h.call(t, "member", "GET", "/api/v1/candidates/"+id, nil).must(t, 200).body["skills"].([]any)
	if len(skills) != 1 || skills[0].(map[string]any)["id"] != first {
		t.Errorf("skills after revoking the latest = %v, want the earlier attestation %s", skills, first)
	}
}
