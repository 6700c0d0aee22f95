package fake

import (
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"time"

	"github.com/onward-jobs/onward/pkg/api"
)

// insightsScope is what a report covers: the platform, an organisation
// or one of its programmes.
type insightsScope struct {
	kind, org, programme string
}

// key names the scope in the CSV's file name and in Withheld.
func (s insightsScope) key() string {
	switch s.kind {
	case "programme":
		return s.programme
	case "organisation":
		return s.org
	}
	return "platform"
}

// report answers getOutcomesReport: 403 for whoever reads no report, 400
// naming each bad parameter, 404 for an organisation or programme the
// caller may not read, and otherwise a plausible report of the scope and
// months, in JSON or CSV.
func (f *Insights) report(w http.ResponseWriter, r *http.Request, who placementCaller) {
	q := r.URL.Query()
	observer := who.OrgKind == "observer" && who.OrgID != ""
	if !who.admin() && !who.programmeAdmin() && !observer {
		problem(w, http.StatusForbidden)
		return
	}
	from, to, fields := reportMonths(q, f.Now())
	switch g := api.InsightsDimension(q.Get("group_by")); {
	case g != "" && !g.Valid():
		fields["group_by"] = "must be one of organisation, programme, programme_kind, setting, country, region, urban, contract, occupation"
	case g == api.InsightsDimensionOrganisation && !(who.admin() && q.Get("organisation") == ""):
		fields["group_by"] = "organisation is a dimension of the platform's report only"
	case g != "" && q.Get("programme") != "":
		fields["programme"] = "cannot be combined with group_by"
	}
	if ft := q.Get("format"); ft != "" && ft != "json" && ft != "csv" {
		fields["format"] = "must be one of json, csv"
	}
	if observer && q.Get("organisation") == "" {
		fields["organisation"] = "is required"
	}
	if len(fields) > 0 {
		fieldProblem(w, fields)
		return
	}
	scope, ok := f.scopeOf(who, q.Get("organisation"), q.Get("programme"))
	if !ok {
		problem(w, http.StatusNotFound)
		return
	}
	rep := f.build(scope, from, to, api.InsightsDimension(q.Get("group_by")))
	if q.Get("format") == "csv" {
		writeReportCSV(w, scope, rep)
		return
	}
	answer(w, rep)
}

// scopeOf is the scope the caller asks for, and false when it is not
// theirs to read: another organisation, or a programme of another.
func (f *Insights) scopeOf(who placementCaller, org, programme string) (insightsScope, bool) {
	switch {
	case who.admin() && org == "" && programme == "":
		return insightsScope{kind: "platform"}, true
	case who.admin():
		if f.Orgs[org].Kind != "programme" {
			return insightsScope{}, false
		}
	case who.programmeAdmin():
		if org != "" && org != who.OrgID {
			return insightsScope{}, false
		}
		org = who.OrgID
	default: // an observer
		if !f.sharedWith(org, who.OrgID) {
			return insightsScope{}, false
		}
	}
	if programme == "" {
		return insightsScope{kind: "organisation", org: org}, true
	}
	if f.Programmes[programme] != org {
		return insightsScope{}, false
	}
	return insightsScope{kind: "programme", org: org, programme: programme}, true
}

// reportMonths reads from and to as the contract does (YYYY-MM, or a date
// standing for its month; to defaults to now's month and from to 11
// months before it), with an error per bad field.
func reportMonths(q url.Values, now time.Time) (from, to time.Time, fields map[string]string) {
	fields = map[string]string{}
	month := func(name string, def time.Time) time.Time {
		s := q.Get(name)
		if s == "" {
			return def
		}
		for _, layout := range []string{"2006-01", time.DateOnly} {
			if t, err := time.Parse(layout, s); err == nil {
				return time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC)
			}
		}
		fields[name] = "must be a month, YYYY-MM"
		return def
	}
	to = month("to", time.Date(now.Year(), now.Month(), 1, 0, 0, 0, 0, time.UTC))
	from = month("from", to.AddDate(0, -11, 0))
	switch months := monthsBetween(from, to); {
	case len(fields) > 0:
	case months < 1:
		fields["to"] = "must not be before from"
	case months > 120:
		fields["to"] = "must be at most 120 months after from"
	}
	return from, to, fields
}

