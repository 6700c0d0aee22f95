package service

import (
	"fmt"

	"github.com/onward-jobs/onward/pkg/auth"
	"github.com/onward-jobs/onward/pkg/errs"
	"github.com/onward-jobs/onward/services/candidates/internal/domain"
)

// ConsentTexts returns every published consent text. Anyone signed in may
// read them: they are what candidates are told, not about anyone.
func (s *Service) ConsentTexts(p auth.Principal) ([]domain.ConsentText, error) {
	if p.Subject == "" || p.IsService() {
		return nil, fmt.Errorf("consent texts are for signed-in people: %w", errs.Forbidden)
	}
	return domain.ConsentTexts()
}

// ConsentText returns the consent text with that version id.
func (s *Service) ConsentText(p auth.Principal, version string) (domain.ConsentText, error) {
	if _, err := s.ConsentTexts(p); err != nil {
		return domain.ConsentText{}, err
	}
	t, ok := domain.ConsentTextByVersion(version)
	if !ok {
		return domain.ConsentText{}, fmt.Errorf("consent text %q: %w", version, errs.NotFound)
	}
	return t, nil
}
