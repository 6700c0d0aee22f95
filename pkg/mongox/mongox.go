// Package mongox holds the MongoDB helpers every service shares: connecting
// with timeouts and majority write and read concerns (concern.go), ensuring
// indexes at start, the outbox's partial index (pending.go) and opaque
// cursor pagination. It
// uses only features that both MongoDB and FerretDB v1 support (no
// multi-document transactions, no change streams, no 2dsphere indexes).
package mongox

import (
	"context"
	"errors"
	"fmt"
	"time"

	"go.mongodb.org/mongo-driver/v2/mongo"

	"github.com/onward-jobs/onward/pkg/errs"
)

// Connect opens a client with bounded connect, server-selection and
// operation timeouts and pings the server once, so a service that cannot
// reach its database fails at start rather than on the first request. The
// client writes and reads with the concerns of clientOptions.
func Connect(ctx context.Context, uri string) (*mongo.Client, error) {
	client, err := mongo.Connect(clientOptions(uri))
	if err != nil {
		return nil, fmt.Errorf("mongo connect: %w", err)
	}
	pingCtx, cancel := context.WithTimeout(ctx, 15*time.Second)
	defer cancel()
	if err := client.Ping(pingCtx, nil); err != nil {
		_ = client.Disconnect(context.Background())
		return nil, fmt.Errorf("mongo ping: %w", err)
	}
	return client, nil
}

// Probe returns a readiness probe for the client.
func Probe(client *mongo.Client) func(context.Context) error {
	return func(ctx context.Context) error { return client.Ping(ctx, nil) }
}

// EnsureIndexes creates the indexes a collection needs. Creating an index
// that already exists with the same definition is a no-op, so every replica
// can call this at start. Indexes are created one per command: FerretDB v1
// drops the connection when one createIndexes command names several indexes
// of which some already exist, which is every restart after the first.
//
// It runs at start, often as the first command on a new database, when a
// server that is itself starting or busy may answer with a transient error
// (Transient); each index is then tried again after indexRetryDelays, and a
// service does not fail to start over a moment's contention. Any other
// error, such as an index whose options conflict with an existing one, is
// returned at once, except that a partial index (PendingIndex) on a server
// that cannot build one (FerretDB v1) is left out and the others are still
// created.
func EnsureIndexes(ctx context.Context, coll *mongo.Collection, models ...mongo.IndexModel) error {
	return ensureIndexes(ctx, coll, indexRetryDelays, models...)
}

// indexRetryDelays are the waits before each new attempt to create one
// index after a transient error: about four seconds in all.
var indexRetryDelays = []time.Duration{100 * time.Millisecond, 250 * time.Millisecond, 500 * time.Millisecond, 1 * time.Second, 2 * time.Second}

func ensureIndexes(ctx context.Context, coll *mongo.Collection, delays []time.Duration, models ...mongo.IndexModel) error {
	for _, m := range models {
		err := retryTransient(ctx, delays, func() error {
			_, err := coll.Indexes().CreateOne(ctx, m)
			return err
		})
		if err != nil && !partialUnsupported(m, err) {
			return fmt.Errorf("ensure indexes on %s: %w", coll.Name(), err)
		}
	}
	return nil
}

// IsDuplicateKey reports whether err is a unique-index violation.
func IsDuplicateKey(err error) bool { return mongo.IsDuplicateKeyError(err) }

// NotFoundAs turns mongo.ErrNoDocuments into errs.NotFound with context and
// leaves every other error wrapped as is.
func NotFoundAs(err error, format string, args ...any) error {
	if errors.Is(err, mongo.ErrNoDocuments) {
		return fmt.Errorf(format+": %w", append(args, errs.NotFound)...)
	}
	return fmt.Errorf(format+": %w", append(args, err)...)
}
