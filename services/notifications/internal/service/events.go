package service

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/onward-jobs/onward/pkg/errs"
	"github.com/onward-jobs/onward/pkg/events"
	"github.com/onward-jobs/onward/services/notifications/internal/domain"
	"github.com/onward-jobs/onward/services/notifications/internal/messages"
)

// HandleEvent tells the people an event concerns, by the rule table: each
// active member of the organisation (or organisations) it concerns gets an
// inbox item and, by their preference, a mail now or a line in their
// digest. It is idempotent: a redelivered event finds its items and
// deliveries stored and adds nothing. An event about an aggregate or
// organisation that no longer exists is dropped and logged by id.
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
	to, err := s.parties(ctx, rule, e.AggregateID)
	if errors.Is(err, errs.NotFound) {
		log.Info("event about an aggregate that no longer exists; dropped")
		return nil
	}
	if err != nil {
		return err
	}
	source := sourceOf(rule, e)
	for _, orgID := range to.orgIDs {
		people, err := s.d.Recipients.Organisation(ctx, orgID)
		if errors.Is(err, errs.NotFound) {
			log.Info("event for an organisation that no longer exists; dropped", "org_id", orgID)
			continue
		}
		if err != nil {
			return err
		}
		for _, r := range people {
			if r.UserID == "" {
				continue
			}
			r.OrgID = orgID
			if err := s.notify(ctx, rule, e, source, r, to); err != nil {
				return fmt.Errorf("notify user %s of event %s: %w", r.UserID, e.ID, err)
			}
		}
	}
	return nil
}

// EventCandidateErased is the candidates service's event of an erasure.
const EventCandidateErased = "candidate.erased"

// audience is who hears of one event: the members of orgIDs; title is a
// role's title for the mail, candidateID the candidate an introduction
// concerns (kept on the items for erasure only).
type audience struct {
	orgIDs      []string
	title       string
	candidateID string
}

// parties returns who hears of an event about aggregate id.
func (s *Service) parties(ctx context.Context, rule Rule, id string) (audience, error) {
	switch rule.SubjectType {
	case domain.SubjectRole:
		ref, err := s.d.Owners.Role(ctx, id)
		return audience{orgIDs: []string{ref.OrgID}, title: ref.Title}, err
	case domain.SubjectCandidate:
		org, err := s.d.Owners.CandidateOrg(ctx, id)
		return audience{orgIDs: []string{org}}, err
	case domain.SubjectIntroduction:
		in, err := s.d.Owners.Introduction(ctx, id)
		if err != nil {
			return audience{}, err
		}
		title, err := s.roleTitle(ctx, in.RoleID)
		return audience{orgIDs: sides(rule.Side, in), title: title, candidateID: in.CandidateID}, err
	}
	return audience{}, fmt.Errorf("rule %s has an unknown subject type %q", rule.EventType, rule.SubjectType)
}

// sides returns the organisations of an introduction's side or sides.
// SideAudience is both: an event carries ids only, so it does not say
// whose follow-up fell due, and each side's task falls due on the same
// day as the other's (sourceOf makes the pair one notice).
func sides(side Side, in IntroductionRef) []string {
	switch side {
	case SideEmployer:
		return []string{in.EmployerOrgID}
	case SideProgramme:
		return []string{in.CandidateOrgID}
	}
	return []string{in.EmployerOrgID, in.CandidateOrgID}
}

// sourceOf is what makes a notice unique for each person: the event, or
// for a follow-up falling due the introduction and the day, so the two
// events of one due day (the staff's task and the employer's) make one
// notice for each side rather than two.
func sourceOf(rule Rule, e events.Envelope) string {
	if rule.Side == SideAudience {
		return rule.EventType + ":" + e.AggregateID + ":" + e.OccurredAt.UTC().Format(time.DateOnly)
	}
	return e.ID
}

// roleTitle returns a role's title, or "" for a role that is gone.
func (s *Service) roleTitle(ctx context.Context, roleID string) (string, error) {
	if roleID == "" {
		return "", nil
	}
	ref, err := s.d.Owners.Role(ctx, roleID)
	if errors.Is(err, errs.NotFound) {
		return "", nil
	}
	return ref.Title, err
}

// notify gives one person an inbox item and, by preference, a delivery.
// Both inserts are idempotent, so a retry after a partial failure
// completes what is missing.
func (s *Service) notify(ctx context.Context, rule Rule, e events.Envelope, source string, r Recipient, to audience) error {
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
	item := domain.InboxItem{UserID: r.UserID, SourceID: source, Kind: rule.Kind, MessageKey: rule.MessageKey,
		SubjectType: rule.SubjectType, SubjectID: e.AggregateID, Link: link, CandidateID: to.candidateID, CreatedAt: now,
		DigestPending: freq == domain.Daily && s.MailEnabled()}
	if err := s.d.Inbox.InsertItem(ctx, item); err != nil && !errors.Is(err, domain.ErrDuplicate) {
		return err
	}
	if freq != domain.Immediately || !s.MailEnabled() || r.Email == "" {
		return nil
	}
	d := domain.Delivery{SourceID: source, Recipient: domain.RecipientKey(r.UserID, ""), Channel: domain.ChannelEmail,
		Kind: rule.Kind, UserID: r.UserID, OrgID: r.OrgID, Language: domain.Language(r.Language), Address: r.Email,
		Params: map[string]string{messages.ParamLink: s.d.WebURL + link, messages.ParamMessageKey: rule.MessageKey},
		Status: domain.Queued, NextAttemptAt: now, CreatedAt: now}
	if to.title != "" {
		d.Params[messages.ParamRoleTitle] = to.title
	}
	if err := s.d.Deliveries.InsertDelivery(ctx, d); err != nil && !errors.Is(err, domain.ErrDuplicate) {
		return err
	}
	return nil
}
