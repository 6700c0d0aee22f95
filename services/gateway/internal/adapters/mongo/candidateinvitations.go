package mongo

import (
	"context"
	"fmt"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"github.com/onward-jobs/onward/pkg/mongox"
	"github.com/onward-jobs/onward/services/gateway/internal/domain"
)

// CandidateInvitations stores candidates' invitations under the hash of
// their token, so the public look-up by token is a look-up by _id. Every
// change of one candidate's invitations takes that candidate's lock,
// because FerretDB applies a conditional update by reading and rewriting
// the document: a claim and a replacement must not both match.
type CandidateInvitations struct {
	coll  *mongo.Collection
	locks Locker
}

type candidateInvitationDoc struct {
	TokenHash   string     `bson:"_id"`
	ID          string     `bson:"invitation_id"`
	CandidateID string     `bson:"candidate_id"`
	OrgID       string     `bson:"org_id"`
	InvitedBy   string     `bson:"invited_by"`
	CreatedAt   time.Time  `bson:"created_at"`
	ExpiresAt   time.Time  `bson:"expires_at"`
	UsedAt      *time.Time `bson:"used_at"`
	RevokedAt   *time.Time `bson:"revoked_at"`
}

func toCandidateInvitationDoc(i domain.CandidateInvitation) candidateInvitationDoc {
	return candidateInvitationDoc{TokenHash: i.TokenHash, ID: i.ID, CandidateID: i.CandidateID, OrgID: i.OrgID, InvitedBy: i.InvitedBy,
		CreatedAt: i.CreatedAt, ExpiresAt: i.ExpiresAt, UsedAt: i.UsedAt, RevokedAt: i.RevokedAt}
}

func toDomainCandidateInvitation(d candidateInvitationDoc) domain.CandidateInvitation {
	return domain.CandidateInvitation{ID: d.ID, TokenHash: d.TokenHash, CandidateID: d.CandidateID, OrgID: d.OrgID, InvitedBy: d.InvitedBy,
		CreatedAt: d.CreatedAt.UTC(), ExpiresAt: d.ExpiresAt.UTC(), UsedAt: utcPtr(d.UsedAt), RevokedAt: utcPtr(d.RevokedAt)}
}

func (r *CandidateInvitations) ensureIndexes(ctx context.Context) error {
	return mongox.EnsureIndexes(ctx, r.coll,
		mongo.IndexModel{Keys: bson.D{{Key: "candidate_id", Value: 1}}, Options: options.Index().SetName("candidate")},
	)
}

func (r *CandidateInvitations) lock(ctx context.Context, candidateID string) (func(), error) {
	return r.locks.Lock(ctx, "candidate-invitation:"+candidateID)
}

// Replace withdraws the candidate's open invitations and stores next, as
// one step under the candidate's lock.
func (r *CandidateInvitations) Replace(ctx context.Context, next domain.CandidateInvitation, now time.Time) error {
	unlock, err := r.lock(ctx, next.CandidateID)
	if err != nil {
		return err
	}
	defer unlock()
	if err := r.revokeOpenLocked(ctx, next.CandidateID, now); err != nil {
		return err
	}
	if _, err := r.coll.InsertOne(ctx, toCandidateInvitationDoc(next)); err != nil {
		return fmt.Errorf("insert candidate invitation: %w", err)
	}
	return nil
}

// ByTokenHash loads an invitation.
func (r *CandidateInvitations) ByTokenHash(ctx context.Context, hash string) (domain.CandidateInvitation, error) {
	var d candidateInvitationDoc
	if err := r.coll.FindOne(ctx, bson.D{{Key: "_id", Value: hash}}).Decode(&d); err != nil {
		return domain.CandidateInvitation{}, mongox.NotFoundAs(err, "candidate invitation")
	}
	return toDomainCandidateInvitation(d), nil
}

