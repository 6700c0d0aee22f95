package mongo

import (
	"context"
	"fmt"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"github.com/onward-jobs/onward/pkg/auth"
	"github.com/onward-jobs/onward/pkg/mongox"
)

// Revocations is the durable copy of the platform's revocation list
// (auth.RevocationStore): Redis carries the list to every service, this
// collection lets the gateway write it back when Redis restarts empty.
// Documents hold identifiers and an expiry only; a TTL index on the expiry
// removes them once every token they refuse has expired. FerretDB v1 has
// no TTL indexes, so there each save deletes the expired ones instead.
type Revocations struct {
	coll *mongo.Collection
	// pruneOnSave is set on a server without TTL indexes.
	pruneOnSave bool
}

type revocationDoc struct {
	Key       string    `bson:"_id"`
	Kind      string    `bson:"kind"`
	SubjectID string    `bson:"subject_id"`
	ExpiresAt time.Time `bson:"expires_at"`
}

func revocationKey(kind auth.RevocationKind, id string) string { return string(kind) + ":" + id }

func toDomainRevocation(d revocationDoc) auth.Revocation {
	return auth.Revocation{Kind: auth.RevocationKind(d.Kind), ID: d.SubjectID, ExpiresAt: d.ExpiresAt.UTC()}
}

// ensureIndexes creates the TTL index on the expiry, or on FerretDB a
// plain one, and then prunes on every save.
func (r *Revocations) ensureIndexes(ctx context.Context) error {
	server, err := mongox.DetectServer(ctx, r.coll.Database())
	if err != nil {
		return err
	}
	index := mongo.IndexModel{Keys: bson.D{{Key: "expires_at", Value: 1}}, Options: options.Index().SetExpireAfterSeconds(0).SetName("expires_ttl")}
	if server.FerretDB {
		index.Options = options.Index().SetName("expires")
		r.pruneOnSave = true
	}
	return mongox.EnsureIndexes(ctx, r.coll, index)
}

// SaveRevocations records revocations, replacing the expiry of any
// already recorded.
func (r *Revocations) SaveRevocations(ctx context.Context, revocations []auth.Revocation) error {
	for _, rev := range revocations {
		key := revocationKey(rev.Kind, rev.ID)
		update := bson.D{{Key: "$set", Value: bson.D{
			{Key: "kind", Value: string(rev.Kind)}, {Key: "subject_id", Value: rev.ID}, {Key: "expires_at", Value: rev.ExpiresAt},
		}}}
		if _, err := r.coll.UpdateOne(ctx, bson.D{{Key: "_id", Value: key}}, update, options.UpdateOne().SetUpsert(true)); err != nil {
			return fmt.Errorf("record revocation: %w", err)
		}
	}
	if r.pruneOnSave {
		if _, err := r.coll.DeleteMany(ctx, bson.D{{Key: "expires_at", Value: bson.D{{Key: "$lte", Value: time.Now()}}}}); err != nil {
			return fmt.Errorf("prune expired revocations: %w", err)
		}
	}
	return nil
}

// DeleteRevocation forgets one revocation, if it is recorded.
func (r *Revocations) DeleteRevocation(ctx context.Context, kind auth.RevocationKind, id string) error {
	if _, err := r.coll.DeleteOne(ctx, bson.D{{Key: "_id", Value: revocationKey(kind, id)}}); err != nil {
		return fmt.Errorf("delete revocation: %w", err)
	}
	return nil
}

// ActiveRevocations returns every revocation expiring after now. The TTL
// index removes expired ones only every minute or so, hence the filter.
func (r *Revocations) ActiveRevocations(ctx context.Context, now time.Time) ([]auth.Revocation, error) {
	var out []auth.Revocation
	err := mongox.Each(ctx, r.coll, bson.D{{Key: "expires_at", Value: bson.D{{Key: "$gt", Value: now}}}}, options.Find(), 1000,
		func(d revocationDoc) error {
			out = append(out, toDomainRevocation(d))
			return nil
		})
	return out, err
}
