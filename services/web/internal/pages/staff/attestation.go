package staff

import (
	"net/url"

	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/api"
	"github.com/onward-jobs/onward/services/web/internal/kit"
)

// attestationPage is what the verify endpoint says about one attestation.
type attestationPage struct {
	Intact           bool
	Label, LevelText string
	Level, Hours     int
	Date             string
	Revoked          bool
	// Revocation is set for a revoked attestation: whether the
	// revocation's own signature holds.
	Revocation *revocationCheck
	// RevokedOn, Reason, Note and RevokedBy describe a revocation.
	RevokedOn, Reason, Note, RevokedBy string
	// Credential is the download and QR code, for the attesting
	// organisation's staff while the attestation stands.
	Credential *credentialView
}

// revocationCheck is whether a revocation's signature holds.
type revocationCheck struct{ Intact bool }

// Attestation is GET /attestations/:id: it asks the candidates service to
// check the attestation's signature and shows the answer. Anyone signed
// in may, as the verify endpoint allows: an employer shown "Signed" can
// check it too.
func (p *Pages) Attestation(c *fiber.Ctx) error {
	resp, err := p.kit.API.VerifyAttestationWithResponse(kit.Ctx(c), c.Params("id"))
	if err != nil {
		return p.kit.ErrorPage(c, err)
	}
	res := *resp.JSON200
	v := p.kit.NewView(c, "/attestations/"+url.PathEscape(c.Params("id")))
	d := &attestationPage{Intact: res.Intact, Label: res.Skill, Level: res.Level, LevelText: levelText(v, res.Level),
		Hours: res.Hours, Date: res.Date, Revoked: kit.Deref(res.Revoked)}
	if rows := p.skillLabels(c, v, []string{res.Skill}); len(rows) == 1 {
		d.Label = rows[0].Label
	}
	if r := res.Revocation; r != nil {
		d.Revoked = true
		d.Revocation = &revocationCheck{Intact: r.Intact}
		d.RevokedOn, d.Reason, d.Note = dateOf(r.RevokedAt.UTC()), reasonText(v, r.Reason), kit.Deref(r.Note)
		if r.RevokedBy != nil {
			d.RevokedBy = p.colleagueName(c, nil, *r.RevokedBy)
		}
	}
	d.Credential = p.credentialFor(c, v, c.Params("id"), res, d.Revoked)
	v.Data = d
	return p.tmpl.Render(c, fiber.StatusOK, "staff_attestation", v)
}

// reasonText names a revocation's reason in the reader's language.
func reasonText(v *kit.View, r api.RevocationReason) string {
	return v.TOr("CorrectionsReason_"+string(r), string(r))
}
