package service_test

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/onward-jobs/onward/pkg/errs"
	"github.com/onward-jobs/onward/services/gateway/internal/domain"
	"github.com/onward-jobs/onward/services/gateway/internal/password"
	"github.com/onward-jobs/onward/services/gateway/internal/service"
)

// fakeCandidates answers which organisation holds a candidate, and counts
// the questions.
type fakeCandidates struct {
	orgs  map[string]string
	err   error
	asked int
}

func (f *fakeCandidates) CandidateOrg(_ context.Context, id string) (string, error) {
	f.asked++
	if f.err != nil {
		return "", f.err
	}
	org, ok := f.orgs[id]
	if !ok {
		return "", fmt.Errorf("candidate %s: %w", id, errs.NotFound)
	}
	return org, nil
}

// TestCandidateStaffCheck: who may manage a candidate's account is
// decided by role and organisation kind before the candidates service is
// asked, and a candidates service that cannot answer is Unavailable, not
// a missing candidate.
func TestCandidateStaffCheck(t *testing.T) {
	t.Parallel()
	staff := domain.User{ID: "staff-1", OrgID: "prog-1", Role: domain.RoleMember}
	other := domain.User{ID: "staff-2", OrgID: "prog-2", Role: domain.RoleOrgAdmin}
	users := &memoryUsers{all: []domain.User{staff, other}}
	candidates := &fakeCandidates{orgs: map[string]string{"cand-1": "prog-1"}}
	svc, err := service.New(service.Config{PasswordParams: password.Params{MemoryKiB: 64, Iterations: 1, Parallelism: 1}},
		service.Deps{Users: users, Candidates: candidates})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	refused := []service.Actor{
		{UserID: "e", OrgID: "emp-1", OrgKind: domain.KindEmployer, Role: domain.RoleOrgAdmin},
		{UserID: "o", OrgID: "obs-1", OrgKind: domain.KindObserver, Role: domain.RoleMember},
		{UserID: "a", Role: domain.RoleAdmin},
		{UserID: "c", Role: domain.RoleCandidate, CandidateID: "cand-1"},
	}
	for _, a := range refused {
		if _, err := svc.InviteCandidate(ctx, a, "cand-1", "192.0.2.1", service.CandidateInvitationMail{}); !errors.Is(err, errs.Forbidden) {
			t.Errorf("%s of a %s organisation: %v, want Forbidden", a.Role, a.OrgKind, err)
		}
	}
	if candidates.asked != 0 {
		t.Errorf("the candidates service was asked %d times for callers refused by role", candidates.asked)
	}
	otherStaff := service.Actor{UserID: other.ID, OrgID: other.OrgID, OrgKind: domain.KindProgramme, Role: other.Role}
	if _, err := svc.CandidateAccountOf(ctx, otherStaff, "cand-1"); !errors.Is(err, errs.NotFound) {
		t.Errorf("another programme's staff: %v, want NotFound", err)
	}
	own := service.Actor{UserID: staff.ID, OrgID: staff.OrgID, OrgKind: domain.KindProgramme, Role: staff.Role}
	if err := svc.CloseCandidateAccount(ctx, own, "cand-9"); !errors.Is(err, errs.NotFound) {
		t.Errorf("an unknown candidate: %v, want NotFound", err)
	}
	candidates.err = fmt.Errorf("candidates: %w", errs.Unavailable)
	if _, err := svc.CandidateAccountOf(ctx, own, "cand-1"); !errors.Is(err, errs.Unavailable) || errors.Is(err, errs.NotFound) {
		t.Errorf("the candidates service down: %v, want Unavailable", err)
	}
}
