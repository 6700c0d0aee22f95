package employer

import (
	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/services/web/internal/kit"
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

// ShowRole is GET /roles/:id, for the role's employer and, read-only, for
// programme staff and administrators. The API decides who may see which
// role: another employer's role is a 404.
func (p *Pages) ShowRole(c *fiber.Ctx) error {
	resp, err := p.kit.API.GetRoleWithResponse(kit.Ctx(c), c.Params("id"))
	if err != nil {
		return p.kit.ErrorPage(c, err)
	}
	r := *resp.JSON200
	v := p.kit.NewView(c, "/roles/"+r.ID)
	f := p.formFromRole(c, v, r, false)
	d := &roleDetail{Title: r.Title, Status: string(r.Status), Review: reviewOf(v, &roleFormPage{roleForm: f, Sectors: p.sectorChoices(c, v, r.Sector)})}
	if !knownStatus(d.Status) {
		d.Status = ""
	}
	if kit.ActorOf(c).IsEmployer() {
		card := roleCardOf(v, roleSummaryOf(v, r))
		d.Card = &card
	} else {
		var ok bool
		d.Employer, ok = p.roleEmployer(c, v, r.EmployerID)
		d.EmployerMissing = !ok
	}
	v.Data = d
	return p.templates.Render(c, fiber.StatusOK, "role", v)
}