// monthsBetween counts the months from from to to, both included.
func monthsBetween(from, to time.Time) int {
	return (to.Year()-from.Year())*12 + int(to.Month()-from.Month()) + 1
}

// countOf publishes n: 5 or more shown, fewer than 5 (zero included) not.
func countOf(n int) api.SuppressedCount {
	if n < 5 {
		return api.SuppressedCount{Status: api.SuppressedCountStatusFewerThan5}
	}
	return api.SuppressedCount{Status: api.SuppressedCountStatusShown, Value: &n}
}

// notShown is a count of 5 or more hidden for another count's sake.
func notShown() api.SuppressedCount {
	return api.SuppressedCount{Status: api.SuppressedCountStatusNotShown}
}

// build makes up a report of the scope and months: the bigger the scope
// and the longer the range, the larger the counts, with small ones
// suppressed as the real service would, a complement hidden (the
// organisation's meetings), a group flagged and one "at most".
func (f *Insights) build(scope insightsScope, from, to time.Time, groupBy api.InsightsDimension) api.OutcomesReport {
	months := monthsBetween(from, to)
	scale := float64(months) / 12
	switch scope.kind {
	case "platform":
		scale *= 5
	case "programme":
		scale *= 0.5
	}
	rep := api.OutcomesReport{
		Scope: api.InsightsScope{Kind: api.InsightsScopeKind(scope.kind)},
		From:  from.Format("2006-01"), To: to.Format("2006-01"), AsOf: f.Now().UTC().Truncate(time.Second),
		Funnel:  []api.FunnelGroup{funnelOf("all", int(64*scale), scope.kind == "organisation")},
		Medians: []api.MedianGroup{medianOf("all", int(64*scale))}, Trends: trendsOf(from, months, scale),
		Fairness: []api.FairnessDimension{},
	}
	if scope.org != "" {
		rep.Scope.OrganisationID = &scope.org
	}
	if scope.programme != "" {
		rep.Scope.ProgrammeID = &scope.programme
	}
	if groupBy != "" {
		rep.GroupBy = &groupBy
		overlapping := slices.Contains([]api.InsightsDimension{"programme", "programme_kind", "contract", "occupation"}, groupBy)
		rep.Overlapping = &overlapping
		for _, g := range f.groupsOf(groupBy, scope) {
			rep.Funnel = append(rep.Funnel, funnelOf(g.value, g.base*5/4, false))
			rep.Medians = append(rep.Medians, medianOf(g.value, g.base*5/4))
		}
	}
	if scope.kind != "programme" {
		for _, d := range fairnessDimensions(scope) {
			rep.Fairness = append(rep.Fairness, fairnessOf(d, f.groupsOf(d, scope)))
		}
	}
	if scope.kind == "platform" {
		rep.Employers = f.employersOf(scale)
	}
	if f.Withheld[scope.key()] {
		withhold(&rep)
	}
	return rep
}

// fairnessDimensions are the dimensions a scope's fairness covers: the
// organisation only in the platform's.
func fairnessDimensions(scope insightsScope) []api.InsightsDimension {
	all := []api.InsightsDimension{"setting", "programme_kind", "country", "region", "urban", "contract", "occupation", "programme"}
	if scope.kind == "platform" {
		all = append(all, "organisation")
	}
	return all
}

// funnelOf is one group's funnel from its registrations; complement hides
// its meetings, as a second suppression would.
func funnelOf(group string, registered int, complement bool) api.FunnelGroup {
	counts := []int{registered}
	for _, share := range []float64{.8, .65, .58, .74, .8, .64, .8, .7, .6} {
		counts = append(counts, int(float64(counts[len(counts)-1])*share+.5))
	}
	steps := []api.InsightsStep{"registered", "consenting", "shortlisted", "asked", "accepted", "met", "hired", "working_30", "working_90", "working_180"}
	g := api.FunnelGroup{Group: group}
	for i, s := range steps {
		c := countOf(counts[i])
		if complement && s == "met" {
			c = notShown()
		}
		step := api.FunnelStepCount{Step: s, Count: c}
		if i > 0 && c.Value != nil && g.Steps[i-1].Count.Value != nil {
			conv := float64(*c.Value) / float64(*g.Steps[i-1].Count.Value)
			step.Conversion = &conv
		}
		g.Steps = append(g.Steps, step)
	}
	hired := counts[6]
	for i, day := range []api.RetentionCountDay{30, 90, 180} {
		due := hired * (6 - i) / 6
		working, notWorking := due*(6-i)/10, due*2/10
		g.Retention = append(g.Retention, api.RetentionCount{Day: day,
			Working: countOf(working), NotWorking: countOf(notWorking), Unknown: countOf(due - working - notWorking)})
	}
	return g
}

