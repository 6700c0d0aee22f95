// Package service holds the candidates service's use cases: programmes,
// candidates and their portfolios, signed attestations, consent, the audit
// trail, export and erasure, and the reliable publication of events. It
// declares the ports it needs; adapters implement them.
package service

import (
	"context"
	"log/slog"
	"time"

	"github.com/onward-jobs/onward/pkg/events"
	"github.com/onward-jobs/onward/pkg/mongox"
	"github.com/onward-jobs/onward/services/candidates/internal/domain"
)

// Event types this service publishes. Envelopes carry ids and versions only.
const (
	EventCandidateChanged = "candidate.changed"
	EventConsentChanged   = "candidate.consent_changed"
	EventCandidateErased  = "candidate.erased"
	// EventDisclosureChanged announces a disclosure grant created or
	// withdrawn; its aggregate is the grant.
	EventDisclosureChanged = "candidate.disclosure_changed"
	// Producer names this service in every envelope.
	Producer = "candidates"
)

// Change is what one write of a candidate carries besides the candidate:
// the event it causes and the audit entry that records it. Both are stored
// in the same single-document write (an outbox without transactions), so a
// write is never left unrecorded or unannounced, and a failed write
// records nothing.
type Change struct {
	Event events.Envelope
	Audit domain.AuditEntry
}

// CandidateStore keeps candidates. Identity fields are sealed at rest by
// the adapter; what the store returns is plain.
type CandidateStore interface {
	// InsertCandidate stores a new candidate with its change. An alias
	// already taken is an error wrapping ErrAliasTaken.
	InsertCandidate(ctx context.Context, c domain.Candidate, ch Change) error
	// UpdateCandidate replaces the candidate whose version is still prev;
	// one whose version moved on is an errs.Conflict, a missing one
	// errs.NotFound.
	UpdateCandidate(ctx context.Context, c domain.Candidate, prev int64, ch Change) error
	// Candidate returns a candidate by id or errs.NotFound.
	Candidate(ctx context.Context, id string) (domain.Candidate, error)
	// CandidateByAttestation returns the candidate holding an attestation,
	// or errs.NotFound.
	CandidateByAttestation(ctx context.Context, attestationID string) (domain.Candidate, error)
	// ListCandidates returns a page of one organisation's candidates
	// matching f, in id order.
	ListCandidates(ctx context.Context, f domain.Filter, page mongox.PageRequest) ([]domain.Candidate, string, error)
	// CandidateVersions returns a page of every candidate's id and version.
	CandidateVersions(ctx context.Context, page mongox.PageRequest) ([]Version, string, error)
	// CandidateViews returns a page of every candidate's matching view in
	// id order, at most MaxViewsPageSize long, without opening identities.
	CandidateViews(ctx context.Context, page mongox.PageRequest) ([]domain.MatchingView, string, error)
	// EachCandidateVersion and EachCandidateView call fn for every
	// candidate, in no particular order, in one pass over the store; an
	// error from fn stops the pass and is returned.
	EachCandidateVersion(ctx context.Context, fn func(Version) error) error
	EachCandidateView(ctx context.Context, fn func(domain.MatchingView) error) error
	// EraseCandidate deletes the candidate and every audit entry about it,
	// and keeps t with the candidate.erased event pending on it. Until the
	// event is published (MarkPublished) the tombstone also holds the
	// candidate's id, so an interrupted erasure can be finished by
	// FinishErasures; afterwards it identifies no one.
	EraseCandidate(ctx context.Context, id string, t domain.Tombstone, e events.Envelope) error
}

// ErrAliasTaken is wrapped by InsertCandidate when the alias is in use.
var ErrAliasTaken = errAliasTaken{}

type errAliasTaken struct{}

func (errAliasTaken) Error() string { return "alias already taken" }

// ProgrammeStore keeps programmes.
type ProgrammeStore interface {
	InsertProgramme(ctx context.Context, p domain.Programme) error
	// UpdateProgramme replaces the programme whose version is still prev
	// and records entry in the same write; one whose version moved on is
	// an errs.Conflict, a missing one errs.NotFound.
	UpdateProgramme(ctx context.Context, p domain.Programme, prev int64, entry domain.AuditEntry) error
	// Programme returns a programme by id or errs.NotFound.
	Programme(ctx context.Context, id string) (domain.Programme, error)
	// ListProgrammes returns a page of programmes in id order: one
	// organisation's, or every programme when orgID is empty.
	ListProgrammes(ctx context.Context, orgID string, page mongox.PageRequest) ([]domain.Programme, string, error)
}

// AuditLog is the append-only record of reads and changes. It has no way
// to change or remove an entry; only EraseCandidate removes a candidate's
// entries, as the right to erasure requires.
type AuditLog interface {
	// AppendAudit records an entry.
	AppendAudit(ctx context.Context, e domain.AuditEntry) error
	// CandidateAudit returns a page of the entries about one candidate,
	// oldest first.
	CandidateAudit(ctx context.Context, candidateID string, page mongox.PageRequest) ([]domain.AuditEntry, string, error)
}

