// Package sealed encrypts small values at rest with AES-256-GCM under a key
// from configuration: the gateway's signing keys now, candidates' identity
// fields later. The output carries a version byte so the scheme can change.
package sealed

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/rand"
	"encoding/base64"
	"errors"
	"fmt"
)

const version1 = 1

// Box seals and opens values with one 32-byte key.
type Box struct {
	aead cipher.AEAD
}

// NewBox takes a base64-encoded (standard or URL alphabet) 32-byte key.
func NewBox(keyB64 string) (*Box, error) {
	key, err := base64.StdEncoding.DecodeString(keyB64)
	if err != nil {
		key, err = base64.RawURLEncoding.DecodeString(keyB64)
	}
	if err != nil || len(key) != 32 {
		return nil, errors.New("sealed: the key must be 32 bytes, base64-encoded")
	}
	block, err := aes.NewCipher(key)
	if err != nil {
		return nil, fmt.Errorf("sealed: %w", err)
	}
	aead, err := cipher.NewGCM(block)
	if err != nil {
		return nil, fmt.Errorf("sealed: %w", err)
	}
	return &Box{aead: aead}, nil
}

// NewKey returns a fresh random key in the form NewBox accepts.
func NewKey() string {
	k := make([]byte, 32)
	_, _ = rand.Read(k)
	return base64.StdEncoding.EncodeToString(k)
}

// Seal encrypts plain, binding it to context (for example a record id and
// field name) so a sealed value cannot be moved to another record.
func (b *Box) Seal(plain, context []byte) []byte {
	nonce := make([]byte, b.aead.NonceSize())
	_, _ = rand.Read(nonce)
	out := append([]byte{version1}, nonce...)
	return b.aead.Seal(out, nonce, plain, context)
}

// Open decrypts a value made by Seal with the same context.
func (b *Box) Open(sealed, context []byte) ([]byte, error) {
	ns := b.aead.NonceSize()
	if len(sealed) < 1+ns || sealed[0] != version1 {
		return nil, errors.New("sealed: not a sealed value")
	}
	plain, err := b.aead.Open(nil, sealed[1:1+ns], sealed[1+ns:], context)
	if err != nil {
		return nil, errors.New("sealed: wrong key, wrong context or tampered value")
	}
	return plain, nil
}
