package mongo

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"github.com/onward-jobs/onward/pkg/errs"
	"github.com/onward-jobs/onward/pkg/events"
	"github.com/onward-jobs/onward/pkg/mongox"
	"github.com/onward-jobs/onward/services/gateway/internal/domain"
)

type verificationDoc struct {
	RegisterCountry string    `bson:"register_country"`
	RegisterNumber  string    `bson:"register_number"`
	ContactName     string    `bson:"contact_name"`
	ContactedOn     string    `bson:"contacted_on"`
	Notes           string    `bson:"notes,omitempty"`
	VerifiedBy      string    `bson:"verified_by"`
	VerifiedAt      time.Time `bson:"verified_at"`
}

type suspensionDoc struct {
	Reason      string    `bson:"reason"`
	SuspendedBy string    `bson:"suspended_by"`
	SuspendedAt time.Time `bson:"suspended_at"`
}

func toVerificationDoc(v *domain.Verification) *verificationDoc {
	if v == nil {
		return nil
	}
	return &verificationDoc{RegisterCountry: v.RegisterCountry, RegisterNumber: v.RegisterNumber, ContactName: v.ContactName,
		ContactedOn: v.ContactedOn, Notes: v.Notes, VerifiedBy: v.VerifiedBy, VerifiedAt: v.VerifiedAt}
}

func toDomainVerification(d *verificationDoc) *domain.Verification {
	if d == nil {
		return nil
	}
	return &domain.Verification{RegisterCountry: d.RegisterCountry, RegisterNumber: d.RegisterNumber, ContactName: d.ContactName,
		ContactedOn: d.ContactedOn, Notes: d.Notes, VerifiedBy: d.VerifiedBy, VerifiedAt: d.VerifiedAt.UTC()}
}

func toSuspensionDoc(s *domain.Suspension) *suspensionDoc {
	if s == nil {
		return nil
	}
	return &suspensionDoc{Reason: s.Reason, SuspendedBy: s.SuspendedBy, SuspendedAt: s.SuspendedAt}
}

func toDomainSuspension(d *suspensionDoc) *domain.Suspension {
	if d == nil {
		return nil
	}
	return &domain.Suspension{Reason: d.Reason, SuspendedBy: d.SuspendedBy, SuspendedAt: d.SuspendedAt.UTC()}
}

// SaveStatus stores o's status, checks and version, together with the
// event that announces it, if the stored version is still prev. Another
// change in between is errs.Conflict.
func (r *Organisations) SaveStatus(ctx context.Context, o domain.Organisation, prev int64, e events.Envelope) error {
	raw, err := encodeEvent(e)
	if err != nil {
		return err
	}
	unlock, err := r.locks.Lock(ctx, "organisation:"+o.ID)
	if err != nil {
		return err
	}
	defer unlock()
	versionIs := bson.E{Key: "version", Value: prev}
	d := toOrganisationDoc(o)
	set := bson.D{{Key: "status", Value: d.Status}, {Key: "version", Value: d.Version}}
	unset := bson.D{}
	if d.Verification != nil {
		set = append(set, bson.E{Key: "verification", Value: d.Verification})
	} else {
		unset = append(unset, bson.E{Key: "verification", Value: ""})
	}
	if d.Suspension != nil {
		set = append(set, bson.E{Key: "suspension", Value: d.Suspension})
	} else {
		unset = append(unset, bson.E{Key: "suspension", Value: ""})
	}
	update := bson.D{{Key: "$set", Value: set}, {Key: "$push", Value: bson.D{{Key: "pending_events", Value: raw}}}}
	if len(unset) > 0 {
		update = append(update, bson.E{Key: "$unset", Value: unset})
	}
	res, err := r.coll.UpdateOne(ctx, bson.D{{Key: "_id", Value: o.ID}, versionIs}, update)
	if err != nil {
		return fmt.Errorf("save organisation status: %w", err)
	}
	if res.MatchedCount == 0 {
		return fmt.Errorf("organisation %s changed meanwhile: %w", o.ID, errs.Conflict)
	}
	return nil
}

// PendingEvents returns up to limit events waiting in the organisations'
// outbox.
func (r *Organisations) PendingEvents(ctx context.Context, limit int) ([]events.Envelope, error) {
	cur, err := r.coll.Find(ctx, mongox.PendingFilter("pending_events"),
		options.Find().SetProjection(bson.D{{Key: "pending_events", Value: 1}}).SetLimit(int64(limit)))
	if err != nil {
		return nil, fmt.Errorf("find pending events: %w", err)
	}
	var docs []struct {
		Pending []string `bson:"pending_events"`
	}
	if err := cur.All(ctx, &docs); err != nil {
		return nil, fmt.Errorf("read pending events: %w", err)
	}
	var out []events.Envelope
	for _, d := range docs {
		for _, raw := range d.Pending {
			var e events.Envelope
			if err := json.Unmarshal([]byte(raw), &e); err != nil {
				return nil, fmt.Errorf("pending event: %w", err)
			}
			e.OccurredAt = e.OccurredAt.UTC()
			out = append(out, e)
		}
	}
	return out, nil
}

// MarkPublished removes a published event from its organisation.
func (r *Organisations) MarkPublished(ctx context.Context, e events.Envelope) error {
	raw, err := encodeEvent(e)
	if err != nil {
		return err
	}
	unlock, err := r.locks.Lock(ctx, "organisation:"+e.AggregateID)
	if err != nil {
		return err
	}
	defer unlock()
	if _, err := r.coll.UpdateOne(ctx, bson.D{{Key: "_id", Value: e.AggregateID}},
		bson.D{{Key: "$pull", Value: bson.D{{Key: "pending_events", Value: raw}}}}); err != nil {
		return fmt.Errorf("clear event %s: %w", e.ID, err)
	}
	return nil
}

// encodeEvent renders e as stored in the outbox; the same event always
// renders the same, so MarkPublished finds it.
func encodeEvent(e events.Envelope) (string, error) {
	if err := e.Validate(); err != nil {
		return "", err
	}
	e.OccurredAt = e.OccurredAt.UTC()
	b, err := json.Marshal(e)
	return string(b), err
}

// backfillStatus is the vetting migration: organisations stored before
// vetting have no status. Employers that were already working on the
// platform are verified (their checks were made outside it); programme
// organisations are always verified.
func (r *Organisations) backfillStatus(ctx context.Context) error {
	filter := bson.D{{Key: "status", Value: bson.D{{Key: "$exists", Value: false}}}}
	return mongox.Each(ctx, r.coll, filter, options.Find(), 100, func(d organisationDoc) error {
		update := bson.D{{Key: "$set", Value: bson.D{{Key: "status", Value: string(domain.StatusVerified)}, {Key: "version", Value: int64(1)}}}}
		if _, err := r.coll.UpdateOne(ctx, bson.D{{Key: "_id", Value: d.ID}, {Key: "status", Value: bson.D{{Key: "$exists", Value: false}}}}, update); err != nil {
			return fmt.Errorf("migrate organisation status: %w", err)
		}
		return nil
	})
}
