package mongo

import (
	"context"
	"fmt"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"github.com/onward-jobs/onward/pkg/events"
	"github.com/onward-jobs/onward/pkg/mongox"
	"github.com/onward-jobs/onward/services/placements/internal/domain"
)

// CreateIntroduction stores a new request with its event, unless the role
// and candidate have an open request already (domain.ErrIntroductionExists)
// or the role holds maxOpen open requests (domain.ErrTooManyIntroductions).
// The open slot's _id makes the pair unique whatever races. The role's
// lock serialises its count of open slots, kept in a document of its own
// and read by _id: counting the slots would decode every open request of
// the platform on FerretDB. The count is checked against the slots
// themselves when it says the role is full, so one left wrong by a crash
// never blocks a role.
func (s *Store) CreateIntroduction(ctx context.Context, in domain.Introduction, maxOpen int, e events.Envelope) error {
	raw, err := encode(e)
	if err != nil {
		return err
	}
	unlock, err := s.lockRole(ctx, in.RoleID)
	if err != nil {
		return err
	}
	defer unlock()
	if err := s.takeSlot(ctx, in); err != nil {
		return err
	}
	n, err := s.openCount(ctx, in.RoleID)
	if err == nil && n >= maxOpen {
		n, err = s.recount(ctx, in.RoleID)
		n-- // the slot just taken
	}
	if err != nil || n >= maxOpen {
		s.releaseSlot(ctx, in.RoleID, in.CandidateID, in.ID)
		if err != nil {
			return err
		}
		return domain.ErrTooManyIntroductions
	}
	if err := s.setOpenCount(ctx, in.RoleID, n+1); err != nil {
		s.releaseSlot(ctx, in.RoleID, in.CandidateID, in.ID)
		return err
	}
	doc := toIntroductionDoc(in)
	doc.Pending = []string{raw}
	if _, err := s.introductions.InsertOne(ctx, doc); err != nil {
		s.releaseSlot(ctx, in.RoleID, in.CandidateID, in.ID)
		_ = s.setOpenCount(context.WithoutCancel(ctx), in.RoleID, n)
		return fmt.Errorf("insert introduction %s: %w", in.ID, err)
	}
	return nil
}

// lockRole takes the lock of a role's open requests.
func (s *Store) lockRole(ctx context.Context, roleID string) (func(), error) {
	return s.lock(ctx, s.openCounts, roleID)
}

// openCount returns a role's count of open requests.
func (s *Store) openCount(ctx context.Context, roleID string) (int, error) {
	var d struct {
		Open int `bson:"open"`
	}
	err := s.openCounts.FindOne(ctx, bson.D{{Key: "_id", Value: roleID}}).Decode(&d)
	if err != nil && !isNoDocuments(err) {
		return 0, fmt.Errorf("read open count of role %s: %w", roleID, err)
	}
	return d.Open, nil
}

// setOpenCount stores a role's count; the caller holds the role's lock.
func (s *Store) setOpenCount(ctx context.Context, roleID string, n int) error {
	_, err := s.openCounts.ReplaceOne(ctx, bson.D{{Key: "_id", Value: roleID}}, bson.D{{Key: "_id", Value: roleID}, {Key: "open", Value: max(n, 0)}},
		options.Replace().SetUpsert(true))
	if err != nil {
		return fmt.Errorf("store open count of role %s: %w", roleID, err)
	}
	return nil
}

// recount counts a role's open slots and stores the count.
func (s *Store) recount(ctx context.Context, roleID string) (int, error) {
	n, err := s.openRequests.CountDocuments(ctx, bson.D{{Key: "role_id", Value: roleID}})
	if err != nil {
		return 0, fmt.Errorf("count open requests of role %s: %w", roleID, err)
	}
	return int(n), s.setOpenCount(ctx, roleID, int(n))
}

// freeSlot releases the open slot introduction id holds and lowers the
// role's count, under the role's lock. A failure is left to the next
// recount.
func (s *Store) freeSlot(ctx context.Context, roleID, candidateID, id string) {
	ctx = context.WithoutCancel(ctx)
	res, err := s.openRequests.DeleteOne(ctx, bson.D{{Key: "_id", Value: openKey(roleID, candidateID)}, {Key: "introduction_id", Value: id}})
	if err != nil || res.DeletedCount == 0 {
		return
	}
	unlock, err := s.lockRole(ctx, roleID)
	if err != nil {
		return
	}
	defer unlock()
	if n, err := s.openCount(ctx, roleID); err == nil {
		_ = s.setOpenCount(ctx, roleID, n-1)
	}
}

// takeSlot inserts the open slot of the role and candidate. A slot whose
// introduction is no longer requested (or was never stored, after a
// crash) is stale and is replaced.
func (s *Store) takeSlot(ctx context.Context, in domain.Introduction) error {
	slot := openRequestDoc{ID: openKey(in.RoleID, in.CandidateID), RoleID: in.RoleID, CandidateID: in.CandidateID, IntroductionID: in.ID}
	for range 2 {
		_, err := s.openRequests.InsertOne(ctx, slot)
		if err == nil {
			return nil
		}
		if !mongox.IsDuplicateKey(err) {
			return fmt.Errorf("insert open request of role %s: %w", in.RoleID, err)
		}
		var held openRequestDoc
		if err := s.openRequests.FindOne(ctx, bson.D{{Key: "_id", Value: slot.ID}}).Decode(&held); err != nil {
			if isNoDocuments(err) {
				continue
			}
			return fmt.Errorf("read open request of role %s: %w", in.RoleID, err)
		}
		cur, err := s.Introduction(ctx, held.IntroductionID)
		if err == nil && cur.Status == domain.StatusRequested {
			return domain.ErrIntroductionExists
		}
		s.releaseSlot(ctx, in.RoleID, in.CandidateID, held.IntroductionID)
	}
	return domain.ErrIntroductionExists
}

