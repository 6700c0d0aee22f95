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

// Corrections: staff put right a programme record or a certificate that
// was entered wrongly, or remove one entered in error. Each form carries
// the candidate's version as it was read; when someone changed the
// candidate meanwhile the service answers 409 and the form comes back with
// what is stored now. The candidates service checks every rule and audits
// every change; these pages read the form and explain answers.

// The two kinds of portfolio entry a correction is about.
const (
	entryRecord      = "record"
	entryCertificate = "certificate"
)

// correctionNotices are the notices the candidate page shows after a
// correction (?corrected=<key>), "CorrectionsNotice_<key>".
var correctionNotices = []string{"record_saved", "record_removed", "certificate_saved", "certificate_removed", "revoked"}

// entryFields map the service's field names to the form's fields, per
// kind, and the messages that explain them.
var entryFields = map[string]map[string]struct{ field, msg string }{
	entryRecord: {
		"programme": {"rec_programme", "StaffErrPortfolio_programme"},
		"from":      {"rec_from", "StaffErrPortfolio_from"},
		"to":        {"rec_to", "StaffErrPortfolio_to"},
		"hours":     {"rec_hours", "StaffErrPortfolio_hours"},
	},
	entryCertificate: {
		"name":   {"cert_name", "StaffErrCertificate_name"},
		"issuer": {"cert_issuer", "StaffErrCertificate_issuer"},
		"date":   {"cert_date", "StaffErrCertificate_date"},
	},
}

// correctionPage is the edit form or the removal's confirmation for one
// entry of a candidate's portfolio.
type correctionPage struct {
	ID, Alias, Name string
	Kind, EntryID   string
	Action          string
	Version         int
	// Stale says the candidate changed since the form was loaded; the
	// form now shows what is stored.
	Stale      bool
	Programmes []kit.Choice
	// Summary describes the entry, on the removal's confirmation.
	Summary []reviewLine
}

// IsRecord reports whether the entry is a programme record.
func (d *correctionPage) IsRecord() bool { return d.Kind == entryRecord }

// entryKind is the route's kind of entry: /records/ or /certificates/.
func entryKind(c *fiber.Ctx) (kind, entryID string) {
	if rid := c.Params("rid"); rid != "" {
		return entryRecord, strings.Clone(rid)
	}
	return entryCertificate, strings.Clone(c.Params("cid"))
}

// entryURL is the address of an entry's page ("edit" or "remove").
func entryURL(id, kind, entryID, page string) string {
	if kind == entryRecord {
		return candidateURL(id, "records", entryID, page)
	}
	return candidateURL(id, "certificates", entryID, page)
}

// fillEntry puts the stored entry into form and reports whether the
// candidate holds it.
func fillEntry(form map[string]string, k api.Candidate, kind, entryID string) bool {
	if kind == entryRecord {
		for _, r := range k.ProgrammeRecords {
			if r.ID == entryID {
				form["rec_programme"], form["rec_from"], form["rec_to"] = r.Programme, r.From, kit.Deref(r.To)
				form["rec_hours"] = strconv.Itoa(r.Hours)
				return true
			}
		}
		return false
	}
	for _, ct := range k.Certificates {
		if ct.ID == entryID {
			form["cert_name"], form["cert_issuer"], form["cert_date"] = ct.Name, ct.Issuer, ct.Date
			return true
		}
	}
	return false
}

// EditEntryForm is GET /candidates/:id/records/:rid/edit and
// /candidates/:id/certificates/:cid/edit.
func (p *Pages) EditEntryForm(c *fiber.Ctx) error {
	id := strings.Clone(c.Params("id"))
	kind, entryID := entryKind(c)
	v := p.kit.NewView(c, entryURL(id, kind, entryID, "edit"))
	return p.renderEntry(c, v, &correctionPage{Kind: kind, EntryID: entryID}, id, true, fiber.StatusOK)
}

