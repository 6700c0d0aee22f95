package http

import (
	"crypto/ed25519"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"

	"github.com/onward-jobs/onward/services/candidates/internal/credentials/obschema"
)

// publicGet sends an unauthenticated GET, as a verifier on the internet
// would, and decodes the JSON answer into out.
func (h *harness) publicGet(t *testing.T, path string, out any) int {
	t.Helper()
	resp, err := h.server.App.Test(httptest.NewRequest("GET", path, nil), -1)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	if out != nil && resp.StatusCode == 200 {
		if err := json.Unmarshal(raw, out); err != nil {
			t.Fatalf("GET %s: %v in %s", path, err, raw)
		}
	}
	return resp.StatusCode
}

// verdictOf posts a credential to the public verification endpoint,
// without a token, and returns its status and reason.
func (h *harness) verdictOf(t *testing.T, token string) (string, map[string]any) {
	t.Helper()
	body, _ := json.Marshal(map[string]string{"credential": token})
	req := httptest.NewRequest("POST", "/api/v1/credentials/verify", strings.NewReader(string(body)))
	req.Header.Set("Content-Type", "application/json")
	resp, err := h.server.App.Test(req, -1)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	var v map[string]any
	if resp.StatusCode != 200 || json.Unmarshal(raw, &v) != nil {
		t.Fatalf("verify answered %d: %s", resp.StatusCode, raw)
	}
	status, _ := v["status"].(string)
	if (status == "valid") != (v["valid"] == true) {
		t.Errorf("verdict %s says valid=%v", status, v["valid"])
	}
	return status, v
}

