package site

import (
	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/errs"
)

// roleDetail is the role page: the role as the review step shows it, and
// for its employer the edit link and the quick actions.
type roleDetail struct {
	Title, Status string
	Review        *roleReview
	Flags         []wordingNote
	Card          *roleCard
	// Employer is the role's employer, for staff; EmployerMissing says
	// it could not be looked up.
	Employer        *employerCard
	EmployerMissing bool
}

// showRole is GET /roles/:id, for the role's employer and for staff. The
// employers service decides who may see which role: another employer's
// role is a 404.
func (s *site) showRole(c *fiber.Ctx) error {
	a := actor(c)
	if !a.IsAdmin() && a.OrgKind != kindProgramme && a.OrgKind != kindEmployer {
		return s.errorPage(c, errs.Forbidden)
	}
	r, err := s.employers.getRole(c.UserContext(), accessToken(c), c.Params("id"))
	if err != nil {
		return s.errorPage(c, err)
	}
	v := s.newView(c, "/roles/"+r.ID)
	f := s.formFromRole(c, v, r)
	v.usesPicker = false
	d := &roleDetail{Title: r.Title, Status: r.Status, Review: reviewOf(v, &roleFormPage{roleForm: f, Sectors: s.sectorChoices(c, v, r.Sector)})}
	if !knownStatus(d.Status) {
		d.Status = ""
	}
	if a.OrgKind == kindEmployer {
		card := roleCardOf(v.localizer, r)
		d.Card = &card
	} else {
		var ok bool
		d.Employer, ok = s.roleEmployer(c, v, r.EmployerID)
		d.EmployerMissing = !ok
	}
	v.Data = d
	return s.render(c, fiber.StatusOK, "role", v)
}
