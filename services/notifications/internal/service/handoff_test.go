package service_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/onward-jobs/onward/pkg/auth"
	"github.com/onward-jobs/onward/pkg/errs"
	"github.com/onward-jobs/onward/pkg/events"
	"github.com/onward-jobs/onward/pkg/mongox"
	"github.com/onward-jobs/onward/pkg/testkit"
	mongoadapter "github.com/onward-jobs/onward/services/notifications/internal/adapters/mongo"
	"github.com/onward-jobs/onward/services/notifications/internal/domain"
	"github.com/onward-jobs/onward/services/notifications/internal/service"
)

// TestInboxOnlyKeepsNoLink checks that without a mailer a handoff is
// recorded as failed with neither address nor link, since nothing can send
// it, and that the worker then has nothing to do.
func TestInboxOnlyKeepsNoLink(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	store, err := mongoadapter.NewStore(ctx, testkit.MongoDB(t))
	if err != nil {
		t.Fatal(err)
	}
	svc := service.New(service.Deps{Inbox: store, Deliveries: store, Preferences: store})
	gw := auth.Principal{Subject: auth.ServiceSubjectPrefix + "gateway", Role: auth.RoleService}
	h := service.Handoff{ID: "x1", Kind: domain.KindPasswordReset, Email: "a@example.org", Link: "https://onward.test/reset/secret"}
	if err := svc.TakeHandoff(ctx, gw, h); err != nil {
		t.Fatal(err)
	}
	if n, err := svc.DeliverDue(ctx); n != 0 || err != nil {
		t.Fatalf("DeliverDue without a mailer = %d, %v", n, err)
	}
	list, _, err := store.ListDeliveries(ctx, domain.DeliveryFilter{}, mongox.PageRequest{})
	if err != nil || len(list) != 1 || list[0].Status != domain.Failed || list[0].Address != "" || list[0].Params != nil {
		t.Fatalf("deliveries = %+v, %v", list, err)
	}
}

// TestCandidateInvitationIsForgottenWithTheCandidate: a candidate's
// invitation is handed off with the candidate's id, which it needs, and
// the candidate's erasure forgets the delivery with its address and link.
func TestCandidateInvitationIsForgottenWithTheCandidate(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	store, err := mongoadapter.NewStore(ctx, testkit.MongoDB(t))
	if err != nil {
		t.Fatal(err)
	}
	svc := service.New(service.Deps{Inbox: store, Deliveries: store, Preferences: store})
	gw := auth.Principal{Subject: auth.ServiceSubjectPrefix + "gateway", Role: auth.RoleService}
	h := service.Handoff{ID: "candidate_invitation:inv-1", Kind: domain.KindCandidateInvitation, Email: "sam@mail.test", Language: "fr",
		Link: "https://onward.test/join/secret"}
	if err := svc.TakeHandoff(ctx, gw, h); !errors.Is(err, errs.InvalidArgument) || !strings.Contains(err.Error(), "to.candidate_id") {
		t.Fatalf("a candidate's invitation without the candidate = %v, want invalid to.candidate_id", err)
	}
	h.CandidateID = "cand-1"
	if err := svc.TakeHandoff(ctx, gw, h); err != nil {
		t.Fatal(err)
	}
	list, _, err := store.ListDeliveries(ctx, domain.DeliveryFilter{}, mongox.PageRequest{})
	if err != nil || len(list) != 1 || list[0].Kind != domain.KindCandidateInvitation || list[0].CandidateID != "cand-1" || list[0].Language != "fr" {
		t.Fatalf("deliveries = %+v, %v", list, err)
	}
	if err := svc.HandleEvent(ctx, events.Envelope{ID: "e1", Type: service.EventCandidateErased, AggregateID: "cand-1"}); err != nil {
		t.Fatal(err)
	}
	list, _, err = store.ListDeliveries(ctx, domain.DeliveryFilter{}, mongox.PageRequest{})
	if err != nil || len(list) != 0 {
		t.Fatalf("after the candidate's erasure deliveries = %+v, %v", list, err)
	}
}
