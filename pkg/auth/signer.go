package auth

import (
	"crypto/ed25519"
	"errors"
	"fmt"
	"time"

	"github.com/golang-jwt/jwt/v5"
	"github.com/google/uuid"
)

// TokenType is the JOSE typ header of an access token (RFC 9068 section
// 2.1). Requiring it stops any other JWT signed with the same key, such as
// an ID token, from being replayed as an access token.
const TokenType = "at+jwt"

// MaxServiceTokenTTL caps the lifetime of service tokens. They cannot be
// revoked, so they must expire quickly.
const MaxServiceTokenTTL = 5 * time.Minute

// Signer signs access tokens with one Ed25519 key. Only the gateway has
// one. It is safe for concurrent use.
type Signer struct {
	kid  string
	priv ed25519.PrivateKey
}

// NewSigner returns a Signer whose tokens name kid in their header, so that
// verifiers can pick the matching key from the JWK Set during a rotation.
func NewSigner(kid string, priv ed25519.PrivateKey) (*Signer, error) {
	if kid == "" {
		return nil, errors.New("auth: signer needs a key id")
	}
	if len(priv) != ed25519.PrivateKeySize {
		return nil, fmt.Errorf("auth: Ed25519 private key is %d bytes, want %d", len(priv), ed25519.PrivateKeySize)
	}
	return &Signer{kid: kid, priv: priv}, nil
}

// KeyID returns the kid the signer puts in every token header.
func (s *Signer) KeyID() string { return s.kid }

// PublicJWK returns the signer's public key, ready to publish in the
// gateway's JWK Set.
func (s *Signer) PublicJWK() JWK {
	return PublicJWK(s.kid, s.priv.Public().(ed25519.PublicKey))
}

// Sign returns the compact JWS form of claims. It refuses claims that a
// Verifier would reject for their shape, and claims without an expiry.
func (s *Signer) Sign(claims Claims) (string, error) {
	if claims.ExpiresAt == nil {
		return "", errors.New("auth: refusing to sign a token without exp")
	}
	if err := claims.Validate(); err != nil {
		return "", fmt.Errorf("auth: refusing to sign: %w", err)
	}
	tok := jwt.NewWithClaims(jwt.SigningMethodEdDSA, claims)
	tok.Header["typ"] = TokenType
	tok.Header["kid"] = s.kid
	signed, err := tok.SignedString(s.priv)
	if err != nil {
		return "", fmt.Errorf("auth: sign token: %w", err)
	}
	return signed, nil
}

// IssueAccessToken signs a token for the caller described by p, valid for
// ttl from now for the given audiences. Only p's Subject, OrgID, OrgKind,
// Role and SessionID are used; the token gets a fresh jti.
func IssueAccessToken(s *Signer, issuer string, audience []string, p Principal, ttl time.Duration) (string, error) {
	if ttl <= 0 {
		return "", errors.New("auth: access token ttl must be positive")
	}
	return s.Sign(newClaims(issuer, audience, p, ttl))
}

// IssueServiceToken signs a token that lets service call audience, the
// target service's name, for ttl (at most MaxServiceTokenTTL). The gateway
// calls it when a service asks for a token, so the claim shape lives here.
func IssueServiceToken(s *Signer, issuer, service, audience string, ttl time.Duration) (string, error) {
	if service == "" || audience == "" {
		return "", errors.New("auth: service token needs a service and an audience")
	}
	if ttl <= 0 || ttl > MaxServiceTokenTTL {
		return "", fmt.Errorf("auth: service token ttl must be in (0, %s]", MaxServiceTokenTTL)
	}
	p := Principal{Subject: ServiceSubjectPrefix + service, Role: RoleService}
	return s.Sign(newClaims(issuer, []string{audience}, p, ttl))
}

func newClaims(issuer string, audience []string, p Principal, ttl time.Duration) Claims {
	now := time.Now()
	return Claims{
		RegisteredClaims: jwt.RegisteredClaims{
			Issuer:    issuer,
			Subject:   p.Subject,
			Audience:  audience,
			ExpiresAt: jwt.NewNumericDate(now.Add(ttl)),
			NotBefore: jwt.NewNumericDate(now),
			IssuedAt:  jwt.NewNumericDate(now),
			ID:        uuid.NewString(),
		},
		OrgID:       p.OrgID,
		OrgKind:     p.OrgKind,
		Role:        p.Role,
		CandidateID: p.CandidateID,
		SessionID:   p.SessionID,
	}
}
