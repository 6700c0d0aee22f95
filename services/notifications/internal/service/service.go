// Package service holds the notifications service's use cases: taking a
// transactional handoff, turning events into inbox items and deliveries
// through the rule table, sending due deliveries with retries, the daily
// digest, and the public inbox and preferences. It declares the small
// interfaces (ports) it needs; the adapters implement them.
package service

import (
	"context"
	"log/slog"
	"strings"
	"time"

	"github.com/onward-jobs/onward/pkg/mongox"
	"github.com/onward-jobs/onward/services/notifications/internal/domain"
	"github.com/onward-jobs/onward/services/notifications/internal/messages"
)

// Inbox stores inbox items.
type Inbox interface {
	InsertItem(ctx context.Context, it domain.InboxItem) error
	ListItems(ctx context.Context, userID string, unread bool, page mongox.PageRequest) ([]domain.InboxItem, string, error)
	CountUnread(ctx context.Context, userID string) (int, error)
	MarkRead(ctx context.Context, userID, id string, at time.Time) error
	MarkAllRead(ctx context.Context, userID string, at time.Time) error
	DigestUsers(ctx context.Context) ([]string, error)
	DigestItems(ctx context.Context, userID string) ([]domain.InboxItem, error)
	ClearDigest(ctx context.Context, ids []string) error
	// ForgetSubject deletes every item about the subject, and the
	// deliveries made for them (erasure).
	ForgetSubject(ctx context.Context, subjectType, subjectID string) error
}

// Deliveries stores deliveries and hands due ones to one worker at a time.
type Deliveries interface {
	InsertDelivery(ctx context.Context, d domain.Delivery) error
	ClaimDue(ctx context.Context, now time.Time, lease time.Duration, owner string) (domain.Delivery, bool, error)
	MarkSent(ctx context.Context, d domain.Delivery, at time.Time) error
	MarkRetry(ctx context.Context, d domain.Delivery, next time.Time, class string) error
	MarkFailed(ctx context.Context, d domain.Delivery, class string) error
	ListDeliveries(ctx context.Context, f domain.DeliveryFilter, page mongox.PageRequest) ([]domain.Delivery, string, error)
}

// Preferences stores users' choices and organisations' defaults.
type Preferences interface {
	UserSettings(ctx context.Context, userID string) (domain.Settings, error)
	PutUserSettings(ctx context.Context, userID string, s domain.Settings) error
	OrgSettings(ctx context.Context, orgID string) (domain.Settings, error)
	PutOrgSettings(ctx context.Context, orgID string, s domain.Settings) error
	DigestDay(ctx context.Context, userID string) (string, error)
	SetDigestDay(ctx context.Context, userID, day string) error
}

// Recipient is who a notification goes to, as the gateway knows them.
type Recipient struct {
	UserID   string
	Email    string
	Language string
	OrgID    string
	Role     string
	Active   bool
}

// Recipients asks the gateway who users are. A user or organisation it does
// not know is an error wrapping errs.NotFound.
type Recipients interface {
	User(ctx context.Context, userID string) (Recipient, error)
	Organisation(ctx context.Context, orgID string) ([]Recipient, error)
}

// RoleRef is what the service learns of a role: its employer organisation
// and title (titles are not personal data and appear in mails).
type RoleRef struct {
	OrgID string
	Title string
}

// IntroductionRef is what the service learns of an introduction: the two
// sides it concerns, the employer's organisation and the candidate's
// programme organisation, and the role it is for. The candidate's id is
// kept on inbox items only, so that the candidate's erasure reaches them.
type IntroductionRef struct {
	ID             string
	RoleID         string
	EmployerOrgID  string
	CandidateID    string
	CandidateOrgID string
	Status         string
}

// Owners asks the owning services what an event's aggregate belongs to. An
// unknown id is an error wrapping errs.NotFound.
type Owners interface {
	Role(ctx context.Context, roleID string) (RoleRef, error)
	CandidateOrg(ctx context.Context, candidateID string) (string, error)
	Introduction(ctx context.Context, introductionID string) (IntroductionRef, error)
}

// Mail is one e-mail for the Mailer.
type Mail struct {
	MessageID string
	To        string
	Subject   string
	Text      string
	HTML      string
}

// Mailer sends e-mails. An error may carry its class (see ErrorClass).
type Mailer interface {
	Send(ctx context.Context, m Mail) error
}

// Deps are what the service needs. Mailer nil means inbox only.
type Deps struct {
	Inbox       Inbox
	Deliveries  Deliveries
	Preferences Preferences
	Recipients  Recipients
	Owners      Owners
	Mailer      Mailer
	Catalog     *messages.Catalog
	Retry       domain.RetryPolicy
	// Lease is how long a worker holds a delivery it is sending.
	Lease time.Duration
	// WebURL is the web app's public address; links are paths under it.
	WebURL string
	// MailDomain ends every Message-ID.
	MailDomain string
	// Worker names this instance in leases.
	Worker string
	Logger *slog.Logger
	Now    func() time.Time
}

// Service carries out the use cases.
type Service struct {
	d Deps
}

// New returns a service on d, filling its defaults.
func New(d Deps) *Service {
	if d.Now == nil {
		d.Now = time.Now
	}
	if d.Logger == nil {
		d.Logger = slog.Default()
	}
	if d.Catalog == nil {
		d.Catalog = messages.Load()
	}
	if d.Lease <= 0 {
		d.Lease = time.Minute
	}
	if d.MailDomain == "" {
		d.MailDomain = "onward.local"
	}
	if d.Worker == "" {
		d.Worker = mongoxID()
	}
	d.WebURL = strings.TrimRight(d.WebURL, "/")
	return &Service{d: d}
}

// MailEnabled reports whether the service sends e-mail at all.
func (s *Service) MailEnabled() bool { return s.d.Mailer != nil }

// Catalog returns the messages the service renders.
func (s *Service) Catalog() *messages.Catalog { return s.d.Catalog }
