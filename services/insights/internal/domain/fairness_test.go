package domain

import "testing"

// fairnessReport builds a report of one funnel per group, with only the
// steps fairness reads, and an "all" group summing them.
func fairnessReport(counts map[string][3]int, order []string) (*Report, []GroupFunnel) {
	r := NewReport()
	var groups []GroupFunnel
	var all [4][]CellID
	for _, name := range order {
		c := counts[name]
		var f Funnel
		f[Consenting] = r.Cell(name+" consenting", c[0])
		f[Shortlisted] = r.Cell(name+" shortlisted", c[1])
		f[Asked] = r.Cell(name+" asked", c[2])
		f[Hired] = r.Cell(name+" hired", c[2])
		for i, s := range []Step{Consenting, Shortlisted, Asked, Hired} {
			all[i] = append(all[i], f[s])
		}
		groups = append(groups, GroupFunnel{Group: name, Funnel: f})
	}
	for i := range all {
		total := 0
		for _, id := range all[i] {
			total += r.Value(id)
		}
		r.Sum(r.Cell("all", total), all[i]...)
	}
	return r, groups
}

func TestCompareGroups(t *testing.T) {
	// consenting, shortlisted, asked (= hired)
	counts := map[string][3]int{
		"transition house": {100, 60, 30},
		"detention house":  {100, 40, 20}, // 40% < 4/5 of 60%: flagged
		"released":         {50, 45, 2},   // 90%, but its base is the complement of "not known"
		"probation":        {80, 3, 3},    // at most 4/80 = 5%: flagged as at most
		"not known":        {4, 2, 1},     // base fewer than 5: no rate
	}
	order := []string{"transition house", "detention house", "released", "probation", "not known"}
	r, groups := fairnessReport(counts, order)
	res, err := Suppress(r)
	if err != nil {
		t.Fatal(err)
	}
	assertSafe(t, r, res, "fairness")
	short := CompareGroups(res, groups)[0]
	if short.Measure != Shortlisted {
		t.Fatalf("first measure %s", short.Measure)
	}
	byGroup := map[string]GroupRate{}
	for _, g := range short.Groups {
		byGroup[g.Group] = g
		known, _ := res.Rate(groups[indexOf(order, g.Group)].Funnel[Shortlisted], groups[indexOf(order, g.Group)].Funnel[Consenting])
		if g.Known && g.Rate != known {
			t.Errorf("%s: rate %v, the result says %v", g.Group, g.Rate, known)
		}
	}
	if !byGroup["detention house"].Flagged || byGroup["transition house"].Flagged {
		t.Errorf("flags: %+v", short)
	}
	if p := byGroup["probation"]; !p.AtMost || !p.Flagged || p.Rate != (Rate{4, 80}) {
		t.Errorf("probation: %+v", p)
	}
	if n := byGroup["not known"]; n.Known || n.AtMost || n.Flagged {
		t.Errorf("not known: %+v", n)
	}
	if r := byGroup["released"]; r.Known || short.Best != "transition house" || short.BestRate != (Rate{60, 100}) {
		t.Errorf("a group with a hidden base set the bar: best %s %v, released %+v", short.Best, short.BestRate, r)
	}
}

func TestSuppressedGroupIsNeverTheBest(t *testing.T) {
	// "small" has 4 of 5 shortlisted (80%), but 4 is fewer than 5.
	counts := map[string][3]int{"big": {100, 50, 10}, "small": {5, 4, 0}, "other": {40, 30, 10}}
	order := []string{"big", "small", "other"}
	r, groups := fairnessReport(counts, order)
	res, err := Suppress(r)
	if err != nil {
		t.Fatal(err)
	}
	short := CompareGroups(res, groups)[0]
	if short.Best == "small" {
		t.Fatalf("a suppressed group set the bar: %+v", short)
	}
	for _, g := range short.Groups {
		if g.Group == "small" && g.Known {
			t.Errorf("small's rate is shown: %+v", g)
		}
	}
}

func TestNoFlagsWithoutABest(t *testing.T) {
	counts := map[string][3]int{"a": {10, 0, 0}, "b": {12, 0, 0}}
	r, groups := fairnessReport(counts, []string{"a", "b"})
	res, err := Suppress(r)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range CompareGroups(res, groups) {
		if c.Best != "" {
			t.Errorf("%s: best %q with nobody there", c.Measure, c.Best)
		}
		for _, g := range c.Groups {
			if g.Flagged {
				t.Errorf("%s: %s flagged", c.Measure, g.Group)
			}
		}
	}
}

func TestFourFifthsIsExact(t *testing.T) {
	best := Rate{50, 100}
	if (Rate{40, 100}).BelowFourFifthsOf(best) {
		t.Error("exactly four fifths flagged")
	}
	if !(Rate{399, 1000}).BelowFourFifthsOf(best) {
		t.Error("39.9% against 50% not flagged")
	}
}

func indexOf(xs []string, x string) int {
	for i, y := range xs {
		if y == x {
			return i
		}
	}
	return -1
}