// EditEntry is POST to the same addresses: it replaces the entry whole
// with what the form holds.
func (p *Pages) EditEntry(c *fiber.Ctx) error {
	id := strings.Clone(c.Params("id"))
	kind, entryID := entryKind(c)
	v := p.kit.NewView(c, entryURL(id, kind, entryID, "edit"))
	d := &correctionPage{Kind: kind, EntryID: entryID}
	d.Version, _ = strconv.Atoi(kit.FormText(c, "version"))
	var err error
	if kind == entryRecord {
		kit.FormValues(c, v, "rec_programme", "rec_from", "rec_to", "rec_hours")
		in := api.UpdateProgrammeRecordJSONRequestBody{Version: d.Version, Programme: v.Val("rec_programme"),
			From: v.Val("rec_from"), To: optional(v.Val("rec_to"))}
		if in.Hours, err = wholeNumber(v, "rec_hours"); err == nil {
			_, err = p.kit.API.UpdateProgrammeRecordWithResponse(kit.Ctx(c), id, entryID, in)
		}
	} else {
		kit.FormValues(c, v, "cert_name", "cert_issuer", "cert_date")
		in := api.UpdateCertificateJSONRequestBody{Version: d.Version, Name: v.Val("cert_name"), Date: v.Val("cert_date"),
			Issuer: optional(v.Val("cert_issuer"))}
		_, err = p.kit.API.UpdateCertificateWithResponse(kit.Ctx(c), id, entryID, in)
	}
	if err == nil {
		return c.Redirect(candidateURL(id)+"?corrected="+kind+"_saved", fiber.StatusSeeOther)
	}
	return p.entryProblem(c, v, d, id, err)
}

// entryProblem explains a refused correction on the form: field errors
// next to their fields with the input kept, a stale version with what is
// stored now, a refusal above the form. Another organisation's candidate,
// or an entry that is gone, is the not-found page.
func (p *Pages) entryProblem(c *fiber.Ctx, v *kit.View, d *correctionPage, id string, err error) error {
	var prob *kit.Problem
	switch {
	case errors.Is(err, errNotANumber):
		v.Alert = v.T("ErrCheckFields")
		return p.renderEntry(c, v, d, id, false, fiber.StatusUnprocessableEntity)
	case errors.Is(err, errs.Conflict):
		d.Stale = true
		v.Alert = v.T("CorrectionsErrStale")
		return p.renderEntry(c, v, d, id, true, fiber.StatusConflict)
	case errors.As(err, &prob) && prob.Status == fiber.StatusBadRequest:
		v.Alert = v.T("ErrCheckFields")
		for _, fe := range prob.Errors {
			m, ok := entryFields[d.Kind][formField(fe.Field)]
			if !ok {
				v.Alert = v.T("StaffErrUnexpected")
				continue
			}
			v.AddError(m.field, v.T(m.msg))
		}
		return p.renderEntry(c, v, d, id, false, fiber.StatusUnprocessableEntity)
	case errors.Is(err, errs.Forbidden):
		v.Alert = v.T("CorrectionsErrForbidden")
		return p.renderEntry(c, v, d, id, false, fiber.StatusForbidden)
	}
	return p.kit.ErrorPage(c, err)
}

// renderEntry reads the candidate for its name and version and shows the
// edit form; stored fills the form with the entry as stored now and takes
// the candidate's version.
func (p *Pages) renderEntry(c *fiber.Ctx, v *kit.View, d *correctionPage, id string, stored bool, status int) error {
	k, err := p.candidate(c, id)
	if err != nil {
		return p.kit.ErrorPage(c, err)
	}
	form := map[string]string{}
	if stored {
		form = v.Form
		d.Version = int(k.Version)
	}
	if !fillEntry(form, k, d.Kind, d.EntryID) {
		return p.kit.ErrorPage(c, errs.NotFound)
	}
	d.ID, d.Alias, d.Name, d.Action = k.ID, k.Alias, displayName(k), entryURL(id, d.Kind, d.EntryID, "edit")
	if d.IsRecord() {
		d.Programmes = p.programmeChoices(c, v.Val("rec_programme"))
	}
	v.Data = d
	return p.tmpl.Render(c, status, "staff_correction_form", v)
}
