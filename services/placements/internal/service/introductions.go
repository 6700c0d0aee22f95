package service

import (
	"context"
	"errors"
	"fmt"

	"github.com/onward-jobs/onward/pkg/auth"
	"github.com/onward-jobs/onward/pkg/errs"
	"github.com/onward-jobs/onward/pkg/mongox"
	"github.com/onward-jobs/onward/services/placements/internal/domain"
)

// SeesCandidate reports whether p may see who the candidate is (their id
// and organisation): the candidate's staff, platform admins and the
// candidate themself, never an employer.
func SeesCandidate(p auth.Principal, candidateOrg, candidateID string) bool {
	return p.IsAdmin() || (isStaff(p) && p.OrgID == candidateOrg) || p.IsCandidateSelf(candidateID)
}

// Ask stores an employer's request to meet a candidate of a role's
// current shortlist. Nothing is stored when the role is another
// employer's (404), not open (409) or the reference is not on its
// shortlist (404 naming candidate_ref).
func (s *Service) Ask(ctx context.Context, p auth.Principal, roleID string, a domain.Ask) (domain.Introduction, error) {
	if !isEmployer(p) {
		return domain.Introduction{}, fmt.Errorf("only an employer asks to meet: %w", errs.Forbidden)
	}
	now := s.Now()
	if err := a.Validate(now); err != nil {
		return domain.Introduction{}, err
	}
	role, err := s.d.Roles.Role(ctx, roleID)
	if errors.Is(err, errs.NotFound) || (err == nil && role.EmployerOrgID != p.OrgID) {
		return domain.Introduction{}, notFound("role", roleID)
	}
	if err != nil {
		return domain.Introduction{}, err
	}
	if role.Status != RoleOpen {
		return domain.Introduction{}, domain.ErrRoleNotOpen
	}
	entry, err := s.d.Shortlists.Resolve(ctx, roleID, a.CandidateRef)
	if errors.Is(err, errs.NotFound) {
		return domain.Introduction{}, RefNotFound{}
	}
	if err != nil {
		return domain.Introduction{}, err
	}
	org, err := s.d.Candidates.CandidateOrg(ctx, entry.CandidateID)
	if errors.Is(err, errs.NotFound) {
		return domain.Introduction{}, RefNotFound{}
	}
	if err != nil {
		return domain.Introduction{}, err
	}
	in := domain.NewIntroduction(newID(), a, roleID, role.EmployerOrgID, entry.CandidateID, org, entry.Alias, p.Subject, now, s.d.Timing)
	in.RoleTitle = role.Title
	in.EmployerName = s.employerName(ctx, role.EmployerOrgID)
	if a.Message != "" {
		in.MessageWarnings = s.d.Wording.Check(ctx, a.Message)
	}
	e, err := s.event(EventIntroductionRequested, in.ID, in.Version)
	if err != nil {
		return domain.Introduction{}, err
	}
	if err := s.d.Store.CreateIntroduction(ctx, in, s.d.MaxOpenPerRole, e); err != nil {
		return domain.Introduction{}, err
	}
	s.deliver(ctx, e)
	return in, nil
}

// Introduction returns one introduction p may see; another
// organisation's, or another candidate's, is 404.
func (s *Service) Introduction(ctx context.Context, p auth.Principal, id string) (domain.Introduction, error) {
	if err := requirePerson(p); err != nil {
		return domain.Introduction{}, err
	}
	in, err := s.d.Store.Introduction(ctx, id)
	if err != nil {
		return in, err
	}
	if !p.IsAdmin() && partyOf(p, in) == "" {
		return domain.Introduction{}, notFound("introduction", id)
	}
	return in, nil
}

// Introductions lists what p may see, newest first. Filtering by
// candidate is for those who may see candidates; a candidate sees only
// their own, whatever they filter by.
func (s *Service) Introductions(ctx context.Context, p auth.Principal, f domain.IntroductionFilter, candidateID string, page mongox.PageRequest) ([]domain.Introduction, string, error) {
	sc, err := scopeOf(p)
	if err != nil {
		return nil, "", err
	}
	if candidateID != "" && isEmployer(p) {
		return nil, "", errs.Invalid("candidate", "is a filter for programme staff")
	}
	if p.IsCandidate() && candidateID != "" && candidateID != p.CandidateID {
		return nil, "", notFound("candidate", candidateID)
	}
	f.Scope, f.CandidateID = sc, candidateID
	return s.d.Store.ListIntroductions(ctx, f, page)
}

