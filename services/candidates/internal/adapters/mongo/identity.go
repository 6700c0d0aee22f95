package mongo

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"sort"
	"strings"

	"github.com/onward-jobs/onward/pkg/textkey"
	"github.com/onward-jobs/onward/services/candidates/internal/domain"
)

// identityDoc holds a candidate's identity fields, each sealed on its own
// under the key named by the candidate document's identity_key_id. An
// empty field stays absent rather than becoming the ciphertext of "".
type identityDoc struct {
	GivenName     []byte `bson:"given_name,omitempty"`
	FamilyName    []byte `bson:"family_name,omitempty"`
	PreferredName []byte `bson:"preferred_name,omitempty"`
	DateOfBirth   []byte `bson:"date_of_birth,omitempty"`
	Phone         []byte `bson:"phone,omitempty"`
	Email         []byte `bson:"email,omitempty"`
}

// identityField pairs one plain field with its sealed form and the name
// that binds the ciphertext to the field.
type identityField struct {
	name   string
	plain  *string
	sealed *[]byte
}

func identityFields(i *domain.Identity, d *identityDoc) []identityField {
	return []identityField{
		{"given_name", &i.GivenName, &d.GivenName},
		{"family_name", &i.FamilyName, &d.FamilyName},
		{"preferred_name", &i.PreferredName, &d.PreferredName},
		{"date_of_birth", &i.DateOfBirth, &d.DateOfBirth},
		{"phone", &i.Phone, &d.Phone},
		{"email", &i.Email, &d.Email},
	}
}

// sealContext binds a sealed value to one field of one candidate, so it
// cannot be copied into another record or another field and still open.
func sealContext(candidateID, field string) []byte {
	return []byte("candidate\x00" + candidateID + "\x00" + field)
}

// sealIdentity seals every non-empty identity field with the current key
// and returns that key's id with the sealed fields.
func (s *Store) sealIdentity(candidateID string, i domain.Identity) (string, identityDoc) {
	var d identityDoc
	for _, f := range identityFields(&i, &d) {
		if *f.plain != "" {
			_, *f.sealed = s.opts.Identity.Seal([]byte(*f.plain), sealContext(candidateID, f.name))
		}
	}
	return s.opts.Identity.Current(), d
}

// openIdentity reverses sealIdentity. The error names the field, never its
// value.
func (s *Store) openIdentity(candidateID, keyID string, d identityDoc) (domain.Identity, error) {
	var i domain.Identity
	for _, f := range identityFields(&i, &d) {
		if len(*f.sealed) == 0 {
			continue
		}
		plain, err := s.opts.Identity.Open(keyID, *f.sealed, sealContext(candidateID, f.name))
		if err != nil {
			return domain.Identity{}, fmt.Errorf("open %s of candidate %s: %w", f.name, candidateID, err)
		}
		*f.plain = string(plain)
	}
	return i, nil
}

// Prefix lengths of the blind index: a query word shorter than
// minPrefix matches nothing by name; a longer one than maxPrefix is cut.
const (
	minPrefix = 2
	maxPrefix = 12
)

// nameIndex returns the blind index of a candidate's names: a keyed hash of
// every prefix (minPrefix to maxPrefix letters) of every word of the given,
// family and preferred names, normalised with textkey. Sorted and without
// repeats, so the array says nothing about which word a hash came from.
func (s *Store) nameIndex(i domain.Identity) []string {
	seen := map[string]bool{}
	for _, name := range []string{i.GivenName, i.FamilyName, i.PreferredName} {
		for _, word := range strings.Fields(textkey.Of(name)) {
			runes := []rune(word)
			for n := minPrefix; n <= min(maxPrefix, len(runes)); n++ {
				seen[s.prefixHash(string(runes[:n]))] = true
			}
		}
	}
	out := make([]string, 0, len(seen))
	for h := range seen {
		out = append(out, h)
	}
	sort.Strings(out)
	return out
}

// queryHashes returns the hash each word of a query must match, one per
// word of at least minPrefix letters.
func (s *Store) queryHashes(query string) []string {
	var out []string
	for _, word := range strings.Fields(textkey.Of(query)) {
		runes := []rune(word)
		if len(runes) < minPrefix {
			continue
		}
		out = append(out, s.prefixHash(string(runes[:min(maxPrefix, len(runes))])))
	}
	return out
}

// prefixHash is HMAC-SHA256 of the prefix under the index key, cut to 16
// bytes: enough to make accidental matches negligible.
func (s *Store) prefixHash(prefix string) string {
	m := hmac.New(sha256.New, s.opts.IndexKey)
	m.Write([]byte("name:" + prefix))
	return base64.RawURLEncoding.EncodeToString(m.Sum(nil)[:16])
}
