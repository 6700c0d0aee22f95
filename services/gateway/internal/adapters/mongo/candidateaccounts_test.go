package mongo

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/onward-jobs/onward/pkg/errs"
	"github.com/onward-jobs/onward/services/gateway/internal/domain"
)

// TestCandidateAccountsAreUnique: one account per user name and per
// candidate, and a taken user name is a conflict that names the field.
func TestCandidateAccountsAreUnique(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := newTestStore(t)
	at := time.Date(2026, 12, 7, 9, 0, 0, 0, time.UTC)
	first := domain.CandidateAccount{ID: "a1", Username: "sam.k", CandidateID: "c1", OrgID: "p1", PasswordHash: "hash", CreatedAt: at}
	if err := s.CandidateAccounts.Create(ctx, first); err != nil {
		t.Fatal(err)
	}
	err := s.CandidateAccounts.Create(ctx, domain.CandidateAccount{ID: "a2", Username: "sam.k", CandidateID: "c2", OrgID: "p1", CreatedAt: at})
	if !errors.Is(err, errs.Conflict) || !strings.HasPrefix(err.Error(), "username:") {
		t.Errorf("a taken user name: %v", err)
	}
	err = s.CandidateAccounts.Create(ctx, domain.CandidateAccount{ID: "a3", Username: "sam.other", CandidateID: "c1", OrgID: "p1", CreatedAt: at})
	if !errors.Is(err, errs.Conflict) || strings.HasPrefix(err.Error(), "username:") {
		t.Errorf("a second account of one candidate: %v", err)
	}
	got, err := s.CandidateAccounts.ByUsername(ctx, "sam.k")
	if err != nil || got.ID != "a1" || got.CandidateID != "c1" || got.Language != domain.DefaultLanguage || !got.CreatedAt.Equal(at) {
		t.Fatalf("ByUsername = %+v, %v", got, err)
	}
	if err := s.CandidateAccounts.SetPassword(ctx, "gone", "x"); !errors.Is(err, errs.NotFound) {
		t.Errorf("SetPassword of an unknown account: %v", err)
	}
	if err := s.CandidateAccounts.Delete(ctx, "a1"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.CandidateAccounts.ByCandidateID(ctx, "c1"); !errors.Is(err, errs.NotFound) {
		t.Errorf("after Delete: %v", err)
	}
	if err := s.CandidateAccounts.Delete(ctx, "a1"); err != nil {
		t.Errorf("a second Delete: %v", err)
	}
}

// TestCandidateInvitationsReplaceAndClaim: a new invitation withdraws the
// open one, a claim works once and only while usable, and an erasure
// removes them all.
func TestCandidateInvitationsReplaceAndClaim(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := newTestStore(t)
	s.CandidateInvitations.locks = noLocks{}
	now := time.Date(2026, 12, 7, 9, 0, 0, 0, time.UTC)
	invitation := func(hash string) domain.CandidateInvitation {
		return domain.CandidateInvitation{ID: "i-" + hash, TokenHash: hash, CandidateID: "c1", OrgID: "p1", InvitedBy: "u1", CreatedAt: now, ExpiresAt: now.Add(time.Hour)}
	}
	inv := s.CandidateInvitations
	for _, h := range []string{"h1", "h2"} {
		if err := inv.Replace(ctx, invitation(h), now); err != nil {
			t.Fatal(err)
		}
	}
	open, err := inv.OpenOf(ctx, "c1")
	if err != nil || len(open) != 1 || open[0].TokenHash != "h2" {
		t.Fatalf("open after a replacement = %+v, %v; want h2 alone", open, err)
	}
	if _, err := inv.Claim(ctx, "h1", now); !errors.Is(err, errs.NotFound) {
		t.Errorf("claiming a withdrawn invitation: %v", err)
	}
	if _, err := inv.Claim(ctx, "h2", now.Add(2*time.Hour)); !errors.Is(err, errs.NotFound) {
		t.Errorf("claiming an expired invitation: %v", err)
	}
	if got, err := inv.Claim(ctx, "h2", now); err != nil || got.UsedAt == nil {
		t.Fatalf("claim = %+v, %v", got, err)
	}
	if _, err := inv.Claim(ctx, "h2", now); !errors.Is(err, errs.NotFound) {
		t.Errorf("a second claim: %v", err)
	}
	if err := inv.Unclaim(ctx, "h2"); err != nil {
		t.Fatal(err)
	}
	if _, err := inv.Claim(ctx, "h2", now); err != nil {
		t.Errorf("a claim after Unclaim: %v", err)
	}
	if err := inv.DeleteAllOf(ctx, "c1"); err != nil {
		t.Fatal(err)
	}
	if _, err := inv.ByTokenHash(ctx, "h1"); !errors.Is(err, errs.NotFound) {
		t.Errorf("after an erasure: %v", err)
	}
}
