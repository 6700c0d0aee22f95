// Package service holds the placements service's use cases: asking to
// meet, answering, withdrawing, the thread, outcomes, placements and their
// follow-ups, the sweeper that expires, reminds and retries, and the
// consumers of erasures and suspensions. It declares the small interfaces
// (ports) it needs; the adapters implement them.
package service

import (
	"context"
	"log/slog"
	"time"

	"github.com/google/uuid"

	"github.com/onward-jobs/onward/pkg/events"
	"github.com/onward-jobs/onward/pkg/mongox"
	"github.com/onward-jobs/onward/services/placements/internal/domain"
)

// Producer names this service on its events.
const Producer = "placements"

// Store keeps introductions, messages, placements and follow-ups, with the
// events each write owes. Updates are version-checked: a stale one is an
// error wrapping domain.ErrStale.
type Store interface {
	CreateIntroduction(ctx context.Context, in domain.Introduction, maxOpen int, e events.Envelope) error
	Introduction(ctx context.Context, id string) (domain.Introduction, error)
	UpdateIntroduction(ctx context.Context, in domain.Introduction, prev int64, es ...events.Envelope) error
	ListIntroductions(ctx context.Context, f domain.IntroductionFilter, page mongox.PageRequest) ([]domain.Introduction, string, error)
	ExpiredIntroductions(ctx context.Context, now time.Time, limit int) ([]domain.Introduction, error)
	RemindersDue(ctx context.Context, now time.Time, limit int) ([]domain.Introduction, error)
	RequestedOfEmployer(ctx context.Context, orgID string, limit int) ([]domain.Introduction, error)
	AddMessage(ctx context.Context, m domain.Message) error
	Messages(ctx context.Context, introductionID string, page mongox.PageRequest) ([]domain.Message, string, error)
	CreatePlacement(ctx context.Context, p domain.Placement, e events.Envelope) error
	Placement(ctx context.Context, id string) (domain.Placement, error)
	PlacementOfIntroduction(ctx context.Context, introductionID string) (domain.Placement, error)
	UpdatePlacement(ctx context.Context, p domain.Placement, prev int64, es ...events.Envelope) error
	ListPlacements(ctx context.Context, f domain.PlacementFilter, page mongox.PageRequest) ([]domain.Placement, string, error)
	PlacementsWithPendingSteps(ctx context.Context, limit int) ([]domain.Placement, error)
	InsertFollowUps(ctx context.Context, fus []domain.FollowUp) error
	FollowUp(ctx context.Context, id string) (domain.FollowUp, error)
	UpdateFollowUp(ctx context.Context, f domain.FollowUp, prev int64, es ...events.Envelope) error
	ListFollowUps(ctx context.Context, f domain.FollowUpFilter, page mongox.PageRequest) ([]domain.FollowUp, string, error)
	FollowUpsDue(ctx context.Context, now time.Time, limit int) ([]domain.FollowUp, error)
	CandidateRecord(ctx context.Context, candidateID string) (domain.CandidateRecord, error)
	// IntroductionFacts returns one introduction's facts, or an error
	// wrapping errs.NotFound.
	IntroductionFacts(ctx context.Context, id string) (domain.IntroductionFacts, error)
	// EachIntroductionFacts calls fn with every introduction's facts, in
	// no particular order, in one pass over the store; an error from fn
	// stops the pass and is returned.
	EachIntroductionFacts(ctx context.Context, fn func(domain.IntroductionFacts) error) error
	ForgetCandidate(ctx context.Context, candidateID string) error
	events.Outbox
}

// Role is what the service learns of a role from the employers service.
type Role struct {
	ID            string
	EmployerOrgID string
	Status        string
	Title         string
}

// RoleOpen is the status of a role that takes requests.
const RoleOpen = "open"

// Roles reaches the employers service. An unknown role is an error
// wrapping errs.NotFound.
type Roles interface {
	Role(ctx context.Context, id string) (Role, error)
	// RecordPlacement counts a hire on a role, idempotent by placement.
	RecordPlacement(ctx context.Context, roleID, placementID string) error
}

// ShortlistEntry is the candidate behind a shortlist card's reference.
type ShortlistEntry struct {
	CandidateID string
	Alias       string
}

// Shortlists reaches the matching service. A reference not on the role's
// current shortlist is an error wrapping errs.NotFound.
type Shortlists interface {
	Resolve(ctx context.Context, roleID, candidateRef string) (ShortlistEntry, error)
}

// Grant is what a disclosure grant records.
type Grant struct {
	IntroductionID     string
	CandidateID        string
	EmployerOrgID      string
	RoleID             string
	Disclose           []string
	Contact            string
	ConsentTextVersion string
	RecordedBy         string
	// ByCandidate says RecordedBy is the candidate themself, not staff.
	ByCandidate bool
}

