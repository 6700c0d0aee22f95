package site

import (
	"errors"
	"net/url"

	"github.com/gofiber/fiber/v2"
)

// The register wizard's first two steps are one address, /candidates/new:
// step 1 asks who the candidate is, step 2 their setting and
// availability, and only step 2's "Register" button stores anything.
// Steps 3 (programme hours and skills) and 4 (consent) work on the
// stored candidate.

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
	// ID is the candidate being edited; Stale says someone else changed
	// it since the form was loaded.
	ID    string
	Stale bool
}

// Editing reports whether the form edits a stored candidate.
func (d *candidateFormPage) Editing() bool { return d.Step == wholeForm }

// ShowIdentity and ShowAvailability choose the form's sections.
func (d *candidateFormPage) ShowIdentity() bool     { return d.Step != stepAvailability }
func (d *candidateFormPage) ShowAvailability() bool { return d.Step != stepIdentity }

// registerIdentityForm is GET /candidates/new: the wizard's first step.
func (s *site) registerIdentityForm(c *fiber.Ctx) error {
	v := s.newView(c, "/candidates/new")
	v.usesPicker = false
	return s.renderCandidateForm(c, v, &candidateFormPage{candidateForm: s.newCandidateForm(c, v), Step: stepIdentity}, fiber.StatusOK)
}

// postRegisterForm is POST /candidates/new. "next" and "back" move
// between the steps, "create" registers the candidate; any other button
// (a picker's search, adding or removing a language) shows the same step
// again with what was posted.
func (s *site) postRegisterForm(c *fiber.Ctx) error {
	v := s.newView(c, "/candidates/new")
	d := &candidateFormPage{candidateForm: s.readCandidateForm(c, v), Step: stepIdentity}
	if formText(c, "step") == "2" {
		d.Step = stepAvailability
	}
	switch formText(c, "action") {
	case "next":
		if !d.checkIdentity(v) {
			v.Alert = v.T("ErrCheckFields")
			return s.renderCandidateForm(c, v, d, fiber.StatusUnprocessableEntity)
		}
		d.Step = stepAvailability
	case "back":
		d.Step = stepIdentity
	case "create":
		return s.registerCandidate(c, v, d)
	}
	return s.renderCandidateForm(c, v, d, fiber.StatusOK)
}

// registerCandidate stores the candidate and goes on to step 3. The
// service's field errors come back next to their fields, on step 1 when
// any of them is about the identity.
func (s *site) registerCandidate(c *fiber.Ctx, v *view, d *candidateFormPage) error {
	d.Step = stepAvailability
	in, ok := d.input(v)
	if !ok {
		v.Alert = v.T("ErrCheckFields")
		return s.renderCandidateForm(c, v, d, fiber.StatusUnprocessableEntity)
	}
	created, err := s.candidates.createCandidate(c.UserContext(), accessToken(c), in)
	var p *apiProblem
	switch {
	case err == nil:
		return c.Redirect(candidateURL(created.ID, "register", "hours")+"?new=1", fiber.StatusSeeOther)
	case errors.As(err, &p) && p.Status == fiber.StatusBadRequest:
		if candidateProblem(v, d.candidateForm, p) {
			d.Step = stepIdentity
		}
		return s.renderCandidateForm(c, v, d, fiber.StatusUnprocessableEntity)
	}
	return s.errorPage(c, err)
}

// editCandidateForm is GET /candidates/:id/edit: identity and
// availability in one form, with the version it was read at.
func (s *site) editCandidateForm(c *fiber.Ctx) error {
	k, err := s.candidates.getCandidate(c.UserContext(), accessToken(c), c.Params("id"))
	if err != nil {
		return s.errorPage(c, err)
	}
	v := s.newView(c, candidateURL(k.ID, "edit"))
	d := &candidateFormPage{candidateForm: s.formFromCandidate(c, v, k), Step: wholeForm, ID: k.ID}
	return s.renderCandidateForm(c, v, d, fiber.StatusOK)
}

// postEditCandidate is POST /candidates/:id/edit. "save" sends every
// field with the version; a stale version is explained with a way to
// reload.
func (s *site) postEditCandidate(c *fiber.Ctx) error {
	id := c.Params("id")
	v := s.newView(c, candidateURL(id, "edit"))
	d := &candidateFormPage{candidateForm: s.readCandidateForm(c, v), Step: wholeForm, ID: id}
	if formText(c, "action") != "save" {
		return s.renderCandidateForm(c, v, d, fiber.StatusOK)
	}
	in, ok := d.input(v)
	if !ok {
		v.Alert = v.T("ErrCheckFields")
		return s.renderCandidateForm(c, v, d, fiber.StatusUnprocessableEntity)
	}
	body, err := in.patch(d.Version)
	if err == nil {
		_, err = s.candidates.updateCandidate(c.UserContext(), accessToken(c), id, body)
	}
	var p *apiProblem
	switch {
	case err == nil:
		return c.Redirect(candidateURL(id)+"?saved=1", fiber.StatusSeeOther)
	case errors.As(err, &p) && p.Status == fiber.StatusConflict:
		d.Stale = true
		v.Alert = v.T("StaffErrStale")
		return s.renderCandidateForm(c, v, d, fiber.StatusConflict)
	case errors.As(err, &p):
		candidateProblem(v, d.candidateForm, p)
		return s.renderCandidateForm(c, v, d, fiber.StatusUnprocessableEntity)
	}
	return s.errorPage(c, err)
}

func (s *site) renderCandidateForm(c *fiber.Ctx, v *view, d *candidateFormPage, status int) error {
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
	// Step 1 has no picker; its hidden fields carry step 2's choices.
	v.usesPicker = d.ShowAvailability()
	d.prepare(v)
	v.Data = d
	return s.render(c, status, "staff_candidate_form", v)
}
