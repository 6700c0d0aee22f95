package mongo

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"github.com/onward-jobs/onward/pkg/errs"
	"github.com/onward-jobs/onward/pkg/events"
	"github.com/onward-jobs/onward/pkg/mongox"
	"github.com/onward-jobs/onward/services/placements/internal/domain"
)

// Locker serialises writes to one document; see package redislock.
type Locker interface {
	Lock(ctx context.Context, key string) (unlock func(), err error)
}

// Store is the service's storage. It is safe for concurrent use.
type Store struct {
	introductions *mongo.Collection
	openRequests  *mongo.Collection
	openCounts    *mongo.Collection
	messages      *mongo.Collection
	placements    *mongo.Collection
	followUps     *mongo.Collection
	locks         Locker
	dbName        string
	server        mongox.Server
}

// NewStore returns a store on db and makes sure its indexes exist.
func NewStore(ctx context.Context, db *mongo.Database, locks Locker) (*Store, error) {
	server, err := mongox.DetectServer(ctx, db)
	if err != nil {
		return nil, err
	}
	s := &Store{
		introductions: db.Collection("introductions"), openRequests: db.Collection("open_requests"), openCounts: db.Collection("open_counts"),
		messages: db.Collection("messages"), placements: db.Collection("placements"), followUps: db.Collection("followups"),
		locks: locks, dbName: db.Name(), server: server,
	}
	idx := func(keys ...string) mongo.IndexModel {
		d := bson.D{}
		for _, k := range keys {
			d = append(d, bson.E{Key: k, Value: 1})
		}
		return mongo.IndexModel{Keys: d}
	}
	unique := func(m mongo.IndexModel) mongo.IndexModel { m.Options = options.Index().SetUnique(true); return m }
	// pending serves the relay's query of the outboxes.
	pending := mongox.PendingIndex("pending_events")
	for coll, models := range map[*mongo.Collection][]mongo.IndexModel{
		s.introductions: {idx("employer_org_id", "_id"), idx("candidate_org_id", "_id"), idx("role_id", "_id"),
			idx("candidate_id"), idx("status", "expires_at"), idx("status", "reminded", "reminder_at"), pending},
		s.openRequests: {idx("role_id"), idx("candidate_id")},
		s.messages:     {idx("introduction_id", "_id"), idx("candidate_id")},
		s.placements: {unique(idx("introduction_id")), idx("employer_org_id", "_id"), idx("candidate_org_id", "_id"),
			idx("candidate_id"), idx("has_pending_steps"), pending},
		s.followUps: {unique(idx("placement_id", "audience", "day")), idx("status", "notified", "due_at"),
			idx("employer_org_id", "_id"), idx("candidate_org_id", "_id"), idx("candidate_id"), idx("introduction_id"), pending},
	} {
		if err := mongox.EnsureIndexes(ctx, coll, models...); err != nil {
			return nil, err
		}
	}
	return s, nil
}

// lock takes the write lock of one document.
func (s *Store) lock(ctx context.Context, coll *mongo.Collection, id string) (func(), error) {
	return s.locks.Lock(ctx, s.dbName+"/"+coll.Name()+"/"+id)
}

// encode renders an event as it waits in a document.
func encode(e events.Envelope) (string, error) {
	if err := e.Validate(); err != nil {
		return "", err
	}
	e.OccurredAt = e.OccurredAt.UTC()
	b, err := json.Marshal(e)
	return string(b), err
}

// encodeAll renders every event.
func encodeAll(es []events.Envelope) ([]string, error) {
	out := make([]string, 0, len(es))
	for _, e := range es {
		raw, err := encode(e)
		if err != nil {
			return nil, err
		}
		out = append(out, raw)
	}
	return out, nil
}

