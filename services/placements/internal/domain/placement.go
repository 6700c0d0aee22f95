package domain

import (
	"slices"
	"strings"
	"time"

	"github.com/onward-jobs/onward/pkg/errs"
)

// Outcomes of a meeting.
const (
	OutcomeHired           = "hired"
	OutcomeNotHired        = "not_hired"
	OutcomeDidNotTakePlace = "did_not_take_place"
)

// NotHiredReasons are the categories of a meeting that led to no hire.
var NotHiredReasons = []string{"skills", "availability", "candidate_declined", "employer_declined", "other"}

// Contracts a placement may be on.
var Contracts = []string{"trial", "fixed_term", "permanent", "day_release"}

// EndReasons are why a placement ended; never anything about offences.
var EndReasons = []string{"contract_ended", "moved_job", "left", "let_go", "other"}

// Limits of a placement's hours.
const (
	MinHoursPerWeek = 1
	MaxHoursPerWeek = 60
)

// PlacementTerms are what a hire records.
type PlacementTerms struct {
	StartDate    string
	Contract     string
	HoursPerWeek int
}

// OutcomeReport is one side's account of how the meeting went.
type OutcomeReport struct {
	Outcome   string
	Reason    string
	Placement *PlacementTerms
}

// Validate checks a report and lists every bad field.
func (r OutcomeReport) Validate() error {
	var bad []errs.FieldError
	add := func(field, msg string) { bad = append(bad, errs.FieldError{Field: field, Message: msg}) }
	switch r.Outcome {
	case OutcomeHired:
		if r.Placement == nil {
			add("placement", "is required for a hire")
			break
		}
		if _, err := time.Parse(time.DateOnly, r.Placement.StartDate); err != nil {
			add("placement.start_date", "must be a date, YYYY-MM-DD")
		}
		if !slices.Contains(Contracts, r.Placement.Contract) {
			add("placement.contract", "must be one of "+strings.Join(Contracts, ", "))
		}
		if h := r.Placement.HoursPerWeek; h < MinHoursPerWeek || h > MaxHoursPerWeek {
			add("placement.hours_per_week", "must be from 1 to 60")
		}
	case OutcomeNotHired:
		if !slices.Contains(NotHiredReasons, r.Reason) {
			add("reason", "must be one of "+strings.Join(NotHiredReasons, ", "))
		}
	case OutcomeDidNotTakePlace:
		if r.Reason != "" && !slices.Contains(NotHiredReasons, r.Reason) {
			add("reason", "must be empty or one of "+strings.Join(NotHiredReasons, ", "))
		}
	default:
		add("outcome", "must be hired, not_hired or did_not_take_place")
	}
	if r.Outcome != OutcomeHired && r.Placement != nil {
		add("placement", "is only for a hire")
	}
	if bad != nil {
		return &errs.ValidationError{Fields: bad}
	}
	return nil
}

// RecordOutcome stores how the meeting went, once, on an accepted
// introduction. A hire names the placement it created.
func (in *Introduction) RecordOutcome(r OutcomeReport, placementID, side, by string, now time.Time) error {
	if in.Status != StatusAccepted {
		return ErrNotAccepted
	}
	if in.Outcome != nil {
		return ErrOutcomeRecorded
	}
	in.Outcome = &Outcome{Outcome: r.Outcome, Side: side, Reason: r.Reason, RecordedBy: by, RecordedAt: now.UTC()}
	in.PlacementID = placementID
	in.Version++
	return nil
}

// PlacementStatus is whether a placement goes on.
type PlacementStatus string

// The placement statuses.
const (
	PlacementActive PlacementStatus = "active"
	PlacementEnded  PlacementStatus = "ended"
)

