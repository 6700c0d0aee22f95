package service_test

import (
	"context"
	"testing"

	"github.com/onward-jobs/onward/pkg/auth"
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
