package mongo

import (
	"context"
	"slices"
	"testing"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"

	"github.com/onward-jobs/onward/pkg/sealed"
	"github.com/onward-jobs/onward/pkg/testkit"
	"github.com/onward-jobs/onward/services/gateway/internal/domain"
)

// newTestStore is a store on a fresh database of the test Mongo-wire
// server, with its indexes. Users need no locks.
func newTestStore(t *testing.T) *Store {
	t.Helper()
	box, err := sealed.NewBox(sealed.NewKey())
	if err != nil {
		t.Fatal(err)
	}
	s := NewStore(testkit.MongoDB(t), box, nil)
	if err := s.EnsureIndexes(context.Background()); err != nil {
		t.Fatal(err)
	}
	return s
}

// TestUsersByOrgListsOneOrganisationByName: only the organisation's
// accounts, ordered by name, at most limit of them, from an index on
// the organisation.
func TestUsersByOrgListsOneOrganisationByName(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := newTestStore(t)
	at := time.Date(2026, 11, 20, 9, 0, 0, 0, time.UTC)
	for _, u := range []domain.User{
		{ID: "u1", Email: "sam@koffie.test", Name: "Sam Claes", OrgID: "o-koffie", Role: domain.RoleOrgAdmin},
		{ID: "u2", Email: "lien@koffie.test", Name: "Lien Maes", OrgID: "o-koffie", Role: domain.RoleMember},
		{ID: "u3", Email: "ana@hoek.test", Name: "Ana", OrgID: "o-hoek", Role: domain.RoleOrgAdmin},
		{ID: "u4", Email: "admin@onward.test", Name: "Admin", Role: domain.RoleAdmin},
		{ID: "u5", Email: "bart@koffie.test", Name: "Bart Wouters", OrgID: "o-koffie", Role: domain.RoleMember},
	} {
		u.PasswordHash, u.CreatedAt = "hash", at
		if err := s.Users.Create(ctx, u); err != nil {
			t.Fatal(err)
		}
	}
	ids := func(users []domain.User) []string {
		out := make([]string, 0, len(users))
		for _, u := range users {
			out = append(out, u.ID)
		}
		return out
	}
	all, err := s.Users.ByOrg(ctx, "o-koffie", 10)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := ids(all), []string{"u5", "u2", "u1"}; !slices.Equal(got, want) {
		t.Errorf("ByOrg = %v, want %v (by name)", got, want)
	}
	if all[2].Name != "Sam Claes" || all[2].Role != domain.RoleOrgAdmin || !all[2].CreatedAt.Equal(at) {
		t.Errorf("ByOrg returned %+v", all[2])
	}
	if two, err := s.Users.ByOrg(ctx, "o-koffie", 2); err != nil || !slices.Equal(ids(two), []string{"u5", "u2"}) {
		t.Errorf("ByOrg limit 2 = %v, %v", ids(two), err)
	}
	if none, err := s.Users.ByOrg(ctx, "o-none", 10); err != nil || len(none) != 0 {
		t.Errorf("ByOrg of an empty organisation = %v, %v", none, err)
	}
	if _, err := s.Users.ByOrg(ctx, "o-koffie", 0); err == nil {
		t.Error("ByOrg with no limit should be refused")
	}

	cur, err := s.Users.coll.Indexes().List(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var indexes []bson.M
	if err := cur.All(ctx, &indexes); err != nil {
		t.Fatal(err)
	}
	if !slices.ContainsFunc(indexes, func(ix bson.M) bool { return ix["name"] == "org_name" }) {
		t.Errorf("no org_name index on users: %v", indexes)
	}
}
