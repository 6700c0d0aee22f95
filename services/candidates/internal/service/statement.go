package service

import (
	"context"
	"fmt"

	"github.com/onward-jobs/onward/pkg/auth"
	"github.com/onward-jobs/onward/pkg/errs"
	"github.com/onward-jobs/onward/services/candidates/internal/domain"
)

// SetStatement writes the candidate's statement in their own words, if
// the candidate is still at version, as pending review with the checker's
// flags. It replaces any earlier statement, so an approved one stops
// showing until the new one is approved; the same text again changes
// nothing (an approved statement stays approved). Programme staff of the
// candidate's organisation may write it, and so may the candidate
// themself; only staff review it. The text goes on neither the
// event nor the audit entry, which name the change only.
func (s *Service) SetStatement(ctx context.Context, p auth.Principal, candidateID string, version int64, text string) (Versioned[domain.Statement], error) {
	if _, err := actingOn(p, selfOrStaff, candidateID); err != nil {
		return Versioned[domain.Statement]{}, err
	}
	if err := requireVersion(version); err != nil {
		return Versioned[domain.Statement]{}, err
	}
	st, err := domain.NewStatement(text, p.Subject, s.now(), s.Vocabulary)
	if err != nil {
		return Versioned[domain.Statement]{}, err
	}
	c, err := s.changeCandidate(ctx, p, selfOrStaff, candidateID, version, func(c *domain.Candidate) (Change, error) {
		if c.Statement.SameText(st.Text) {
			return Change{}, errUnchanged
		}
		c.Statement = &st
		return s.change(p, *c, EventCandidateChanged, domain.ActionUpdate, domain.PurposeCaseWork, "", domain.ChangeStatement)
	})
	if err != nil {
		return Versioned[domain.Statement]{}, err
	}
	return Versioned[domain.Statement]{Item: *c.Statement, CandidateVersion: c.Version}, nil
}

// RemoveStatement removes the candidate's statement, whatever its review
// status, if the candidate is still at version, and returns the new
// version. A candidate without one is errs.NotFound.
func (s *Service) RemoveStatement(ctx context.Context, p auth.Principal, candidateID string, version int64) (int64, error) {
	if _, err := actingOn(p, selfOrStaff, candidateID); err != nil {
		return 0, err
	}
	if err := requireVersion(version); err != nil {
		return 0, err
	}
	c, err := s.changeCandidate(ctx, p, selfOrStaff, candidateID, version, func(c *domain.Candidate) (Change, error) {
		if c.Statement == nil {
			return Change{}, fmt.Errorf("candidate %s has no statement: %w", candidateID, errs.NotFound)
		}
		c.Statement = nil
		return s.change(p, *c, EventCandidateChanged, domain.ActionRemove, domain.PurposeCaseWork, "", domain.ChangeStatement)
	})
	return c.Version, err
}

// ReviewStatement approves or rejects the candidate's pending statement,
// if the candidate is still at version. Approval makes it the statement
// employers see. No pending statement is an errs.Conflict.
func (s *Service) ReviewStatement(ctx context.Context, p auth.Principal, candidateID string, version int64, decision domain.ReviewDecision, note string) (Versioned[domain.Statement], error) {
	if _, err := staffFor(p, candidateID); err != nil {
		return Versioned[domain.Statement]{}, err
	}
	if err := requireVersion(version); err != nil {
		return Versioned[domain.Statement]{}, err
	}
	if err := domain.ValidateReview(decision, note); err != nil {
		return Versioned[domain.Statement]{}, err
	}
	c, err := s.changeCandidate(ctx, p, staffOnly, candidateID, version, func(c *domain.Candidate) (Change, error) {
		if c.Statement == nil {
			return Change{}, fmt.Errorf("candidate %s has no statement to review: %w", candidateID, errs.Conflict)
		}
		st := *c.Statement
		if err := st.Review(decision, note, p.Subject, s.now()); err != nil {
			return Change{}, err
		}
		c.Statement = &st
		return s.change(p, *c, EventCandidateChanged, domain.ActionReview, domain.PurposeCaseWork, "", domain.ChangeStatement)
	})
	if err != nil {
		return Versioned[domain.Statement]{}, err
	}
	return Versioned[domain.Statement]{Item: *c.Statement, CandidateVersion: c.Version}, nil
}
