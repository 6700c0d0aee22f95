package site

import (
	"errors"
	"strings"

	"github.com/gofiber/fiber/v2"
)

// A certificate is a qualification from an outside issuer, such as food
// hygiene or a forklift licence. Staff add one from the candidate page;
// the candidates service checks it and records it in the portfolio.

// certificateInput is what the certificate form sends.
type certificateInput struct {
	Name   string `json:"name"`
	Issuer string `json:"issuer"`
	Date   string `json:"date"`
}

// certificateFields map the service's field names to the form's fields
// and the messages that explain them.
var certificateFields = map[string]struct{ field, msg string }{
	"name":   {"cert_name", "StaffErrCertificate_name"},
	"issuer": {"cert_issuer", "StaffErrCertificate_issuer"},
	"date":   {"cert_date", "StaffErrCertificate_date"},
}

// certificatePage is the certificate form and who it is for.
type certificatePage struct {
	ID, Alias, Name, Action string
}

// certificateForm is GET /candidates/:id/certificates/new.
func (s *site) certificateForm(c *fiber.Ctx) error {
	id := strings.Clone(c.Params("id"))
	return s.renderCertificate(c, s.newView(c, candidateURL(id, "certificates", "new")), id, fiber.StatusOK)
}

// postCertificate is POST /candidates/:id/certificates/new: the service
// records the certificate and the candidate page says so, or its field
// errors go next to the fields with what was typed.
func (s *site) postCertificate(c *fiber.Ctx) error {
	id := strings.Clone(c.Params("id"))
	v := s.newView(c, candidateURL(id, "certificates", "new"))
	formValues(c, v, "cert_name", "cert_issuer", "cert_date")
	in := certificateInput{Name: v.Val("cert_name"), Issuer: v.Val("cert_issuer"), Date: v.Val("cert_date")}
	err := s.candidates.addCertificate(c.UserContext(), accessToken(c), id, in)
	var p *apiProblem
	switch {
	case err == nil:
		return c.Redirect(candidateURL(id)+"?certificate=added", fiber.StatusSeeOther)
	case errors.As(err, &p) && p.Status == fiber.StatusBadRequest:
		v.Alert = v.T("ErrCheckFields")
		for _, fe := range p.Errors {
			m, ok := certificateFields[formField(fe.Field)]
			if !ok {
				v.Alert = v.T("StaffErrUnexpected")
				continue
			}
			v.addError(m.field, v.T(m.msg))
		}
		return s.renderCertificate(c, v, id, fiber.StatusUnprocessableEntity)
	}
	return s.errorPage(c, err)
}

// renderCertificate shows the form under the candidate's name and alias,
// so staff see whose portfolio they add to.
func (s *site) renderCertificate(c *fiber.Ctx, v *view, id string, status int) error {
	k, err := s.candidates.getCandidate(c.UserContext(), accessToken(c), id)
	if err != nil {
		return s.errorPage(c, err)
	}
	v.Data = &certificatePage{ID: k.ID, Alias: k.Alias, Name: displayName(k), Action: candidateURL(id, "certificates", "new")}
	return s.render(c, status, "staff_certificate", v)
}
