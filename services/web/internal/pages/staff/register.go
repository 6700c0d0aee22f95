package staff

import (
	"errors"
	"net/url"

	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/errs"
	"github.com/onward-jobs/onward/services/web/internal/kit"
)

// The register wizard's first two steps are one address, /candidates/new:
// step 1 asks who the candidate is, step 2 their setting and availability,
// and only step 2's "Register" button stores anything.

// Wizard steps, and the edit page's whole form.
const (
	stepIdentity     = 1
	stepAvailability = 2
	wholeForm        = 0
)

// candidateFormPage is what the candidate form's template gets.
type candidateFormPage struct {
	*candidateForm
	Step   int
	Action string
	Hidden url.Values
	// ID is the candidate being edited; Stale says someone else changed it
	// since the form was loaded.
	ID    string
	Stale bool
}

// Editing reports whether the form edits a stored candidate.
func (d *candidateFormPage) Editing() bool { return d.Step == wholeForm }

// ShowIdentity chooses the form's identity section.
func (d *candidateFormPage) ShowIdentity() bool { return d.Step != stepAvailability }

// ShowAvailability chooses the form's availability section.
func (d *candidateFormPage) ShowAvailability() bool { return d.Step != stepIdentity }

// RegisterForm is GET /candidates/new: the wizard's first step.
func (p *Pages) RegisterForm(c *fiber.Ctx) error {
	v := p.kit.NewView(c, "/candidates/new")
	return p.renderCandidateForm(c, v, &candidateFormPage{candidateForm: p.newCandidateForm(c, v), Step: stepIdentity}, fiber.StatusOK)
}

// Register is POST /candidates/new. "next" and "back" move between the
// steps, "create" registers the candidate; any other button (a picker's
// search, adding or removing a language) shows the same step again with
// what was posted.
func (p *Pages) Register(c *fiber.Ctx) error {
	v := p.kit.NewView(c, "/candidates/new")
	d := &candidateFormPage{candidateForm: p.readCandidateForm(c, v), Step: stepIdentity}
	if kit.FormText(c, "step") == "2" {
		d.Step = stepAvailability
	}
	switch kit.FormText(c, "action") {
	case "next":
		if !d.checkIdentity(v) {
			v.Alert = v.T("ErrCheckFields")
			return p.renderCandidateForm(c, v, d, fiber.StatusUnprocessableEntity)
		}
		d.Step = stepAvailability
	case "back":
		d.Step = stepIdentity
	case "create":
		return p.registerCandidate(c, v, d)
	}
	return p.renderCandidateForm(c, v, d, fiber.StatusOK)
}

// registerCandidate stores the candidate and goes on to step 3. The
// service's field errors come back next to their fields, on step 1 when
// any of them is about the identity.
func (p *Pages) registerCandidate(c *fiber.Ctx, v *kit.View, d *candidateFormPage) error {
	d.Step = stepAvailability
	in, ok := d.input(v)
	if !ok {
		v.Alert = v.T("ErrCheckFields")
		return p.renderCandidateForm(c, v, d, fiber.StatusUnprocessableEntity)
	}
	resp, err := p.kit.API.RegisterCandidateWithResponse(kit.Ctx(c), in)
	var prob *kit.Problem
	switch {
	case err == nil:
		return c.Redirect(candidateURL(resp.JSON201.ID, "register", "hours")+"?new=1", fiber.StatusSeeOther)
	case errors.As(err, &prob) && prob.Status == fiber.StatusBadRequest:
		if candidateProblem(v, d.candidateForm, prob) {
			d.Step = stepIdentity
		}
		return p.renderCandidateForm(c, v, d, fiber.StatusUnprocessableEntity)
	}
	return p.kit.ErrorPage(c, err)
}

// EditCandidateForm is GET /candidates/:id/edit: identity and availability
// in one form, with the version it was read at.
func (p *Pages) EditCandidateForm(c *fiber.Ctx) error {
	k, err := p.candidate(c, c.Params("id"))
	if err != nil {
		return p.kit.ErrorPage(c, err)
	}
	v := p.kit.NewView(c, candidateURL(k.ID, "edit"))
	d := &candidateFormPage{candidateForm: p.formFromCandidate(c, v, k), Step: wholeForm, ID: k.ID}
	return p.renderCandidateForm(c, v, d, fiber.StatusOK)
}

// EditCandidate is POST /candidates/:id/edit. "save" sends every field
// with the version; a stale version is explained with a way to reload.
func (p *Pages) EditCandidate(c *fiber.Ctx) error {
	id := c.Params("id")
	v := p.kit.NewView(c, candidateURL(id, "edit"))
	d := &candidateFormPage{candidateForm: p.readCandidateForm(c, v), Step: wholeForm, ID: id}
	if kit.FormText(c, "action") != "save" {
		return p.renderCandidateForm(c, v, d, fiber.StatusOK)
	}
	in, ok := d.input(v)
	if !ok {
		v.Alert = v.T("ErrCheckFields")
		return p.renderCandidateForm(c, v, d, fiber.StatusUnprocessableEntity)
	}
	body, err := patchBody(in, d.Version)
	if err == nil {
		_, err = p.kit.API.PatchCandidateWithBodyWithResponse(kit.Ctx(c), id, fiber.MIMEApplicationJSON, body)
	}
	var prob *kit.Problem
	switch {
	case err == nil:
		return c.Redirect(candidateURL(id)+"?saved=1", fiber.StatusSeeOther)
	case errors.Is(err, errs.Conflict):
		d.Stale = true
		v.Alert = v.T("StaffErrStale")
		return p.renderCandidateForm(c, v, d, fiber.StatusConflict)
	case errors.As(err, &prob):
		candidateProblem(v, d.candidateForm, prob)
		return p.renderCandidateForm(c, v, d, fiber.StatusUnprocessableEntity)
	}
	return p.kit.ErrorPage(c, err)
}

func (p *Pages) renderCandidateForm(c *fiber.Ctx, v *kit.View, d *candidateFormPage, status int) error {
	d.Action = "/candidates/new"
	if d.Editing() {
		d.Action = candidateURL(d.ID, "edit")
	} else {
		d.Hidden = d.hidden(d.Step)
	}
	// A picker's buttons come back to the picker (issue 11, item 2.2).
	if d.House != nil && d.Region != nil {
		d.House.Action, d.Region.Action = d.Action+"#house-choice", d.Action+"#region-choice"
	}
	d.prepare(v)
	v.Data = d
	return p.tmpl.Render(c, status, "staff_candidate_form", v)
}
