package admin_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/onward-jobs/onward/services/web/internal/webtest"
	"github.com/onward-jobs/onward/services/web/internal/webtest/fake"
)

// notifiedOrg is a programme organisation (see newAdminOrg) whose gateway
// hands its mails to a fake notifications service.
func notifiedOrg(t *testing.T) (adminOrg, *fake.Notifications) {
	t.Helper()
	n := fake.NewNotifications(t)
	return newAdminOrgWith(t, map[string]string{"NOTIFICATIONS_URL": n.URL}), n
}

func TestAdministratorSendsAMemberAPasswordResetLink(t *testing.T) {
	t.Parallel()
	o, n := notifiedOrg(t)
	page := o.coach.Get("/organisation")
	confirm := actionHref(t, page, "Send a password reset link", "Lien Maes")
	// Not offered for oneself.
	if strings.Contains(page.Body, `Send a password reset link<span class="visually-hidden"> Sam Claes</span>`) {
		t.Error("the organisation page offers a reset link for the administrator's own account")
	}
	ask := o.coach.Get(confirm)
	ask.MustBeAt(t, confirm, http.StatusOK)
	ask.MustContain(t, "Send Lien Maes a password reset link?", "You never see the link.", "Send the link")

	sent := o.coach.Submit(confirm, confirm, url.Values{})
	sent.MustBeAt(t, "/organisation", http.StatusOK)
	sent.MustContain(t, "A password reset link is on its way to Lien Maes.")
	sent.MustNotContain(t, "/password-reset/")
	if link := n.WaitHandoff(t, "password_reset", o.memberEmail); !strings.Contains(link, "/password-reset/") {
		t.Errorf("the mail carries %q", link)
	}

	// A deactivated member first needs reactivating.
	deactivate := actionHref(t, o.coach.Get("/organisation"), "Deactivate", "Lien Maes")
	o.coach.Submit(deactivate, deactivate, url.Values{}).MustBeAt(t, "/organisation", http.StatusOK)
	refused := o.coach.Get(confirm)
	refused.MustBeAt(t, confirm, http.StatusConflict)
	refused.MustContain(t, "Lien Maes’s account is deactivated. Reactivate it first")
	refused.MustNotContain(t, "Send the link")
}

func TestDeliveriesForAdministrators(t *testing.T) {
	t.Parallel()
	o, n := notifiedOrg(t)
	lien := memberID(actionHref(t, o.coach.Get("/organisation"), "Deactivate", "Lien Maes"))
	at := time.Date(2026, 12, 6, 9, 30, 0, 0, time.UTC)
	n.Set(func(f *fake.Notifications) {
		f.Deliveries = []map[string]any{
			{"id": "d1", "kind": "password_reset", "user_id": lien, "channel": "email", "status": "failed", "attempts": 6, "last_error": "rejected", "created_at": at},
			{"id": "d2", "kind": "invitation", "channel": "email", "status": "sent", "attempts": 1, "created_at": at, "sent_at": at.Add(time.Minute)},
		}
	})

	org := o.coach.Get("/organisation")
	org.MustContain(t, "Mail deliveries")
	list := o.coach.Get(webtest.Href(t, org, "Mail deliveries"))
	list.MustBeAt(t, "/admin/deliveries", http.StatusOK)
	list.MustContain(t, "Password reset", "Lien Maes", "Failed", "The mail server refused it.", "Invitation", "Someone without an account yet", "Sent")
	list.MustNotContain(t, o.memberEmail)

	failed := o.coach.Get(webtest.Href(t, list, "Failed"))
	failed.MustBeAt(t, "/admin/deliveries", http.StatusOK)
	failed.MustMatch(t, `aria-current="page">Failed<`)
	failed.MustNotContain(t, "Someone without an account yet")
	if got := n.Last(t, "/api/v1/notifications/deliveries").Query.Get("status"); got != "failed" {
		t.Errorf("the filter asked for status %q", got)
	}

	// The platform administrator reaches it from the home page; a member
	// does not reach it at all.
	home := o.admin.Get("/home")
	o.admin.Get(webtest.Href(t, home, "Mail deliveries")).MustContain(t, "Password reset", "Account …")
	o.member.Get("/admin/deliveries").MustBeAt(t, "/admin/deliveries", http.StatusForbidden)
	// The service down: an error page, not a broken one.
	n.Set(func(f *fake.Notifications) { f.Down = true })
	o.coach.Get("/admin/deliveries").MustBeAt(t, "/admin/deliveries", http.StatusServiceUnavailable)
}
