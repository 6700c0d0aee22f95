package http

import (
	"strings"

	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/auth"
	"github.com/onward-jobs/onward/pkg/errs"
	"github.com/onward-jobs/onward/pkg/httpx"
)

// maxPresentedCredential bounds a credential sent to be verified.
const maxPresentedCredential = 64 << 10

// registerPublicCredentials mounts the credential routes anyone may call,
// without a token: verification, the QR code's page data, revocation
// lists and issuer profiles. They go on app before the authenticated
// group, whose middleware would refuse them otherwise.
func registerPublicCredentials(app fiber.Router, h *handlers) {
	app.Post("/api/v1/credentials/verify", h.verifyCredential)
	app.Get("/api/v1/credentials/:id/status", h.credentialStatus)
	app.Get("/api/v1/credentials/:id", h.credentialByID)
	app.Get("/api/v1/issuers/:id/jwks", h.issuerKeys)
	app.Get("/api/v1/issuers/:id", h.issuerProfile)
}

func (h *handlers) issueCredential(c *fiber.Ctx) error {
	p, err := principal(c)
	if err != nil {
		return err
	}
	format := c.Query("format", "json")
	if format != "json" && format != "jwt" {
		return errs.Invalid("format", "must be json or jwt")
	}
	cred, err := h.svc.IssueCredential(c.UserContext(), p, c.Params("id"))
	if err != nil {
		return err
	}
	if format == "jwt" {
		// Attestation ids are UUIDs, so the file name needs no quoting.
		c.Set(fiber.HeaderContentDisposition, `attachment; filename="onward-credential-`+c.Params("id")+`.jwt"`)
		c.Set(fiber.HeaderContentType, "application/vc+jwt")
		return c.SendString(cred.JWT)
	}
	return c.JSON(issuedCredentialResponse{ID: cred.ID, JWT: cred.JWT, Credential: cred.Credential})
}

func (h *handlers) verifyCredential(c *fiber.Ctx) error {
	if len(c.Body()) > maxPresentedCredential+1024 {
		return errs.TooLarge
	}
	var req verifyCredentialRequest
	if err := httpx.DecodeJSON(c, &req); err != nil {
		return err
	}
	token := strings.TrimSpace(req.Credential)
	switch {
	case token == "":
		return errs.Invalid("credential", "is required: the VC-JWT as issued")
	case len(token) > maxPresentedCredential:
		return errs.TooLarge
	}
	v, err := h.svc.VerifyCredential(c.UserContext(), token)
	if err != nil {
		return err
	}
	return c.JSON(toCredentialVerification(v))
}

func (h *handlers) credentialByID(c *fiber.Ctx) error {
	v, err := h.svc.CredentialByID(c.UserContext(), c.Params("id"))
	if err != nil {
		return err
	}
	return c.JSON(toCredentialVerification(v))
}

func (h *handlers) credentialStatus(c *fiber.Ctx) error {
	l, err := h.svc.RevocationList(c.UserContext(), c.Params("id"))
	if err != nil {
		return err
	}
	return c.JSON(l)
}

func (h *handlers) issuerProfile(c *fiber.Ctx) error {
	p, err := h.svc.IssuerProfile(c.UserContext(), c.Params("id"))
	if err != nil {
		return err
	}
	return c.JSON(p)
}

func (h *handlers) issuerKeys(c *fiber.Ctx) error {
	keys, err := h.svc.IssuerKeys(c.UserContext(), c.Params("id"))
	if err != nil {
		return err
	}
	set := auth.JWKS{Keys: make([]auth.JWK, 0, len(keys))}
	for _, k := range keys {
		set.Keys = append(set.Keys, auth.PublicJWK(k.ID, k.Public))
	}
	return c.JSON(set)
}
