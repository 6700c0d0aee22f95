package service_test

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/onward-jobs/onward/pkg/errs"
	"github.com/onward-jobs/onward/services/gateway/internal/domain"
	"github.com/onward-jobs/onward/services/gateway/internal/password"
	"github.com/onward-jobs/onward/services/gateway/internal/service"
)

// memoryUsers is an in-memory Users port with the adapter's ordering.
type memoryUsers struct{ all []domain.User }

func (m *memoryUsers) Create(_ context.Context, u domain.User) error {
	m.all = append(m.all, u)
	return nil
}

func (m *memoryUsers) ByID(_ context.Context, id string) (domain.User, error) {
	for _, u := range m.all {
		if u.ID == id {
			return u, nil
		}
	}
	return domain.User{}, fmt.Errorf("user: %w", errs.NotFound)
}

func (m *memoryUsers) ByEmail(_ context.Context, email string) (domain.User, error) {
	for _, u := range m.all {
		if u.Email == email {
			return u, nil
		}
	}
	return domain.User{}, fmt.Errorf("user: %w", errs.NotFound)
}

func (m *memoryUsers) ByOrg(_ context.Context, orgID string, limit int) ([]domain.User, error) {
	var out []domain.User
	for _, u := range m.all {
		if u.OrgID == orgID {
			out = append(out, u)
		}
	}
	slices.SortFunc(out, func(a, b domain.User) int { return strings.Compare(a.Name, b.Name) })
	return out[:min(limit, len(out))], nil
}

func (m *memoryUsers) Count(context.Context) (int64, error) { return int64(len(m.all)), nil }

func (m *memoryUsers) SetDeactivated(_ context.Context, id string, at *time.Time) error {
	for i := range m.all {
		if m.all[i].ID == id {
			m.all[i].DeactivatedAt = at
			return nil
		}
	}
	return fmt.Errorf("user: %w", errs.NotFound)
}

func (m *memoryUsers) SetRole(_ context.Context, id string, role domain.Role) error {
	for i := range m.all {
		if m.all[i].ID == id {
			m.all[i].Role = role
			return nil
		}
	}
	return fmt.Errorf("user: %w", errs.NotFound)
}

func (m *memoryUsers) SetLanguage(_ context.Context, id string, lang domain.Language) error {
	return m.update(id, func(u *domain.User) { u.Language = lang })
}

func (m *memoryUsers) SetPassword(_ context.Context, id, hash string) error {
	return m.update(id, func(u *domain.User) { u.PasswordHash = hash })
}

func (m *memoryUsers) update(id string, change func(*domain.User)) error {
	for i := range m.all {
		if m.all[i].ID == id {
			change(&m.all[i])
			return nil
		}
	}
	return fmt.Errorf("user: %w", errs.NotFound)
}

func (m *memoryUsers) Delete(_ context.Context, id string) error {
	for i := range m.all {
		if m.all[i].ID == id {
			m.all = append(m.all[:i], m.all[i+1:]...)
			return nil
		}
	}
	return fmt.Errorf("user: %w", errs.NotFound)
}

func membersService(t *testing.T) *service.Service {
	t.Helper()
	users := &memoryUsers{all: []domain.User{
		{ID: "u-sam", Name: "Sam Claes", Email: "sam@koffie.test", PasswordHash: "secret", OrgID: "o-koffie", Role: domain.RoleOrgAdmin},
		{ID: "u-lien", Name: "Lien Maes", Email: "lien@koffie.test", OrgID: "o-koffie", Role: domain.RoleMember},
		{ID: "u-ana", Name: "Ana", Email: "ana@hoek.test", OrgID: "o-hoek", Role: domain.RoleOrgAdmin},
		{ID: "u-admin", Name: "Admin", Email: "admin@onward.test", Role: domain.RoleAdmin},
	}}
	svc, err := service.New(service.Config{PasswordParams: password.Params{MemoryKiB: 64, Iterations: 1, Parallelism: 1}}, service.Deps{Users: users})
	if err != nil {
		t.Fatal(err)
	}
	return svc
}

var (
	sam   = service.Actor{UserID: "u-sam", OrgID: "o-koffie", OrgKind: domain.KindProgramme, Role: domain.RoleOrgAdmin}
	lien  = service.Actor{UserID: "u-lien", OrgID: "o-koffie", OrgKind: domain.KindProgramme, Role: domain.RoleMember}
	ana   = service.Actor{UserID: "u-ana", OrgID: "o-hoek", OrgKind: domain.KindEmployer, Role: domain.RoleOrgAdmin}
	admin = service.Actor{UserID: "u-admin", Role: domain.RoleAdmin}
)

// TestMembersAreForTheOrganisationsOwnPeople: members and administrators
// of an organisation list its people by name, without e-mail or password
// hash; anyone else is refused as the other organisation checks refuse.
func TestMembersAreForTheOrganisationsOwnPeople(t *testing.T) {
	t.Parallel()
	svc := membersService(t)
	want := []service.Member{{ID: "u-lien", Name: "Lien Maes", Role: domain.RoleMember, Active: true}, {ID: "u-sam", Name: "Sam Claes", Role: domain.RoleOrgAdmin, Active: true}}
	for _, a := range []service.Actor{sam, lien} {
		got, err := svc.Members(context.Background(), a, "o-koffie")
		if err != nil || !slices.Equal(got, want) {
			t.Errorf("%s: Members = %v, %v; want %v", a.UserID, got, err, want)
		}
	}
	for _, tc := range []struct {
		name  string
		actor service.Actor
		org   string
		want  error
	}{
		{"another organisation's admin", ana, "o-koffie", errs.NotFound},
		{"an organisation that does not exist", sam, "o-none", errs.NotFound},
		{"no organisation", sam, "", errs.NotFound},
		{"the platform administrator", admin, "o-koffie", errs.Forbidden},
	} {
		if _, err := svc.Members(context.Background(), tc.actor, tc.org); !errors.Is(err, tc.want) {
			t.Errorf("%s: err = %v, want %v", tc.name, err, tc.want)
		}
	}
}

// TestMemberNamesOnlyColleagues: a colleague is named; someone of another
// organisation and an unknown id look the same, NotFound.
func TestMemberNamesOnlyColleagues(t *testing.T) {
	t.Parallel()
	svc := membersService(t)
	got, err := svc.Member(context.Background(), lien, "u-sam")
	if err != nil || got != (service.Member{ID: "u-sam", Name: "Sam Claes", Role: domain.RoleOrgAdmin, Active: true}) {
		t.Fatalf("Member(u-sam) = %v, %v", got, err)
	}
	for _, tc := range []struct {
		actor service.Actor
		id    string
		want  error
	}{
		{lien, "u-ana", errs.NotFound},
		{lien, "u-admin", errs.NotFound},
		{lien, "u-gone", errs.NotFound},
		{ana, "u-sam", errs.NotFound},
		{admin, "u-sam", errs.Forbidden},
	} {
		if m, err := svc.Member(context.Background(), tc.actor, tc.id); !errors.Is(err, tc.want) {
			t.Errorf("%s asks for %s: %v, %v; want %v", tc.actor.UserID, tc.id, m, err, tc.want)
		}
	}
}
