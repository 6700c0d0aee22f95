package mongo

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/onward-jobs/onward/pkg/errs"
	"github.com/onward-jobs/onward/pkg/events"
	"github.com/onward-jobs/onward/pkg/mongox"
	"github.com/onward-jobs/onward/pkg/redislock"
	"github.com/onward-jobs/onward/pkg/testkit"
	"github.com/onward-jobs/onward/services/placements/internal/domain"
)

var now = time.Now().UTC().Truncate(time.Millisecond)

func newStore(t *testing.T) *Store {
	t.Helper()
	locks := redislock.Locks{Redis: testkit.Redis(t), Prefix: testkit.UniqueName(t, "lock") + ":", TTL: 10 * time.Second, Wait: 5 * time.Second}
	s, err := NewStore(context.Background(), testkit.MongoDB(t), locks)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func newID() string { return uuid.Must(uuid.NewV7()).String() }

func intro(role, candidate string) domain.Introduction {
	a := domain.Ask{CandidateRef: "x", Message: "Hello", Meeting: domain.Meeting{Mode: domain.ModePhone,
		Windows: []domain.Window{{Start: now.Add(time.Hour), End: now.Add(2 * time.Hour)}}}}
	return domain.NewIntroduction(newID(), a, role, "e1", candidate, "p1", "Fox", "u1", now,
		domain.Timing{TTL: 14 * 24 * time.Hour, Reminder: 10 * 24 * time.Hour})
}

func event(t testing.TB, typ, id string, v int64) events.Envelope {
	t.Helper()
	e, err := events.NewEnvelope(typ, id, v, "placements")
	if err != nil {
		t.Fatal(err)
	}
	return e
}

func TestOneOpenRequestPerRoleAndCandidateEvenWhenRacing(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := newStore(t)
	var wg sync.WaitGroup
	results := make(chan error, 8)
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			in := intro("r1", "c1")
			results <- s.CreateIntroduction(ctx, in, 10, event(t, "introduction.requested", in.ID, 1))
		}()
	}
	wg.Wait()
	close(results)
	ok, exists := 0, 0
	for err := range results {
		switch {
		case err == nil:
			ok++
		case errors.Is(err, domain.ErrIntroductionExists):
			exists++
		default:
			t.Fatal(err)
		}
	}
	if ok != 1 || exists != 7 {
		t.Fatalf("stored %d, refused %d; want 1 and 7", ok, exists)
	}
	list, _, err := s.ListIntroductions(ctx, domain.IntroductionFilter{RoleID: "r1"}, mongox.PageRequest{})
	if err != nil || len(list) != 1 {
		t.Fatalf("list = %+v %v", list, err)
	}
	// Once the request is answered, another may be made.
	in := list[0]
	prev := in.Version
	if err := in.Withdraw("u1", now); err != nil {
		t.Fatal(err)
	}
	if err := s.UpdateIntroduction(ctx, in, prev, event(t, "introduction.withdrawn", in.ID, in.Version)); err != nil {
		t.Fatal(err)
	}
	again := intro("r1", "c1")
	if err := s.CreateIntroduction(ctx, again, 10, event(t, "introduction.requested", again.ID, 1)); err != nil {
		t.Fatalf("a new request after a withdrawal: %v", err)
	}
	if err := s.UpdateIntroduction(ctx, in, prev); !errors.Is(err, errs.Conflict) {
		t.Fatalf("a stale update = %v, want a conflict", err)
	}
}

func TestOpenRequestsPerRoleAreCapped(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := newStore(t)
	var wg sync.WaitGroup
	results := make(chan error, 6)
	for i := range 6 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			in := intro("r1", fmt.Sprint("c", i))
			results <- s.CreateIntroduction(ctx, in, 4, event(t, "introduction.requested", in.ID, 1))
		}()
	}
	wg.Wait()
	close(results)
	ok, capped := 0, 0
	for err := range results {
		switch {
		case err == nil:
			ok++
		case errors.Is(err, domain.ErrTooManyIntroductions):
			capped++
		default:
			t.Fatal(err)
		}
	}
	if ok != 4 || capped != 2 {
		t.Fatalf("stored %d, capped %d; want 4 and 2", ok, capped)
	}
	other := intro("r2", "c0")
	if err := s.CreateIntroduction(ctx, other, 4, event(t, "introduction.requested", other.ID, 1)); err != nil {
		t.Fatalf("another role: %v", err)
	}
}