// Steps a placement still owes other services; the sweeper retries them
// until they succeed.
const (
	// StepIntroduction records the hire on the introduction.
	StepIntroduction = "introduction"
	// StepFollowUps creates the placement's follow-ups.
	StepFollowUps = "followups"
	// StepRole tells the employers service the role has one more hire.
	StepRole = "role"
	// StepCandidate tells the candidates service whether the candidate
	// is placed and still looking.
	StepCandidate = "candidate"
)

// Placement is a hire that came out of an introduction.
type Placement struct {
	ID             string
	Version        int64
	IntroductionID string
	RoleID         string
	RoleTitle      string
	EmployerOrgID  string
	EmployerName   string
	CandidateID    string
	CandidateOrgID string
	CandidateAlias string
	CreatedSide    string
	StartDate      string
	Contract       string
	HoursPerWeek   int
	Status         PlacementStatus
	StillLooking   bool
	EndedOn        string
	EndReason      string
	CreatedBy      string
	CreatedAt      time.Time
	// PendingSteps are the calls to other services not yet known to
	// have succeeded.
	PendingSteps []string
}

// NewPlacement returns an active placement for an accepted introduction,
// owing every step: the hire is stored first, as one document, and the
// rest follows from it, so a crash in between is finished by the sweeper.
func NewPlacement(id string, in Introduction, t PlacementTerms, side, by string, now time.Time) Placement {
	return Placement{
		ID: id, Version: 1, IntroductionID: in.ID, RoleID: in.RoleID, RoleTitle: in.RoleTitle, EmployerOrgID: in.EmployerOrgID, EmployerName: in.EmployerName,
		CandidateID: in.CandidateID, CandidateOrgID: in.CandidateOrgID, CandidateAlias: in.CandidateAlias, CreatedSide: side, StartDate: t.StartDate,
		Contract: t.Contract, HoursPerWeek: t.HoursPerWeek, Status: PlacementActive, CreatedBy: by,
		CreatedAt: now.UTC(), PendingSteps: []string{StepIntroduction, StepFollowUps, StepRole, StepCandidate},
	}
}

// Placed reports what the candidates service is to be told: placed while
// active.
func (p Placement) Placed() bool { return p.Status == PlacementActive }

// End ends an active placement on a day, for a reason; the candidate is
// available again, which the candidates service must learn.
func (p *Placement) End(endedOn, reason string) error {
	var bad []errs.FieldError
	if _, err := time.Parse(time.DateOnly, endedOn); err != nil {
		bad = append(bad, errs.FieldError{Field: "ended_on", Message: "must be a date, YYYY-MM-DD"})
	} else if endedOn < p.StartDate {
		bad = append(bad, errs.FieldError{Field: "ended_on", Message: "must not be before the start date"})
	}
	if !slices.Contains(EndReasons, reason) {
		bad = append(bad, errs.FieldError{Field: "reason", Message: "must be one of " + strings.Join(EndReasons, ", ")})
	}
	if bad != nil {
		return &errs.ValidationError{Fields: bad}
	}
	if p.Status != PlacementActive {
		return ErrPlacementEnded
	}
	p.Status, p.EndedOn, p.EndReason = PlacementEnded, endedOn, reason
	p.owe(StepCandidate)
	p.Version++
	return nil
}

// SetStillLooking records whether the placed candidate still looks for
// work (part-time, a trial), which keeps them on shortlists.
func (p *Placement) SetStillLooking(v bool) error {
	if p.Status != PlacementActive {
		return ErrPlacementEnded
	}
	if p.StillLooking == v {
		return nil
	}
	p.StillLooking = v
	p.owe(StepCandidate)
	p.Version++
	return nil
}

// Done clears a step that succeeded.
func (p *Placement) Done(step string) {
	p.PendingSteps = slices.DeleteFunc(p.PendingSteps, func(s string) bool { return s == step })
	p.Version++
}

func (p *Placement) owe(step string) {
	if !slices.Contains(p.PendingSteps, step) {
		p.PendingSteps = append(p.PendingSteps, step)
	}
}
