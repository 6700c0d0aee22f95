// Package verify holds the public pages that check a credential Onward
// issued: a form to paste a credential (a VC-JWT) or upload its .jwt
// file, and the page a printed portfolio's QR code opens. Anyone may use
// them, signed in or not; the candidates service gives the verdict and
// never says whom a credential is about, and these pages only word it.
package verify

import (
	"embed"
	"net/url"
	"strings"

	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/api"
	"github.com/onward-jobs/onward/services/web/internal/kit"
)

//go:embed templates/*.html
var templateFiles embed.FS

// Locales are the verify pages' messages (the verify.* family), for the
// kit's bundle.
//
//go:embed locales/*.json
var Locales embed.FS

// Pages draws the verify pages. Build it with New.
type Pages struct {
	k    *kit.Kit
	tmpl kit.Templates
}

// New builds the verify pages on the kit.
func New(k *kit.Kit) *Pages {
	return &Pages{k: k, tmpl: k.Templates(templateFiles)}
}

// Statuses are the verdicts the API gives, as it spells them; each is
// worded by the messages VerifyStatus_<status> and VerifyStatusBody_<status>.
var Statuses = []string{
	string(api.CredentialVerificationStatusValid), string(api.CredentialVerificationStatusRevoked),
	string(api.CredentialVerificationStatusTampered), string(api.CredentialVerificationStatusUnknownIssuer),
	string(api.CredentialVerificationStatusMalformed),
}

// Credential is GET /verify/credentials/:id, what a printed portfolio's
// QR code opens: the verdict on the attestation behind the credential,
// as stored. An id that names no attestation gets the not-found page.
func (p *Pages) Credential(c *fiber.Ctx) error {
	p.k.ResumeSession(c)
	id := strings.Clone(c.Params("id"))
	resp, err := p.k.API.GetCredentialVerificationWithResponse(kit.Ctx(c), id)
	if err != nil {
		return p.k.ErrorPage(c, err)
	}
	v := p.k.NewView(c, "/verify/credentials/"+url.PathEscape(id))
	v.Data = &page{Verdict: p.verdictOf(c, v, *resp.JSON200), Scanned: true}
	return p.tmpl.Render(c, fiber.StatusOK, "verify", v)
}
