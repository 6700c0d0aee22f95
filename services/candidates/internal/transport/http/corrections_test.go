package http

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"go.mongodb.org/mongo-driver/v2/bson"

	"github.com/onward-jobs/onward/services/candidates/internal/service"
)

// problem fails the test unless a is a problem+json answer with status,
// naming field when one is given.
func (a answer) problem(t *testing.T, status int, field string) {
	t.Helper()
	a.must(t, status)
	if !strings.HasPrefix(a.header["Content-Type"], "application/problem+json") {
		t.Errorf("status %d answered %q, want application/problem+json", status, a.header["Content-Type"])
	}
	if field != "" && !containsField(a.fields(), field) {
		t.Errorf("status %d names fields %v, want %q: %s", status, a.fields(), field, a.raw)
	}
}

// candidateVersion reads the candidate's current version as its staff do.
func (h *harness) candidateVersion(t *testing.T, id string) int64 {
	t.Helper()
	return h.call(t, "member", "GET", "/api/v1/candidates/"+id, nil).must(t, 200).version()
}

// changedAt reports whether candidate.changed was published for id at
// version.
func (h *harness) changedAt(t *testing.T, id string, version int64) bool {
	t.Helper()
	return slices.ContainsFunc(h.streamEvents(t), func(e streamEntry) bool {
		return e.envelope.Type == service.EventCandidateChanged && e.envelope.AggregateID == id && e.envelope.Version == version
	})
}

// auditEntry returns the candidate's last audit entry with action, as the
// organisation's administrator reads it.
func (h *harness) auditEntry(t *testing.T, id, action string) map[string]any {
	t.Helper()
	var found map[string]any
	for _, e := range h.call(t, "org_admin", "GET", "/api/v1/candidates/"+id+"/audit?limit=100", nil).must(t, 200).items() {
		if e["action"] == action {
			found = e
		}
	}
	if found == nil {
		t.Fatalf("no %s entry in the audit trail of %s", action, id)
	}
	return found
}

