package employer

import (
	"slices"
	"strconv"

	"github.com/onward-jobs/onward/services/web/internal/kit"
)

// naceSections are the NACE Rev. 2 sections an employer or a role can
// belong to; their names are the messages "Nace_<letter>".
var naceSections = []string{"A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L", "M", "N", "O", "P", "Q", "R", "S", "T", "U"}

// contracts are the kinds of contract a role offers ("Contract_<kind>").
var contracts = []string{"permanent", "fixed_term", "temporary", "apprenticeship", "work_placement"}

// weekdays are a schedule's days ("Day_<day>").
var weekdays = []string{"mon", "tue", "wed", "thu", "fri", "sat", "sun"}

// sizeBands are an employer's size bands, in people.
var sizeBands = []string{"1-9", "10-49", "50-249", "250+"}

// commitments are the fair-chance commitments an employer can make
// ("Commitment_<id>" with "CommitmentHint_<id>").
var commitments = []string{"skills_first", "mentor", "day_release_welcome", "appointment_adjustments"}

// skillLevels are the minimum levels a role can ask for, 1 to 4.
var skillLevels = []int{1, 2, 3, 4}

// levelText is a skill level in words ("Level_1" to "Level_4"); anything
// out of range counts as the nearest level.
func levelText(v *kit.View, level int) string {
	return v.T("Level_" + strconv.Itoa(kit.ClampLevel(level)))
}

// onlyKnown keeps the values that are in known, in their order.
func onlyKnown(values, known []string) []string {
	var out []string
	for _, k := range known {
		if slices.Contains(values, k) {
			out = append(out, k)
		}
	}
	return out
}

// nonNil sends an empty list rather than null.
func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
