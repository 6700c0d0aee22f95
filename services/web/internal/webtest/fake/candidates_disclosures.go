package fake

import (
	"fmt"
	"maps"
	"net/http"
	"slices"
	"time"
)

// The candidates fake's disclosure grants, as docs/openapi.yaml describes
// them: readDisclosure (GET /api/v1/disclosures/{id}), withdrawDisclosure
// (POST /api/v1/disclosures/{id}/withdraw) and listCandidateDisclosures
// (GET /api/v1/candidates/{id}/disclosures). Grants are made when staff
// accept an introduction in the placements fake (LinkDisclosures), or by
// AddDisclosure. A grant is read by members of the employer organisation
// it was made for, and by the candidate's staff; anyone else, and anyone
// after withdrawal, gets 404. Every read is kept (DisclosureReads), as
// the real service audits it.

// disclosures are the grants and their reads.
type disclosures struct {
	grants []map[string]any // newest last
	reads  []DisclosureRead
}

// DisclosureRead is one read of a grant: who read it, for which
// organisation.
type DisclosureRead struct{ ID, Reader, OrgID string }

// LinkDisclosures has the placements fake make its grants in the
// candidates fake when staff accept an introduction, as the real service
// calls the candidates service.
func LinkDisclosures(p *Placements, k *Candidates) {
	p.Set(func(p *Placements) { p.Grant = k.Grant })
}

// Grant stores a disclosure grant for an accepted introduction (with the
// fields of the placements fake's introductions) and returns its id; the
// same introduction gives the same grant.
func (f *Candidates) Grant(intro map[string]any, disclose []string, contact, recordedBy string) string {
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, g := range f.disclosures.grants {
		if g["introduction_id"] == intro["id"] {
			return g["id"].(string)
		}
	}
	fields := append([]string{"name"}, disclose...)
	id := fmt.Sprintf("d%d", len(f.disclosures.grants)+1)
	f.disclosures.grants = append(f.disclosures.grants, map[string]any{"id": id, "version": 1, "introduction_id": intro["id"],
		"candidate_id": intro["candidate_id"], "candidate_org_id": intro["candidate_org_id"], "employer_org_id": intro["employer_org_id"],
		"role_id": intro["role_id"], "fields": fields, "contact": contact, "consent_text_version": "v1", "recorded_by": recordedBy,
		"granted_at": time.Now().UTC().Format(time.RFC3339), "status": "active"})
	return id
}

// AddDisclosure stores a grant as Grant does and returns its id.
func (f *Candidates) AddDisclosure(introductionID, candidateID, candidateOrg, employerOrg, role string, disclose []string, contact string) string {
	return f.Grant(map[string]any{"id": introductionID, "candidate_id": candidateID, "candidate_org_id": candidateOrg,
		"employer_org_id": employerOrg, "role_id": role}, disclose, contact, "staff")
}

// WithdrawGrant withdraws a grant, as the candidate's staff would.
func (f *Candidates) WithdrawGrant(id string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if g := f.grant(id); g != nil {
		g["status"], g["withdrawn_at"] = "withdrawn", time.Now().UTC().Format(time.RFC3339)
	}
}

// DisclosureReads returns the reads of every grant so far.
func (f *Candidates) DisclosureReads() []DisclosureRead {
	f.mu.Lock()
	defer f.mu.Unlock()
	return slices.Clone(f.disclosures.reads)
}

// serveDisclosures answers the disclosure operations, and reports whether
// the request was one.
func (f *Candidates) serveDisclosures(w http.ResponseWriter, r *http.Request, parts []string) bool {
	var who placementCaller
	decodeClaims(r, &who)
	switch {
	case len(parts) == 3 && parts[0] == "candidates" && parts[2] == "disclosures" && r.Method == http.MethodGet:
		items := []any{}
		for _, g := range slices.Backward(f.disclosures.grants) {
			if g["candidate_id"] == parts[1] && (who.admin() || who.candidate() || (who.OrgKind == "programme" && g["candidate_org_id"] == who.OrgID)) {
				items = append(items, grantShown(g))
			}
		}
		answer(w, map[string]any{"items": items})
	case len(parts) >= 2 && parts[0] == "disclosures":
		g := f.grant(parts[1])
		mayRead := g != nil && (who.admin() || (who.OrgKind == "employer" && g["employer_org_id"] == who.OrgID && g["status"] == "active") ||
			(who.OrgKind == "programme" && g["candidate_org_id"] == who.OrgID) || (who.candidate() && g["candidate_id"] == who.CandidateID))
		switch {
		case !mayRead:
			problem(w, http.StatusNotFound)
		case len(parts) == 2 && r.Method == http.MethodGet:
			f.readDisclosure(w, who, g)
		case len(parts) == 3 && parts[2] == "withdraw" && r.Method == http.MethodPost && (who.OrgKind == "programme" || who.candidate()):
			if g["status"] == "withdrawn" {
				conflict(w, nil)
				break
			}
			g["status"], g["withdrawn_at"], g["withdrawn_by"], g["version"] = "withdrawn", time.Now().UTC().Format(time.RFC3339), who.Sub, g["version"].(int)+1
			answer(w, grantShown(g))
		default:
			problem(w, http.StatusNotFound)
		}
	default:
		return false
	}
	return true
}

func (f *Candidates) grant(id string) map[string]any {
	for _, g := range f.disclosures.grants {
		if g["id"] == id {
			return g
		}
	}
	return nil
}

// readDisclosure answers the disclosed identity and keeps the read.
func (f *Candidates) readDisclosure(w http.ResponseWriter, who placementCaller, g map[string]any) {
	k := f.candidates[fmt.Sprint(g["candidate_id"])]
	if k == nil {
		problem(w, http.StatusNotFound)
		return
	}
	f.disclosures.reads = append(f.disclosures.reads, DisclosureRead{ID: g["id"].(string), Reader: who.Sub, OrgID: who.OrgID})
	out := map[string]any{"id": g["id"], "introduction_id": g["introduction_id"], "role_id": g["role_id"], "status": g["status"],
		"contact": g["contact"], "given_name": k["given_name"], "family_name": k["family_name"], "granted_at": g["granted_at"]}
	if p, _ := k["preferred_name"].(string); p != "" {
		out["preferred_name"] = p
	}
	for _, field := range g["fields"].([]string) {
		if field == "phone" || field == "email" {
			if v, _ := k[field].(string); v != "" {
				out[field] = v
			}
		}
	}
	answer(w, out)
}

// grantShown is a grant as the API answers it.
func grantShown(g map[string]any) map[string]any {
	out := maps.Clone(g)
	delete(out, "candidate_org_id")
	return out
}
