package kit

import (
	"fmt"

	"github.com/onward-jobs/onward/pkg/errs"
)

// The refusals an employer meets while the platform has not verified its
// organisation, or has suspended it (the gateway's and the employers
// service's 403 problem types). Both are errs.Forbidden, so a page that
// treats every refusal alike still does; the error page says why.
var (
	ErrOrganisationNotVerified = fmt.Errorf("the organisation is waiting for verification: %w", errs.Forbidden)
	ErrOrganisationSuspended   = fmt.Errorf("the organisation is suspended: %w", errs.Forbidden)
)

// forbiddenBecause is the error for a 403 answer of problem type t.
func forbiddenBecause(t string) error {
	switch t {
	case "/problems/organisation-not-verified":
		return ErrOrganisationNotVerified
	case "/problems/organisation-suspended":
		return ErrOrganisationSuspended
	}
	return errs.Forbidden
}
