package report

import (
	"cmp"
	"slices"

	"github.com/onward-jobs/onward/services/insights/internal/domain"
)

// MaxMonths is the longest range a report covers, ten years: the day
// histograms tell apart no longer times (domain.MaxDays).
const MaxMonths = 120

// Period is what one suppressed report covers: a scope (an organisation
// id or domain.PlatformScope) and a range of whole months, both included.
type Period struct {
	Scope    string
	From, To domain.Month
}

// Months returns how many months the period covers.
func (p Period) Months() int { return int(p.To-p.From) + 1 }

// Platform reports whether the period counts the whole platform.
func (p Period) Platform() bool { return p.Scope == domain.PlatformScope }

// holds reports whether k is a count of the period.
func (p Period) holds(k domain.Key) bool {
	return k.Scope == p.Scope && k.Month >= p.From && k.Month <= p.To && k.Measure.Valid()
}

// Dimensions returns the dimensions a report of the period holds, in the
// order it shows them: every dimension of a candidate or a role, and the
// organisation in the platform's report only (in an organisation's own
// report it would repeat the total).
func (p Period) Dimensions() []domain.Dimension {
	var out []domain.Dimension
	for _, d := range domain.Dimensions() {
		if p.shows(d) {
			out = append(out, d)
		}
	}
	return out
}

// shows reports whether the period's report holds dimension d.
func (p Period) shows(d domain.Dimension) bool {
	switch d {
	case domain.All, domain.Employer:
		return false
	case domain.Organisation:
		return p.Platform()
	case domain.Programme, domain.ProgrammeKind, domain.Setting, domain.Country, domain.Region,
		domain.UrbanClass, domain.Contract, domain.Occupation:
		return true
	}
	return false
}

// trended reports whether the report holds the activity view, month by
// month, of a group: the total's for the trends, and in an organisation's
// report each programme's, so that a programme's report can show its own
// trends. The platform's report has no programme view.
func (p Period) trended(g groupID) bool {
	return g.dim == domain.All || (g.dim == domain.Programme && !p.Platform())
}

// groupID names one group of one dimension.
type groupID struct {
	dim   domain.Dimension
	group string
}

var total = groupID{domain.All, domain.AllGroup}

// measuresOf returns the measures a group of dimension d counts: every
// measure, or from asked on for a dimension of a role (a person is in a
// contract kind's group only once asked to meet for such a role).
func measuresOf(d domain.Dimension) []domain.Measure {
	from := domain.MeasureOf(domain.Registered)
	if d.RoleBound() {
		from = domain.MeasureOf(domain.Asked)
	}
	var out []domain.Measure
	for m := from; m.Valid(); m++ {
		out = append(out, m)
	}
	return out
}

// firstStep returns the first funnel step of a group of dimension d.
func firstStep(d domain.Dimension) domain.Step {
	if d.RoleBound() {
		return domain.Asked
	}
	return domain.Registered
}

// sortGroups orders a dimension's groups by name, with "not known" and
// "no programme" last.
func sortGroups(groups []string) {
	last := func(g string) int {
		if g == domain.UnknownValue || g == domain.NoProgramme {
			return 1
		}
		return 0
	}
	slices.SortFunc(groups, func(a, b string) int { return cmp.Or(cmp.Compare(last(a), last(b)), cmp.Compare(a, b)) })
}
