package insights

import (
	"fmt"
	"html/template"
	"slices"
	"strconv"
	"strings"

	"github.com/onward-jobs/onward/pkg/api"
	"github.com/onward-jobs/onward/services/web/internal/kit"
)

// funnelSteps are the steps the funnel chart draws; the days in work
// after a hire are the retention chart's.
var funnelSteps = []api.InsightsStep{"registered", "consenting", "shortlisted", "asked", "accepted", "met", "hired"}

// funnelChart draws the total's funnel, and tables every step with its
// share of the step before.
func funnelChart(v *kit.View, total api.FunnelGroup) chartView {
	ch := chartView{ID: "chart-funnel", Heading: v.T("InsightsFunnelHeading"), Lead: v.T("InsightsFunnelLead")}
	var bars []bar
	var said []string
	ch.Table = tableView{Caption: v.T("InsightsFunnelCaption"), Corner: v.T("InsightsColStep"),
		Columns: []string{v.T("InsightsColPeople"), v.T("InsightsColConversion")}}
	for i, s := range total.Steps {
		label := v.T("InsightsStep_" + string(s.Step))
		conversion := cellView{Text: v.T("InsightsNotShown"), Hidden: true}
		switch {
		case s.Conversion != nil:
			conversion = cellView{Text: v.Percent(*s.Conversion)}
		case i == 0:
			conversion = cellView{Text: v.T("InsightsFirstStep"), Hidden: true}
		}
		ch.Table.Rows = append(ch.Table.Rows, rowView{Head: label, Cells: []cellView{hiddenCell(v, s.Count), conversion}})
		if slices.Contains(funnelSteps, s.Step) {
			b := barOf(v, label, s.Count)
			bars = append(bars, b)
			said = append(said, b.Label+": "+b.Text)
		}
	}
	ch.SVG = funnelSVG(ch.ID, ch.Heading, strings.Join(said, "; ")+".", bars)
	ch.Note = v.T("InsightsHiddenNote")
	return ch
}

// retentionChart draws, for 30, 90 and 180 days after a hire, how many
// were working, not working or not known.
func retentionChart(v *kit.View, days []api.RetentionCount) chartView {
	ch := chartView{ID: "chart-retention", Heading: v.T("InsightsRetentionHeading"), Lead: v.T("InsightsRetentionLead")}
	states := []string{v.T("InsightsWorking"), v.T("InsightsNotWorking"), v.T("InsightsNotKnown")}
	ch.Table = tableView{Caption: v.T("InsightsRetentionCaption"), Corner: v.T("InsightsColAfter"), Columns: states}
	var rows []retentionRow
	var said []string
	for _, d := range days {
		label := v.T("InsightsAfterDays", "Count", int(d.Day))
		r := retentionRow{Label: label}
		cells := make([]cellView, 0, 3)
		for k, c := range []api.SuppressedCount{d.Working, d.NotWorking, d.Unknown} {
			r.Parts[k] = barOf(v, states[k], c)
			cells = append(cells, hiddenCell(v, c))
		}
		rows = append(rows, r)
		ch.Table.Rows = append(ch.Table.Rows, rowView{Head: label, Cells: cells})
		said = append(said, fmt.Sprintf("%s: %s %s, %s %s, %s %s", label, states[0], r.Parts[0].Text, states[1], r.Parts[1].Text, states[2], r.Parts[2].Text))
	}
	ch.SVG = retentionSVG(ch.ID, ch.Heading, strings.Join(said, "; ")+".", v.T("InsightsSharesHidden"), rows)
	ch.Note = v.T("InsightsRetentionNote")
	return ch
}

// trendChart draws a line per chosen step over the months, and tables
// every step per month.
func trendChart(v *kit.View, months []api.TrendMonth, chosen []string) chartView {
	ch := chartView{ID: "chart-trend", Heading: v.T("InsightsTrendHeading"), Lead: v.T("InsightsTrendLead")}
	var steps []api.InsightsStep
	if len(months) > 0 {
		for _, s := range months[0].Steps {
			steps = append(steps, s.Step)
		}
	}
	ch.Table = tableView{Caption: v.T("InsightsTrendCaption"), Corner: v.T("InsightsColMonth"), ScrollID: "trend-caption"}
	for _, s := range steps {
		ch.Table.Columns = append(ch.Table.Columns, v.T("InsightsStep_"+string(s)))
	}
	ticks := make([]monthTick, 0, len(months))
	picked := chosenSteps(chosen, steps)
	lines := make([]series, 0, len(picked))
	for _, step := range picked {
		lines = append(lines, series{Label: v.T("InsightsStep_" + string(step))})
	}
	for _, m := range months {
		year, n, _ := splitMonth(m.Month)
		ticks = append(ticks, monthTick{Short: v.T("InsightsMonthShort_" + strconv.Itoa(n)), Year: year})
		row := rowView{Head: monthName(v, m.Month)}
		for _, s := range m.Steps {
			row.Cells = append(row.Cells, hiddenCell(v, s.Count))
		}
		ch.Table.Rows = append(ch.Table.Rows, row)
		for k := range lines {
			lines[k].Points = append(lines[k].Points, pointOf(v, m.Steps, picked[k]))
		}
	}
	said := make([]string, 0, len(lines))
	for k, s := range lines {
		said = append(said, trendSays(v, s))
		ch.Legend = append(ch.Legend, legendItem{Label: s.Label, Swatch: lineSwatch(lineStyles[k%len(lineStyles)])})
	}
	ch.SVG = trendSVG(ch.ID, ch.Heading, v.T("InsightsTrendDesc", "Count", len(months))+" "+strings.Join(said, " "), ticks, lines)
	ch.Note = v.T("InsightsGapNote")
	return ch
}

// trendSays describes a line in words, from its shown months only: its
// lowest and highest count a month, and how many months are hidden.
func trendSays(v *kit.View, s series) string {
	low, high, hidden := -1, 0, 0
	for _, p := range s.Points {
		switch {
		case !p.Shown:
			hidden++
		case low < 0 || p.Value < low:
			low, high = p.Value, max(high, p.Value)
		default:
			high = max(high, p.Value)
		}
	}
	if low < 0 {
		return v.T("InsightsTrendAllHidden", "Name", s.Label)
	}
	return v.T("InsightsTrendSays", "Name", s.Label, "From", v.Number(low), "To", v.Number(high), "Count", hidden)
}

// chosenSteps are the chosen steps the report has, in the order chosen.
func chosenSteps(chosen []string, have []api.InsightsStep) []api.InsightsStep {
	var out []api.InsightsStep
	for _, s := range chosen {
		if slices.Contains(have, api.InsightsStep(s)) {
			out = append(out, api.InsightsStep(s))
		}
	}
	return out
}

// pointOf is a month's count of step, hidden when the month lacks it.
func pointOf(v *kit.View, steps []api.FunnelStepCount, step api.InsightsStep) bar {
	for _, s := range steps {
		if s.Step == step {
			return barOf(v, "", s.Count)
		}
	}
	return bar{}
}

// lineSwatch shows a trend line's colour, dash and marker.
func lineSwatch(st lineStyle) template.HTML {
	dash := ""
	if st.Dash != "" {
		dash = ` stroke-dasharray="` + st.Dash + `"`
	}
	return template.HTML(`<svg width="34" height="14" viewBox="0 0 34 14" aria-hidden="true" focusable="false">` + //nolint:gosec // constant drawing.
		`<line x1="1" x2="33" y1="7" y2="7" stroke="` + st.Colour + `" stroke-width="2.5"` + dash + `/>` + marker(st, 17, 7) + `</svg>`)
}
