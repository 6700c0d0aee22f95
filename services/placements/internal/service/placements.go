package service

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/onward-jobs/onward/pkg/auth"
	"github.com/onward-jobs/onward/pkg/errs"
	"github.com/onward-jobs/onward/pkg/mongox"
	"github.com/onward-jobs/onward/services/placements/internal/domain"
)

// takeSteps carries out the steps a placement owes, in order, and stores
// which succeeded. Every step is idempotent, so one repeated after a
// crash or a stale save changes nothing. It returns the first failure;
// the sweeper tries again.
func (s *Service) takeSteps(ctx context.Context, p domain.Placement) error {
	if len(p.PendingSteps) == 0 {
		return nil
	}
	prev := p.Version
	var failed error
	for _, step := range slices.Clone(p.PendingSteps) {
		if err := s.takeStep(ctx, p, step); err != nil {
			failed = fmt.Errorf("placement %s step %s: %w", p.ID, step, err)
			break
		}
		p.Done(step)
	}
	if p.Version == prev {
		return failed
	}
	if err := s.d.Store.UpdatePlacement(ctx, p, prev); err != nil {
		return errors.Join(failed, err)
	}
	return failed
}

func (s *Service) takeStep(ctx context.Context, p domain.Placement, step string) error {
	switch step {
	case domain.StepIntroduction:
		in, err := s.d.Store.Introduction(ctx, p.IntroductionID)
		if err != nil || in.Outcome != nil {
			return ignoreNotFound(err)
		}
		prev := in.Version
		hire := domain.OutcomeReport{Outcome: domain.OutcomeHired}
		if err := in.RecordOutcome(hire, p.ID, p.CreatedSide, p.CreatedBy, p.CreatedAt); err != nil {
			return err
		}
		return s.saveIntroduction(ctx, in, prev, EventMeetingRecorded)
	case domain.StepFollowUps:
		fus, err := domain.NewFollowUps(p, newID)
		if err != nil {
			return err
		}
		return s.d.Store.InsertFollowUps(ctx, fus)
	case domain.StepRole:
		err := s.d.Roles.RecordPlacement(ctx, p.RoleID, p.ID)
		if errors.Is(err, errs.Conflict) || errors.Is(err, errs.NotFound) {
			// A role that is gone, or no longer counts hires, never will:
			// retrying forever helps no one.
			s.d.Logger.WarnContext(ctx, "the role did not count the hire", "placement_id", p.ID, "role_id", p.RoleID, "error", err.Error())
			return nil
		}
		return err
	case domain.StepCandidate:
		return ignoreNotFound(s.d.Candidates.SetPlacement(ctx, p.CandidateID, p.ID, p.Placed(), p.StillLooking))
	}
	return fmt.Errorf("unknown step %q", step)
}

// ignoreNotFound treats a vanished object (an erased candidate) as done.
func ignoreNotFound(err error) error {
	if errors.Is(err, errs.NotFound) {
		return nil
	}
	return err
}

// Placement returns one placement p may see; another organisation's is
// 404.
func (s *Service) Placement(ctx context.Context, p auth.Principal, id string) (domain.Placement, error) {
	if err := requirePerson(p); err != nil {
		return domain.Placement{}, err
	}
	pl, err := s.d.Store.Placement(ctx, id)
	if err != nil {
		return pl, err
	}
	if err := refuseCandidate(p, "placements", id, pl.CandidateID); err != nil {
		return domain.Placement{}, err
	}
	if !canSee(p, pl.EmployerOrgID, pl.CandidateOrgID) {
		return domain.Placement{}, notFound("placement", id)
	}
	return pl, nil
}

// Placements lists what p may see, newest first; a candidate may not.
func (s *Service) Placements(ctx context.Context, p auth.Principal, f domain.PlacementFilter, page mongox.PageRequest) ([]domain.Placement, string, error) {
	if err := refuseCandidate(p, "placements", "", p.CandidateID); err != nil {
		return nil, "", err
	}
	sc, err := scopeOf(p)
	if err != nil {
		return nil, "", err
	}
	if f.CandidateID != "" && isEmployer(p) {
		return nil, "", errs.Invalid("candidate", "is a filter for programme staff")
	}
	f.Scope = sc
	return s.d.Store.ListPlacements(ctx, f, page)
}

// staffPlacement returns a placement for its candidate's staff: the
// employer gets 403, anyone else 404.
func (s *Service) staffPlacement(ctx context.Context, p auth.Principal, id string) (domain.Placement, error) {
	pl, err := s.Placement(ctx, p, id)
	if err != nil {
		return pl, err
	}
	if sideOf(p, pl.EmployerOrgID, pl.CandidateOrgID) != domain.SideProgramme {
		return domain.Placement{}, fmt.Errorf("the candidate's staff change a placement: %w", errs.Forbidden)
	}
	return pl, nil
}

