// Package mongo stores the gateway's accounts, organisations, invitations,
// refresh tokens, password resets, signing keys and the durable copy of the revocation list
// in its own MongoDB database. bson types stay in this package; named
// converters translate to domain types.
package mongo

import (
	"context"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"github.com/onward-jobs/onward/pkg/mongox"
	"github.com/onward-jobs/onward/pkg/sealed"
)

// Store gives access to every gateway collection.
type Store struct {
	Users         *Users
	Organisations *Organisations
	Invitations   *Invitations
	RefreshTokens *RefreshTokens
	SigningKeys   *SigningKeys
	Revocations   *Revocations
	Resets        *PasswordResets
	// CandidateAccounts and CandidateInvitations are candidates' own
	// accounts and the invitations that make them.
	CandidateAccounts    *CandidateAccounts
	CandidateInvitations *CandidateInvitations
}

// Locker serialises conditional updates of one document. FerretDB v1
// applies an update by reading, changing and rewriting the document, so two
// concurrent UpdateOne calls with the same guard can both match; a refresh
// token could then be rotated twice and reuse go undetected. MongoDB needs
// no lock, but the gateway must be correct on both (see pkg/redislock).
type Locker interface {
	Lock(ctx context.Context, key string) (unlock func(), err error)
}

// NewStore wires the collections of db. box encrypts signing keys at rest;
// locks guards refresh-token rotation and invitation claims.
func NewStore(db *mongo.Database, box *sealed.Box, locks Locker) *Store {
	return &Store{
		Users:                &Users{coll: db.Collection("users")},
		Organisations:        &Organisations{coll: db.Collection("organisations"), locks: locks},
		Invitations:          &Invitations{coll: db.Collection("invitations"), locks: locks},
		RefreshTokens:        &RefreshTokens{coll: db.Collection("refresh_tokens"), locks: locks},
		SigningKeys:          &SigningKeys{coll: db.Collection("signing_keys"), box: box},
		Revocations:          &Revocations{coll: db.Collection("revocations")},
		Resets:               &PasswordResets{coll: db.Collection("password_resets"), locks: locks},
		CandidateAccounts:    &CandidateAccounts{coll: db.Collection("candidate_accounts")},
		CandidateInvitations: &CandidateInvitations{coll: db.Collection("candidate_invitations"), locks: locks},
	}
}

// EnsureIndexes creates the indexes every query path relies on: unique
// e-mail for sign-in, organisation and name for listing an organisation's
// members, organisation for listing its invitations, and family and user
// for revoking refresh tokens, the expiry of revocations (a TTL index),
// and the account and expiry of password resets, candidate accounts'
// unique user name and candidate, candidate invitations' candidate, and
// the partial index of organisations waiting to publish an event (the
// outbox the relay reads). It also fills in the
// fields documents stored by older versions lack (organisations' search
// keys, invitations' ids), so every replica may run it at start.
func (s *Store) EnsureIndexes(ctx context.Context) error {
	if err := mongox.EnsureIndexes(ctx, s.Users.coll,
		mongo.IndexModel{Keys: bson.D{{Key: "email", Value: 1}}, Options: options.Index().SetUnique(true).SetName("email_unique")},
		mongo.IndexModel{Keys: bson.D{{Key: "org_id", Value: 1}, {Key: "name", Value: 1}}, Options: options.Index().SetName("org_name")},
	); err != nil {
		return err
	}
	if err := mongox.EnsureIndexes(ctx, s.Invitations.coll,
		mongo.IndexModel{Keys: bson.D{{Key: "org_id", Value: 1}, {Key: "created_at", Value: 1}}, Options: options.Index().SetName("org_created")},
	); err != nil {
		return err
	}
	if err := mongox.EnsureIndexes(ctx, s.RefreshTokens.coll,
		mongo.IndexModel{Keys: bson.D{{Key: "family_id", Value: 1}}, Options: options.Index().SetName("family")},
		mongo.IndexModel{Keys: bson.D{{Key: "user_id", Value: 1}}, Options: options.Index().SetName("user")},
	); err != nil {
		return err
	}
	if err := mongox.EnsureIndexes(ctx, s.Organisations.coll, mongox.PendingIndex("pending_events")); err != nil {
		return err
	}
	if err := s.Revocations.ensureIndexes(ctx); err != nil {
		return err
	}
	if err := s.Resets.ensureIndexes(ctx); err != nil {
		return err
	}
	if err := s.CandidateAccounts.ensureIndexes(ctx); err != nil {
		return err
	}
	if err := s.CandidateInvitations.ensureIndexes(ctx); err != nil {
		return err
	}
	if err := s.Organisations.backfillNameKeys(ctx); err != nil {
		return err
	}
	if err := s.Organisations.backfillStatus(ctx); err != nil {
		return err
	}
	return s.Invitations.backfillIDs(ctx)
}
