package employer

import (
	"slices"

	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/api"
	"github.com/onward-jobs/onward/services/web/internal/kit"
)

// sectorChoices names the sectors in the reader's language as the API
// names them (GET /api/v1/roles/sectors), marking the chosen ones. When
// the API cannot be asked, the page's own names stand in, so the form
// still works.
func (p *Pages) sectorChoices(c *fiber.Ctx, v *kit.View, chosen ...string) []kit.Choice {
	resp, err := p.kit.API.ListSectorsWithResponse(kit.Ctx(c), &api.ListSectorsParams{Lang: kit.Ptr(v.Lang)})
	if err != nil || len(resp.JSON200.Items) == 0 {
		if err != nil {
			p.kit.LogFailure(c, "list sectors", err)
		}
		return kit.Choices(v, "Nace_", naceSections, chosen...)
	}
	out := make([]kit.Choice, 0, len(resp.JSON200.Items))
	for _, it := range resp.JSON200.Items {
		name := it.Name
		if name == "" {
			name = v.TOr("Nace_"+it.Code, it.Code)
		}
		out = append(out, kit.Choice{Value: it.Code, Label: name, Selected: slices.Contains(chosen, it.Code)})
	}
	return out
}

// sectorName is the name of the chosen sector among cs, or "".
func sectorName(cs []kit.Choice, code string) string {
	for _, c := range cs {
		if c.Value == code {
			return c.Label
		}
	}
	return ""
}

// profileSector is the first sector of the employer's profile, to start a
// new role with; "" when the profile names none or cannot be read.
func (p *Pages) profileSector(c *fiber.Ctx) string {
	resp, err := p.kit.API.GetMyEmployerWithResponse(kit.Ctx(c))
	if err != nil {
		p.kit.LogFailure(c, "my employer", err)
		return ""
	}
	for _, code := range kit.Deref(resp.JSON200.Sectors) {
		if slices.Contains(naceSections, code) {
			return code
		}
	}
	return ""
}