// medianOf is one group's medians: shown only with 5 people behind them.
func medianOf(group string, registered int) api.MedianGroup {
	g := api.MedianGroup{Group: group}
	for i, s := range []api.MedianDaysStep{"shortlisted", "asked", "hired"} {
		people := registered * (3 - i) / 7
		m := api.MedianDays{Step: s, People: countOf(people)}
		if people >= 5 {
			days := float64(19 + 27*i + registered%5)
			m.Days = &days
		}
		g.Medians = append(g.Medians, m)
	}
	return g
}

// trendsOf is how many people reached each step in each month; some
// months are small, and one month's requests hide a complement.
func trendsOf(from time.Time, months int, scale float64) []api.TrendMonth {
	out := make([]api.TrendMonth, 0, months)
	for i := range months {
		wave := float64(3 + (i*7)%9)
		registered := int(wave*scale*1.2 + .5)
		m := api.TrendMonth{Month: from.AddDate(0, i, 0).Format("2006-01")}
		for j, s := range []api.InsightsStep{"registered", "consenting", "shortlisted", "asked", "accepted", "met", "hired"} {
			n := registered * (7 - j) / 7
			c := countOf(n)
			if s == "asked" && i == 4 && n >= 5 {
				c = notShown()
			}
			m.Steps = append(m.Steps, api.FunnelStepCount{Step: s, Count: c})
		}
		out = append(out, m)
	}
	return out
}

// withhold hides every count of the report, as the service does when it
// cannot prove that no hidden count can be worked out.
func withhold(rep *api.OutcomesReport) {
	rep.Withheld = true
	hide := func(steps []api.FunnelStepCount) {
		for i := range steps {
			steps[i].Count, steps[i].Conversion = notShown(), nil
		}
	}
	for i := range rep.Funnel {
		hide(rep.Funnel[i].Steps)
		for j := range rep.Funnel[i].Retention {
			r := &rep.Funnel[i].Retention[j]
			r.Working, r.NotWorking, r.Unknown = notShown(), notShown(), notShown()
		}
	}
	for i := range rep.Trends {
		hide(rep.Trends[i].Steps)
	}
	for i := range rep.Medians {
		for j := range rep.Medians[i].Medians {
			rep.Medians[i].Medians[j].Days, rep.Medians[i].Medians[j].People = nil, notShown()
		}
	}
	rep.Fairness = []api.FairnessDimension{}
}

// employersOf is the platform's per-employer table.
func (f *Insights) employersOf(scale float64) *[]api.EmployerOutcomes {
	ids := f.Employers
	if len(ids) == 0 {
		ids = []string{"emp-gone-1", "emp-gone-2"}
	}
	out := []api.EmployerOutcomes{}
	for i, id := range ids {
		asked := int(float64(24-7*i)*scale/5 + .5)
		e := api.EmployerOutcomes{EmployerOrgID: id}
		for j, s := range []api.InsightsStep{"asked", "accepted", "met", "hired", "working_30"} {
			e.Steps = append(e.Steps, api.FunnelStepCount{Step: s, Count: countOf(asked * (5 - j) / 5)})
		}
		out = append(out, e)
	}
	return &out
}

// csvDisposition names the CSV download as the real service would.
func csvDisposition(scope insightsScope, rep api.OutcomesReport) string {
	return fmt.Sprintf(`attachment; filename="onward-outcomes-%s-%s-%s.csv"`, scope.key(), rep.From, rep.To)
}
