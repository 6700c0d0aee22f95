package mongo

import (
	"context"
	"crypto/ed25519"
	"fmt"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"

	"github.com/onward-jobs/onward/pkg/sealed"
	"github.com/onward-jobs/onward/services/gateway/internal/service"
)

// SigningKeys stores the gateway's key ring with private keys sealed by
// the key-encryption key from configuration.
type SigningKeys struct {
	coll *mongo.Collection
	box  *sealed.Box
}

type signingKeyDoc struct {
	KID       string     `bson:"_id"`
	SealedKey []byte     `bson:"sealed_private_key"`
	CreatedAt time.Time  `bson:"created_at"`
	SignFrom  time.Time  `bson:"sign_from"`
	RetireAt  *time.Time `bson:"retire_at"`
}

func (r *SigningKeys) toDoc(k service.SigningKey) signingKeyDoc {
	return signingKeyDoc{KID: k.KID, SealedKey: r.box.Seal(k.PrivateKey.Seed(), []byte(k.KID)), CreatedAt: k.CreatedAt, SignFrom: k.SignFrom, RetireAt: k.RetireAt}
}

func (r *SigningKeys) toSigningKey(d signingKeyDoc) (service.SigningKey, error) {
	seed, err := r.box.Open(d.SealedKey, []byte(d.KID))
	if err != nil || len(seed) != ed25519.SeedSize {
		return service.SigningKey{}, fmt.Errorf("signing key %s cannot be opened; is ONWARD_KEY_ENCRYPTION_KEY the one it was sealed with? %v", d.KID, err)
	}
	return service.SigningKey{KID: d.KID, PrivateKey: ed25519.NewKeyFromSeed(seed), CreatedAt: d.CreatedAt.UTC(), SignFrom: d.SignFrom.UTC(), RetireAt: utcPtr(d.RetireAt)}, nil
}

// Create stores a new key.
func (r *SigningKeys) Create(ctx context.Context, k service.SigningKey) error {
	if _, err := r.coll.InsertOne(ctx, r.toDoc(k)); err != nil {
		return fmt.Errorf("insert signing key: %w", err)
	}
	return nil
}

// All returns every key, retired or not.
func (r *SigningKeys) All(ctx context.Context) ([]service.SigningKey, error) {
	cur, err := r.coll.Find(ctx, bson.D{})
	if err != nil {
		return nil, fmt.Errorf("find signing keys: %w", err)
	}
	var docs []signingKeyDoc
	if err := cur.All(ctx, &docs); err != nil {
		return nil, fmt.Errorf("read signing keys: %w", err)
	}
	keys := make([]service.SigningKey, 0, len(docs))
	for _, d := range docs {
		k, err := r.toSigningKey(d)
		if err != nil {
			return nil, err
		}
		keys = append(keys, k)
	}
	return keys, nil
}

// SetRetireAt schedules a key's removal from the published set.
func (r *SigningKeys) SetRetireAt(ctx context.Context, kid string, at time.Time) error {
	_, err := r.coll.UpdateOne(ctx, bson.D{{Key: "_id", Value: kid}}, bson.D{{Key: "$set", Value: bson.D{{Key: "retire_at", Value: at}}}})
	if err != nil {
		return fmt.Errorf("retire signing key: %w", err)
	}
	return nil
}
