package site

import "github.com/gofiber/fiber/v2"

// correctionLines adds to the candidate page what corrections need: who
// may revoke each skill, the attestations revoked so far (when, why), and
// whether consent was given on an older consent text.
func (s *site) correctionLines(c *fiber.Ctx, v *view, d *candidateDetail, k candidate, progNames, names map[string]string) {
	me, admin := actor(c).UserID, isProgrammeAdmin(actor(c))
	for i, a := range k.Skills {
		if i < len(d.Skills) {
			d.Skills[i].CanRevoke = admin || (a.AttestedBy != "" && a.AttestedBy == me)
		}
	}
	var revoked []attestation
	for _, a := range k.Attestations {
		if a.Revoked {
			revoked = append(revoked, a)
		}
	}
	for i, l := range s.skillLines(c, v, revoked, progNames, names) {
		d.Revoked = append(d.Revoked, s.revokedLine(c, v, revoked[i], l, names))
	}
	d.OlderConsent = s.olderConsent(c, k.Consent)
}

// olderConsent reports whether consent to matching stands on a consent
// text that is no longer the current one, as the service says; a service
// that does not say is compared with the current text's version.
func (s *site) olderConsent(c *fiber.Ctx, k consentState) bool {
	if !k.Matching || k.TextVersion == "" {
		return false
	}
	if k.TextCurrent != nil {
		return !*k.TextCurrent
	}
	texts, err := s.candidates.consentTexts(c.UserContext(), accessToken(c))
	if err != nil {
		s.logServiceFailure(c, "candidates", err)
		return false
	}
	return texts.Current != "" && texts.Current != k.TextVersion
}

// describeRevocation puts a revoked attestation's revocation in words for
// the verify page: when and why for anyone, the note and who revoked for
// the attesting organisation's staff, to whom the service sends them.
func (s *site) describeRevocation(c *fiber.Ctx, v *view, d *attestationPage) {
	r := d.Revocation
	if r == nil {
		return
	}
	d.Revoked = true
	d.RevokedOn = r.RevokedAt.UTC().Format("2006-01-02")
	d.Reason = v.TOr("CorrectionsReason_"+string(r.Reason), string(r.Reason))
	if r.Note != nil {
		d.Note = *r.Note
	}
	if r.RevokedBy != nil {
		d.RevokedBy = s.colleagueName(c, nil, *r.RevokedBy)
	}
}
