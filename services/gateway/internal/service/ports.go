// Package service holds the gateway's use cases: sign-up, sign-in, token
// rotation, organisations and invitations, and the signing-key ring. It
// declares the small storage and throttling ports it needs; adapters
// implement them.
package service

import (
	"context"
	"crypto/ed25519"
	"time"

	"github.com/onward-jobs/onward/pkg/mongox"
	"github.com/onward-jobs/onward/services/gateway/internal/domain"
)

// Users stores accounts. Create fails with errs.Conflict on a taken e-mail.
// ByOrg returns at most limit accounts of one organisation, by name.
// SetDeactivated switches an account off (at set) or on again (at nil);
// SetRole changes its role, SetLanguage its language, SetPassword its
// password hash, and Delete removes it; for all of them an unknown id is
// errs.NotFound.
type Users interface {
	Create(ctx context.Context, u domain.User) error
	ByID(ctx context.Context, id string) (domain.User, error)
	ByEmail(ctx context.Context, email string) (domain.User, error)
	ByOrg(ctx context.Context, orgID string, limit int) ([]domain.User, error)
	Count(ctx context.Context) (int64, error)
	SetDeactivated(ctx context.Context, id string, at *time.Time) error
	SetRole(ctx context.Context, id string, role domain.Role) error
	SetLanguage(ctx context.Context, id string, lang domain.Language) error
	SetPassword(ctx context.Context, id, hash string) error
	Delete(ctx context.Context, id string) error
}

// Organisations stores organisations. List returns one page of those
// matching filter, oldest first, and the cursor of the next page ("" on
// the last).
type Organisations interface {
	Create(ctx context.Context, o domain.Organisation) error
	ByID(ctx context.Context, id string) (domain.Organisation, error)
	Delete(ctx context.Context, id string) error
	List(ctx context.Context, f domain.OrganisationFilter, page mongox.PageRequest) ([]domain.Organisation, string, error)
}

// Invitations stores invitations by token hash. Claim marks an invitation
// accepted only if it is still usable, atomically, and returns it;
// Unclaim undoes that when the account could not be created.
//
// OpenByOrg lists at most limit open invitations (neither accepted nor
// revoked, expired or not) of one organisation, oldest first; OpenByID
// finds one of them by its id. Revoke withdraws an open invitation and
// Reissue replaces one with next, which keeps its id under a new token
// hash; both are atomic against Claim, and both answer errs.NotFound when
// the invitation was accepted or revoked meanwhile.
type Invitations interface {
	Create(ctx context.Context, inv domain.Invitation) error
	ByTokenHash(ctx context.Context, hash string) (domain.Invitation, error)
	Claim(ctx context.Context, hash string, now time.Time) (domain.Invitation, error)
	Unclaim(ctx context.Context, hash string) error
	OpenByOrg(ctx context.Context, orgID string, limit int) ([]domain.Invitation, error)
	OpenByID(ctx context.Context, orgID, id string) (domain.Invitation, error)
	Revoke(ctx context.Context, hash string, now time.Time) error
	Reissue(ctx context.Context, oldHash string, next domain.Invitation, now time.Time) error
}

// RefreshTokens stores refresh-token families. MarkUsed succeeds only for a
// token that is neither used nor revoked, atomically, so two concurrent
// uses of one token cannot both rotate it. RevokeUser revokes every token
// of one account, in every family, and returns those families' ids.
type RefreshTokens interface {
	Create(ctx context.Context, t domain.RefreshToken) error
	ByHash(ctx context.Context, hash string) (domain.RefreshToken, error)
	MarkUsed(ctx context.Context, hash string, now time.Time) (bool, error)
	RevokeFamily(ctx context.Context, familyID string, now time.Time) error
	RevokeUser(ctx context.Context, userID string, now time.Time) ([]string, error)
}

// Revocations publishes ended sessions and switched-off users to every
// service, whose verifiers then refuse the access tokens already issued
// to them (pkg/auth.RevocationList). RestoreUser undoes RevokeUser when an
// account is switched on again.
type Revocations interface {
	RevokeSessions(ctx context.Context, sessionIDs ...string) error
	RevokeUser(ctx context.Context, userID string) error
	RestoreUser(ctx context.Context, userID string) error
}

// SigningKey is one Ed25519 key of the gateway's key ring. A key is
// published from CreatedAt, signs from SignFrom, and is dropped from the
// published set after RetireAt.
type SigningKey struct {
	KID        string
	PrivateKey ed25519.PrivateKey
	CreatedAt  time.Time
	SignFrom   time.Time
	RetireAt   *time.Time
}

// SigningKeys stores the key ring. Private keys are encrypted at rest by
// the adapter.
type SigningKeys interface {
	Create(ctx context.Context, k SigningKey) error
	All(ctx context.Context) ([]SigningKey, error)
	SetRetireAt(ctx context.Context, kid string, at time.Time) error
}