// TestCredentialIsOpenBadgeAndVerifies: staff fetch an attestation as an
// Open Badges 3.0 credential; it validates against 1EdTech's schema,
// names the candidate only by a salted hash, and a verifier written from
// the VC-JWT rules alone (independentVerify) accepts it with the keys the
// issuer publishes, as does the platform's own verification; changing
// any claim, or revoking the attestation, makes verification fail.
func TestCredentialIsOpenBadgeAndVerifies(t *testing.T) {
	h := newHarness(t)
	id := h.register(t, "member", jan()).str("id")
	prog := h.programme(t, "member")
	att := h.call(t, "member", "POST", "/api/v1/candidates/"+id+"/skills", map[string]any{
		"skill": "coffee-roasting", "level": 3, "hours": 600, "programme": prog, "date": "2026-11-20",
	}).must(t, 201).str("id")
	path := "/api/v1/attestations/" + att + "/credential"
	// P2 attests too, so it has a key: a credential moved to P2 must fail
	// on its signature, not for want of an issuer.
	id2 := h.register(t, "member2", jan()).str("id")
	h.call(t, "member2", "POST", "/api/v1/candidates/"+id2+"/skills", map[string]any{
		"skill": "coffee-roasting", "level": 1, "hours": 10, "programme": h.programme(t, "member2"), "date": "2026-11-20",
	}).must(t, 201)

	h.call(t, "employer", "GET", path, nil).problem(t, 403, "")
	h.call(t, "member2", "GET", path, nil).problem(t, 404, "")
	h.call(t, "member", "GET", "/api/v1/attestations/no-such/credential", nil).problem(t, 404, "")
	h.call(t, "member", "GET", path+"?format=xml", nil).problem(t, 400, "format")

	issued := h.call(t, "member", "GET", path, nil).must(t, 200)
	token := issued.str("jwt")
	credJSON, _ := json.Marshal(issued.body["credential"])
	obschema.Validate(t, obschema.AchievementCredential, credJSON)
	for _, secret := range []string{janGiven, janFamily, janBirth, janEmail, janPhone, id, prog, orgP1} {
		if strings.Contains(token+string(credJSON), secret) && secret != orgP1 {
			t.Errorf("the credential holds %q", secret)
		}
	}

	audited := false
	for _, e := range h.call(t, "org_admin", "GET", "/api/v1/candidates/"+id+"/audit", nil).must(t, 200).items() {
		audited = audited || e["action"] == "read" && e["subject"] == att && e["actor"] == memberID
	}
	if !audited {
		t.Error("issuing the credential, which reads the candidate's name, is not in the audit trail")
	}

	// The verifier: only the VC-JWT rules and what the issuer publishes.
	payload := independentVerify(t, h, token)
	vc, _ := json.Marshal(payload["vc"])
	if string(vc) != string(credJSON) {
		t.Errorf("the JWT's vc claim differs from the credential answered beside it:\n%s\n%s", vc, credJSON)
	}
	var cred struct {
		Issuer            struct{ ID string }
		CredentialStatus  struct{ ID, Type string }
		CredentialSubject struct {
			Identifier []struct{ IdentityHash, Salt, IdentityType string }
		}
	}
	_ = json.Unmarshal(credJSON, &cred)
	if len(cred.CredentialSubject.Identifier) != 1 {
		t.Fatalf("identifier = %+v", cred.CredentialSubject.Identifier)
	}
	ident := cred.CredentialSubject.Identifier[0]
	sum := sha256.Sum256([]byte(strings.ToLower(janGiven+" "+janFamily) + ident.Salt))
	if ident.IdentityHash != "sha256$"+hex.EncodeToString(sum[:]) || ident.Salt == "" {
		t.Errorf("identity hash %q is not sha256 of the candidate's name and salt %q", ident.IdentityHash, ident.Salt)
	}
	var profile map[string]any
	if code := h.publicGet(t, strings.TrimPrefix(cred.Issuer.ID, issuer), &profile); code != 200 || profile["id"] != cred.Issuer.ID {
		t.Fatalf("issuer profile: %d %v", code, profile)
	}
	raw, _ := json.Marshal(profile)
	obschema.Validate(t, obschema.Profile, raw)

	status, v := h.verdictOf(t, token)
	got, _ := v["credential"].(map[string]any)
	if status != "valid" || got["skill"] != "coffee-roasting" || got["level"] != 3.0 || got["hours"] != 600.0 || got["date"] != "2026-11-20" || got["issuer"] != cred.Issuer.ID {
		t.Errorf("verdict on the credential as issued: %v", v)
	}

	// Tampering with any claim breaks the signature, for both verifiers.
	for _, change := range []func(map[string]any){
		func(p map[string]any) { p["iss"] = "https://onward.test/api/v1/issuers/" + orgP2 },
		func(p map[string]any) { p["jti"] = p["jti"].(string) + "0" },
		func(p map[string]any) { p["nbf"] = p["nbf"].(float64) - 86400 },
		func(p map[string]any) { p["vc"].(map[string]any)["name"] = "Coffee roasting, level 4" },
		func(p map[string]any) {
			p["vc"].(map[string]any)["credentialSubject"].(map[string]any)["result"].([]any)[0].(map[string]any)["value"] = "6000"
		},
	} {
		forged := withPayload(t, token, change)
		if status, v := h.verdictOf(t, forged); status != "tampered" {
			t.Errorf("a changed claim verifies as %s: %v", status, v)
		}
		if independentCheck(t, h, forged) == nil {
			t.Error("the independent verifier accepts a changed claim: it checks nothing")
		}
	}
	parts := strings.Split(token, ".")
	sig, _ := base64.RawURLEncoding.DecodeString(parts[2])
	sig[0] ^= 1
	if status, _ := h.verdictOf(t, parts[0]+"."+parts[1]+"."+base64.RawURLEncoding.EncodeToString(sig)); status != "tampered" {
		t.Errorf("a changed signature verifies as %s", status)
	}
	none := base64.RawURLEncoding.EncodeToString([]byte(`{"alg":"none","typ":"JWT","kid":"x"}`))
	if status, _ := h.verdictOf(t, none+"."+parts[1]+"."); status == "valid" {
		t.Error("an unsigned credential (alg none) verifies as valid")
	}

	// A credential from elsewhere, well signed: unknown issuer.
	_, otherKey, _ := ed25519.GenerateKey(rand.Reader)
	foreign := resign(t, token, otherKey, func(p map[string]any) {
		p["iss"] = "https://elsewhere.example/issuers/1"
		p["vc"].(map[string]any)["issuer"].(map[string]any)["id"] = "https://elsewhere.example/issuers/1"
	})
	if status, _ := h.verdictOf(t, foreign); status != "unknown_issuer" {
		t.Errorf("a foreign credential verifies as %s", status)
	}
	// Our address, but signed with a key that is not the issuer's.
	if status, _ := h.verdictOf(t, resign(t, token, otherKey, func(map[string]any) {})); status != "tampered" {
		t.Errorf("a credential re-signed with another key verifies as %s", status)
	}
	for _, junk := range []string{"not a jwt", "a.b.c", parts[0] + "." + base64.RawURLEncoding.EncodeToString([]byte(`{"iss":1}`)) + "." + parts[2]} {
		if status, _ := h.verdictOf(t, junk); status != "malformed" {
			t.Errorf("%q verifies as %s, want malformed", junk, status)
		}
	}

	// The QR page's data and the revocation list, before and after revoking.
	var page map[string]any
	if code := h.publicGet(t, "/api/v1/credentials/"+att, &page); code != 200 || page["status"] != "valid" {
		t.Errorf("the credential's page: %d %v", code, page)
	}
	if c, _ := page["credential"].(map[string]any); c["issuer"] != nil {
		t.Errorf("the page of a bare id names the issuer: %v", page)
	}
	var list struct {
		ID                 string
		RevokedCredentials []struct{ ID string } `json:"revokedCredentials"`
	}
	if code := h.publicGet(t, strings.TrimPrefix(cred.CredentialStatus.ID, issuer), &list); code != 200 || len(list.RevokedCredentials) != 0 || cred.CredentialStatus.Type != "1EdTechRevocationList" {
		t.Errorf("revocation list before revoking: %d %+v", code, list)
	}
	h.call(t, "member", "POST", "/api/v1/attestations/"+att+"/revocation", map[string]any{"version": h.candidateVersion(t, id), "reason": "entered_in_error"}).must(t, 201)
	if status, _ := h.verdictOf(t, token); status != "revoked" {
		t.Errorf("a revoked attestation's credential verifies as %s", status)
	}
	h.publicGet(t, strings.TrimPrefix(cred.CredentialStatus.ID, issuer), &list)
	if len(list.RevokedCredentials) != 1 || list.RevokedCredentials[0].ID != issued.str("id") {
		t.Errorf("revocation list after revoking: %+v", list)
	}
	if h.publicGet(t, "/api/v1/credentials/"+att, &page); page["status"] != "revoked" {
		t.Errorf("the credential's page after revoking: %v", page)
	}
	h.call(t, "member", "GET", path, nil).problem(t, 409, "")
	for _, p := range []string{"/api/v1/credentials/no-such", "/api/v1/credentials/no-such/status", "/api/v1/issuers/no-such-org", "/api/v1/issuers/no-such-org/jwks"} {
		if code := h.publicGet(t, p, nil); code != 404 {
			t.Errorf("GET %s = %d, want 404", p, code)
		}
	}
}

