package domain

import "time"

// Scope is whose objects a caller may see: one employer organisation's,
// one programme organisation's candidates', or (both empty) everyone's.
type Scope struct {
	EmployerOrgID  string
	CandidateOrgID string
	// CandidateID narrows to one candidate's objects, for the candidate
	// themself.
	CandidateID string
}

// IntroductionFilter narrows a list of introductions.
type IntroductionFilter struct {
	Scope
	Status      Status
	RoleID      string
	CandidateID string
}

// PlacementFilter narrows a list of placements.
type PlacementFilter struct {
	Scope
	Status      PlacementStatus
	CandidateID string
}

// FollowUpFilter narrows a list of follow-ups. Audience is the side whose
// tasks are listed ("" for both).
type FollowUpFilter struct {
	Scope
	Audience  string
	Status    FollowUpStatus
	DueBefore time.Time
}

// CandidateRecord is everything the service holds about one candidate,
// for the candidate's export.
type CandidateRecord struct {
	Introductions []Introduction
	Messages      []Message
	Placements    []Placement
	FollowUps     []FollowUp
}