// Throttle counts attempts in a store shared by every gateway replica,
// atomically, before the work it guards. Hit counts one event under key and
// reports whether the count is within limit and when the window resets;
// Refund takes one hit back. Backoff admits one attempt under key unless
// the key is still waiting out its delay at now (see BackoffPolicy), and says how
// long is left. Reset forgets a key.
type Throttle interface {
	Hit(ctx context.Context, key string, limit int, window time.Duration) (allowed bool, retryAfter time.Duration, err error)
	Refund(ctx context.Context, key string) error
	Backoff(ctx context.Context, key string, now time.Time, p BackoffPolicy) (allowed bool, retryAfter time.Duration, err error)
	Reset(ctx context.Context, key string) error
}

// BackoffPolicy is the slow path after too many sign-in attempts on one
// account: Free attempts are admitted at once; after the Free-th, the next
// attempt waits Base, and every further admitted attempt doubles the wait,
// up to Max. Attempts refused during a wait do not lengthen it. The count
// is forgotten Idle after the last wait ends, or at a successful sign-in.
type BackoffPolicy struct {
	Free int
	Base time.Duration
	Max  time.Duration
	Idle time.Duration
}

// PasswordResets stores password resets by token hash. Claim marks a
// reset used only if it is unused and unexpired at now, atomically, and
// returns it; anything else is errs.NotFound, so a token works once.
// UseAllOf marks every unused reset of one account used.
type PasswordResets interface {
	Create(ctx context.Context, r domain.PasswordReset) error
	ByTokenHash(ctx context.Context, hash string) (domain.PasswordReset, error)
	Claim(ctx context.Context, hash string, now time.Time) (domain.PasswordReset, error)
	UseAllOf(ctx context.Context, userID string, now time.Time) error
}

// Messages hands an account mail to the notifications service, which
// stores and sends it; a Message's ID makes a second handoff of the same
// message a no-op there.
type Messages interface {
	Send(ctx context.Context, m Message) error
}

// AccountNotices tells the owner of an existing account that someone tried
// to sign up with their address or invited it, because the API answers
// those requests as for a new address and so cannot tell the requester.
// Implementations must not fail the request: they log and move on.
type AccountNotices interface {
	SignupWithExistingAddress(ctx context.Context, owner domain.User)
	InvitedExistingAddress(ctx context.Context, owner domain.User, org domain.Organisation)
}

// NoNotices sends nothing, for tests that do not look at mail.
type NoNotices struct{}

// SignupWithExistingAddress does nothing.
func (NoNotices) SignupWithExistingAddress(context.Context, domain.User) {}

// InvitedExistingAddress does nothing.
func (NoNotices) InvitedExistingAddress(context.Context, domain.User, domain.Organisation) {}

// CandidateAccounts stores candidates' own accounts. Create fails with
// errs.Conflict on a taken user name (its text starts "username:") or for
// a candidate who has an account already. Delete of an unknown id is not
// an error; the other methods answer errs.NotFound for one.
type CandidateAccounts interface {
	Create(ctx context.Context, a domain.CandidateAccount) error
	ByID(ctx context.Context, id string) (domain.CandidateAccount, error)
	ByUsername(ctx context.Context, username string) (domain.CandidateAccount, error)
	ByCandidateID(ctx context.Context, candidateID string) (domain.CandidateAccount, error)
	SetPassword(ctx context.Context, id, hash string) error
	SetLanguage(ctx context.Context, id string, lang domain.Language) error
	Delete(ctx context.Context, id string) error
}

// CandidateInvitations stores candidates' invitations by token hash.
// Replace withdraws the candidate's open invitations and stores the new
// one; Claim marks an invitation used only if it is still usable at now,
// atomically against Claim and Replace, and answers errs.NotFound
// otherwise, so a token works once; Unclaim undoes a claim. OpenOf lists
// the candidate's open invitations, expired or not; RevokeOpenOf
// withdraws them and DeleteAllOf removes every one, for an erasure.
type CandidateInvitations interface {
	Replace(ctx context.Context, next domain.CandidateInvitation, now time.Time) error
	ByTokenHash(ctx context.Context, hash string) (domain.CandidateInvitation, error)
	Claim(ctx context.Context, hash string, now time.Time) (domain.CandidateInvitation, error)
	Unclaim(ctx context.Context, hash string) error
	OpenOf(ctx context.Context, candidateID string) ([]domain.CandidateInvitation, error)
	RevokeOpenOf(ctx context.Context, candidateID string, now time.Time) error
	DeleteAllOf(ctx context.Context, candidateID string) error
}

// Candidates is the candidates service, as far as the gateway asks it.
// CandidateOrg returns the programme organisation that holds a candidate:
// errs.NotFound for an unknown or erased one, errs.Unavailable when the
// service cannot answer.
type Candidates interface {
	CandidateOrg(ctx context.Context, candidateID string) (string, error)
}