// Answer records the candidate's answer, by staff of the candidate's
// organisation or by the candidate themself (anyone else 404), with the
// same checks either way; the introduction keeps which of them answered.
// Accepting first has the candidates
// service record the disclosure grant, idempotent by introduction, then
// stores the acceptance with its id: a retry after a failure in between
// gets the same grant.
func (s *Service) Answer(ctx context.Context, p auth.Principal, id string, a domain.Answer) (domain.Introduction, error) {
	if err := requirePerson(p); err != nil {
		return domain.Introduction{}, err
	}
	in, err := s.d.Store.Introduction(ctx, id)
	if err != nil {
		return in, err
	}
	if party := partyOf(p, in); party != domain.SideProgramme && party != domain.SideCandidate {
		return domain.Introduction{}, notFound("introduction", id)
	}
	if err := a.Validate(); err != nil {
		return domain.Introduction{}, err
	}
	now := s.Now()
	if !in.IsOpen(now) {
		return domain.Introduction{}, domain.ErrIntroductionNotOpen
	}
	prev := in.Version
	if a.Accept {
		grant, err := s.d.Candidates.GrantDisclosure(ctx, Grant{IntroductionID: in.ID, CandidateID: in.CandidateID,
			EmployerOrgID: in.EmployerOrgID, RoleID: in.RoleID, Disclose: a.Disclose, Contact: a.Contact,
			ConsentTextVersion: a.ConsentTextVersion, RecordedBy: p.Subject, ByCandidate: p.IsCandidate()})
		if err != nil {
			return domain.Introduction{}, err
		}
		err = in.Accept(a, grant, p.Subject, now)
		if err != nil {
			return domain.Introduction{}, err
		}
	} else if err := in.Decline(a.DeclineReason, p.Subject, now); err != nil {
		return domain.Introduction{}, err
	}
	in.AnsweredByCandidate = p.IsCandidate()
	return in, s.saveIntroduction(ctx, in, prev, EventIntroductionAnswered)
}

// Withdraw takes an employer's request back while it waits for an answer.
func (s *Service) Withdraw(ctx context.Context, p auth.Principal, id string) (domain.Introduction, error) {
	in, err := s.Introduction(ctx, p, id)
	if err != nil {
		return in, err
	}
	if sideOf(p, in.EmployerOrgID, in.CandidateOrgID) != domain.SideEmployer {
		return domain.Introduction{}, fmt.Errorf("only the employer withdraws its request: %w", errs.Forbidden)
	}
	prev := in.Version
	if err := in.Withdraw(p.Subject, s.Now()); err != nil {
		return domain.Introduction{}, err
	}
	return in, s.saveIntroduction(ctx, in, prev, EventIntroductionWithdrawn)
}

// saveIntroduction stores a changed introduction with its event and
// publishes it.
func (s *Service) saveIntroduction(ctx context.Context, in domain.Introduction, prev int64, eventType string) error {
	e, err := s.event(eventType, in.ID, in.Version)
	if err != nil {
		return err
	}
	if err := s.d.Store.UpdateIntroduction(ctx, in, prev, e); err != nil {
		return err
	}
	s.deliver(ctx, e)
	return nil
}

// Messages returns a page of an introduction's thread, oldest first;
// before acceptance it is empty.
func (s *Service) Messages(ctx context.Context, p auth.Principal, id string, page mongox.PageRequest) ([]domain.Message, string, error) {
	in, err := s.Introduction(ctx, p, id)
	if err != nil {
		return nil, "", err
	}
	return s.d.Store.Messages(ctx, in.ID, page)
}

