package service

import (
	"context"
	"log/slog"
	"sync"
	"time"

	"github.com/onward-jobs/onward/services/gateway/internal/domain"
	"github.com/onward-jobs/onward/services/gateway/internal/password"
)

// Config holds the policy knobs of the gateway's use cases.
type Config struct {
	Issuer          string        // iss of access tokens: the gateway's public URL
	Audience        string        // aud of user access tokens
	AccessTTL       time.Duration // lifetime of an access token
	ServiceTokenTTL time.Duration // lifetime of a service token
	PasswordParams  password.Params
	LoginAccount    BackoffPolicy // sign-in attempts per account before and after the limit
	LoginIPLimit    int           // failed sign-ins per client address per window
	LoginWindow     time.Duration // throttle window of the address limit
	Abuse           AbuseLimits   // sign-up, invitation and password-reset limits
	PublicURL       string        // the web app's URL, which the links in e-mails start with
	SessionIdle     time.Duration // a session unused this long ends (default domain.DefaultSessionIdle)
	SessionMax      time.Duration // a session ends this long after sign-in (default domain.DefaultSessionMax)
	// CandidateJoinIPLimit bounds the look-ups and acceptances of
	// candidate invitations per client address per CandidateJoinWindow.
	CandidateJoinIPLimit int
	CandidateJoinWindow  time.Duration
}

// AbuseLimits bound how fast anyone can create organisations, send
// invitations or ask for password resets, which would otherwise let one
// client probe many addresses or flood one inbox.
type AbuseLimits struct {
	SignupIPLimit  int           // sign-ups per client address per SignupWindow
	SignupWindow   time.Duration //
	InviteIPLimit  int           // invitations per client address per InviteWindow
	InviteOrgLimit int           // invitations per organisation per InviteWindow
	InviteWindow   time.Duration //
	ResetIPLimit   int           // password-reset requests per client address per ResetWindow
	ResetAddrLimit int           // reset mails (and sign-up notices) per e-mail address per ResetWindow
	ResetWindow    time.Duration //
}

// Deps are the ports the use cases run on.
type Deps struct {
	Users         Users
	Organisations Organisations
	Invitations   Invitations
	// StatusOutbox stores organisation status changes with their events;
	// Relay publishes them (nil publishes nothing, for unit tests), and
	// StatusChanged, when set, is told the organisation's id after each
	// change, so the proxy's cache forgets it on this replica at once.
	StatusOutbox  StatusOutbox
	Relay         EventRelay
	StatusChanged func(orgID string)
	RefreshTokens RefreshTokens
	Resets        PasswordResets
	// CandidateAccounts, CandidateInvitations and Candidates serve the
	// candidates' own accounts (candidateaccounts.go); Candidates tells
	// which organisation holds a candidate.
	CandidateAccounts    CandidateAccounts
	CandidateInvitations CandidateInvitations
	Candidates           Candidates
	Throttle             Throttle
	Revocations          Revocations  // nil publishes nothing, for unit tests
	Audit                *slog.Logger // who changed whose access, by id only; nil discards
	Keys                 *KeyRing
	Notices              AccountNotices // e-mail through Messages when nil
	// Messages hands account mails to the notifications service; nil
	// sends none and logs a warning per mail.
	Messages Messages
	// Logger receives warnings about work done off the request path, by
	// id only; nil discards them.
	Logger *slog.Logger
	Now    func() time.Time
	// PasswordChecked, when set, is called once per password verified at
	// sign-in, so tests can count how many guesses were evaluated.
	PasswordChecked func()
}

// Service implements the gateway's use cases.
type Service struct {
	Deps
	cfg       Config
	dummyHash string
	// slots bounds the work running off the request path at once;
	// pending counts it, for Drain.
	slots   chan struct{}
	pending sync.WaitGroup
}

// New returns the use cases. The dummy hash lets a sign-in for an unknown
// e-mail cost as much time as one for a known account.
func New(cfg Config, deps Deps) (*Service, error) {
	if deps.Now == nil {
		deps.Now = time.Now
	}
	if deps.Revocations == nil {
		deps.Revocations = unpublished{}
	}
	if cfg.SessionIdle <= 0 {
		cfg.SessionIdle = domain.DefaultSessionIdle
	}
	if cfg.SessionMax <= 0 {
		cfg.SessionMax = domain.DefaultSessionMax
	}
	dummy, err := password.Hash(newOpaqueToken(), cfg.PasswordParams)
	if err != nil {
		return nil, err
	}
	s := &Service{Deps: deps, cfg: cfg, dummyHash: dummy, slots: make(chan struct{}, maxBackground)}
	if s.Notices == nil {
		s.Notices = mailNotices{s}
	}
	return s, nil
}

func (s *Service) now() time.Time { return s.Now().UTC() }

// audit returns the logger of access changes. Its lines carry ids only,
// never a name or an e-mail address.
func (s *Service) audit() *slog.Logger {
	if s.Audit == nil {
		return slog.New(slog.DiscardHandler)
	}
	return s.Audit
}

// logger returns the logger of warnings; its lines carry ids only.
func (s *Service) logger() *slog.Logger {
	if s.Logger == nil {
		return slog.New(slog.DiscardHandler)
	}
	return s.Logger
}

// unpublished is the Revocations of a service built without one.
type unpublished struct{}

func (unpublished) RevokeSessions(context.Context, ...string) error { return nil }
func (unpublished) RevokeUser(context.Context, string) error        { return nil }
func (unpublished) RestoreUser(context.Context, string) error       { return nil }
