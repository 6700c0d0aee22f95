package fake

import (
	"encoding/json"
	"fmt"
	"maps"
	"net/http"
	"slices"
)

// The candidates API's corrections, consent texts and revocations, as the
// fakes answer them. Candidates.serve and Portfolio.serve hand these
// routes here.

// fakeConsentTexts mirrors the candidates service's published texts: the
// registration step's old wording under 2026-11 and the one current text,
// 2026-12, in English and Dutch only.
var fakeConsentTexts = map[string]any{
	"current": "2026-12",
	"items": []any{
		map[string]any{"version": "2026-11", "current": false, "published_on": "2026-11-01", "digest": "e5a4",
			"texts": map[string]any{
				"en": []string{"Employers see your alias {alias} and your skills (the 2026-11 text)."},
				"nl": []string{"Werkgevers zien je schuilnaam {alias} en je vaardigheden (de tekst van 2026-11)."},
			}},
		map[string]any{"version": "2026-12", "current": true, "published_on": "2026-12-06", "digest": "b842",
			"texts": map[string]any{
				"en": []string{
					"Onward can suggest you for jobs that fit your skills. To do that, it shows employers a profile without your name, under the alias {alias}.",
					"Employers never see your name, your contact details or the house you live in.",
				},
				"nl": []string{
					"Onward kan je voorstellen voor jobs die bij je vaardigheden passen, onder de schuilnaam {alias}.",
					"Werkgevers zien nooit je naam, je contactgegevens of het huis waar je woont.",
				},
			}},
	},
}

// serveConsentTexts answers GET /api/v1/consent-texts.
func serveConsentTexts(w http.ResponseWriter) { answer(w, fakeConsentTexts) }

// serveCorrections answers the corrections routes of the candidates fake and
// reports whether the request was one of them. It runs under the fake's lock.
func (f *Candidates) serveCorrections(w http.ResponseWriter, r *http.Request, parts []string, body map[string]any) bool {
	switch {
	case parts[0] == "consent-texts" && r.Method == http.MethodGet:
		serveConsentTexts(w)
	case parts[0] == "programmes" && len(parts) == 2 && r.Method == http.MethodPut:
		f.putProgramme(w, parts[1], body)
	case parts[0] == "attestations" && len(parts) == 3 && parts[2] == "revocation":
		f.revoke(w, r, parts[1], body)
	case parts[0] == "attestations" && len(parts) == 3 && parts[2] == "verify":
		f.verify(w, parts[1])
	case parts[0] == "candidates" && len(parts) == 3 && parts[2] == "audit" && f.candidates[parts[1]] != nil:
		serveChangeAudit(w, callerID(r))
	case parts[0] == "candidates" && len(parts) == 4 && f.candidates[parts[1]] != nil &&
		(parts[2] == "programme-records" || parts[2] == "certificates") && (r.Method == http.MethodPut || r.Method == http.MethodDelete):
		f.correctEntry(w, r, f.candidates[parts[1]], parts[2], parts[3], body)
	default:
		return false
	}
	return true
}

// correctEntry replaces or removes a programme record or certificate, at
// the candidate's version (in the body for PUT, the query for DELETE).
func (f *Candidates) correctEntry(w http.ResponseWriter, r *http.Request, k map[string]any, list, entryID string, body map[string]any) {
	version := fmt.Sprint(body["version"])
	if r.Method == http.MethodDelete {
		version = r.URL.Query().Get("version")
	}
	field := map[string]string{"programme-records": "programme_records", "certificates": "certificates"}[list]
	entries := k[field].([]any)
	i := slices.IndexFunc(entries, func(e any) bool { return e.(map[string]any)["id"] == entryID })
	switch {
	case i < 0:
		problem(w, http.StatusNotFound)
		return
	case version != fmt.Sprint(k["version"]):
		conflict(w, nil)
		return
	case body["hours"] == float64(99999):
		fieldProblem(w, map[string]string{"hours": "must be between 0 and 10000"})
		return
	case body["name"] == "":
		fieldProblem(w, map[string]string{"name": "is required"})
		return
	}
	k["version"] = k["version"].(int) + 1
	if r.Method == http.MethodDelete {
		k[field] = slices.Delete(slices.Clone(entries), i, i+1)
		answer(w, map[string]any{"id": entryID, "candidate_version": k["version"]})
		return
	}
	e := maps.Clone(body)
	delete(e, "version")
	e["id"] = entryID
	entries[i] = e
	out := maps.Clone(e)
	out["candidate_version"] = k["version"]
	answer(w, out)
}

