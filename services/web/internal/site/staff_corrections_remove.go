package site

import (
	"errors"
	"strconv"
	"strings"

	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/errs"
)

// Removing a programme record or a certificate entered in error asks
// first, on a page of its own, so it works without JavaScript: the page
// shows the entry and what removing it does, and only its button removes.

// removeEntryForm is GET /candidates/:id/records/:rid/remove and
// /candidates/:id/certificates/:cid/remove: the confirmation.
func (s *site) removeEntryForm(c *fiber.Ctx) error {
	id := strings.Clone(c.Params("id"))
	kind, entryID := entryKind(c)
	v := s.newView(c, entryURL(id, kind, entryID, "remove"))
	return s.renderRemoval(c, v, &correctionPage{Kind: kind, EntryID: entryID}, id, fiber.StatusOK)
}

// postRemoveEntry removes the entry at the version the confirmation was
// read at.
func (s *site) postRemoveEntry(c *fiber.Ctx) error {
	id := strings.Clone(c.Params("id"))
	kind, entryID := entryKind(c)
	v := s.newView(c, entryURL(id, kind, entryID, "remove"))
	d := &correctionPage{Kind: kind, EntryID: entryID}
	version, _ := strconv.Atoi(formText(c, "version"))
	var err error
	if kind == entryRecord {
		err = s.candidates.removeProgrammeRecord(c.UserContext(), accessToken(c), id, entryID, version)
	} else {
		err = s.candidates.removeCertificate(c.UserContext(), accessToken(c), id, entryID, version)
	}
	var p *apiProblem
	switch {
	case err == nil:
		return c.Redirect(candidateURL(id)+"?corrected="+kind+"_removed", fiber.StatusSeeOther)
	case errors.As(err, &p) && p.Status == fiber.StatusConflict:
		d.Stale = true
		v.Alert = v.T("CorrectionsErrStale")
		return s.renderRemoval(c, v, d, id, fiber.StatusConflict)
	case errors.Is(err, errs.Forbidden):
		v.Alert = v.T("CorrectionsErrForbidden")
		return s.renderRemoval(c, v, d, id, fiber.StatusForbidden)
	case errors.As(err, &p):
		v.Alert = v.T("StaffErrUnexpected")
		return s.renderRemoval(c, v, d, id, fiber.StatusUnprocessableEntity)
	}
	return s.errorPage(c, err)
}

// renderRemoval reads the candidate and shows the entry as stored now,
// with the candidate's current version.
func (s *site) renderRemoval(c *fiber.Ctx, v *view, d *correctionPage, id string, status int) error {
	k, err := s.candidates.getCandidate(c.UserContext(), accessToken(c), id)
	if err != nil {
		return s.errorPage(c, err)
	}
	if !fillEntry(v, k, d.Kind, d.EntryID) {
		return s.errorPage(c, errs.NotFound)
	}
	d.ID, d.Alias, d.Name, d.Version = k.ID, k.Alias, displayName(k), k.Version
	d.Action = entryURL(id, d.Kind, d.EntryID, "remove")
	line := func(labelID, value string) {
		if value != "" {
			d.Summary = append(d.Summary, reviewLine{Label: v.T(labelID), Value: value})
		}
	}
	if d.IsRecord() {
		name := v.Val("rec_programme")
		for _, p := range s.programmeChoices(c, "") {
			if p.Value == name {
				name = p.Label
			}
		}
		hours, _ := strconv.Atoi(v.Val("rec_hours"))
		line("StaffField_programme", name)
		line("StaffField_rec_from", v.Val("rec_from"))
		line("StaffField_rec_to", v.Val("rec_to"))
		line("StaffField_rec_hours", v.T("StaffHours", "Count", hours))
	} else {
		line("StaffField_cert_name", v.Val("cert_name"))
		line("StaffField_cert_issuer", v.Val("cert_issuer"))
		line("StaffField_cert_date", v.Val("cert_date"))
	}
	v.Data = d
	return s.render(c, status, "staff_correction_remove", v)
}
