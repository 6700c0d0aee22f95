package portfolio

import (
	"slices"

	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/api"
	"github.com/onward-jobs/onward/services/web/internal/kit"
)

// programmePages caps how many pages of programmes the attest form reads;
// an organisation runs a handful.
const programmePages = 5

// programmePageSize is how many programmes one call asks for.
const programmePageSize = 100

// programmes lists the organisation's programmes, following the cursor
// for a few pages.
func (p *Pages) programmes(c *fiber.Ctx) ([]api.Programme, error) {
	var all []api.Programme
	params := &api.ListProgrammesParams{Limit: kit.Ptr(programmePageSize)}
	for range programmePages {
		resp, err := p.k.API.ListProgrammesWithResponse(kit.Ctx(c), params)
		if err != nil {
			return nil, err
		}
		all = append(all, resp.JSON200.Items...)
		next := resp.JSON200.NextCursor
		if next == nil || *next == "" {
			break
		}
		params.Cursor = kit.Ptr(*next)
	}
	return all, nil
}

// supervises reports whether userID supervises the programme.
func supervises(pr api.Programme, userID string) bool { return slices.Contains(pr.Supervisors, userID) }
