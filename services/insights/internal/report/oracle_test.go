package report

import (
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/onward-jobs/onward/services/insights/internal/domain"
)

// The oracle counts a report's numbers straight from the candidates'
// facts, written apart from the fold (ContributionsOf) and the report
// builder, so that a test can compare the two.

// Retention states and measures as the oracle names them.
const (
	stateWorking    = "working"
	stateNotWorking = "not_working"
	stateUnknown    = "unknown"
)

// reached is when a person (or a person within one group of a role's
// dimension) first reached each measure, by its name; retention states
// as "<state>_<day>", at day N's date.
type reached map[string]time.Time

// oracle holds the independent counts of one period.
type oracle struct {
	period Period
	asOf   time.Time
	// cohort[dim][group][measure] counts the people registered in the
	// period; trends[group of the programme or "all"][month][step] the
	// people who reached a step in a month; days[dim][group][step] their
	// days from registration; employers[employer][step] per employer.
	cohort    map[domain.Dimension]map[string]map[string]int
	trends    map[string]map[domain.Month]map[string]int
	days      map[domain.Dimension]map[string]map[string][]int
	employers map[string]map[string]int
	// seen[dim][group] is true for every group someone registered in the
	// period counts in, and for the groups with trends, every group
	// someone reached a step of in the period.
	seen map[domain.Dimension]map[string]bool
}

func newOracle(period Period, people []domain.Progress, asOf time.Time) *oracle {
	o := &oracle{period: period, asOf: asOf, cohort: map[domain.Dimension]map[string]map[string]int{},
		trends: map[string]map[domain.Month]map[string]int{}, days: map[domain.Dimension]map[string]map[string][]int{},
		employers: map[string]map[string]int{}, seen: map[domain.Dimension]map[string]bool{}}
	for _, p := range people {
		if p.CreatedAt.After(asOf) || (!period.Platform() && unknownIfEmpty(p.OrganisationID) != period.Scope) {
			continue
		}
		o.person(p)
	}
	return o
}

func (o *oracle) inRange(t time.Time) bool {
	m := domain.MonthOf(t)
	return m >= o.period.From && m <= o.period.To
}

func (o *oracle) person(p domain.Progress) {
	all := o.reachedBy(p, func(*domain.IntroductionFacts, bool) bool { return true })
	all["registered"] = p.CreatedAt
	all["consenting"] = o.known(p.ConsentFirstGivenAt)
	all["shortlisted"] = o.known(p.FirstShortlistedAt)
	for d, groups := range personGroups(p, o.period.Platform()) {
		for _, g := range groups {
			o.count(p, d, g, all)
		}
	}
	for _, d := range []domain.Dimension{domain.Contract, domain.Occupation, domain.Employer} {
		for _, g := range roleGroupsOf(p, d) {
			r := o.reachedBy(p, roleFilter(d, g))
			if d == domain.Employer {
				o.countEmployer(g, r)
			} else {
				o.count(p, d, g, r)
			}
		}
	}
}

// count adds a person's reached measures to one group's cohort, days and
// trends.
func (o *oracle) count(p domain.Progress, d domain.Dimension, g string, r reached) {
	for m, t := range r {
		if t.IsZero() {
			continue
		}
		trended := d == domain.All || (d == domain.Programme && !o.period.Platform())
		if o.inRange(p.CreatedAt) || (trended && o.inRange(t)) {
			if o.seen[d] == nil {
				o.seen[d] = map[string]bool{}
			}
			o.seen[d][g] = true
		}
		if o.inRange(p.CreatedAt) {
			add3(o.cohort, d, g, m)
			if m == "shortlisted" || m == "asked" || m == "hired" {
				days := min(max(int(t.Sub(p.CreatedAt)/(24*time.Hour)), 0), domain.MaxDays)
				if o.days[d] == nil {
					o.days[d] = map[string]map[string][]int{}
				}
				if o.days[d][g] == nil {
					o.days[d][g] = map[string][]int{}
				}
				o.days[d][g][m] = append(o.days[d][g][m], days)
			}
		}
		if _, err := domain.ParseStep(m); err == nil && trended && o.inRange(t) {
			if o.trends[g] == nil {
				o.trends[g] = map[domain.Month]map[string]int{}
			}
			if o.trends[g][domain.MonthOf(t)] == nil {
				o.trends[g][domain.MonthOf(t)] = map[string]int{}
			}
			o.trends[g][domain.MonthOf(t)][m]++
		}
	}
}

func (o *oracle) countEmployer(e string, r reached) {
	for m, t := range r {
		if _, err := domain.ParseStep(m); err == nil && !t.IsZero() && o.inRange(t) {
			if o.employers[e] == nil {
				o.employers[e] = map[string]int{}
			}
			o.employers[e][m]++
		}
	}
}

func add3(m map[domain.Dimension]map[string]map[string]int, d domain.Dimension, g, k string) {
	if m[d] == nil {
		m[d] = map[string]map[string]int{}
	}
	if m[d][g] == nil {
		m[d][g] = map[string]int{}
	}
	m[d][g][k]++
}

func (o *oracle) known(t time.Time) time.Time {
	if t.After(o.asOf) {
		return time.Time{}
	}
	return t
}

