package domain

import "time"

// MatchingView is what the matching service may know of a candidate: the
// portfolio, availability, restrictions, consent and alias. It has no
// identity field at all, so no converter can leak one by mistake.
type MatchingView struct {
	ID      string
	OrgID   string
	Alias   string
	Version int64
	// Setting decides whether day release applies; matching never shows
	// it to employers.
	Setting          Setting
	House            *Place
	DayRelease       *DayRelease
	Release          *Release
	Languages        []Language
	ExcludedSectors  []string
	Preferences      Preferences
	Skills           []Skill
	ProgrammeRecords []ProgrammeRecord
	Certificates     []Certificate
	ConsentMatching  bool
	// CreatedAt is when the candidate was registered, and
	// ConsentFirstGivenAt when consent to matching was first given (zero
	// if never): the times insights counts the first two steps from.
	CreatedAt           time.Time
	ConsentFirstGivenAt time.Time
	// Available is false while the candidate is placed and not still
	// looking; matching then leaves them out of every list.
	Available bool
	// Statement is the candidate's statement in their own words while an
	// approved one stands, "" otherwise: a pending or rejected statement
	// never leaves the service.
	Statement string
}

// MatchingView returns the candidate's matching view.
func (c Candidate) MatchingView() MatchingView {
	return MatchingView{
		ID: c.ID, OrgID: c.OrgID, Alias: c.Alias, Version: c.Version, Setting: c.Profile.Setting,
		House: c.Profile.House, DayRelease: c.Profile.DayRelease, Release: c.Profile.Release,
		Languages: c.Profile.Languages, ExcludedSectors: c.Profile.ExcludedSectors, Preferences: c.Profile.Preferences,
		Skills: c.Skills(), ProgrammeRecords: c.ProgrammeRecords, Certificates: c.Certificates,
		ConsentMatching: c.Consent.Matching, Available: c.Available(),
		CreatedAt: c.CreatedAt, ConsentFirstGivenAt: c.Consent.FirstGivenAt, Statement: c.ApprovedStatement(),
	}
}
