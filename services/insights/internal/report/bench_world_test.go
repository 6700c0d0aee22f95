package report

import (
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/onward-jobs/onward/services/insights/internal/domain"
)

// benchWorld is the benchmark's platform: organisations with their
// programmes and home regions, employers, and the categories a candidate
// is drawn from.
type benchWorld struct {
	r           *rand.Rand
	orgs        []benchOrgFacts
	employers   []string
	occupations []string
}

type benchOrgFacts struct {
	id              string
	programmes      []domain.ProgrammeFacts
	country, region string
	population      int64
}

var (
	benchKinds     = []string{"coffee_roastery", "catering", "garden", "crafts", "bike_repair", "laundry", "printing", "logistics"}
	benchSettings  = []string{"detention_house", "transition_house", "transition_house", "released", "released", "probation"}
	benchContracts = []string{"permanent", "fixed_term", "trial", "apprenticeship"}
	benchRegions   = map[string][]string{
		"BE": {"VLG", "WAL", "BRU"},
		"NL": {"01", "02", "03", "04", "05", "06", "07", "09", "10", "11", "15", "16"},
		"DE": {"01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12", "13", "14", "15", "16"},
	}
	benchCountries = []string{"BE", "BE", "BE", "BE", "NL", "NL", "DE"}
)

func newBenchWorld(r *rand.Rand) *benchWorld {
	w := &benchWorld{r: r}
	for i := range benchOrgs {
		country := benchCountries[r.IntN(len(benchCountries))]
		o := benchOrgFacts{id: fmt.Sprintf("org-%03d", i), country: country,
			region: benchRegions[country][r.IntN(len(benchRegions[country]))], population: int64(r.IntN(200_000))}
		for p := range 1 + r.IntN(3) {
			o.programmes = append(o.programmes, domain.ProgrammeFacts{ID: fmt.Sprintf("%s-p%d", o.id, p), Kind: benchKinds[r.IntN(len(benchKinds))]})
		}
		w.orgs = append(w.orgs, o)
	}
	for i := range 2000 {
		w.employers = append(w.employers, fmt.Sprintf("emp-%04d", i))
	}
	for i := range 40 {
		w.occupations = append(w.occupations, fmt.Sprintf("occupation-%02d", i))
	}
	return w
}

// days returns a whole number of days, exponential with the given mean
// and capped, as a duration with some hours.
func (w *benchWorld) days(mean float64, cap int) time.Duration {
	d := min(int(w.r.ExpFloat64()*mean), cap)
	return time.Duration(d)*24*time.Hour + time.Duration(w.r.IntN(24))*time.Hour
}

// candidate draws the i-th candidate: registered uniformly over the five
// years, mostly at their organisation's house, moving down the funnel
// with falling odds.
func (w *benchWorld) candidate(i int) domain.Progress {
	r := w.r
	o := w.orgs[r.IntN(len(w.orgs))]
	created := time.Date(2021, 1, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(r.Int64N(int64(benchMonths * 30.4 * 24 * float64(time.Hour)))))
	p := domain.Progress{CandidateID: fmt.Sprint("cand-", i), OrganisationID: o.id, CreatedAt: created,
		Setting: benchSettings[r.IntN(len(benchSettings))], Country: o.country, Region: o.region, Urban: domain.UrbanClassOf(o.population)}
	if r.IntN(20) == 0 {
		p.Setting = ""
	}
	if p.Setting == "released" && r.IntN(3) == 0 { // a return region elsewhere
		p.Country = benchCountries[r.IntN(len(benchCountries))]
		p.Region, p.Urban = benchRegions[p.Country][r.IntN(len(benchRegions[p.Country]))], domain.UrbanClassOf(int64(r.IntN(100_000)))
	}
	p.Programmes = []domain.ProgrammeFacts{o.programmes[r.IntN(len(o.programmes))]}
	if r.IntN(10) == 0 {
		p.Programmes = nil
	}
	if r.Float64() < 0.85 {
		p.ConsentFirstGivenAt = created.Add(w.days(4, 30))
	}
	if p.ConsentFirstGivenAt.IsZero() || r.Float64() > 0.6 {
		return p
	}
	p.FirstShortlistedAt = p.ConsentFirstGivenAt.Add(w.days(25, 365))
	for j := range r.IntN(4) {
		p.Introductions = append(p.Introductions, w.introduction(p.FirstShortlistedAt, fmt.Sprint(p.CandidateID, "-", j)))
	}
	return p
}

func (w *benchWorld) introduction(after time.Time, id string) domain.IntroductionFacts {
	r := w.r
	in := domain.IntroductionFacts{ID: id, RoleID: "role-" + id, EmployerOrgID: w.employers[r.IntN(len(w.employers))],
		RoleContract: benchContracts[r.IntN(len(benchContracts))], RoleOccupation: w.occupations[r.IntN(len(w.occupations))],
		RequestedAt: after.Add(w.days(20, 200))}
	if r.Float64() < 0.2 {
		return in
	}
	in.Answer = &domain.AnswerFacts{Accepted: r.Float64() < 0.75, AnsweredAt: in.RequestedAt.Add(w.days(3, 14))}
	if !in.Answer.Accepted || r.Float64() < 0.3 {
		return in
	}
	kind := []string{domain.OutcomeHired, domain.OutcomeNotHired, domain.OutcomeNotHired, domain.OutcomeDidNotTakePlace}[r.IntN(4)]
	in.Outcome = &domain.OutcomeFacts{Kind: kind, RecordedAt: in.Answer.AnsweredAt.Add(w.days(10, 60))}
	if kind != domain.OutcomeHired {
		return in
	}
	pl := &domain.PlacementFacts{ID: "pl-" + id, RecordedAt: in.Outcome.RecordedAt.Add(time.Hour),
		StartDate: domain.DayDue(in.Outcome.RecordedAt, r.IntN(20)), Contract: in.RoleContract}
	if r.Float64() < 0.3 {
		pl.EndedOn = domain.DayDue(pl.StartDate, r.IntN(300))
	}
	in.Placement = pl
	for _, day := range domain.RetentionDays {
		if r.Float64() < 0.3 {
			continue
		}
		still := r.Float64() < 0.85
		due := domain.DayDue(pl.StartDate, day)
		in.FollowUps = append(in.FollowUps, domain.FollowUpFacts{Day: day, Side: "programme", DueAt: due, StillWorking: &still, AnsweredAt: due.Add(w.days(3, 20))})
	}
	return in
}
