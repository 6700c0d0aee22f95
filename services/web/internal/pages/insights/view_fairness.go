package insights

import (
	"github.com/onward-jobs/onward/pkg/api"
	"github.com/onward-jobs/onward/services/web/internal/kit"
)

// fairnessView is one dimension of the fairness comparison: its groups'
// rates of reaching a shortlist, a request to meet and a hire, out of
// those who consented to matching, with the flags of the four-fifths
// rule. It opens by itself when a group is flagged.
type fairnessView struct {
	ID, Name, FlagsText string
	Flags               int
	Table               tableView
}

// fairnessOf converts one dimension's comparisons for the page: a row
// per group, a column per step.
func fairnessOf(v *kit.View, l *labels, f api.FairnessDimension) fairnessView {
	name := v.T("InsightsDim_" + string(f.Dimension))
	fv := fairnessView{ID: "fairness-" + string(f.Dimension), Name: name}
	t := tableView{Caption: v.T("InsightsFairnessCaption", "Name", name), Corner: v.T("InsightsColGroup"), Class: "insights-table-even"}
	for _, c := range f.Comparisons {
		t.Columns = append(t.Columns, v.T("InsightsFair_"+string(c.Step)))
	}
	var groups []string
	if len(f.Comparisons) > 0 {
		for _, g := range f.Comparisons[0].Groups {
			groups = append(groups, g.Group)
		}
	}
	for _, group := range groups {
		row := rowView{Head: l.group(f.Dimension, group)}
		for _, c := range f.Comparisons {
			cell := cellView{Text: v.T("InsightsRateNotShown"), Hidden: true}
			for _, g := range c.Groups {
				if g.Group == group {
					cell = fairCell(v, l, f.Dimension, c, g)
				}
			}
			if cell.Flag != "" {
				row.Flagged = true
				fv.Flags++
			}
			row.Cells = append(row.Cells, cell)
		}
		t.Rows = append(t.Rows, row)
	}
	fv.Table = t
	if fv.Flags > 0 {
		fv.FlagsText = v.T("InsightsFlagCount", "Count", fv.Flags)
	}
	return fv
}

// fairCell is one group's rate on one step: the rate and the counts
// behind it, "at most" where only its upper bound is known and flagged,
// and a flag with the numbers behind it (the ratio to the best group's
// rate, and that rate).
func fairCell(v *kit.View, l *labels, d api.InsightsDimension, c api.FairnessComparison, g api.FairnessGroup) cellView {
	cell := cellView{Text: v.T("InsightsRateNotShown"), Hidden: true,
		Detail: v.T("InsightsOfBase", "Reached", countText(v, g.Reached), "Base", countText(v, g.Base))}
	if g.Base.Status != api.SuppressedCountStatusShown {
		cell.Detail = v.T("InsightsGroupTooSmall")
	}
	switch {
	case g.Known && g.Rate != nil:
		cell.Text, cell.Hidden = v.Percent(*g.Rate), false
		if c.Best != nil && *c.Best == g.Group {
			cell.Detail += " · " + v.T("InsightsBest")
		}
	case g.AtMost && g.Flagged && g.Rate != nil:
		cell.Text, cell.Hidden = v.T("InsightsAtMost", "Rate", v.Percent(*g.Rate)), false
	}
	if !g.Flagged || c.Best == nil || c.BestRate == nil || g.Ratio == nil {
		return cell
	}
	args := []any{"Ratio", v.Decimal(*g.Ratio, 2), "Rate", v.Percent(*c.BestRate), "Best", l.group(d, *c.Best)}
	if g.AtMost {
		cell.Flag = v.T("InsightsFlagAtMost", args...)
	} else {
		cell.Flag = v.T("InsightsFlag", args...)
	}
	if g.Group == groupUnknown {
		cell.Flag += " " + v.T("InsightsFlagUnknown")
	}
	return cell
}
