package site

import (
	"errors"
	"strings"

	"github.com/gofiber/fiber/v2"
)

// The review step asks the employers service whether the role would be
// accepted (POST /api/v1/roles/validate, or /roles/{id}/validate for an
// edit), which stores nothing. Every objection shows at once: beside its
// line of the review, with a button back to its field, and again beside
// the field itself once the employer goes back.

// validateForReview checks the role as it stands. A refusal marks the
// form invalid and puts each error at its field; a role changed meanwhile
// (an edit) marks it stale; when the check itself cannot be made, the
// review goes on and saving reports what the service says then.
func (s *site) validateForReview(c *fiber.Ctx, v *view, d *roleFormPage, in roleInput) {
	in.Status = ""
	id := ""
	if d.Editing {
		id = d.ID
	} else {
		in.Version = 0
	}
	err := s.employers.validateRole(c.UserContext(), accessToken(c), id, in)
	var p *apiProblem
	switch {
	case err == nil:
		return
	case errors.As(err, &p) && p.Status == fiber.StatusConflict:
		d.Stale, d.Step = true, stepDetails
		v.Alert = v.T("ErrRoleStale")
	case errors.As(err, &p):
		d.Invalid = true
		roleProblem(v, d.roleForm, p)
		if d.Step == stepReview {
			v.Alert = v.T("EmpReviewInvalid")
			toReviewFields(v)
		}
	default:
		s.logServiceFailure(c, "employers", err)
	}
}

// toReviewFields renames the form's field errors after the review's
// lines: a shift's or a language row's error belongs to the schedule's or
// the languages' line.
func toReviewFields(v *view) {
	order, msgs := v.errorOrder, v.Errors
	v.errorOrder, v.Errors = nil, map[string]string{}
	for _, field := range order {
		key := field
		switch {
		case field == "start_time" || strings.HasPrefix(field, "shift_start_"):
			key = "schedule"
		case strings.HasPrefix(field, "lang_level_"):
			key = "languages"
		}
		v.addError(key, msgs[field])
	}
}

// reviewErrors puts each field error beside its line of the review.
func reviewErrors(v *view, r *roleReview) {
	for i := range r.Lines {
		r.Lines[i].Error = v.Err(r.Lines[i].Field)
	}
	r.EssentialError, r.OptionalError = v.Err("essential_skills"), v.Err("optional_skills")
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
func wordingGroups(v *view, notes []wordingNote) []wordingGroup {
	var out []wordingGroup
	for _, cat := range append(wordingCategories, "") {
		g := wordingGroup{Category: cat}
		for _, n := range notes {
			known := false
			for _, k := range wordingCategories {
				known = known || n.Category == k
			}
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