// Claim marks an open, unexpired invitation used in one guarded update
// under the candidate's lock, so a token works once even for concurrent
// requests; anything else is errs.NotFound.
func (r *CandidateInvitations) Claim(ctx context.Context, hash string, now time.Time) (domain.CandidateInvitation, error) {
	inv, err := r.ByTokenHash(ctx, hash)
	if err != nil {
		return domain.CandidateInvitation{}, err
	}
	unlock, err := r.lock(ctx, inv.CandidateID)
	if err != nil {
		return domain.CandidateInvitation{}, err
	}
	defer unlock()
	filter := bson.D{{Key: "_id", Value: hash}, {Key: "used_at", Value: nil}, {Key: "revoked_at", Value: nil}, {Key: "expires_at", Value: bson.D{{Key: "$gt", Value: now}}}}
	update := bson.D{{Key: "$set", Value: bson.D{{Key: "used_at", Value: now}}}}
	var d candidateInvitationDoc
	if err := r.coll.FindOneAndUpdate(ctx, filter, update, options.FindOneAndUpdate().SetReturnDocument(options.After)).Decode(&d); err != nil {
		return domain.CandidateInvitation{}, mongox.NotFoundAs(err, "candidate invitation used, withdrawn or expired")
	}
	return toDomainCandidateInvitation(d), nil
}

// Unclaim makes a claimed invitation usable again, when the account it
// was claimed for could not be stored.
func (r *CandidateInvitations) Unclaim(ctx context.Context, hash string) error {
	_, err := r.coll.UpdateOne(ctx, bson.D{{Key: "_id", Value: hash}}, bson.D{{Key: "$set", Value: bson.D{{Key: "used_at", Value: nil}}}})
	if err != nil {
		return fmt.Errorf("unclaim candidate invitation: %w", err)
	}
	return nil
}

// OpenOf lists the candidate's open invitations (neither used nor
// withdrawn, expired or not); there is at most one unless an older
// version left more.
func (r *CandidateInvitations) OpenOf(ctx context.Context, candidateID string) ([]domain.CandidateInvitation, error) {
	cur, err := r.coll.Find(ctx, bson.D{{Key: "candidate_id", Value: candidateID}})
	if err != nil {
		return nil, fmt.Errorf("find candidate invitations: %w", err)
	}
	var docs []candidateInvitationDoc
	if err := cur.All(ctx, &docs); err != nil {
		return nil, fmt.Errorf("read candidate invitations: %w", err)
	}
	var out []domain.CandidateInvitation
	for _, d := range docs {
		if inv := toDomainCandidateInvitation(d); inv.Open() {
			out = append(out, inv)
		}
	}
	return out, nil
}

// RevokeOpenOf withdraws the candidate's open invitations.
func (r *CandidateInvitations) RevokeOpenOf(ctx context.Context, candidateID string, now time.Time) error {
	unlock, err := r.lock(ctx, candidateID)
	if err != nil {
		return err
	}
	defer unlock()
	return r.revokeOpenLocked(ctx, candidateID, now)
}

func (r *CandidateInvitations) revokeOpenLocked(ctx context.Context, candidateID string, now time.Time) error {
	open, err := r.OpenOf(ctx, candidateID)
	if err != nil {
		return err
	}
	for _, inv := range open {
		_, err := r.coll.UpdateOne(ctx, bson.D{{Key: "_id", Value: inv.TokenHash}}, bson.D{{Key: "$set", Value: bson.D{{Key: "revoked_at", Value: now}}}})
		if err != nil {
			return fmt.Errorf("withdraw candidate invitation: %w", err)
		}
	}
	return nil
}

// DeleteAllOf removes every invitation of the candidate, used or not, for
// an erasure.
func (r *CandidateInvitations) DeleteAllOf(ctx context.Context, candidateID string) error {
	unlock, err := r.lock(ctx, candidateID)
	if err != nil {
		return err
	}
	defer unlock()
	if _, err := r.coll.DeleteMany(ctx, bson.D{{Key: "candidate_id", Value: candidateID}}); err != nil {
		return fmt.Errorf("delete candidate invitations: %w", err)
	}
	return nil
}
