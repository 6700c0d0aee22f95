package domain

import (
	"maps"
	"slices"
	"strings"
	"testing"
)

// TestWalkAsOf follows one candidate from registration to a placement
// that ended early, reading the contributions at several dates.
func TestWalkAsOf(t *testing.T) {
	p := walked(t)
	upToHired := "registered@2025-01 consenting@2025-01 shortlisted@2025-01 asked@2025-02 accepted@2025-02 met@2025-02 hired@2025-02"
	tests := []struct {
		asOf     string
		activity string // the total's measures by the month they were reached
	}{
		{"2025-01-09", ""},
		{"2025-01-11", "registered@2025-01"},
		{"2025-02-10", "registered@2025-01 consenting@2025-01 shortlisted@2025-01 asked@2025-02 accepted@2025-02"},
		{"2025-03-30", upToHired},                                            // day 30 not come: not in the base
		{"2025-03-31T12:00", upToHired + " unknown_30@2025-03"},              // day 30 came, nobody answered yet
		{"2025-04-03", upToHired + " working_30@2025-03"},                    // the employer said working
		{"2025-06-01", upToHired + " working_30@2025-03 unknown_90@2025-05"}, // nobody answered for day 90
		{"2025-07-20", upToHired + " working_30@2025-03 unknown_90@2025-05"}, // ended, but day 180 not come
		{"2025-09-01", upToHired + " working_30@2025-03 unknown_90@2025-05 not_working_180@2025-08"},
	}
	for _, tt := range tests {
		t.Run(tt.asOf, func(t *testing.T) {
			c := ContributionsOf(p, at(t, tt.asOf))
			want := strings.Fields(tt.activity)
			slices.Sort(want)
			if got := measures(c.Cells, PlatformScope, Activity, All, AllGroup); !slices.Equal(got, want) {
				t.Errorf("activity:\n got %v\nwant %v", got, want)
			}
			var cohort []string // the same measures, all under the registration month
			for _, w := range want {
				name, _, _ := strings.Cut(w, "@")
				cohort = append(cohort, name+"@2025-01")
			}
			slices.Sort(cohort)
			for _, scope := range []string{"org-1", PlatformScope} {
				if got := measures(c.Cells, scope, Cohort, All, AllGroup); !slices.Equal(got, cohort) {
					t.Errorf("cohort in %s:\n got %v\nwant %v", scope, got, cohort)
				}
			}
		})
	}
}

// TestWalkGroupsAndMedians checks, at the end of the walk, the groups
// the candidate counts in and the days behind the medians.
func TestWalkGroupsAndMedians(t *testing.T) {
	c := ContributionsOf(walked(t), at(t, "2025-09-01"))
	hired := MeasureOf(Hired)
	for _, tt := range []struct {
		scope string
		d     Dimension
		want  string
	}{
		{"org-1", Setting, "transition_house"},
		{"org-1", Region, "BE.VLG"},
		{"org-1", UrbanClass, "urban"},
		{"org-1", Programme, "prog-roastery"},
		{"org-1", Contract, "permanent"},
		{"org-1", Occupation, "barista"},
		{"org-1", Organisation, ""}, // the total already, in its own scope
		{PlatformScope, Organisation, "org-1"},
	} {
		if got := strings.Join(groupsOf(c.Cells, tt.scope, Cohort, tt.d, hired), " "); got != tt.want {
			t.Errorf("%s %s: %q, want %q", tt.scope, tt.d, got, tt.want)
		}
	}
	// Role-bound dimensions start at asked.
	if got := measures(c.Cells, "org-1", Cohort, Occupation, "barista"); got[0] != "accepted@2025-01" || slices.Contains(got, "registered@2025-01") {
		t.Errorf("occupation counts %v", got)
	}
	days := map[string]int{}
	for dm := range c.Days {
		if dm.Key.Scope == "org-1" && dm.Key.Dimension == All {
			days[dm.Key.Measure.String()] = dm.Days
		}
	}
	if want := map[string]int{"shortlisted": 9, "asked": 24, "hired": 42}; !maps.Equal(days, want) {
		t.Errorf("days %v, want %v", days, want)
	}
	emp := measures(c.Employers, PlatformScope, Activity, Employer, "emp-1")
	if want := "accepted@2025-02 asked@2025-02 hired@2025-02 met@2025-02 not_working_180@2025-08 unknown_90@2025-05 working_30@2025-03"; strings.Join(emp, " ") != want {
		t.Errorf("employer: %v", emp)
	}
}
