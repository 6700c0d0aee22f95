package domain

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/onward-jobs/onward/pkg/errs"
)

// FollowUpDays are the days after the start a placement is followed up.
var FollowUpDays = []int{30, 90, 180}

// Audiences of a follow-up.
const (
	AudienceProgramme = "programme"
	AudienceEmployer  = "employer"
)

// FollowUpStatus is whether a follow-up has been answered.
type FollowUpStatus string

// The follow-up statuses.
const (
	FollowUpOpen     FollowUpStatus = "open"
	FollowUpAnswered FollowUpStatus = "answered"
)

// FollowUp is one question about a placement at one date, for one side.
type FollowUp struct {
	ID             string
	Version        int64
	PlacementID    string
	IntroductionID string
	RoleID         string
	RoleTitle      string
	EmployerOrgID  string
	CandidateID    string
	CandidateOrgID string
	CandidateAlias string
	Audience       string
	Day            int
	DueAt          time.Time
	Status         FollowUpStatus
	// Notified is set once followup.due has been raised.
	Notified     bool
	StillWorking *bool
	Reason       string
	AnsweredBy   string
	AnsweredAt   time.Time
}

// NewFollowUps returns the six tasks of a placement: at 30, 90 and 180
// days after its start, one for the programme and one for the employer.
// Each id is the due day followed by one from ids, so listing by id lists
// the soonest due first, across placements, with keyset pages.
func NewFollowUps(p Placement, ids func() string) ([]FollowUp, error) {
	start, err := time.Parse(time.DateOnly, p.StartDate)
	if err != nil {
		return nil, fmt.Errorf("placement %s start date: %w", p.ID, errs.InvalidArgument)
	}
	var out []FollowUp
	for _, day := range FollowUpDays {
		due := start.AddDate(0, 0, day).UTC()
		for _, aud := range []string{AudienceProgramme, AudienceEmployer} {
			out = append(out, FollowUp{
				ID: due.Format("20060102") + "-" + ids(), Version: 1, PlacementID: p.ID, IntroductionID: p.IntroductionID, RoleID: p.RoleID, RoleTitle: p.RoleTitle,
				EmployerOrgID: p.EmployerOrgID, CandidateID: p.CandidateID, CandidateOrgID: p.CandidateOrgID,
				CandidateAlias: p.CandidateAlias, Audience: aud, Day: day, DueAt: due, Status: FollowUpOpen,
			})
		}
	}
	return out, nil
}

// DueOn is the day the follow-up falls due.
func (f FollowUp) DueOn() string { return f.DueAt.Format(time.DateOnly) }

// Overdue reports an open follow-up past its due day at now.
func (f FollowUp) Overdue(now time.Time) bool {
	return f.Status == FollowUpOpen && now.After(f.DueAt.AddDate(0, 0, 1))
}

// FollowUpAnswer is one side's answer.
type FollowUpAnswer struct {
	StillWorking bool
	Reason       string
}

// Validate checks an answer: a reason, from the end reasons, exactly when
// the candidate no longer works there.
func (a FollowUpAnswer) Validate() error {
	if a.StillWorking && a.Reason != "" {
		return errs.Invalid("reason", "is only for a placement that ended")
	}
	if !a.StillWorking && !slices.Contains(EndReasons, a.Reason) {
		return errs.Invalid("reason", "must be one of %s", strings.Join(EndReasons, ", "))
	}
	return nil
}

// Answer records an answer, once.
func (f *FollowUp) Answer(a FollowUpAnswer, by string, now time.Time) error {
	if f.Status != FollowUpOpen {
		return ErrFollowUpAnswered
	}
	v := a.StillWorking
	f.Status, f.StillWorking, f.Reason, f.AnsweredBy, f.AnsweredAt = FollowUpAnswered, &v, a.Reason, by, now.UTC()
	f.Version++
	return nil
}

// Message is one text of an accepted introduction's thread.
type Message struct {
	ID             string
	IntroductionID string
	CandidateID    string
	Side           string
	AuthorID       string
	Text           string
	CreatedAt      time.Time
}

// MaxMessageText bounds a thread message.
const MaxMessageText = 2000

// ValidateMessageText checks a thread message's text.
func ValidateMessageText(text string) error {
	n := len([]rune(text))
	if strings.TrimSpace(text) == "" || n > MaxMessageText {
		return errs.Invalid("text", "must be 1 to %d characters", MaxMessageText)
	}
	return nil
}
