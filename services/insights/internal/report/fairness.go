package report

import "github.com/onward-jobs/onward/services/insights/internal/domain"

// FairnessGroup is one group's rate in a comparison, with the counts
// behind it as published.
type FairnessGroup struct {
	domain.GroupRate
	// Base is the group's consenting people and Reached those of them who
	// reached the step.
	Base, Reached Count
}

// FairnessComparison compares a dimension's groups on one step.
type FairnessComparison struct {
	Step     domain.Step
	Best     string
	BestRate domain.Rate
	Groups   []FairnessGroup
}

// FairnessDimension is the comparison of one dimension's groups on every
// fairness step.
type FairnessDimension struct {
	Dimension   domain.Dimension
	Comparisons []FairnessComparison
}

// FairnessDimensions returns the dimensions a period's fairness covers:
// every dimension of a person. A role's contract kind and occupation have
// no consenting base (a person is in their groups only once asked to
// meet), so their groups are compared in the funnel's conversions
// instead.
func (p Period) FairnessDimensions() []domain.Dimension {
	var out []domain.Dimension
	for _, d := range p.Dimensions() {
		if !d.RoleBound() {
			out = append(out, d)
		}
	}
	return out
}

// fairness compares the groups of every fairness dimension
// (domain.CompareGroups), over the people who consented to matching.
func (s *Suppressed) fairness() []FairnessDimension {
	var out []FairnessDimension
	for _, d := range s.period.FairnessDimensions() {
		groups := s.groups[d]
		funnels := make([]domain.GroupFunnel, len(groups))
		for i, g := range groups {
			funnels[i].Group = g
			copy(funnels[i].Funnel[:], s.cohort[groupID{d, g}][:domain.StepCount])
		}
		fd := FairnessDimension{Dimension: d}
		for _, c := range domain.CompareGroups(s.result, funnels) {
			fc := FairnessComparison{Step: c.Measure, Best: c.Best, BestRate: c.BestRate}
			for i, row := range c.Groups {
				f := funnels[i].Funnel
				fc.Groups = append(fc.Groups, FairnessGroup{GroupRate: row,
					Base: count(s.result, f[domain.FairnessBase]), Reached: count(s.result, f[c.Measure])})
			}
			fd.Comparisons = append(fd.Comparisons, fc)
		}
		out = append(out, fd)
	}
	return out
}

// EmployerRow is one employer organisation's counts in the period: the
// people it asked to meet, who accepted, met, were hired and kept working,
// each counted once per employer in the month they first did so.
type EmployerRow struct {
	Employer string
	Steps    []StepCount
}

// employerRows returns the per-employer table. When the report is
// withheld, so is the table.
func (s *Suppressed) employerRows() []EmployerRow {
	t := s.employers
	out := make([]EmployerRow, 0, len(t.employers))
	for _, e := range t.employers {
		row := EmployerRow{Employer: e}
		for _, st := range employerSteps {
			c := count(t.result, t.cells[e][st])
			if s.result.Withheld() {
				c = Count{Status: domain.Withheld}
			}
			row.Steps = append(row.Steps, StepCount{Step: st, Count: c})
		}
		out = append(out, row)
	}
	return out
}
