package me

import (
	"errors"
	"slices"
	"strings"

	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/api"
	"github.com/onward-jobs/onward/pkg/errs"
	"github.com/onward-jobs/onward/services/web/internal/kit"
)

// joinPage is /join/:token, the page the printed QR code opens: the
// candidate chooses a user name (unless they have an account, when they
// choose a new password only), a password and their language.
type joinPage struct {
	Action, Username string
	HasAccount       bool
	Expires          string
}

// joinLanguages are the languages a candidate may choose, as the API
// spells them.
var joinLanguages = []string{"en", "nl", "fr", "de"}

// joinView looks the invitation up; the page's own address holds the
// token, so the language switcher comes back to it.
func (p *Pages) joinView(c *fiber.Ctx) (*kit.View, *joinPage, error) {
	token := c.Params("token")
	resp, err := p.k.API.LookupCandidateInvitationWithResponse(kit.Ctx(c), token)
	if err != nil {
		return nil, nil, err
	}
	inv := resp.JSON200
	path := "/join/" + token
	v := p.k.NewView(c, path)
	d := &joinPage{Action: path, HasAccount: inv.HasAccount, Username: kit.Deref(inv.Username), Expires: v.DateTime(inv.ExpiresAt)}
	v.Form["language"] = v.Lang
	v.Data = d
	// The token opens an account: no cache may keep the page.
	c.Set(fiber.HeaderCacheControl, "no-store")
	return v, d, nil
}

// joinFailed explains an unknown, used or expired invitation, and shows
// an error page for anything else.
func (p *Pages) joinFailed(c *fiber.Ctx, err error) error {
	if errors.Is(err, errs.NotFound) {
		return p.k.Message(c, fiber.StatusNotFound, "MeJoinGone")
	}
	return p.k.ErrorPage(c, err)
}

// JoinForm is GET /join/:token.
func (p *Pages) JoinForm(c *fiber.Ctx) error {
	p.k.PeekSession(c)
	v, _, err := p.joinView(c)
	if err != nil {
		return p.joinFailed(c, err)
	}
	return p.tmpl.Render(c, fiber.StatusOK, "me_join", v)
}

// Join is POST /join/:token: it makes the account (or sets the new
// password) and signs the candidate in. Each refused field is named
// beside it in plain words: the API's problem names the field.
func (p *Pages) Join(c *fiber.Ctx) error {
	v, d, err := p.joinView(c)
	if err != nil {
		return p.joinFailed(c, err)
	}
	kit.FormValues(c, v, "username", "language")
	username := strings.ToLower(v.Val("username"))
	password := c.FormValue("password")
	lang := v.Val("language")
	if !slices.Contains(joinLanguages, lang) {
		lang = v.Lang
	}
	in := api.AcceptCandidateInvitationRequest{Password: password, Language: kit.Ptr(api.UserLanguage(lang))}
	if !d.HasAccount {
		in.Username = &username
		if username == "" {
			v.AddError("username", v.T("MeJoinErrUsername"))
		}
	}
	if password == "" {
		v.AddError("password", v.T("MeJoinErrPassword"))
	}
	if len(v.Errors) > 0 {
		v.Alert = v.T("MeErrCheck")
		return p.tmpl.Render(c, fiber.StatusUnprocessableEntity, "me_join", v)
	}
	resp, err := p.k.API.AcceptCandidateInvitationWithResponse(kit.Ctx(c), c.Params("token"), in)
	if err != nil {
		return p.joinRefused(c, v, err)
	}
	return p.signIn(c, resp.JSON201.Username, password, "/me?welcome=1")
}

// joinRefused shows the form again with the API's reasons in plain words:
// a taken user name, a user name or password that breaks the rules.
func (p *Pages) joinRefused(c *fiber.Ctx, v *kit.View, err error) error {
	var problem *kit.Problem
	switch {
	case errors.Is(err, errs.NotFound):
		return p.joinFailed(c, err)
	case errors.Is(err, errs.Conflict):
		v.AddError("username", v.T("MeJoinErrTaken"))
	case errors.As(err, &problem) && problem.Status == fiber.StatusBadRequest:
		for _, fe := range problem.Errors {
			switch fe.Field {
			case "username":
				v.AddError("username", v.T("MeJoinErrUsername"))
			case "password":
				v.AddError("password", v.FieldMessage(fe))
			case "language":
				v.AddError("language", v.T("MeJoinErrLanguage"))
			}
		}
		if len(v.Errors) == 0 {
			v.AddError("password", v.T("MeJoinErrPassword"))
		}
	default:
		status, ok := kit.FormProblem(c, v, err)
		if !ok {
			return p.k.ErrorPage(c, err)
		}
		return p.tmpl.Render(c, status, "me_join", v)
	}
	v.Alert = v.T("MeErrCheck")
	return p.tmpl.Render(c, fiber.StatusUnprocessableEntity, "me_join", v)
}
