package admin

import (
	"errors"
	"net/url"
	"slices"

	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/api"
	"github.com/onward-jobs/onward/pkg/errs"
	"github.com/onward-jobs/onward/services/web/internal/kit"
)

// organisationsPageSize is how many organisations one page lists.
const organisationsPageSize = 20

// listData is the list of organisations: the search as typed, one page of
// results and the way to the next.
type listData struct {
	Kinds    []string
	Statuses []string
	// PendingHref lists the employers waiting for verification.
	PendingHref string
	Items       []orgRow
	Filtered    bool
	// NextHref is the next page; FirstHref, on a later page, the first.
	NextHref, FirstHref string
}

// orgRow is one organisation in the list.
type orgRow struct {
	Href, Name, Kind, Created string
	// Status is an employer's vetting status; empty for a programme.
	Status string
}

// search is the organisations list's search, as typed, and the page of
// results asked for.
type search struct {
	Query, Kind, Status, Cursor string
}

// Organisations lists and searches the platform's organisations, a page at
// a time. The search is a GET form, so a result can be bookmarked and the
// back button works; the gateway judges it, and its objections show beside
// the fields.
func (p *Pages) Organisations(c *fiber.Ctx) error {
	v := p.k.NewView(c, "/admin/organisations")
	kit.FormValues(c, v, "q", "kind", "status")
	s := search{Query: v.Val("q"), Kind: v.Val("kind"), Status: v.Val("status"), Cursor: c.Query("cursor")}
	d := &listData{Kinds: []string{kit.KindEmployer, kit.KindProgramme, kit.KindObserver}, Statuses: []string{statusPending, statusVerified, statusSuspended},
		Filtered: s.Query != "" || s.Kind != "" || s.Status != "", PendingHref: organisationsHref(search{Status: statusPending}, "")}
	v.Data = d
	if s.Cursor != "" {
		d.FirstHref = organisationsHref(s, "")
	}
	resp, err := p.k.API.ListOrganisationsWithResponse(kit.Ctx(c), listParams(s))
	if err != nil {
		return p.listFailed(c, v, err)
	}
	for _, o := range resp.JSON200.Items {
		d.Items = append(d.Items, orgRowOf(v, o))
	}
	if next := resp.JSON200.NextCursor; next != nil && *next != "" {
		d.NextHref = organisationsHref(s, *next)
	}
	return p.render(c, fiber.StatusOK, "organisations", v)
}

// listParams is the API's query for search s: empty fields are left out.
func listParams(s search) *api.ListOrganisationsParams {
	limit := organisationsPageSize
	params := &api.ListOrganisationsParams{Limit: &limit}
	if s.Query != "" {
		params.Q = &s.Query
	}
	if s.Kind != "" {
		kind := api.ListOrganisationsParamsKind(s.Kind)
		params.Kind = &kind
	}
	if s.Status != "" {
		status := api.ListOrganisationsParamsStatus(s.Status)
		params.Status = &status
	}
	if s.Cursor != "" {
		params.Cursor = &s.Cursor
	}
	return params
}

// orgRowOf is organisation o as the list shows it.
func orgRowOf(v *kit.View, o api.Organisation) orgRow {
	row := orgRow{
		Href: "/admin/organisations/" + url.PathEscape(o.ID), Name: o.Name,
		Kind: orgKindLabel(v, o), Created: calendarDate(o.CreatedAt),
	}
	if o.Kind == api.OrganisationKindEmployer {
		row.Status = string(o.Status)
	}
	return row
}

// listFailed shows the search again with the gateway's objections; a page
// of results that no longer exists (an old or altered address) is
// explained above the list.
func (p *Pages) listFailed(c *fiber.Ctx, v *kit.View, err error) error {
	var ve *errs.ValidationError
	if errors.As(kit.FieldProblem(err), &ve) && slices.ContainsFunc(ve.Fields, func(fe errs.FieldError) bool { return fe.Field == "cursor" }) {
		v.Alert = v.T("AdminListPageGone")
		return p.render(c, fiber.StatusBadRequest, "organisations", v)
	}
	status, ok := kit.FormProblem(c, v, err)
	if !ok {
		return p.failed(c, err)
	}
	return p.render(c, status, "organisations", v)
}

// organisationsHref is the address of a page of the list with the same
// search.
func organisationsHref(s search, cursor string) string {
	q := url.Values{}
	for key, value := range map[string]string{"q": s.Query, "kind": s.Kind, "status": s.Status, "cursor": cursor} {
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
func orgKindLabel(v *kit.View, o api.Organisation) string {
	if o.ProgrammeType != nil && *o.ProgrammeType != "" {
		return v.TOr("Prog_"+*o.ProgrammeType, *o.ProgrammeType)
	}
	return v.TOr("KindTitle_"+string(o.Kind), string(o.Kind))
}
