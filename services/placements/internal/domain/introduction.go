package domain

import (
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/onward-jobs/onward/pkg/errs"
)

// Status is where an introduction stands.
type Status string

// The statuses. Only requested is open; the others are final.
const (
	StatusRequested Status = "requested"
	StatusAccepted  Status = "accepted"
	StatusDeclined  Status = "declined"
	StatusExpired   Status = "expired"
	StatusWithdrawn Status = "withdrawn"
)

// Statuses lists every status, for validating filters.
var Statuses = []Status{StatusRequested, StatusAccepted, StatusDeclined, StatusExpired, StatusWithdrawn}

// Meeting modes.
const (
	ModeAtSite      = "at_site"
	ModeAtProgramme = "at_programme"
	ModePhone       = "phone"
)

// Contact kinds: how the employer reaches the candidate once accepted.
const (
	ContactDirect       = "direct"
	ContactThroughStaff = "through_staff"
)

// Fields that may be disclosed beside the name, which always is.
const (
	DisclosePhone = "phone"
	DiscloseEmail = "email"
)

// DeclineReasons are the programme's own categories of a refusal; the
// employer sees only "declined".
var DeclineReasons = []string{"not_interested", "not_now", "role_unsuitable", "travel", "other"}

// Limits of an ask.
const (
	MaxMessageLen = 1000
	MaxWindows    = 3
	MaxRefLen     = 100
)

// Window is one proposed time to meet.
type Window struct {
	Start time.Time
	End   time.Time
}

// Meeting is how and when the employer proposes to meet.
type Meeting struct {
	Mode    string
	Windows []Window
}

// Outcome is how the meeting went, recorded once by either side.
type Outcome struct {
	Outcome    string
	Side       string
	Reason     string
	RecordedBy string
	RecordedAt time.Time
}

// Introduction is an employer's request to meet a shortlisted candidate.
// CandidateID is never shown to the employer.
type Introduction struct {
	ID            string
	Version       int64
	RoleID        string
	RoleTitle     string
	EmployerOrgID string
	// EmployerName is the employer organisation's name when the request
	// was made (a business name), for those who see no profile.
	EmployerName    string
	CandidateID     string
	CandidateOrgID  string
	CandidateAlias  string
	Message         string
	MessageWarnings []WordingFlag
	Meeting         Meeting
	Status          Status
	RequestedBy     string
	RequestedAt     time.Time
	ExpiresAt       time.Time
	ReminderAt      time.Time
	Reminded        bool
	ClosedAt        time.Time
	AnsweredAt      time.Time
	AnsweredBy      string
	// AnsweredByCandidate says the candidate answered themself, signed in
	// to their own account; otherwise their staff answered for them.
	AnsweredByCandidate bool
	DeclineReason       string
	Contact             string
	Disclose            []string
	ConsentTextVersion  string
	DisclosureID        string
	Outcome             *Outcome
	PlacementID         string
}

// Ask is what an employer sends to ask to meet a candidate.
type Ask struct {
	CandidateRef string
	Message      string
	Meeting      Meeting
}

// Validate checks an ask against the time now and lists every bad field.
func (a Ask) Validate(now time.Time) error {
	var bad []errs.FieldError
	add := func(field, msg string) { bad = append(bad, errs.FieldError{Field: field, Message: msg}) }
	if strings.TrimSpace(a.CandidateRef) == "" || len(a.CandidateRef) > MaxRefLen {
		add("candidate_ref", fmt.Sprintf("is required, at most %d characters", MaxRefLen))
	}
	if utf8.RuneCountInString(a.Message) > MaxMessageLen {
		add("message", fmt.Sprintf("must be at most %d characters", MaxMessageLen))
	}
	if !slices.Contains([]string{ModeAtSite, ModeAtProgramme, ModePhone}, a.Meeting.Mode) {
		add("meeting.mode", "must be at_site, at_programme or phone")
	}
	if n := len(a.Meeting.Windows); n < 1 || n > MaxWindows {
		add("meeting.windows", fmt.Sprintf("must hold 1 to %d windows", MaxWindows))
	}
	for i, w := range a.Meeting.Windows {
		field := fmt.Sprintf("meeting.windows[%d]", i)
		switch {
		case w.Start.IsZero() || w.End.IsZero():
			add(field, "needs a start and an end in RFC 3339")
		case !w.Start.Before(w.End):
			add(field+".end", "must be after the start")
		case !w.Start.After(now):
			add(field+".start", "must be in the future")
		}
	}
	if bad != nil {
		return &errs.ValidationError{Fields: bad}
	}
	return nil
}

// Timing holds how long a request waits for an answer and when staff
// are reminded of it.
type Timing struct {
	TTL      time.Duration
	Reminder time.Duration
}

