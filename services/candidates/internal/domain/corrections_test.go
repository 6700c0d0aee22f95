package domain

import (
	"crypto/ed25519"
	"crypto/rand"
	"slices"
	"testing"
	"time"
)

func TestChangesOf(t *testing.T) {
	for _, tc := range []struct{ in, want []string }{
		{nil, nil},
		{[]string{"given_name", "family_name", "preferred_name", "date_of_birth"}, []string{"identity"}},
		{[]string{"phone", "given_name", "email"}, []string{"identity", "contact"}},
		{[]string{"house", "setting", "day_release", "release"}, []string{"setting", "day_release", "availability"}},
		{[]string{"attestation_revoked", "excluded_sectors"}, []string{"restrictions", "attestation_revoked"}},
		{[]string{"future_thing", "languages", "future_thing"}, []string{"languages", "future_thing"}},
	} {
		if got := ChangesOf(tc.in); !slices.Equal(got, tc.want) {
			t.Errorf("ChangesOf(%v) = %v, want %v", tc.in, got, tc.want)
		}
	}
}

// TestRevocationIsBoundToItsAttestation: a revocation verifies under the
// key that signed it and not once moved to another attestation or changed.
func TestRevocationIsBoundToItsAttestation(t *testing.T) {
	pub, priv, _ := ed25519.GenerateKey(rand.Reader)
	a := Attestation{ID: "a1", CandidateID: "c1", OrgID: "o1", Skill: "coffee-roasting", Level: 3}
	a.Sign("k1", priv)
	b := a
	b.ID = "a2"
	b.Sign("k1", priv)
	a.Revoke(Revocation{Reason: RevokedEnteredInError, RevokedBy: "u1", RevokedAt: time.Now()}, "k1", priv)
	if !a.Revoked() || !a.RevocationIntact(pub) || !a.Intact(pub) {
		t.Fatal("a fresh revocation does not verify, or broke the attestation's signature")
	}
	b.Revocation = a.Revocation
	if b.RevocationIntact(pub) {
		t.Error("a revocation moved to another attestation verifies")
	}
	r := *a.Revocation
	r.Note = "added later"
	a.Revocation = &r
	if a.RevocationIntact(pub) {
		t.Error("a changed revocation verifies")
	}
	if ValidateRevocation("other", "") == nil || ValidateRevocation("nope", "") == nil || ValidateRevocation(RevokedWrongCandidate, "") != nil {
		t.Error("ValidateRevocation accepts or refuses the wrong input")
	}
}