// TestVerifyRefusesWhatIsNoCredential: no credential is 400 naming the
// field, one over 64 KiB is 413, and neither is a 500.
func TestVerifyRefusesWhatIsNoCredential(t *testing.T) {
	h := newHarness(t)
	h.call(t, "", "POST", "/api/v1/credentials/verify", map[string]any{}).problem(t, 400, "credential")
	h.call(t, "", "POST", "/api/v1/credentials/verify", map[string]any{"credential": "  "}).problem(t, 400, "credential")
	h.call(t, "", "POST", "/api/v1/credentials/verify", map[string]any{"credential": "x", "extra": 1}).problem(t, 400, "extra")
	h.call(t, "", "POST", "/api/v1/credentials/verify", map[string]any{"credential": strings.Repeat("a", 70<<10)}).problem(t, 413, "")
}

// independentVerify checks token by the VC-JWT rules alone (compact JWS;
// header alg EdDSA and a kid; the key from the JWK Set published beside
// the issuer named by iss; iss and jti equal to the credential's issuer
// and id; nbf not in the future), without the issuing code, and returns
// the payload. It fails t when the credential does not verify.
func independentVerify(t *testing.T, h *harness, token string) map[string]any {
	t.Helper()
	if err := independentCheck(t, h, token); err != nil {
		t.Fatalf("the independent verifier refuses the credential: %v", err)
	}
	var p map[string]any
	raw, _ := base64.RawURLEncoding.DecodeString(strings.Split(token, ".")[1])
	_ = json.Unmarshal(raw, &p)
	return p
}

