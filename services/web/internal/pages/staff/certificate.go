package staff

import (
	"errors"
	"strings"

	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/api"
	"github.com/onward-jobs/onward/services/web/internal/kit"
)

// A certificate is a qualification from an outside issuer, such as food
// hygiene or a forklift licence. Staff add one from the candidate page;
// the candidates service checks it and records it in the portfolio.

// certificatePage is the certificate form and who it is for.
type certificatePage struct {
	ID, Alias, Name, Action string
}

// CertificateForm is GET /candidates/:id/certificates/new.
func (p *Pages) CertificateForm(c *fiber.Ctx) error {
	id := strings.Clone(c.Params("id"))
	return p.renderCertificate(c, p.kit.NewView(c, candidateURL(id, "certificates", "new")), id, fiber.StatusOK)
}

// AddCertificate is POST /candidates/:id/certificates/new: the service
// records the certificate and the candidate page says so, or its field
// errors go next to the fields with what was typed.
func (p *Pages) AddCertificate(c *fiber.Ctx) error {
	id := strings.Clone(c.Params("id"))
	v := p.kit.NewView(c, candidateURL(id, "certificates", "new"))
	kit.FormValues(c, v, "cert_name", "cert_issuer", "cert_date")
	in := api.AddCertificateJSONRequestBody{Name: v.Val("cert_name"), Issuer: optional(v.Val("cert_issuer")), Date: v.Val("cert_date")}
	_, err := p.kit.API.AddCertificateWithResponse(kit.Ctx(c), id, in)
	var prob *kit.Problem
	switch {
	case err == nil:
		return c.Redirect(candidateURL(id)+"?certificate=added", fiber.StatusSeeOther)
	case errors.As(err, &prob) && prob.Status == fiber.StatusBadRequest:
		v.Alert = v.T("ErrCheckFields")
		for _, fe := range prob.Errors {
			m, ok := entryFields[entryCertificate][formField(fe.Field)]
			if !ok {
				v.Alert = v.T("StaffErrUnexpected")
				continue
			}
			v.AddError(m.field, v.T(m.msg))
		}
		return p.renderCertificate(c, v, id, fiber.StatusUnprocessableEntity)
	}
	return p.kit.ErrorPage(c, err)
}

// renderCertificate shows the form under the candidate's name and alias,
// so staff see whose portfolio they add to.
func (p *Pages) renderCertificate(c *fiber.Ctx, v *kit.View, id string, status int) error {
	k, err := p.candidate(c, id)
	if err != nil {
		return p.kit.ErrorPage(c, err)
	}
	v.Data = &certificatePage{ID: k.ID, Alias: k.Alias, Name: displayName(k), Action: candidateURL(id, "certificates", "new")}
	return p.tmpl.Render(c, status, "staff_certificate", v)
}
