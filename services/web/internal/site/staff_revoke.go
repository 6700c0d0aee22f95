package site

import (
	"errors"
	"slices"
	"strconv"
	"strings"

	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/api"
	"github.com/onward-jobs/onward/pkg/errs"
)

// Revoking an attestation withdraws a supervisor's signed word that a
// candidate has a skill: it stays in the record as history, stops
// counting for matching, and anyone verifying it sees it revoked. The
// form asks why (a closed list), allows a short note, and asks the staff
// member to confirm they understand what revoking does. Only the
// supervisor who signed it or the organisation's administrator may; the
// candidates service decides.

// revokePage is the revocation form for one attestation.
type revokePage struct {
	ID, Alias, Name string
	Action          string
	Version         int
	Stale           bool
	Skill           skillLine
	// Revoked describes the revocation when the attestation is revoked
	// already; the page then shows it instead of the form.
	Revoked *revokedLine
	Reasons []choice
	NoteMax int
}

// revokedLine is a revoked attestation in words: when, why, by whom.
type revokedLine struct {
	skillLine
	RevokedOn, Reason, Note, RevokedBy string
}

// revokeForm is GET /candidates/:id/attestations/:aid/revoke.
func (s *site) revokeForm(c *fiber.Ctx) error {
	id, aid := strings.Clone(c.Params("id")), strings.Clone(c.Params("aid"))
	v := s.newView(c, candidateURL(id, "attestations", aid, "revoke"))
	return s.renderRevoke(c, v, &revokePage{}, id, aid, fiber.StatusOK)
}

// postRevoke is POST /candidates/:id/attestations/:aid/revoke.
func (s *site) postRevoke(c *fiber.Ctx) error {
	id, aid := strings.Clone(c.Params("id")), strings.Clone(c.Params("aid"))
	v := s.newView(c, candidateURL(id, "attestations", aid, "revoke"))
	formValues(c, v, "reason", "note")
	d := &revokePage{}
	d.Version, _ = strconv.Atoi(formText(c, "version"))
	if v.Val("reason") == "" {
		v.addError("reason", v.T("CorrectionsErrReason"))
	}
	if formText(c, "confirm") == "" {
		v.addError("confirm", v.T("CorrectionsErrRevokeConfirm"))
	}
	if len(v.Errors) > 0 {
		v.Alert = v.T("ErrCheckFields")
		return s.renderRevoke(c, v, d, id, aid, fiber.StatusUnprocessableEntity)
	}
	in := api.RevokeAttestationJSONBody{Version: d.Version, Reason: api.RevocationReason(v.Val("reason"))}
	if note := v.Val("note"); note != "" {
		in.Note = &note
	}
	err := s.candidates.revokeAttestation(c.UserContext(), accessToken(c), aid, in)
	var p *apiProblem
	switch {
	case err == nil:
		return c.Redirect(candidateURL(id)+"?corrected=revoked", fiber.StatusSeeOther)
	case errors.As(err, &p) && p.Status == fiber.StatusConflict:
		// Stale, or revoked meanwhile: the page reads which.
		d.Stale = true
		v.Alert = v.T("CorrectionsErrStale")
		return s.renderRevoke(c, v, d, id, aid, fiber.StatusConflict)
	case errors.As(err, &p) && p.Status == fiber.StatusBadRequest:
		v.Alert = v.T("ErrCheckFields")
		for _, fe := range p.Errors {
			switch formField(fe.Field) {
			case "reason":
				v.addError("reason", v.T("CorrectionsErrReason"))
			case "note":
				v.addError("note", v.T("CorrectionsErrNote", "Max", maxRevocationNote))
			default:
				v.Alert = v.T("StaffErrUnexpected")
			}
		}
		return s.renderRevoke(c, v, d, id, aid, fiber.StatusUnprocessableEntity)
	case errors.Is(err, errs.Forbidden):
		v.Alert = v.T("CorrectionsErrRevokeForbidden")
		return s.renderRevoke(c, v, d, id, aid, fiber.StatusForbidden)
	}
	return s.errorPage(c, err)
}

// renderRevoke reads the candidate and the attestation as they are now.
// A stale form takes the current version; what was typed stays.
func (s *site) renderRevoke(c *fiber.Ctx, v *view, d *revokePage, id, aid string, status int) error {
	k, err := s.candidates.getCandidate(c.UserContext(), accessToken(c), id)
	if err != nil {
		return s.errorPage(c, err)
	}
	all := allAttestations(k)
	i := slices.IndexFunc(all, func(a attestation) bool { return a.ID == aid })
	if i < 0 {
		return s.errorPage(c, errs.NotFound)
	}
	d.ID, d.Alias, d.Name, d.NoteMax = k.ID, k.Alias, displayName(k), maxRevocationNote
	d.Action = candidateURL(id, "attestations", aid, "revoke")
	if d.Version == 0 || d.Stale {
		d.Version = k.Version
	}
	names := map[string]string{}
	lines := s.skillLines(c, v, all[i:i+1], s.programmeNames(c), names)
	d.Skill = lines[0]
	if all[i].Revoked {
		d.Revoked = s.revokedLine(c, v, all[i], lines[0], names)
		if d.Stale {
			v.Alert = v.T("CorrectionsErrAlreadyRevoked")
		}
	}
	reasons := make([]string, 0, len(revocationReasons))
	for _, r := range revocationReasons {
		reasons = append(reasons, string(r))
	}
	d.Reasons = choices(v, "CorrectionsReason_", reasons, v.Val("reason"))
	for j := range d.Reasons {
		d.Reasons[j].Hint = v.T("CorrectionsReasonHint_" + d.Reasons[j].Value)
	}
	v.Data = d
	return s.render(c, status, "staff_revoke", v)
}

// allAttestations is every attestation of the candidate, revoked ones
// too; a service that does not list them yet gives its skills.
func allAttestations(k candidate) []attestation {
	if len(k.Attestations) > 0 {
		return k.Attestations
	}
	return k.Skills
}

// revokedLine says when and why an attestation was revoked, and by whom
// when they are a colleague.
func (s *site) revokedLine(c *fiber.Ctx, v *view, a attestation, l skillLine, names map[string]string) *revokedLine {
	r := &revokedLine{skillLine: l}
	if rv := a.Revocation; rv != nil {
		r.RevokedOn = rv.RevokedAt.UTC().Format("2006-01-02")
		r.Reason = v.TOr("CorrectionsReason_"+string(rv.Reason), string(rv.Reason))
		if rv.Note != nil {
			r.Note = *rv.Note
		}
		if rv.RevokedBy != "" {
			r.RevokedBy = s.colleagueName(c, names, rv.RevokedBy)
		}
	}
	return r
}

// programmeNames names the organisation's programmes by id.
func (s *site) programmeNames(c *fiber.Ctx) map[string]string {
	out := map[string]string{}
	for _, p := range s.programmeChoices(c, "") {
		out[p.Value] = p.Label
	}
	return out
}
