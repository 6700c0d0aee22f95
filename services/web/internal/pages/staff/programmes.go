package staff

import (
	"net/url"
	"slices"

	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/api"
	"github.com/onward-jobs/onward/services/web/internal/kit"
)

// programmeListPage is the list of the organisation's programmes.
type programmeListPage struct {
	Programmes []api.Programme
	NextHref   string
}

// Programmes is GET /programmes.
func (p *Pages) Programmes(c *fiber.Ctx) error {
	limit := programmePageSize
	resp, err := p.kit.API.ListProgrammesWithResponse(kit.Ctx(c), &api.ListProgrammesParams{Limit: &limit, Cursor: optional(c.Query("cursor"))})
	if err != nil {
		return p.kit.ErrorPage(c, err)
	}
	v := p.kit.NewView(c, "/programmes")
	d := &programmeListPage{Programmes: resp.JSON200.Items}
	if next := kit.Deref(resp.JSON200.NextCursor); next != "" {
		d.NextHref = "/programmes?" + url.Values{"cursor": {next}}.Encode()
	}
	v.Data = d
	return p.tmpl.Render(c, fiber.StatusOK, "staff_programmes", v)
}

// programmeDetail is one programme's page.
type programmeDetail struct {
	api.Programme
	SiteName    string
	SkillRows   []skillRow
	Supervising []member
	// CanEdit offers the correction form to the programme's supervisors
	// and the organisation's administrator, whom the service lets edit.
	CanEdit bool
}

// Programme is GET /programmes/:id.
func (p *Pages) Programme(c *fiber.Ctx) error {
	resp, err := p.kit.API.GetProgrammeWithResponse(kit.Ctx(c), c.Params("id"))
	if err != nil {
		return p.kit.ErrorPage(c, err)
	}
	prog := *resp.JSON200
	a := kit.ActorOf(c)
	v := p.kit.NewView(c, programmeURL(prog.ID))
	d := &programmeDetail{Programme: prog, SiteName: placeText(prog.Site), SkillRows: p.skillLabels(c, v, prog.Skills),
		CanEdit: kit.ProgrammeAdmins(a) || slices.Contains(prog.Supervisors, a.UserID)}
	if c.Query("saved") != "" {
		v.Notice = v.T("CorrectionsNoticeProgrammeSaved")
	}
	names := map[string]string{}
	for _, id := range prog.Supervisors {
		d.Supervising = append(d.Supervising, member{ID: id, Name: p.colleagueName(c, names, id)})
	}
	v.Data = d
	return p.tmpl.Render(c, fiber.StatusOK, "staff_programme", v)
}
