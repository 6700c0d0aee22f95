package mongo

import (
	"context"
	"fmt"
	"slices"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"github.com/onward-jobs/onward/pkg/mongox"
	"github.com/onward-jobs/onward/services/gateway/internal/domain"
)

// RefreshTokens stores refresh tokens under the hash of the token.
type RefreshTokens struct {
	coll  *mongo.Collection
	locks Locker
}

type refreshTokenDoc struct {
	Hash      string    `bson:"_id"`
	FamilyID  string    `bson:"family_id"`
	UserID    string    `bson:"user_id"`
	CreatedAt time.Time `bson:"created_at"`
	ExpiresAt time.Time `bson:"expires_at"`
	// SessionStartedAt is absent from tokens stored before sessions had an
	// absolute lifetime; their own created_at stands in for it.
	SessionStartedAt *time.Time `bson:"session_started_at,omitempty"`
	UsedAt           *time.Time `bson:"used_at"`
	RevokedAt        *time.Time `bson:"revoked_at"`
}

func toRefreshTokenDoc(t domain.RefreshToken) refreshTokenDoc {
	var started *time.Time
	if !t.SessionStartedAt.IsZero() {
		started = &t.SessionStartedAt
	}
	return refreshTokenDoc{Hash: t.Hash, FamilyID: t.FamilyID, UserID: t.UserID, CreatedAt: t.CreatedAt, ExpiresAt: t.ExpiresAt, SessionStartedAt: started, UsedAt: t.UsedAt, RevokedAt: t.RevokedAt}
}

func toDomainRefreshToken(d refreshTokenDoc) domain.RefreshToken {
	started := d.CreatedAt
	if d.SessionStartedAt != nil {
		started = *d.SessionStartedAt
	}
	return domain.RefreshToken{
		Hash: d.Hash, FamilyID: d.FamilyID, UserID: d.UserID, CreatedAt: d.CreatedAt.UTC(), ExpiresAt: d.ExpiresAt.UTC(),
		SessionStartedAt: started.UTC(), UsedAt: utcPtr(d.UsedAt), RevokedAt: utcPtr(d.RevokedAt),
	}
}

// Create inserts a refresh token.
func (r *RefreshTokens) Create(ctx context.Context, t domain.RefreshToken) error {
	if _, err := r.coll.InsertOne(ctx, toRefreshTokenDoc(t)); err != nil {
		return fmt.Errorf("insert refresh token: %w", err)
	}
	return nil
}

// ByHash loads a refresh token.
func (r *RefreshTokens) ByHash(ctx context.Context, hash string) (domain.RefreshToken, error) {
	var d refreshTokenDoc
	if err := r.coll.FindOne(ctx, bson.D{{Key: "_id", Value: hash}}).Decode(&d); err != nil {
		return domain.RefreshToken{}, mongox.NotFoundAs(err, "refresh token")
	}
	return toDomainRefreshToken(d), nil
}

// MarkUsed sets used_at only if the token is still unused and unrevoked;
// it reports whether this call was the one that did so.
func (r *RefreshTokens) MarkUsed(ctx context.Context, hash string, now time.Time) (bool, error) {
	unlock, err := r.locks.Lock(ctx, "refresh:"+hash)
	if err != nil {
		return false, err
	}
	defer unlock()
	filter := bson.D{{Key: "_id", Value: hash}, {Key: "used_at", Value: nil}, {Key: "revoked_at", Value: nil}}
	res, err := r.coll.UpdateOne(ctx, filter, bson.D{{Key: "$set", Value: bson.D{{Key: "used_at", Value: now}}}})
	if err != nil {
		return false, fmt.Errorf("mark refresh token used: %w", err)
	}
	return res.ModifiedCount == 1, nil
}

// RevokeFamily revokes every token of a family that is not revoked yet.
func (r *RefreshTokens) RevokeFamily(ctx context.Context, familyID string, now time.Time) error {
	filter := bson.D{{Key: "family_id", Value: familyID}, {Key: "revoked_at", Value: nil}}
	if _, err := r.coll.UpdateMany(ctx, filter, bson.D{{Key: "$set", Value: bson.D{{Key: "revoked_at", Value: now}}}}); err != nil {
		return fmt.Errorf("revoke refresh family: %w", err)
	}
	return nil
}

// RevokeUser revokes every token of one account that is not revoked yet,
// in every family, when the account is deactivated, removed or given
// another role. It returns the families it found so, the sessions whose
// access tokens must be refused too.
func (r *RefreshTokens) RevokeUser(ctx context.Context, userID string, now time.Time) ([]string, error) {
	filter := bson.D{{Key: "user_id", Value: userID}, {Key: "revoked_at", Value: nil}}
	cur, err := r.coll.Find(ctx, filter, options.Find().SetProjection(bson.D{{Key: "family_id", Value: 1}}))
	if err != nil {
		return nil, fmt.Errorf("find refresh tokens of user: %w", err)
	}
	var docs []struct {
		FamilyID string `bson:"family_id"`
	}
	if err := cur.All(ctx, &docs); err != nil {
		return nil, fmt.Errorf("read refresh tokens of user: %w", err)
	}
	if _, err := r.coll.UpdateMany(ctx, filter, bson.D{{Key: "$set", Value: bson.D{{Key: "revoked_at", Value: now}}}}); err != nil {
		return nil, fmt.Errorf("revoke refresh tokens of user: %w", err)
	}
	families := make([]string, 0, len(docs))
	for _, d := range docs {
		if !slices.Contains(families, d.FamilyID) {
			families = append(families, d.FamilyID)
		}
	}
	return families, nil
}
