package mongo

import (
	"context"
	"fmt"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"github.com/onward-jobs/onward/pkg/mongox"
	"github.com/onward-jobs/onward/services/notifications/internal/domain"
)

type deliveryDoc struct {
	ID            string            `bson:"_id"`
	SourceID      string            `bson:"source_id"`
	Recipient     string            `bson:"recipient"`
	Channel       string            `bson:"channel"`
	Kind          string            `bson:"kind"`
	UserID        string            `bson:"user_id,omitempty"`
	OrgID         string            `bson:"org_id,omitempty"`
	CandidateID   string            `bson:"candidate_id,omitempty"`
	Language      string            `bson:"language"`
	Address       string            `bson:"address,omitempty"`
	Params        map[string]string `bson:"params,omitempty"`
	Status        string            `bson:"status"`
	Attempts      int               `bson:"attempts"`
	NextAttemptAt time.Time         `bson:"next_attempt_at"`
	LeaseUntil    time.Time         `bson:"lease_until"`
	LeaseOwner    string            `bson:"lease_owner,omitempty"`
	LastError     string            `bson:"last_error,omitempty"`
	CreatedAt     time.Time         `bson:"created_at"`
	SentAt        *time.Time        `bson:"sent_at,omitempty"`
}

func toDeliveryDoc(d domain.Delivery) deliveryDoc {
	doc := deliveryDoc{ID: d.ID, SourceID: d.SourceID, Recipient: d.Recipient, Channel: d.Channel, Kind: d.Kind,
		UserID: d.UserID, OrgID: d.OrgID, CandidateID: d.CandidateID, Language: d.Language, Address: d.Address, Params: d.Params,
		Status: string(d.Status), Attempts: d.Attempts, NextAttemptAt: d.NextAttemptAt.UTC(), LeaseUntil: d.LeaseUntil.UTC(),
		LeaseOwner: d.LeaseOwner, LastError: d.LastError, CreatedAt: d.CreatedAt.UTC()}
	if doc.ID == "" {
		doc.ID = NewID()
	}
	if doc.Status == "" {
		doc.Status = string(domain.Queued)
	}
	if !d.SentAt.IsZero() {
		at := d.SentAt.UTC()
		doc.SentAt = &at
	}
	return doc
}

func toDomainDelivery(doc deliveryDoc) domain.Delivery {
	d := domain.Delivery{ID: doc.ID, SourceID: doc.SourceID, Recipient: doc.Recipient, Channel: doc.Channel, Kind: doc.Kind,
		UserID: doc.UserID, OrgID: doc.OrgID, CandidateID: doc.CandidateID, Language: doc.Language, Address: doc.Address, Params: doc.Params,
		Status: domain.Status(doc.Status), Attempts: doc.Attempts, NextAttemptAt: doc.NextAttemptAt, LeaseUntil: doc.LeaseUntil,
		LeaseOwner: doc.LeaseOwner, LastError: doc.LastError, CreatedAt: doc.CreatedAt}
	if doc.SentAt != nil {
		d.SentAt = *doc.SentAt
	}
	return d
}

// InsertDelivery queues a delivery; one for the same source, recipient and
// channel already stored is domain.ErrDuplicate.
func (s *Store) InsertDelivery(ctx context.Context, d domain.Delivery) error {
	return insert(ctx, s.deliveries, toDeliveryDoc(d))
}

// ClaimDue takes the delivery due longest, queued or sending under an
// expired lease (its worker died), and holds it as sending for lease under
// owner. Two workers never hold one delivery: the claim is one atomic
// update. It reports false when nothing is due.
func (s *Store) ClaimDue(ctx context.Context, now time.Time, lease time.Duration, owner string) (domain.Delivery, bool, error) {
	now = now.UTC()
	filter := bson.D{
		{Key: "status", Value: bson.D{{Key: "$in", Value: bson.A{string(domain.Queued), string(domain.Sending)}}}},
		{Key: "next_attempt_at", Value: bson.D{{Key: "$lte", Value: now}}},
		{Key: "lease_until", Value: bson.D{{Key: "$lte", Value: now}}},
	}
	update := bson.D{{Key: "$set", Value: bson.D{
		{Key: "status", Value: string(domain.Sending)},
		{Key: "lease_until", Value: now.Add(lease)},
		{Key: "lease_owner", Value: owner},
	}}}
	opts := options.FindOneAndUpdate().SetSort(bson.D{{Key: "next_attempt_at", Value: 1}}).SetReturnDocument(options.After)
	var doc deliveryDoc
	err := s.deliveries.FindOneAndUpdate(ctx, filter, update, opts).Decode(&doc)
	if isNoDocuments(err) {
		return domain.Delivery{}, false, nil
	}
	if err != nil {
		return domain.Delivery{}, false, fmt.Errorf("claim a due delivery: %w", err)
	}
	return toDomainDelivery(doc), true, nil
}

