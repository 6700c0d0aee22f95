package mongo

import (
	"context"
	"errors"
	"fmt"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"github.com/onward-jobs/onward/pkg/mongox"
	"github.com/onward-jobs/onward/services/candidates/internal/domain"
)

// missingFirstConsent selects the candidates stored before the first
// consent time was kept: their consent has no first_given_at at all, where
// every later write stores a time or null.
var missingFirstConsent = bson.D{{Key: "consent.first_given_at", Value: bson.D{{Key: "$exists", Value: false}}}}

// oldConsentDoc is what the backfill reads of a candidate stored before
// the first consent time was kept.
type oldConsentDoc struct {
	ID           string     `bson:"_id"`
	Consent      consentDoc `bson:"consent"`
	PendingAudit []string   `bson:"pending_audit"`
}

// BackfillFirstConsent gives every candidate stored before the first
// consent time was kept its consent.first_given_at, and returns how many
// got a time. The time is domain.ReconstructFirstGiven of the current
// consent and the times of the candidate's consent entries, in the audit
// log or still pending in the document: the earliest such entry when
// consent is given now or was withdrawn after a consent, else the current
// consent's recorded_at when consent is given now.
//
// A record where neither is known (consent withheld now and at most one
// consent entry, or never recorded) gets null: never given as far as the
// service knows, and the matching view leaves first_given_at out. It is
// then no longer looked at.
//
// It is idempotent and meant to run at every start, before the service
// serves: a record is written only while it still lacks the field, under
// its write lock, so a run interrupted or repeated changes nothing twice,
// and a record an older version of the service rewrote meanwhile (one
// without the field) is found again at the next start.
func (s *Store) BackfillFirstConsent(ctx context.Context) (int, error) {
	var old []oldConsentDoc
	err := mongox.Each(ctx, s.candidates, missingFirstConsent,
		options.Find().SetProjection(bson.D{{Key: "consent", Value: 1}, {Key: "pending_audit", Value: 1}}), streamBatchSize,
		func(d oldConsentDoc) error { old = append(old, d); return nil })
	if err != nil || len(old) == 0 {
		return 0, err
	}
	entries, err := s.consentEntryTimes(ctx, old)
	if err != nil {
		return 0, err
	}
	filled := 0
	for _, d := range old {
		first := domain.ReconstructFirstGiven(toDomainConsent(d.Consent), entries[d.ID])
		ok, err := s.setFirstConsent(ctx, d.ID, first)
		if err != nil {
			return filled, err
		}
		if ok && !first.IsZero() {
			filled++
		}
	}
	return filled, nil
}

// consentEntryTimes returns the times of the consent entries of the
// candidates in old, by candidate id, from one pass over the audit log's
// consent entries and from the entries still pending in each document.
func (s *Store) consentEntryTimes(ctx context.Context, old []oldConsentDoc) (map[string][]time.Time, error) {
	out := make(map[string][]time.Time, len(old))
	for _, d := range old {
		out[d.ID] = nil
		for _, raw := range d.PendingAudit {
			var e auditDoc
			if err := bson.UnmarshalExtJSON([]byte(raw), true, &e); err != nil {
				return nil, fmt.Errorf("pending audit entry of candidate %s: %w", d.ID, err)
			}
			if e.Action == string(domain.ActionConsent) {
				out[d.ID] = append(out[d.ID], e.At.UTC())
			}
		}
	}
	filter := bson.D{{Key: "action", Value: string(domain.ActionConsent)}}
	projection := bson.D{{Key: "candidate_id", Value: 1}, {Key: "at", Value: 1}}
	err := mongox.Each(ctx, s.audit, filter, options.Find().SetProjection(projection), streamBatchSize, func(e auditDoc) error {
		if times, wanted := out[e.CandidateID]; wanted {
			out[e.CandidateID] = append(times, e.At.UTC())
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("read consent entries: %w", err)
	}
	return out, nil
}

// setFirstConsent stores first (null when zero) as the candidate's first
// consent time if the candidate still has none, under its write lock, and
// reports whether it did. The check is a read by _id, which FerretDB v1
// finds through an index; a filter on the field would decode every
// candidate for each write.
func (s *Store) setFirstConsent(ctx context.Context, id string, first time.Time) (bool, error) {
	unlock, err := s.lock(ctx, s.candidates, id)
	if err != nil {
		return false, err
	}
	defer unlock()
	var cur struct {
		Consent bson.Raw `bson:"consent"`
	}
	err = s.candidates.FindOne(ctx, bson.D{{Key: "_id", Value: id}}, options.FindOne().SetProjection(bson.D{{Key: "consent", Value: 1}})).Decode(&cur)
	if errors.Is(err, mongo.ErrNoDocuments) {
		return false, nil // erased meanwhile: nothing to fill
	}
	if err != nil {
		return false, fmt.Errorf("read the consent of candidate %s: %w", id, err)
	}
	if _, err := cur.Consent.LookupErr("first_given_at"); err == nil {
		return false, nil
	}
	set := bson.D{{Key: "$set", Value: bson.D{{Key: "consent.first_given_at", Value: timeOrNull(first)}}}}
	if _, err := s.candidates.UpdateOne(ctx, bson.D{{Key: "_id", Value: id}}, set); err != nil {
		return false, fmt.Errorf("set the first consent time of candidate %s: %w", id, err)
	}
	return true, nil
}