// KeyStore keeps each organisation's attestation signing key, sealed at
// rest by the adapter.
type KeyStore interface {
	// OrgKey returns the organisation's current signing key or
	// errs.NotFound.
	OrgKey(ctx context.Context, orgID string) (domain.OrgKey, error)
	// KeyByID returns a key by id (its public half is enough to verify)
	// or errs.NotFound.
	KeyByID(ctx context.Context, keyID string) (domain.OrgKey, error)
	// InsertOrgKey stores a new key; when the organisation has one already
	// it is an errs.Conflict and the caller reads that one.
	InsertOrgKey(ctx context.Context, k domain.OrgKey) error
}

// Outbox reaches the events stored beside candidates and tombstones.
type Outbox interface {
	// PendingEvents returns up to limit events still waiting to be
	// published, and moves audit entries left in candidate documents to
	// the audit log.
	PendingEvents(ctx context.Context, limit int) ([]events.Envelope, error)
	// MarkPublished removes a published event from its document; for a
	// candidate.erased event it also forgets the erased id.
	MarkPublished(ctx context.Context, e events.Envelope) error
	// FinishErasures completes erasures a crash interrupted: it deletes
	// what is left of each candidate a pending tombstone names, and
	// returns how many it finished.
	FinishErasures(ctx context.Context) (int, error)
}

// Publisher puts an event on the stream its type belongs to.
type Publisher interface {
	Publish(ctx context.Context, e events.Envelope) error
}

// MaxViewsPageSize bounds a page of matching views. It is larger than other
// pages because the matching service loads every candidate at start.
const MaxViewsPageSize = 500

// Version is an aggregate's id and current version, for other services
// that keep a copy in step.
type Version struct {
	ID      string
	Version int64
}

// Deps are what the service is built from.
type Deps struct {
	Candidates CandidateStore
	Programmes ProgrammeStore
	// Disclosures keeps disclosure grants.
	Disclosures DisclosureStore
	// Placements reads the placements service's record of a candidate
	// for the export; nil when PLACEMENTS_URL is not set.
	Placements PlacementsRecords
	Audit      AuditLog
	Keys       KeyStore
	Outbox     Outbox
	Publisher  Publisher
	Vocabulary domain.Vocabulary
	// PublicURL is the platform's public address (ONWARD_PUBLIC_URL),
	// under which credentials name their id, issuer and status and the
	// verification links of a printed portfolio start.
	PublicURL string
	// Digest is a keyed hash for tombstones, so an erased id cannot be
	// recovered from one.
	Digest func(id string) string
	Logger *slog.Logger
	// Now is the clock; tests move it. Defaults to time.Now.
	Now func() time.Time
}

// Service is the candidates service's use cases.
type Service struct {
	Deps
	relay *events.Relayer
}

// New returns the service.
func New(d Deps) *Service {
	if d.Now == nil {
		d.Now = time.Now
	}
	if d.Logger == nil {
		d.Logger = slog.Default()
	}
	return &Service{Deps: d, relay: &events.Relayer{Outbox: d.Outbox, Sink: d.Publisher, Logger: d.Logger, Now: d.Now}}
}

func (s *Service) today() string { return s.Now().UTC().Format(time.DateOnly) }

// now is the clock's time in UTC, cut to the millisecond MongoDB keeps, so
// what a write returns equals what a later read finds.
func (s *Service) now() time.Time { return s.Now().UTC().Truncate(time.Millisecond) }

// DisclosureStore keeps disclosure grants. A grant holds ids and field
// names only; what it discloses is read from the candidate at read time.
type DisclosureStore interface {
	// InsertDisclosure stores a new grant with its change (event and
	// audit entry) in one write. A grant for the same introduction is an
	// error wrapping ErrDisclosureExists.
	InsertDisclosure(ctx context.Context, d domain.Disclosure, ch Change) error
	// UpdateDisclosure replaces the grant whose version is still prev,
	// with its change; one whose version moved on is an errs.Conflict, a
	// missing one errs.NotFound.
	UpdateDisclosure(ctx context.Context, d domain.Disclosure, prev int64, ch Change) error
	// Disclosure returns a grant by id, DisclosureByIntroduction the grant
	// of an introduction; either is errs.NotFound when there is none.
	Disclosure(ctx context.Context, id string) (domain.Disclosure, error)
	DisclosureByIntroduction(ctx context.Context, introductionID string) (domain.Disclosure, error)
	// CandidateDisclosures returns every grant of one candidate, newest
	// first.
	CandidateDisclosures(ctx context.Context, candidateID string) ([]domain.Disclosure, error)
}

// ErrDisclosureExists is wrapped by InsertDisclosure when the
// introduction has a grant already.
var ErrDisclosureExists = errDisclosureExists{}

type errDisclosureExists struct{}

func (errDisclosureExists) Error() string { return "the introduction has a disclosure grant already" }