// conditionalUpdate sets fields of document id, and appends its events, if
// it is still at version prev: under the document's lock it reads the
// version by _id, then updates with mongox.VersionedFilter.
func (s *Store) conditionalUpdate(ctx context.Context, coll *mongo.Collection, id string, prev int64, set any, es []events.Envelope) error {
	raws, err := encodeAll(es)
	if err != nil {
		return err
	}
	unlock, err := s.lock(ctx, coll, id)
	if err != nil {
		return err
	}
	defer unlock()
	var cur struct {
		Version int64 `bson:"version"`
	}
	err = coll.FindOne(ctx, bson.D{{Key: "_id", Value: id}}, options.FindOne().SetProjection(bson.D{{Key: "version", Value: 1}})).Decode(&cur)
	if err != nil {
		return mongox.NotFoundAs(err, "%s %s", coll.Name(), id)
	}
	if cur.Version != prev {
		return fmt.Errorf("%s %s changed since version %d: %w", coll.Name(), id, prev, domain.ErrStale)
	}
	fields, err := setOf(set)
	if err != nil {
		return err
	}
	update := bson.D{{Key: "$set", Value: fields}}
	if len(raws) > 0 {
		update = append(update, bson.E{Key: "$push", Value: bson.D{{Key: "pending_events", Value: bson.D{{Key: "$each", Value: raws}}}}})
	}
	res, err := coll.UpdateOne(ctx, s.server.VersionedFilter(id, prev), update)
	if err != nil {
		return fmt.Errorf("update %s %s: %w", coll.Name(), id, err)
	}
	if res.MatchedCount != 1 {
		return fmt.Errorf("%s %s changed since version %d: %w", coll.Name(), id, prev, domain.ErrStale)
	}
	return nil
}

// findAll decodes every document filter matches, oldest first.
func findAll[T any](ctx context.Context, coll *mongo.Collection, filter bson.D, limit int) ([]T, error) {
	opts := options.Find().SetSort(bson.D{{Key: "_id", Value: 1}})
	if limit > 0 {
		opts.SetLimit(int64(limit))
	}
	cur, err := coll.Find(ctx, filter, opts)
	if err != nil {
		return nil, fmt.Errorf("find in %s: %w", coll.Name(), err)
	}
	var out []T
	if err := cur.All(ctx, &out); err != nil {
		return nil, fmt.Errorf("read from %s: %w", coll.Name(), err)
	}
	return out, nil
}

// newestFirst returns one page of filter's documents by descending _id
// (ids are time-ordered) and the cursor of the next page ("" on the last).
func newestFirst[T any](ctx context.Context, coll *mongo.Collection, filter bson.D, page mongox.PageRequest, idOf func(T) string) ([]T, string, error) {
	limit := page.Limit
	if limit <= 0 {
		limit = mongox.DefaultPageSize
	}
	limit = min(limit, mongox.MaxPageSize)
	if page.Cursor != "" {
		before, err := mongox.DecodeCursor(page.Cursor)
		if err != nil {
			return nil, "", err
		}
		filter = append(filter, bson.E{Key: "_id", Value: bson.D{{Key: "$lt", Value: before}}})
	}
	opts := options.Find().SetSort(bson.D{{Key: "_id", Value: -1}}).SetLimit(int64(limit + 1))
	cur, err := coll.Find(ctx, filter, opts)
	if err != nil {
		return nil, "", fmt.Errorf("find page in %s: %w", coll.Name(), err)
	}
	var items []T
	if err := cur.All(ctx, &items); err != nil {
		return nil, "", fmt.Errorf("read page from %s: %w", coll.Name(), err)
	}
	if len(items) <= limit {
		return items, "", nil
	}
	items = items[:limit]
	return items, mongox.EncodeCursor(idOf(items[limit-1])), nil
}

// scopeFilter narrows to one organisation's objects, or one candidate's.
func scopeFilter(q bson.D, sc domain.Scope) bson.D {
	if sc.EmployerOrgID != "" {
		q = append(q, bson.E{Key: "employer_org_id", Value: sc.EmployerOrgID})
	}
	if sc.CandidateOrgID != "" {
		q = append(q, bson.E{Key: "candidate_org_id", Value: sc.CandidateOrgID})
	}
	if sc.CandidateID != "" {
		q = append(q, bson.E{Key: "candidate_id", Value: sc.CandidateID})
	}
	return q
}

func isNoDocuments(err error) bool { return errors.Is(err, mongo.ErrNoDocuments) }

// notFound says an id names nothing (or something of another
// organisation, which the service turns into the same answer).
func notFound(what, id string) error { return fmt.Errorf("%s %s: %w", what, id, errs.NotFound) }

// setOf renders a document's fields for $set, without its _id and its
// outbox, which are never overwritten.
func setOf(doc any) (bson.D, error) {
	raw, err := bson.Marshal(doc)
	if err != nil {
		return nil, fmt.Errorf("encode update: %w", err)
	}
	var all bson.D
	if err := bson.Unmarshal(raw, &all); err != nil {
		return nil, fmt.Errorf("encode update: %w", err)
	}
	out := all[:0]
	for _, e := range all {
		if e.Key != "_id" && e.Key != "pending_events" {
			out = append(out, e)
		}
	}
	return out, nil
}