// NewIntroduction returns a requested introduction, version 1.
func NewIntroduction(id string, a Ask, roleID, employerOrg, candidateID, candidateOrg, alias, by string, now time.Time, t Timing) Introduction {
	windows := make([]Window, len(a.Meeting.Windows))
	for i, w := range a.Meeting.Windows {
		windows[i] = Window{Start: w.Start.UTC(), End: w.End.UTC()}
	}
	now = now.UTC()
	return Introduction{
		ID: id, Version: 1, RoleID: roleID, EmployerOrgID: employerOrg, CandidateID: candidateID,
		CandidateOrgID: candidateOrg, CandidateAlias: alias, Message: a.Message,
		Meeting: Meeting{Mode: a.Meeting.Mode, Windows: windows}, Status: StatusRequested,
		RequestedBy: by, RequestedAt: now, ExpiresAt: now.Add(t.TTL), ReminderAt: now.Add(t.Reminder),
	}
}

// IsOpen reports whether the introduction still waits for an answer at
// now: requested and not past its expiry, even if the sweeper has not
// marked it yet.
func (in Introduction) IsOpen(now time.Time) bool {
	return in.Status == StatusRequested && now.Before(in.ExpiresAt)
}

// Answer is the candidate's answer, recorded by staff.
type Answer struct {
	Accept             bool
	ConsentTextVersion string
	Disclose           []string
	Contact            string
	DeclineReason      string
}

// Validate checks an answer and lists every bad field.
func (a Answer) Validate() error {
	var bad []errs.FieldError
	add := func(field, msg string) { bad = append(bad, errs.FieldError{Field: field, Message: msg}) }
	if a.Accept {
		if strings.TrimSpace(a.ConsentTextVersion) == "" {
			add("consent_text_version", "is required to accept")
		}
		if a.Contact != ContactDirect && a.Contact != ContactThroughStaff {
			add("contact", "must be direct or through_staff")
		}
		seen := map[string]bool{}
		for _, f := range a.Disclose {
			if (f != DisclosePhone && f != DiscloseEmail) || seen[f] {
				add("disclose", "may hold phone and email, each once")
				break
			}
			seen[f] = true
		}
		if a.DeclineReason != "" {
			add("decline_reason", "is only for a refusal")
		}
	} else {
		if !slices.Contains(DeclineReasons, a.DeclineReason) {
			add("decline_reason", "must be one of "+strings.Join(DeclineReasons, ", "))
		}
		if len(a.Disclose) > 0 {
			add("disclose", "is only for an acceptance")
		}
	}
	if bad != nil {
		return &errs.ValidationError{Fields: bad}
	}
	return nil
}

// Accept records an acceptance with the disclosure grant the candidates
// service made for it.
func (in *Introduction) Accept(a Answer, disclosureID, by string, now time.Time) error {
	if !in.IsOpen(now) {
		return ErrIntroductionNotOpen
	}
	in.Status, in.AnsweredAt, in.AnsweredBy = StatusAccepted, now.UTC(), by
	in.ConsentTextVersion, in.Disclose, in.Contact, in.DisclosureID = a.ConsentTextVersion, slices.Clone(a.Disclose), a.Contact, disclosureID
	in.Version++
	return nil
}

// Decline records a refusal with its reason category.
func (in *Introduction) Decline(reason, by string, now time.Time) error {
	if !in.IsOpen(now) {
		return ErrIntroductionNotOpen
	}
	in.Status, in.AnsweredAt, in.AnsweredBy, in.DeclineReason = StatusDeclined, now.UTC(), by, reason
	in.Version++
	return nil
}

// Withdraw records the employer taking the request back (or the
// platform, when the employer is suspended).
func (in *Introduction) Withdraw(by string, now time.Time) error {
	if in.Status != StatusRequested {
		return ErrIntroductionNotOpen
	}
	in.Status, in.ClosedAt, in.AnsweredBy = StatusWithdrawn, now.UTC(), by
	in.Version++
	return nil
}

// Expire marks a request nobody answered in time.
func (in *Introduction) Expire(now time.Time) error {
	if in.Status != StatusRequested || now.Before(in.ExpiresAt) {
		return ErrIntroductionNotOpen
	}
	in.Status, in.ClosedAt = StatusExpired, now.UTC()
	in.Version++
	return nil
}

// Remind marks that staff have been reminded of a waiting request.
func (in *Introduction) Remind(now time.Time) bool {
	if in.Status != StatusRequested || in.Reminded || now.Before(in.ReminderAt) {
		return false
	}
	in.Reminded = true
	in.Version++
	return true
}

// WordingFlag is a phrase of the message the wording check flagged; a
// warning, never a refusal.
type WordingFlag struct {
	Field      string
	Phrase     string
	Start      int
	End        int
	Suggestion string
	Reason     string
	Category   string
}

// Sides of an introduction: who speaks.
const (
	SideEmployer  = "employer"
	SideProgramme = "programme"
	// SideCandidate is the candidate themself, signed in to their own
	// account: they read their introductions and answer them, as their
	// staff may for them, but write in no thread and record no outcome.
	SideCandidate = "candidate"
)
