package staff

import (
	"context"
	"errors"
	"html/template"
	"net/http"
	"net/url"
	"strings"

	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/api"
	"github.com/onward-jobs/onward/pkg/errs"
	"github.com/onward-jobs/onward/services/web/internal/kit"
)

// credentialType is the media type of a VC-JWT.
const credentialType = "application/vc+jwt"

// credentialView is the attestation page's part for the attesting
// organisation's staff: the download and the QR code of the public
// address that checks the credential.
type credentialView struct {
	Download, Address string
	QR                template.HTML
}

// credentialFor builds the attestation page's credential part: only for
// programme staff of the attesting organisation (the API names the
// candidate to them alone), and not once the attestation is revoked,
// when the API no longer issues it.
func (p *Pages) credentialFor(c *fiber.Ctx, v *kit.View, id string, res api.AttestationVerification, revoked bool) *credentialView {
	if res.CandidateID == nil || revoked || !kit.ActorOf(c).IsProgrammeStaff() {
		return nil
	}
	address := p.kit.PublicURL + "/verify/credentials/" + url.PathEscape(id)
	qr, err := kit.QRSVG(address, v.T("StaffCredentialQR"))
	if err != nil {
		p.kit.LogFailure(c, "credential qr code", err)
	}
	return &credentialView{Download: "/attestations/" + url.PathEscape(id) + "/credential", Address: address, QR: qr}
}

// DownloadCredential is GET /attestations/:id/credential: the
// attestation's Open Badges 3.0 credential, signed as a VC-JWT, passed
// through as a file to keep. The API allows only the attesting
// organisation's staff (another organisation's attestation is not
// found) and refuses a revoked attestation with a conflict.
func (p *Pages) DownloadCredential(c *fiber.Ctx) error {
	id := strings.Clone(c.Params("id"))
	format := api.GetAttestationCredentialParamsFormatJwt
	resp, err := p.kit.RawAPI.GetAttestationCredential(kit.Ctx(c), id, &api.GetAttestationCredentialParams{Format: &format}, acceptCredential)
	switch {
	case errors.Is(err, errs.Conflict):
		return p.kit.Message(c, fiber.StatusConflict, "StaffCredentialRevoked")
	case err != nil:
		return p.kit.ErrorPage(c, err)
	}
	c.Set(fiber.HeaderContentType, credentialType)
	c.Set(fiber.HeaderContentDisposition, `attachment; filename="`+credentialFile(id)+`"`)
	c.Set(fiber.HeaderCacheControl, "no-store")
	c.Set(fiber.HeaderXContentTypeOptions, "nosniff")
	// Fiber reads the body after the handler returns and closes it.
	return c.SendStream(resp.Body, int(resp.ContentLength))
}

// credentialFile is the download's file name: onward-credential-<id>.jwt,
// the id kept to the characters a file name may safely hold.
func credentialFile(id string) string {
	safe := strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_' {
			return r
		}
		return -1
	}, id)
	return "onward-credential-" + safe + ".jwt"
}

// acceptCredential asks for the VC-JWT itself.
var acceptCredential api.RequestEditorFn = func(_ context.Context, req *http.Request) error {
	req.Header.Set(fiber.HeaderAccept, credentialType)
	return nil
}
