package service

import (
	"fmt"

	"github.com/onward-jobs/onward/pkg/auth"
	"github.com/onward-jobs/onward/pkg/errs"
)

// staffOrg returns the caller's organisation if the caller is staff of a
// programme organisation. Employers, platform administrators and services
// may not touch candidates through the public API: employers see
// pseudonymous cards through matching, administrators have no case work,
// and services use the internal API.
func staffOrg(p auth.Principal) (string, error) {
	if p.IsService() || p.OrgID == "" || p.OrgKind != auth.OrgKindProgramme ||
		(p.Role != auth.RoleMember && p.Role != auth.RoleOrgAdmin) {
		return "", fmt.Errorf("only a programme organisation's staff may do this: %w", errs.Forbidden)
	}
	return p.OrgID, nil
}

// orgAdminOrg is staffOrg for what only an organisation's administrator may
// do: erase a candidate and read the audit log.
func orgAdminOrg(p auth.Principal) (string, error) {
	org, err := staffOrg(p)
	if err != nil {
		return "", err
	}
	if p.Role != auth.RoleOrgAdmin {
		return "", fmt.Errorf("only the organisation's administrator may do this: %w", errs.Forbidden)
	}
	return org, nil
}

// requireService admits other Onward services, for the internal API.
func requireService(p auth.Principal) error {
	if !p.IsService() {
		return fmt.Errorf("the internal API is for Onward services: %w", errs.Forbidden)
	}
	return nil
}
