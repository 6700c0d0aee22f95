package mongo

import (
	"context"
	"fmt"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"github.com/onward-jobs/onward/pkg/errs"
	"github.com/onward-jobs/onward/pkg/mongox"
	"github.com/onward-jobs/onward/services/gateway/internal/domain"
)

// CandidateAccounts stores candidates' own accounts, apart from users: a
// candidate has a user name rather than an e-mail address. The user name
// and the candidate record are each unique.
type CandidateAccounts struct{ coll *mongo.Collection }

type candidateAccountDoc struct {
	ID           string    `bson:"_id"`
	Username     string    `bson:"username"`
	CandidateID  string    `bson:"candidate_id"`
	OrgID        string    `bson:"org_id"`
	PasswordHash string    `bson:"password_hash"`
	Language     string    `bson:"language,omitempty"`
	CreatedAt    time.Time `bson:"created_at"`
}

func toCandidateAccountDoc(a domain.CandidateAccount) candidateAccountDoc {
	return candidateAccountDoc{ID: a.ID, Username: a.Username, CandidateID: a.CandidateID, OrgID: a.OrgID,
		PasswordHash: a.PasswordHash, Language: string(a.Language), CreatedAt: a.CreatedAt}
}

func toDomainCandidateAccount(d candidateAccountDoc) domain.CandidateAccount {
	return domain.CandidateAccount{ID: d.ID, Username: d.Username, CandidateID: d.CandidateID, OrgID: d.OrgID,
		PasswordHash: d.PasswordHash, Language: toDomainLanguage(d.Language), CreatedAt: d.CreatedAt.UTC()}
}

func (r *CandidateAccounts) ensureIndexes(ctx context.Context) error {
	return mongox.EnsureIndexes(ctx, r.coll,
		mongo.IndexModel{Keys: bson.D{{Key: "username", Value: 1}}, Options: options.Index().SetUnique(true).SetName("username_unique")},
		mongo.IndexModel{Keys: bson.D{{Key: "candidate_id", Value: 1}}, Options: options.Index().SetUnique(true).SetName("candidate_unique")},
	)
}

// Create inserts an account. A taken user name is errs.Conflict naming
// the field username; a candidate who has an account already is
// errs.Conflict too.
func (r *CandidateAccounts) Create(ctx context.Context, a domain.CandidateAccount) error {
	_, err := r.coll.InsertOne(ctx, toCandidateAccountDoc(a))
	if err == nil {
		return nil
	}
	if !mongox.IsDuplicateKey(err) {
		return fmt.Errorf("insert candidate account: %w", err)
	}
	if _, byCandidate := r.ByCandidateID(ctx, a.CandidateID); byCandidate == nil {
		return fmt.Errorf("candidate %s already has an account: %w", a.CandidateID, errs.Conflict)
	}
	return fmt.Errorf("username: this user name is taken; choose another: %w", errs.Conflict)
}

// ByID loads an account.
func (r *CandidateAccounts) ByID(ctx context.Context, id string) (domain.CandidateAccount, error) {
	return r.findOne(ctx, bson.D{{Key: "_id", Value: id}})
}

// ByUsername loads an account by its normalised user name.
func (r *CandidateAccounts) ByUsername(ctx context.Context, username string) (domain.CandidateAccount, error) {
	return r.findOne(ctx, bson.D{{Key: "username", Value: username}})
}

// ByCandidateID loads the account of a candidate record.
func (r *CandidateAccounts) ByCandidateID(ctx context.Context, candidateID string) (domain.CandidateAccount, error) {
	return r.findOne(ctx, bson.D{{Key: "candidate_id", Value: candidateID}})
}

func (r *CandidateAccounts) findOne(ctx context.Context, filter bson.D) (domain.CandidateAccount, error) {
	var d candidateAccountDoc
	if err := r.coll.FindOne(ctx, filter).Decode(&d); err != nil {
		return domain.CandidateAccount{}, mongox.NotFoundAs(err, "candidate account")
	}
	return toDomainCandidateAccount(d), nil
}

// SetPassword replaces an account's password hash. An unknown id is
// errs.NotFound.
func (r *CandidateAccounts) SetPassword(ctx context.Context, id, hash string) error {
	return r.set(ctx, id, "password_hash", hash)
}

// SetLanguage changes an account's language. An unknown id is
// errs.NotFound.
func (r *CandidateAccounts) SetLanguage(ctx context.Context, id string, lang domain.Language) error {
	return r.set(ctx, id, "language", string(lang))
}

func (r *CandidateAccounts) set(ctx context.Context, id, field string, value any) error {
	return setByID(ctx, r.coll, "candidate account", id, field, value)
}

// Delete removes an account with its user name and password hash. An
// unknown id is not an error: closing is idempotent.
func (r *CandidateAccounts) Delete(ctx context.Context, id string) error {
	if _, err := r.coll.DeleteOne(ctx, bson.D{{Key: "_id", Value: id}}); err != nil {
		return fmt.Errorf("delete candidate account: %w", err)
	}
	return nil
}
