package mongo

import (
	"context"
	"errors"
	"fmt"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"github.com/onward-jobs/onward/pkg/errs"
	"github.com/onward-jobs/onward/pkg/mongox"
	"github.com/onward-jobs/onward/services/gateway/internal/domain"
)

// PasswordResets stores password resets under the SHA-256 of their token,
// so confirming one is a look-up by _id. Documents are removed a day
// after they expire: by a TTL index on MongoDB, and on FerretDB, which has
// none, at every new reset.
type PasswordResets struct {
	coll        *mongo.Collection
	locks       Locker
	pruneOnSave bool
}

// resetRetention is how long a reset is kept after it expires.
const resetRetention = 24 * time.Hour

type passwordResetDoc struct {
	TokenHash string     `bson:"_id"`
	ID        string     `bson:"reset_id"`
	UserID    string     `bson:"user_id"`
	CreatedAt time.Time  `bson:"created_at"`
	ExpiresAt time.Time  `bson:"expires_at"`
	UsedAt    *time.Time `bson:"used_at"`
}

func toPasswordResetDoc(r domain.PasswordReset) passwordResetDoc {
	return passwordResetDoc{TokenHash: r.TokenHash, ID: r.ID, UserID: r.UserID, CreatedAt: r.CreatedAt, ExpiresAt: r.ExpiresAt, UsedAt: r.UsedAt}
}

func toDomainPasswordReset(d passwordResetDoc) domain.PasswordReset {
	return domain.PasswordReset{ID: d.ID, TokenHash: d.TokenHash, UserID: d.UserID, CreatedAt: d.CreatedAt.UTC(), ExpiresAt: d.ExpiresAt.UTC(), UsedAt: utcPtr(d.UsedAt)}
}

// Create stores a reset.
func (r *PasswordResets) Create(ctx context.Context, reset domain.PasswordReset) error {
	if _, err := r.coll.InsertOne(ctx, toPasswordResetDoc(reset)); err != nil {
		return fmt.Errorf("insert password reset: %w", err)
	}
	if r.pruneOnSave {
		old := bson.D{{Key: "expires_at", Value: bson.D{{Key: "$lte", Value: reset.CreatedAt.Add(-resetRetention)}}}}
		if _, err := r.coll.DeleteMany(ctx, old); err != nil {
			return fmt.Errorf("prune old password resets: %w", err)
		}
	}
	return nil
}

// ByTokenHash loads a reset, used or not; an unknown hash is errs.NotFound.
func (r *PasswordResets) ByTokenHash(ctx context.Context, hash string) (domain.PasswordReset, error) {
	var d passwordResetDoc
	if err := r.coll.FindOne(ctx, bson.D{{Key: "_id", Value: hash}}).Decode(&d); err != nil {
		return domain.PasswordReset{}, mongox.NotFoundAs(err, "password reset")
	}
	return toDomainPasswordReset(d), nil
}

// Claim marks an unused, unexpired reset used in one conditional update,
// under a lock (see Locker: FerretDB could otherwise let two concurrent
// updates match), so a token works once. Anything else is errs.NotFound.
func (r *PasswordResets) Claim(ctx context.Context, hash string, now time.Time) (domain.PasswordReset, error) {
	unlock, err := r.locks.Lock(ctx, "password-reset:"+hash)
	if err != nil {
		return domain.PasswordReset{}, err
	}
	defer unlock()
	filter := bson.D{{Key: "_id", Value: hash}, {Key: "used_at", Value: nil}, {Key: "expires_at", Value: bson.D{{Key: "$gt", Value: now}}}}
	update := bson.D{{Key: "$set", Value: bson.D{{Key: "used_at", Value: now}}}}
	var d passwordResetDoc
	err = r.coll.FindOneAndUpdate(ctx, filter, update, options.FindOneAndUpdate().SetReturnDocument(options.After)).Decode(&d)
	if errors.Is(err, mongo.ErrNoDocuments) {
		return domain.PasswordReset{}, fmt.Errorf("password reset used or expired: %w", errs.NotFound)
	} else if err != nil {
		return domain.PasswordReset{}, fmt.Errorf("claim password reset: %w", err)
	}
	return toDomainPasswordReset(d), nil
}

// UseAllOf marks every unused reset of one account used, so that links
// sent before a successful reset stop working with it.
func (r *PasswordResets) UseAllOf(ctx context.Context, userID string, now time.Time) error {
	filter := bson.D{{Key: "user_id", Value: userID}, {Key: "used_at", Value: nil}}
	if _, err := r.coll.UpdateMany(ctx, filter, bson.D{{Key: "$set", Value: bson.D{{Key: "used_at", Value: now}}}}); err != nil {
		return fmt.Errorf("use password resets of user: %w", err)
	}
	return nil
}

func (r *PasswordResets) ensureIndexes(ctx context.Context) error {
	server, err := mongox.DetectServer(ctx, r.coll.Database())
	if err != nil {
		return err
	}
	expiry := mongo.IndexModel{Keys: bson.D{{Key: "expires_at", Value: 1}}, Options: options.Index().SetName("expiry_ttl").SetExpireAfterSeconds(int32(resetRetention.Seconds()))}
	if server.FerretDB {
		expiry.Options = options.Index().SetName("expiry")
		r.pruneOnSave = true
	}
	return mongox.EnsureIndexes(ctx, r.coll,
		mongo.IndexModel{Keys: bson.D{{Key: "user_id", Value: 1}}, Options: options.Index().SetName("user")}, expiry)
}
