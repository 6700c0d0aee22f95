package employer

import (
	"slices"

	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/api"
	"github.com/onward-jobs/onward/services/web/internal/kit"
)

// employerCard is a role's employer as the staff's role page shows it:
// the fair-chance commitments named, and the contact person that only
// programme staff and administrators may see.
type employerCard struct {
	DisplayName, Statement string
	Sectors, Commitments   []string
	Contact                contactCard
}

// contactCard is an employer's contact person.
type contactCard struct {
	Name, Email, Phone string
}

// employerCardOf names the profile's sectors and commitments in the
// user's language; ones the page does not know are left out.
func employerCardOf(v *kit.View, p api.EmployerProfile) *employerCard {
	card := &employerCard{DisplayName: kit.Deref(p.DisplayName)}
	if p.Contact != nil {
		card.Contact = contactCard{Name: kit.Deref(p.Contact.Name), Email: kit.Deref(p.Contact.Email), Phone: kit.Deref(p.Contact.Phone)}
	}
	for _, s := range kit.Deref(p.Sectors) {
		if slices.Contains(naceSections, s) {
			card.Sectors = append(card.Sectors, v.T("Nace_"+s))
		}
	}
	if fc := p.FairChance; fc != nil {
		card.Statement = kit.Deref(fc.Statement)
		for _, c := range kit.Deref(fc.Commitments) {
			if slices.Contains(commitments, string(c)) {
				card.Commitments = append(card.Commitments, v.T("Commitment_"+string(c)))
			}
		}
	}
	return card
}

// roleEmployer looks up the employer of a role for the staff's role
// page. When the lookup fails the page still shows the role, with a note.
func (p *Pages) roleEmployer(c *fiber.Ctx, v *kit.View, employerID string) (*employerCard, bool) {
	if employerID == "" {
		return nil, true
	}
	resp, err := p.kit.API.GetEmployerWithResponse(kit.Ctx(c), employerID)
	if err != nil {
		p.kit.LogFailure(c, "get employer", err)
		return nil, false
	}
	return employerCardOf(v, *resp.JSON200), true
}
