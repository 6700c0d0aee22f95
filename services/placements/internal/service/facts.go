package service

import (
	"context"
	"fmt"
	"slices"

	"github.com/onward-jobs/onward/pkg/auth"
	"github.com/onward-jobs/onward/pkg/errs"
	"github.com/onward-jobs/onward/services/placements/internal/domain"
)

// FactReaders are the services that may read introductions' facts: the
// insights service, which counts them. Any other caller, service or
// person, is refused.
var FactReaders = []string{"insights"}

// CheckFactReader refuses a caller that is not one of FactReaders, for a
// handler that must answer before it starts a stream.
func (s *Service) CheckFactReader(p auth.Principal) error {
	if err := requireService(p); err != nil {
		return err
	}
	if !slices.Contains(FactReaders, p.ServiceName()) {
		return fmt.Errorf("introductions' facts are for the insights service, not %q: %w", p.ServiceName(), errs.Forbidden)
	}
	return nil
}

// IntroductionFacts returns the facts of one introduction to a fact
// reader. An unknown introduction, or one erased with its candidate, is
// an error wrapping errs.NotFound.
func (s *Service) IntroductionFacts(ctx context.Context, p auth.Principal, id string) (domain.IntroductionFacts, error) {
	if err := s.CheckFactReader(p); err != nil {
		return domain.IntroductionFacts{}, err
	}
	return s.d.Store.IntroductionFacts(ctx, id)
}

// EachIntroductionFacts calls fn with every introduction's facts, for a
// fact reader's rebuild, in one pass over the store.
func (s *Service) EachIntroductionFacts(ctx context.Context, p auth.Principal, fn func(domain.IntroductionFacts) error) error {
	if err := s.CheckFactReader(p); err != nil {
		return err
	}
	return s.d.Store.EachIntroductionFacts(ctx, fn)
}
