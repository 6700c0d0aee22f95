// Package me holds a candidate's own pages: joining through the
// invitation staff printed (/join/:token), signing in with a user name
// (/login/candidate) and, once signed in, everything under /me: what
// they can do here, their skills, the jobs that fit them, requests to
// meet them, their consent, their statement in their own words, their
// data and who read their record.
//
// The reader is a person in a detention or transition house, often on a
// phone and with a reading age of about eleven: short sentences, every-day
// words, "you". Every call uses the candidate's own token, which the
// services allow for their own record only; the pages never take a
// candidate id from the address.
package me

import (
	"embed"

	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/api"
	"github.com/onward-jobs/onward/services/web/internal/kit"
)

//go:embed templates/*.html
var templateFiles embed.FS

// Locales are the candidate pages' messages (the me.* family).
//
//go:embed locales/*.json
var Locales embed.FS

// Pages draws the candidate's pages. Build it with New.
type Pages struct {
	k    *kit.Kit
	tmpl kit.Templates
}

// New builds the candidate's pages on the kit.
func New(k *kit.Kit) *Pages {
	return &Pages{k: k, tmpl: k.Templates(templateFiles)}
}

// self is the signed-in candidate's own record id: the only one these
// pages ever ask for.
func self(c *fiber.Ctx) string { return kit.ActorOf(c).CandidateID }

// record reads the candidate's own record.
func (p *Pages) record(c *fiber.Ctx) (api.Candidate, error) {
	resp, err := p.k.API.GetCandidateWithResponse(kit.Ctx(c), self(c), nil)
	if err != nil {
		return api.Candidate{}, err
	}
	return *resp.JSON200, nil
}

// show reads the record and draws page with data built from it.
func (p *Pages) show(c *fiber.Ctx, path, page string, build func(v *kit.View, k api.Candidate) any) error {
	k, err := p.record(c)
	if err != nil {
		return p.k.ErrorPage(c, err)
	}
	v := p.k.NewView(c, path)
	v.Data = build(v, k)
	return p.tmpl.Render(c, fiber.StatusOK, page, v)
}

// firstName is what the pages call the candidate.
func firstName(k api.Candidate) string {
	if n := kit.Deref(k.PreferredName); n != "" {
		return n
	}
	return kit.Deref(k.GivenName)
}

// recordAndText reads the candidate's own record and the consent text
// they would agree to now, in v's language: what the consent page and a
// request's "yes" show.
func (p *Pages) recordAndText(c *fiber.Ctx, v *kit.View) (api.Candidate, kit.ConsentText, error) {
	k, err := p.record(c)
	if err != nil {
		return api.Candidate{}, kit.ConsentText{}, err
	}
	texts, err := p.k.ConsentTexts(c)
	if err != nil {
		return api.Candidate{}, kit.ConsentText{}, err
	}
	return k, texts.CurrentIn(v, k.Alias), nil
}

// skillLabel names a skill in v's language, or by its id when the
// vocabulary cannot say.
func (p *Pages) skillLabel(c *fiber.Ctx, v *kit.View, id string) string {
	if it, err := p.k.Skill(kit.Ctx(c), id, v.Lang); err == nil {
		return kit.SkillName(it.Label, id)
	}
	return id
}
