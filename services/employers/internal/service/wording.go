package service

import (
	"github.com/onward-jobs/onward/pkg/auth"
	"github.com/onward-jobs/onward/services/employers/internal/domain"
)

// CheckWording flags phrases in a title and description that put
// justice-involved people off. It only warns; nothing is stored.
func (s *Service) CheckWording(p auth.Principal, title, description, lang string) ([]domain.WordingFlag, error) {
	if _, err := requireSomeone(p); err != nil {
		return nil, err
	}
	return domain.CheckWording(title, description, lang), nil
}
