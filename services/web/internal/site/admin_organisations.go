package site

import (
	"errors"
	"net/url"
	"slices"

	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/api"
	"github.com/onward-jobs/onward/pkg/errs"
)

// adminListData is the list of organisations: the search as typed, one
// page of results and the way to the next.
type adminListData struct {
	Kinds    []string
	Items    []adminOrgRow
	Filtered bool
	// NextHref is the next page; FirstHref, on a later page, the first.
	NextHref, FirstHref string
}

// adminOrgRow is one organisation in the list.
type adminOrgRow struct {
	Href, Name, Kind, Created string
}

// listOrganisations lists and searches the platform's organisations, a
// page at a time. The search is a GET form, so a result can be
// bookmarked and the back button works; the gateway judges it, and its
// objections show beside the fields.
func (p *adminPages) listOrganisations(c *fiber.Ctx) error {
	v := p.newView(c, "/admin/organisations")
	formValues(c, v, "q", "kind")
	f := organisationFilter{Query: v.Val("q"), Kind: v.Val("kind"), Cursor: c.Query("cursor")}
	d := &adminListData{Kinds: []string{kindEmployer, kindProgramme}, Filtered: f.Query != "" || f.Kind != ""}
	v.Data = d
	if f.Cursor != "" {
		d.FirstHref = organisationsHref(f, "")
	}
	page, err := p.api.organisations(c.UserContext(), accessToken(c), f)
	if err != nil {
		return p.listFailed(c, v, err)
	}
	for _, o := range page.Items {
		d.Items = append(d.Items, adminOrgRow{
			Href: "/admin/organisations/" + url.PathEscape(o.ID), Name: o.Name,
			Kind: orgKindLabel(v, o), Created: adminDate(o.CreatedAt),
		})
	}
	if page.NextCursor != "" {
		d.NextHref = organisationsHref(f, page.NextCursor)
	}
	return p.render(c, fiber.StatusOK, "admin_organisations", v)
}

// listFailed shows the search again with the gateway's objections; a
// page of results that no longer exists (an old or altered address) is
// explained above the list.
func (p *adminPages) listFailed(c *fiber.Ctx, v *view, err error) error {
	var ve *errs.ValidationError
	if errors.As(err, &ve) && slices.ContainsFunc(ve.Fields, func(fe errs.FieldError) bool { return fe.Field == "cursor" }) {
		v.Alert = v.T("AdminListPageGone")
		return p.render(c, fiber.StatusBadRequest, "admin_organisations", v)
	}
	status, ok := formProblem(c, v, err)
	if !ok {
		return p.failed(c, err)
	}
	return p.render(c, status, "admin_organisations", v)
}

// organisationsHref is the address of a page of the list with the same
// search.
func organisationsHref(f organisationFilter, cursor string) string {
	q := url.Values{}
	for key, value := range map[string]string{"q": f.Query, "kind": f.Kind, "cursor": cursor} {
		if value != "" {
			q.Set(key, value)
		}
	}
	if len(q) == 0 {
		return "/admin/organisations"
	}
	return "/admin/organisations?" + q.Encode()
}

// orgKindLabel names what kind of organisation o is: its programme type
// when it has one.
func orgKindLabel(v *view, o api.Organisation) string {
	if o.ProgrammeType != nil && *o.ProgrammeType != "" {
		return v.TOr("Prog_"+*o.ProgrammeType, *o.ProgrammeType)
	}
	return v.TOr("KindTitle_"+string(o.Kind), string(o.Kind))
}
