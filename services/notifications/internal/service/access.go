package service

import (
	"fmt"

	"github.com/onward-jobs/onward/pkg/auth"
	"github.com/onward-jobs/onward/pkg/errs"
)

// requireUser admits a signed-in person, never a service token.
func requireUser(p auth.Principal) error {
	if p.Subject == "" || p.IsService() {
		return fmt.Errorf("notifications belong to people: %w", errs.Forbidden)
	}
	return nil
}

// orgScope is what organisation's data an administrator may see: "" for a
// platform administrator (all), their own for an org_admin; others are
// refused.
func orgScope(p auth.Principal) (string, error) {
	switch {
	case p.IsAdmin():
		return "", nil
	case p.Role == auth.RoleOrgAdmin && p.OrgID != "":
		return p.OrgID, nil
	}
	return "", fmt.Errorf("only administrators may do this: %w", errs.Forbidden)
}
