package me

import (
	"errors"
	"strconv"
	"unicode/utf8"

	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/api"
	"github.com/onward-jobs/onward/pkg/errs"
	"github.com/onward-jobs/onward/services/web/internal/kit"
)

// statementMax is the longest statement the API takes, in characters.
const statementMax = 600

// statementPage is /me/statement: the candidate's text, whether staff
// checked it yet, the words the checker thinks may give away who or
// where they are, and the form to write, change or remove it.
type statementPage struct {
	Text, Status, Note string
	Hints              []statementHint
	Version            int64
	Max                int
	Has                bool
}

// statementHint is one word the checker flagged, and why in plain words.
type statementHint struct{ Text, Kind string }

// flagKinds are the checker's reasons the page words (MeStatementFlag_<kind>).
var flagKinds = map[string]bool{"name": true, "place": true, "digits": true}

// Statement is GET /me/statement.
func (p *Pages) Statement(c *fiber.Ctx) error {
	return p.statementPage(c, fiber.StatusOK, nil)
}

// statementPage draws the page; typed is what the candidate sent, to show
// again when it was refused.
func (p *Pages) statementPage(c *fiber.Ctx, status int, typed *string) error {
	k, err := p.record(c)
	if err != nil {
		return p.k.ErrorPage(c, err)
	}
	v := p.k.NewView(c, "/me/statement")
	d := &statementPage{Version: k.Version, Max: statementMax}
	if s := k.Statement; s != nil {
		d.Has, d.Text, d.Status, d.Note = true, s.Text, string(s.Status), kit.Deref(s.Note)
		for _, f := range s.Flags {
			if flagKinds[string(f.Kind)] {
				d.Hints = append(d.Hints, statementHint{Text: f.Text, Kind: string(f.Kind)})
			}
		}
	}
	v.Form["text"] = d.Text
	if typed != nil {
		v.Form["text"] = *typed
	}
	if len(v.Errors) == 0 && status == fiber.StatusUnprocessableEntity {
		v.AddError("text", v.T("MeStatementErrLength", "Max", statementMax))
		v.Alert = v.T("MeErrCheck")
	}
	if status == fiber.StatusConflict {
		v.Alert = v.T("MeStatementErrChanged")
	}
	v.Data = d
	return p.tmpl.Render(c, status, "me_statement", v)
}

// PostStatement is POST /me/statement: save the text (staff check it
// before employers see it) or, with remove, take it away.
func (p *Pages) PostStatement(c *fiber.Ctx) error {
	version, _ := strconv.ParseInt(c.FormValue("version"), 10, 64)
	if c.FormValue("remove") != "" {
		_, err := p.k.API.RemoveCandidateStatementWithResponse(kit.Ctx(c), self(c), &api.RemoveCandidateStatementParams{Version: version})
		switch {
		case err == nil, errors.Is(err, errs.NotFound):
			kit.SetNotice(c, "MeNoticeStatementRemoved", "")
			return c.Redirect("/me/statement", fiber.StatusSeeOther)
		case errors.Is(err, errs.Conflict):
			return p.statementPage(c, fiber.StatusConflict, nil)
		}
		return p.k.ErrorPage(c, err)
	}
	text := kit.FormText(c, "text")
	if text == "" || utf8.RuneCountInString(text) > statementMax {
		return p.statementPage(c, fiber.StatusUnprocessableEntity, &text)
	}
	_, err := p.k.API.SetCandidateStatementWithResponse(kit.Ctx(c), self(c), api.SetCandidateStatementJSONRequestBody{Text: text, Version: version})
	var problem *kit.Problem
	switch {
	case err == nil:
		kit.SetNotice(c, "MeNoticeStatementSaved", "")
		return c.Redirect("/me/statement", fiber.StatusSeeOther)
	case errors.Is(err, errs.Conflict):
		return p.statementPage(c, fiber.StatusConflict, &text)
	case errors.As(err, &problem) && problem.Status == fiber.StatusBadRequest:
		return p.statementPage(c, fiber.StatusUnprocessableEntity, &text)
	}
	return p.k.ErrorPage(c, err)
}
