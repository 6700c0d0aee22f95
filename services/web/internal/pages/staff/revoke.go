package staff

import (
	"errors"
	"slices"
	"strconv"
	"strings"

	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/api"
	"github.com/onward-jobs/onward/pkg/errs"
	"github.com/onward-jobs/onward/services/web/internal/kit"
)

// Revoking an attestation withdraws a supervisor's signed word that a
// candidate has a skill: it stays in the record as history, stops
// counting for matching, and anyone verifying it sees it revoked. The form
// asks why (a closed list), allows a short note, and asks the staff member
// to confirm they understand what revoking does. Only the supervisor who
// signed it or the organisation's administrator may; the candidates
// service decides.

// revocationReasons are the reasons an attestation is revoked for
// ("CorrectionsReason_<reason>"), in the order the form offers them.
var revocationReasons = []api.RevocationReason{
	api.RevocationReasonEnteredInError, api.RevocationReasonWrongCandidate, api.RevocationReasonWrongSkillOrLevel,
	api.RevocationReasonEvidenceInsufficient, api.RevocationReasonOther,
}

// maxRevocationNote is the note's length limit, as the API describes it;
// the form's maxlength says so before the service does.
const maxRevocationNote = 280

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
	Reasons []kit.Choice
	NoteMax int
}

// RevokeForm is GET /candidates/:id/attestations/:aid/revoke.
func (p *Pages) RevokeForm(c *fiber.Ctx) error {
	id, aid := strings.Clone(c.Params("id")), strings.Clone(c.Params("aid"))
	v := p.kit.NewView(c, candidateURL(id, "attestations", aid, "revoke"))
	return p.renderRevoke(c, v, &revokePage{}, id, aid, fiber.StatusOK)
}

// Revoke is POST /candidates/:id/attestations/:aid/revoke.
func (p *Pages) Revoke(c *fiber.Ctx) error {
	id, aid := strings.Clone(c.Params("id")), strings.Clone(c.Params("aid"))
	v := p.kit.NewView(c, candidateURL(id, "attestations", aid, "revoke"))
	kit.FormValues(c, v, "reason", "note")
	d := &revokePage{}
	d.Version, _ = strconv.Atoi(kit.FormText(c, "version"))
	if v.Val("reason") == "" {
		v.AddError("reason", v.T("CorrectionsErrReason"))
	}
	if kit.FormText(c, "confirm") == "" {
		v.AddError("confirm", v.T("CorrectionsErrRevokeConfirm"))
	}
	if len(v.Errors) > 0 {
		v.Alert = v.T("ErrCheckFields")
		return p.renderRevoke(c, v, d, id, aid, fiber.StatusUnprocessableEntity)
	}
	in := api.RevokeAttestationJSONRequestBody{Version: d.Version, Reason: api.RevocationReason(v.Val("reason")), Note: optional(v.Val("note"))}
	_, err := p.kit.API.RevokeAttestationWithResponse(kit.Ctx(c), aid, in)
	var prob *kit.Problem
	switch {
	case err == nil:
		return c.Redirect(candidateURL(id)+"?corrected=revoked", fiber.StatusSeeOther)
	case errors.Is(err, errs.Conflict):
		// Stale, or revoked meanwhile: the page reads which.
		d.Stale = true
		v.Alert = v.T("CorrectionsErrStale")
		return p.renderRevoke(c, v, d, id, aid, fiber.StatusConflict)
	case errors.As(err, &prob) && prob.Status == fiber.StatusBadRequest:
		v.Alert = v.T("ErrCheckFields")
		for _, fe := range prob.Errors {
			switch formField(fe.Field) {
			case "reason":
				v.AddError("reason", v.T("CorrectionsErrReason"))
			case "note":
				v.AddError("note", v.T("CorrectionsErrNote", "Max", maxRevocationNote))
			default:
				v.Alert = v.T("StaffErrUnexpected")
			}
		}
		return p.renderRevoke(c, v, d, id, aid, fiber.StatusUnprocessableEntity)
	case errors.Is(err, errs.Forbidden):
		v.Alert = v.T("CorrectionsErrRevokeForbidden")
		return p.renderRevoke(c, v, d, id, aid, fiber.StatusForbidden)
	}
	return p.kit.ErrorPage(c, err)
}

// renderRevoke reads the candidate and the attestation as they are now. A
// stale form takes the current version; what was typed stays.
func (p *Pages) renderRevoke(c *fiber.Ctx, v *kit.View, d *revokePage, id, aid string, status int) error {
	k, err := p.candidate(c, id)
	if err != nil {
		return p.kit.ErrorPage(c, err)
	}
	all := allAttestations(k)
	i := slices.IndexFunc(all, func(a api.Attestation) bool { return a.ID == aid })
	if i < 0 {
		return p.kit.ErrorPage(c, errs.NotFound)
	}
	d.ID, d.Alias, d.Name, d.NoteMax = k.ID, k.Alias, displayName(k), maxRevocationNote
	d.Action = candidateURL(id, "attestations", aid, "revoke")
	if d.Version == 0 || d.Stale {
		d.Version = int(k.Version)
	}
	names := map[string]string{}
	lines := p.skillLines(c, v, all[i:i+1], p.programmeNames(c), names)
	d.Skill = lines[0]
	if kit.Deref(all[i].Revoked) {
		d.Revoked = p.revokedLine(c, v, all[i], lines[0], names)
		if d.Stale {
			v.Alert = v.T("CorrectionsErrAlreadyRevoked")
		}
	}
	reasons := make([]string, 0, len(revocationReasons))
	for _, r := range revocationReasons {
		reasons = append(reasons, string(r))
	}
	d.Reasons = kit.Choices(v, "CorrectionsReason_", reasons, v.Val("reason"))
	for j := range d.Reasons {
		d.Reasons[j].Hint = v.T("CorrectionsReasonHint_" + d.Reasons[j].Value)
	}
	v.Data = d
	return p.tmpl.Render(c, status, "staff_revoke", v)
}

// allAttestations is every attestation of the candidate, revoked ones
// too; a service that does not list them yet gives its skills.
func allAttestations(k api.Candidate) []api.Attestation {
	if len(k.Attestations) > 0 {
		return k.Attestations
	}
	return k.Skills
}
