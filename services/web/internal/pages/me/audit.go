package me

import (
	"net/url"
	"strings"

	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/api"
	"github.com/onward-jobs/onward/services/web/internal/kit"
)

// auditPageSize is how many entries one page of the trail shows.
const auditPageSize = 25

// auditPage is /me/audit: who read or changed the candidate's record,
// when and why, newest first, in the words the staff's audit page uses.
type auditPage struct {
	Rows        []auditRow
	Next, First string
}

// auditRow is one entry in words. Who is the person's name when the
// gateway shows it to the candidate, else "staff" in words.
type auditRow struct {
	When, WhenISO, Who, What, Fields, Why string
}

// Audit is GET /me/audit?cursor=.
func (p *Pages) Audit(c *fiber.Ctx) error {
	cursor := strings.Clone(c.Query("cursor"))
	v := p.k.NewView(c, "/me/audit")
	params := &api.ListCandidateAuditParams{Limit: kit.Ptr(auditPageSize)}
	if cursor != "" {
		params.Cursor = &cursor
	}
	resp, err := p.k.API.ListCandidateAuditWithResponse(kit.Ctx(c), self(c), params)
	if err != nil {
		return p.k.ErrorPage(c, err)
	}
	page := resp.JSON200
	d := &auditPage{}
	if next := kit.Deref(page.NextCursor); next != "" {
		d.Next = "/me/audit?" + url.Values{"cursor": {next}}.Encode()
	}
	if cursor != "" {
		d.First = "/me/audit"
	}
	me := kit.ActorOf(c).UserID
	for _, e := range page.Items {
		who := v.T("MeAuditStaff")
		if e.Actor == me {
			who = v.T("MeAuditYou")
		}
		d.Rows = append(d.Rows, auditRow{When: v.DateTime(e.At), WhenISO: e.At.UTC().Format("2006-01-02T15:04:05Z"), Who: who,
			What: kit.AuditActionText(v, string(e.Action)), Fields: kit.AuditChangesText(v, e.Fields),
			Why: kit.AuditPurposeText(v, string(e.Purpose))})
	}
	v.Data = d
	return p.tmpl.Render(c, fiber.StatusOK, "me_audit", v)
}