func TestDueIntroductionsAndOutbox(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := newStore(t)
	in := intro("r1", "c1")
	e := event(t, "introduction.requested", in.ID, 1)
	if err := s.CreateIntroduction(ctx, in, 10, e); err != nil {
		t.Fatal(err)
	}
	if due, _ := s.RemindersDue(ctx, now.Add(9*24*time.Hour), 10); len(due) != 0 {
		t.Fatalf("reminders before day 10: %+v", due)
	}
	due, err := s.RemindersDue(ctx, now.Add(10*24*time.Hour), 10)
	if err != nil || len(due) != 1 || due[0].ID != in.ID || len(due[0].Meeting.Windows) != 1 {
		t.Fatalf("reminders = %+v %v", due, err)
	}
	if exp, _ := s.ExpiredIntroductions(ctx, now.Add(14*24*time.Hour), 10); len(exp) != 1 {
		t.Fatalf("expired = %+v", exp)
	}
	pending, err := s.PendingEvents(ctx, 10)
	if err != nil || len(pending) != 1 || pending[0].ID != e.ID {
		t.Fatalf("pending = %+v %v", pending, err)
	}
	if err := s.MarkPublished(ctx, pending[0]); err != nil {
		t.Fatal(err)
	}
	if pending, _ := s.PendingEvents(ctx, 10); len(pending) != 0 {
		t.Fatalf("after publishing: %+v", pending)
	}
	if got, _ := s.RequestedOfEmployer(ctx, "e1", 10); len(got) != 1 {
		t.Fatalf("requested of the employer = %+v", got)
	}
}

func TestPlacementFollowUpsRecordAndErasure(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := newStore(t)
	in := intro("r1", "c1")
	_ = s.CreateIntroduction(ctx, in, 10, event(t, "introduction.requested", in.ID, 1))
	_ = in.Accept(domain.Answer{Accept: true, ConsentTextVersion: "v1", Contact: domain.ContactDirect}, "d1", "s1", now)
	if err := s.UpdateIntroduction(ctx, in, 1); err != nil {
		t.Fatal(err)
	}
	if err := s.AddMessage(ctx, domain.Message{ID: newID(), IntroductionID: in.ID, CandidateID: "c1", Side: "employer", AuthorID: "u1", Text: "hi", CreatedAt: now}); err != nil {
		t.Fatal(err)
	}
	p := domain.NewPlacement(newID(), in, domain.PlacementTerms{StartDate: "2026-04-01", Contract: "trial", HoursPerWeek: 20}, domain.SideEmployer, "u1", now)
	if err := s.CreatePlacement(ctx, p, event(t, "placement.started", in.ID, 1)); err != nil {
		t.Fatal(err)
	}
	twin := domain.NewPlacement(newID(), in, domain.PlacementTerms{StartDate: "2026-04-01", Contract: "trial", HoursPerWeek: 20}, domain.SideEmployer, "u1", now)
	if err := s.CreatePlacement(ctx, twin, event(t, "placement.started", in.ID, 1)); !errors.Is(err, domain.ErrDuplicate) {
		t.Fatalf("a second placement of one introduction = %v", err)
	}
	if got, _ := s.PlacementsWithPendingSteps(ctx, 10); len(got) != 1 {
		t.Fatalf("pending steps = %+v", got)
	}
	fus, _ := domain.NewFollowUps(p, newID)
	if err := s.InsertFollowUps(ctx, fus); err != nil {
		t.Fatal(err)
	}
	if err := s.InsertFollowUps(ctx, fus); err != nil {
		t.Fatalf("a retried step: %v", err)
	}
	for _, step := range slices.Clone(p.PendingSteps) {
		p.Done(step)
	}
	if err := s.UpdatePlacement(ctx, p, 1); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.PlacementsWithPendingSteps(ctx, 10); len(got) != 0 {
		t.Fatalf("pending steps after all done = %+v", got)
	}
	due, err := s.FollowUpsDue(ctx, time.Date(2026, 5, 1, 0, 0, 0, 0, time.UTC), 10)
	if err != nil || len(due) != 2 || due[0].Day != 30 {
		t.Fatalf("due at 30 days = %+v %v", due, err)
	}
	list, _, err := s.ListFollowUps(ctx, domain.FollowUpFilter{Scope: domain.Scope{CandidateOrgID: "p1"}, Audience: domain.AudienceProgramme, Status: domain.FollowUpOpen}, mongox.PageRequest{})
	if err != nil || len(list) != 3 {
		t.Fatalf("programme's follow-ups = %+v %v", list, err)
	}
	if other, _, _ := s.ListFollowUps(ctx, domain.FollowUpFilter{Scope: domain.Scope{CandidateOrgID: "p2"}}, mongox.PageRequest{}); len(other) != 0 {
		t.Fatalf("another programme sees %+v", other)
	}
	rec, err := s.CandidateRecord(ctx, "c1")
	if err != nil || len(rec.Introductions) != 1 || len(rec.Messages) != 1 || len(rec.Placements) != 1 || len(rec.FollowUps) != 6 {
		t.Fatalf("record = %+v %v", rec, err)
	}
	if err := s.ForgetCandidate(ctx, "c1"); err != nil {
		t.Fatal(err)
	}
	rec, _ = s.CandidateRecord(ctx, "c1")
	if len(rec.Introductions)+len(rec.Messages)+len(rec.Placements)+len(rec.FollowUps) != 0 {
		t.Fatalf("after erasure = %+v", rec)
	}
	if pending, _ := s.PendingEvents(ctx, 10); len(pending) != 0 {
		t.Fatalf("events about an erased candidate wait still: %+v", pending)
	}
	if _, err := s.Introduction(ctx, in.ID); !errors.Is(err, errs.NotFound) {
		t.Fatalf("erased introduction = %v", err)
	}
}

