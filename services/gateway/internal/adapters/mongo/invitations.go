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

// Invitations stores invitations under the hash of their token.
type Invitations struct {
	coll  *mongo.Collection
	locks Locker
}

type invitationDoc struct {
	TokenHash  string     `bson:"_id"`
	OrgID      string     `bson:"org_id"`
	Email      string     `bson:"email"`
	Role       string     `bson:"role"`
	InvitedBy  string     `bson:"invited_by"`
	CreatedAt  time.Time  `bson:"created_at"`
	ExpiresAt  time.Time  `bson:"expires_at"`
	AcceptedAt *time.Time `bson:"accepted_at"`
}

func toInvitationDoc(i domain.Invitation) invitationDoc {
	return invitationDoc{TokenHash: i.TokenHash, OrgID: i.OrgID, Email: i.Email, Role: string(i.Role), InvitedBy: i.InvitedBy, CreatedAt: i.CreatedAt, ExpiresAt: i.ExpiresAt, AcceptedAt: i.AcceptedAt}
}

func toDomainInvitation(d invitationDoc) domain.Invitation {
	return domain.Invitation{TokenHash: d.TokenHash, OrgID: d.OrgID, Email: d.Email, Role: domain.Role(d.Role), InvitedBy: d.InvitedBy,
		CreatedAt: d.CreatedAt.UTC(), ExpiresAt: d.ExpiresAt.UTC(), AcceptedAt: utcPtr(d.AcceptedAt)}
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

// Claim marks an unaccepted, unexpired invitation accepted in one atomic
// update, so a token can be used only once even by concurrent requests.
func (r *Invitations) Claim(ctx context.Context, hash string, now time.Time) (domain.Invitation, error) {
	unlock, err := r.locks.Lock(ctx, "invitation:"+hash)
	if err != nil {
		return domain.Invitation{}, err
	}
	defer unlock()
	filter := bson.D{{Key: "_id", Value: hash}, {Key: "accepted_at", Value: nil}, {Key: "expires_at", Value: bson.D{{Key: "$gt", Value: now}}}}
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

func utcPtr(t *time.Time) *time.Time {
	if t == nil {
		return nil
	}
	u := t.UTC()
	return &u
}
