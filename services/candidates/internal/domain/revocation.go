package domain

import (
	"crypto/ed25519"
	"encoding/base64"
	"encoding/json"
	"time"
)

// Revocation withdraws a signed attestation: who withdrew it, when and why
// (a reason from a closed list, and an optional short note). It is signed
// with the organisation's key like the attestation, over an encoding that
// names the attestation and its signature, so a revocation can neither be
// moved to another attestation nor changed unseen. A revoked attestation
// stays in the portfolio as history but no longer counts as a skill.
type Revocation struct {
	Reason    RevocationReason
	Note      string
	RevokedBy string
	RevokedAt time.Time
	KeyID     string
	Signature []byte
}

// RevocationReason is why an attestation was withdrawn. A closed list keeps
// the reason free of anything about the person.
type RevocationReason string

// The reasons.
const (
	// RevokedEnteredInError: the attestation should never have been made.
	RevokedEnteredInError RevocationReason = "entered_in_error"
	// RevokedWrongCandidate: it was recorded on the wrong person's record.
	RevokedWrongCandidate RevocationReason = "wrong_candidate"
	// RevokedWrongSkillOrLevel: the skill, level or hours were wrong; a
	// corrected attestation is usually made next.
	RevokedWrongSkillOrLevel RevocationReason = "wrong_skill_or_level"
	// RevokedEvidenceInsufficient: on review the evidence does not carry it.
	RevokedEvidenceInsufficient RevocationReason = "evidence_insufficient"
	// RevokedOther: none of these; the note says which, and is required.
	RevokedOther RevocationReason = "other"
)

// RevocationReasons lists every reason.
var RevocationReasons = []RevocationReason{
	RevokedEnteredInError, RevokedWrongCandidate, RevokedWrongSkillOrLevel, RevokedEvidenceInsufficient, RevokedOther,
}

// MaxRevocationNote bounds a revocation's note, in characters.
const MaxRevocationNote = 280

// ValidateRevocation checks a revocation's reason and note before it is
// signed.
func ValidateRevocation(reason RevocationReason, note string) error {
	c := &checker{}
	known := false
	for _, r := range RevocationReasons {
		known = known || r == reason
	}
	c.check(!known, "reason", "must be one of %v", RevocationReasons)
	c.text("note", note, reason == RevokedOther, MaxRevocationNote)
	return c.err()
}

// canonicalRevocation fixes the signed fields of a revocation and their
// order, as canonicalAttestation does for an attestation.
type canonicalRevocation struct {
	V                    int    `json:"v"`
	Kind                 string `json:"kind"`
	AttestationID        string `json:"attestation_id"`
	AttestationSignature string `json:"attestation_signature"`
	CandidateID          string `json:"candidate_id"`
	OrgID                string `json:"org_id"`
	Reason               string `json:"reason"`
	Note                 string `json:"note"`
	RevokedBy            string `json:"revoked_by"`
	RevokedAt            string `json:"revoked_at"`
	KeyID                string `json:"key_id"`
}

// RevocationCanonical returns the bytes the revocation's signature covers.
// The kind field keeps a revocation's bytes from ever reading as an
// attestation's.
func (a Attestation) RevocationCanonical() []byte {
	r := a.Revocation
	if r == nil {
		return nil
	}
	b, _ := json.Marshal(canonicalRevocation{
		V: 1, Kind: "revocation", AttestationID: a.ID, AttestationSignature: base64.RawURLEncoding.EncodeToString(a.Signature),
		CandidateID: a.CandidateID, OrgID: a.OrgID, Reason: string(r.Reason), Note: r.Note, RevokedBy: r.RevokedBy,
		RevokedAt: r.RevokedAt.UTC().Format(time.RFC3339Nano), KeyID: r.KeyID,
	})
	return b
}

// Revoke records r on the attestation and signs it with key.
func (a *Attestation) Revoke(r Revocation, keyID string, key ed25519.PrivateKey) {
	r.KeyID = keyID
	a.Revocation = &r
	a.Revocation.Signature = ed25519.Sign(key, a.RevocationCanonical())
}

// RevocationIntact reports whether the revocation's signature matches
// under pub.
func (a Attestation) RevocationIntact(pub ed25519.PublicKey) bool {
	r := a.Revocation
	return r != nil && len(pub) == ed25519.PublicKeySize && len(r.Signature) == ed25519.SignatureSize &&
		ed25519.Verify(pub, a.RevocationCanonical(), r.Signature)
}

// Revoked reports whether the attestation was withdrawn.
func (a Attestation) Revoked() bool { return a.Revocation != nil }
