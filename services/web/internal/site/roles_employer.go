package site

import (
	"context"
	"net/http"
	"net/url"
	"slices"
	"sync"

	"github.com/gofiber/fiber/v2"
)

// maxEmployerLookups caps how many employers one page of the role
// browser looks up, so a page never fans out into many calls.
const maxEmployerLookups = 20

// employerCard is a role's employer as the staff's role page shows it:
// the fair-chance commitments named, and the contact person that only
// programme staff and administrators may see.
type employerCard struct {
	DisplayName, Statement string
	Sectors, Commitments   []string
	Contact                contactPerson
}

func (e *employersClient) getEmployer(ctx context.Context, token, id string) (employerProfile, error) {
	var p employerProfile
	err := e.call(ctx, token, http.MethodGet, "/api/v1/employers/"+url.PathEscape(id), nil, &p)
	return p, err
}

// employerCardOf names the profile's sectors and commitments in the
// user's language; ones the page does not know are left out.
func employerCardOf(v *view, p employerProfile) *employerCard {
	card := &employerCard{DisplayName: p.DisplayName, Statement: p.FairChance.Statement, Contact: p.Contact}
	for _, s := range p.Sectors {
		if slices.Contains(naceSections, s) {
			card.Sectors = append(card.Sectors, v.T("Nace_"+s))
		}
	}
	for _, c := range p.FairChance.Commitments {
		if slices.Contains(commitments, c) {
			card.Commitments = append(card.Commitments, v.T("Commitment_"+c))
		}
	}
	return card
}

// roleEmployer looks up the employer of a role for the staff's role
// page. When the lookup fails the page still shows the role, with a note.
func (s *site) roleEmployer(c *fiber.Ctx, v *view, employerID string) (*employerCard, bool) {
	if employerID == "" {
		return nil, true
	}
	p, err := s.employers.getEmployer(c.UserContext(), accessToken(c), employerID)
	if err != nil {
		s.logServiceFailure(c, "employers", err)
		return nil, false
	}
	return employerCardOf(v, p), true
}

// employerNames looks up the display name of each distinct employer of
// the roles, once each and at most maxEmployerLookups, side by side. An
// employer that cannot be looked up has no name; the roles still show.
func (s *site) employerNames(c *fiber.Ctx, roles []role) map[string]string {
	var ids []string
	for _, r := range roles {
		if r.EmployerID != "" && !slices.Contains(ids, r.EmployerID) && len(ids) < maxEmployerLookups {
			ids = append(ids, r.EmployerID)
		}
	}
	names := make(map[string]string, len(ids))
	var mu sync.Mutex
	var wg sync.WaitGroup
	ctx, token := c.UserContext(), accessToken(c)
	var failed error
	for _, id := range ids {
		wg.Go(func() {
			p, err := s.employers.getEmployer(ctx, token, id)
			mu.Lock()
			defer mu.Unlock()
			if err != nil {
				failed = err
				return
			}
			names[id] = p.DisplayName
		})
	}
	wg.Wait()
	if failed != nil {
		s.logServiceFailure(c, "employers", failed)
	}
	return names
}
