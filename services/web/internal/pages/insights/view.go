package insights

import (
	"html/template"
	"strconv"
	"strings"

	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/api"
	"github.com/onward-jobs/onward/services/web/internal/kit"
)

// reportView is one report as the page shows it: a line saying what it
// covers, its charts with their tables, and the tables of medians,
// fairness and employers. Every count is written as the API published
// it; nothing is worked out from a hidden one.
type reportView struct {
	Lead, AsOf string
	// From and To are the report's months (YYYY-MM), for the form.
	From, To string
	CSV      string
	Withheld bool
	// Charts are the funnel, retention and trend charts.
	Charts []chartView
	// Groups is the funnel of each group of the chosen dimension, with a
	// note when the groups overlap.
	Groups     []tableView
	GroupsNote string
	Medians    tableView
	Fairness   []fairnessView
	Employers  *tableView
}

// chartView is one chart: its heading and one sentence, the SVG, a
// legend when its parts differ, a note, and the table it is drawn from.
type chartView struct {
	ID, Heading, Lead, Note string
	SVG                     template.HTML
	Legend                  []legendItem
	Table                   tableView
}

// legendItem is one entry of a legend: a small drawing of how the part
// looks, and its name.
type legendItem struct {
	Swatch template.HTML
	Label  string
}

// reportView converts the API's report for the page.
func (p *Pages) reportView(c *fiber.Ctx, v *kit.View, q reportQuery, ch choices, rep api.OutcomesReport) *reportView {
	l := &labels{v: v, programmes: ch.programmeNames, organisations: ch.orgNames}
	l.occupations = p.occupationNames(c, v.Lang, occupationGroups(rep))
	if rep.Employers != nil && len(*rep.Employers) > 0 {
		ids := make([]string, 0, len(*rep.Employers))
		for _, e := range *rep.Employers {
			ids = append(ids, e.EmployerOrgID)
		}
		l.employers = p.employerNames(c, ids)
	}
	r := &reportView{
		Lead: v.T("InsightsLeadLine", "Name", scopeName(l, rep.Scope), "From", monthName(v, rep.From), "To", monthName(v, rep.To)),
		AsOf: v.T("InsightsAsOf", "Date", v.DateTime(rep.AsOf)), From: rep.From, To: rep.To,
		CSV: q.csvLink(rep.From, rep.To), Withheld: rep.Withheld,
	}
	if rep.Withheld {
		return r
	}
	var total api.FunnelGroup
	if len(rep.Funnel) > 0 {
		total = rep.Funnel[0]
	}
	r.Charts = []chartView{funnelChart(v, total), retentionChart(v, total.Retention), trendChart(v, rep.Trends, q.Lines)}
	dim := api.InsightsDimension("")
	if rep.GroupBy != nil {
		dim = *rep.GroupBy
		r.Groups = groupsTables(v, l, dim, rep.Funnel)
		if kit.Deref(rep.Overlapping) {
			r.GroupsNote = v.T("InsightsGroupsOverlap")
		}
	}
	r.Medians = mediansTable(v, l, dim, rep.Medians)
	for _, f := range rep.Fairness {
		r.Fairness = append(r.Fairness, fairnessOf(v, l, f))
	}
	if rep.Employers != nil && len(*rep.Employers) > 0 {
		r.Employers = employersTable(v, l, *rep.Employers)
	}
	return r
}

// occupationGroups are the occupation ids a report names: its fairness
// comparison's and, when split by occupation, its funnel's.
func occupationGroups(rep api.OutcomesReport) []string {
	var ids []string
	if rep.GroupBy != nil && *rep.GroupBy == api.InsightsDimensionOccupation {
		for _, g := range rep.Funnel {
			ids = append(ids, g.Group)
		}
	}
	for _, f := range rep.Fairness {
		if f.Dimension == api.InsightsDimensionOccupation && len(f.Comparisons) > 0 {
			for _, g := range f.Comparisons[0].Groups {
				ids = append(ids, g.Group)
			}
		}
	}
	return ids
}

// scopeName names what a report covers: the platform, an organisation,
// or a programme of one.
func scopeName(l *labels, s api.InsightsScope) string {
	org := kit.Deref(s.OrganisationID)
	switch s.Kind {
	case api.InsightsScopeKindPlatform:
		return l.v.T("InsightsWholePlatform")
	case api.InsightsScopeKindProgramme:
		return l.v.T("InsightsProgrammeOf", "Name", l.group(api.InsightsDimensionProgramme, kit.Deref(s.ProgrammeID)),
			"Org", l.group(api.InsightsDimensionOrganisation, org))
	}
	return l.group(api.InsightsDimensionOrganisation, org)
}

// monthName writes a month (YYYY-MM) as the reader's language does:
// March 2026.
func monthName(v *kit.View, month string) string {
	year, m, ok := splitMonth(month)
	if !ok {
		return month
	}
	return v.T("InsightsMonthYear", "Month", v.T("Month_"+strconv.Itoa(m)), "Year", year)
}

// splitMonth reads YYYY-MM.
func splitMonth(month string) (year string, m int, ok bool) {
	year, mm, found := strings.Cut(month, "-")
	n, err := strconv.Atoi(mm)
	if !found || err != nil || n < 1 || n > 12 {
		return "", 0, false
	}
	return year, n, true
}

// countText writes a published count: the number, or the words for a
// hidden one.
func countText(v *kit.View, c api.SuppressedCount) string {
	switch {
	case c.Status == api.SuppressedCountStatusShown && c.Value != nil:
		return v.Number(*c.Value)
	case c.Status == api.SuppressedCountStatusFewerThan5:
		return v.T("InsightsFewerThan5")
	}
	return v.T("InsightsNotShown")
}

// barOf is a published count as a chart's bar.
func barOf(v *kit.View, label string, c api.SuppressedCount) bar {
	b := bar{Label: label, Text: countText(v, c)}
	if c.Status == api.SuppressedCountStatusShown && c.Value != nil {
		b.Value, b.Shown = *c.Value, true
	}
	return b
}

// hiddenCell is a table's cell for a hidden count, which the stylesheet
// sets apart in more than colour (italic).
func hiddenCell(v *kit.View, c api.SuppressedCount) cellView {
	return cellView{Text: countText(v, c), Hidden: c.Status != api.SuppressedCountStatusShown}
}
