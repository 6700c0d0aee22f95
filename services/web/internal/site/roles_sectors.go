package site

import (
	"slices"

	"github.com/gofiber/fiber/v2"
)

// sectorChoices names the sectors in the reader's language as the
// employers service names them (GET /api/v1/roles/sectors), marking the
// chosen ones. When the service cannot be asked, the page's own names
// stand in, so the form still works.
func (s *site) sectorChoices(c *fiber.Ctx, v *view, chosen ...string) []choice {
	items, err := s.employers.listSectors(c.UserContext(), accessToken(c), v.Lang)
	if err != nil || len(items) == 0 {
		if err != nil {
			s.logServiceFailure(c, "employers", err)
		}
		return choices(v, "Nace_", naceSections, chosen...)
	}
	out := make([]choice, 0, len(items))
	for _, it := range items {
		name := it.Name
		if name == "" {
			name = v.TOr("Nace_"+it.Code, it.Code)
		}
		out = append(out, choice{Value: it.Code, Label: name, Selected: slices.Contains(chosen, it.Code)})
	}
	return out
}

// sectorName is the name of the chosen sector among cs, or "".
func sectorName(cs []choice, code string) string {
	for _, c := range cs {
		if c.Value == code {
			return c.Label
		}
	}
	return ""
}

// profileSector is the first sector of the employer's profile, to start a
// new role with; "" when the profile names none or cannot be read.
func (s *site) profileSector(c *fiber.Ctx) string {
	p, err := s.employers.myProfile(c.UserContext(), accessToken(c))
	if err != nil {
		s.logServiceFailure(c, "employers", err)
		return ""
	}
	for _, code := range p.Sectors {
		if slices.Contains(naceSections, code) {
			return code
		}
	}
	return ""
}
