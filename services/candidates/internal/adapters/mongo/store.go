package mongo

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"github.com/onward-jobs/onward/pkg/events"
	"github.com/onward-jobs/onward/pkg/mongox"
	"github.com/onward-jobs/onward/pkg/sealed"
	"github.com/onward-jobs/onward/services/candidates/internal/service"
)

// Locker serialises writes to one document; see package redislock for why
// FerretDB needs it.
type Locker interface {
	Lock(ctx context.Context, key string) (unlock func(), err error)
}

// Options are the store's collaborators and secrets.
type Options struct {
	// Locks guards every change to an existing candidate.
	Locks Locker
	// Identity seals candidates' identity fields; its current key seals
	// every write, older keys still open what they sealed.
	Identity *sealed.Keyring
	// Keys seals organisations' attestation private keys.
	Keys *sealed.Box
	// IndexKey is the HMAC-SHA256 key of the blind name index, at least
	// 16 bytes. Changing it makes every stored index unsearchable until
	// each candidate is written again, so it is not rotated with Identity.
	IndexKey []byte
}

// Store keeps candidates, programmes, audit entries, organisation keys and
// tombstones in one database.
type Store struct {
	candidates *mongo.Collection
	programmes *mongo.Collection
	audit      *mongo.Collection
	orgKeys    *mongo.Collection
	tombstones *mongo.Collection
	// disclosures holds disclosure grants: ids and field names, never a
	// value of the candidate's identity.
	disclosures *mongo.Collection
	opts        Options
	dbName      string
	// server tells how a versioned write must be filtered.
	server mongox.Server
}

// NewStore returns a store on db and ensures its indexes.
func NewStore(ctx context.Context, db *mongo.Database, opts Options) (*Store, error) {
	if opts.Locks == nil || opts.Identity == nil || opts.Keys == nil || len(opts.IndexKey) < 16 {
		return nil, errors.New("candidates store: locks, identity keyring, key box and an index key of at least 16 bytes are required")
	}
	s := &Store{
		candidates: db.Collection("candidates"), programmes: db.Collection("programmes"), audit: db.Collection("audit"),
		orgKeys: db.Collection("org_keys"), tombstones: db.Collection("tombstones"), disclosures: db.Collection("disclosures"),
		opts: opts, dbName: db.Name(),
	}
	server, err := mongox.DetectServer(ctx, db)
	if err != nil {
		return nil, err
	}
	s.server = server
	idx := func(keys ...string) mongo.IndexModel {
		d := bson.D{}
		for _, k := range keys {
			d = append(d, bson.E{Key: k, Value: 1})
		}
		return mongo.IndexModel{Keys: d}
	}
	unique := func(key string) mongo.IndexModel {
		return mongo.IndexModel{Keys: bson.D{{Key: key, Value: 1}}, Options: options.Index().SetUnique(true)}
	}
	// events and audit serve the relay's queries of the outboxes.
	events, audit := mongox.PendingIndex("pending_events"), mongox.PendingIndex("pending_audit")
	for _, set := range []struct {
		coll   *mongo.Collection
		models []mongo.IndexModel
	}{
		{s.candidates, []mongo.IndexModel{unique("alias"), idx("org_id", "_id"), idx("org_id", "name_index"), idx("attestation_ids"), events, audit}},
		{s.audit, []mongo.IndexModel{idx("candidate_id", "_id")}},
		{s.programmes, []mongo.IndexModel{idx("org_id", "_id"), audit}},
		{s.orgKeys, []mongo.IndexModel{unique("org_id")}},
		{s.tombstones, []mongo.IndexModel{idx("candidate_id"), events}},
		{s.disclosures, []mongo.IndexModel{unique("introduction_id"), idx("candidate_id", "_id"), events, audit}},
	} {
		if err := mongox.EnsureIndexes(ctx, set.coll, set.models...); err != nil {
			return nil, err
		}
	}
	return s, nil
}

// lock takes the write lock of one document.
func (s *Store) lock(ctx context.Context, coll *mongo.Collection, id string) (func(), error) {
	return s.opts.Locks.Lock(ctx, s.dbName+"/"+coll.Name()+"/"+id)
}

// encodeEvent renders an envelope as the JSON text stored in
// pending_events. The same envelope always encodes to the same text, which
// $pull relies on.
func encodeEvent(e events.Envelope) (string, error) {
	if err := e.Validate(); err != nil {
		return "", err
	}
	e.OccurredAt = e.OccurredAt.UTC()
	b, err := json.Marshal(e)
	return string(b), err
}

func decodeEvent(raw string) (events.Envelope, error) {
	var e events.Envelope
	if err := json.Unmarshal([]byte(raw), &e); err != nil {
		return events.Envelope{}, fmt.Errorf("pending event: %w", err)
	}
	e.OccurredAt = e.OccurredAt.UTC()
	return e, nil
}

// The store implements every storage port of the service.
var (
	_ service.CandidateStore  = (*Store)(nil)
	_ service.ProgrammeStore  = (*Store)(nil)
	_ service.AuditLog        = (*Store)(nil)
	_ service.KeyStore        = (*Store)(nil)
	_ service.Outbox          = (*Store)(nil)
	_ service.DisclosureStore = (*Store)(nil)
)
