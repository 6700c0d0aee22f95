package service

import (
	"time"

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
	Abuse           AbuseLimits   // sign-up and invitation limits
}

// AbuseLimits bound how fast anyone can create organisations or send
// invitations, which would otherwise let one client probe many addresses.
type AbuseLimits struct {
	SignupIPLimit  int           // sign-ups per client address per SignupWindow
	SignupWindow   time.Duration //
	InviteIPLimit  int           // invitations per client address per InviteWindow
	InviteOrgLimit int           // invitations per organisation per InviteWindow
	InviteWindow   time.Duration //
}

// Deps are the ports the use cases run on.
type Deps struct {
	Users         Users
	Organisations Organisations
	Invitations   Invitations
	RefreshTokens RefreshTokens
	Throttle      Throttle
	Keys          *KeyRing
	Notices       AccountNotices // NoNotices when nil
	Now           func() time.Time
	// PasswordChecked, when set, is called once per password verified at
	// sign-in, so tests can count how many guesses were evaluated.
	PasswordChecked func()
}

// Service implements the gateway's use cases.
type Service struct {
	Deps
	cfg       Config
	dummyHash string
}

// New returns the use cases. The dummy hash lets a sign-in for an unknown
// e-mail cost as much time as one for a known account.
func New(cfg Config, deps Deps) (*Service, error) {
	if deps.Now == nil {
		deps.Now = time.Now
	}
	if deps.Notices == nil {
		deps.Notices = NoNotices{}
	}
	dummy, err := password.Hash(newOpaqueToken(), cfg.PasswordParams)
	if err != nil {
		return nil, err
	}
	return &Service{Deps: deps, cfg: cfg, dummyHash: dummy}, nil
}

func (s *Service) now() time.Time { return s.Now().UTC() }
