package http

import (
	"encoding/json"
	"time"

	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/api"
	"github.com/onward-jobs/onward/pkg/httpx"
	"github.com/onward-jobs/onward/pkg/mongox"
	"github.com/onward-jobs/onward/services/candidates/internal/domain"
	"github.com/onward-jobs/onward/services/candidates/internal/service"
)

// auditEntryResponse is one audit entry: who did what, when and why, with
// the change names (domain.ChangeNames) of what it touched, never values.
// Entries written before change names existed hold field names; they are
// answered as the changes those fields belong to.
type auditEntryResponse struct {
	ID       string    `json:"id"`
	At       time.Time `json:"at"`
	Actor    string    `json:"actor"`
	ActorOrg string    `json:"actor_org"`
	// ByCandidate tells the candidate's own actions, on their own
	// account, from those of staff acting for them.
	ByCandidate bool     `json:"by_candidate"`
	Action      string   `json:"action"`
	Purpose     string   `json:"purpose"`
	Fields      []string `json:"fields"`
	Subject     string   `json:"subject,omitempty"`
}

func toAuditEntryResponse(e domain.AuditEntry) auditEntryResponse {
	return auditEntryResponse{
		ID: e.ID, At: e.At, Actor: e.Actor, ActorOrg: e.ActorOrg, ByCandidate: e.ByCandidate, Action: string(e.Action),
		Purpose: string(e.Purpose), Fields: nonNil(domain.ChangesOf(e.Fields)), Subject: e.Subject,
	}
}

// exportResponse is everything held about one candidate, for a data
// subject access request.
type exportResponse struct {
	ExportedAt time.Time            `json:"exported_at"`
	Candidate  candidateResponse    `json:"candidate"`
	Programmes []programmeResponse  `json:"programmes"`
	Audit      []auditEntryResponse `json:"audit"`
	// Disclosures are the candidate's disclosure grants, field names only.
	Disclosures []api.DisclosureGrant `json:"disclosures"`
	// PlacementsRecord is the placements service's record of the
	// candidate as that service wrote it; when it is missing,
	// PlacementsRecordNote says why.
	PlacementsRecord     json.RawMessage `json:"placements_record,omitempty"`
	PlacementsRecordNote string          `json:"placements_record_note,omitempty"`
}

func toExportResponse(e service.Export, at time.Time) exportResponse {
	out := exportResponse{
		ExportedAt: at, Candidate: toCandidateResponse(e.Candidate),
		Programmes: make([]programmeResponse, 0, len(e.Programmes)), Audit: make([]auditEntryResponse, 0, len(e.Audit)),
		Disclosures: make([]api.DisclosureGrant, 0, len(e.Disclosures)), PlacementsRecord: e.Placements,
		PlacementsRecordNote: e.PlacementsNote,
	}
	for _, d := range e.Disclosures {
		out.Disclosures = append(out.Disclosures, toDisclosureGrant(d))
	}
	for _, p := range e.Programmes {
		out.Programmes = append(out.Programmes, toProgrammeResponse(p))
	}
	for _, a := range e.Audit {
		out.Audit = append(out.Audit, toAuditEntryResponse(a))
	}
	return out
}

func (h *handlers) export(c *fiber.Ctx) error {
	p, err := principal(c)
	if err != nil {
		return err
	}
	e, err := h.svc.Export(c.UserContext(), p, c.Params("id"))
	if err != nil {
		return err
	}
	// Aliases are letters and digits only, so the file name needs no quoting.
	c.Set(fiber.HeaderContentDisposition, `attachment; filename="onward-candidate-`+e.Candidate.Alias+`.json"`)
	return c.JSON(toExportResponse(e, h.svc.Now().UTC()))
}

func (h *handlers) auditTrail(c *fiber.Ctx) error {
	p, err := principal(c)
	if err != nil {
		return err
	}
	pg, err := httpx.PageRequest(c, mongox.MaxPageSize)
	if err != nil {
		return err
	}
	list, next, err := h.svc.AuditTrail(c.UserContext(), p, c.Params("id"), pg)
	if err != nil {
		return err
	}
	return c.JSON(httpx.ToPage(list, next, toAuditEntryResponse))
}

func (h *handlers) eraseCandidate(c *fiber.Ctx) error {
	p, err := principal(c)
	if err != nil {
		return err
	}
	if err := h.svc.Erase(c.UserContext(), p, c.Params("id")); err != nil {
		return err
	}
	return c.SendStatus(fiber.StatusNoContent)
}
