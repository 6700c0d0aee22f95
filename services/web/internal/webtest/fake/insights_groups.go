package fake

import (
	"encoding/csv"
	"net/http"
	"slices"
	"strconv"

	"github.com/onward-jobs/onward/pkg/api"
)

// insightsGroup is one group of a dimension in the fake's reports: the
// people who consented to matching, and how many of them reached a
// shortlist, a request to meet and a hire.
type insightsGroup struct {
	value   string
	base    int
	reached [3]int
}

// insightsGroups are each dimension's groups. In the settings, people in
// detention houses are flagged (30% reached a shortlist against 50% from
// transition houses), people on probation are flagged "at most" (fewer
// than 5 of 12), and the few whose setting is not known show no rate.
var insightsGroups = map[api.InsightsDimension][]insightsGroup{
	"setting": {
		{"transition_house", 40, [3]int{20, 12, 8}}, {"detention_house", 30, [3]int{9, 5, 3}},
		{"released", 20, [3]int{9, 6, 4}}, {"probation", 12, [3]int{3, 2, 1}}, {"unknown", 3, [3]int{1, 0, 0}},
	},
	"programme_kind": {{"coffee_roastery", 45, [3]int{22, 12, 7}}, {"catering", 38, [3]int{17, 9, 6}}, {"none", 6, [3]int{1, 0, 0}}},
	"country":        {{"BE", 92, [3]int{40, 22, 14}}, {"NL", 10, [3]int{4, 1, 1}}, {"unknown", 3, [3]int{0, 0, 0}}},
	"region": {
		{"BE.VLG", 55, [3]int{26, 15, 9}}, {"BE.BRU", 21, [3]int{8, 4, 3}}, {"BE.WAL", 16, [3]int{6, 3, 2}},
		{"NL.07", 10, [3]int{4, 1, 1}}, {"unknown", 3, [3]int{0, 0, 0}},
	},
	"urban":      {{"urban", 60, [3]int{28, 16, 10}}, {"town", 30, [3]int{12, 6, 4}}, {"rural", 12, [3]int{4, 1, 1}}, {"unknown", 3, [3]int{0, 0, 0}}},
	"contract":   {{"permanent", 30, [3]int{30, 14, 6}}, {"fixed_term", 25, [3]int{25, 10, 5}}, {"day_release", 15, [3]int{15, 6, 2}}},
	"occupation": {{"barista", 28, [3]int{28, 12, 6}}, {"kitchen-assistant", 22, [3]int{22, 9, 4}}},
}

// groupsOf are the groups of d in the scope: for programmes those of the
// scope's organisation (or every known one on the platform) and "none",
// for organisations the programme organisations the fake knows.
func (f *Insights) groupsOf(d api.InsightsDimension, scope insightsScope) []insightsGroup {
	var ids []string
	switch d {
	case "programme":
		for id, org := range f.Programmes {
			if scope.kind == "platform" || org == scope.org {
				ids = append(ids, id)
			}
		}
		slices.Sort(ids)
		ids = append(ids, "none")
	case "organisation":
		for id, o := range f.Orgs {
			if o.Kind == "programme" {
				ids = append(ids, id)
			}
		}
		slices.Sort(ids)
	default:
		return insightsGroups[d]
	}
	out := make([]insightsGroup, 0, len(ids))
	for i, id := range ids {
		base := 36 - 9*i
		out = append(out, insightsGroup{value: id, base: max(base, 4), reached: [3]int{base / 2, base / 4, base / 6}})
	}
	return out
}

// fairnessOf compares the groups of d as the service does: a rate only
// where both counts are shown, the best such rate the bar, a flag below
// four fifths of it, and "at most" 4 over the base where the count is
// fewer than 5 and the base shown.
func fairnessOf(d api.InsightsDimension, groups []insightsGroup) api.FairnessDimension {
	out := api.FairnessDimension{Dimension: d}
	for j, step := range []api.FairnessComparisonStep{"shortlisted", "asked", "hired"} {
		cmp := api.FairnessComparison{Step: step}
		var best float64
		for _, g := range groups {
			row := api.FairnessGroup{Group: g.value, Base: countOf(g.base), Reached: countOf(g.reached[j])}
			switch {
			case g.base >= 5 && g.reached[j] >= 5:
				rate := float64(g.reached[j]) / float64(g.base)
				row.Rate, row.Known = &rate, true
				if rate > best {
					best, cmp.Best = rate, &g.value
				}
			case g.base >= 5:
				bound := 4 / float64(g.base)
				row.Rate, row.AtMost = &bound, true
			}
			cmp.Groups = append(cmp.Groups, row)
		}
		if best > 0 {
			cmp.BestRate = &best
			for i := range cmp.Groups {
				if r := cmp.Groups[i].Rate; r != nil {
					ratio := *r / best
					cmp.Groups[i].Ratio, cmp.Groups[i].Flagged = &ratio, ratio < 0.8
				}
			}
		}
		out.Comparisons = append(out.Comparisons, cmp)
	}
	return out
}

// writeReportCSV answers the report as the service's CSV: one row per
// published number, suppressed ones in words.
func writeReportCSV(w http.ResponseWriter, scope insightsScope, rep api.OutcomesReport) {
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", csvDisposition(scope, rep))
	out := csv.NewWriter(w)
	_ = out.Write([]string{"table", "group", "month", "step", "count"})
	write := func(table, group, month string, s api.FunnelStepCount) {
		_ = out.Write([]string{table, group, month, string(s.Step), csvCount(s.Count)})
	}
	for _, g := range rep.Funnel {
		for _, s := range g.Steps {
			write("funnel", g.Group, "", s)
		}
	}
	for _, m := range rep.Trends {
		for _, s := range m.Steps {
			write("trends", "all", m.Month, s)
		}
	}
	out.Flush()
}

// csvCount writes a published count as the CSV does.
func csvCount(c api.SuppressedCount) string {
	switch {
	case c.Value != nil:
		return strconv.Itoa(*c.Value)
	case c.Status == api.SuppressedCountStatusFewerThan5:
		return "fewer than 5"
	}
	return "not shown"
}
