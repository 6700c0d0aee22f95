package service

import (
	"context"

	"github.com/onward-jobs/onward/pkg/auth"
	"github.com/onward-jobs/onward/pkg/mongox"
	"github.com/onward-jobs/onward/services/candidates/internal/domain"
)

// MatchingView returns a candidate's matching view, for another service.
// It carries no identity field, so it is not audited as a full read.
func (s *Service) MatchingView(ctx context.Context, p auth.Principal, id string) (domain.MatchingView, error) {
	if err := requireService(p); err != nil {
		return domain.MatchingView{}, err
	}
	c, err := s.Candidates.Candidate(ctx, id)
	if err != nil {
		return domain.MatchingView{}, err
	}
	return c.MatchingView(), nil
}

// CandidateVersions returns a page of every candidate's id and version, so
// another service can find what its copy missed.
func (s *Service) CandidateVersions(ctx context.Context, p auth.Principal, page mongox.PageRequest) ([]Version, string, error) {
	if err := requireService(p); err != nil {
		return nil, "", err
	}
	return s.Candidates.CandidateVersions(ctx, page)
}

// CandidateViews returns a page of every candidate's matching view, for
// another service's initial load. Like MatchingView it holds no identity
// and is not audited as a full read.
func (s *Service) CandidateViews(ctx context.Context, p auth.Principal, page mongox.PageRequest) ([]domain.MatchingView, string, error) {
	if err := requireService(p); err != nil {
		return nil, "", err
	}
	return s.Candidates.CandidateViews(ctx, page)
}

// CheckInternalCaller refuses a caller that is not an Onward service, for
// a handler that must answer before it starts a stream.
func (s *Service) CheckInternalCaller(p auth.Principal) error { return requireService(p) }

// EachCandidateVersion calls fn with every candidate's id and version in
// one pass, for a service that lists them all at once.
func (s *Service) EachCandidateVersion(ctx context.Context, p auth.Principal, fn func(Version) error) error {
	if err := requireService(p); err != nil {
		return err
	}
	return s.Candidates.EachCandidateVersion(ctx, fn)
}

// EachCandidateView calls fn with every candidate's matching view in one
// pass, for another service's initial load; like CandidateViews it holds
// no identity and is not audited as a full read.
func (s *Service) EachCandidateView(ctx context.Context, p auth.Principal, fn func(domain.MatchingView) error) error {
	if err := requireService(p); err != nil {
		return err
	}
	return s.Candidates.EachCandidateView(ctx, fn)
}

// AllProgrammes returns a page of every organisation's programmes, for the
// matching service, which names the programmes that train a missing skill.
func (s *Service) AllProgrammes(ctx context.Context, p auth.Principal, page mongox.PageRequest) ([]domain.Programme, string, error) {
	if err := requireService(p); err != nil {
		return nil, "", err
	}
	return s.Programmes.ListProgrammes(ctx, "", page)
}