// TestProgrammeRecordCorrections: a record is corrected and removed against
// the candidate's version; a stale version is a 409, bad input a 400 naming
// the field, an unknown record a 404; each change is announced with ids
// and versions and audited as a change name, never a value.
func TestProgrammeRecordCorrections(t *testing.T) {
	h := newHarness(t)
	id := h.register(t, "member", jan()).str("id")
	prog := h.programme(t, "member")
	added := h.call(t, "member", "POST", "/api/v1/candidates/"+id+"/programme-records", map[string]any{"programme": prog, "from": "2026-01-05", "hours": 40}).must(t, 201)
	rec := added.str("id")
	path := "/api/v1/candidates/" + id + "/programme-records/" + rec
	v := h.candidateVersion(t, id)
	if got, _ := added.body["candidate_version"].(float64); int64(got) != v {
		t.Errorf("the addition answered candidate_version %v, want %d", added.body["candidate_version"], v)
	}

	for _, tc := range []struct {
		body  map[string]any
		field string
	}{
		{map[string]any{"programme": prog, "from": "2026-01-05", "hours": 41}, "version"},
		{map[string]any{"version": v, "programme": prog, "from": "2026-01-05", "hours": -1}, "hours"},
		{map[string]any{"version": v, "programme": prog, "from": "2026-02-30", "hours": 4}, "from"},
		{map[string]any{"version": v, "programme": prog, "from": "2026-03-01", "to": "2026-02-01", "hours": 4}, "to"},
		{map[string]any{"version": v, "programme": "no-such", "from": "2026-01-05", "hours": 4}, "programme"},
		{map[string]any{"version": "seven", "programme": prog, "from": "2026-01-05", "hours": 4}, "version"},
		{map[string]any{"version": v, "programme": prog, "from": "2026-01-05", "hours": 4, "note": "x"}, "note"},
	} {
		before := h.snapshot(t, id)
		h.call(t, "member", "PUT", path, tc.body).problem(t, 400, tc.field)
		h.unchanged(t, before, fmt.Sprintf("PUT %v", tc.body))
	}
	h.call(t, "member", "PUT", "/api/v1/candidates/"+id+"/programme-records/no-such", map[string]any{"version": v, "programme": prog, "from": "2026-01-05", "hours": 4}).problem(t, 404, "")

	fixed := h.call(t, "member", "PUT", path, map[string]any{"version": v, "programme": prog, "from": "2026-01-05", "to": "2026-06-30", "hours": 400}).must(t, 200)
	if fixed.str("id") != rec || fixed.body["hours"] != float64(400) || fixed.str("to") != "2026-06-30" || int64(fixed.body["candidate_version"].(float64)) != v+1 {
		t.Errorf("corrected record = %s", fixed.raw)
	}
	if fixed.str("recorded_by") != memberID {
		t.Errorf("the correction changed who recorded it: %s", fixed.raw)
	}
	if !h.changedAt(t, id, v+1) {
		t.Errorf("no candidate.changed at version %d", v+1)
	}
	before := h.snapshot(t, id)
	h.call(t, "member", "PUT", path, map[string]any{"version": v, "programme": prog, "from": "2026-01-05", "hours": 1}).problem(t, 409, "")
	h.unchanged(t, before, "a stale PUT")
	same := h.call(t, "member", "PUT", path, map[string]any{"version": v + 1, "programme": prog, "from": "2026-01-05", "to": "2026-06-30", "hours": 400}).must(t, 200)
	if int64(same.body["candidate_version"].(float64)) != v+1 {
		t.Errorf("an unchanged PUT moved the version: %s", same.raw)
	}
	h.unchanged(t, before, "an unchanged PUT")
	entry := h.auditEntry(t, id, "update")
	if strings.Join(toStrings(entry["fields"]), ",") != "programme_record" || entry["subject"] != rec || entry["actor"] != memberID {
		t.Errorf("audit entry of the correction = %v", entry)
	}

	h.call(t, "member", "DELETE", path, nil).problem(t, 400, "version")
	h.call(t, "member", "DELETE", path+"?version="+fmt.Sprint(v), nil).problem(t, 409, "")
	gone := h.call(t, "member", "DELETE", path+"?version="+fmt.Sprint(v+1), nil).must(t, 200)
	if gone.str("id") != rec || int64(gone.body["candidate_version"].(float64)) != v+2 {
		t.Errorf("removal = %s", gone.raw)
	}
	cand := h.call(t, "member", "GET", "/api/v1/candidates/"+id, nil).must(t, 200)
	if recs, _ := cand.body["programme_records"].([]any); len(recs) != 0 {
		t.Errorf("records after removal = %v", recs)
	}
	if !h.changedAt(t, id, v+2) {
		t.Errorf("no candidate.changed at version %d", v+2)
	}
	removed := h.auditEntry(t, id, "remove")
	if strings.Join(toStrings(removed["fields"]), ",") != "programme_record" || removed["subject"] != rec {
		t.Errorf("audit entry of the removal = %v", removed)
	}
	h.call(t, "member", "DELETE", path+"?version="+fmt.Sprint(v+2), nil).problem(t, 404, "")
}

