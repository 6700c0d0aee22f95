package domain

import (
	"slices"
	"strings"
	"testing"
)

// TestRedeliveryChangesNothing absorbs the same facts twice.
func TestRedeliveryChangesNothing(t *testing.T) {
	asOf := at(t, "2025-06-01")
	old := ContributionsOf(walked(t), asOf)
	again := ContributionsOf(walked(t), asOf)
	if d := Diff(old, again); !d.Empty() || !again.Equal(old) {
		t.Errorf("a redelivery changes %d cells", len(d.Cells))
	}
	if d := Diff(NoContributions(), old); len(d.Cells) != len(old.Cells) || d.Cells[Key{}] != 0 {
		t.Errorf("a first absorption adds %d of %d cells", len(d.Cells), len(old.Cells))
	}
}

// TestSettingChangeMovesCounts releases a candidate: every count under
// transition_house moves to released and nothing else changes.
func TestSettingChangeMovesCounts(t *testing.T) {
	asOf := at(t, "2025-06-01")
	p := walked(t)
	old := ContributionsOf(p, asOf)
	p.Setting = "released"
	d := Diff(old, ContributionsOf(p, asOf))
	moved := map[string]int{}
	for k, n := range d.Cells {
		if k.Dimension != Setting {
			t.Errorf("%s changes by %d", k, n)
		}
		moved[k.Group] += n
	}
	if moved["transition_house"] != -moved["released"] || moved["released"] == 0 || len(moved) != 2 {
		t.Errorf("moved %v", moved)
	}
	if len(d.Employers) != 0 || len(d.Days) != 2*2*3 { // 2 scopes × 3 median steps, out and in
		t.Errorf("%d employer and %d day changes", len(d.Employers), len(d.Days))
	}
}

// TestErasure moves the current contributions to the anonymous totals.
func TestErasure(t *testing.T) {
	c := ContributionsOf(walked(t), at(t, "2025-09-01"))
	living := c.Counts()
	fromCells, toAnonymous := Erase(c)
	living.Add(fromCells)
	if !living.Empty() {
		t.Errorf("%d cells left after erasure", len(living.Cells)+len(living.Days)+len(living.Employers))
	}
	if !slices.Equal(sortedKeys(toAnonymous.Cells), sortedKeys(c.Counts().Cells)) ||
		len(toAnonymous.Days) != len(c.Days) || len(toAnonymous.Employers) != len(c.Employers) {
		t.Error("the anonymous totals do not receive what the candidate contributed")
	}
	for _, n := range toAnonymous.Cells {
		if n != 1 {
			t.Fatalf("anonymous gains %d", n)
		}
	}
}

// TestTwoProgrammes counts a person in each programme and each kind once.
func TestTwoProgrammes(t *testing.T) {
	p := walked(t)
	p.Programmes = append(p.Programmes, ProgrammeFacts{ID: "prog-garden", Kind: "garden"},
		ProgrammeFacts{ID: "prog-roastery-2", Kind: "coffee_roastery"})
	c := ContributionsOf(p, at(t, "2025-03-01"))
	reg := MeasureOf(Registered)
	if got := groupsOf(c.Cells, "org-1", Cohort, Programme, reg); strings.Join(got, " ") != "prog-garden prog-roastery prog-roastery-2" {
		t.Errorf("programmes %v", got)
	}
	if got := groupsOf(c.Cells, "org-1", Cohort, ProgrammeKind, reg); strings.Join(got, " ") != "coffee_roastery garden" {
		t.Errorf("kinds %v", got)
	}
	p.Programmes = nil
	c = ContributionsOf(p, at(t, "2025-03-01"))
	if got := groupsOf(c.Cells, "org-1", Cohort, ProgrammeKind, reg); strings.Join(got, " ") != NoProgramme {
		t.Errorf("without a programme: %v", got)
	}
}

// TestTwoRolesOfDifferentOccupations counts a person asked for a barista
// role in January and a gardener role in March in each role's group, each
// group's steps from its own introduction.
func TestTwoRolesOfDifferentOccupations(t *testing.T) {
	p := walked(t)
	p.Introductions = append(p.Introductions, IntroductionFacts{ID: "intro-0", RoleID: "role-2",
		EmployerOrgID: "emp-2", RoleContract: "", RoleOccupation: "gardener",
		RequestedAt: at(t, "2025-01-25T10:00"), Answer: &AnswerFacts{Accepted: false, AnsweredAt: at(t, "2025-01-26")}})
	c := ContributionsOf(p, at(t, "2025-03-01"))
	for group, want := range map[string]string{
		"gardener": "asked@2025-01",
		"barista":  "accepted@2025-02 asked@2025-02 hired@2025-02 met@2025-02",
	} {
		if got := measures(c.Cells, "org-1", Activity, Occupation, group); strings.Join(got, " ") != want {
			t.Errorf("%s: %v, want %s", group, got, want)
		}
	}
	if got := measures(c.Cells, "org-1", Activity, All, AllGroup); !slices.Contains(got, "asked@2025-01") || slices.Contains(got, "asked@2025-02") {
		t.Errorf("the total counts the first request once: %v", got)
	}
	if got := groupsOf(c.Cells, "org-1", Cohort, Contract, MeasureOf(Asked)); strings.Join(got, " ") != "permanent unknown" {
		t.Errorf("contract groups %v", got)
	}
	if got := groupsOf(c.Employers, PlatformScope, Activity, Employer, MeasureOf(Asked)); strings.Join(got, " ") != "emp-1 emp-2" {
		t.Errorf("employers %v", got)
	}
}

// TestContractOfHireIsThePlacements counts a request under the role's
// contract kind and the hire under the placement's.
func TestContractOfHireIsThePlacements(t *testing.T) {
	p := walked(t)
	p.Introductions[0].RoleContract = "trial"
	c := ContributionsOf(p, at(t, "2025-04-03"))
	for group, want := range map[string]string{
		"trial":     "accepted@2025-01 asked@2025-01 met@2025-01",
		"permanent": "hired@2025-01 working_30@2025-01",
	} {
		if got := measures(c.Cells, "org-1", Cohort, Contract, group); strings.Join(got, " ") != want {
			t.Errorf("%s: %v, want %s", group, got, want)
		}
	}
}

func sortedKeys(m map[Key]int) []string {
	var out []string
	for k := range m {
		out = append(out, k.String())
	}
	slices.Sort(out)
	return out
}
