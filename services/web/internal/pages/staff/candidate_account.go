package staff

import (
	"errors"
	"strings"

	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/api"
	"github.com/onward-jobs/onward/pkg/errs"
	"github.com/onward-jobs/onward/services/web/internal/kit"
)

// accountView is the candidate page's "Their own account" section: whether
// the candidate has an account of their own, under which user name, and
// until when an open invitation works. Unavailable says the gateway did
// not answer; the rest of the page still shows.
type accountView struct {
	Status, Username, Created, InvitationExpires string
	Unavailable                                  bool
	// EmailInvalid says the address given for the invitation was refused,
	// so no invitation was made.
	EmailInvalid bool
}

// invitationView is the page that shows a new invitation once: the link,
// its QR code to print, and until when it works.
type invitationView struct {
	ID, Name, Alias, Link, Expires string
	QR                             any
	// Emailed is the address the link was also e-mailed to, if any.
	Emailed string
	// Reset says the candidate has an account already: the invitation
	// lets them choose a new password.
	Reset bool
}

// candidateAccount reads the candidate's own account for the candidate
// page; a failure is logged and shown as "not known now".
func (p *Pages) candidateAccount(c *fiber.Ctx, v *kit.View, id string) *accountView {
	resp, err := p.kit.API.GetCandidateAccountWithResponse(kit.Ctx(c), id)
	if err != nil {
		p.kit.LogFailure(c, "candidate account", err)
		return &accountView{Unavailable: true}
	}
	a := resp.JSON200
	out := &accountView{Status: string(a.Status), Username: kit.Deref(a.Username), Created: dateOf(kit.Deref(a.CreatedAt)),
		EmailInvalid: c.Query("account_email") == "invalid"}
	if a.InvitationExpiresAt != nil {
		out.InvitationExpires = v.DateTime(*a.InvitationExpiresAt)
	}
	return out
}

// InviteToAccount is POST /candidates/:id/account/invitation: a new
// invitation to the candidate's own account (or, when they have one, to
// choose a new password). The link is shown on this answer only, never
// stored by the web app, with a QR code to print and hand over; any
// earlier open invitation stops working, as the gateway rules.
func (p *Pages) InviteToAccount(c *fiber.Ctx) error {
	k, err := p.candidate(c, c.Params("id"))
	if err != nil {
		return p.kit.ErrorPage(c, err)
	}
	account := api.CandidateAccount{}
	if resp, err := p.kit.API.GetCandidateAccountWithResponse(kit.Ctx(c), k.ID); err == nil {
		account = *resp.JSON200
	}
	// An address, when staff give one, has the gateway e-mail the link
	// too; the web app keeps it only for this answer.
	body := api.InviteCandidateJSONRequestBody{}
	email := strings.TrimSpace(c.FormValue("email"))
	if email != "" {
		body.Email = &email
		if lang := api.UserLanguage(c.FormValue("language")); lang.Valid() {
			body.Language = &lang
		}
	}
	resp, err := p.kit.API.InviteCandidateWithResponse(kit.Ctx(c), k.ID, body)
	if email != "" && errors.Is(err, errs.InvalidArgument) {
		return c.Redirect(candidateURL(k.ID)+"?account_email=invalid#account", fiber.StatusSeeOther)
	}
	if err != nil {
		return p.kit.ErrorPage(c, err)
	}
	inv := resp.JSON201
	v := p.kit.NewView(c, candidateURL(k.ID))
	qr, err := kit.QRSVG(inv.Link, v.T("AccountInviteQR"))
	if err != nil {
		p.kit.LogFailure(c, "invitation qr code", err)
	}
	v.Data = &invitationView{ID: k.ID, Name: displayName(k), Alias: k.Alias, Link: inv.Link,
		Expires: v.DateTime(inv.ExpiresAt), QR: qr, Reset: account.Status == api.CandidateAccountStatusActive, Emailed: email}
	// The link opens the account: no cache may keep this page.
	c.Set(fiber.HeaderCacheControl, "no-store")
	return p.tmpl.Render(c, fiber.StatusCreated, "staff_account_invitation", v)
}

// CloseAccountForm is GET /candidates/:id/account/close: what closing
// the candidate's own account does, and the button that does it.
func (p *Pages) CloseAccountForm(c *fiber.Ctx) error {
	k, err := p.candidate(c, c.Params("id"))
	if err != nil {
		return p.kit.ErrorPage(c, err)
	}
	v := p.kit.NewView(c, candidateURL(k.ID, "account", "close"))
	v.Data = &invitationView{ID: k.ID, Name: displayName(k), Alias: k.Alias}
	return p.tmpl.Render(c, fiber.StatusOK, "staff_account_close", v)
}

// CloseAccount is POST /candidates/:id/account/close: the account and any
// open invitation end; the candidate record stays, as staff keep it.
func (p *Pages) CloseAccount(c *fiber.Ctx) error {
	id := c.Params("id")
	if _, err := p.kit.API.CloseCandidateAccountWithResponse(kit.Ctx(c), id); err != nil {
		return p.kit.ErrorPage(c, err)
	}
	return c.Redirect(candidateURL(id)+"?account_closed=1#account", fiber.StatusSeeOther)
}
