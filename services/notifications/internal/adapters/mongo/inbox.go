package mongo

import (
	"context"
	"fmt"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"github.com/onward-jobs/onward/pkg/errs"
	"github.com/onward-jobs/onward/pkg/mongox"
	"github.com/onward-jobs/onward/services/notifications/internal/domain"
)

type inboxDoc struct {
	ID            string     `bson:"_id"`
	UserID        string     `bson:"user_id"`
	SourceID      string     `bson:"source_id"`
	Kind          string     `bson:"kind"`
	MessageKey    string     `bson:"message_key"`
	SubjectType   string     `bson:"subject_type"`
	SubjectID     string     `bson:"subject_id"`
	Link          string     `bson:"link"`
	CandidateID   string     `bson:"candidate_id,omitempty"`
	CreatedAt     time.Time  `bson:"created_at"`
	ReadAt        *time.Time `bson:"read_at,omitempty"`
	DigestPending bool       `bson:"digest_pending"`
}

func toInboxDoc(it domain.InboxItem) inboxDoc {
	d := inboxDoc{ID: it.ID, UserID: it.UserID, SourceID: it.SourceID, Kind: it.Kind, MessageKey: it.MessageKey,
		SubjectType: it.SubjectType, SubjectID: it.SubjectID, Link: it.Link, CandidateID: it.CandidateID, CreatedAt: it.CreatedAt.UTC(), DigestPending: it.DigestPending}
	if d.ID == "" {
		d.ID = NewID()
	}
	if !it.ReadAt.IsZero() {
		at := it.ReadAt.UTC()
		d.ReadAt = &at
	}
	return d
}

func toDomainItem(d inboxDoc) domain.InboxItem {
	it := domain.InboxItem{ID: d.ID, UserID: d.UserID, SourceID: d.SourceID, Kind: d.Kind, MessageKey: d.MessageKey,
		SubjectType: d.SubjectType, SubjectID: d.SubjectID, Link: d.Link, CandidateID: d.CandidateID, CreatedAt: d.CreatedAt, DigestPending: d.DigestPending}
	if d.ReadAt != nil {
		it.ReadAt = *d.ReadAt
	}
	return it
}

// InsertItem stores a new inbox item; an item for the same source and user
// already stored is domain.ErrDuplicate.
func (s *Store) InsertItem(ctx context.Context, it domain.InboxItem) error {
	return insert(ctx, s.inbox, toInboxDoc(it))
}

// ListItems returns a page of userID's items, newest first; unread limits
// it to unread ones.
func (s *Store) ListItems(ctx context.Context, userID string, unread bool, page mongox.PageRequest) ([]domain.InboxItem, string, error) {
	filter := bson.D{{Key: "user_id", Value: userID}}
	if unread {
		filter = append(filter, bson.E{Key: "read_at", Value: bson.D{{Key: "$exists", Value: false}}})
	}
	docs, next, err := newestFirst(ctx, s.inbox, filter, page, func(d inboxDoc) string { return d.ID })
	if err != nil {
		return nil, "", err
	}
	out := make([]domain.InboxItem, 0, len(docs))
	for _, d := range docs {
		out = append(out, toDomainItem(d))
	}
	return out, next, nil
}

// CountUnread counts userID's unread items.
func (s *Store) CountUnread(ctx context.Context, userID string) (int, error) {
	n, err := s.inbox.CountDocuments(ctx, bson.D{{Key: "user_id", Value: userID}, {Key: "read_at", Value: bson.D{{Key: "$exists", Value: false}}}})
	if err != nil {
		return 0, fmt.Errorf("count unread items: %w", err)
	}
	return int(n), nil
}

// MarkRead marks one of userID's items read; an item of another user is
// errs.NotFound, like one that does not exist.
func (s *Store) MarkRead(ctx context.Context, userID, id string, at time.Time) error {
	res, err := s.inbox.UpdateOne(ctx, bson.D{{Key: "_id", Value: id}, {Key: "user_id", Value: userID}},
		bson.D{{Key: "$set", Value: bson.D{{Key: "read_at", Value: at.UTC()}}}})
	if err != nil {
		return fmt.Errorf("mark item %s read: %w", id, err)
	}
	if res.MatchedCount == 0 {
		return fmt.Errorf("inbox item %s: %w", id, errs.NotFound)
	}
	return nil
}

// MarkAllRead marks every unread item of userID read.
func (s *Store) MarkAllRead(ctx context.Context, userID string, at time.Time) error {
	_, err := s.inbox.UpdateMany(ctx, bson.D{{Key: "user_id", Value: userID}, {Key: "read_at", Value: bson.D{{Key: "$exists", Value: false}}}},
		bson.D{{Key: "$set", Value: bson.D{{Key: "read_at", Value: at.UTC()}}}})
	if err != nil {
		return fmt.Errorf("mark all items read: %w", err)
	}
	return nil
}

// DigestUsers returns the users with items waiting for a digest.
func (s *Store) DigestUsers(ctx context.Context) ([]string, error) {
	cur, err := s.inbox.Find(ctx, bson.D{{Key: "digest_pending", Value: true}},
		options.Find().SetProjection(bson.D{{Key: "user_id", Value: 1}}))
	if err != nil {
		return nil, fmt.Errorf("find digest users: %w", err)
	}
	var docs []inboxDoc
	if err := cur.All(ctx, &docs); err != nil {
		return nil, fmt.Errorf("read digest users: %w", err)
	}
	seen := map[string]bool{}
	var out []string
	for _, d := range docs {
		if !seen[d.UserID] {
			seen[d.UserID] = true
			out = append(out, d.UserID)
		}
	}
	return out, nil
}

// DigestItems returns userID's items waiting for a digest, oldest first.
func (s *Store) DigestItems(ctx context.Context, userID string) ([]domain.InboxItem, error) {
	cur, err := s.inbox.Find(ctx, bson.D{{Key: "user_id", Value: userID}, {Key: "digest_pending", Value: true}},
		options.Find().SetSort(bson.D{{Key: "_id", Value: 1}}))
	if err != nil {
		return nil, fmt.Errorf("find digest items: %w", err)
	}
	var docs []inboxDoc
	if err := cur.All(ctx, &docs); err != nil {
		return nil, fmt.Errorf("read digest items: %w", err)
	}
	out := make([]domain.InboxItem, 0, len(docs))
	for _, d := range docs {
		out = append(out, toDomainItem(d))
	}
	return out, nil
}

// ClearDigest marks items as no longer waiting for a digest.
func (s *Store) ClearDigest(ctx context.Context, ids []string) error {
	if len(ids) == 0 {
		return nil
	}
	_, err := s.inbox.UpdateMany(ctx, bson.D{{Key: "_id", Value: bson.D{{Key: "$in", Value: ids}}}},
		bson.D{{Key: "$set", Value: bson.D{{Key: "digest_pending", Value: false}}}})
	if err != nil {
		return fmt.Errorf("clear digest items: %w", err)
	}
	return nil
}
