package site

import (
	"github.com/gofiber/fiber/v2"
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

// choice is one option of a select or a group of checkboxes.
type choice struct {
	Value, Label, Hint string
	Selected           bool
}

// choices names values in the user's language with the messages
// prefix+value, marking the chosen ones.
func choices(v *view, prefix string, values []string, chosen ...string) []choice {
	out := make([]choice, 0, len(values))
	for _, val := range values {
		c := choice{Value: val, Label: v.T(prefix + val)}
		for _, ch := range chosen {
			if ch == val {
				c.Selected = true
			}
		}
		out = append(out, c)
	}
	return out
}

// formList is every value of a repeated field (checkboxes, rows of a
// list) from a posted form or, failing that, the query string.
func formList(c *fiber.Ctx, name string) []string {
	raw := c.Request().PostArgs().PeekMulti(name)
	if len(raw) == 0 {
		raw = c.Request().URI().QueryArgs().PeekMulti(name)
	}
	out := make([]string, 0, len(raw))
	for _, b := range raw {
		out = append(out, string(b))
	}
	return out
}
