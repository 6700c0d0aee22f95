package sealed

import (
	"errors"
	"fmt"
	"strings"
)

// Keyring holds several keys by id, one of them current. New values are
// sealed with the current key; values sealed under an older key still open
// as long as its id stays in the ring, so keys can be rotated without
// re-encrypting everything at once: a record moves to the current key the
// next time it is written.
type Keyring struct {
	boxes   map[string]*Box
	current string
}

// ParseKeyring reads spec, a comma-separated list of "kid:base64key" pairs,
// and makes current the key new values are sealed with. Key ids must be
// unique and must not contain ':' or ','. Errors name key ids and positions,
// never key material.
func ParseKeyring(spec, current string) (*Keyring, error) {
	r := &Keyring{boxes: map[string]*Box{}, current: current}
	for i, pair := range strings.Split(spec, ",") {
		pair = strings.TrimSpace(pair)
		if pair == "" {
			continue
		}
		kid, key, ok := strings.Cut(pair, ":")
		kid = strings.TrimSpace(kid)
		if !ok || kid == "" {
			return nil, fmt.Errorf("sealed: keyring entry %d is not kid:base64key", i+1)
		}
		if _, dup := r.boxes[kid]; dup {
			return nil, fmt.Errorf("sealed: keyring names key id %q twice", kid)
		}
		box, err := NewBox(strings.TrimSpace(key))
		if err != nil {
			// NewBox's error never repeats the key it was given.
			return nil, fmt.Errorf("sealed: key %q: %w", kid, err)
		}
		r.boxes[kid] = box
	}
	if len(r.boxes) == 0 {
		return nil, errors.New("sealed: the keyring is empty")
	}
	if _, ok := r.boxes[current]; !ok {
		return nil, fmt.Errorf("sealed: the current key id %q is not in the keyring", current)
	}
	return r, nil
}

// Current returns the id of the key new values are sealed with.
func (r *Keyring) Current() string { return r.current }

// Seal encrypts plain with the current key, bound to context as Box.Seal
// does, and returns the key id to store beside the value.
func (r *Keyring) Seal(plain, context []byte) (keyID string, sealed []byte) {
	return r.current, r.boxes[r.current].Seal(plain, context)
}

// Open decrypts a value sealed under keyID with the same context. A key id
// the ring no longer holds is an error.
func (r *Keyring) Open(keyID string, sealed, context []byte) ([]byte, error) {
	box, ok := r.boxes[keyID]
	if !ok {
		return nil, fmt.Errorf("sealed: no key %q in the keyring", keyID)
	}
	return box.Open(sealed, context)
}