// Candidates reaches the candidates service.
type Candidates interface {
	// CandidateOrg returns a candidate's programme organisation.
	CandidateOrg(ctx context.Context, candidateID string) (string, error)
	// GrantDisclosure records a grant, idempotent by introduction, and
	// returns its id.
	GrantDisclosure(ctx context.Context, g Grant) (string, error)
	// SetPlacement marks a candidate placed (or available again).
	SetPlacement(ctx context.Context, candidateID, placementID string, placed, stillLooking bool) error
}

// Organisations reaches the gateway for an organisation's status.
type Organisations interface {
	Status(ctx context.Context, orgID string) (string, error)
	// Name is the organisation's name (a business name).
	Name(ctx context.Context, orgID string) (string, error)
}

// Wording checks a message for phrases that put fair-chance candidates
// off. It only warns: a failure gives no flags.
type Wording interface {
	Check(ctx context.Context, text string) []domain.WordingFlag
}

// Deps are what the service needs.
type Deps struct {
	Store         Store
	Roles         Roles
	Shortlists    Shortlists
	Candidates    Candidates
	Organisations Organisations
	Wording       Wording
	Publisher     events.Sink
	Logger        *slog.Logger
	// Clock tells the time; tests move it.
	Clock func() time.Time
	// Timing is how long a request waits, and when staff are reminded.
	Timing domain.Timing
	// MaxOpenPerRole caps the open requests of one role.
	MaxOpenPerRole int
}

// Service carries out the use cases.
type Service struct {
	d     Deps
	relay *events.Relayer
}

// New returns a service on d, filling its defaults.
func New(d Deps) *Service {
	if d.Clock == nil {
		d.Clock = time.Now
	}
	if d.Logger == nil {
		d.Logger = slog.Default()
	}
	if d.Timing.TTL <= 0 {
		d.Timing.TTL = 14 * 24 * time.Hour
	}
	if d.Timing.Reminder <= 0 {
		d.Timing.Reminder = 10 * 24 * time.Hour
	}
	if d.MaxOpenPerRole <= 0 {
		d.MaxOpenPerRole = 10
	}
	if d.Wording == nil {
		d.Wording = noWording{}
	}
	return &Service{d: d, relay: &events.Relayer{Outbox: d.Store, Sink: d.Publisher, Logger: d.Logger, Now: d.Clock}}
}

// Now is the service's clock.
func (s *Service) Now() time.Time { return s.d.Clock().UTC() }

type noWording struct{}

func (noWording) Check(context.Context, string) []domain.WordingFlag { return nil }

// newID returns a time-ordered id, so sorting by _id lists newest first.
func newID() string { return uuid.Must(uuid.NewV7()).String() }

// Event types on onward.placements. Every event's aggregate is the
// introduction, so a consumer finds the parties through
// GET /internal/v1/introductions/{id}.
const (
	EventIntroductionRequested   = "introduction.requested"
	EventIntroductionAnswered    = "introduction.answered"
	EventIntroductionExpired     = "introduction.expired"
	EventIntroductionWithdrawn   = "introduction.withdrawn"
	EventIntroductionReminderDue = "introduction.reminder_due"
	EventMeetingRecorded         = "meeting.recorded"
	EventPlacementStarted        = "placement.started"
	EventPlacementEnded          = "placement.ended"
	EventFollowUpDue             = "followup.due"
	EventFollowUpRecorded        = "followup.recorded"
)

// Events this service consumes.
const (
	EventCandidateErased           = "candidate.erased"
	EventOrganisationStatusChanged = "organisation.status_changed"
	OrganisationSuspended          = "suspended"
	withdrawnBySuspension          = "platform:suspension"
	sweepBatch                     = 100
)

// event returns an envelope about an introduction at version.
func (s *Service) event(eventType, introductionID string, version int64) (events.Envelope, error) {
	e, err := events.NewEnvelope(eventType, introductionID, version, Producer)
	if err != nil {
		return e, err
	}
	e.OccurredAt = s.Now()
	return e, nil
}

// deliver publishes events stored with a write; what fails is left to
// the relay.
func (s *Service) deliver(ctx context.Context, es ...events.Envelope) {
	for _, e := range es {
		s.relay.Deliver(ctx, e)
	}
}

// RelayPending publishes events left pending at least grace ago.
func (s *Service) RelayPending(ctx context.Context, grace time.Duration) (int, error) {
	return s.relay.Round(ctx, grace)
}

type bearerKey struct{}

// WithBearer returns ctx carrying the caller's own access token, for the
// calls made on the caller's behalf (the wording check).
func WithBearer(ctx context.Context, token string) context.Context {
	return context.WithValue(ctx, bearerKey{}, token)
}

// BearerFrom returns the caller's access token, or "".
func BearerFrom(ctx context.Context) string {
	t, _ := ctx.Value(bearerKey{}).(string)
	return t
}
