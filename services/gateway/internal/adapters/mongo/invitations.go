package mongo

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/google/uuid"
	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"github.com/onward-jobs/onward/pkg/errs"
	"github.com/onward-jobs/onward/pkg/mongox"
	"github.com/onward-jobs/onward/services/gateway/internal/domain"
)

// Invitations stores invitations under the hash of their token, so the
// public look-up by token is a look-up by _id. Re-issuing an invitation
// revokes its document and stores a new one under the new hash with the
// same invitation id.
type Invitations struct {
	coll  *mongo.Collection
	locks Locker
}

type invitationDoc struct {
	TokenHash  string     `bson:"_id"`
	ID         string     `bson:"invitation_id"`
	OrgID      string     `bson:"org_id"`
	Email      string     `bson:"email"`
	Role       string     `bson:"role"`
	InvitedBy  string     `bson:"invited_by"`
	CreatedAt  time.Time  `bson:"created_at"`
	ExpiresAt  time.Time  `bson:"expires_at"`
	AcceptedAt *time.Time `bson:"accepted_at"`
	RevokedAt  *time.Time `bson:"revoked_at"`
	Issue      int        `bson:"issue,omitempty"`
}

func toInvitationDoc(i domain.Invitation) invitationDoc {
	return invitationDoc{TokenHash: i.TokenHash, ID: i.ID, OrgID: i.OrgID, Email: i.Email, Role: string(i.Role), InvitedBy: i.InvitedBy, CreatedAt: i.CreatedAt, ExpiresAt: i.ExpiresAt, AcceptedAt: i.AcceptedAt, RevokedAt: i.RevokedAt, Issue: i.Issue}
}

func toDomainInvitation(d invitationDoc) domain.Invitation {
	return domain.Invitation{ID: d.ID, TokenHash: d.TokenHash, OrgID: d.OrgID, Email: d.Email, Role: domain.Role(d.Role), InvitedBy: d.InvitedBy,
		CreatedAt: d.CreatedAt.UTC(), ExpiresAt: d.ExpiresAt.UTC(), AcceptedAt: utcPtr(d.AcceptedAt), RevokedAt: utcPtr(d.RevokedAt), Issue: d.Issue}
}

// Create inserts an invitation.
func (r *Invitations) Create(ctx context.Context, inv domain.Invitation) error {
	if _, err := r.coll.InsertOne(ctx, toInvitationDoc(inv)); err != nil {
		return fmt.Errorf("insert invitation: %w", err)
	}
	return nil
}

// ByTokenHash loads an invitation.
func (r *Invitations) ByTokenHash(ctx context.Context, hash string) (domain.Invitation, error) {
	var d invitationDoc
	if err := r.coll.FindOne(ctx, bson.D{{Key: "_id", Value: hash}}).Decode(&d); err != nil {
		return domain.Invitation{}, mongox.NotFoundAs(err, "invitation")
	}
	return toDomainInvitation(d), nil
}

// Claim marks an open, unexpired invitation accepted in one atomic
// update, so a token can be used only once even by concurrent requests.
// It takes the same lock as Revoke and Reissue.
func (r *Invitations) Claim(ctx context.Context, hash string, now time.Time) (domain.Invitation, error) {
	unlock, err := r.locks.Lock(ctx, "invitation:"+hash)
	if err != nil {
		return domain.Invitation{}, err
	}
	defer unlock()
	filter := append(openFilter(hash), bson.E{Key: "expires_at", Value: bson.D{{Key: "$gt", Value: now}}})
	update := bson.D{{Key: "$set", Value: bson.D{{Key: "accepted_at", Value: now}}}}
	var d invitationDoc
	err = r.coll.FindOneAndUpdate(ctx, filter, update, options.FindOneAndUpdate().SetReturnDocument(options.After)).Decode(&d)
	if err != nil {
		return domain.Invitation{}, mongox.NotFoundAs(err, "invitation used or expired")
	}
	return toDomainInvitation(d), nil
}

// Unclaim makes an invitation usable again.
func (r *Invitations) Unclaim(ctx context.Context, hash string) error {
	_, err := r.coll.UpdateOne(ctx, bson.D{{Key: "_id", Value: hash}}, bson.D{{Key: "$set", Value: bson.D{{Key: "accepted_at", Value: nil}}}})
	if err != nil {
		return fmt.Errorf("unclaim invitation: %w", err)
	}
	return nil
}

// openFilter matches the invitation stored under hash while it is neither
// accepted nor revoked. A null in the filter also matches a missing field,
// as in invitations stored before revocation existed.
func openFilter(hash string) bson.D {
	return bson.D{{Key: "_id", Value: hash}, {Key: "accepted_at", Value: nil}, {Key: "revoked_at", Value: nil}}
}

