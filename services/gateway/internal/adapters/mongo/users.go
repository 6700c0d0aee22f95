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

// Users stores accounts.
type Users struct{ coll *mongo.Collection }

type userDoc struct {
	ID            string     `bson:"_id"`
	Email         string     `bson:"email"`
	Name          string     `bson:"name"`
	PasswordHash  string     `bson:"password_hash"`
	OrgID         string     `bson:"org_id,omitempty"`
	Role          string     `bson:"role"`
	Language      string     `bson:"language,omitempty"`
	CreatedAt     time.Time  `bson:"created_at"`
	DeactivatedAt *time.Time `bson:"deactivated_at,omitempty"`
}

func toUserDoc(u domain.User) userDoc {
	return userDoc{ID: u.ID, Email: u.Email, Name: u.Name, PasswordHash: u.PasswordHash, OrgID: u.OrgID, Role: string(u.Role), Language: string(u.Language), CreatedAt: u.CreatedAt, DeactivatedAt: u.DeactivatedAt}
}

func toDomainUser(d userDoc) domain.User {
	return domain.User{ID: d.ID, Email: d.Email, Name: d.Name, PasswordHash: d.PasswordHash, OrgID: d.OrgID, Role: domain.Role(d.Role), Language: toDomainLanguage(d.Language), CreatedAt: d.CreatedAt.UTC(), DeactivatedAt: utcPtr(d.DeactivatedAt)}
}

// Create inserts a user; a taken e-mail is errs.Conflict.
func (r *Users) Create(ctx context.Context, u domain.User) error {
	if _, err := r.coll.InsertOne(ctx, toUserDoc(u)); err != nil {
		if mongox.IsDuplicateKey(err) {
			return fmt.Errorf("email: this address already has an account: %w", errs.Conflict)
		}
		return fmt.Errorf("insert user: %w", err)
	}
	return nil
}

// ByID loads a user.
func (r *Users) ByID(ctx context.Context, id string) (domain.User, error) {
	return r.findOne(ctx, bson.D{{Key: "_id", Value: id}})
}

// ByEmail loads a user by normalised e-mail.
func (r *Users) ByEmail(ctx context.Context, email string) (domain.User, error) {
	return r.findOne(ctx, bson.D{{Key: "email", Value: email}})
}

// ByOrg loads at most limit accounts of one organisation, ordered by name
// (then id, so equal names keep one order). The org_name index serves it.
func (r *Users) ByOrg(ctx context.Context, orgID string, limit int) ([]domain.User, error) {
	if limit <= 0 {
		return nil, fmt.Errorf("users of organisation: limit must be positive, got %d", limit)
	}
	opts := options.Find().SetSort(bson.D{{Key: "name", Value: 1}, {Key: "_id", Value: 1}}).SetLimit(int64(limit))
	cur, err := r.coll.Find(ctx, bson.D{{Key: "org_id", Value: orgID}}, opts)
	if err != nil {
		return nil, fmt.Errorf("find users of organisation: %w", err)
	}
	var docs []userDoc
	if err := cur.All(ctx, &docs); err != nil {
		return nil, fmt.Errorf("read users of organisation: %w", err)
	}
	users := make([]domain.User, 0, len(docs))
	for _, d := range docs {
		users = append(users, toDomainUser(d))
	}
	return users, nil
}

func (r *Users) findOne(ctx context.Context, filter bson.D) (domain.User, error) {
	var d userDoc
	if err := r.coll.FindOne(ctx, filter).Decode(&d); err != nil {
		return domain.User{}, mongox.NotFoundAs(err, "user")
	}
	return toDomainUser(d), nil
}

// SetDeactivated records when an account was switched off, or clears it
// (at nil) when it is switched on again. An unknown id is errs.NotFound.
func (r *Users) SetDeactivated(ctx context.Context, id string, at *time.Time) error {
	update := bson.D{{Key: "$unset", Value: bson.D{{Key: "deactivated_at", Value: ""}}}}
	if at != nil {
		update = bson.D{{Key: "$set", Value: bson.D{{Key: "deactivated_at", Value: *at}}}}
	}
	res, err := r.coll.UpdateOne(ctx, bson.D{{Key: "_id", Value: id}}, update)
	if err != nil {
		return fmt.Errorf("set user deactivation: %w", err)
	}
	if res.MatchedCount == 0 {
		return fmt.Errorf("user %s: %w", id, errs.NotFound)
	}
	return nil
}

// SetRole changes an account's role. An unknown id is errs.NotFound.
func (r *Users) SetRole(ctx context.Context, id string, role domain.Role) error {
	res, err := r.coll.UpdateOne(ctx, bson.D{{Key: "_id", Value: id}}, bson.D{{Key: "$set", Value: bson.D{{Key: "role", Value: string(role)}}}})
	if err != nil {
		return fmt.Errorf("set user role: %w", err)
	}
	if res.MatchedCount == 0 {
		return fmt.Errorf("user %s: %w", id, errs.NotFound)
	}
	return nil
}

// Delete removes an account, with its e-mail address, name and password
// hash. An unknown id is errs.NotFound.
func (r *Users) Delete(ctx context.Context, id string) error {
	res, err := r.coll.DeleteOne(ctx, bson.D{{Key: "_id", Value: id}})
	if err != nil {
		return fmt.Errorf("delete user: %w", err)
	}
	if res.DeletedCount == 0 {
		return fmt.Errorf("user %s: %w", id, errs.NotFound)
	}
	return nil
}

// Count returns the number of accounts.
func (r *Users) Count(ctx context.Context) (int64, error) {
	return r.coll.CountDocuments(ctx, bson.D{})
}

// toDomainLanguage reads the language of an account stored before users
// had one as the default.
func toDomainLanguage(lang string) domain.Language {
	if lang == "" {
		return domain.DefaultLanguage
	}
	return domain.Language(lang)
}

// SetLanguage changes an account's language. An unknown id is
// errs.NotFound.
func (r *Users) SetLanguage(ctx context.Context, id string, lang domain.Language) error {
	return r.set(ctx, id, "language", string(lang))
}

// SetPassword replaces an account's password hash. An unknown id is
// errs.NotFound.
func (r *Users) SetPassword(ctx context.Context, id, hash string) error {
	return r.set(ctx, id, "password_hash", hash)
}

func (r *Users) set(ctx context.Context, id, field string, value any) error {
	return setByID(ctx, r.coll, "user", id, field, value)
}

// setByID sets one field of the document id of coll, what it holds; an
// unknown id is errs.NotFound.
func setByID(ctx context.Context, coll *mongo.Collection, what, id, field string, value any) error {
	res, err := coll.UpdateOne(ctx, bson.D{{Key: "_id", Value: id}}, bson.D{{Key: "$set", Value: bson.D{{Key: field, Value: value}}}})
	if err != nil {
		return fmt.Errorf("set %s %s: %w", what, field, err)
	}
	if res.MatchedCount == 0 {
		return fmt.Errorf("%s %s: %w", what, id, errs.NotFound)
	}
	return nil
}