func independentCheck(t *testing.T, h *harness, token string) error {
	t.Helper()
	parts := strings.Split(token, ".")
	if len(parts) != 3 {
		return fmt.Errorf("not a compact JWS")
	}
	var header struct{ Alg, Kid, Typ string }
	var payload struct {
		Iss string
		Jti string
		Nbf float64
		VC  struct {
			ID     string
			Issuer struct{ ID string }
		}
	}
	if decodePart(parts[0], &header) != nil || decodePart(parts[1], &payload) != nil {
		return fmt.Errorf("header or payload does not decode")
	}
	if header.Alg != "EdDSA" || header.Kid == "" {
		return fmt.Errorf("alg %q kid %q", header.Alg, header.Kid)
	}
	if payload.Iss != payload.VC.Issuer.ID || payload.Jti != payload.VC.ID || payload.Nbf > float64(time.Now().Unix()) {
		return fmt.Errorf("claims disagree with the credential")
	}
	var set struct {
		Keys []struct{ Kty, Crv, X, Kid string }
	}
	if !strings.HasPrefix(payload.Iss, issuer+"/") || h.publicGet(t, strings.TrimPrefix(payload.Iss, issuer)+"/jwks", &set) != 200 {
		return fmt.Errorf("no key set at the issuer %s", payload.Iss)
	}
	for _, k := range set.Keys {
		x, err := base64.RawURLEncoding.DecodeString(k.X)
		if k.Kid != header.Kid || k.Kty != "OKP" || k.Crv != "Ed25519" || err != nil || len(x) != ed25519.PublicKeySize {
			continue
		}
		sig, err := base64.RawURLEncoding.DecodeString(parts[2])
		if err == nil && ed25519.Verify(ed25519.PublicKey(x), []byte(parts[0]+"."+parts[1]), sig) {
			return nil
		}
		return fmt.Errorf("the signature does not hold")
	}
	return fmt.Errorf("the issuer publishes no key %q", header.Kid)
}

func decodePart(part string, out any) error {
	raw, err := base64.RawURLEncoding.DecodeString(part)
	if err != nil {
		return err
	}
	return json.Unmarshal(raw, out)
}

// withPayload returns token with its payload changed by change and the
// original signature kept.
func withPayload(t *testing.T, token string, change func(map[string]any)) string {
	t.Helper()
	parts := strings.Split(token, ".")
	var p map[string]any
	if err := decodePart(parts[1], &p); err != nil {
		t.Fatal(err)
	}
	change(p)
	raw, _ := json.Marshal(p)
	return parts[0] + "." + base64.RawURLEncoding.EncodeToString(raw) + "." + parts[2]
}

// resign returns token's payload, changed by change, signed anew with key
// under the same kid.
func resign(t *testing.T, token string, key ed25519.PrivateKey, change func(map[string]any)) string {
	t.Helper()
	parts := strings.Split(token, ".")
	var header struct{ Kid string }
	var p map[string]any
	if decodePart(parts[0], &header) != nil || decodePart(parts[1], &p) != nil {
		t.Fatal("the issued token does not decode")
	}
	change(p)
	tok := jwt.NewWithClaims(jwt.SigningMethodEdDSA, jwt.MapClaims(p))
	tok.Header["kid"] = header.Kid
	s, err := tok.SignedString(key)
	if err != nil {
		t.Fatal(err)
	}
	return s
}
