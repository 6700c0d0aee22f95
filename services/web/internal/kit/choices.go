package kit

import (
	"slices"

	"github.com/gofiber/fiber/v2"
)

// Choice is one option of a select, a radio group or a set of check boxes.
type Choice struct {
	Value, Label, Hint string
	Selected           bool
}

// Choices names values in the user's language with the messages
// prefix+value, marking the chosen ones.
func Choices(v *View, prefix string, values []string, chosen ...string) []Choice {
	out := make([]Choice, 0, len(values))
	for _, val := range values {
		out = append(out, Choice{Value: val, Label: v.T(prefix + val), Selected: slices.Contains(chosen, val)})
	}
	return out
}

// FormList is every value of a repeated field, from the posted form or
// else the query string.
func FormList(c *fiber.Ctx, name string) []string {
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
