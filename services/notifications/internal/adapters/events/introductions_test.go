package events_test

import (
	"context"
	"io"
	"log/slog"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/onward-jobs/onward/pkg/auth"
	pkgevents "github.com/onward-jobs/onward/pkg/events"
	"github.com/onward-jobs/onward/pkg/mongox"
	"github.com/onward-jobs/onward/pkg/testkit"
	eventsadapter "github.com/onward-jobs/onward/services/notifications/internal/adapters/events"
	"github.com/onward-jobs/onward/services/notifications/internal/domain"
)

// The two sides of introduction i1 in fakeOwners: the employer emp-1 (u1,
// u2) and the candidate's programme prog-1 (s1).
var (
	employerSide  = []string{"u1", "u2"}
	programmeSide = []string{"s1"}
)

// TestIntroductionEventsReachTheirSideOnly: every event of the placements
// service reaches the inbox and the mailbox of the side it is for, and
// never the other side's: an employer never gets a staff notice, and the
// staff never an employer's.
func TestIntroductionEventsReachTheirSideOnly(t *testing.T) {
	t.Parallel()
	cases := []struct {
		eventType, messageKey string
		told                  []string
	}{
		{"introduction.requested", "introduction_requested", programmeSide},
		{"introduction.answered", "introduction_answered", employerSide},
		{"introduction.expired", "introduction_expired", employerSide},
		{"introduction.reminder_due", "introduction_reminder_due", programmeSide},
		{"introduction.withdrawn", "introduction_withdrawn", programmeSide},
		{"meeting.recorded", "meeting_recorded", slices.Concat(employerSide, programmeSide)},
		{"placement.started", "placement_started", slices.Concat(employerSide, programmeSide)},
		{"followup.due", "followup_due", slices.Concat(employerSide, programmeSide)},
	}
	for _, c := range cases {
		t.Run(c.eventType, func(t *testing.T) {
			t.Parallel()
			s := newSetup(t)
			ctx := context.Background()
			if err := s.svc.HandleEvent(ctx, envelope(t, c.eventType, "i1")); err != nil {
				t.Fatal(err)
			}
			for _, user := range slices.Concat(employerSide, programmeSide) {
				items := s.items(t, user)
				if !slices.Contains(c.told, user) {
					if len(items) != 0 {
						t.Errorf("%s is on the other side and was told: %+v", user, items)
					}
					continue
				}
				if len(items) != 1 {
					t.Fatalf("%s's inbox = %+v, want one item", user, items)
				}
				it := items[0]
				if it.Kind != domain.KindIntroductions || it.MessageKey != c.messageKey || it.Link != "/introductions/i1" ||
					it.SubjectType != domain.SubjectIntroduction || it.SubjectID != "i1" || it.DigestPending {
					t.Errorf("%s's item = %+v", user, it)
				}
			}
			if n, err := s.svc.DeliverDue(ctx); err != nil || n != len(c.told) {
				t.Fatalf("DeliverDue = %d, %v; want a mail for each of %v", n, err, c.told)
			}
			var to []string
			for _, m := range s.mailer.sent {
				to = append(to, strings.TrimSuffix(m.To, "@example.org"))
				if !strings.Contains(m.Text, "Barista") || !strings.Contains(m.Text, "https://onward.test/introductions/i1") {
					t.Errorf("mail to %s lacks the role title or the link:\n%s", m.To, m.Text)
				}
				if strings.Contains(m.Text, "Secret Alias") || strings.Contains(m.HTML, "Secret Alias") || strings.Contains(m.Text, "c1") {
					t.Errorf("mail to %s names the candidate:\n%s", m.To, m.Text)
				}
				if strings.Contains(m.Subject, ".subject") || strings.Contains(m.Text, ".body") {
					t.Errorf("mail to %s has an untranslated text: %+v", m.To, m)
				}
			}
			slices.Sort(to)
			if want := slices.Sorted(slices.Values(c.told)); !slices.Equal(to, want) {
				t.Errorf("mails went to %v, want %v", to, want)
			}
		})
	}
}