// finish updates a delivery this owner holds; a delivery whose lease passed
// to another worker is left alone.
func (s *Store) finish(ctx context.Context, d domain.Delivery, set bson.D, unsetContent bool) error {
	update := bson.D{{Key: "$set", Value: set}}
	unset := bson.D{{Key: "lease_owner", Value: ""}}
	if unsetContent {
		unset = append(unset, bson.E{Key: "address", Value: ""}, bson.E{Key: "params", Value: ""})
	}
	update = append(update, bson.E{Key: "$unset", Value: unset})
	_, err := s.deliveries.UpdateOne(ctx, bson.D{{Key: "_id", Value: d.ID}, {Key: "lease_owner", Value: d.LeaseOwner}}, update)
	if err != nil {
		return fmt.Errorf("update delivery %s: %w", d.ID, err)
	}
	return nil
}

// MarkSent records a sent delivery and erases its address and link.
func (s *Store) MarkSent(ctx context.Context, d domain.Delivery, at time.Time) error {
	return s.finish(ctx, d, bson.D{
		{Key: "status", Value: string(domain.Sent)}, {Key: "sent_at", Value: at.UTC()},
		{Key: "attempts", Value: d.Attempts + 1}, {Key: "lease_until", Value: time.Time{}},
	}, true)
}

// MarkRetry records a failed attempt to be tried again at next.
func (s *Store) MarkRetry(ctx context.Context, d domain.Delivery, next time.Time, class string) error {
	return s.finish(ctx, d, bson.D{
		{Key: "status", Value: string(domain.Queued)}, {Key: "attempts", Value: d.Attempts + 1},
		{Key: "next_attempt_at", Value: next.UTC()}, {Key: "lease_until", Value: time.Time{}}, {Key: "last_error", Value: class},
	}, false)
}

// MarkFailed records the last failed attempt and erases address and link.
func (s *Store) MarkFailed(ctx context.Context, d domain.Delivery, class string) error {
	return s.finish(ctx, d, bson.D{
		{Key: "status", Value: string(domain.Failed)}, {Key: "attempts", Value: d.Attempts + 1},
		{Key: "lease_until", Value: time.Time{}}, {Key: "last_error", Value: class},
	}, true)
}

// ListDeliveries returns a page of deliveries, newest first.
func (s *Store) ListDeliveries(ctx context.Context, f domain.DeliveryFilter, page mongox.PageRequest) ([]domain.Delivery, string, error) {
	filter := bson.D{}
	if f.OrgID != "" {
		filter = append(filter, bson.E{Key: "org_id", Value: f.OrgID})
	}
	if f.Status != "" {
		filter = append(filter, bson.E{Key: "status", Value: string(f.Status)})
	}
	docs, next, err := newestFirst(ctx, s.deliveries, filter, page, func(d deliveryDoc) string { return d.ID })
	if err != nil {
		return nil, "", err
	}
	out := make([]domain.Delivery, 0, len(docs))
	for _, d := range docs {
		out = append(out, toDomainDelivery(d))
	}
	return out, next, nil
}

// Delivery returns one delivery by source, recipient and channel, for
// tests and checks.
func (s *Store) Delivery(ctx context.Context, sourceID, recipient string) (domain.Delivery, error) {
	var doc deliveryDoc
	err := s.deliveries.FindOne(ctx, bson.D{{Key: "source_id", Value: sourceID}, {Key: "recipient", Value: recipient}, {Key: "channel", Value: domain.ChannelEmail}}).Decode(&doc)
	if err != nil {
		return domain.Delivery{}, mongox.NotFoundAs(err, "delivery of %s", sourceID)
	}
	return toDomainDelivery(doc), nil
}