// releaseSlot frees the open slot of the role and candidate if
// introduction id holds it.
func (s *Store) releaseSlot(ctx context.Context, roleID, candidateID, id string) {
	_, _ = s.openRequests.DeleteOne(context.WithoutCancel(ctx), bson.D{{Key: "_id", Value: openKey(roleID, candidateID)}, {Key: "introduction_id", Value: id}})
}

// Introduction returns an introduction by id.
func (s *Store) Introduction(ctx context.Context, id string) (domain.Introduction, error) {
	var d introductionDoc
	if err := s.introductions.FindOne(ctx, bson.D{{Key: "_id", Value: id}}).Decode(&d); err != nil {
		if isNoDocuments(err) {
			return domain.Introduction{}, notFound("introduction", id)
		}
		return domain.Introduction{}, fmt.Errorf("read introduction %s: %w", id, err)
	}
	return toDomainIntroduction(d), nil
}

// UpdateIntroduction stores in if it is still at version prev, with its
// events. An introduction that is no longer requested frees its open slot.
func (s *Store) UpdateIntroduction(ctx context.Context, in domain.Introduction, prev int64, es ...events.Envelope) error {
	doc := toIntroductionDoc(in)
	if err := s.conditionalUpdate(ctx, s.introductions, in.ID, prev, doc, es); err != nil {
		return err
	}
	if in.Status != domain.StatusRequested {
		s.freeSlot(ctx, in.RoleID, in.CandidateID, in.ID)
	}
	return nil
}

// ListIntroductions returns one page of introductions, newest first.
func (s *Store) ListIntroductions(ctx context.Context, f domain.IntroductionFilter, page mongox.PageRequest) ([]domain.Introduction, string, error) {
	q := scopeFilter(bson.D{}, f.Scope)
	if f.Status != "" {
		q = append(q, bson.E{Key: "status", Value: string(f.Status)})
	}
	if f.RoleID != "" {
		q = append(q, bson.E{Key: "role_id", Value: f.RoleID})
	}
	if f.CandidateID != "" {
		q = append(q, bson.E{Key: "candidate_id", Value: f.CandidateID})
	}
	docs, next, err := newestFirst(ctx, s.introductions, q, page, func(d introductionDoc) string { return d.ID })
	if err != nil {
		return nil, "", err
	}
	out := make([]domain.Introduction, len(docs))
	for i, d := range docs {
		out[i] = toDomainIntroduction(d)
	}
	return out, next, nil
}

// ExpiredIntroductions returns up to limit requests past their expiry at
// now.
func (s *Store) ExpiredIntroductions(ctx context.Context, now time.Time, limit int) ([]domain.Introduction, error) {
	return s.introductionsWhere(ctx, bson.D{{Key: "status", Value: string(domain.StatusRequested)},
		{Key: "expires_at", Value: bson.D{{Key: "$lte", Value: now}}}}, limit)
}

// RemindersDue returns up to limit requests whose reminder is due at now.
func (s *Store) RemindersDue(ctx context.Context, now time.Time, limit int) ([]domain.Introduction, error) {
	return s.introductionsWhere(ctx, bson.D{{Key: "status", Value: string(domain.StatusRequested)},
		{Key: "reminded", Value: false}, {Key: "reminder_at", Value: bson.D{{Key: "$lte", Value: now}}}}, limit)
}

// RequestedOfEmployer returns up to limit requests of an employer still
// waiting for an answer.
func (s *Store) RequestedOfEmployer(ctx context.Context, orgID string, limit int) ([]domain.Introduction, error) {
	return s.introductionsWhere(ctx, bson.D{{Key: "employer_org_id", Value: orgID}, {Key: "status", Value: string(domain.StatusRequested)}}, limit)
}

func (s *Store) introductionsWhere(ctx context.Context, q bson.D, limit int) ([]domain.Introduction, error) {
	docs, err := findAll[introductionDoc](ctx, s.introductions, q, limit)
	if err != nil {
		return nil, err
	}
	out := make([]domain.Introduction, len(docs))
	for i, d := range docs {
		out[i] = toDomainIntroduction(d)
	}
	return out, nil
}

// AddMessage stores a thread message.
func (s *Store) AddMessage(ctx context.Context, m domain.Message) error {
	if _, err := s.messages.InsertOne(ctx, toMessageDoc(m)); err != nil {
		return fmt.Errorf("insert message of introduction %s: %w", m.IntroductionID, err)
	}
	return nil
}

// Messages returns a page of an introduction's thread, oldest first.
func (s *Store) Messages(ctx context.Context, introductionID string, page mongox.PageRequest) ([]domain.Message, string, error) {
	docs, next, err := mongox.FindPage(ctx, s.messages, bson.D{{Key: "introduction_id", Value: introductionID}}, page, func(d messageDoc) string { return d.ID })
	if err != nil {
		return nil, "", err
	}
	out := make([]domain.Message, len(docs))
	for i, d := range docs {
		out[i] = toDomainMessage(d)
	}
	return out, next, nil
}
