package service

import (
	"context"
	"errors"
	"fmt"

	"github.com/onward-jobs/onward/pkg/errs"
	"github.com/onward-jobs/onward/pkg/events"
	"github.com/onward-jobs/onward/services/notifications/internal/domain"
	"github.com/onward-jobs/onward/services/notifications/internal/messages"
)

// HandleEvent tells the people an event concerns, by the rule table: each
// active member of the owning organisation gets an inbox item and, by
// their preference, a mail now or a line in their digest. It is
// idempotent: a redelivered event finds its items and deliveries stored
// and adds nothing. An event about an aggregate or organisation that no
// longer exists is dropped and logged by id.
func (s *Service) HandleEvent(ctx context.Context, e events.Envelope) error {
	if e.Type == EventCandidateErased {
		// Erasure reaches the inbox: nothing about the candidate stays.
		return s.d.Inbox.ForgetSubject(ctx, domain.SubjectCandidate, e.AggregateID)
	}
	rule, ok := ruleFor(e.Type)
	if !ok {
		return nil
	}
	log := s.d.Logger.With("event_id", e.ID, "event_type", e.Type, "aggregate_id", e.AggregateID)
	orgID, title, err := s.owner(ctx, rule, e.AggregateID)
	if errors.Is(err, errs.NotFound) {
		log.Info("event about an aggregate that no longer exists; dropped")
		return nil
	}
	if err != nil {
		return err
	}
	people, err := s.d.Recipients.Organisation(ctx, orgID)
	if errors.Is(err, errs.NotFound) {
		log.Info("event for an organisation that no longer exists; dropped", "org_id", orgID)
		return nil
	}
	if err != nil {
		return err
	}
	for _, r := range people {
		if r.UserID == "" {
			continue
		}
		r.OrgID = orgID
		if err := s.notify(ctx, rule, e, r, title); err != nil {
			return fmt.Errorf("notify user %s of event %s: %w", r.UserID, e.ID, err)
		}
	}
	return nil
}

// EventCandidateErased is the candidates service's event of an erasure.
const EventCandidateErased = "candidate.erased"

// owner returns the organisation an aggregate belongs to, and a role's
// title for the mail.
func (s *Service) owner(ctx context.Context, rule Rule, id string) (orgID, title string, err error) {
	switch rule.SubjectType {
	case domain.SubjectRole:
		ref, err := s.d.Owners.Role(ctx, id)
		return ref.OrgID, ref.Title, err
	case domain.SubjectCandidate:
		org, err := s.d.Owners.CandidateOrg(ctx, id)
		return org, "", err
	}
	return "", "", fmt.Errorf("rule %s has an unknown subject type %q", rule.EventType, rule.SubjectType)
}

// notify gives one person an inbox item and, by preference, a delivery.
// Both inserts are idempotent, so a retry after a partial failure
// completes what is missing.
func (s *Service) notify(ctx context.Context, rule Rule, e events.Envelope, r Recipient, title string) error {
	user, err := s.d.Preferences.UserSettings(ctx, r.UserID)
	if err != nil {
		return err
	}
	org, err := s.d.Preferences.OrgSettings(ctx, r.OrgID)
	if err != nil {
		return err
	}
	freq := domain.Resolve(user, org).Kinds[rule.Kind]
	now := s.d.Now()
	link := fmt.Sprintf(rule.LinkFormat, e.AggregateID)
	item := domain.InboxItem{UserID: r.UserID, SourceID: e.ID, Kind: rule.Kind, MessageKey: rule.MessageKey,
		SubjectType: rule.SubjectType, SubjectID: e.AggregateID, Link: link, CreatedAt: now,
		DigestPending: freq == domain.Daily && s.MailEnabled()}
	if err := s.d.Inbox.InsertItem(ctx, item); err != nil && !errors.Is(err, domain.ErrDuplicate) {
		return err
	}
	if freq != domain.Immediately || !s.MailEnabled() || r.Email == "" {
		return nil
	}
	d := domain.Delivery{SourceID: e.ID, Recipient: domain.RecipientKey(r.UserID, ""), Channel: domain.ChannelEmail,
		Kind: rule.Kind, UserID: r.UserID, OrgID: r.OrgID, Language: domain.Language(r.Language), Address: r.Email,
		Params: map[string]string{messages.ParamLink: s.d.WebURL + link, messages.ParamMessageKey: rule.MessageKey},
		Status: domain.Queued, NextAttemptAt: now, CreatedAt: now}
	if title != "" {
		d.Params[messages.ParamRoleTitle] = title
	}
	if err := s.d.Deliveries.InsertDelivery(ctx, d); err != nil && !errors.Is(err, domain.ErrDuplicate) {
		return err
	}
	return nil
}
