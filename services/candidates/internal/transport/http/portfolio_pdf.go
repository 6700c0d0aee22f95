package http

import (
	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/api"
	"github.com/onward-jobs/onward/pkg/errs"
	"github.com/onward-jobs/onward/pkg/skills"
	"github.com/onward-jobs/onward/services/candidates/internal/printout"
	"github.com/onward-jobs/onward/services/candidates/internal/service"
)

// toPortfolioRequest reads the query of a portfolio printout: paper (a4 by
// default, or letter), programmes (true or false, false by default) and
// lang (en by default, nl, fr or de), each checked against the contract's
// values.
func toPortfolioRequest(c *fiber.Ctx) (service.PortfolioRequest, error) {
	r := service.PortfolioRequest{Paper: printout.A4, Lang: skills.EN}
	if paper := c.Query("paper"); paper != "" {
		if !api.GetCandidatePortfolioPDFParamsPaper(paper).Valid() {
			return r, errs.Invalid("paper", "must be a4 or letter")
		}
		r.Paper = printout.Paper(paper)
	}
	switch c.Query("programmes") {
	case "", "false":
	case "true":
		r.Programmes = true
	default:
		return r, errs.Invalid("programmes", "must be true or false")
	}
	if lang := c.Query("lang"); lang != "" {
		if !api.GetCandidatePortfolioPDFParamsLang(lang).Valid() {
			return r, errs.Invalid("lang", "must be one of en, nl, fr, de")
		}
		r.Lang = skills.Lang(lang)
	}
	return r, nil
}

func (h *handlers) portfolioPDF(c *fiber.Ctx) error {
	p, err := principal(c)
	if err != nil {
		return err
	}
	r, err := toPortfolioRequest(c)
	if err != nil {
		return err
	}
	out, err := h.svc.PortfolioPDF(c.UserContext(), p, c.Params("id"), r)
	if err != nil {
		return err
	}
	// Aliases are letters and digits only, so the file name needs no quoting.
	c.Set(fiber.HeaderContentDisposition, `attachment; filename="onward-portfolio-`+out.Alias+`.pdf"`)
	// A document about a person: no cache on the way may keep it.
	c.Set(fiber.HeaderCacheControl, "no-store")
	c.Set(fiber.HeaderContentType, "application/pdf")
	return c.Send(out.PDF)
}
