package employer

import (
	"errors"
	"strings"

	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/api"
	"github.com/onward-jobs/onward/services/web/internal/kit"
)

// The review step asks the API whether the role would be accepted (POST
// /api/v1/roles/validate, or /roles/{id}/validate for an edit), which
// stores nothing. Every objection shows at once: beside its line of the
// review, with a button back to its field, and again beside the field
// itself once the employer goes back.

// validateForReview checks the role as it stands. A refusal marks the
// form invalid and puts each error at its field; a role changed meanwhile
// (an edit) marks it stale; when the check itself cannot be made, the
// review goes on and saving reports what the service says then.
func (p *Pages) validateForReview(c *fiber.Ctx, v *kit.View, d *roleFormPage, in api.RoleInput) {
	in.Status = nil
	var err error
	if d.Editing {
		_, err = p.kit.API.ValidateRoleEditWithResponse(kit.Ctx(c), d.ID, in)
	} else {
		in.Version = nil
		_, err = p.kit.API.ValidateRoleDraftWithResponse(kit.Ctx(c), in)
	}
	var pr *kit.Problem
	switch {
	case err == nil:
		return
	case errors.As(err, &pr) && pr.Status == fiber.StatusConflict:
		d.Stale, d.Step = true, stepDetails
		v.Alert = v.T("ErrRoleStale")
	case errors.As(err, &pr):
		d.Invalid = true
		roleProblem(v, d.roleForm, pr, d.Step == stepReview)
		if d.Step == stepReview {
			v.Alert = v.T("EmpReviewInvalid")
		}
	default:
		p.kit.LogFailure(c, "validate role", err)
	}
}

// reviewField is the review's line for a form field's error: a shift's
// or a language row's error belongs to the schedule's or the languages'
// line.
func reviewField(field string) string {
	switch {
	case field == "start_time" || strings.HasPrefix(field, "shift_start_"):
		return "schedule"
	case strings.HasPrefix(field, "lang_level_"):
		return "languages"
	}
	return field
}

// reviewErrors puts each field error beside its line of the review.
func reviewErrors(v *kit.View, r *roleReview) {
	for i := range r.Lines {
		r.Lines[i].Error = v.Err(r.Lines[i].Field)
	}
	r.EssentialError, r.OptionalError = v.Err("essential_skills"), v.Err("optional_skills")
}
