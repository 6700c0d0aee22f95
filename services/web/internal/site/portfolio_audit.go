package site

import (
	"net/url"
	"strings"

	"github.com/gofiber/fiber/v2"
)

// auditPageSize is how many audit entries one page shows.
const auditPageSize = 25

// auditActions and auditPurposes are the service's closed lists, each
// with a message "PortfolioAction_<action>" or "PortfolioPurpose_<purpose>".
var (
	auditActions = []string{"read", "export", "create", "update", "consent", "attest",
		"programme_record", "certificate", "read_audit", "erase"}
	auditPurposes = []string{"case_work", "attestation", "data_subject_request", "matching_review", "supervision", "support"}
)

// auditTrailPage is what the audit template shows: who did what to the
// record, when and why, newest first as the service sends them.
type auditTrailPage struct {
	Candidate portfolioCandidate
	Rows      []auditRow
	// Next is the address of the following page; First leads back to
	// the start from a later page.
	Next, First string
}

// auditRow is one entry in words.
type auditRow struct {
	When, WhenISO, Who, What, Fields, Why string
}

// auditTrail is GET /candidates/:id/audit?cursor=.
func (p *portfolioPages) auditTrail(c *fiber.Ctx) error {
	id := portfolioCandidateID(c)
	cursor := strings.Clone(c.Query("cursor"))
	v := p.newView(c, portfolioPath(id, "audit"))
	cand, err := p.loadCandidate(c, id, portfolioPurposeSupervision)
	if err != nil {
		return p.failed(c, err)
	}
	page, err := p.api.audit(c.UserContext(), accessToken(c), id, cursor, auditPageSize)
	if err != nil {
		return p.failed(c, err)
	}
	d := &auditTrailPage{Candidate: cand}
	if page.NextCursor != "" {
		d.Next = portfolioPath(id, "audit") + "?" + url.Values{"cursor": {page.NextCursor}}.Encode()
	}
	if cursor != "" {
		d.First = portfolioPath(id, "audit")
	}
	actors := make([]string, 0, len(page.Items))
	for _, e := range page.Items {
		actors = append(actors, e.Actor)
	}
	names := p.userNames(c, actors)
	for _, e := range page.Items {
		d.Rows = append(d.Rows, auditRow{
			When: v.DateTime(e.At), WhenISO: e.At.UTC().Format("2006-01-02T15:04:05Z"), Who: names[e.Actor],
			What: auditActionText(v, e.Action), Fields: auditChangesText(v, e.Fields),
			Why: v.TOr("PortfolioPurpose_"+e.Purpose, e.Purpose),
		})
	}
	v.Data = d
	return p.render(c, fiber.StatusOK, "portfolio_audit", v)
}