// TestCertificateCorrections: the same for certificates.
func TestCertificateCorrections(t *testing.T) {
	h := newHarness(t)
	id := h.register(t, "member", jan()).str("id")
	cert := h.call(t, "member", "POST", "/api/v1/candidates/"+id+"/certificates", map[string]any{"name": "Food hygene", "issuer": "FAVV", "date": "2026-03-01"}).must(t, 201).str("id")
	path := "/api/v1/candidates/" + id + "/certificates/" + cert
	v := h.candidateVersion(t, id)

	h.call(t, "member", "PUT", path, map[string]any{"version": v, "name": "", "date": "2026-03-01"}).problem(t, 400, "name")
	h.call(t, "member", "PUT", path, map[string]any{"version": v, "name": strings.Repeat("x", 121), "date": "2026-03-01"}).problem(t, 400, "name")
	h.call(t, "member", "PUT", path, map[string]any{"version": v, "name": "Food hygiene", "date": "2999-01-01"}).problem(t, 400, "date")
	fixed := h.call(t, "member", "PUT", path, map[string]any{"version": v, "name": "Food hygiene", "issuer": "FAVV", "date": "2026-03-01"}).must(t, 200)
	if fixed.str("name") != "Food hygiene" || int64(fixed.body["candidate_version"].(float64)) != v+1 {
		t.Errorf("corrected certificate = %s", fixed.raw)
	}
	h.call(t, "member", "PUT", path, map[string]any{"version": v, "name": "Food hygiene 2", "date": "2026-03-01"}).problem(t, 409, "")
	if e := h.auditEntry(t, id, "update"); strings.Join(toStrings(e["fields"]), ",") != "certificate" || e["subject"] != cert {
		t.Errorf("audit entry of the correction = %v", e)
	}
	h.call(t, "member", "DELETE", path+"?version=abc", nil).problem(t, 400, "version")
	h.call(t, "member", "DELETE", path+"?version="+fmt.Sprint(v+1), nil).must(t, 200)
	if !h.changedAt(t, id, v+2) {
		t.Errorf("no candidate.changed at version %d", v+2)
	}
	if e := h.auditEntry(t, id, "remove"); strings.Join(toStrings(e["fields"]), ",") != "certificate" || e["subject"] != cert {
		t.Errorf("audit entry of the removal = %v", e)
	}
}

// TestAnotherOrganisationCannotCorrect: P2's staff get 404 for P1's real
// record, certificate and attestation, and change nothing.
func TestAnotherOrganisationCannotCorrect(t *testing.T) {
	h := newHarness(t)
	id := h.register(t, "member", jan()).str("id")
	prog := h.programme(t, "member")
	own := h.programme(t, "member2")
	c := "/api/v1/candidates/" + id
	rec := h.call(t, "member", "POST", c+"/programme-records", map[string]any{"programme": prog, "from": "2026-01-05", "hours": 40}).must(t, 201).str("id")
	cert := h.call(t, "member", "POST", c+"/certificates", map[string]any{"name": "Forklift", "date": "2026-03-01"}).must(t, 201).str("id")
	att := h.call(t, "member", "POST", c+"/skills", map[string]any{"skill": "coffee-roasting", "level": 2, "programme": prog}).must(t, 201).str("id")
	v := h.candidateVersion(t, id)
	h.addToken(t, "org_admin2", otherAdminID, orgP2, "org_admin")
	for _, who := range []string{"member2", "org_admin2"} {
		for _, r := range []struct {
			method, path string
			body         any
		}{
			{"PUT", c + "/programme-records/" + rec, map[string]any{"version": v, "programme": own, "from": "2026-01-05", "hours": 1}},
			{"DELETE", c + "/programme-records/" + rec + "?version=" + fmt.Sprint(v), nil},
			{"PUT", c + "/certificates/" + cert, map[string]any{"version": v, "name": "X", "date": "2026-03-01"}},
			{"DELETE", c + "/certificates/" + cert + "?version=" + fmt.Sprint(v), nil},
			{"POST", "/api/v1/attestations/" + att + "/revocation", map[string]any{"version": v, "reason": "entered_in_error"}},
			{"PUT", "/api/v1/programmes/" + prog, map[string]any{"version": 1, "name": "X", "kind": "garden", "site": map[string]any{"place_id": gent}, "supervisors": []string{otherID}}},
		} {
			before := h.snapshot(t, id)
			h.call(t, who, r.method, r.path, r.body).problem(t, 404, "")
			h.unchanged(t, before, who+" "+r.method+" "+r.path)
		}
	}
	if p := h.call(t, "member", "GET", "/api/v1/programmes/"+prog, nil).must(t, 200); p.version() != 1 {
		t.Errorf("P1's programme moved to version %d", p.version())
	}
}

