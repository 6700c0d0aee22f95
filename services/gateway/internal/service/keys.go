package service

import (
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"errors"
	"fmt"
	"sort"
	"sync"
	"time"

	"github.com/onward-jobs/onward/pkg/auth"
)

// KeyRing holds the gateway's Ed25519 signing keys, persisted through
// SigningKeys so every replica signs with the same key and keys survive a
// restart.
//
// Rotation without downtime works in three steps. A new key is published in
// the JWK Set at once but signs only after Prepublish, longer than the
// services' JWKS cache lifetime, so no verifier meets an unknown kid. The
// old key stays published until every token it signed has expired
// (RetireAfter past the new key's first use), then drops out of the set.
type KeyRing struct {
	store       SigningKeys
	now         func() time.Time
	prepublish  time.Duration
	retireAfter time.Duration

	// Lock, when set, serialises the creation of a first key between
	// replicas: two gateways starting together on an empty database would
	// otherwise each create one and sign with keys the other does not
	// know until its next reload.
	Lock func(ctx context.Context, name string) (unlock func(), err error)

	mu   sync.RWMutex
	keys []SigningKey
}

// NewKeyRing returns a ring that publishes new keys prepublish before they
// sign and keeps retired keys published for retireAfter.
func NewKeyRing(store SigningKeys, now func() time.Time, prepublish, retireAfter time.Duration) *KeyRing {
	if now == nil {
		now = time.Now
	}
	return &KeyRing{store: store, now: now, prepublish: prepublish, retireAfter: retireAfter}
}

// Load reads the ring from storage and creates the first key if there is
// none that can sign. Replicas call it at start and then periodically, so a
// rotation done by one replica reaches the others.
func (r *KeyRing) Load(ctx context.Context) error {
	keys, err := r.store.All(ctx)
	if err != nil {
		return fmt.Errorf("load signing keys: %w", err)
	}
	r.set(keys)
	if _, ok := r.signing(r.now()); ok {
		return nil
	}
	return r.addFirst(ctx)
}

// addFirst creates a key that signs at once, under Lock when there is one,
// after reading the store again inside it: a replica that took the lock
// first may have created the key this one would.
func (r *KeyRing) addFirst(ctx context.Context) error {
	if r.Lock != nil {
		unlock, err := r.Lock(ctx, "signing-keys/first")
		if err != nil {
			return fmt.Errorf("lock signing keys: %w", err)
		}
		defer unlock()
		keys, err := r.store.All(ctx)
		if err != nil {
			return fmt.Errorf("load signing keys: %w", err)
		}
		r.set(keys)
		if _, ok := r.signing(r.now()); ok {
			return nil
		}
	}
	_, err := r.add(ctx, r.now())
	return err
}

// Rotate adds a key that starts signing after the pre-publication delay and
// schedules every older key's retirement. It returns the new key's id.
func (r *KeyRing) Rotate(ctx context.Context) (string, error) {
	now := r.now()
	k, err := r.add(ctx, now.Add(r.prepublish))
	if err != nil {
		return "", err
	}
	retireAt := k.SignFrom.Add(r.retireAfter)
	for _, old := range r.snapshot() {
		if old.KID != k.KID && old.RetireAt == nil {
			if err := r.store.SetRetireAt(ctx, old.KID, retireAt); err != nil {
				return "", fmt.Errorf("retire key %s: %w", old.KID, err)
			}
		}
	}
	return k.KID, r.Load(ctx)
}

func (r *KeyRing) add(ctx context.Context, signFrom time.Time) (SigningKey, error) {
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		return SigningKey{}, fmt.Errorf("generate signing key: %w", err)
	}
	k := SigningKey{KID: newID(), PrivateKey: priv, CreatedAt: r.now().UTC(), SignFrom: signFrom.UTC()}
	if err := r.store.Create(ctx, k); err != nil {
		return SigningKey{}, fmt.Errorf("store signing key: %w", err)
	}
	keys, err := r.store.All(ctx)
	if err != nil {
		return SigningKey{}, fmt.Errorf("reload signing keys: %w", err)
	}
	r.set(keys)
	return k, nil
}

// Published returns the public keys verifiers must know now: every key
// not yet retired, including one waiting to sign.
func (r *KeyRing) Published() []auth.JWK {
	now := r.now()
	var out []auth.JWK
	for _, k := range r.snapshot() {
		if k.RetireAt == nil || now.Before(*k.RetireAt) {
			out = append(out, auth.PublicJWK(k.KID, k.PrivateKey.Public().(ed25519.PublicKey)))
		}
	}
	return out
}

// signing returns the newest key allowed to sign at now.
func (r *KeyRing) signing(now time.Time) (SigningKey, bool) {
	keys := r.snapshot()
	for i := len(keys) - 1; i >= 0; i-- {
		k := keys[i]
		if !now.Before(k.SignFrom) && (k.RetireAt == nil || now.Before(*k.RetireAt)) {
			return k, true
		}
	}
	return SigningKey{}, false
}

// Signer returns a signer for the key that signs now.
func (r *KeyRing) Signer() (*auth.Signer, error) {
	k, ok := r.signing(r.now())
	if !ok {
		return nil, errors.New("no signing key is active")
	}
	return auth.NewSigner(k.KID, k.PrivateKey)
}

func (r *KeyRing) set(keys []SigningKey) {
	sort.Slice(keys, func(i, j int) bool { return keys[i].SignFrom.Before(keys[j].SignFrom) })
	r.mu.Lock()
	r.keys = keys
	r.mu.Unlock()
}

func (r *KeyRing) snapshot() []SigningKey {
	r.mu.RLock()
	defer r.mu.RUnlock()
	return r.keys
}

// Key returns a published public key by id, so the gateway verifies its
// own tokens without fetching its own JWK Set.
func (r *KeyRing) Key(_ context.Context, kid string) (ed25519.PublicKey, error) {
	now := r.now()
	for _, k := range r.snapshot() {
		if k.KID == kid && (k.RetireAt == nil || now.Before(*k.RetireAt)) {
			return k.PrivateKey.Public().(ed25519.PublicKey), nil
		}
	}
	return nil, auth.ErrUnknownKey
}
