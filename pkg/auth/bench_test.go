package auth

import (
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

// BenchmarkVerify measures what every authenticated request pays to check
// its access token.
func BenchmarkVerify(b *testing.B) {
	pub, priv, _ := ed25519.GenerateKey(rand.Reader)
	signer, err := NewSigner("k1", priv)
	if err != nil {
		b.Fatal(err)
	}
	now := time.Now()
	token, err := signer.Sign(Claims{
		RegisteredClaims: jwt.RegisteredClaims{Subject: "u1", Issuer: "https://onward.test", Audience: jwt.ClaimStrings{"onward-api"},
			IssuedAt: jwt.NewNumericDate(now), ExpiresAt: jwt.NewNumericDate(now.Add(time.Hour))},
		OrgID: "o1", OrgKind: OrgKindEmployer, Role: RoleMember,
	})
	if err != nil {
		b.Fatal(err)
	}
	v, err := NewVerifier(VerifierConfig{Issuer: "https://onward.test", Audiences: []string{"onward-api"}, Keys: StaticKeys{"k1": pub}})
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := v.Verify(ctx, token); err != nil {
			b.Fatal(err)
		}
	}
}
