package mongo

import (
	"context"
	"crypto/ed25519"
	"fmt"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"

	"github.com/onward-jobs/onward/pkg/errs"
	"github.com/onward-jobs/onward/pkg/mongox"
	"github.com/onward-jobs/onward/services/candidates/internal/domain"
)

// orgKeyDoc is an organisation's signing key as stored: the private half
// sealed with the store's key box, bound to the key id; the public half
// plain, since anyone may verify.
type orgKeyDoc struct {
	ID            string    `bson:"_id"`
	OrgID         string    `bson:"org_id"`
	Public        []byte    `bson:"public"`
	PrivateSealed []byte    `bson:"private_sealed,omitempty"`
	CreatedAt     time.Time `bson:"created_at"`
}

func (s *Store) toOrgKeyDoc(k domain.OrgKey) orgKeyDoc {
	d := orgKeyDoc{ID: k.ID, OrgID: k.OrgID, Public: k.Public, CreatedAt: k.CreatedAt}
	if len(k.Private) > 0 {
		d.PrivateSealed = s.opts.Keys.Seal(k.Private, []byte(k.ID))
	}
	return d
}

func (s *Store) toDomainOrgKey(d orgKeyDoc) (domain.OrgKey, error) {
	k := domain.OrgKey{ID: d.ID, OrgID: d.OrgID, Public: ed25519.PublicKey(d.Public), CreatedAt: d.CreatedAt.UTC()}
	if len(d.PrivateSealed) > 0 {
		plain, err := s.opts.Keys.Open(d.PrivateSealed, []byte(d.ID))
		if err != nil {
			return domain.OrgKey{}, fmt.Errorf("open private key %s: %w", d.ID, err)
		}
		k.Private = ed25519.PrivateKey(plain)
	}
	return k, nil
}

// InsertOrgKey stores a new key. The unique index on org_id makes a second
// key for the same organisation an errs.Conflict, so two first attestations
// racing each other end up signing with one key.
func (s *Store) InsertOrgKey(ctx context.Context, k domain.OrgKey) error {
	if _, err := s.orgKeys.InsertOne(ctx, s.toOrgKeyDoc(k)); err != nil {
		if mongox.IsDuplicateKey(err) {
			return fmt.Errorf("organisation %s has a key: %w", k.OrgID, errs.Conflict)
		}
		return fmt.Errorf("insert key %s: %w", k.ID, err)
	}
	return nil
}

// OrgKey returns the organisation's signing key, private half included.
func (s *Store) OrgKey(ctx context.Context, orgID string) (domain.OrgKey, error) {
	return s.findOrgKey(ctx, bson.D{{Key: "org_id", Value: orgID}}, "key of organisation %s", orgID)
}

// KeyByID returns a key by id, private half included.
func (s *Store) KeyByID(ctx context.Context, keyID string) (domain.OrgKey, error) {
	return s.findOrgKey(ctx, bson.D{{Key: "_id", Value: keyID}}, "key %s", keyID)
}

func (s *Store) findOrgKey(ctx context.Context, filter bson.D, format, arg string) (domain.OrgKey, error) {
	var d orgKeyDoc
	if err := s.orgKeys.FindOne(ctx, filter).Decode(&d); err != nil {
		return domain.OrgKey{}, mongox.NotFoundAs(err, format, arg)
	}
	return s.toDomainOrgKey(d)
}
