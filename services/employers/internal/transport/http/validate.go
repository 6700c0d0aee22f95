package http

import (
	"errors"

	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/errs"
	"github.com/onward-jobs/onward/pkg/httpx"
	"github.com/onward-jobs/onward/services/employers/internal/domain"
)

// validateRole checks a role draft and stores nothing: POST
// /roles/validate by the rules of POST /roles, POST /roles/{id}/validate by
// those of PATCH /roles/{id} (version optional there). It answers 204, or
// 400 with every field error at once, so a form can show them all at its
// review step before the employer saves.
func (h *handlers) validateRole(c *fiber.Ctx) error {
	p, err := principal(c)
	if err != nil {
		return err
	}
	var body roleBody
	if err := httpx.DecodeJSON(c, &body); err != nil {
		return err
	}
	id := c.Params("id")
	var fields []errs.FieldError
	bad := func(field, msg string) { fields = append(fields, errs.FieldError{Field: field, Message: msg}) }
	var version int64
	switch {
	case id == "" && body.Version != nil:
		bad("version", "is set by the service on create")
	case id == "" && body.Status != nil && *body.Status != string(domain.StatusDraft) && *body.Status != string(domain.StatusOpen):
		bad("status", "a new role is draft or open")
	case id != "" && body.Status != nil:
		bad("status", "changes through POST /api/v1/roles/{id}/status")
	}
	if id != "" && body.Version != nil {
		version = *body.Version
	}
	err = h.svc.ValidateRole(c.UserContext(), p, id, version, body.applyTo)
	var ve *errs.ValidationError
	switch {
	case errors.As(err, &ve):
		fields = append(fields, ve.Fields...)
	case err != nil:
		return err
	}
	if len(fields) > 0 {
		return &errs.ValidationError{Fields: fields}
	}
	return c.SendStatus(fiber.StatusNoContent)
}
