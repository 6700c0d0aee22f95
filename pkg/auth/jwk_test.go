package auth

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestPublicJWKRoundTrip(t *testing.T) {
	key := newTestKey(t, "k1")
	doc, err := json.Marshal(JWKS{Keys: []JWK{PublicJWK(key.kid, key.pub)}})
	if err != nil {
		t.Fatal(err)
	}
	for _, member := range []string{`"kty":"OKP"`, `"crv":"Ed25519"`, `"kid":"k1"`, `"alg":"EdDSA"`, `"use":"sig"`, `"x":"`} {
		if !strings.Contains(string(doc), member) {
			t.Errorf("JWKS %s lacks %s", doc, member)
		}
	}
	keys, err := ParseJWKS(doc)
	if err != nil {
		t.Fatal(err)
	}
	if len(keys) != 1 || !keys["k1"].Equal(key.pub) {
		t.Errorf("ParseJWKS = %v, want only k1 with the original key", keys)
	}
}

func TestJWKPublicKeyRejectsOtherKeyTypes(t *testing.T) {
	good := PublicJWK("k1", newTestKey(t, "k1").pub)
	tests := []struct {
		name string
		edit func(*JWK)
	}{
		{"RSA", func(k *JWK) { k.Kty = "RSA" }},
		{"X25519", func(k *JWK) { k.Crv = "X25519" }},
		{"HS256 alg", func(k *JWK) { k.Alg = "HS256" }},
		{"encryption key", func(k *JWK) { k.Use = "enc" }},
		{"short x", func(k *JWK) { k.X = k.X[:20] }},
		{"x not base64url", func(k *JWK) { k.X = "!!!" }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			k := good
			tt.edit(&k)
			if pub, err := k.PublicKey(); err == nil {
				t.Errorf("PublicKey() = %x, want an error", pub)
			}
		})
	}
}

func TestParseJWKS(t *testing.T) {
	x := PublicJWK("k1", newTestKey(t, "k1").pub).X
	tests := []struct {
		name     string
		doc      string
		wantKids []string
		wantErr  bool
	}{
		{"skips foreign key types", `{"keys":[{"kty":"RSA","kid":"r1","n":"AQAB","e":"AQAB"},{"kty":"OKP","crv":"X25519","kid":"x1","x":"` + x + `"},{"kty":"OKP","crv":"Ed25519","kid":"k1","x":"` + x + `"}]}`, []string{"k1"}, false},
		{"no usable key", `{"keys":[{"kty":"RSA","kid":"r1"}]}`, nil, true},
		{"empty set", `{"keys":[]}`, nil, true},
		{"missing kid", `{"keys":[{"kty":"OKP","crv":"Ed25519","x":"` + x + `"}]}`, nil, true},
		{"duplicate kid", `{"keys":[{"kty":"OKP","crv":"Ed25519","kid":"k1","x":"` + x + `"},{"kty":"OKP","crv":"Ed25519","kid":"k1","x":"` + x + `"}]}`, nil, true},
		{"malformed Ed25519 key", `{"keys":[{"kty":"OKP","crv":"Ed25519","kid":"k1","x":"AAAA"}]}`, nil, true},
		{"not JSON", `<html>`, nil, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			keys, err := ParseJWKS([]byte(tt.doc))
			if (err != nil) != tt.wantErr {
				t.Fatalf("err = %v, wantErr %v", err, tt.wantErr)
			}
			if len(keys) != len(tt.wantKids) {
				t.Fatalf("got %d keys, want %v", len(keys), tt.wantKids)
			}
			for _, kid := range tt.wantKids {
				if _, ok := keys[kid]; !ok {
					t.Errorf("kid %s missing", kid)
				}
			}
		})
	}
}
