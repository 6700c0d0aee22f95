package domain

import (
	"maps"
	"math/rand/v2"
	"testing"
	"time"
)

// TestDiffsSumToContributions folds random progress sequences of several
// candidates, in random order, with erasures: after every step no count
// is negative, and at the end the living counts are the sum of each
// remaining candidate's last contributions and the anonymous totals the
// sum of what the erased ones contributed when erased.
func TestDiffsSumToContributions(t *testing.T) {
	seed := uint64(time.Now().UnixNano())
	t.Logf("seed %d", seed)
	r := rand.New(rand.NewPCG(seed, 0x1f5))
	for round := range 20 {
		var living, anonymous, wantLiving, wantAnonymous Delta
		last := map[string]Contributions{}
		for range 40 + r.IntN(40) {
			id := []string{"c1", "c2", "c3", "c4"}[r.IntN(4)]
			prev, ok := last[id]
			if !ok {
				prev = NoContributions()
			}
			if ok && r.IntN(12) == 0 {
				from, to := Erase(prev)
				living.Add(from)
				anonymous.Add(to)
				wantAnonymous.Add(prev.Counts())
				delete(last, id)
				continue
			}
			next := ContributionsOf(randomProgress(r, id), randomTime(r, 0, 900))
			living.Add(Diff(prev, next))
			last[id] = next
			for k, n := range living.Cells {
				if n < 0 {
					t.Fatalf("round %d: %s is %d", round, k, n)
				}
			}
		}
		for _, c := range last {
			wantLiving.Add(c.Counts())
		}
		if !deltaEqual(living, wantLiving) || !deltaEqual(anonymous, wantAnonymous) {
			t.Fatalf("round %d: the diffs do not add up to the contributions", round)
		}
	}
}

func deltaEqual(a, b Delta) bool {
	return maps.Equal(a.Cells, b.Cells) && maps.Equal(a.Days, b.Days) && maps.Equal(a.Employers, b.Employers)
}

var epoch = time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)

// randomTime returns a time between from and to days after epoch.
func randomTime(r *rand.Rand, from, to int) time.Time {
	return epoch.Add(time.Duration(from)*24*time.Hour + time.Duration(r.Int64N(int64(to-from)*24*int64(time.Hour))))
}

// maybe returns a time after t by up to days, or zero one time in three.
func maybe(r *rand.Rand, t time.Time, days int) time.Time {
	if r.IntN(3) == 0 {
		return time.Time{}
	}
	return t.Add(time.Duration(r.Int64N(int64(days) * 24 * int64(time.Hour))))
}

func pick(r *rand.Rand, values ...string) string { return values[r.IntN(len(values))] }

// randomProgress returns a candidate's facts drawn from small sets, so
// that sequences revisit the same groups and months.
func randomProgress(r *rand.Rand, id string) Progress {
	p := Progress{CandidateID: id, OrganisationID: pick(r, "org-1", "org-2"),
		Setting: pick(r, "", "detention_house", "released"), Country: pick(r, "", "BE", "NL"),
		Region: pick(r, "", "VLG", "BE.WAL"), Urban: UrbanClassOf(int64(r.IntN(3) * 30_000)),
		CreatedAt: randomTime(r, 0, 200)}
	for range r.IntN(3) {
		p.Programmes = append(p.Programmes, ProgrammeFacts{ID: pick(r, "p1", "p2", "p3"), Kind: pick(r, "k1", "k2")})
	}
	p.ConsentFirstGivenAt = maybe(r, p.CreatedAt, 10)
	p.FirstShortlistedAt = maybe(r, p.CreatedAt, 60)
	for i := range r.IntN(4) {
		in := IntroductionFacts{ID: pick(r, "i1", "i2", "i3") + string(rune('a'+i)), EmployerOrgID: pick(r, "e1", "e2"),
			RoleContract: pick(r, "", "trial", "permanent"), RoleOccupation: pick(r, "barista", "gardener"),
			RequestedAt: p.CreatedAt.Add(time.Duration(r.IntN(90*24)) * time.Hour)}
		if t := maybe(r, in.RequestedAt, 10); !t.IsZero() {
			in.Answer = &AnswerFacts{Accepted: r.IntN(4) > 0, AnsweredAt: t}
		}
		if t := maybe(r, in.RequestedAt, 30); !t.IsZero() {
			in.Outcome = &OutcomeFacts{Kind: pick(r, OutcomeHired, OutcomeNotHired, OutcomeDidNotTakePlace), RecordedAt: t}
		}
		if t := maybe(r, in.RequestedAt, 40); !t.IsZero() {
			pl := &PlacementFacts{ID: "pl-" + in.ID, RecordedAt: t, StartDate: DayDue(t, r.IntN(20)), Contract: pick(r, "trial", "permanent")}
			pl.EndedOn = maybe(r, pl.StartDate, 250)
			in.Placement = pl
			for _, day := range RetentionDays {
				for _, side := range []string{"employer", "programme"} {
					f := FollowUpFacts{Day: day, Side: side, DueAt: DayDue(pl.StartDate, day)}
					if f.AnsweredAt = maybe(r, f.DueAt, 20); !f.AnsweredAt.IsZero() {
						f.StillWorking = []*bool{yes(), no()}[r.IntN(2)]
					}
					in.FollowUps = append(in.FollowUps, f)
				}
			}
		}
		p.Introductions = append(p.Introductions, in)
	}
	return p
}