// TestOpenCountHealsAfterErasure erases candidates whose open requests
// filled a role: the role's count is checked against the open slots when
// it says the role is full, so the role takes requests again.
func TestOpenCountHealsAfterErasure(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := newStore(t)
	for i := range 2 {
		in := intro("r1", fmt.Sprint("c", i))
		if err := s.CreateIntroduction(ctx, in, 2, event(t, "introduction.requested", in.ID, 1)); err != nil {
			t.Fatal(err)
		}
	}
	full := intro("r1", "c9")
	if err := s.CreateIntroduction(ctx, full, 2, event(t, "introduction.requested", full.ID, 1)); !errors.Is(err, domain.ErrTooManyIntroductions) {
		t.Fatalf("a third = %v", err)
	}
	if err := s.ForgetCandidate(ctx, "c0"); err != nil {
		t.Fatal(err)
	}
	if err := s.CreateIntroduction(ctx, full, 2, event(t, "introduction.requested", full.ID, 1)); err != nil {
		t.Fatalf("after an erasure freed a place: %v", err)
	}
}

// TestFollowUpsListSoonestDueFirst lists the follow-ups of a placement
// made later but starting sooner before those of an earlier one.
func TestFollowUpsListSoonestDueFirst(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := newStore(t)
	for _, start := range []string{"2026-06-01", "2026-04-01"} {
		p := domain.Placement{ID: newID(), StartDate: start, CandidateOrgID: "p1"}
		fus, _ := domain.NewFollowUps(p, newID)
		if err := s.InsertFollowUps(ctx, fus); err != nil {
			t.Fatal(err)
		}
	}
	list, _, err := s.ListFollowUps(ctx, domain.FollowUpFilter{Scope: domain.Scope{CandidateOrgID: "p1"}, Audience: domain.AudienceProgramme}, mongox.PageRequest{Limit: 2})
	if err != nil || len(list) != 2 || list[0].DueOn() != "2026-05-01" || list[1].DueOn() != "2026-06-30" {
		t.Fatalf("first page = %+v %v", list, err)
	}
}
