package mongo

import (
	"context"
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/onward-jobs/onward/pkg/testkit"
	"github.com/onward-jobs/onward/services/matching/internal/engine"
	"github.com/onward-jobs/onward/services/matching/internal/results"
)

// benchSkills are the skills the benchmark's entries draw from.
var benchSkills = []string{"espresso-preparation", "milk-texturing", "barista-skills", "espresso-machine-operation",
	"food-hygiene", "customer-contact", "punctuality", "latte-art", "till-operation", "coffee-roasting", "teamwork",
	"stock-rotation", "cash-handling", "cleaning-schedules", "allergen-awareness", "forklift-operation"}

// realisticShortlist is a 100-entry shortlist whose entries differ as real
// ones do: four to eight skills each with levels and hours, matched and
// missing skills, languages, months and bands.
func realisticShortlist(role string, seed uint64) results.Shortlist {
	rnd := rand.New(rand.NewPCG(seed, 3))
	s := results.Shortlist{RoleID: role, RoleVersion: 7, EmployerID: "emp-42", ComputedAt: time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)}
	for i := range 100 {
		id := fmt.Sprintf("0b7c%04x-%04x-4%03x-9%03x-%012x", rnd.IntN(1<<16), rnd.IntN(1<<16), rnd.IntN(1<<12), rnd.IntN(1<<12), rnd.Uint64()>>16)
		card := results.Card{Alias: fmt.Sprintf("K%03d", rnd.IntN(1000)), Certificates: []string{"Food hygiene certificate"},
			Languages:      []results.CardLanguage{{Code: "nl", Level: []string{"A2", "B1", "B2", "C1"}[rnd.IntN(4)]}, {Code: "fr", Level: "A2"}},
			AvailableMonth: fmt.Sprintf("2026-%02d", 1+rnd.IntN(12)), DistanceBand: []string{"0-5 km", "5-15 km", "15-30 km"}[rnd.IntN(3)],
			DayRelease: rnd.IntN(2) == 0, ScheduleFit: "full", ProgrammeKinds: []string{"coffee_roastery"}}
		expl := results.Explanation{DistanceKm: rnd.IntN(40), AvailableFrom: engine.Day(20500 + rnd.IntN(400)),
			DayRelease: card.DayRelease, ScheduleFit: "full", LanguageFit: "full"}
		for _, k := range rnd.Perm(len(benchSkills))[:4+rnd.IntN(5)] {
			sk := results.CardSkill{Skill: benchSkills[k], Level: 1 + rnd.IntN(4), Hours: rnd.IntN(900), Attested: rnd.IntN(2) == 0}
			card.Skills = append(card.Skills, sk)
			if len(expl.Essential.Met) < 3 {
				expl.Essential.Met = append(expl.Essential.Met, results.SkillFit{Skill: sk.Skill, Level: sk.Level, Status: engine.StatusMet,
					RequiredLevel: 1, Essential: true, Hours: sk.Hours, Attested: sk.Attested})
			}
		}
		if rnd.IntN(3) == 0 {
			expl.Essential.Partly = []results.SkillFit{{Skill: benchSkills[rnd.IntN(len(benchSkills))], RequiredLevel: 2, Essential: true,
				Status: engine.StatusPartly, Relation: engine.RelationSibling, Related: &results.RelatedSkill{Skill: benchSkills[0], Level: 2},
				Programmes: []results.Programme{{Kind: "coffee_roastery", Name: "Coffee roastery"}}}}
		}
		if rnd.IntN(3) == 0 {
			expl.Optional.Missing = []results.SkillFit{{Skill: benchSkills[rnd.IntN(len(benchSkills))], RequiredLevel: 2,
				Status: engine.StatusMissing, Programmes: []results.Programme{{Kind: "coffee_roastery", Name: "Coffee roastery"}}}}
		}
		s.Entries = append(s.Entries, results.ShortlistEntry{CandidateID: id, CandidateRef: fmt.Sprintf("%x", rnd.Uint64()),
			Alias: card.Alias, Score: 9000 - 13*i, Match: engine.MatchFull, Card: card, Explanation: expl})
	}
	return s
}

// benchStore is a store on a fresh database for a benchmark.
func benchStore(b *testing.B) (*Store, context.Context) {
	b.Helper()
	ctx := context.Background()
	s, err := NewStore(ctx, testkit.MongoDB(b))
	if err != nil {
		b.Fatal(err)
	}
	return s, ctx
}

// BenchmarkSaveShortlist writes a realistic 100-entry shortlist (every
// entry with its card and explanation), replacing the stored one.
func BenchmarkSaveShortlist(b *testing.B) {
	s, ctx := benchStore(b)
	sl := realisticShortlist("role-1", 1)
	for b.Loop() {
		if err := s.SaveShortlist(ctx, sl); err != nil {
			b.Fatal(err)
		}
	}
	if d, err := toShortlistDoc(sl); err == nil {
		b.ReportMetric(float64(len(d.Entries)), "packed-bytes")
	}
}

// BenchmarkReadShortlist reads a stored 100-entry shortlist, as the API
// does for every page.
func BenchmarkReadShortlist(b *testing.B) {
	s, ctx := benchStore(b)
	for i := range 20 {
		if err := s.SaveShortlist(ctx, realisticShortlist(fmt.Sprintf("role-%d", i), uint64(i))); err != nil {
			b.Fatal(err)
		}
	}
	for b.Loop() {
		sl, err := s.Shortlist(ctx, "role-7")
		if err != nil || len(sl.Entries) != 100 {
			b.Fatal(len(sl.Entries), err)
		}
	}
}

// BenchmarkShortlistsWith50 finds the shortlists holding one candidate
// among 50 stored 100-entry shortlists: the query a removal makes.
func BenchmarkShortlistsWith50(b *testing.B) {
	s, ctx := benchStore(b)
	for i := range 50 {
		if err := s.SaveShortlist(ctx, shortlist(fmt.Sprintf("role-%02d", i), "emp-1", i*10, 100)); err != nil {
			b.Fatal(err)
		}
	}
	for b.Loop() {
		got, err := s.ShortlistsWith(ctx, "cand-0105")
		if err != nil || len(got) != 10 {
			b.Fatal(got, err)
		}
	}
}

// BenchmarkShortlistMembers reads the members of 300 stored shortlists,
// what a refresh of the membership reads.
func BenchmarkShortlistMembers(b *testing.B) {
	s, ctx := benchStore(b)
	for i := range 300 {
		if err := s.SaveShortlist(ctx, realisticShortlist(fmt.Sprintf("role-%03d", i), uint64(i))); err != nil {
			b.Fatal(err)
		}
	}
	for b.Loop() {
		got, err := s.ShortlistMembers(ctx)
		if err != nil || len(got) != 300 {
			b.Fatal(len(got), err)
		}
	}
}
