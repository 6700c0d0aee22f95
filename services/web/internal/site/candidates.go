package site

import (
	"time"

	"github.com/gofiber/fiber/v2"
)

// candidatesTimeout bounds every call to the candidates service, so a page
// never hangs on it.
const candidatesTimeout = 5 * time.Second

// candidatesClient calls the candidates service's API on behalf of the
// signed-in programme staff member, with their own access token, so the
// service decides what they may see and change and audits every read.
type candidatesClient struct{ serviceClient }

func newCandidatesClient(base string) *candidatesClient {
	return &candidatesClient{newServiceClient("candidates", base, candidatesTimeout)}
}

// registerCandidatePages mounts the staff pages for programmes, the
// candidate list, the register wizard and the candidate page (see
// staff_routes.go).
func (s *site) registerCandidatePages(app *fiber.App) { s.registerStaffPages(app) }

// registerPortfolioPages mounts the staff pages that change a candidate's
// portfolio and rights: attest a skill, consent, export, erase and the
// audit trail.
func (s *site) registerPortfolioPages(app *fiber.App) { s.mountPortfolioPages(app) }
