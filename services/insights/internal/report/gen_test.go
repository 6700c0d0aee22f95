package report

import (
	"math/rand/v2"
	"os"
	"strconv"
	"testing"
	"time"

	"github.com/onward-jobs/onward/services/insights/internal/domain"
)

// testSeed returns INSIGHTS_SEED when set, so a failure can be replayed,
// and otherwise a new seed, logged.
func testSeed(t testing.TB) uint64 {
	seed := uint64(time.Now().UnixNano())
	if s := os.Getenv("INSIGHTS_SEED"); s != "" {
		n, err := strconv.ParseUint(s, 10, 64)
		if err != nil {
			t.Fatalf("INSIGHTS_SEED: %v", err)
		}
		seed = n
	}
	t.Logf("seed %d (replay with INSIGHTS_SEED=%d)", seed, seed)
	return seed
}

// genStart is the first month a generated population registers in.
var genStart = time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)

// population is a generated set of candidates, the months they register
// over and the time their contributions are read at.
type population struct {
	people []domain.Progress
	months int
	asOf   time.Time
}

// fold returns the counts the read model would hold for the population:
// every candidate's contributions as of asOf, added up.
func (p population) fold() domain.Counts {
	c := domain.NewCounts()
	for _, pr := range p.people {
		c.Apply(domain.ContributionsOf(pr, p.asOf).Counts())
	}
	return c
}

func pick(r *rand.Rand, values ...string) string { return values[r.IntN(len(values))] }

// after returns a time up to days after t, or zero (never) with
// probability 1-p.
func after(r *rand.Rand, t time.Time, days int, p float64) time.Time {
	if t.IsZero() || r.Float64() >= p {
		return time.Time{}
	}
	return t.Add(time.Duration(r.Int64N(int64(days) * 24 * int64(time.Hour))))
}

// randomPopulation draws a small population, as one house or a small
// platform has: a few organisations, programmes, settings and places,
// people at every step, some of them registered outside the range.
func randomPopulation(r *rand.Rand) population {
	p := population{months: 1 + r.IntN(6)}
	p.asOf = genStart.AddDate(0, p.months+6, 0)
	n := r.IntN(600)
	for i := range n {
		p.people = append(p.people, randomPerson(r, "cand-"+strconv.Itoa(i), p.months))
	}
	return p
}

// randomPerson draws one candidate registered within months of genStart
// (or a month either side), with facts drawn from small sets so that
// groups are small and large.
func randomPerson(r *rand.Rand, id string, months int) domain.Progress {
	created := genStart.AddDate(0, r.IntN(months+2)-1, 0).Add(time.Duration(r.Int64N(int64(27 * 24 * time.Hour))))
	p := domain.Progress{CandidateID: id, OrganisationID: pick(r, "org-a", "org-a", "org-b", "org-c"),
		Setting: pick(r, "", "detention_house", "transition_house", "transition_house", "released"),
		Country: pick(r, "", "BE", "BE", "BE", "NL"), Region: pick(r, "", "VLG", "VLG", "BE.WAL", "BRU"),
		Urban: domain.UrbanClassOf(int64(r.IntN(4) * 30_000)), CreatedAt: created}
	for range r.IntN(3) {
		p.Programmes = append(p.Programmes, domain.ProgrammeFacts{ID: pick(r, "prog-1", "prog-1", "prog-2", "=prog-3"), Kind: pick(r, "coffee", "catering", "")})
	}
	p.ConsentFirstGivenAt = after(r, created, 20, 0.85)
	p.FirstShortlistedAt = after(r, p.ConsentFirstGivenAt, 90, 0.7)
	if p.FirstShortlistedAt.IsZero() {
		return p
	}
	for i := range r.IntN(4) {
		p.Introductions = append(p.Introductions, randomIntroduction(r, p.FirstShortlistedAt, id+"-i"+strconv.Itoa(i)))
	}
	return p
}

func randomIntroduction(r *rand.Rand, shortlisted time.Time, id string) domain.IntroductionFacts {
	in := domain.IntroductionFacts{ID: id, RoleID: "role-" + id, EmployerOrgID: pick(r, "emp-1", "emp-1", "emp-2", "emp-3", ""),
		RoleContract: pick(r, "", "permanent", "fixed_term"), RoleOccupation: pick(r, "barista", "gardener", "cook"),
		RequestedAt: shortlisted.Add(time.Duration(r.Int64N(int64(60 * 24 * time.Hour))))}
	if t := after(r, in.RequestedAt, 10, 0.8); !t.IsZero() {
		in.Answer = &domain.AnswerFacts{Accepted: r.IntN(5) > 0, AnsweredAt: t}
	}
	if in.Answer == nil || !in.Answer.Accepted {
		return in
	}
	if t := after(r, in.Answer.AnsweredAt, 20, 0.8); !t.IsZero() {
		kind := pick(r, domain.OutcomeHired, domain.OutcomeNotHired, domain.OutcomeDidNotTakePlace)
		in.Outcome = &domain.OutcomeFacts{Kind: kind, RecordedAt: t}
		if kind == domain.OutcomeHired {
			in.Placement = randomPlacement(r, t, id)
			in.FollowUps = randomFollowUps(r, in.Placement)
		}
	}
	return in
}

func randomPlacement(r *rand.Rand, recorded time.Time, id string) *domain.PlacementFacts {
	pl := &domain.PlacementFacts{ID: "pl-" + id, RecordedAt: recorded.Add(time.Hour),
		StartDate: domain.DayDue(recorded, r.IntN(15)), Contract: pick(r, "permanent", "fixed_term", "")}
	if r.IntN(3) == 0 {
		pl.EndedOn = domain.DayDue(pl.StartDate, r.IntN(200))
	}
	return pl
}

func randomFollowUps(r *rand.Rand, pl *domain.PlacementFacts) []domain.FollowUpFacts {
	var out []domain.FollowUpFacts
	for _, day := range domain.RetentionDays {
		for _, side := range []string{"employer", "programme"} {
			f := domain.FollowUpFacts{Day: day, Side: side, DueAt: domain.DayDue(pl.StartDate, day)}
			if f.AnsweredAt = after(r, f.DueAt, 15, 0.6); !f.AnsweredAt.IsZero() {
				still := r.IntN(4) > 0
				f.StillWorking = &still
			}
			out = append(out, f)
		}
	}
	return out
}
