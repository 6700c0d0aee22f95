package credentials

import (
	"crypto/ed25519"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

// ErrMalformed is a presented credential that does not decode: not a
// compact JWS, or a header, payload or credential that is not what a
// VC-JWT holds.
var ErrMalformed = errors.New("malformed credential")

// claims are a VC-JWT's payload as Open Badges 3.0 (section 8.2) and VC
// Data Model 1.1 define it: iss is the issuer's id, jti the credential's
// id, nbf its issuance date, and vc the credential itself.
type claims struct {
	jwt.RegisteredClaims
	VC json.RawMessage `json:"vc"`
}

// Sign returns c as a VC-JWT signed with key (EdDSA), its header naming
// keyID, so a verifier finds the key in the issuer's JWK Set.
func Sign(c Credential, keyID string, key ed25519.PrivateKey) (string, error) {
	raw, err := json.Marshal(c)
	if err != nil {
		return "", fmt.Errorf("encode credential: %w", err)
	}
	issued, err := time.Parse(time.RFC3339, c.IssuanceDate)
	if err != nil {
		return "", fmt.Errorf("credential issuance date: %w", err)
	}
	t := jwt.NewWithClaims(jwt.SigningMethodEdDSA, claims{
		RegisteredClaims: jwt.RegisteredClaims{Issuer: c.Issuer.ID, ID: c.ID, NotBefore: jwt.NewNumericDate(issued)},
		VC:               raw,
	})
	t.Header["kid"] = keyID
	return t.SignedString(key)
}

// Presented is a VC-JWT as it arrived, decoded but not yet trusted.
type Presented struct {
	KeyID      string
	Issuer     string
	ID         string
	Credential Credential
}

// Inspect decodes token without checking its signature, which is enough to
// find its issuer and key. What does not decode is ErrMalformed, wrapped
// with the reason.
func Inspect(token string) (Presented, error) {
	var cl claims
	t, _, err := jwt.NewParser().ParseUnverified(token, &cl)
	if err != nil {
		return Presented{}, fmt.Errorf("%w: %v", ErrMalformed, err)
	}
	if typ, ok := t.Header["typ"]; ok && typ != "JWT" {
		return Presented{}, fmt.Errorf("%w: header typ is %v, not JWT", ErrMalformed, typ)
	}
	kid, _ := t.Header["kid"].(string)
	if kid == "" {
		return Presented{}, fmt.Errorf("%w: the header names no key (kid)", ErrMalformed)
	}
	if len(cl.VC) == 0 {
		return Presented{}, fmt.Errorf("%w: the payload holds no vc claim", ErrMalformed)
	}
	var c Credential
	if err := json.Unmarshal(cl.VC, &c); err != nil {
		return Presented{}, fmt.Errorf("%w: the vc claim is not a credential: %v", ErrMalformed, err)
	}
	return Presented{KeyID: kid, Issuer: cl.Issuer, ID: cl.ID, Credential: c}, nil
}

// Verify checks token's signature under pub with the algorithm pinned to
// EdDSA, its time claims, and that its registered claims say what its
// credential says (iss is the issuer, jti the id).
func Verify(token string, pub ed25519.PublicKey) error {
	var cl claims
	_, err := jwt.NewParser(jwt.WithValidMethods([]string{jwt.SigningMethodEdDSA.Alg()})).
		ParseWithClaims(token, &cl, func(*jwt.Token) (any, error) { return pub, nil })
	if err != nil {
		return fmt.Errorf("signature or claims: %w", err)
	}
	var c Credential
	if err := json.Unmarshal(cl.VC, &c); err != nil {
		return fmt.Errorf("%w: the vc claim is not a credential: %v", ErrMalformed, err)
	}
	if cl.Issuer != c.Issuer.ID || cl.ID != c.ID {
		return errors.New("the token's iss and jti do not match the credential's issuer and id")
	}
	return nil
}
