package insights

import (
	"errors"
	"net/http"
	"strings"

	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/api"
	"github.com/onward-jobs/onward/services/web/internal/kit"
)

// csvDisposition is used when the API names no file.
const csvDisposition = `attachment; filename="onward-outcomes.csv"`

// reportFields are the report form's fields the API may refuse, in the
// form's order.
var reportFields = []string{"organisation", "programme", "from", "to", "group_by"}

// reportPage is what the report page shows: the form with its choices,
// and the report when there is one.
type reportPage struct {
	choices
	GroupBys    []kit.Choice
	Lines       []kit.Choice
	LinesChosen bool
	// OwnID is an observer's own organisation id, which programme
	// organisations share with.
	OwnID  string
	Report *reportView
}

// Report is GET /insights: the form, and the report it asks for; with
// format=csv, the report's CSV as the API writes it. A parameter the API
// refuses is shown beside its field, with no report.
func (p *Pages) Report(c *fiber.Ctx) error {
	v := p.k.NewView(c, "/insights")
	q := readQuery(c)
	ch, err := p.loadChoices(c, v, &q)
	if err != nil {
		return p.failed(c, err)
	}
	a := kit.ActorOf(c)
	d := &reportPage{choices: ch, OwnID: a.OrgID, Lines: kit.Choices(v, "InsightsStep_", trendSteps, q.Lines...), LinesChosen: q.LinesChosen,
		GroupBys: groupByChoices(v, a.IsAdmin() && q.Organisation == "", q.GroupBy)}
	v.Data = d
	v.Form["from"], v.Form["to"] = q.From, q.To
	if ch.NoShares {
		return p.templates.Render(c, fiber.StatusOK, "report", v)
	}
	if q.CSV {
		err = p.streamCSV(c, q)
	} else {
		err = p.drawReport(c, v, q, d)
	}
	if status, ok := formProblem(v, err); ok {
		return p.templates.Render(c, status, "report", v)
	}
	if err != nil {
		return p.failed(c, err)
	}
	return nil
}

// drawReport asks the API for the report and draws it, its months in the
// form as the report counted them.
func (p *Pages) drawReport(c *fiber.Ctx, v *kit.View, q reportQuery, d *reportPage) error {
	resp, err := p.k.API.GetOutcomesReportWithResponse(kit.Ctx(c), q.params(api.GetOutcomesReportParamsFormatJSON))
	if err != nil {
		return err
	}
	d.Report = p.reportView(c, v, q, d.choices, *resp.JSON200)
	v.Form["from"], v.Form["to"] = d.Report.From, d.Report.To
	return p.templates.Render(c, fiber.StatusOK, "report", v)
}

// streamCSV passes the API's CSV through as a download, under the API's
// file name: the web app never writes its own.
func (p *Pages) streamCSV(c *fiber.Ctx, q reportQuery) error {
	resp, err := p.k.RawAPI.GetOutcomesReport(kit.Ctx(c), q.params(api.GetOutcomesReportParamsFormatCsv))
	if err != nil {
		return err
	}
	disposition := resp.Header.Get(fiber.HeaderContentDisposition)
	if !strings.HasPrefix(disposition, "attachment") {
		disposition = csvDisposition
	}
	c.Set(fiber.HeaderContentType, "text/csv; charset=utf-8")
	c.Set(fiber.HeaderContentDisposition, disposition)
	c.Set(fiber.HeaderCacheControl, "no-store")
	c.Set(fiber.HeaderXContentTypeOptions, "nosniff")
	// Fiber reads the body after the handler returns and closes it.
	return c.SendStream(resp.Body, int(resp.ContentLength))
}

// formProblem puts the API's refusal of the report's parameters beside
// their fields, in plain words of this page (the API writes its reasons
// in English for its clients). It returns the status to answer with, and
// false for anything but a refusal.
func formProblem(v *kit.View, err error) (int, bool) {
	var ap *kit.Problem
	if !errors.As(err, &ap) || ap.Status != http.StatusBadRequest {
		return 0, false
	}
	for _, field := range reportFields {
		for _, fe := range ap.Errors {
			if fe.Field == field {
				v.AddError(field, v.T("InsightsErr_"+field))
			}
		}
	}
	v.Alert = v.T("InsightsErrCheck")
	return fiber.StatusUnprocessableEntity, true
}