// TestLegacyItemsGetStableIDs: a record or certificate stored without an
// id gets one derived on read, the same on every read, by which it can be
// corrected; the correcting write stores it.
func TestLegacyItemsGetStableIDs(t *testing.T) {
	h := newHarness(t)
	id := h.register(t, "member", jan()).str("id")
	prog := h.programme(t, "member")
	c := "/api/v1/candidates/" + id
	h.call(t, "member", "POST", c+"/programme-records", map[string]any{"programme": prog, "from": "2026-01-05", "hours": 40}).must(t, 201)
	h.call(t, "member", "POST", c+"/certificates", map[string]any{"name": "Forklift", "date": "2026-03-01"}).must(t, 201)
	_, err := h.db.Collection("candidates").UpdateOne(context.Background(), bson.D{{Key: "_id", Value: id}},
		bson.D{{Key: "$unset", Value: bson.D{{Key: "programme_records.0.id", Value: ""}, {Key: "certificates.0.id", Value: ""}}}})
	if err != nil {
		t.Fatal(err)
	}
	ids := func() (string, string, int64) {
		a := h.call(t, "member", "GET", c, nil).must(t, 200)
		r := a.body["programme_records"].([]any)[0].(map[string]any)["id"].(string)
		ct := a.body["certificates"].([]any)[0].(map[string]any)["id"].(string)
		return r, ct, a.version()
	}
	rec, cert, v := ids()
	if rec2, cert2, _ := ids(); rec == "" || cert == "" || rec != rec2 || cert != cert2 || rec == cert {
		t.Fatalf("derived ids %q %q, then %q %q", rec, cert, rec2, cert2)
	}
	h.call(t, "member", "PUT", c+"/programme-records/"+rec, map[string]any{"version": v, "programme": prog, "from": "2026-01-05", "hours": 41}).must(t, 200)
	var stored struct {
		Records []struct {
			ID string `bson:"id"`
		} `bson:"programme_records"`
		Certificates []struct {
			ID string `bson:"id"`
		} `bson:"certificates"`
	}
	if err := h.db.Collection("candidates").FindOne(context.Background(), bson.D{{Key: "_id", Value: id}}).Decode(&stored); err != nil {
		t.Fatal(err)
	}
	if stored.Records[0].ID != rec || stored.Certificates[0].ID != cert {
		t.Errorf("stored ids after the write = %+v, want %s and %s", stored, rec, cert)
	}
	h.call(t, "member", "DELETE", c+"/certificates/"+cert+"?version="+fmt.Sprint(v+1), nil).must(t, 200)
}

// TestConcurrentCorrectionsOneWins: corrections sent at once against the
// same version are serialised by the candidate's lock; exactly one
// succeeds and the others hear 409.
func TestConcurrentCorrectionsOneWins(t *testing.T) {
	h := newHarness(t)
	id := h.register(t, "member", jan()).str("id")
	prog := h.programme(t, "member")
	rec := h.call(t, "member", "POST", "/api/v1/candidates/"+id+"/programme-records", map[string]any{"programme": prog, "from": "2026-01-05", "hours": 40}).must(t, 201).str("id")
	v := h.candidateVersion(t, id)
	const n = 4
	statuses := make(chan int, n)
	for i := range n {
		go func() {
			body := map[string]any{"version": v, "programme": prog, "from": "2026-01-05", "hours": 100 + i}
			statuses <- h.call(t, "member", "PUT", "/api/v1/candidates/"+id+"/programme-records/"+rec, body).status
		}()
	}
	counts := map[int]int{}
	for range n {
		counts[<-statuses]++
	}
	if counts[200] != 1 || counts[409] != n-1 {
		t.Errorf("statuses %v, want one 200 and %d 409s", counts, n-1)
	}
	if got := h.candidateVersion(t, id); got != v+1 {
		t.Errorf("version %d after the race, want %d", got, v+1)
	}
}
