package domain

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/onward-jobs/onward/pkg/errs"
)

var now = time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)

func goodAsk() Ask {
	return Ask{CandidateRef: "ref", Message: "Hello", Meeting: Meeting{Mode: ModeAtSite,
		Windows: []Window{{Start: now.Add(24 * time.Hour), End: now.Add(25 * time.Hour)}}}}
}

func fieldOf(t *testing.T, err error) string {
	t.Helper()
	var ve *errs.ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("err = %v, want a validation error", err)
	}
	return ve.Fields[0].Field
}

func TestAskValidation(t *testing.T) {
	if err := goodAsk().Validate(now); err != nil {
		t.Fatal(err)
	}
	w := func(start, end time.Duration) Window { return Window{Start: now.Add(start), End: now.Add(end)} }
	cases := map[string]struct {
		change func(*Ask)
		field  string
	}{
		"no ref":           {func(a *Ask) { a.CandidateRef = " " }, "candidate_ref"},
		"long ref":         {func(a *Ask) { a.CandidateRef = strings.Repeat("r", 101) }, "candidate_ref"},
		"long message":     {func(a *Ask) { a.Message = strings.Repeat("é", 1001) }, "message"},
		"bad mode":         {func(a *Ask) { a.Meeting.Mode = "zoom" }, "meeting.mode"},
		"no window":        {func(a *Ask) { a.Meeting.Windows = nil }, "meeting.windows"},
		"four windows":     {func(a *Ask) { a.Meeting.Windows = []Window{w(1, 2), w(3, 4), w(5, 6), w(7, 8)} }, "meeting.windows"},
		"end before start": {func(a *Ask) { a.Meeting.Windows = []Window{w(5, 4)} }, "meeting.windows[0].end"},
		"in the past":      {func(a *Ask) { a.Meeting.Windows = []Window{w(-time.Hour, time.Hour)} }, "meeting.windows[0].start"},
		"missing end":      {func(a *Ask) { a.Meeting.Windows = []Window{{Start: now.Add(time.Hour)}} }, "meeting.windows[0]"},
	}
	for name, c := range cases {
		a := goodAsk()
		c.change(&a)
		if got := fieldOf(t, a.Validate(now)); got != c.field {
			t.Errorf("%s: field %q, want %q", name, got, c.field)
		}
	}
	a := goodAsk()
	a.Message = strings.Repeat("é", 1000)
	if err := a.Validate(now); err != nil {
		t.Errorf("1,000 characters refused: %v", err)
	}
}

func newIntro() Introduction {
	return NewIntroduction("i1", goodAsk(), "r1", "e1", "c1", "p1", "Fox", "u1", now, Timing{TTL: 14 * 24 * time.Hour, Reminder: 10 * 24 * time.Hour})
}

