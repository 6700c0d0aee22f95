package http

import (
	"strconv"

	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/errs"
	"github.com/onward-jobs/onward/pkg/httpx"
	"github.com/onward-jobs/onward/services/candidates/internal/domain"
)

// programmeRecordEdit replaces a programme record's content; version is
// the candidate's version the client last read.
type programmeRecordEdit struct {
	Version int64 `json:"version"`
	programmeRecordBody
}

// certificateEdit replaces a certificate's content; version is the
// candidate's version the client last read.
type certificateEdit struct {
	Version int64 `json:"version"`
	certificateBody
}

// removedResponse answers a removal with the candidate's new version, which
// the client's next change must send.
type removedResponse struct {
	ID               string `json:"id"`
	CandidateVersion int64  `json:"candidate_version"`
}

// queryVersion reads the version a DELETE names in its query string.
func queryVersion(c *fiber.Ctx) (int64, error) {
	v, err := strconv.ParseInt(c.Query("version"), 10, 64)
	if err != nil || v < 1 {
		return 0, errs.Invalid("version", "is required as ?version=: the candidate's version you last read")
	}
	return v, nil
}

func (h *handlers) updateProgrammeRecord(c *fiber.Ctx) error {
	p, err := principal(c)
	if err != nil {
		return err
	}
	var b programmeRecordEdit
	if err := httpx.DecodeJSON(c, &b); err != nil {
		return err
	}
	r := domain.ProgrammeRecord{ProgrammeID: b.Programme, From: b.From, To: b.To, Hours: b.Hours}
	out, err := h.svc.UpdateProgrammeRecord(c.UserContext(), p, c.Params("id"), c.Params("record_id"), b.Version, r)
	if err != nil {
		return err
	}
	resp := toProgrammeRecordResponse(out.Item)
	resp.CandidateVersion = out.CandidateVersion
	return c.JSON(resp)
}

func (h *handlers) removeProgrammeRecord(c *fiber.Ctx) error {
	p, err := principal(c)
	if err != nil {
		return err
	}
	version, err := queryVersion(c)
	if err != nil {
		return err
	}
	v, err := h.svc.RemoveProgrammeRecord(c.UserContext(), p, c.Params("id"), c.Params("record_id"), version)
	if err != nil {
		return err
	}
	return c.JSON(removedResponse{ID: c.Params("record_id"), CandidateVersion: v})
}

func (h *handlers) updateCertificate(c *fiber.Ctx) error {
	p, err := principal(c)
	if err != nil {
		return err
	}
	var b certificateEdit
	if err := httpx.DecodeJSON(c, &b); err != nil {
		return err
	}
	ct := domain.Certificate{Name: b.Name, Issuer: b.Issuer, Date: b.Date}
	out, err := h.svc.UpdateCertificate(c.UserContext(), p, c.Params("id"), c.Params("cert_id"), b.Version, ct)
	if err != nil {
		return err
	}
	resp := toCertificateResponse(out.Item)
	resp.CandidateVersion = out.CandidateVersion
	return c.JSON(resp)
}

func (h *handlers) removeCertificate(c *fiber.Ctx) error {
	p, err := principal(c)
	if err != nil {
		return err
	}
	version, err := queryVersion(c)
	if err != nil {
		return err
	}
	v, err := h.svc.RemoveCertificate(c.UserContext(), p, c.Params("id"), c.Params("cert_id"), version)
	if err != nil {
		return err
	}
	return c.JSON(removedResponse{ID: c.Params("cert_id"), CandidateVersion: v})
}

// programmeEdit replaces a programme; version is the programme's version
// the client last read. Supervisors must name at least one person.
type programmeEdit struct {
	Version int64 `json:"version"`
	programmeBody
}

func (h *handlers) updateProgramme(c *fiber.Ctx) error {
	p, err := principal(c)
	if err != nil {
		return err
	}
	var b programmeEdit
	if err := httpx.DecodeJSON(c, &b); err != nil {
		return err
	}
	prog, err := h.svc.UpdateProgramme(c.UserContext(), p, c.Params("id"), b.Version, b.toDomain())
	if err != nil {
		return err
	}
	return c.JSON(toProgrammeResponse(prog))
}
