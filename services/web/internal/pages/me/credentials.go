package me

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"strings"

	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/api"
	"github.com/onward-jobs/onward/pkg/errs"
	"github.com/onward-jobs/onward/services/web/internal/kit"
)

// credentialsPage is /me/credentials: each confirmed skill as a signed
// credential (Open Badges 3.0) to download and keep, with the QR code of
// the public page that checks it, for an employer or a wallet app.
type credentialsPage struct{ Items []credentialLine }

// credentialLine is one skill's credential.
type credentialLine struct {
	ID, Label, Download, Address string
	Level                        int
	QR                           any
}

// Credentials is GET /me/credentials.
func (p *Pages) Credentials(c *fiber.Ctx) error {
	return p.show(c, "/me/credentials", "me_credentials", func(v *kit.View, k api.Candidate) any {
		d := &credentialsPage{}
		for _, a := range k.Skills {
			if a.Signature == "" {
				continue
			}
			label := p.skillLabel(c, v, a.Skill)
			address := p.k.PublicURL + "/verify/credentials/" + url.PathEscape(a.ID)
			qr, err := kit.QRSVG(address, v.T("MeCredentialQR", "Text", label))
			if err != nil {
				p.k.LogFailure(c, "credential qr code", err)
			}
			d.Items = append(d.Items, credentialLine{ID: a.ID, Label: label, Level: kit.ClampLevel(a.Level),
				Download: "/me/credentials/" + url.PathEscape(a.ID), Address: address, QR: qr})
		}
		return d
	})
}

// DownloadCredential is GET /me/credentials/:id: the credential as a
// file (a VC-JWT). The API gives a candidate their own only.
func (p *Pages) DownloadCredential(c *fiber.Ctx) error {
	id := strings.Clone(c.Params("id"))
	format := api.GetAttestationCredentialParamsFormatJwt
	resp, err := p.k.RawAPI.GetAttestationCredential(kit.Ctx(c), id, &api.GetAttestationCredentialParams{Format: &format},
		func(_ context.Context, req *http.Request) error {
			req.Header.Set(fiber.HeaderAccept, "application/vc+jwt")
			return nil
		})
	switch {
	case errors.Is(err, errs.Conflict):
		return p.k.Message(c, fiber.StatusConflict, "MeCredentialRevoked")
	case err != nil:
		return p.k.ErrorPage(c, err)
	}
	return kit.SendFile(c, resp, "application/vc+jwt", "onward-credential.jwt")
}
