package service_test

import (
	"context"
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/onward-jobs/onward/pkg/errs"
	"github.com/onward-jobs/onward/services/gateway/internal/domain"
	"github.com/onward-jobs/onward/services/gateway/internal/password"
	"github.com/onward-jobs/onward/services/gateway/internal/service"
)

// revokedUsers is a RefreshTokens port that records whose tokens were
// revoked; the other methods are not used by deactivation.
type revokedUsers struct {
	service.RefreshTokens
	users []string
}

func (r *revokedUsers) RevokeUser(_ context.Context, userID string, _ time.Time) ([]string, error) {
	r.users = append(r.users, userID)
	return nil, nil
}

func deactivationService(t *testing.T) (*service.Service, *memoryUsers, *revokedUsers) {
	t.Helper()
	users := &memoryUsers{all: []domain.User{
		{ID: "u-sam", Name: "Sam Claes", OrgID: "o-koffie", Role: domain.RoleOrgAdmin},
		{ID: "u-lien", Name: "Lien Maes", OrgID: "o-koffie", Role: domain.RoleMember},
		{ID: "u-ana", Name: "Ana", OrgID: "o-hoek", Role: domain.RoleOrgAdmin},
		{ID: "u-admin", Name: "Admin", Role: domain.RoleAdmin},
		{ID: "u-admin2", Name: "Second admin", Role: domain.RoleAdmin},
	}}
	tokens := &revokedUsers{}
	svc, err := service.New(service.Config{PasswordParams: password.Params{MemoryKiB: 64, Iterations: 1, Parallelism: 1}},
		service.Deps{Users: users, RefreshTokens: tokens})
	if err != nil {
		t.Fatal(err)
	}
	return svc, users, tokens
}

// TestDeactivationRules: who may switch whose account off, and what a
// refusal looks like.
func TestDeactivationRules(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name   string
		actor  service.Actor
		target string
		want   error
	}{
		{"an org_admin, a colleague", sam, "u-lien", nil},
		{"the platform admin, anyone", admin, "u-ana", nil},
		{"the platform admin, another admin", admin, "u-admin2", nil},
		{"an org_admin, another organisation's person", ana, "u-lien", errs.NotFound},
		{"an org_admin, a platform admin", sam, "u-admin", errs.NotFound},
		{"an org_admin, an unknown id", sam, "u-gone", errs.NotFound},
		{"a member, a colleague", lien, "u-sam", errs.Forbidden},
		{"an org_admin, themselves", sam, "u-sam", errs.Conflict},
		{"the platform admin, themselves", admin, "u-admin", errs.Conflict},
	} {
		t.Run(tc.name, func(t *testing.T) {
			svc, users, tokens := deactivationService(t)
			m, err := svc.DeactivateUser(context.Background(), tc.actor, tc.target)
			if !errors.Is(err, tc.want) || (tc.want == nil) != (err == nil) {
				t.Fatalf("err = %v, want %v", err, tc.want)
			}
			u, _ := users.ByID(context.Background(), tc.target)
			if tc.want != nil {
				if len(tokens.users) != 0 || (u.ID != "" && !u.Active()) {
					t.Fatalf("a refused call changed something: revoked %v, user %+v", tokens.users, u)
				}
				return
			}
			if m.Active || m.DeactivatedAt == nil || !m.Contact || u.Active() || !slices.Equal(tokens.users, []string{tc.target}) {
				t.Fatalf("deactivated %+v, stored %+v, revoked %v", m, u, tokens.users)
			}
			again, err := svc.DeactivateUser(context.Background(), tc.actor, tc.target)
			if err != nil || !again.DeactivatedAt.Equal(*m.DeactivatedAt) {
				t.Fatalf("deactivating twice: %+v, %v; want the first date kept", again, err)
			}
			back, err := svc.ReactivateUser(context.Background(), tc.actor, tc.target)
			if u, _ := users.ByID(context.Background(), tc.target); err != nil || !back.Active || !u.Active() {
				t.Fatalf("reactivated: %+v, %v; stored %+v", back, err, u)
			}
		})
	}
}

// TestDeactivatedCallerCannotManage: an org_admin switched off keeps an
// access token that verifies for a while; it must not act with it.
func TestDeactivatedCallerCannotManage(t *testing.T) {
	t.Parallel()
	svc, _, _ := deactivationService(t)
	if _, err := svc.DeactivateUser(context.Background(), admin, "u-sam"); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.DeactivateUser(context.Background(), sam, "u-lien"); !errors.Is(err, errs.Forbidden) {
		t.Fatalf("a deactivated org_admin deactivates a colleague: %v", err)
	}
}
