package http

import (
	"os"
	"strings"
	"testing"
	"time"

	"github.com/onward-jobs/onward/pkg/skills"
	"github.com/onward-jobs/onward/services/matching/internal/engine"
	"github.com/onward-jobs/onward/services/matching/internal/results"
)

// TestWorkedExampleSummaries writes the summaries of the two worked
// examples of docs/matching.md (as staff read them) from their
// explanations, which the engine's TestWorkedExamples checks, and finds
// each sentence in the page.
func TestWorkedExampleSummaries(t *testing.T) {
	page, err := os.ReadFile("../../../../../docs/matching.md")
	if err != nil {
		t.Fatal(err)
	}
	doc := strings.Join(strings.Fields(string(page)), " ")
	on := func(s string) engine.Day {
		d, _ := time.Parse(time.DateOnly, s)
		return engine.Day(d.Unix() / 86400)
	}
	fit := func(skill string, status engine.SkillStatus, essential bool) results.SkillFit {
		return results.SkillFit{Skill: skill, Status: status, Essential: essential}
	}
	examples := []struct {
		ex    results.Explanation
		match engine.Match
		want  string
	}{
		{
			results.Explanation{Essential: results.SkillGroup{Met: []results.SkillFit{fit("coffee-roasting", engine.StatusMet, true)}},
				DistanceKm: 11, AvailableFrom: on("2026-12-01"), DayRelease: true},
			engine.MatchFull,
			"Full match: essential skills 1 met, 0 partly met, 0 missing of 1; 11 km away; available from December 2026; on day release",
		},
		{
			results.Explanation{
				Essential: results.SkillGroup{Met: []results.SkillFit{fit("coffee-roasting", engine.StatusMet, true)},
					Partly: []results.SkillFit{fit("coffee-cupping", engine.StatusPartly, true)}},
				Optional:   results.SkillGroup{Partly: []results.SkillFit{fit("espresso-preparation", engine.StatusPartly, false)}},
				DistanceKm: 11, AvailableFrom: on("2026-11-20"),
			},
			engine.MatchNear,
			"Near match: essential skills 1 met, 1 partly met, 0 missing of 2; optional skills 0 met, 1 partly met, 0 missing of 1; 11 km away; available from November 2026",
		},
	}
	for i, e := range examples {
		got := summary(e.ex, e.match, "5-15 km", skills.EN, forStaff)
		if got != e.want {
			t.Errorf("example %d: summary %q, want %q", i+1, got, e.want)
		}
		if !strings.Contains(doc, `"`+got+`"`) {
			t.Errorf("example %d: docs/matching.md does not quote %q", i+1, got)
		}
	}
}
