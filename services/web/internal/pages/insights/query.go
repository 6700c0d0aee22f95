package insights

import (
	"net/url"
	"slices"
	"strings"

	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/api"
	"github.com/onward-jobs/onward/services/web/internal/kit"
)

// maxLines is how many steps the trend chart draws at once: four lines
// stay apart by colour, dash and marker.
const maxLines = 4

// defaultLines are the trend chart's lines until the reader chooses:
// people registered, asked to meet and hired.
var defaultLines = []string{"registered", "asked", "hired"}

// trendSteps are the steps a trend line can follow, in the funnel's
// order.
var trendSteps = []string{"registered", "consenting", "shortlisted", "asked", "accepted", "met", "hired"}

// reportQuery is what the report form asks for, as its address carries
// it: the report's parameters in the API's words, the trend chart's
// lines, and whether the CSV is wanted.
type reportQuery struct {
	Organisation, Programme, From, To, GroupBy string
	Lines                                      []string
	// LinesChosen is true when the reader chose the lines.
	LinesChosen, CSV bool
}

// readQuery reads the form. Unknown line steps are dropped, at most
// maxLines kept, and none chosen means the default ones.
func readQuery(c *fiber.Ctx) reportQuery {
	q := reportQuery{
		Organisation: strings.TrimSpace(c.Query("organisation")), Programme: strings.TrimSpace(c.Query("programme")),
		From: strings.TrimSpace(c.Query("from")), To: strings.TrimSpace(c.Query("to")),
		GroupBy: strings.TrimSpace(c.Query("group_by")), CSV: c.Query("format") == "csv",
	}
	for _, l := range kit.FormList(c, "line") {
		if slices.Contains(trendSteps, l) && !slices.Contains(q.Lines, l) && len(q.Lines) < maxLines {
			q.Lines = append(q.Lines, l)
		}
	}
	q.LinesChosen = len(q.Lines) > 0
	if !q.LinesChosen {
		q.Lines = defaultLines
	}
	return q
}

// params are the API's parameters for the query, in format.
func (q reportQuery) params(format api.GetOutcomesReportParamsFormat) *api.GetOutcomesReportParams {
	p := &api.GetOutcomesReportParams{Format: &format}
	p.Organisation, p.Programme, p.From, p.To = optional(q.Organisation), optional(q.Programme), optional(q.From), optional(q.To)
	if q.GroupBy != "" {
		g := api.InsightsDimension(q.GroupBy)
		p.GroupBy = &g
	}
	return p
}

// csvLink is the address of the same report as CSV: the API's
// parameters and format=csv, the months as the report drew them.
func (q reportQuery) csvLink(from, to string) string {
	vals := url.Values{}
	for name, value := range map[string]string{
		"organisation": q.Organisation, "programme": q.Programme, "group_by": q.GroupBy, "from": from, "to": to,
	} {
		if value != "" {
			vals.Set(name, value)
		}
	}
	vals.Set("format", "csv")
	return "/insights?" + vals.Encode()
}

// optional is nil for "", for the API's optional parameters.
func optional(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}