// putProgramme replaces a programme at its version; "Refused" stands for
// a caller who neither supervises it nor administers the organisation.
func (f *Candidates) putProgramme(w http.ResponseWriter, id string, body map[string]any) {
	i := slices.IndexFunc(f.programmes, func(p map[string]any) bool { return p["id"] == id })
	switch {
	case i < 0:
		problem(w, http.StatusNotFound)
		return
	case fmt.Sprint(body["version"]) != fmt.Sprint(f.programmes[i]["version"]):
		conflict(w, nil)
		return
	case body["name"] == "Refused":
		problem(w, http.StatusForbidden)
		return
	}
	if sup, _ := body["supervisors"].([]any); len(sup) == 0 {
		fieldProblem(w, map[string]string{"supervisors": "must name at least one supervisor"})
		return
	}
	p := maps.Clone(body)
	delete(p, "version")
	p["id"], p["version"] = id, f.programmes[i]["version"].(int)+1
	p["site"] = map[string]any{"place_id": "2797656", "name": "Gent"}
	f.programmes[i] = p
	answer(w, p)
}

// findAttestation returns the candidate holding the attestation and the
// attestation itself, from the candidate's "attestations".
func (f *Candidates) findAttestation(id string) (map[string]any, map[string]any) {
	for _, k := range f.candidates {
		all, _ := k["attestations"].([]any)
		for _, a := range all {
			if a.(map[string]any)["id"] == id {
				return k, a.(map[string]any)
			}
		}
	}
	return nil, nil
}

// revoke revokes an attestation at the candidate's version; it leaves the
// candidate's skills and stays among its attestations, revoked.
func (f *Candidates) revoke(w http.ResponseWriter, r *http.Request, id string, body map[string]any) {
	k, a := f.findAttestation(id)
	switch {
	case a == nil:
		problem(w, http.StatusNotFound)
		return
	case a["revoked"] == true || fmt.Sprint(body["version"]) != fmt.Sprint(k["version"]):
		conflict(w, nil)
		return
	case a["attested_by"] != callerID(r) && a["attested_by"] != "anyone":
		problem(w, http.StatusForbidden)
		return
	}
	if note, _ := body["note"].(string); body["reason"] == "other" && note == "" {
		fieldProblem(w, map[string]string{"note": "is required for the reason other"})
		return
	}
	rev := map[string]any{"reason": body["reason"], "revoked_by": callerID(r), "revoked_at": "2026-12-06T10:00:00Z", "key_id": "k1", "signature": "c2ln"}
	if note, ok := body["note"]; ok {
		rev["note"] = note
	}
	a["revoked"], a["revocation"] = true, rev
	skills := k["skills"].([]any)
	k["skills"] = slices.DeleteFunc(slices.Clone(skills), func(s any) bool { return s.(map[string]any)["id"] == id })
	k["version"] = k["version"].(int) + 1
	out := maps.Clone(a)
	out["candidate_version"] = k["version"]
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(http.StatusCreated)
	_ = json.NewEncoder(w).Encode(out)
}

// verify answers the verify endpoint, with the revocation once revoked.
func (f *Candidates) verify(w http.ResponseWriter, id string) {
	res := map[string]any{"id": id, "intact": id != "broken", "skill": "barista-skills", "level": 3, "hours": 600, "date": "2026-11-20", "key_id": "k1"}
	k, a := f.findAttestation(id)
	if k != nil {
		// The API names the candidate to the attesting organisation's
		// staff only; the fake's attestations are all the caller's.
		res["candidate_id"] = k["id"]
	}
	if a != nil && a["revoked"] == true {
		rev := a["revocation"].(map[string]any)
		res["revoked"] = true
		res["revocation"] = map[string]any{"revoked_at": rev["revoked_at"], "reason": rev["reason"], "intact": true, "key_id": "k1",
			"note": rev["note"], "revoked_by": rev["revoked_by"]}
	}
	answer(w, res)
}

// RevokableAttestation is a signed attestation by the given supervisor,
// as the candidates service lists it.
func RevokableAttestation(id, by string) map[string]any {
	return map[string]any{"id": id, "skill": "barista-skills", "level": 3, "hours": 600, "programme": "p1", "date": "2026-11-20",
		"attested_by": by, "attested_at": "2026-11-20T09:00:00Z", "signature": "c2ln", "key_id": "k1"}
}

// serveChangeAudit answers an audit trail whose entries name changes,
// the corrections' actions among them, and one change name the web app
// does not know.
func serveChangeAudit(w http.ResponseWriter, me string) {
	entry := func(id, action, purpose string, fields ...string) map[string]any {
		return map[string]any{"id": id, "at": "2026-12-06T10:00:00Z", "actor": me, "actor_org": "o1", "action": action,
			"purpose": purpose, "fields": fields}
	}
	answer(w, map[string]any{"next_cursor": "", "items": []any{
		entry("e1", "revoke", "attestation", "attestation_revoked"),
		entry("e2", "remove", "case_work", "certificate"),
		entry("e3", "update", "case_work", "identity", "day_release", "programme_record"),
		entry("e4", "update", "case_work", "shoe_size"),
	}})
}