// TestIntroductionRequestReachesTheStaffThroughTheStream: the service
// consumes the placements stream, and a redelivered event adds nothing.
func TestIntroductionRequestReachesTheStaffThroughTheStream(t *testing.T) {
	t.Parallel()
	s := newSetup(t)
	rdb := testkit.Redis(t)
	stream := testkit.UniqueName(t, "placements")
	t.Cleanup(func() { rdb.Del(context.Background(), stream, pkgevents.DeadLetterStream(stream)) })
	run, err := eventsadapter.Subscribe(rdb, stream, "c1", slog.New(slog.NewTextHandler(io.Discard, nil)), s.svc.HandleEvent)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- run(ctx) }()
	t.Cleanup(func() { cancel(); <-done })
	pub, err := pkgevents.NewPublisher(rdb, pkgevents.PublisherConfig{})
	if err != nil {
		t.Fatal(err)
	}
	e := envelope(t, "introduction.requested", "i1")
	if _, err := pub.Publish(context.Background(), stream, e); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(15 * time.Second)
	for len(s.items(t, "s1")) == 0 && time.Now().Before(deadline) {
		time.Sleep(50 * time.Millisecond)
	}
	if items := s.items(t, "s1"); len(items) != 1 || items[0].MessageKey != "introduction_requested" {
		t.Fatalf("staff inbox = %+v", items)
	}
	if err := s.svc.HandleEvent(context.Background(), e); err != nil {
		t.Fatal(err)
	}
	if len(s.items(t, "s1")) != 1 || len(s.items(t, "u1")) != 0 || len(s.items(t, "u2")) != 0 {
		t.Error("a redelivered event added items, or the employer heard of a staff notice")
	}
	page, err := s.svc.Inbox(context.Background(), auth.Principal{Subject: "s1", Role: auth.RoleMember}, false, "de", mongox.PageRequest{})
	if err != nil || len(page.Items) != 1 || !strings.Contains(page.Items[0].Message, "Barista") || !strings.Contains(page.Items[0].Message, "Bewerber") {
		t.Fatalf("staff inbox page = %+v, %v", page, err)
	}
}

// TestFollowUpsDueOnOneDayMakeOneNoticePerSide: an event carries no
// audience, so each follow-up falling due tells both sides; the staff's
// and the employer's tasks fall due together, and their two events make
// one notice for each person, not two.
func TestFollowUpsDueOnOneDayMakeOneNoticePerSide(t *testing.T) {
	t.Parallel()
	s := newSetup(t)
	ctx := context.Background()
	programme, employer := envelope(t, "followup.due", "i1"), envelope(t, "followup.due", "i1")
	for _, e := range []pkgevents.Envelope{programme, employer, programme} {
		if err := s.svc.HandleEvent(ctx, e); err != nil {
			t.Fatal(err)
		}
	}
	for _, user := range []string{"u1", "u2", "s1"} {
		if items := s.items(t, user); len(items) != 1 {
			t.Errorf("%s's inbox = %+v, want one follow-up notice", user, items)
		}
	}
	later := envelope(t, "followup.due", "i1")
	later.OccurredAt = later.OccurredAt.AddDate(0, 0, 60)
	if err := s.svc.HandleEvent(ctx, later); err != nil {
		t.Fatal(err)
	}
	if items := s.items(t, "s1"); len(items) != 2 {
		t.Errorf("the next follow-up, 60 days on, made no new notice: %+v", items)
	}
}

// TestIntroductionNoticesWithoutTheirRoleOrIntroduction: a role that is
// gone leaves its title out; an introduction that is gone (erased) drops
// the event.
func TestIntroductionNoticesWithoutTheirRoleOrIntroduction(t *testing.T) {
	t.Parallel()
	s := newSetup(t)
	ctx := context.Background()
	if err := s.svc.HandleEvent(ctx, envelope(t, "introduction.answered", "i2")); err != nil {
		t.Fatal(err)
	}
	if err := s.svc.HandleEvent(ctx, envelope(t, "introduction.answered", "erased")); err != nil {
		t.Fatalf("an introduction that is gone: %v, want the event dropped", err)
	}
	if n, err := s.svc.DeliverDue(ctx); err != nil || n != 2 {
		t.Fatalf("DeliverDue = %d, %v; want u1's and u2's mails about i2", n, err)
	}
	for _, m := range s.mailer.sent {
		if strings.Contains(m.Text, "{{") || strings.Contains(m.Text, "<no value>") || !strings.Contains(m.Text, "/introductions/i2") {
			t.Errorf("mail without a role title = %+v", m)
		}
	}
	if len(s.items(t, "s1")) != 0 {
		t.Error("the staff heard of an answer meant for the employer")
	}
}

// TestErasureReachesIntroductionNotices: a candidate's erasure deletes the
// notices about the candidate's introductions, on both sides, and their
// mails not yet sent.
func TestErasureReachesIntroductionNotices(t *testing.T) {
	t.Parallel()
	s := newSetup(t)
	ctx := context.Background()
	for _, typ := range []string{"introduction.requested", "placement.started"} {
		if err := s.svc.HandleEvent(ctx, envelope(t, typ, "i1")); err != nil {
			t.Fatal(err)
		}
	}
	if len(s.items(t, "s1")) != 2 || len(s.items(t, "u1")) != 1 {
		t.Fatal("the notices were not made")
	}
	if err := s.svc.HandleEvent(ctx, envelope(t, "candidate.erased", "c1")); err != nil {
		t.Fatal(err)
	}
	for _, user := range []string{"u1", "u2", "s1"} {
		if items := s.items(t, user); len(items) != 0 {
			t.Errorf("%s still has notices about the erased candidate's introduction: %+v", user, items)
		}
	}
	if n, err := s.svc.DeliverDue(ctx); err != nil || n != 0 {
		t.Errorf("DeliverDue = %d, %v; want no mail left about the erased candidate", n, err)
	}
}
