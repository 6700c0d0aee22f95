package http

import (
	"github.com/onward-jobs/onward/pkg/api"
	"github.com/onward-jobs/onward/services/insights/internal/domain"
	"github.com/onward-jobs/onward/services/insights/internal/report"
	"github.com/onward-jobs/onward/services/insights/internal/service"
)

// toOutcomesReport converts a report to its answer. The per-employer
// table is present in the platform's report only.
func toOutcomesReport(r service.OutcomesReport) api.OutcomesReport {
	m := r.Model
	out := api.OutcomesReport{Scope: toInsightsScope(m), From: m.Period.From.String(), To: m.Period.To.String(),
		AsOf: r.AsOf, Withheld: m.Withheld, Funnel: make([]api.FunnelGroup, 0, len(m.Funnel)),
		Medians: make([]api.MedianGroup, 0, len(m.Medians)), Trends: make([]api.TrendMonth, 0, len(m.Trends)),
		Fairness: make([]api.FairnessDimension, 0, len(m.Fairness))}
	if m.View.GroupBy != "" {
		g, overlapping := api.InsightsDimension(m.View.GroupBy), m.Overlapping
		out.GroupBy, out.Overlapping = &g, &overlapping
	}
	for _, f := range m.Funnel {
		out.Funnel = append(out.Funnel, toFunnelGroup(f))
	}
	for _, g := range m.Medians {
		out.Medians = append(out.Medians, toMedianGroup(g))
	}
	for _, t := range m.Trends {
		out.Trends = append(out.Trends, api.TrendMonth{Month: t.Month.String(), Steps: toStepCounts(t.Steps)})
	}
	for _, f := range m.Fairness {
		out.Fairness = append(out.Fairness, toFairnessDimension(f))
	}
	if m.Period.Platform() {
		employers := make([]api.EmployerOutcomes, 0, len(m.Employers))
		for _, e := range m.Employers {
			employers = append(employers, api.EmployerOutcomes{EmployerOrgID: e.Employer, Steps: toStepCounts(e.Steps)})
		}
		out.Employers = &employers
	}
	return out
}

// toInsightsScope names what the report covers.
func toInsightsScope(m report.Model) api.InsightsScope {
	switch {
	case m.Period.Platform():
		return api.InsightsScope{Kind: api.InsightsScopeKindPlatform}
	case m.View.Programme != "":
		org, prog := m.Period.Scope, m.View.Programme
		return api.InsightsScope{Kind: api.InsightsScopeKindProgramme, OrganisationID: &org, ProgrammeID: &prog}
	}
	org := m.Period.Scope
	return api.InsightsScope{Kind: api.InsightsScopeKindOrganisation, OrganisationID: &org}
}

// toSuppressedCount converts a published count: its value only when
// shown; a withheld report's counts read not_shown.
func toSuppressedCount(c report.Count) api.SuppressedCount {
	switch c.Status {
	case domain.Shown:
		v := c.Value
		return api.SuppressedCount{Status: api.SuppressedCountStatusShown, Value: &v}
	case domain.FewerThanFive:
		return api.SuppressedCount{Status: api.SuppressedCountStatusFewerThan5}
	}
	return api.SuppressedCount{Status: api.SuppressedCountStatusNotShown}
}

func toStepCounts(steps []report.StepCount) []api.FunnelStepCount {
	out := make([]api.FunnelStepCount, 0, len(steps))
	for _, s := range steps {
		sc := api.FunnelStepCount{Step: api.InsightsStep(s.Step.String()), Count: toSuppressedCount(s.Count)}
		if s.Converted {
			sc.Conversion = fraction(s.Conversion)
		}
		out = append(out, sc)
	}
	return out
}

// fraction returns a rate as a number from 0 to 1.
func fraction(r domain.Rate) *float64 {
	v := float64(r.Num) / float64(r.Den)
	return &v
}

func toFunnelGroup(f report.FunnelGroup) api.FunnelGroup {
	out := api.FunnelGroup{Group: f.Group, Steps: toStepCounts(f.Steps), Retention: make([]api.RetentionCount, 0, len(f.Retention))}
	for _, r := range f.Retention {
		out.Retention = append(out.Retention, api.RetentionCount{Day: api.RetentionCountDay(r.Day),
			Working: toSuppressedCount(r.Working), NotWorking: toSuppressedCount(r.NotWorking), Unknown: toSuppressedCount(r.Unknown)})
	}
	return out
}

func toMedianGroup(g report.MedianGroup) api.MedianGroup {
	out := api.MedianGroup{Group: g.Group, Medians: make([]api.MedianDays, 0, len(g.Medians))}
	for _, m := range g.Medians {
		md := api.MedianDays{Step: api.MedianDaysStep(m.Step.String()), People: toSuppressedCount(m.People)}
		if m.Shown {
			days := m.Days
			md.Days = &days
		}
		out.Medians = append(out.Medians, md)
	}
	return out
}

func toFairnessDimension(f report.FairnessDimension) api.FairnessDimension {
	out := api.FairnessDimension{Dimension: api.InsightsDimension(f.Dimension), Comparisons: make([]api.FairnessComparison, 0, len(f.Comparisons))}
	for _, c := range f.Comparisons {
		fc := api.FairnessComparison{Step: api.FairnessComparisonStep(c.Step.String()), Groups: make([]api.FairnessGroup, 0, len(c.Groups))}
		if c.Best != "" {
			best := c.Best
			fc.Best, fc.BestRate = &best, fraction(c.BestRate)
		}
		for _, g := range c.Groups {
			fc.Groups = append(fc.Groups, toFairnessGroup(g, c.Best != ""))
		}
		out.Comparisons = append(out.Comparisons, fc)
	}
	return out
}

// toFairnessGroup converts a group's rate: the rate when known or its
// bound when at most, the ratio only where there is a best rate to hold it
// to.
func toFairnessGroup(g report.FairnessGroup, hasBest bool) api.FairnessGroup {
	out := api.FairnessGroup{Group: g.Group, Base: toSuppressedCount(g.Base), Reached: toSuppressedCount(g.Reached),
		Known: g.Known, AtMost: g.AtMost, Flagged: g.Flagged}
	if g.Known || g.AtMost {
		out.Rate = fraction(g.Rate)
		if hasBest {
			ratio := g.Ratio
			out.Ratio = &ratio
		}
	}
	return out
}

// toInsightsShare converts a share.
func toInsightsShare(s service.Share) api.InsightsShare {
	out := api.InsightsShare{OrganisationID: s.OrganisationID, OrganisationName: s.OrganisationName,
		ObserverID: s.ObserverID, ObserverName: s.ObserverName, GrantedAt: s.GrantedAt}
	if s.GrantedBy != "" {
		by := s.GrantedBy
		out.GrantedBy = &by
	}
	return out
}
