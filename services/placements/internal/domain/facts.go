package domain

import (
	"cmp"
	"slices"
	"time"
)

// IntroductionFacts is what the insights read model may know of an
// introduction: ids, times and categories. It holds no message, note,
// meeting proposal, alias, name, or reason of a refusal, an outcome or an
// end, so that nothing a person wrote or chose to say about themselves
// leaves the service through it.
type IntroductionFacts struct {
	ID             string
	RoleID         string
	EmployerOrgID  string
	CandidateID    string
	CandidateOrgID string
	Status         Status
	RequestedAt    time.Time
	// Answer is set once the candidate's staff accepted or declined.
	Answer *AnswerFacts
	// Outcome is set once the meeting's outcome was recorded.
	Outcome *OutcomeFacts
	// Placement is set once a hire was recorded. It may come before
	// Outcome while the hire's owed steps are still being taken.
	Placement *PlacementFacts
	// FollowUps are the placement's follow-ups, once they exist.
	FollowUps []FollowUpFacts
}

// AnswerFacts is the candidate's answer without its reason.
type AnswerFacts struct {
	Accepted   bool
	AnsweredAt time.Time
}

// OutcomeFacts is how the meeting went without its reason.
type OutcomeFacts struct {
	Kind       string
	RecordedAt time.Time
}

// PlacementFacts is a hire: when it was recorded, when work starts, on
// what contract, and whether and when it ended.
type PlacementFacts struct {
	ID         string
	RecordedAt time.Time
	StartDate  string
	Contract   string
	Status     PlacementStatus
	EndedOn    string
}

// FollowUpFacts is one side's follow-up for one day; StillWorking and
// AnsweredAt are set once it was answered.
type FollowUpFacts struct {
	Day          int
	Side         string
	DueAt        time.Time
	StillWorking *bool
	AnsweredAt   time.Time
}

// FactsOf returns the facts of an introduction with its placement (nil
// when there is none) and the placement's follow-ups, these by day and
// side.
func FactsOf(in Introduction, pl *Placement, fus []FollowUp) IntroductionFacts {
	f := IntroductionFacts{
		ID: in.ID, RoleID: in.RoleID, EmployerOrgID: in.EmployerOrgID, CandidateID: in.CandidateID,
		CandidateOrgID: in.CandidateOrgID, Status: in.Status, RequestedAt: in.RequestedAt,
		FollowUps: make([]FollowUpFacts, 0, len(fus)),
	}
	if in.Status == StatusAccepted || in.Status == StatusDeclined {
		f.Answer = &AnswerFacts{Accepted: in.Status == StatusAccepted, AnsweredAt: in.AnsweredAt}
	}
	if o := in.Outcome; o != nil {
		f.Outcome = &OutcomeFacts{Kind: o.Outcome, RecordedAt: o.RecordedAt}
	}
	if pl != nil {
		f.Placement = &PlacementFacts{ID: pl.ID, RecordedAt: pl.CreatedAt, StartDate: pl.StartDate,
			Contract: pl.Contract, Status: pl.Status, EndedOn: pl.EndedOn}
	}
	for _, fu := range fus {
		var still *bool
		if fu.StillWorking != nil {
			v := *fu.StillWorking
			still = &v
		}
		f.FollowUps = append(f.FollowUps, FollowUpFacts{Day: fu.Day, Side: fu.Audience, DueAt: fu.DueAt,
			StillWorking: still, AnsweredAt: fu.AnsweredAt})
	}
	slices.SortFunc(f.FollowUps, func(a, b FollowUpFacts) int {
		return cmp.Or(cmp.Compare(a.Day, b.Day), cmp.Compare(a.Side, b.Side))
	})
	return f
}
