package mongo

import (
	"context"
	"slices"
	"testing"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"

	"github.com/onward-jobs/onward/pkg/mongox"
	"github.com/onward-jobs/onward/services/gateway/internal/domain"
)

// noLocks serialises nothing; these tests make no concurrent writes.
type noLocks struct{}

func (noLocks) Lock(context.Context, string) (func(), error) { return func() {}, nil }

// TestDocumentsFromBeforeAdministration: organisations without a search
// key and invitations without an id or revoked_at, as older versions
// stored them, are filled in at start and then searched, listed, claimed
// and revoked like new ones.
func TestDocumentsFromBeforeAdministration(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := newTestStore(t)
	s.Invitations.locks = noLocks{}
	at := time.Date(2026, 11, 20, 9, 0, 0, 0, time.UTC)
	if _, err := s.Organisations.coll.InsertOne(ctx, bson.D{{Key: "_id", Value: "o-old"}, {Key: "name", Value: "Café Ñandú"}, {Key: "kind", Value: "employer"}, {Key: "created_at", Value: at}}); err != nil {
		t.Fatal(err)
	}
	for _, hash := range []string{"h-old-1", "h-old-2"} {
		doc := bson.D{{Key: "_id", Value: hash}, {Key: "org_id", Value: "o-old"}, {Key: "email", Value: hash + "@x.be"}, {Key: "role", Value: "member"},
			{Key: "invited_by", Value: "u1"}, {Key: "created_at", Value: at}, {Key: "expires_at", Value: at.Add(time.Hour)}, {Key: "accepted_at", Value: nil}}
		if _, err := s.Invitations.coll.InsertOne(ctx, doc); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.EnsureIndexes(ctx); err != nil {
		t.Fatal(err)
	}

	orgs, _, err := s.Organisations.List(ctx, domain.OrganisationFilter{Query: "NANDU"}, mongox.PageRequest{})
	if err != nil || len(orgs) != 1 || orgs[0].ID != "o-old" {
		t.Fatalf("search an old organisation: %v, %v", orgs, err)
	}
	open, err := s.Invitations.OpenByOrg(ctx, "o-old", 10)
	if err != nil || len(open) != 2 || open[0].ID == "" || open[0].ID == open[1].ID {
		t.Fatalf("old invitations: %+v, %v", open, err)
	}
	byID, err := s.Invitations.OpenByID(ctx, "o-old", open[1].ID)
	if err != nil || byID.TokenHash != open[1].TokenHash {
		t.Fatalf("old invitation by id: %+v, %v", byID, err)
	}
	if _, err := s.Invitations.Claim(ctx, "h-old-1", at); err != nil {
		t.Fatalf("claim an old invitation: %v", err)
	}
	if err := s.Invitations.Revoke(ctx, "h-old-2", at); err != nil {
		t.Fatalf("revoke an old invitation: %v", err)
	}
	if _, err := s.Invitations.Claim(ctx, "h-old-2", at); err == nil {
		t.Fatal("a revoked invitation was claimed")
	}
	if open, err := s.Invitations.OpenByOrg(ctx, "o-old", 10); err != nil || len(open) != 0 {
		t.Fatalf("open after claim and revoke: %+v, %v", open, err)
	}
	if err := s.EnsureIndexes(ctx); err != nil {
		t.Fatalf("a second start: %v", err)
	}
}

// TestRevokeUserReachesEveryFamily: deactivation revokes the tokens of
// one account in all its sign-ins and no one else's.
func TestRevokeUserReachesEveryFamily(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := newTestStore(t)
	now := time.Date(2026, 11, 20, 9, 0, 0, 0, time.UTC)
	for _, rt := range []domain.RefreshToken{
		{Hash: "a1", FamilyID: "f1", UserID: "u-lien"}, {Hash: "a2", FamilyID: "f2", UserID: "u-lien"}, {Hash: "b1", FamilyID: "f3", UserID: "u-sam"},
	} {
		rt.CreatedAt, rt.ExpiresAt = now, now.Add(time.Hour)
		if err := s.RefreshTokens.Create(ctx, rt); err != nil {
			t.Fatal(err)
		}
	}
	families, err := s.RefreshTokens.RevokeUser(ctx, "u-lien", now)
	if err != nil {
		t.Fatal(err)
	}
	if slices.Sort(families); !slices.Equal(families, []string{"f1", "f2"}) {
		t.Errorf("RevokeUser returned families %v, want [f1 f2]", families)
	}
	var revoked []string
	for _, h := range []string{"a1", "a2", "b1"} {
		rt, err := s.RefreshTokens.ByHash(ctx, h)
		if err != nil {
			t.Fatal(err)
		}
		if rt.RevokedAt != nil {
			revoked = append(revoked, h)
		}
	}
	if !slices.Equal(revoked, []string{"a1", "a2"}) {
		t.Fatalf("revoked %v, want a1 and a2", revoked)
	}
}