// PostMessage adds a text to the thread of an accepted introduction, by
// the employer's members or the candidate's staff; the candidate reads the
// thread but does not write in it (403).
func (s *Service) PostMessage(ctx context.Context, p auth.Principal, id, text string) (domain.Message, error) {
	in, err := s.Introduction(ctx, p, id)
	if err != nil {
		return domain.Message{}, err
	}
	side := sideOf(p, in.EmployerOrgID, in.CandidateOrgID)
	if side == "" {
		return domain.Message{}, fmt.Errorf("only the two sides write in the thread: %w", errs.Forbidden)
	}
	if err := domain.ValidateMessageText(text); err != nil {
		return domain.Message{}, err
	}
	if in.Status != domain.StatusAccepted {
		return domain.Message{}, domain.ErrNotAccepted
	}
	m := domain.Message{ID: newID(), IntroductionID: in.ID, CandidateID: in.CandidateID, Side: side,
		AuthorID: p.Subject, Text: text, CreatedAt: s.Now()}
	return m, s.d.Store.AddMessage(ctx, m)
}

// RecordOutcome records how the meeting went, once, by either side (not
// the candidate themself: 403). A
// hire stores the placement first, owing every step (recording the
// outcome here, the follow-ups, the role's count, the candidate's
// status), and then takes the steps; what fails is retried by the sweeper.
func (s *Service) RecordOutcome(ctx context.Context, p auth.Principal, id string, r domain.OutcomeReport) (domain.Introduction, error) {
	in, err := s.Introduction(ctx, p, id)
	if err != nil {
		return in, err
	}
	side := sideOf(p, in.EmployerOrgID, in.CandidateOrgID)
	if side == "" {
		return domain.Introduction{}, fmt.Errorf("only the two sides record how the meeting went: %w", errs.Forbidden)
	}
	if err := r.Validate(); err != nil {
		return domain.Introduction{}, err
	}
	if in.Status != domain.StatusAccepted {
		return domain.Introduction{}, domain.ErrNotAccepted
	}
	if in.Outcome != nil {
		return domain.Introduction{}, domain.ErrOutcomeRecorded
	}
	if _, err := s.d.Store.PlacementOfIntroduction(ctx, in.ID); err == nil {
		return domain.Introduction{}, domain.ErrOutcomeRecorded
	} else if !errors.Is(err, errs.NotFound) {
		return domain.Introduction{}, err
	}
	now := s.Now()
	if r.Outcome != domain.OutcomeHired {
		prev := in.Version
		if err := in.RecordOutcome(r, "", side, p.Subject, now); err != nil {
			return domain.Introduction{}, err
		}
		return in, s.saveIntroduction(ctx, in, prev, EventMeetingRecorded)
	}
	pl := domain.NewPlacement(newID(), in, *r.Placement, side, p.Subject, now)
	e, err := s.event(EventPlacementStarted, in.ID, pl.Version)
	if err != nil {
		return domain.Introduction{}, err
	}
	if err := s.d.Store.CreatePlacement(ctx, pl, e); errors.Is(err, domain.ErrDuplicate) {
		return domain.Introduction{}, domain.ErrOutcomeRecorded
	} else if err != nil {
		return domain.Introduction{}, err
	}
	s.deliver(ctx, e)
	if err := s.takeSteps(ctx, pl); err != nil {
		s.d.Logger.WarnContext(ctx, "placement steps left to the sweeper", "placement_id", pl.ID, "error", err.Error())
	}
	return s.d.Store.Introduction(ctx, in.ID)
}

// Parties returns an introduction to a service (notifications), whoever
// its parties are.
func (s *Service) Parties(ctx context.Context, p auth.Principal, id string) (domain.Introduction, error) {
	if err := requireService(p); err != nil {
		return domain.Introduction{}, err
	}
	return s.d.Store.Introduction(ctx, id)
}

// Record returns everything held about a candidate, to a service (the
// candidates service's export).
func (s *Service) Record(ctx context.Context, p auth.Principal, candidateID string) (domain.CandidateRecord, error) {
	if err := requireService(p); err != nil {
		return domain.CandidateRecord{}, err
	}
	return s.d.Store.CandidateRecord(ctx, candidateID)
}

// employerName is the employer organisation's name as the gateway knows
// it, so that the candidate's staff always see whom they share with even
// before the employer writes a profile. The request does not wait on it:
// a failure leaves the name out.
func (s *Service) employerName(ctx context.Context, orgID string) string {
	if s.d.Organisations == nil {
		return ""
	}
	name, err := s.d.Organisations.Name(ctx, orgID)
	if err != nil {
		s.d.Logger.WarnContext(ctx, "employer name unavailable", "employer_org_id", orgID, "error", err)
		return ""
	}
	return name
}
