package portfolio

import (
	"errors"
	"slices"
	"strconv"
	"time"

	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/api"
	"github.com/onward-jobs/onward/pkg/errs"
	"github.com/onward-jobs/onward/services/web/internal/kit"
)

// The quick "attest a skill" form is one screen a supervisor fills in on a
// phone: the programme (preselected when they supervise exactly one), the
// programme's skills as large chips with the picker for any other skill,
// the level as four big buttons, the hours, an optional note and the date.
// A skill chosen in the picker joins the chips, checked, and travels in
// hidden fields from then on, so the form works without JavaScript.

// attestPage is what the attest template shows.
type attestPage struct {
	Candidate  candidateView
	Action     string
	Programmes []attestProgramme
	// NotSupervisor warns a member who supervises none of the programmes.
	NotSupervisor bool
	Skills        []attestSkillChip
	Other         *kit.Picker
	Levels        []attestLevel
	Today         string
	// pickerBusy means the picker searched or chose, and the form comes
	// back instead of being sent.
	pickerBusy bool
}

// attestProgramme is one programme offered on the form.
type attestProgramme struct {
	ID, Name            string
	Supervised, Checked bool
}

// attestLevel is one of the four level buttons.
type attestLevel struct {
	Value   int
	Meaning string
	Checked bool
}

// attestToday is the date the candidates service calls today.
func attestToday() string { return time.Now().UTC().Format(time.DateOnly) }

// AttestForm is GET /candidates/:id/attest.
func (p *Pages) AttestForm(c *fiber.Ctx) error {
	id := candidateID(c)
	v := p.k.NewView(c, pagePath(id, "attest"))
	v.Form["date"] = attestToday()
	d, err := p.attestPage(c, v, id)
	if err != nil {
		return p.failed(c, err)
	}
	v.Data = d
	return p.render(c, fiber.StatusOK, "portfolio_attest", v)
}

// PostAttest is POST /candidates/:id/attest: a picker search or choice
// comes back to the form; otherwise the attestation is sent and the
// supervisor lands on the candidate's page.
func (p *Pages) PostAttest(c *fiber.Ctx) error {
	id := candidateID(c)
	v := p.k.NewView(c, pagePath(id, "attest"))
	kit.FormValues(c, v, attestFields...)
	d, err := p.attestPage(c, v, id)
	if err != nil {
		return p.failed(c, err)
	}
	v.Data = d
	if d.pickerBusy {
		return p.render(c, fiber.StatusOK, "portfolio_attest", v)
	}
	in, ok := readAttestForm(v)
	if !ok {
		v.Alert = v.T("ErrCheckFields")
		return p.render(c, fiber.StatusUnprocessableEntity, "portfolio_attest", v)
	}
	_, err = p.k.API.AttestSkillWithResponse(kit.Ctx(c), id, in)
	var problem *kit.Problem
	switch {
	case err == nil:
		kit.SetNotice(c, "PortfolioNoticeAttested", d.Candidate.Alias)
		// Back to the attestations, with the confirmation there (issue 11, item 2.2).
		return c.Redirect(candidateURL(id)+"?attested=1#attestations", fiber.StatusSeeOther)
	case errors.As(err, &problem) && problem.Status == fiber.StatusBadRequest:
		attestProblem(v, problem)
		return p.render(c, fiber.StatusUnprocessableEntity, "portfolio_attest", v)
	case errors.Is(err, errs.Forbidden):
		v.Alert = v.T("PortfolioAttestNotSupervisor")
		return p.render(c, fiber.StatusForbidden, "portfolio_attest", v)
	}
	return p.failed(c, err)
}

// attestPage loads the candidate and the organisation's programmes and
// builds the form around what v holds.
func (p *Pages) attestPage(c *fiber.Ctx, v *kit.View, id string) (*attestPage, error) {
	cand, err := p.loadCandidate(c, id, purposeAttestation)
	if err != nil {
		return nil, err
	}
	progs, err := p.programmes(c)
	if err != nil {
		return nil, err
	}
	me := kit.ActorOf(c)
	d := &attestPage{Candidate: cand, Action: pagePath(id, "attest"), Today: attestToday()}
	// The programmes the user supervises come first.
	slices.SortStableFunc(progs, func(a, b api.Programme) int {
		return rank(supervises(b, me.UserID)) - rank(supervises(a, me.UserID))
	})
	supervised := 0
	for _, pr := range progs {
		if supervises(pr, me.UserID) {
			supervised++
		}
	}
	if v.Val("programme") == "" && len(progs) > 0 && (supervised == 1 || len(progs) == 1) {
		v.Form["programme"] = progs[0].ID
	}
	d.NotSupervisor = len(progs) > 0 && supervised == 0 && !me.IsOrgAdmin()
	for _, pr := range progs {
		d.Programmes = append(d.Programmes, attestProgramme{ID: pr.ID, Name: pr.Name,
			Supervised: supervises(pr, me.UserID), Checked: pr.ID == v.Val("programme")})
	}
	d.Other = p.k.Picker(c, v, kit.PickerSpec{Name: "other_skill", Kind: kit.Skills, LabelID: "PortfolioOtherSkill",
		HintID: "PortfolioOtherSkillHint", AutoSubmit: true, Action: d.Action + "#skill"})
	// Only the main button sends the attestation; the picker's buttons, and
	// its script choosing a skill, bring the form back.
	d.pickerBusy = d.Other.Searched || d.Other.Error != "" || kit.FormText(c, "action") != "attest"
	d.Skills = p.skillChips(c, v, progs, supervised > 0, d.Other)
	for level := 1; level <= 4; level++ {
		d.Levels = append(d.Levels, attestLevel{Value: level, Meaning: v.T("Level_" + strconv.Itoa(level)),
			Checked: v.Val("level") == strconv.Itoa(level)})
	}
	return d, nil
}

// rank orders true before false.
func rank(b bool) int {
	if b {
		return 1
	}
	return 0
}
