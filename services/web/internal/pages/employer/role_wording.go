package employer

import (
	"slices"

	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/api"
	"github.com/onward-jobs/onward/services/web/internal/kit"
)

// wordingNote is a gentle note from the inclusive-wording check.
type wordingNote struct {
	Field, Phrase, Suggestion, Reason, Category string
}

// wordingNoteOf converts one of the check's flags for the form.
func wordingNoteOf(f api.WordingFlag) wordingNote {
	return wordingNote{
		Field: string(kit.Deref(f.Field)), Phrase: kit.Deref(f.Phrase), Suggestion: kit.Deref(f.Suggestion),
		Reason: kit.Deref(f.Reason), Category: string(kit.Deref(f.Category)),
	}
}

// checkWording asks the inclusive-wording check about the title and
// description. Its notes are gentle and never block; when the check is
// unavailable the form simply goes on without them.
func (p *Pages) checkWording(c *fiber.Ctx, v *kit.View, d *roleFormPage) {
	if d.Title == "" && d.Description == "" {
		return
	}
	resp, err := p.kit.API.CheckWordingWithResponse(kit.Ctx(c), api.CheckWordingJSONRequestBody{
		Title: kit.Ptr(d.Title), Description: kit.Ptr(d.Description), Lang: kit.Ptr(v.Lang),
	})
	if err != nil {
		p.kit.LogFailure(c, "wording check", err)
		return
	}
	for _, f := range resp.JSON200.Flags {
		d.Flags = append(d.Flags, wordingNoteOf(f))
	}
	if len(d.Flags) == 0 {
		v.Notice = v.T("WordingClear")
	}
}

// wordingGroup is the wording check's notes of one category, with what
// that category is about and why it matters.
type wordingGroup struct {
	Category, Heading, Why string
	Notes                  []wordingNote
}

// wordingCategories are the check's categories in the order the form
// explains them; notes of any other category come last, unexplained.
var wordingCategories = []string{"criminal_record", "age", "appearance"}

// wordingGroups sorts the notes by category.
func wordingGroups(v *kit.View, notes []wordingNote) []wordingGroup {
	var out []wordingGroup
	for _, cat := range append(slices.Clone(wordingCategories), "") {
		g := wordingGroup{Category: cat}
		for _, n := range notes {
			known := slices.Contains(wordingCategories, n.Category)
			if n.Category == cat || (cat == "" && !known) {
				g.Notes = append(g.Notes, n)
			}
		}
		if len(g.Notes) == 0 {
			continue
		}
		if cat != "" {
			g.Heading, g.Why = v.T("EmpWordingHead_"+cat), v.T("EmpWordingWhy_"+cat)
		} else {
			g.Heading = v.T("EmpWordingHeadOther")
		}
		out = append(out, g)
	}
	return out
}
