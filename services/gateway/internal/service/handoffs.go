package service

import (
	"context"
	"strconv"
	"time"

	"github.com/onward-jobs/onward/services/gateway/internal/domain"
)

// Kinds of account mail the gateway hands to the notifications service.
const (
	KindInvitation     = "invitation"
	KindPasswordReset  = "password_reset"
	KindSignupExisting = "signup_existing"
	// KindCandidateInvitation e-mails a candidate the link to their own
	// account.
	KindCandidateInvitation = "candidate_invitation"
)

// Message is one account mail: who receives it, in which language, and
// the one-time link it carries. ID is its idempotency key at the
// notifications service. Email and Link are secrets of the recipient:
// they are never logged.
type Message struct {
	ID           string
	Kind         string
	Email        string
	Language     domain.Language
	UserID       string // empty for someone without an account yet
	Link         string
	Organisation string // the inviting organisation's name, for invitations
	CandidateID  string // the candidate a candidate invitation is for, so erasure reaches the delivery
}

// maxBackground bounds the handoffs and reset look-ups running at once;
// beyond it, work is dropped with a warning rather than queued without
// bound. The per-address and per-client limits keep it far below that.
const maxBackground = 256

// backgroundTimeout bounds one piece of background work.
const backgroundTimeout = 30 * time.Second

// background runs work off the request path, so that neither its time nor
// its failure shows in the answer: a password-reset request answers alike
// whether or not the address has an account, and an unreachable
// notifications service never delays or changes an answer.
func (s *Service) background(what string, work func(ctx context.Context)) {
	select {
	case s.slots <- struct{}{}:
	default:
		s.logger().Warn("background work dropped: too much at once", "work", what)
		return
	}
	s.pending.Add(1)
	go func() {
		defer func() { <-s.slots; s.pending.Done() }()
		ctx, cancel := context.WithTimeout(context.Background(), backgroundTimeout)
		defer cancel()
		work(ctx)
	}()
}

// Drain waits up to timeout for the work running off the request path,
// so that a graceful shutdown hands off the mails already promised before
// the database and Redis are closed. It reports whether all of it ended.
func (s *Service) Drain(timeout time.Duration) bool {
	done := make(chan struct{})
	go func() { s.pending.Wait(); close(done) }()
	select {
	case <-done:
		return true
	case <-time.After(timeout):
		return false
	}
}

// handOff delivers m in the background.
func (s *Service) handOff(m Message) {
	s.background(m.Kind, func(ctx context.Context) { s.deliver(ctx, m) })
}

// deliver hands m to the notifications service now. Failure is logged by
// ids and otherwise ignored: the mail is lost, which its recipient notices
// and can ask again for.
func (s *Service) deliver(ctx context.Context, m Message) {
	if s.Messages == nil {
		s.logger().Warn("notifications handoff skipped: NOTIFICATIONS_URL is not set", "kind", m.Kind, "message_id", m.ID, "user_id", m.UserID)
		return
	}
	if err := s.Messages.Send(ctx, m); err != nil {
		s.logger().Warn("notifications handoff failed", "kind", m.Kind, "message_id", m.ID, "user_id", m.UserID, "error", err.Error())
	}
}

// link is an absolute URL of the web app.
func (s *Service) link(path string) string { return s.cfg.PublicURL + path }

// handOffInvitation e-mails an issued invitation's link to the invitee,
// in the inviter's language (the invitee has chosen none yet), with the
// organisation's name. Each issue has its own key, so a re-issue is sent
// although the first issue was.
func (s *Service) handOffInvitation(inv domain.Invitation, token string) {
	s.background(KindInvitation, func(ctx context.Context) {
		org, err := s.Organisations.ByID(ctx, inv.OrgID)
		if err != nil {
			s.logger().Warn("notifications handoff failed: organisation", "kind", KindInvitation, "invitation_id", inv.ID, "error", err.Error())
			return
		}
		lang := domain.DefaultLanguage
		if inviter, err := s.Users.ByID(ctx, inv.InvitedBy); err == nil {
			lang = inviter.Language
		}
		s.deliver(ctx, Message{
			ID: invitationMessageID(inv), Kind: KindInvitation, Email: inv.Email, Language: lang,
			Link: s.link("/invitations/" + token), Organisation: org.Name,
		})
	})
}

// handOffCandidateInvitation e-mails a candidate's invitation link to
// email, in lang or else the inviter's language. The address is used here
// only: it is neither stored nor logged.
func (s *Service) handOffCandidateInvitation(inv domain.CandidateInvitation, token, email string, lang domain.Language) {
	s.background(KindCandidateInvitation, func(ctx context.Context) {
		if lang == "" {
			lang = domain.DefaultLanguage
			if inviter, err := s.Users.ByID(ctx, inv.InvitedBy); err == nil {
				lang = inviter.Language
			}
		}
		s.deliver(ctx, Message{
			ID: KindCandidateInvitation + ":" + inv.ID, Kind: KindCandidateInvitation, Email: email, Language: lang,
			Link: s.link("/join/" + token), CandidateID: inv.CandidateID,
		})
	})
}

func invitationMessageID(inv domain.Invitation) string {
	return KindInvitation + ":" + inv.ID + ":" + strconv.Itoa(inv.IssueNumber())
}

// mailNotices tells owners of existing accounts by e-mail (see
// AccountNotices).
type mailNotices struct{ s *Service }

// SignupWithExistingAddress tells the owner that someone signed up with
// their address, with a link to sign in (and from there to reset the
// password). Notices are limited per address like reset mails, on a count
// of their own, so sign-ups can neither flood an inbox nor use up the
// owner's resets.
func (n mailNotices) SignupWithExistingAddress(_ context.Context, owner domain.User) {
	s := n.s
	s.background(KindSignupExisting, func(ctx context.Context) {
		if !s.addressAllowed(ctx, KindSignupExisting, owner.Email) {
			return
		}
		s.deliver(ctx, Message{
			ID: KindSignupExisting + ":" + newID(), Kind: KindSignupExisting, Email: owner.Email,
			Language: owner.Language, UserID: owner.ID, Link: s.link("/login"),
		})
	})
}

// InvitedExistingAddress sends nothing more: the invitation itself is
// e-mailed to the address like any other.
func (mailNotices) InvitedExistingAddress(context.Context, domain.User, domain.Organisation) {}

// addressAllowed counts one mail of kind to email against the per-address
// limit and reports whether it may be sent.
func (s *Service) addressAllowed(ctx context.Context, kind, email string) bool {
	lim := s.cfg.Abuse
	allowed, _, err := s.Throttle.Hit(ctx, "mail:"+kind+":"+digest(email), lim.ResetAddrLimit, lim.ResetWindow)
	if err != nil {
		s.logger().Warn("address throttle unavailable; mail not sent", "error", err.Error())
		return false
	}
	if !allowed {
		s.logger().Info("mail to an address held back by its limit")
	}
	return allowed
}