func TestIntroductionStateMachine(t *testing.T) {
	in := newIntro()
	if in.Status != StatusRequested || in.Version != 1 || !in.ExpiresAt.Equal(now.Add(14*24*time.Hour)) || !in.ReminderAt.Equal(now.Add(240*time.Hour)) {
		t.Fatalf("new = %+v", in)
	}
	if in.Remind(now.Add(9 * 24 * time.Hour)) {
		t.Fatal("reminded before day 10")
	}
	if !in.Remind(now.Add(10*24*time.Hour)) || in.Remind(now.Add(11*24*time.Hour)) {
		t.Fatal("the reminder must come once, at day 10")
	}
	if err := in.Expire(now.Add(13 * 24 * time.Hour)); !errors.Is(err, ErrIntroductionNotOpen) {
		t.Fatalf("expired early: %v", err)
	}
	late := in
	if err := late.Accept(Answer{Accept: true}, "d1", "s1", now.Add(15*24*time.Hour)); !errors.Is(err, errs.Conflict) {
		t.Fatalf("accept after the expiry date = %v, want a conflict", err)
	}
	acc := in
	if err := acc.Accept(Answer{Accept: true, ConsentTextVersion: "v1", Contact: ContactDirect, Disclose: []string{"phone"}}, "d1", "s1", now.Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	if acc.Status != StatusAccepted || acc.DisclosureID != "d1" || acc.AnsweredBy != "s1" {
		t.Fatalf("accepted = %+v", acc)
	}
	if err := acc.Decline("other", "s1", now.Add(time.Hour)); !errors.Is(err, ErrIntroductionNotOpen) {
		t.Fatalf("answering twice = %v", err)
	}
	if err := acc.Withdraw("u1", now); !errors.Is(err, ErrIntroductionNotOpen) {
		t.Fatalf("withdrawing an accepted one = %v", err)
	}
	wd := in
	if err := wd.Withdraw("u1", now.Add(time.Hour)); err != nil || wd.Status != StatusWithdrawn {
		t.Fatalf("withdraw = %v %+v", err, wd)
	}
	if err := wd.Accept(Answer{Accept: true}, "d", "s", now.Add(2*time.Hour)); !errors.Is(err, ErrIntroductionNotOpen) {
		t.Fatalf("accepting a withdrawn one = %v", err)
	}
	ex := in
	if err := ex.Expire(now.Add(14 * 24 * time.Hour)); err != nil || ex.Status != StatusExpired {
		t.Fatalf("expire = %v %+v", err, ex)
	}
}

func TestAnswerValidation(t *testing.T) {
	ok := []Answer{
		{Accept: true, ConsentTextVersion: "v1", Contact: ContactThroughStaff},
		{Accept: true, ConsentTextVersion: "v1", Contact: ContactDirect, Disclose: []string{"phone", "email"}},
		{DeclineReason: "travel"},
	}
	for _, a := range ok {
		if err := a.Validate(); err != nil {
			t.Errorf("%+v: %v", a, err)
		}
	}
	bad := map[string]Answer{
		"consent_text_version": {Accept: true, Contact: ContactDirect},
		"contact":              {Accept: true, ConsentTextVersion: "v1", Contact: "post"},
		"disclose":             {Accept: true, ConsentTextVersion: "v1", Contact: ContactDirect, Disclose: []string{"address"}},
		"decline_reason":       {DeclineReason: "criminal_record"},
	}
	for field, a := range bad {
		if got := fieldOf(t, a.Validate()); got != field {
			t.Errorf("%+v: field %q, want %q", a, got, field)
		}
	}
}

func TestOutcomeAndPlacement(t *testing.T) {
	hire := OutcomeReport{Outcome: OutcomeHired, Placement: &PlacementTerms{StartDate: "2026-04-01", Contract: "trial", HoursPerWeek: 20}}
	if err := hire.Validate(); err != nil {
		t.Fatal(err)
	}
	bad := map[string]OutcomeReport{
		"placement":                {Outcome: OutcomeHired},
		"placement.start_date":     {Outcome: OutcomeHired, Placement: &PlacementTerms{StartDate: "1/4/2026", Contract: "trial", HoursPerWeek: 20}},
		"placement.contract":       {Outcome: OutcomeHired, Placement: &PlacementTerms{StartDate: "2026-04-01", Contract: "zero_hours", HoursPerWeek: 20}},
		"placement.hours_per_week": {Outcome: OutcomeHired, Placement: &PlacementTerms{StartDate: "2026-04-01", Contract: "trial", HoursPerWeek: 61}},
		"reason":                   {Outcome: OutcomeNotHired, Reason: "record"},
		"outcome":                  {Outcome: "maybe"},
	}
	for field, r := range bad {
		if got := fieldOf(t, r.Validate()); got != field {
			t.Errorf("%+v: field %q, want %q", r, got, field)
		}
	}
	if err := (OutcomeReport{Outcome: OutcomeDidNotTakePlace}).Validate(); err != nil {
		t.Errorf("did_not_take_place without a reason: %v", err)
	}
	in := newIntro()
	if err := in.RecordOutcome(hire, "p1", SideEmployer, "u1", now); !errors.Is(err, ErrNotAccepted) {
		t.Fatalf("outcome of a requested one = %v", err)
	}
	_ = in.Accept(Answer{Accept: true, ConsentTextVersion: "v1", Contact: ContactDirect}, "d1", "s1", now)
	if err := in.RecordOutcome(hire, "p1", SideEmployer, "u1", now); err != nil || in.PlacementID != "p1" {
		t.Fatal(err)
	}
	if err := in.RecordOutcome(hire, "p2", SideProgramme, "s1", now); !errors.Is(err, ErrOutcomeRecorded) {
		t.Fatalf("second outcome = %v", err)
	}
	p := NewPlacement("p1", in, *hire.Placement, SideEmployer, "u1", now)
	if !p.Placed() || len(p.PendingSteps) != 4 || p.CandidateID != "c1" {
		t.Fatalf("placement = %+v", p)
	}
	for _, step := range []string{StepIntroduction, StepFollowUps, StepRole, StepCandidate} {
		p.Done(step)
	}
	if err := p.SetStillLooking(true); err != nil || !p.StillLooking || len(p.PendingSteps) != 1 {
		t.Fatalf("still looking = %v %+v", err, p)
	}
	if got := fieldOf(t, p.End("2026-03-01", "left")); got != "ended_on" {
		t.Fatalf("end before start names %q", got)
	}
	if got := fieldOf(t, p.End("2026-05-01", "prison")); got != "reason" {
		t.Fatalf("bad reason names %q", got)
	}
	if err := p.End("2026-05-01", "moved_job"); err != nil || p.Placed() {
		t.Fatalf("end = %v %+v", err, p)
	}
	if err := p.End("2026-05-02", "left"); !errors.Is(err, ErrPlacementEnded) {
		t.Fatalf("second end = %v", err)
	}
}

func TestFollowUps(t *testing.T) {
	n := 0
	ids := func() string { n++; return string(rune('a' + n)) }
	fus, err := NewFollowUps(Placement{ID: "p1", StartDate: "2026-04-01"}, ids)
	if err != nil || len(fus) != 6 {
		t.Fatalf("follow-ups = %+v %v", fus, err)
	}
	if fus[0].Audience != AudienceProgramme || fus[1].Audience != AudienceEmployer || fus[5].Day != 180 ||
		!fus[0].DueAt.Equal(time.Date(2026, 5, 1, 0, 0, 0, 0, time.UTC)) {
		t.Fatalf("follow-ups = %+v", fus)
	}
	if got := fieldOf(t, FollowUpAnswer{StillWorking: false}.Validate()); got != "reason" {
		t.Fatal(got)
	}
	if got := fieldOf(t, FollowUpAnswer{StillWorking: true, Reason: "left"}.Validate()); got != "reason" {
		t.Fatal(got)
	}
	f := fus[0]
	if err := f.Answer(FollowUpAnswer{StillWorking: true}, "s1", now); err != nil || f.Status != FollowUpAnswered || !*f.StillWorking {
		t.Fatalf("answer = %v %+v", err, f)
	}
	if err := f.Answer(FollowUpAnswer{StillWorking: true}, "s1", now); !errors.Is(err, ErrFollowUpAnswered) {
		t.Fatalf("second answer = %v", err)
	}
	if ValidateMessageText("") == nil || ValidateMessageText(strings.Repeat("x", 2001)) == nil || ValidateMessageText("hi") != nil {
		t.Fatal("message text limits")
	}
}
