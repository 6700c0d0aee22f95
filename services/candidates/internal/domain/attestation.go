package domain

import (
	"crypto/ed25519"
	"encoding/json"
	"time"
)

// Attestation is a supervisor's signed statement that a candidate has a
// skill at a level, backed by hours in a programme, on a date. The
// organisation's Ed25519 key signs its canonical encoding, so a copy that
// was altered anywhere (in the database, in an export) no longer verifies.
type Attestation struct {
	ID          string
	CandidateID string
	OrgID       string
	Skill       string
	Level       int
	Hours       int
	ProgrammeID string
	// Date is the day the supervisor attests, YYYY-MM-DD.
	Date       string
	Evidence   string
	AttestedBy string
	AttestedAt time.Time
	// KeyID names the organisation key that signed it.
	KeyID     string
	Signature []byte
	// Revocation is set once the attestation is withdrawn; the signature
	// above still covers the attestation as it was made.
	Revocation *Revocation
}

// canonicalAttestation fixes the signed fields and their order. Version 1
// is a JSON object with exactly these keys, in this order, without
// whitespace, as Go's encoding/json writes it.
type canonicalAttestation struct {
	V           int    `json:"v"`
	ID          string `json:"id"`
	CandidateID string `json:"candidate_id"`
	OrgID       string `json:"org_id"`
	Skill       string `json:"skill"`
	Level       int    `json:"level"`
	Hours       int    `json:"hours"`
	ProgrammeID string `json:"programme_id"`
	Date        string `json:"date"`
	Evidence    string `json:"evidence"`
	AttestedBy  string `json:"attested_by"`
	KeyID       string `json:"key_id"`
}

// Canonical returns the bytes the signature covers.
func (a Attestation) Canonical() []byte {
	b, _ := json.Marshal(canonicalAttestation{
		V: 1, ID: a.ID, CandidateID: a.CandidateID, OrgID: a.OrgID, Skill: a.Skill, Level: a.Level,
		Hours: a.Hours, ProgrammeID: a.ProgrammeID, Date: a.Date, Evidence: a.Evidence,
		AttestedBy: a.AttestedBy, KeyID: a.KeyID,
	})
	return b
}

// Sign sets the key id and the signature made with key.
func (a *Attestation) Sign(keyID string, key ed25519.PrivateKey) {
	a.KeyID = keyID
	a.Signature = ed25519.Sign(key, a.Canonical())
}

// Intact reports whether the signature matches the attestation under pub.
func (a Attestation) Intact(pub ed25519.PublicKey) bool {
	return len(pub) == ed25519.PublicKeySize && len(a.Signature) == ed25519.SignatureSize &&
		ed25519.Verify(pub, a.Canonical(), a.Signature)
}

// OrgKey is an organisation's attestation signing key. Private is nil where
// only verification is needed.
type OrgKey struct {
	ID        string
	OrgID     string
	Public    ed25519.PublicKey
	Private   ed25519.PrivateKey
	CreatedAt time.Time
}