// OpenByOrg lists at most limit open invitations of an organisation,
// oldest first.
func (r *Invitations) OpenByOrg(ctx context.Context, orgID string, limit int) ([]domain.Invitation, error) {
	filter := bson.D{{Key: "org_id", Value: orgID}, {Key: "accepted_at", Value: nil}, {Key: "revoked_at", Value: nil}}
	opts := options.Find().SetSort(bson.D{{Key: "created_at", Value: 1}, {Key: "_id", Value: 1}}).SetLimit(int64(limit))
	cur, err := r.coll.Find(ctx, filter, opts)
	if err != nil {
		return nil, fmt.Errorf("find open invitations: %w", err)
	}
	var docs []invitationDoc
	if err := cur.All(ctx, &docs); err != nil {
		return nil, fmt.Errorf("read open invitations: %w", err)
	}
	out := make([]domain.Invitation, 0, len(docs))
	for _, d := range docs {
		out = append(out, toDomainInvitation(d))
	}
	return out, nil
}

// OpenByID finds an open invitation of an organisation by its id.
func (r *Invitations) OpenByID(ctx context.Context, orgID, id string) (domain.Invitation, error) {
	filter := bson.D{{Key: "invitation_id", Value: id}, {Key: "org_id", Value: orgID}, {Key: "accepted_at", Value: nil}, {Key: "revoked_at", Value: nil}}
	var d invitationDoc
	if err := r.coll.FindOne(ctx, filter).Decode(&d); err != nil {
		return domain.Invitation{}, mongox.NotFoundAs(err, "invitation %s", id)
	}
	return toDomainInvitation(d), nil
}

// Revoke withdraws the open invitation stored under hash. One accepted or
// revoked meanwhile is errs.NotFound.
func (r *Invitations) Revoke(ctx context.Context, hash string, now time.Time) error {
	unlock, err := r.locks.Lock(ctx, "invitation:"+hash)
	if err != nil {
		return err
	}
	defer unlock()
	return r.revokeLocked(ctx, hash, now)
}

func (r *Invitations) revokeLocked(ctx context.Context, hash string, now time.Time) error {
	res, err := r.coll.UpdateOne(ctx, openFilter(hash), bson.D{{Key: "$set", Value: bson.D{{Key: "revoked_at", Value: now}}}})
	if err != nil {
		return fmt.Errorf("revoke invitation: %w", err)
	}
	if res.MatchedCount == 0 {
		return fmt.Errorf("invitation accepted or revoked meanwhile: %w", errs.NotFound)
	}
	return nil
}

// Reissue revokes the open invitation stored under oldHash and stores
// next in its place, under the old document's lock so the old token cannot
// be claimed in between. If next cannot be stored the old one is made open
// again.
func (r *Invitations) Reissue(ctx context.Context, oldHash string, next domain.Invitation, now time.Time) error {
	unlock, err := r.locks.Lock(ctx, "invitation:"+oldHash)
	if err != nil {
		return err
	}
	defer unlock()
	if err := r.revokeLocked(ctx, oldHash, now); err != nil {
		return err
	}
	if _, err := r.coll.InsertOne(ctx, toInvitationDoc(next)); err != nil {
		undo := bson.D{{Key: "$set", Value: bson.D{{Key: "revoked_at", Value: nil}}}}
		if _, undoErr := r.coll.UpdateOne(ctx, bson.D{{Key: "_id", Value: oldHash}}, undo); undoErr != nil {
			err = errors.Join(err, undoErr)
		}
		return fmt.Errorf("store re-issued invitation: %w", err)
	}
	return nil
}

// backfillIDs gives the invitations stored before they had ids one, once,
// at start, so every open invitation can be managed.
func (r *Invitations) backfillIDs(ctx context.Context) error {
	return mongox.Each(ctx, r.coll, bson.D{{Key: "invitation_id", Value: bson.D{{Key: "$exists", Value: false}}}}, options.Find(), 100, func(d invitationDoc) error {
		update := bson.D{{Key: "$set", Value: bson.D{{Key: "invitation_id", Value: uuid.Must(uuid.NewV7()).String()}}}}
		if _, err := r.coll.UpdateOne(ctx, bson.D{{Key: "_id", Value: d.TokenHash}}, update); err != nil {
			return fmt.Errorf("backfill invitation id: %w", err)
		}
		return nil
	})
}

func utcPtr(t *time.Time) *time.Time {
	if t == nil {
		return nil
	}
	u := t.UTC()
	return &u
}