// reachedBy returns the steps from asked on over the introductions keep
// selects (request is true for asking, accepting and meeting, false for
// hiring), and the retention of the first hire among them.
func (o *oracle) reachedBy(p domain.Progress, keep func(in *domain.IntroductionFacts, request bool) bool) reached {
	r := reached{}
	first := func(m string, t time.Time) {
		t = o.known(t)
		if !t.IsZero() && (r[m].IsZero() || t.Before(r[m])) {
			r[m] = t
		}
	}
	var hire *domain.IntroductionFacts
	for i := range p.Introductions {
		in := &p.Introductions[i]
		if keep(in, true) {
			first("asked", in.RequestedAt)
			if in.Answer != nil && in.Answer.Accepted {
				first("accepted", in.Answer.AnsweredAt)
			}
			if in.Outcome != nil && in.Outcome.Kind != domain.OutcomeDidNotTakePlace {
				first("met", in.Outcome.RecordedAt)
			}
		}
		pl := in.Placement
		if pl == nil || !keep(in, false) || o.known(pl.RecordedAt).IsZero() {
			continue
		}
		if hire == nil || pl.RecordedAt.Before(hire.Placement.RecordedAt) ||
			(pl.RecordedAt.Equal(hire.Placement.RecordedAt) && in.ID < hire.ID) {
			hire = in
		}
	}
	if hire != nil {
		r["hired"] = hire.Placement.RecordedAt
		for _, day := range []int{30, 90, 180} {
			state, due := o.retention(hire, day)
			if state != "" {
				r[state+"_"+strconv.Itoa(day)] = due
			}
		}
	}
	return r
}

// retention returns the state of a hire at day N ("" while day N is to
// come) and day N's date.
func (o *oracle) retention(in *domain.IntroductionFacts, day int) (string, time.Time) {
	s := in.Placement.StartDate.UTC()
	due := time.Date(s.Year(), s.Month(), s.Day(), 0, 0, 0, 0, time.UTC).AddDate(0, 0, day)
	if o.asOf.Before(due) {
		return "", due
	}
	if !in.Placement.EndedOn.IsZero() && in.Placement.EndedOn.Before(due) {
		return stateNotWorking, due
	}
	state := stateUnknown
	for _, f := range in.FollowUps {
		if f.Day != day || f.StillWorking == nil || f.AnsweredAt.After(o.asOf) {
			continue
		}
		if !*f.StillWorking {
			return stateNotWorking, due
		}
		state = stateWorking
	}
	return state, due
}

// personGroups returns the groups of a person's own dimensions.
func personGroups(p domain.Progress, platform bool) map[domain.Dimension][]string {
	out := map[domain.Dimension][]string{domain.All: {domain.AllGroup}}
	if platform {
		out[domain.Organisation] = []string{unknownIfEmpty(p.OrganisationID)}
	}
	for _, pr := range p.Programmes {
		out[domain.Programme] = appendOnce(out[domain.Programme], unknownIfEmpty(pr.ID))
		out[domain.ProgrammeKind] = appendOnce(out[domain.ProgrammeKind], unknownIfEmpty(pr.Kind))
	}
	if len(p.Programmes) == 0 {
		out[domain.Programme], out[domain.ProgrammeKind] = []string{"none"}, []string{"none"}
	}
	out[domain.Setting] = []string{unknownIfEmpty(p.Setting)}
	out[domain.Country] = []string{unknownIfEmpty(p.Country)}
	region := "unknown"
	switch {
	case p.Country == "":
	case p.Region == "":
		region = p.Country + ".unknown"
	case strings.HasPrefix(p.Region, p.Country+"."):
		region = p.Region
	default:
		region = p.Country + "." + p.Region
	}
	out[domain.Region] = []string{region}
	out[domain.UrbanClass] = []string{unknownIfEmpty(p.Urban)}
	return out
}

// roleGroupsOf returns a person's groups of a role's dimension.
func roleGroupsOf(p domain.Progress, d domain.Dimension) []string {
	var out []string
	for _, in := range p.Introductions {
		switch d {
		case domain.Contract:
			out = appendOnce(out, unknownIfEmpty(in.RoleContract))
			if in.Placement != nil {
				out = appendOnce(out, unknownIfEmpty(in.Placement.Contract))
			}
		case domain.Occupation:
			out = appendOnce(out, unknownIfEmpty(in.RoleOccupation))
		default:
			out = appendOnce(out, unknownIfEmpty(in.EmployerOrgID))
		}
	}
	return out
}

// roleFilter selects the introductions of one group of a role's
// dimension: a request by its role's contract kind, a hire by its
// placement's.
func roleFilter(d domain.Dimension, g string) func(in *domain.IntroductionFacts, request bool) bool {
	return func(in *domain.IntroductionFacts, request bool) bool {
		switch {
		case d == domain.Contract && request:
			return unknownIfEmpty(in.RoleContract) == g
		case d == domain.Contract:
			return unknownIfEmpty(in.Placement.Contract) == g
		case d == domain.Occupation:
			return unknownIfEmpty(in.RoleOccupation) == g
		}
		return unknownIfEmpty(in.EmployerOrgID) == g
	}
}

func unknownIfEmpty(s string) string {
	if s == "" {
		return "unknown"
	}
	return s
}

func appendOnce(s []string, v string) []string {
	if slices.Contains(s, v) {
		return s
	}
	return append(s, v)
}

// median returns the median of days, the mean of the two middle ones when
// their number is even.
func median(days []int) float64 {
	s := slices.Clone(days)
	slices.Sort(s)
	return float64(s[(len(s)-1)/2]+s[len(s)/2]) / 2
}
