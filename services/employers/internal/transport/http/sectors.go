package http

import (
	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/vocab"
)

// sectorItem is one NACE section: its letter, its name in the asked
// language and its names in every language Onward speaks.
type sectorItem struct {
	Code  string            `json:"code"`
	Name  string            `json:"name"`
	Names map[string]string `json:"names"`
}

// listSectors answers the sectors a role or an employer can name, so
// forms and role pages show names, not letters. The language is ?lang= or
// Accept-Language, English otherwise.
func (h *handlers) listSectors(c *fiber.Ctx) error {
	p, err := principal(c)
	if err != nil {
		return err
	}
	sectors, err := h.svc.Sectors(p)
	if err != nil {
		return err
	}
	lang := requestLang(c)
	out := make([]sectorItem, 0, len(sectors))
	for _, s := range sectors {
		out = append(out, sectorItem{Code: s.Code, Name: vocab.SectorName(s.Code, lang), Names: s.Names})
	}
	return c.JSON(fiber.Map{"items": out})
}
