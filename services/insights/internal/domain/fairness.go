package domain

// FairnessBase is the step every fairness rate is taken over: candidates
// who consented to matching, since nobody else can be shortlisted, asked
// to meet or hired through Onward. Rates between later steps (asked of
// those shortlisted, say) are the funnel's conversions.
const FairnessBase = Consenting

// FairnessMeasures are the steps whose rates are compared between groups:
// reaching a shortlist, being asked to meet, and being hired.
var FairnessMeasures = []Step{Shortlisted, Asked, Hired}

// GroupFunnel is one group of a dimension (a setting, a country, "not
// known") with the report cells of its funnel.
type GroupFunnel struct {
	// Group is the group's name, as the report prints it.
	Group string
	// Funnel names the group's cells; fairness reads FairnessBase and
	// the FairnessMeasures.
	Funnel Funnel
}

// GroupRate is one group's rate in a fairness comparison.
type GroupRate struct {
	// Group is the group's name, as given.
	Group string
	// Rate is the group's rate when Known, or its upper bound when AtMost;
	// otherwise it is zero and says nothing.
	Rate Rate
	// Known means both counts are shown, so the rate is exact.
	Known bool
	// AtMost means the group's count at the step is fewer than 5 while its
	// base is shown, so a reader knows the rate is at most 4 over the base,
	// and Rate holds that bound. Nothing more is known of it.
	AtMost bool
	// Flagged means the rate (or, when AtMost, even its upper bound) is
	// below four fifths of the best group's rate.
	Flagged bool
	// Ratio is Rate divided by the best rate (an upper bound when AtMost),
	// or 0 when there is no best rate.
	Ratio float64
}

// FairnessComparison compares the groups of a dimension on one measure.
type FairnessComparison struct {
	// Measure is the step whose rate over FairnessBase is compared.
	Measure Step
	// Best is the group with the highest known rate, the reference of the
	// four-fifths rule, or "" when no group's rate is known and above zero.
	Best string
	// BestRate is Best's rate, the bar the others are held to.
	BestRate Rate
	// Groups holds a rate for every group, in the order given.
	Groups []GroupRate
}

// CompareGroups compares the groups on every fairness measure. A rate is
// shown only when the Result shows its counts, and only such a rate can
// be the best, so a suppressed group neither leaks nor sets the bar. A
// group whose count is fewer than 5 while its base is shown is flagged
// only when even 4 over its base is below four fifths of the best rate;
// that bound is what a reader can work out anyway. A group whose count is
// hidden as a complement, or whose base is not shown, gets no rate and no
// flag. A flag is a question to look into, not a verdict (docs/insights.md).
func CompareGroups(res *Result, groups []GroupFunnel) []FairnessComparison {
	out := make([]FairnessComparison, 0, len(FairnessMeasures))
	for _, m := range FairnessMeasures {
		out = append(out, compareOn(res, groups, m))
	}
	return out
}

func compareOn(res *Result, groups []GroupFunnel, measure Step) FairnessComparison {
	cmp := FairnessComparison{Measure: measure, Groups: make([]GroupRate, len(groups))}
	for i, g := range groups {
		row := GroupRate{Group: g.Group}
		base, baseShown := res.Count(g.Funnel[FairnessBase])
		if rate, ok := res.Rate(g.Funnel[measure], g.Funnel[FairnessBase]); ok {
			row.Rate, row.Known = rate, true
			if cmp.Best == "" || cmp.BestRate.Less(rate) {
				cmp.Best, cmp.BestRate = g.Group, rate
			}
		} else if baseShown && base > 0 && res.Status(g.Funnel[measure]) == FewerThanFive {
			row.Rate, row.AtMost = Rate{Num: MinCount - 1, Den: base}, true
		}
		cmp.Groups[i] = row
	}
	if cmp.BestRate.Num == 0 {
		cmp.Best, cmp.BestRate = "", Rate{}
		return cmp
	}
	for i := range cmp.Groups {
		row := &cmp.Groups[i]
		if row.Known || row.AtMost {
			row.Ratio = row.Rate.RatioTo(cmp.BestRate)
			row.Flagged = row.Rate.BelowFourFifthsOf(cmp.BestRate)
		}
	}
	return cmp
}
