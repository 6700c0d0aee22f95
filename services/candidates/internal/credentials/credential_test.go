package credentials_test

import (
	"bytes"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/json"
	"testing"
	"time"

	"github.com/onward-jobs/onward/services/candidates/internal/credentials"
	"github.com/onward-jobs/onward/services/candidates/internal/credentials/obschema"
)

var addr = credentials.Addresses{Base: "https://onward.example/"}

func facts(esco string) credentials.Facts {
	return credentials.Facts{
		AttestationID: "0190d6a4-7b1e-7cc2-9a51-3f1d2c4b5a69", OrgID: "org-1", Skill: "coffee-roasting",
		SkillLabel: "Coffee roasting", ESCOURI: esco, Level: 3, LevelText: "Experienced and consistent", Hours: 600,
		Date: "2026-11-20", AttestedAt: time.Date(2026, 11, 20, 14, 3, 0, 0, time.UTC),
		Recipient: "Jan  Peeters", Salt: "5f1c",
	}
}

// TestBuiltCredentialsFollowTheSchema: a credential with and without an
// ESCO alignment validates against 1EdTech's achievementcredential
// schema, and the schema does catch a credential missing its issuer.
func TestBuiltCredentialsFollowTheSchema(t *testing.T) {
	for _, esco := range []string{"", "http://data.europa.eu/esco/skill/0f4b3c2a-1d7e-4f6b-9a8c-2e5d7b1f3c40"} {
		raw, err := json.Marshal(credentials.Build(facts(esco), addr))
		if err != nil {
			t.Fatal(err)
		}
		obschema.Validate(t, obschema.AchievementCredential, raw)
	}
	var broken map[string]any
	raw, _ := json.Marshal(credentials.Build(facts(""), addr))
	_ = json.Unmarshal(raw, &broken)
	delete(broken, "issuer")
	raw, _ = json.Marshal(broken)
	if !obschema.Invalid(t, obschema.AchievementCredential, raw) {
		t.Error("the schema accepts a credential without an issuer: the validation proves nothing")
	}
}

// TestCredentialStatesWhatWasAttested: what Build writes, Stated reads
// back; the recipient's name is only in its salted hash.
func TestCredentialStatesWhatWasAttested(t *testing.T) {
	esco := "http://data.europa.eu/esco/skill/0f4b3c2a-1d7e-4f6b-9a8c-2e5d7b1f3c40"
	c := credentials.Build(facts(esco), addr)
	st, ok := c.Stated()
	want := credentials.Stated{Skill: "coffee-roasting", Level: 3, Hours: 600, Date: "2026-11-20", ESCOURI: esco}
	if !ok || st != want {
		t.Errorf("Stated() = %+v %v, want %+v", st, ok, want)
	}
	if c.ID != "https://onward.example/api/v1/credentials/0190d6a4-7b1e-7cc2-9a51-3f1d2c4b5a69" || c.Issuer.ID != "https://onward.example/api/v1/issuers/org-1" {
		t.Errorf("id %q, issuer %q", c.ID, c.Issuer.ID)
	}
	id := c.CredentialSubject.Identifier[0]
	if id.IdentityHash != credentials.IdentityHash("jan peeters", "5f1c") || id.IdentityHash == credentials.IdentityHash("Jan Peters", "5f1c") {
		t.Errorf("identity hash %q does not follow the normalised name", id.IdentityHash)
	}
	raw, _ := json.Marshal(c)
	for _, word := range []string{"Jan", "Peeters"} {
		if bytes.Contains(raw, []byte(word)) {
			t.Errorf("the credential holds %q in plain text", word)
		}
	}
}

// TestSignedCredentialVerifiesOnlyUnderItsKey: Verify accepts the token
// under the signing key, refuses it under another, and Inspect names the
// key and issuer.
func TestSignedCredentialVerifiesOnlyUnderItsKey(t *testing.T) {
	pub, priv, _ := ed25519.GenerateKey(rand.Reader)
	other, _, _ := ed25519.GenerateKey(rand.Reader)
	c := credentials.Build(facts(""), addr)
	token, err := credentials.Sign(c, "key-1", priv)
	if err != nil {
		t.Fatal(err)
	}
	pr, err := credentials.Inspect(token)
	if err != nil || pr.KeyID != "key-1" || pr.Issuer != c.Issuer.ID || pr.ID != c.ID || pr.Credential.Name != c.Name {
		t.Fatalf("Inspect = %+v, %v", pr, err)
	}
	if err := credentials.Verify(token, pub); err != nil {
		t.Errorf("Verify under the signing key: %v", err)
	}
	if err := credentials.Verify(token, other); err == nil {
		t.Error("Verify accepts the token under another key")
	}
}

// TestAddressesRecogniseOnlyTheirOwn: an issuer or credential address is
// recognised only under the platform's own base, with one path segment.
func TestAddressesRecogniseOnlyTheirOwn(t *testing.T) {
	for issuer, want := range map[string]string{
		"https://onward.example/api/v1/issuers/org-1":     "org-1",
		"https://onward.example/api/v1/issuers/org-1/x":   "",
		"https://onward.example/api/v1/issuers/":          "",
		"https://elsewhere.example/api/v1/issuers/org-1":  "",
		"https://onward.example/api/v1/issuers/org-1?x=1": "",
	} {
		if org, ok := addr.OrgOf(issuer); ok != (want != "") || (ok && org != want) {
			t.Errorf("OrgOf(%q) = %q %v, want %q", issuer, org, ok, want)
		}
	}
}

// BenchmarkIssueAndVerify builds, signs, inspects and verifies one
// credential: the pure cost of a request to issue or check one.
func BenchmarkIssueAndVerify(b *testing.B) {
	pub, priv, _ := ed25519.GenerateKey(rand.Reader)
	f := facts("http://data.europa.eu/esco/skill/0f4b3c2a-1d7e-4f6b-9a8c-2e5d7b1f3c40")
	for b.Loop() {
		token, err := credentials.Sign(credentials.Build(f, addr), "key-1", priv)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := credentials.Inspect(token); err != nil {
			b.Fatal(err)
		}
		if err := credentials.Verify(token, pub); err != nil {
			b.Fatal(err)
		}
	}
}
