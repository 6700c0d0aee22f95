package http

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/api"
	"github.com/onward-jobs/onward/services/insights/internal/report"
	"github.com/onward-jobs/onward/services/insights/internal/service"
)

// getOutcomes answers GET /api/v1/insights/outcomes (getOutcomesReport):
// a caller who may read no report is refused before the query is read.
func (h *handlers) getOutcomes(c *fiber.Ctx) error {
	p, err := principal(c)
	if err != nil {
		return err
	}
	if err := service.CanReadReports(p); err != nil {
		return err
	}
	req, err := parseOutcomes(c, h.clock())
	if err != nil {
		return err
	}
	rep, err := h.outcomes.Report(c.UserContext(), p, service.ReportQuery{From: req.From, To: req.To,
		GroupBy: req.GroupBy, Organisation: req.Organisation, Programme: req.Programme})
	if err != nil {
		return err
	}
	if rep.Withheld {
		h.logger.Warn("outcomes report withheld: its suppression could not be proven safe",
			"scope", rep.Period.Scope, "from", rep.Period.From.String(), "to", rep.Period.To.String())
	}
	c.Set(fiber.HeaderCacheControl, "private, no-store")
	if req.Format == formatCSV {
		return sendCSV(c, rep.Model)
	}
	return c.JSON(toOutcomesReport(rep))
}

// sendCSV answers the report as a CSV attachment.
func sendCSV(c *fiber.Ctx, m report.Model) error {
	var buf bytes.Buffer
	if err := report.WriteCSV(&buf, m); err != nil {
		return fmt.Errorf("write the report as CSV: %w", err)
	}
	c.Set(fiber.HeaderContentType, "text/csv; charset=utf-8")
	c.Set(fiber.HeaderContentDisposition, `attachment; filename="`+csvFilename(m)+`"`)
	return c.Send(buf.Bytes())
}

// csvFilename names a report's CSV: onward-outcomes-<scope>-<from>-<to>.csv,
// the scope being "platform", the organisation's id or the programme's,
// with any character but letters, digits, dots, dashes and underscores
// written as "_".
func csvFilename(m report.Model) string {
	scope := m.Period.Scope
	switch {
	case m.Period.Platform():
		scope = "platform"
	case m.View.Programme != "":
		scope = m.View.Programme
	}
	safe := strings.Map(func(r rune) rune {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '.', r == '-', r == '_':
			return r
		}
		return '_'
	}, scope)
	return "onward-outcomes-" + safe + "-" + m.Period.From.String() + "-" + m.Period.To.String() + ".csv"
}

// listShares answers GET /api/v1/insights/shares (listInsightsShares).
func (h *handlers) listShares(c *fiber.Ctx) error {
	p, err := principal(c)
	if err != nil {
		return err
	}
	shares, err := h.sharing.List(c.UserContext(), p)
	if err != nil {
		return err
	}
	out := api.InsightsShareList{Items: make([]api.InsightsShare, 0, len(shares))}
	for _, s := range shares {
		out.Items = append(out.Items, toInsightsShare(s))
	}
	return c.JSON(out)
}

// grantShare answers PUT /api/v1/insights/shares/{observer}
// (grantInsightsShare).
func (h *handlers) grantShare(c *fiber.Ctx) error {
	p, err := principal(c)
	if err != nil {
		return err
	}
	s, err := h.sharing.Grant(c.UserContext(), p, c.Params("observer"))
	if err != nil {
		return err
	}
	return c.JSON(toInsightsShare(s))
}

// revokeShare answers DELETE /api/v1/insights/shares/{observer}
// (revokeInsightsShare).
func (h *handlers) revokeShare(c *fiber.Ctx) error {
	p, err := principal(c)
	if err != nil {
		return err
	}
	if err := h.sharing.Revoke(c.UserContext(), p, c.Params("observer")); err != nil {
		return err
	}
	return c.SendStatus(fiber.StatusNoContent)
}
