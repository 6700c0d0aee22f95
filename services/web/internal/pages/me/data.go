package me

import (
	"context"
	"net/http"
	"strings"

	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/api"
	"github.com/onward-jobs/onward/services/web/internal/kit"
)

// dataPage is /me/data: everything Onward keeps about the candidate, from
// the same export staff download, as a page to read and print rather
// than a file.
type dataPage struct {
	ExportedAt   string
	About        []dataLine
	Skills       []dataLine
	Records      []dataLine
	Certificates []dataLine
	Consent      string
	Statement    string
	Disclosures  []dataLine
	AuditCount   int
}

// dataLine is one labelled value.
type dataLine struct{ Label, Value string }

// Data is GET /me/data.
func (p *Pages) Data(c *fiber.Ctx) error {
	resp, err := p.k.API.ExportCandidateWithResponse(kit.Ctx(c), self(c))
	if err != nil {
		return p.k.ErrorPage(c, err)
	}
	x := resp.JSON200
	v := p.k.NewView(c, "/me/data")
	k := x.Candidate
	d := &dataPage{ExportedAt: v.DateTime(x.ExportedAt), AuditCount: len(x.Audit)}
	add := func(lines *[]dataLine, label, value string) {
		if value != "" {
			*lines = append(*lines, dataLine{Label: label, Value: value})
		}
	}
	add(&d.About, v.T("MeDataGivenName"), kit.Deref(k.GivenName))
	add(&d.About, v.T("MeDataFamilyName"), kit.Deref(k.FamilyName))
	add(&d.About, v.T("MeDataPreferredName"), kit.Deref(k.PreferredName))
	add(&d.About, v.T("MeDataBirth"), v.Date(kit.Deref(k.DateOfBirth)))
	add(&d.About, v.T("MeDataPhone"), kit.Deref(k.Phone))
	add(&d.About, v.T("MeDataEmail"), kit.Deref(k.Email))
	add(&d.About, v.T("MeDataAlias"), k.Alias)
	if k.House != nil {
		add(&d.About, v.T("MeDataHouse"), kit.Deref(k.House.Name))
	}
	for _, a := range k.Skills {
		add(&d.Skills, p.skillLabel(c, v, a.Skill), v.T("MeSkillLevel", "Level", a.Level)+" · "+v.T("MeSkillHours", "Count", a.Hours))
	}
	for _, r := range k.ProgrammeRecords {
		add(&d.Records, v.Date(r.From), v.T("MeSkillHours", "Count", r.Hours))
	}
	for _, ct := range k.Certificates {
		add(&d.Certificates, ct.Name, strings.TrimPrefix(ct.Issuer+" · "+v.Date(ct.Date), " · "))
	}
	d.Consent = v.T("MeConsentNo")
	if k.Consent.Matching {
		d.Consent = v.T("MeConsentYes")
	}
	if s := k.Statement; s != nil {
		d.Statement = s.Text
	}
	for _, g := range kit.Deref(x.Disclosures) {
		add(&d.Disclosures, v.DateTime(g.GrantedAt), v.T("MeDataDisclosed", "Count", len(g.Fields)))
	}
	v.Data = d
	return p.tmpl.Render(c, fiber.StatusOK, "me_data", v)
}

// PortfolioPDF is GET /me/portfolio.pdf: the candidate's printable
// portfolio, in their language, passed through as the staff's is.
func (p *Pages) PortfolioPDF(c *fiber.Ctx) error {
	lang := api.GetCandidatePortfolioPDFParamsLang(p.k.NewView(c, "").Lang)
	if !lang.Valid() {
		lang = api.GetCandidatePortfolioPDFParamsLangEn
	}
	params := api.GetCandidatePortfolioPDFParams{Lang: &lang}
	resp, err := p.k.RawAPI.GetCandidatePortfolioPDF(kit.Ctx(c), self(c), &params, func(_ context.Context, req *http.Request) error {
		req.Header.Set(fiber.HeaderAccept, "application/pdf")
		return nil
	})
	if err != nil {
		return p.k.ErrorPage(c, err)
	}
	return kit.SendFile(c, resp, "application/pdf", "onward-portfolio.pdf")
}
