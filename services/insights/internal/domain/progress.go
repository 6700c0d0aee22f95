package domain

import "time"

// Progress is one candidate's facts as their owners give them: ids, times
// and categories only. It never holds a name, contact, place id or free
// text; the place is already reduced to a country, a region and an urban
// class. A zero time means the step has not happened.
type Progress struct {
	// CandidateID and OrganisationID identify the candidate and the
	// programme organisation that registered them.
	CandidateID    string
	OrganisationID string
	// Programmes are the programmes the candidate has a record in.
	Programmes []ProgrammeFacts
	// Setting is the candidate's current setting (detention_house,
	// transition_house, released, probation), empty when not known.
	Setting string
	// Country is the ISO country code of the house, or of the return
	// region for people released; Region is its GeoNames first-level
	// division ("BE.VLG" or "VLG"); Urban is UrbanClassOf the place's
	// population. Each is empty when not known.
	Country, Region, Urban string
	// CreatedAt is when the candidate was registered.
	CreatedAt time.Time
	// ConsentFirstGivenAt is when consent to matching was first given.
	ConsentFirstGivenAt time.Time
	// FirstShortlistedAt is when the candidate first stood on a stored
	// shortlist.
	FirstShortlistedAt time.Time
	// Introductions are the facts of every introduction for the candidate.
	Introductions []IntroductionFacts
}

// ProgrammeFacts is a programme the candidate has a record in.
type ProgrammeFacts struct {
	// ID is the programme's id and Kind its kind (coffee_roastery, ...).
	ID, Kind string
}

// IntroductionFacts is what placements serves of one introduction, with
// the role's contract kind and occupation added from the role.
type IntroductionFacts struct {
	// ID, RoleID and EmployerOrgID identify the introduction, its role
	// and the employer organisation that asked.
	ID, RoleID, EmployerOrgID string
	// RoleContract and RoleOccupation are the role's contract kind and
	// occupation template id, empty when not known.
	RoleContract, RoleOccupation string
	// RequestedAt is when the employer asked to meet.
	RequestedAt time.Time
	// Answer is set once the candidate's staff answered.
	Answer *AnswerFacts
	// Outcome is set once the meeting's outcome was recorded.
	Outcome *OutcomeFacts
	// Placement is set once a hire was recorded.
	Placement *PlacementFacts
	// FollowUps are the placement's follow-ups, one per day and side.
	FollowUps []FollowUpFacts
}

// AnswerFacts is the candidate's answer to a request to meet.
type AnswerFacts struct {
	// Accepted is true for a yes.
	Accepted bool
	// AnsweredAt is when staff recorded the answer.
	AnsweredAt time.Time
}

// The meeting outcomes of placements; only the first two are meetings.
const (
	OutcomeHired           = "hired"
	OutcomeNotHired        = "not_hired"
	OutcomeDidNotTakePlace = "did_not_take_place"
)

// OutcomeFacts is how a meeting went.
type OutcomeFacts struct {
	// Kind is hired, not_hired or did_not_take_place.
	Kind string
	// RecordedAt is when the outcome was recorded.
	RecordedAt time.Time
}

// PlacementFacts is a hire. StartDate and EndedOn are dates at midnight
// UTC; EndedOn is zero while the placement lasts.
type PlacementFacts struct {
	// ID is the placement's id.
	ID string
	// RecordedAt is when the hire was recorded.
	RecordedAt time.Time
	// StartDate is the first day of work; retention counts from it.
	StartDate time.Time
	// Contract is the placement's contract kind.
	Contract string
	// Status is active or ended.
	Status string
	// EndedOn is the day work ended.
	EndedOn time.Time
}

// FollowUpFacts is one side's follow-up for one day. StillWorking is nil
// until the side answered.
type FollowUpFacts struct {
	// Day is 30, 90 or 180.
	Day int
	// Side is employer or programme.
	Side string
	// DueAt is when the follow-up falls due.
	DueAt time.Time
	// StillWorking is the side's answer.
	StillWorking *bool
	// AnsweredAt is when the side answered.
	AnsweredAt time.Time
}

// The urban classes of a place, and the population thresholds between
// them (a policy, set in docs/insights.md).
const (
	Urban     = "urban"
	Town      = "town"
	Rural     = "rural"
	UrbanFrom = 50_000
	TownFrom  = 5_000
)

// UnknownValue is the group of people whose value for a dimension is not
// known, and the urban class of a place without a population.
const UnknownValue = "unknown"

// UrbanClassOf returns the urban class of a place from its population:
// urban from 50,000, town from 5,000, rural below, and unknown when the
// gazetteer holds no population (0 or less).
func UrbanClassOf(population int64) string {
	switch {
	case population <= 0:
		return UnknownValue
	case population >= UrbanFrom:
		return Urban
	case population >= TownFrom:
		return Town
	default:
		return Rural
	}
}
