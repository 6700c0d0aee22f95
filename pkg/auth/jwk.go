package auth

import (
	"crypto/ed25519"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
)

// JWK parameters for Ed25519 signing keys (RFC 8037 section 2).
const (
	jwkKtyOKP     = "OKP"
	jwkCrvEd25519 = "Ed25519"
	jwkUseSig     = "sig"
	algEdDSA      = "EdDSA"
)

// JWK is a public key in JSON Web Key form (RFC 7517). Only the members
// needed for Ed25519 (RFC 8037) are modelled.
type JWK struct {
	// Kty is the key type, "OKP" for Ed25519.
	Kty string `json:"kty"`
	// Crv is the curve, "Ed25519".
	Crv string `json:"crv,omitempty"`
	// X is the public key, base64url without padding.
	X string `json:"x,omitempty"`
	// Kid names the key; token headers refer to it.
	Kid string `json:"kid,omitempty"`
	// Alg is the one algorithm the key may be used with, "EdDSA".
	Alg string `json:"alg,omitempty"`
	// Use is "sig": the key verifies signatures.
	Use string `json:"use,omitempty"`
}

// JWKS is a JSON Web Key Set, the document the gateway publishes.
type JWKS struct {
	// Keys lists the published keys, current and recently retired.
	Keys []JWK `json:"keys"`
}

// PublicJWK describes an Ed25519 public key as a signing JWK.
func PublicJWK(kid string, pub ed25519.PublicKey) JWK {
	return JWK{
		Kty: jwkKtyOKP,
		Crv: jwkCrvEd25519,
		X:   base64.RawURLEncoding.EncodeToString(pub),
		Kid: kid,
		Alg: algEdDSA,
		Use: jwkUseSig,
	}
}

// isEd25519Signing reports whether k claims to be an Ed25519 signing key.
func (k JWK) isEd25519Signing() bool {
	return k.Kty == jwkKtyOKP && k.Crv == jwkCrvEd25519 &&
		(k.Alg == "" || k.Alg == algEdDSA) && (k.Use == "" || k.Use == jwkUseSig)
}

// PublicKey decodes k, refusing anything but an Ed25519 signing key.
func (k JWK) PublicKey() (ed25519.PublicKey, error) {
	if !k.isEd25519Signing() {
		return nil, fmt.Errorf("jwk %q: want kty OKP, crv Ed25519, alg EdDSA, use sig", k.Kid)
	}
	raw, err := base64.RawURLEncoding.DecodeString(k.X)
	if err != nil {
		return nil, fmt.Errorf("jwk %q: decode x: %w", k.Kid, err)
	}
	if len(raw) != ed25519.PublicKeySize {
		return nil, fmt.Errorf("jwk %q: x is %d bytes, want %d", k.Kid, len(raw), ed25519.PublicKeySize)
	}
	return ed25519.PublicKey(raw), nil
}

// PublicKeys returns the set's Ed25519 signing keys by kid. Keys of other
// types are skipped rather than failing the whole set, as RFC 7517 section 5
// asks, so the gateway can publish other keys later without breaking older
// services; they can never be used to verify a token. A malformed Ed25519
// key, a missing or repeated kid, or a set with no usable key is an error,
// because each means the gateway is misconfigured.
func (s JWKS) PublicKeys() (map[string]ed25519.PublicKey, error) {
	keys := make(map[string]ed25519.PublicKey, len(s.Keys))
	for _, k := range s.Keys {
		if k.Kty != jwkKtyOKP || k.Crv != jwkCrvEd25519 {
			continue
		}
		if k.Kid == "" {
			return nil, errors.New("jwks: Ed25519 key without kid")
		}
		if _, dup := keys[k.Kid]; dup {
			return nil, fmt.Errorf("jwks: kid %q appears twice", k.Kid)
		}
		pub, err := k.PublicKey()
		if err != nil {
			return nil, fmt.Errorf("jwks: %w", err)
		}
		keys[k.Kid] = pub
	}
	if len(keys) == 0 {
		return nil, errors.New("jwks: no Ed25519 signing keys")
	}
	return keys, nil
}

// ParseJWKS decodes a JWK Set document and returns its Ed25519 signing keys
// by kid, as JWKS.PublicKeys does.
func ParseJWKS(data []byte) (map[string]ed25519.PublicKey, error) {
	var set JWKS
	if err := json.Unmarshal(data, &set); err != nil {
		return nil, fmt.Errorf("jwks: %w", err)
	}
	return set.PublicKeys()
}
