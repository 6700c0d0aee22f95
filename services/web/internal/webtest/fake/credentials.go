package fake

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
)

// The candidates API's credentials (issue 16), as the candidates fake
// answers them: a credential's verdict, pasted or by id (no sign-in), an
// attestation's credential as a VC-JWT for its organisation's staff, and
// a candidate's printable portfolio.

// CredentialJWT is a fake credential of the attestation whose verdict
// the fake gives as status (valid, revoked, tampered or unknown_issuer):
// three dot-separated parts, as a compact JWS has, the middle one naming
// the verdict. Anything else the fake reads as malformed.
func CredentialJWT(status, attestation string) string {
	enc := base64.RawURLEncoding
	header := enc.EncodeToString([]byte(`{"alg":"EdDSA","typ":"vc+jwt","kid":"k1"}`))
	claims, _ := json.Marshal(map[string]string{"jti": attestation, "fake_status": status})
	return header + "." + enc.EncodeToString(claims) + ".c2lnbmF0dXJl"
}

// PortfolioPDF is the body of the fake's printable portfolio.
const PortfolioPDF = "%PDF-1.7\n% Onward fake portfolio\n%%EOF\n"

// serveCredentialsPublic answers the routes that need no sign-in and
// reports whether the request was one of them. It runs under the lock.
func (f *Candidates) serveCredentialsPublic(w http.ResponseWriter, r *http.Request, parts []string, body map[string]any) bool {
	switch {
	case len(parts) == 2 && parts[0] == "credentials" && parts[1] == "verify" && r.Method == http.MethodPost:
		credential, _ := body["credential"].(string)
		switch {
		case credential == "":
			fieldProblem(w, map[string]string{"credential": "is required"})
		case len(credential) > 64<<10:
			problem(w, http.StatusRequestEntityTooLarge)
		default:
			answer(w, f.verdictOfJWT(credential))
		}
	case len(parts) == 2 && parts[0] == "credentials" && r.Method == http.MethodGet:
		_, a := f.findAttestation(parts[1])
		if a == nil {
			problem(w, http.StatusNotFound)
			return true
		}
		status := "valid"
		if a["revoked"] == true {
			status = "revoked"
		}
		answer(w, verdict(status, a))
	default:
		return false
	}
	return true
}

// verdictOfJWT reads the fake verdict from a CredentialJWT.
func (f *Candidates) verdictOfJWT(credential string) map[string]any {
	parts := strings.Split(credential, ".")
	var claims struct {
		JTI    string `json:"jti"`
		Status string `json:"fake_status"`
	}
	if len(parts) != 3 {
		return verdict("malformed", nil)
	}
	buf, err := base64.RawURLEncoding.DecodeString(parts[1])
	if err != nil || json.Unmarshal(buf, &claims) != nil {
		return verdict("malformed", nil)
	}
	a := map[string]any{"id": claims.JTI, "skill": "barista-skills", "level": 3, "hours": 600, "date": "2026-11-20"}
	if _, stored := f.findAttestation(claims.JTI); stored != nil {
		a = stored
	}
	switch claims.Status {
	case "valid", "tampered", "unknown_issuer":
		return verdict(claims.Status, a)
	case "revoked":
		a = withRevocation(a)
		return verdict("revoked", a)
	}
	return verdict("malformed", nil)
}

// withRevocation is a copy of a, revoked when it was not already.
func withRevocation(a map[string]any) map[string]any {
	out := map[string]any{}
	for k, v := range a {
		out[k] = v
	}
	if out["revocation"] == nil {
		out["revocation"] = map[string]any{"revoked_at": "2026-12-06T10:00:00Z"}
	}
	return out
}

// verdict is a CredentialVerification: what the attestation vouches for
// unless the status is malformed or unknown_issuer.
func verdict(status string, a map[string]any) map[string]any {
	out := map[string]any{"valid": status == "valid", "status": status, "reason": "the fake says " + status}
	if a == nil || status == "malformed" || status == "unknown_issuer" {
		return out
	}
	cred := map[string]any{"id": "https://onward.test/api/v1/credentials/" + fmt.Sprint(a["id"]), "skill": a["skill"],
		"level": a["level"], "hours": a["hours"], "date": a["date"]}
	if rev, ok := a["revocation"].(map[string]any); ok && status == "revoked" {
		cred["revoked_at"] = rev["revoked_at"]
	}
	out["credential"] = cred
	return out
}

// serveCredential answers GET /api/v1/attestations/{id}/credential: the
// attestation's VC-JWT (format=jwt) or its JSON, 404 for an attestation
// the fake does not hold (or, for a candidate, another candidate's) and
// 409 once revoked. It runs under the lock.
func (f *Candidates) serveCredential(w http.ResponseWriter, r *http.Request, id string) {
	k, a := f.findAttestation(id)
	who := callerOf(r)
	switch {
	case a == nil, who.Role == "candidate" && k["id"] != who.CandidateID:
		problem(w, http.StatusNotFound)
	case a["revoked"] == true:
		conflict(w, nil)
	case r.URL.Query().Get("format") == "jwt":
		w.Header().Set("Content-Type", "application/vc+jwt")
		w.Header().Set("Content-Disposition", `attachment; filename="credential.jwt"`)
		fmt.Fprint(w, CredentialJWT("valid", id))
	default:
		answer(w, map[string]any{"id": "https://onward.test/api/v1/credentials/" + id, "jwt": CredentialJWT("valid", id),
			"credential": map[string]any{"type": []string{"VerifiableCredential", "OpenBadgeCredential"}}})
	}
}

// servePortfolioPDF answers GET /api/v1/candidates/{id}/portfolio.pdf: a
// paper of a4 or letter, and programmes true or false; anything else is
// a 400, as the service's.
func servePortfolioPDF(w http.ResponseWriter, r *http.Request, k map[string]any) {
	q := r.URL.Query()
	if p := q.Get("paper"); p != "" && p != "a4" && p != "letter" {
		fieldProblem(w, map[string]string{"paper": "must be one of a4, letter"})
		return
	}
	w.Header().Set("Content-Type", "application/pdf")
	w.Header().Set("Content-Disposition", fmt.Sprintf(`attachment; filename="onward-portfolio-%s.pdf"`, k["alias"]))
	_, _ = io.WriteString(w, PortfolioPDF)
}
