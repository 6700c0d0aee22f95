package portfolio

import (
	"net/url"
	"strings"

	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/api"
	"github.com/onward-jobs/onward/services/web/internal/kit"
)

// auditPageSize is how many audit entries one page shows.
const auditPageSize = 25

// auditTrailPage is what the audit template shows: who did what to the
// record, when and why, newest first as the service sends them.
type auditTrailPage struct {
	Candidate candidateView
	Rows      []auditRow
	// Next is the address of the following page; First leads back to
	// the start from a later page.
	Next, First string
}

// auditRow is one entry in words.
type auditRow struct {
	When, WhenISO, Who, What, Fields, Why string
}

// AuditTrail is GET /candidates/:id/audit?cursor=.
func (p *Pages) AuditTrail(c *fiber.Ctx) error {
	id := candidateID(c)
	cursor := strings.Clone(c.Query("cursor"))
	v := p.k.NewView(c, pagePath(id, "audit"))
	cand, err := p.loadCandidate(c, id, purposeSupervision)
	if err != nil {
		return p.failed(c, err)
	}
	params := &api.ListCandidateAuditParams{Limit: kit.Ptr(auditPageSize)}
	if cursor != "" {
		params.Cursor = &cursor
	}
	resp, err := p.k.API.ListCandidateAuditWithResponse(kit.Ctx(c), id, params)
	if err != nil {
		return p.failed(c, err)
	}
	page := resp.JSON200
	d := &auditTrailPage{Candidate: cand}
	if next := kit.Deref(page.NextCursor); next != "" {
		d.Next = pagePath(id, "audit") + "?" + url.Values{"cursor": {next}}.Encode()
	}
	if cursor != "" {
		d.First = pagePath(id, "audit")
	}
	actors := make([]string, 0, len(page.Items))
	for _, e := range page.Items {
		actors = append(actors, e.Actor)
	}
	names := p.userNames(c, actors)
	for _, e := range page.Items {
		d.Rows = append(d.Rows, auditRowOf(v, e, names))
	}
	v.Data = d
	return p.render(c, fiber.StatusOK, "portfolio_audit", v)
}

// auditRowOf puts one entry in words, naming its actor from names.
func auditRowOf(v *kit.View, e api.AuditEntry, names map[string]string) auditRow {
	return auditRow{
		When: v.DateTime(e.At), WhenISO: e.At.UTC().Format("2006-01-02T15:04:05Z"), Who: names[e.Actor],
		What: kit.AuditActionText(v, string(e.Action)), Fields: kit.AuditChangesText(v, e.Fields),
		Why: kit.AuditPurposeText(v, string(e.Purpose)),
	}
}
