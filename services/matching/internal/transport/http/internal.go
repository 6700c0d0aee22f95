package http

import (
	"fmt"

	"github.com/gofiber/fiber/v2"

	onward "github.com/onward-jobs/onward/pkg/api"
	"github.com/onward-jobs/onward/pkg/errs"
)

// resolveCandidateRef answers, for another Onward service, which candidate
// a reference on a role's current stored shortlist stands for: the
// placements service resolves the reference an employer asks to meet. A
// reference that is not on the role's shortlist now (a forged one,
// another role's, one whose candidate left the list) is 404, as is a role
// without a shortlist. Only services may ask: the answer holds the
// candidate id, which an employer never sees.
func (m *matching) resolveCandidateRef(c *fiber.Ctx) error {
	p, err := caller(c)
	if err != nil {
		return err
	}
	if !p.IsService() {
		return fmt.Errorf("the internal API is for Onward services: %w", errs.Forbidden)
	}
	if err := m.ready(); err != nil {
		return err
	}
	roleID, ref := c.Params("id"), c.Params("candidate_ref")
	sl, err := m.shortlists.Shortlist(c.UserContext(), roleID)
	if err != nil {
		return err
	}
	for _, e := range sl.Entries {
		if e.CandidateRef == ref {
			return c.JSON(onward.ShortlistEntryRef{CandidateID: e.CandidateID, Alias: e.Alias, RoleVersion: sl.RoleVersion})
		}
	}
	return fmt.Errorf("candidate reference on the shortlist of role %s: %w", roleID, errs.NotFound)
}
