package engine

// Every weight of the scoring lives in this file, as a named constant, so
// docs/matching.md can name each one and a change shows up in one diff.
// All arithmetic is on integers: the fast path and the reference agree to
// the last point, on every machine.

// Skill credit. A requirement's credit is counted in per-mille of a fully
// met requirement (CreditFull) and then scaled so that all essential skills
// of a role together are worth EssentialTotalPoints and all optional skills
// OptionalTotalPoints, however many the role lists.
const (
	// CreditFull is the credit of an exact skill at or above the minimum
	// level.
	CreditFull = 1000
	// CreditPerLevelAbove is added to an exact skill's credit for each
	// level above the minimum, so an instructor outranks a beginner.
	CreditPerLevelAbove = 50
	// ParentCreditPercent is the share of CreditFull earned through a
	// parent of the required skill (a broader skill).
	ParentCreditPercent = 50
	// SiblingCreditPercent is the share of CreditFull earned through a
	// sibling of the required skill (a skill sharing a parent with it).
	SiblingCreditPercent = 30
	// EssentialTotalPoints is what a role's essential skills are worth
	// together when every one is met exactly at its minimum level.
	EssentialTotalPoints = 6000
	// OptionalTotalPoints is the same for the optional skills.
	OptionalTotalPoints = 1000
)

// Languages: each required language earns its share of LanguageTotalPoints
// in full at or above the minimum CEFR rank, and in proportion to
// (rank+1)/(min+1) below it. A language the candidate does not speak earns
// nothing; a language never filters.
const (
	LanguageTotalPoints = 600
)

// Certificates: a small bonus per certificate, capped.
const (
	CertificatePoints    = 20
	CertificateMaxPoints = 60
)

// Attested hours: the hours on attested skills that match a requirement
// exactly, in doubling steps, so 800 hours is worth more than 100 but not
// eight times more. The highest step reached counts.
const (
	AttestedHoursStep1 = 50 // hours
	AttestedHoursStep2 = 100
	AttestedHoursStep3 = 200
	AttestedHoursStep4 = 400
	AttestedHoursStep5 = 800
	// AttestedHoursPointsPerStep is earned per step reached, up to five
	// steps (AttestedHoursMaxPoints).
	AttestedHoursPointsPerStep = 30
	AttestedHoursMaxPoints     = 5 * AttestedHoursPointsPerStep
)

// Distance decay: a site next door earns DistanceMaxPoints, falling in a
// straight line to zero at DistanceZeroKm, measured in tenths of a km. A
// remote role earns DistanceRemotePoints. A candidate on day release, whose
// distance is measured from the house, earns DistanceHousePoints for any
// site within the commute limit (the points of a site 25 km away): a score
// that varied with the distance would let an employer with sites in
// several towns place the house.
const (
	DistanceMaxPoints    = 400
	DistanceZeroKm       = 100
	DistanceRemotePoints = 200
	DistanceHousePoints  = 300
)

// Start-date slack: being available well before the start is a small
// bonus; being available only just in time costs nothing.
const (
	SlackPointsPerWeek = 5
	SlackMaxPoints     = 40
)

// Preferences never filter; a match earns a tiny bonus.
const (
	PreferredSectorPoints   = 10
	PreferredContractPoints = 5
	PreferredHoursPoints    = 5
	// PreferredHoursToleranceH is how far, in hours per week, the role
	// may be from the candidate's preference and still count as a match.
	PreferredHoursToleranceH = 8
)
