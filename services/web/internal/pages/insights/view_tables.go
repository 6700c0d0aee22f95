package insights

import (
	"slices"

	"github.com/onward-jobs/onward/pkg/api"
	"github.com/onward-jobs/onward/services/web/internal/kit"
)

// tableView is one table: a caption, the heading of its row headers'
// column (Corner), the other columns' headings, and its rows. On a phone
// each row becomes a card whose cells carry their column's heading.
type tableView struct {
	Caption, Corner string
	// Class sets the table apart in the stylesheet: insights-table-even
	// gives its columns after the first equal widths.
	Class string
	// ScrollID names the caption of a table wide enough to scroll
	// sideways on a wide screen, whose box keyboard users can then
	// focus and scroll.
	ScrollID string
	Columns  []string
	Rows     []rowView
}

// rowView is one row: its header and its cells.
type rowView struct {
	Head  string
	Cells []cellView
	// Flagged marks a row with a flag in it.
	Flagged bool
}

// cellView is one cell: its text, a detail under it, a flag's words,
// and whether it stands for a hidden count.
type cellView struct {
	Text, Detail, Flag string
	Hidden             bool
}

// groupsTables table every group's funnel, the total first: the steps to
// a hire in one table, the days in work after it in another, so neither
// is wider than a page.
func groupsTables(v *kit.View, l *labels, d api.InsightsDimension, groups []api.FunnelGroup) []tableView {
	name := v.T("InsightsDim_" + string(d))
	toHire := tableView{Caption: v.T("InsightsGroupsCaption", "Name", name), Corner: name, ScrollID: "groups-caption"}
	inWork := tableView{Caption: v.T("InsightsGroupsWorkCaption", "Name", name), Corner: name, ScrollID: "groups-work-caption"}
	for i, g := range groups {
		hire, work := rowView{Head: l.group(d, g.Group)}, rowView{Head: l.group(d, g.Group)}
		for _, s := range g.Steps {
			t, row := &inWork, &work
			if slices.Contains(funnelSteps, s.Step) {
				t, row = &toHire, &hire
			}
			if i == 0 {
				t.Columns = append(t.Columns, v.T("InsightsStep_"+string(s.Step)))
			}
			row.Cells = append(row.Cells, hiddenCell(v, s.Count))
		}
		toHire.Rows, inWork.Rows = append(toHire.Rows, hire), append(inWork.Rows, work)
	}
	if len(inWork.Columns) == 0 {
		return []tableView{toHire}
	}
	return []tableView{toHire, inWork}
}

// medianSteps are the medians' steps, in the table's order.
var medianSteps = []api.MedianDaysStep{"shortlisted", "asked", "hired"}

// mediansTable tables the median days from registration to each step,
// per group, with how many people stand behind each.
func mediansTable(v *kit.View, l *labels, d api.InsightsDimension, groups []api.MedianGroup) tableView {
	t := tableView{Caption: v.T("InsightsMediansCaption"), Corner: v.T("InsightsColGroup")}
	for _, s := range medianSteps {
		t.Columns = append(t.Columns, v.T("InsightsMedian_"+string(s)))
	}
	for _, g := range groups {
		row := rowView{Head: l.group(d, g.Group)}
		for _, s := range medianSteps {
			cell := cellView{Text: v.T("InsightsNotShown"), Hidden: true}
			for _, m := range g.Medians {
				if m.Step != s {
					continue
				}
				if m.Days != nil {
					cell = cellView{Text: v.T("InsightsDays", "Count", int(*m.Days+0.5))}
				}
				cell.Detail = v.T("InsightsPeopleBehind", "Text", countText(v, m.People))
			}
			row.Cells = append(row.Cells, cell)
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}

// employersTable tables each employer's requests, acceptances, meetings,
// hires and retention, by name where the reader may read it.
func employersTable(v *kit.View, l *labels, employers []api.EmployerOutcomes) *tableView {
	t := &tableView{Caption: v.T("InsightsEmployersCaption"), Corner: v.T("InsightsColEmployer"), ScrollID: "employers-caption"}
	for _, s := range employers[0].Steps {
		t.Columns = append(t.Columns, v.T("InsightsStep_"+string(s.Step)))
	}
	for _, e := range employers {
		row := rowView{Head: l.employer(e.EmployerOrgID)}
		for _, s := range e.Steps {
			row.Cells = append(row.Cells, hiddenCell(v, s.Count))
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}
