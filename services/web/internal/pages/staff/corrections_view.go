package staff

import (
	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/api"
	"github.com/onward-jobs/onward/services/web/internal/kit"
)

// correctionLines adds to the candidate page what corrections need: who
// may revoke each skill, the attestations revoked so far (when, why), and
// whether consent was given on an older consent text.
func (p *Pages) correctionLines(c *fiber.Ctx, v *kit.View, d *candidateDetail, k api.Candidate, progNames, names map[string]string) {
	a := kit.ActorOf(c)
	admin := kit.ProgrammeAdmins(a)
	for i, at := range k.Skills {
		if i < len(d.Skills) {
			d.Skills[i].CanRevoke = admin || (at.AttestedBy != "" && at.AttestedBy == a.UserID)
		}
	}
	var revoked []api.Attestation
	for _, at := range k.Attestations {
		if kit.Deref(at.Revoked) {
			revoked = append(revoked, at)
		}
	}
	for i, l := range p.skillLines(c, v, revoked, progNames, names) {
		d.Revoked = append(d.Revoked, p.revokedLine(c, v, revoked[i], l, names))
	}
	d.OlderConsent = k.Consent.Matching && k.Consent.TextVersion != "" && !k.Consent.TextCurrent
}

// revokedLine is a revoked attestation in words: when, why, by whom.
type revokedLine struct {
	skillLine
	RevokedOn, Reason, Note, RevokedBy string
}

// revokedLine says when and why an attestation was revoked, and by whom
// when they are a colleague.
func (p *Pages) revokedLine(c *fiber.Ctx, v *kit.View, a api.Attestation, l skillLine, names map[string]string) *revokedLine {
	r := &revokedLine{skillLine: l}
	if rv := a.Revocation; rv != nil {
		r.RevokedOn, r.Reason, r.Note = dateOf(rv.RevokedAt.UTC()), reasonText(v, rv.Reason), kit.Deref(rv.Note)
		if rv.RevokedBy != "" {
			r.RevokedBy = p.colleagueName(c, names, rv.RevokedBy)
		}
	}
	return r
}
