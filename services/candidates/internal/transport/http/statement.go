package http

import (
	"time"

	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/httpx"
	"github.com/onward-jobs/onward/services/candidates/internal/domain"
	"github.com/onward-jobs/onward/services/candidates/internal/service"
)

// statementInput writes a candidate's statement; version is the
// candidate's version the client last read.
type statementInput struct {
	Version int64  `json:"version"`
	Text    string `json:"text"`
}

// statementReviewInput approves or rejects the pending statement.
type statementReviewInput struct {
	Version  int64  `json:"version"`
	Decision string `json:"decision"`
	Note     string `json:"note"`
}

// statementResponse is a candidate's statement and its review. Flags is
// always a list; the review fields are left out until a review.
type statementResponse struct {
	Text       string         `json:"text"`
	Status     string         `json:"status"`
	Flags      []flagResponse `json:"flags"`
	WrittenBy  string         `json:"written_by"`
	WrittenAt  time.Time      `json:"written_at"`
	ReviewedBy string         `json:"reviewed_by,omitempty"`
	ReviewedAt *time.Time     `json:"reviewed_at,omitempty"`
	Note       string         `json:"note,omitempty"`
	// CandidateVersion is the candidate's version after a write or a
	// review; it is left out inside a whole candidate.
	CandidateVersion int64 `json:"candidate_version,omitempty"`
}

type flagResponse struct {
	Kind  string `json:"kind"`
	Text  string `json:"text"`
	Start int    `json:"start"`
	End   int    `json:"end"`
}

// statementRemoved answers a removal with the candidate's new version.
type statementRemoved struct {
	CandidateVersion int64 `json:"candidate_version"`
}

func toStatementResponse(s *domain.Statement) *statementResponse {
	if s == nil {
		return nil
	}
	out := &statementResponse{
		Text: s.Text, Status: string(s.Status), Flags: make([]flagResponse, 0, len(s.Flags)),
		WrittenBy: s.WrittenBy, WrittenAt: s.WrittenAt, ReviewedBy: s.ReviewedBy, Note: s.Note,
		ReviewedAt: optionalTime(s.ReviewedAt),
	}
	for _, f := range s.Flags {
		out.Flags = append(out.Flags, flagResponse{Kind: string(f.Kind), Text: f.Text, Start: f.Start, End: f.End})
	}
	return out
}

func toVersionedStatement(v service.Versioned[domain.Statement]) *statementResponse {
	out := toStatementResponse(&v.Item)
	out.CandidateVersion = v.CandidateVersion
	return out
}

func (h *handlers) setStatement(c *fiber.Ctx) error {
	p, err := principal(c)
	if err != nil {
		return err
	}
	var b statementInput
	if err := httpx.DecodeJSON(c, &b); err != nil {
		return err
	}
	out, err := h.svc.SetStatement(c.UserContext(), p, c.Params("id"), b.Version, b.Text)
	if err != nil {
		return err
	}
	return c.JSON(toVersionedStatement(out))
}

func (h *handlers) removeStatement(c *fiber.Ctx) error {
	p, err := principal(c)
	if err != nil {
		return err
	}
	version, err := queryVersion(c)
	if err != nil {
		return err
	}
	v, err := h.svc.RemoveStatement(c.UserContext(), p, c.Params("id"), version)
	if err != nil {
		return err
	}
	return c.JSON(statementRemoved{CandidateVersion: v})
}

func (h *handlers) reviewStatement(c *fiber.Ctx) error {
	p, err := principal(c)
	if err != nil {
		return err
	}
	var b statementReviewInput
	if err := httpx.DecodeJSON(c, &b); err != nil {
		return err
	}
	out, err := h.svc.ReviewStatement(c.UserContext(), p, c.Params("id"), b.Version, domain.ReviewDecision(b.Decision), b.Note)
	if err != nil {
		return err
	}
	return c.JSON(toVersionedStatement(out))
}
