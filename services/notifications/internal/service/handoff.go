package service

import (
	"context"
	"errors"
	"fmt"
	"net/mail"
	"net/url"

	"github.com/onward-jobs/onward/pkg/auth"
	"github.com/onward-jobs/onward/pkg/errs"
	"github.com/onward-jobs/onward/services/notifications/internal/domain"
	"github.com/onward-jobs/onward/services/notifications/internal/messages"
)

// Handoff is one account mail the gateway hands over: the link travels only
// here and in the stored delivery, never through Redis.
type Handoff struct {
	ID           string
	Kind         string
	Email        string
	Language     string
	UserID       string
	OrgID        string
	Link         string
	Organisation string
	// CandidateID names the candidate a candidate_invitation is for, so
	// that the candidate's erasure forgets the delivery and its address.
	CandidateID string
}

// maxIDLen bounds an idempotency key.
const maxIDLen = 200

// Validate names the first invalid field as the JSON body names it.
func (h Handoff) Validate() error {
	switch {
	case h.ID == "" || len(h.ID) > maxIDLen:
		return errs.Invalid("id", "is required, at most %d characters", maxIDLen)
	case !domain.IsAccountKind(h.Kind):
		return errs.Invalid("kind", "must be one of %v", domain.AccountKinds)
	case !validAddress(h.Email):
		return errs.Invalid("to.email", "is not an e-mail address")
	case h.Language != "" && domain.Language(h.Language) != h.Language:
		return errs.Invalid("to.language", "must be one of %v", domain.Languages)
	case !absoluteURL(h.Link):
		return errs.Invalid("params.link", "must be an absolute http or https URL")
	case h.Kind == domain.KindCandidateInvitation && h.CandidateID == "":
		return errs.Invalid("to.candidate_id", "is required for a candidate's invitation")
	case h.Kind != domain.KindCandidateInvitation && h.CandidateID != "":
		return errs.Invalid("to.candidate_id", "is only for a candidate's invitation")
	}
	return nil
}

func validAddress(s string) bool {
	a, err := mail.ParseAddress(s)
	return err == nil && a.Address == s
}

func absoluteURL(s string) bool {
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "https" || u.Scheme == "http") && u.Host != ""
}

// TakeHandoff stores an account mail for sending. Only the gateway may hand
// one off. An id seen before is accepted and sends nothing new.
func (s *Service) TakeHandoff(ctx context.Context, p auth.Principal, h Handoff) error {
	if !p.IsService() || p.ServiceName() != "gateway" {
		return fmt.Errorf("only the gateway hands off messages: %w", errs.Forbidden)
	}
	if err := h.Validate(); err != nil {
		return err
	}
	now := s.d.Now()
	d := domain.Delivery{
		SourceID: "handoff:" + h.ID, Recipient: domain.RecipientKey(h.UserID, h.Email), Channel: domain.ChannelEmail,
		Kind: h.Kind, UserID: h.UserID, OrgID: h.OrgID, CandidateID: h.CandidateID, Language: domain.Language(h.Language),
		Address: h.Email, Params: map[string]string{messages.ParamLink: h.Link},
		Status: domain.Queued, NextAttemptAt: now, CreatedAt: now,
	}
	if h.Organisation != "" {
		d.Params[messages.ParamOrganisation] = h.Organisation
	}
	if s.d.Mailer == nil {
		// Inbox only: nothing can be sent, so nothing to send is kept.
		d.Status, d.LastError, d.Address, d.Params = domain.Failed, domain.ErrConnection, "", nil
	}
	err := s.d.Deliveries.InsertDelivery(ctx, d)
	if errors.Is(err, domain.ErrDuplicate) {
		s.d.Logger.Info("handoff seen before; nothing new to send", "kind", h.Kind)
		return nil
	}
	return err
}
