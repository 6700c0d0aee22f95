package verify

import (
	"errors"
	"io"
	"strings"

	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/api"
	"github.com/onward-jobs/onward/pkg/errs"
	"github.com/onward-jobs/onward/services/web/internal/kit"
)

// MaxCredential caps a pasted or uploaded credential at 64 KiB, as the
// API does: an Onward credential is a few kilobytes.
const MaxCredential = 64 << 10

// page is what the verify template shows: the verdict, when there is
// one, and whether it was opened from a QR code (then without the form).
type page struct {
	Verdict *verdict
	Scanned bool
}

// Form is GET /verify: the form to paste a credential or choose its file.
func (p *Pages) Form(c *fiber.Ctx) error {
	p.k.ResumeSession(c)
	v := p.k.NewView(c, "/verify")
	v.Data = &page{}
	return p.tmpl.Render(c, fiber.StatusOK, "verify", v)
}

// Check is POST /verify: the credential pasted or uploaded (a multipart
// form, for the file) is sent to the API, and its verdict shown above an
// empty form, to check another.
func (p *Pages) Check(c *fiber.Ctx) error {
	p.k.ResumeSession(c)
	v := p.k.NewView(c, "/verify")
	v.Data = &page{}
	credential, field, problem := readCredential(c)
	if problem == "" {
		resp, err := p.k.API.VerifyCredentialWithResponse(kit.Ctx(c), api.VerifyCredentialJSONRequestBody{Credential: credential})
		switch {
		case err == nil:
			v.Data = &page{Verdict: p.verdictOf(c, v, *resp.JSON200)}
			return p.tmpl.Render(c, fiber.StatusOK, "verify", v)
		case !errors.Is(err, errs.InvalidArgument):
			return p.k.ErrorPage(c, err)
		}
		// The API refused it as missing or too large; say which.
		field, problem = "credential", "VerifyErrEmpty"
		if len(credential) > MaxCredential {
			problem = "VerifyErrTooLarge"
		}
	}
	if problem != "VerifyErrTooLarge" && field == "credential" {
		v.Form["credential"] = strings.TrimSpace(c.FormValue("credential"))
	}
	v.AddError(field, v.T(problem, "Max", MaxCredential>>10))
	v.Alert = v.T("VerifyErrCheck")
	status := fiber.StatusUnprocessableEntity
	if problem == "VerifyErrTooLarge" {
		status = fiber.StatusRequestEntityTooLarge
	}
	return p.tmpl.Render(c, status, "verify", v)
}

// readCredential reads the credential from the form: the chosen file
// when there is one, else the text box. Whitespace is dropped, since a
// compact JWS has none and a pasted one may be wrapped over lines. When
// the credential cannot be checked it names the field and the message
// that says why.
func readCredential(c *fiber.Ctx) (credential, field, problem string) {
	if fh, err := c.FormFile("file"); err == nil && fh.Size > 0 {
		if fh.Size > MaxCredential {
			return "", "file", "VerifyErrTooLarge"
		}
		f, err := fh.Open()
		if err != nil {
			return "", "file", "VerifyErrFile"
		}
		defer f.Close()
		buf, err := io.ReadAll(io.LimitReader(f, MaxCredential+1))
		switch {
		case err != nil:
			return "", "file", "VerifyErrFile"
		case len(buf) > MaxCredential:
			return "", "file", "VerifyErrTooLarge"
		}
		credential = compact(string(buf))
		if credential == "" {
			return "", "file", "VerifyErrFileEmpty"
		}
		return credential, "", ""
	}
	text := c.FormValue("credential")
	if len(text) > MaxCredential {
		return "", "credential", "VerifyErrTooLarge"
	}
	if credential = compact(text); credential == "" {
		return "", "credential", "VerifyErrEmpty"
	}
	return credential, "", ""
}

// compact drops every space and line break.
func compact(s string) string { return strings.Join(strings.Fields(s), "") }
