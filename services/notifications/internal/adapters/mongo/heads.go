package mongo

import (
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/google/uuid"
	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"
)

// headDoc is one user's inbox in brief: the ids of the user's items and of
// the unread ones among them. Reading an inbox reads its head and then each
// item by _id, so no read filters the inbox by user: the embedded FerretDB
// (v1, SQLite) pushes down only a filter on _id alone and runs any other
// as a scan of the whole collection, about 0.4 ms for every item of every
// user. Every update of a head filters on _id alone for the same reason.
type headDoc struct {
	ID     string   `bson:"_id"` // the user's id
	Items  []string `bson:"items"`
	Unread []string `bson:"unread"`
}

// headsMigration names the meta document that records that every item
// stored before heads existed is listed in its user's head.
const headsMigration = "inbox_heads_built"

// danglingAfter is how old an id in a head must be before a reader that
// finds no item for it takes it out: an id younger than that may belong to
// an insert still on its way (InsertItem adds the id first).
const danglingAfter = time.Minute

// head returns userID's head; a user with no items has an empty one.
func (s *Store) head(ctx context.Context, userID string) (headDoc, error) {
	var h headDoc
	err := s.heads.FindOne(ctx, bson.D{{Key: "_id", Value: userID}}).Decode(&h)
	if isNoDocuments(err) {
		return headDoc{ID: userID}, nil
	}
	if err != nil {
		return headDoc{}, fmt.Errorf("read inbox head of a user: %w", err)
	}
	return h, nil
}

// addToHead lists id in userID's head, as unread when unread.
func (s *Store) addToHead(ctx context.Context, userID, id string, unread bool) error {
	add := bson.D{{Key: "items", Value: id}}
	if unread {
		add = append(add, bson.E{Key: "unread", Value: id})
	}
	_, err := s.heads.UpdateOne(ctx, bson.D{{Key: "_id", Value: userID}},
		bson.D{{Key: "$addToSet", Value: add}}, options.UpdateOne().SetUpsert(true))
	if err != nil {
		return fmt.Errorf("add item %s to its inbox head: %w", id, err)
	}
	return nil
}

// dropFromHead takes ids out of userID's head; read only takes them out of
// its unread list.
func (s *Store) dropFromHead(ctx context.Context, userID string, ids []string, readOnly bool) error {
	if len(ids) == 0 {
		return nil
	}
	pull := bson.D{{Key: "unread", Value: ids}}
	if !readOnly {
		pull = append(pull, bson.E{Key: "items", Value: ids})
	}
	if _, err := s.heads.UpdateOne(ctx, bson.D{{Key: "_id", Value: userID}}, bson.D{{Key: "$pullAll", Value: pull}}); err != nil {
		return fmt.Errorf("drop %d items from an inbox head: %w", len(ids), err)
	}
	return nil
}

// item reads one item by id; found is false when there is none.
func (s *Store) item(ctx context.Context, id string) (d inboxDoc, found bool, err error) {
	err = s.inbox.FindOne(ctx, bson.D{{Key: "_id", Value: id}}).Decode(&d)
	if isNoDocuments(err) {
		return inboxDoc{}, false, nil
	}
	if err != nil {
		return inboxDoc{}, false, fmt.Errorf("read inbox item %s: %w", id, err)
	}
	return d, true, nil
}

// newestFirstIDs returns ids sorted newest first (they are UUIDv7 strings,
// whose text order is their time order), keeping only those older than the
// cursor's id when there is one.
func newestFirstIDs(ids []string, before string) []string {
	out := slices.Clone(ids)
	slices.Sort(out)
	slices.Reverse(out)
	if before != "" {
		i := 0
		for i < len(out) && out[i] >= before {
			i++
		}
		out = out[i:]
	}
	return out
}

// isDangling reports whether id, found in a head with no item behind it, is
// old enough to be a leftover (an insert that failed after listing it, or
// an item erased) rather than an insert under way.
func isDangling(id string, now time.Time) bool {
	u, err := uuid.Parse(id)
	if err != nil || u.Version() != 7 {
		return true
	}
	sec, nsec := u.Time().UnixTime()
	return now.Sub(time.Unix(sec, nsec)) > danglingAfter
}

// buildHeads lists every item stored before heads existed in its user's
// head, once: a meta document records that it ran. Running it twice, or on
// two instances at once, adds nothing twice.
func (s *Store) buildHeads(ctx context.Context) error {
	err := s.meta.FindOne(ctx, bson.D{{Key: "_id", Value: headsMigration}}).Err()
	if err == nil {
		return nil
	}
	if !isNoDocuments(err) {
		return fmt.Errorf("read inbox heads migration: %w", err)
	}
	cur, err := s.inbox.Find(ctx, bson.D{}, options.Find().SetProjection(bson.D{{Key: "user_id", Value: 1}, {Key: "read_at", Value: 1}}))
	if err != nil {
		return fmt.Errorf("list inbox items for their heads: %w", err)
	}
	var docs []inboxDoc
	if err := cur.All(ctx, &docs); err != nil {
		return fmt.Errorf("list inbox items for their heads: %w", err)
	}
	heads := map[string]*headDoc{}
	for _, d := range docs {
		h := heads[d.UserID]
		if h == nil {
			h = &headDoc{ID: d.UserID}
			heads[d.UserID] = h
		}
		h.Items = append(h.Items, d.ID)
		if d.ReadAt == nil {
			h.Unread = append(h.Unread, d.ID)
		}
	}
	for _, h := range heads {
		add := bson.D{{Key: "items", Value: bson.D{{Key: "$each", Value: h.Items}}}}
		if len(h.Unread) > 0 {
			add = append(add, bson.E{Key: "unread", Value: bson.D{{Key: "$each", Value: h.Unread}}})
		}
		if _, err := s.heads.UpdateOne(ctx, bson.D{{Key: "_id", Value: h.ID}}, bson.D{{Key: "$addToSet", Value: add}},
			options.UpdateOne().SetUpsert(true)); err != nil {
			return fmt.Errorf("build an inbox head: %w", err)
		}
	}
	// Two instances starting at once both upsert the record; the one that
	// loses the race is told of a duplicate key, and the record is there.
	if _, err := s.meta.UpdateOne(ctx, bson.D{{Key: "_id", Value: headsMigration}},
		bson.D{{Key: "$set", Value: bson.D{{Key: "items", Value: len(docs)}}}}, options.UpdateOne().SetUpsert(true)); err != nil && !mongo.IsDuplicateKeyError(err) {
		return fmt.Errorf("record inbox heads migration: %w", err)
	}
	return nil
}
