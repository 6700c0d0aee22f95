package auth

import (
	"context"
	"crypto/ed25519"
	"sync"
)

// maxVerifiedTokens bounds the memory of the verified tokens a Verifier
// remembers (the token, under 1 KB as the gateway issues them and at most
// MaxTokenBytes, and its claims); when full it starts afresh.
const maxVerifiedTokens = 4096

// verifiedTokens remembers the tokens whose header and signature a
// Verifier has checked, by their exact text, with the key that signed
// them. The same bytes under the same key always verify the same way, so
// a token seen again skips only the signature check (about 50 µs of
// Ed25519 on every hop of every request); everything that depends on the
// time or on state is checked again on every use: exp, nbf and iat with
// their leeway, iss and aud, the claims' own rules, the lifetime, that
// the kid still names the same key, and revocation.
type verifiedTokens struct {
	mu     sync.Mutex
	tokens map[string]verifiedToken
}

// verifiedToken is a checked token's claims and the key that signed it.
type verifiedToken struct {
	claims Claims
	kid    string
	key    ed25519.PublicKey
}

func (t *verifiedTokens) get(raw string) (verifiedToken, bool) {
	t.mu.Lock()
	defer t.mu.Unlock()
	vt, ok := t.tokens[raw]
	return vt, ok
}

// put remembers raw, copied: the caller's string may point into a
// request buffer that is reused.
func (t *verifiedTokens) put(raw string, vt verifiedToken) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.tokens == nil || len(t.tokens) >= maxVerifiedTokens {
		t.tokens = make(map[string]verifiedToken)
	}
	t.tokens[string([]byte(raw))] = vt
}

// stillSigned reports whether the key source still gives vt's kid the key
// that signed it: a key withdrawn or replaced since ends the shortcut.
func (v *Verifier) stillSigned(ctx context.Context, vt verifiedToken) bool {
	key, err := v.keys.Key(ctx, vt.kid)
	return err == nil && key.Equal(vt.key)
}
