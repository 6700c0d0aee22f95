package account

import (
	"errors"
	"slices"
	"strings"

	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/api"
	"github.com/onward-jobs/onward/pkg/errs"
	"github.com/onward-jobs/onward/services/web/internal/kit"
)

// resetData is what the password-reset pages need beyond the form: the
// page's own address (which holds the token), whether the request was
// sent, and whether the link no longer works.
type resetData struct {
	Action  string
	Sent    bool
	Invalid bool
}

// ResetRequestForm is GET /password-reset: the address to send a link to,
// or, after ?sent=1, the answer, the same whatever the address.
func (p *Pages) ResetRequestForm(c *fiber.Ctx) error {
	p.kit.PeekSession(c)
	v := p.kit.NewView(c, "/password-reset")
	v.Data = &resetData{Action: "/password-reset", Sent: c.Query("sent") != ""}
	return p.tmpl.Render(c, fiber.StatusOK, "reset_request", v)
}

// RequestReset is POST /password-reset. The gateway answers alike whether
// or not the address has an account, and so does this page: it goes to
// the same "if an account uses this address" page. A malformed address is
// shown at its field, too many requests from here with the wait.
func (p *Pages) RequestReset(c *fiber.Ctx) error {
	v := p.kit.NewView(c, "/password-reset")
	v.Data = &resetData{Action: "/password-reset"}
	kit.FormValues(c, v, "email")
	if _, err := p.kit.API.RequestPasswordResetWithResponse(kit.Ctx(c), api.PasswordResetRequest{Email: v.Val("email")}); err != nil {
		return p.formFailed(c, v, "reset_request", err)
	}
	return c.Redirect("/password-reset?sent=1", fiber.StatusSeeOther)
}

// ResetForm is GET /password-reset/:token, the link in the e-mail: a new
// password, twice. Whether the token still works is learnt on sending,
// as the gateway tells nothing about a token before it is used.
func (p *Pages) ResetForm(c *fiber.Ctx) error {
	v := p.resetView(c)
	return p.tmpl.Render(c, fiber.StatusOK, "reset_confirm", v)
}

// ConfirmReset is POST /password-reset/:token: the gateway sets the new
// password and ends every session of the account; the sign-in page says
// so. An unknown, used or expired link is explained with a way to ask for
// a new one; a password the rules refuse is shown at its field, and the
// link keeps working.
func (p *Pages) ConfirmReset(c *fiber.Ctx) error {
	v := p.resetView(c)
	password := c.FormValue("password")
	if password != c.FormValue("password_confirm") {
		v.AddError("password_confirm", v.T("ErrPasswordMismatch"))
		v.Alert = v.T("ErrCheckFields")
		return p.tmpl.Render(c, fiber.StatusUnprocessableEntity, "reset_confirm", v)
	}
	_, err := p.kit.API.ConfirmPasswordResetWithResponse(kit.Ctx(c), api.PasswordResetConfirmRequest{
		Token: strings.Clone(c.Params("token")), Password: password,
	})
	switch {
	case err == nil:
		kit.SetNotice(c, "NoticePasswordChanged", "")
		return c.Redirect("/login", fiber.StatusSeeOther)
	case namesToken(err):
		v.Data.(*resetData).Invalid = true
		return p.tmpl.Render(c, fiber.StatusBadRequest, "reset_confirm", v)
	}
	return p.formFailed(c, v, "reset_confirm", err)
}

// resetView is the view of the page at the reset link, whose address
// holds the token (the language switcher comes back to it).
func (p *Pages) resetView(c *fiber.Ctx) *kit.View {
	p.kit.PeekSession(c)
	path := "/password-reset/" + c.Params("token")
	v := p.kit.NewView(c, path)
	v.Data = &resetData{Action: path}
	return v
}

// namesToken reports whether the gateway refused the token: unknown, used
// or expired, which it does not tell apart.
func namesToken(err error) bool {
	var pr *kit.Problem
	return errors.As(err, &pr) && errors.Is(err, errs.InvalidArgument) &&
		slices.ContainsFunc(pr.Errors, func(fe errs.FieldError) bool { return fe.Field == "token" })
}
