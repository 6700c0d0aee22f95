package staff

import (
	"errors"
	"strconv"
	"strings"

	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/api"
	"github.com/onward-jobs/onward/pkg/errs"
	"github.com/onward-jobs/onward/services/web/internal/kit"
)

// Removing a programme record or a certificate entered in error asks
// first, on a page of its own, so it works without JavaScript: the page
// shows the entry and what removing it does, and only its button removes.

// RemoveEntryForm is GET /candidates/:id/records/:rid/remove and
// /candidates/:id/certificates/:cid/remove: the confirmation.
func (p *Pages) RemoveEntryForm(c *fiber.Ctx) error {
	id := strings.Clone(c.Params("id"))
	kind, entryID := entryKind(c)
	v := p.kit.NewView(c, entryURL(id, kind, entryID, "remove"))
	return p.renderRemoval(c, v, &correctionPage{Kind: kind, EntryID: entryID}, id, fiber.StatusOK)
}

// RemoveEntry is POST to the same addresses: it removes the entry at the
// version the confirmation was read at.
func (p *Pages) RemoveEntry(c *fiber.Ctx) error {
	id := strings.Clone(c.Params("id"))
	kind, entryID := entryKind(c)
	v := p.kit.NewView(c, entryURL(id, kind, entryID, "remove"))
	d := &correctionPage{Kind: kind, EntryID: entryID}
	version, _ := strconv.Atoi(kit.FormText(c, "version"))
	var err error
	if kind == entryRecord {
		_, err = p.kit.API.RemoveProgrammeRecordWithResponse(kit.Ctx(c), id, entryID, &api.RemoveProgrammeRecordParams{Version: version})
	} else {
		_, err = p.kit.API.RemoveCertificateWithResponse(kit.Ctx(c), id, entryID, &api.RemoveCertificateParams{Version: version})
	}
	var prob *kit.Problem
	switch {
	case err == nil:
		return c.Redirect(candidateURL(id)+"?corrected="+kind+"_removed", fiber.StatusSeeOther)
	case errors.Is(err, errs.Conflict):
		d.Stale = true
		v.Alert = v.T("CorrectionsErrStale")
		return p.renderRemoval(c, v, d, id, fiber.StatusConflict)
	case errors.Is(err, errs.Forbidden):
		v.Alert = v.T("CorrectionsErrForbidden")
		return p.renderRemoval(c, v, d, id, fiber.StatusForbidden)
	case errors.As(err, &prob):
		v.Alert = v.T("StaffErrUnexpected")
		return p.renderRemoval(c, v, d, id, fiber.StatusUnprocessableEntity)
	}
	return p.kit.ErrorPage(c, err)
}

// renderRemoval reads the candidate and shows the entry as stored now,
// with the candidate's current version.
func (p *Pages) renderRemoval(c *fiber.Ctx, v *kit.View, d *correctionPage, id string, status int) error {
	k, err := p.candidate(c, id)
	if err != nil {
		return p.kit.ErrorPage(c, err)
	}
	if !fillEntry(v.Form, k, d.Kind, d.EntryID) {
		return p.kit.ErrorPage(c, errs.NotFound)
	}
	d.ID, d.Alias, d.Name, d.Version = k.ID, k.Alias, displayName(k), int(k.Version)
	d.Action = entryURL(id, d.Kind, d.EntryID, "remove")
	l := &lines{v: v}
	if d.IsRecord() {
		name := v.Val("rec_programme")
		if n := p.programmeNames(c)[name]; n != "" {
			name = n
		}
		hours, _ := strconv.Atoi(v.Val("rec_hours"))
		l.add("StaffField_programme", name)
		l.add("StaffField_rec_from", v.Val("rec_from"))
		l.add("StaffField_rec_to", v.Val("rec_to"))
		l.add("StaffField_rec_hours", v.T("StaffHours", "Count", hours))
	} else {
		l.add("StaffField_cert_name", v.Val("cert_name"))
		l.add("StaffField_cert_issuer", v.Val("cert_issuer"))
		l.add("StaffField_cert_date", v.Val("cert_date"))
	}
	d.Summary = l.out
	v.Data = d
	return p.tmpl.Render(c, status, "staff_correction_remove", v)
}