// EndPlacement ends a placement early; the candidate becomes available
// again.
func (s *Service) EndPlacement(ctx context.Context, p auth.Principal, id, endedOn, reason string) (domain.Placement, error) {
	pl, err := s.staffPlacement(ctx, p, id)
	if err != nil {
		return pl, err
	}
	return s.endPlacement(ctx, pl, endedOn, reason)
}

func (s *Service) endPlacement(ctx context.Context, pl domain.Placement, endedOn, reason string) (domain.Placement, error) {
	prev := pl.Version
	if err := pl.End(endedOn, reason); err != nil {
		return domain.Placement{}, err
	}
	e, err := s.event(EventPlacementEnded, pl.IntroductionID, pl.Version)
	if err != nil {
		return domain.Placement{}, err
	}
	if err := s.d.Store.UpdatePlacement(ctx, pl, prev, e); err != nil {
		return domain.Placement{}, err
	}
	s.deliver(ctx, e)
	return s.afterChange(ctx, pl), nil
}

// SetStillLooking keeps a placed candidate on shortlists, or takes them
// off again.
func (s *Service) SetStillLooking(ctx context.Context, p auth.Principal, id string, v bool) (domain.Placement, error) {
	pl, err := s.staffPlacement(ctx, p, id)
	if err != nil {
		return pl, err
	}
	prev := pl.Version
	if err := pl.SetStillLooking(v); err != nil {
		return domain.Placement{}, err
	}
	if pl.Version == prev {
		return pl, nil
	}
	if err := s.d.Store.UpdatePlacement(ctx, pl, prev); err != nil {
		return domain.Placement{}, err
	}
	return s.afterChange(ctx, pl), nil
}

// afterChange takes the steps a change owes and returns the placement as
// stored; a failure is left to the sweeper.
func (s *Service) afterChange(ctx context.Context, pl domain.Placement) domain.Placement {
	if err := s.takeSteps(ctx, pl); err != nil {
		s.d.Logger.WarnContext(ctx, "placement steps left to the sweeper", "placement_id", pl.ID, "error", err.Error())
	}
	if cur, err := s.d.Store.Placement(ctx, pl.ID); err == nil {
		return cur
	}
	return pl
}

// FollowUps lists the follow-ups of p's side, soonest due first: staff
// the programme's tasks about their candidates, an employer its own,
// platform admins all.
func (s *Service) FollowUps(ctx context.Context, p auth.Principal, f domain.FollowUpFilter, page mongox.PageRequest) ([]domain.FollowUp, string, error) {
	if err := refuseCandidate(p, "follow-ups", "", p.CandidateID); err != nil {
		return nil, "", err
	}
	sc, err := scopeOf(p)
	if err != nil {
		return nil, "", err
	}
	f.Scope = sc
	switch {
	case isEmployer(p):
		f.Audience = domain.AudienceEmployer
	case isStaff(p):
		f.Audience = domain.AudienceProgramme
	}
	return s.d.Store.ListFollowUps(ctx, f, page)
}

// AnswerFollowUp records one side's answer, once. Staff answering that
// the candidate no longer works there ends the placement.
func (s *Service) AnswerFollowUp(ctx context.Context, p auth.Principal, id string, a domain.FollowUpAnswer) (domain.FollowUp, error) {
	if err := requirePerson(p); err != nil {
		return domain.FollowUp{}, err
	}
	f, err := s.d.Store.FollowUp(ctx, id)
	if err != nil {
		return f, err
	}
	if err := refuseCandidate(p, "follow-ups", id, f.CandidateID); err != nil {
		return domain.FollowUp{}, err
	}
	if sideOf(p, f.EmployerOrgID, f.CandidateOrgID) != f.Audience {
		return domain.FollowUp{}, notFound("follow-up", id)
	}
	if err := a.Validate(); err != nil {
		return domain.FollowUp{}, err
	}
	prev := f.Version
	now := s.Now()
	if err := f.Answer(a, p.Subject, now); err != nil {
		return domain.FollowUp{}, err
	}
	e, err := s.event(EventFollowUpRecorded, f.IntroductionID, f.Version)
	if err != nil {
		return domain.FollowUp{}, err
	}
	if err := s.d.Store.UpdateFollowUp(ctx, f, prev, e); err != nil {
		return domain.FollowUp{}, err
	}
	s.deliver(ctx, e)
	if f.Audience == domain.AudienceProgramme && !a.StillWorking {
		if err := s.endAfterFollowUp(ctx, f, a.Reason, now); err != nil {
			return f, err
		}
	}
	return f, nil
}

// endAfterFollowUp ends the placement a follow-up said ended, today (or
// on its start, if it has not started yet).
func (s *Service) endAfterFollowUp(ctx context.Context, f domain.FollowUp, reason string, now time.Time) error {
	pl, err := s.d.Store.Placement(ctx, f.PlacementID)
	if err != nil || pl.Status != domain.PlacementActive {
		return ignoreNotFound(err)
	}
	day := max(now.Format(time.DateOnly), pl.StartDate)
	_, err = s.endPlacement(ctx, pl, day, reason)
	if errors.Is(err, domain.ErrPlacementEnded) {
		return nil
	}
	return err
}
