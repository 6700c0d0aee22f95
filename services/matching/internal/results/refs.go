package results

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
)

// CandidateRef returns the opaque reference an employer sees for a
// candidate on one role's shortlist: an HMAC of both ids, so the same
// candidate has unrelated references on two roles and none reveals the id.
func (r *Results) CandidateRef(roleID, candidateID string) string {
	return candidateRef(r.refKey, roleID, candidateID)
}

func candidateRef(key []byte, roleID, candidateID string) string {
	m := hmac.New(sha256.New, key)
	m.Write([]byte(roleID))
	m.Write([]byte{0})
	m.Write([]byte(candidateID))
	return base64.RawURLEncoding.EncodeToString(m.Sum(nil)[:16])
}

// RefKeyFrom returns the key of candidate references: MATCHING_REF_KEY
// when it is set, else a key derived from the service secret, so a
// deployment needs no new secret and the two uses of the secret never
// share a key.
func RefKeyFrom(refKey, serviceSecret string) []byte {
	if refKey != "" {
		return []byte(refKey)
	}
	m := hmac.New(sha256.New, []byte(serviceSecret))
	m.Write([]byte("onward matching candidate_ref v1"))
	return m.Sum(nil)
}
