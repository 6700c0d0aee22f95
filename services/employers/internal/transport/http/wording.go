package http

import (
	"strings"

	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/httpx"
	"github.com/onward-jobs/onward/services/employers/internal/domain"
)

// wordingBody is what POST /roles/wording-check takes.
type wordingBody struct {
	Title       string `json:"title" validate:"max=1000"`
	Description string `json:"description" validate:"max=20000"`
	Lang        string `json:"lang" validate:"max=35"`
}

// wordingFlag is one flagged phrase; start and end are byte offsets into
// the field as sent.
type wordingFlag struct {
	Field      string `json:"field"`
	Phrase     string `json:"phrase"`
	Start      int    `json:"start"`
	End        int    `json:"end"`
	Suggestion string `json:"suggestion"`
	Reason     string `json:"reason"`
	// Category is criminal_record, age or appearance.
	Category string `json:"category"`
}

func toWordingFlags(flags []domain.WordingFlag) []wordingFlag {
	out := make([]wordingFlag, 0, len(flags))
	for _, f := range flags {
		out = append(out, wordingFlag{Field: f.Field, Phrase: f.Phrase, Start: f.Start, End: f.End, Suggestion: f.Suggestion, Reason: f.Reason, Category: f.Category})
	}
	return out
}

func (h *handlers) wordingCheck(c *fiber.Ctx) error {
	p, err := principal(c)
	if err != nil {
		return err
	}
	var body wordingBody
	if err := httpx.DecodeJSON(c, &body); err != nil {
		return err
	}
	flags, err := h.svc.CheckWording(p, body.Title, body.Description, body.Lang)
	if err != nil {
		return err
	}
	return c.JSON(fiber.Map{"flags": toWordingFlags(flags)})
}

// roleWithWarnings is a role as POST and PATCH answer it: the role plus the
// wording check of its title and description, which warns and never blocks.
type roleWithWarnings struct {
	roleResponse
	Warnings []wordingFlag `json:"warnings"`
}

func (h *handlers) withWarnings(c *fiber.Ctx, r domain.Role) roleWithWarnings {
	return roleWithWarnings{h.roleResponse(r), toWordingFlags(domain.CheckWording(r.Spec.Title, r.Spec.Description, requestLang(c)))}
}

// requestLang is the language reasons are written in: ?lang= or the first
// Accept-Language tag, English by default.
func requestLang(c *fiber.Ctx) string {
	if l := c.Query("lang"); l != "" {
		return l
	}
	tag, _, _ := strings.Cut(c.Get(fiber.HeaderAcceptLanguage), ",")
	tag, _, _ = strings.Cut(strings.TrimSpace(tag), ";")
	if tag == "" {
		return "en"
	}
	return tag
}
