package mongo

import (
	"context"
	"errors"
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
// already stored is domain.ErrDuplicate. The item's id goes into the
// user's head first and comes out again if the insert fails, so a head
// never misses a stored item; an id left behind by a crash between the two
// is skipped by readers and taken out after danglingAfter.
func (s *Store) InsertItem(ctx context.Context, it domain.InboxItem) error {
	d := toInboxDoc(it)
	if err := s.addToHead(ctx, d.UserID, d.ID, d.ReadAt == nil); err != nil {
		return err
	}
	err := insert(ctx, s.inbox, d)
	if err != nil {
		if dropErr := s.dropFromHead(ctx, d.UserID, []string{d.ID}, false); dropErr != nil {
			return errors.Join(err, dropErr)
		}
	}
	return err
}

// ListItems returns a page of userID's items, newest first; unread limits
// it to unread ones.
func (s *Store) ListItems(ctx context.Context, userID string, unread bool, page mongox.PageRequest) ([]domain.InboxItem, string, error) {
	limit := page.Limit
	if limit <= 0 {
		limit = mongox.DefaultPageSize
	}
	limit = min(limit, mongox.MaxPageSize)
	before := ""
	if page.Cursor != "" {
		var err error
		if before, err = mongox.DecodeCursor(page.Cursor); err != nil {
			return nil, "", err
		}
	}
	h, err := s.head(ctx, userID)
	if err != nil {
		return nil, "", err
	}
	ids := h.Items
	if unread {
		ids = h.Unread
	}
	var out []domain.InboxItem
	var gone, read []string
	now := time.Now()
	for _, id := range newestFirstIDs(ids, before) {
		d, found, err := s.item(ctx, id)
		if err != nil {
			return nil, "", err
		}
		switch {
		case !found || d.UserID != userID:
			if isDangling(id, now) {
				gone = append(gone, id)
			}
			continue
		case unread && d.ReadAt != nil:
			read = append(read, id)
			continue
		}
		if len(out) == limit {
			next := mongox.EncodeCursor(out[limit-1].ID)
			return out, next, s.tidyHead(ctx, userID, gone, read)
		}
		out = append(out, toDomainItem(d))
	}
	return out, "", s.tidyHead(ctx, userID, gone, read)
}

// tidyHead takes out of userID's head the ids a reader found no item for
// and, from its unread list, those it found read.
func (s *Store) tidyHead(ctx context.Context, userID string, gone, read []string) error {
	if err := s.dropFromHead(ctx, userID, gone, false); err != nil {
		return err
	}
	return s.dropFromHead(ctx, userID, read, true)
}

// CountUnread counts userID's unread items.
func (s *Store) CountUnread(ctx context.Context, userID string) (int, error) {
	h, err := s.head(ctx, userID)
	if err != nil {
		return 0, err
	}
	return len(h.Unread), nil
}

// MarkRead marks one of userID's items read; an item of another user is
// errs.NotFound, like one that does not exist.
func (s *Store) MarkRead(ctx context.Context, userID, id string, at time.Time) error {
	d, found, err := s.item(ctx, id)
	if err != nil {
		return err
	}
	if !found || d.UserID != userID {
		return fmt.Errorf("inbox item %s: %w", id, errs.NotFound)
	}
	if d.ReadAt == nil {
		if _, err := s.inbox.UpdateOne(ctx, bson.D{{Key: "_id", Value: id}},
			bson.D{{Key: "$set", Value: bson.D{{Key: "read_at", Value: at.UTC()}}}}); err != nil {
			return fmt.Errorf("mark item %s read: %w", id, err)
		}
	}
	return s.dropFromHead(ctx, userID, []string{id}, true)
}

// MarkAllRead marks every unread item of userID read.
func (s *Store) MarkAllRead(ctx context.Context, userID string, at time.Time) error {
	h, err := s.head(ctx, userID)
	if err != nil {
		return err
	}
	for _, id := range h.Unread {
		if _, err := s.inbox.UpdateOne(ctx, bson.D{{Key: "_id", Value: id}},
			bson.D{{Key: "$set", Value: bson.D{{Key: "read_at", Value: at.UTC()}}}}); err != nil {
			return fmt.Errorf("mark item %s read: %w", id, err)
		}
	}
	return s.dropFromHead(ctx, userID, h.Unread, true)
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
	for _, id := range ids {
		if _, err := s.inbox.UpdateOne(ctx, bson.D{{Key: "_id", Value: id}},
			bson.D{{Key: "$set", Value: bson.D{{Key: "digest_pending", Value: false}}}}); err != nil {
			return fmt.Errorf("clear digest item %s: %w", id, err)
		}
	}
	return nil
}
