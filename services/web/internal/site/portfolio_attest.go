package site

import (
	"errors"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/errs"
)

// The quick "attest a skill" form is one screen a supervisor fills in on a
// phone: the programme (preselected when they supervise exactly one), the
// programme's skills as large chips with the picker for any other skill,
// the level as four big buttons, the hours, an optional note and the date.
// A skill chosen in the picker joins the chips, checked, and travels in
// hidden fields from then on, so the form works without JavaScript.

// Limits the candidates service applies too; checking them here saves a
// round trip on a poor connection.
const (
	maxAttestHours    = 10000
	maxEvidenceRunes  = 1000
	maxAttestSkillTap = 24
)

// attestFields are the form's fields in page order, for the error summary.
var attestFields = []string{"programme", "skill", "level", "hours", "evidence", "date"}

// attestPage is what the attest template shows.
type attestPage struct {
	Candidate  portfolioCandidate
	Action     string
	Programmes []attestProgramme
	// NotSupervisor warns a member who supervises none of the programmes.
	NotSupervisor bool
	Skills        []attestSkillChip
	Other         *pickerData
	Levels        []attestLevel
	Today         string
	// pickerBusy means the picker searched or chose, and the form comes
	// back instead of being sent.
	pickerBusy bool
}

type attestProgramme struct {
	ID, Name            string
	Supervised, Checked bool
}

// attestSkillChip is one skill offered as a tap target. Extra chips came from
// the picker and are carried in hidden fields.
type attestSkillChip struct {
	ID, Label      string
	Checked, Extra bool
}

type attestLevel struct {
	Value   int
	Meaning string
	Checked bool
}

// attestToday is the date the candidates service calls today.
func attestToday() string { return time.Now().UTC().Format(time.DateOnly) }

// attestForm is GET /candidates/:id/attest.
func (p *portfolioPages) attestForm(c *fiber.Ctx) error {
	id := portfolioCandidateID(c)
	v := p.newView(c, portfolioPath(id, "attest"))
	v.Form["date"] = attestToday()
	d, err := p.attestPage(c, v, id)
	if err != nil {
		return p.failed(c, err)
	}
	v.Data = d
	return p.render(c, fiber.StatusOK, "portfolio_attest", v)
}

// postAttest is POST /candidates/:id/attest: a picker search or choice
// comes back to the form; otherwise the attestation is sent and the
// supervisor lands on the candidate's page.
func (p *portfolioPages) postAttest(c *fiber.Ctx) error {
	id := portfolioCandidateID(c)
	v := p.newView(c, portfolioPath(id, "attest"))
	formValues(c, v, attestFields...)
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
	err = p.api.attest(c.UserContext(), accessToken(c), id, in)
	var problem *apiProblem
	switch {
	case err == nil:
		setPortfolioNotice(c, "PortfolioNoticeAttested", d.Candidate.Alias)
		// Back to the attestations, with the confirmation there (issue 11, item 2.2).
		return c.Redirect(portfolioCandidateURL(id)+"?attested=1#attestations", fiber.StatusSeeOther)
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
func (p *portfolioPages) attestPage(c *fiber.Ctx, v *view, id string) (*attestPage, error) {
	cand, err := p.loadCandidate(c, id, portfolioPurposeAttestation)
	if err != nil {
		return nil, err
	}
	progs, err := p.api.programmes(c.UserContext(), accessToken(c))
	if err != nil {
		return nil, err
	}
	me := actor(c)
	d := &attestPage{Candidate: cand, Action: portfolioPath(id, "attest"), Today: attestToday()}
	// The programmes the user supervises come first.
	slices.SortStableFunc(progs, func(a, b portfolioProgramme) int {
		return attestRank(b.supervisedBy(me.UserID)) - attestRank(a.supervisedBy(me.UserID))
	})
	supervised := 0
	for _, pr := range progs {
		if pr.supervisedBy(me.UserID) {
			supervised++
		}
	}
	if v.Val("programme") == "" && len(progs) > 0 && (supervised == 1 || len(progs) == 1) {
		v.Form["programme"] = progs[0].ID
	}
	d.NotSupervisor = len(progs) > 0 && supervised == 0 && me.Role != roleOrgAdmin
	for _, pr := range progs {
		d.Programmes = append(d.Programmes, attestProgramme{ID: pr.ID, Name: pr.Name,
			Supervised: pr.supervisedBy(me.UserID), Checked: pr.ID == v.Val("programme")})
	}
	d.Other = p.picker(c, v, pickerSpec{Name: "other_skill", Kind: skillsCatalogue, LabelID: "PortfolioOtherSkill",
		HintID: "PortfolioOtherSkillHint", AutoSubmit: true, Action: d.Action + "#skill"})
	// Only the main button sends the attestation; the picker's buttons, and
	// its script choosing a skill, bring the form back.
	d.pickerBusy = d.Other.Searched || d.Other.Error != "" || formText(c, "action") != "attest"
	d.Skills = p.skillChips(c, v, progs, supervised > 0, d.Other)
	for level := 1; level <= 4; level++ {
		d.Levels = append(d.Levels, attestLevel{Value: level, Meaning: v.T("Level_" + strconv.Itoa(level)),
			Checked: v.Val("level") == strconv.Itoa(level)})
	}
	return d, nil
}

func attestRank(b bool) int {
	if b {
		return 1
	}
	return 0
}

// skillChips offers the chosen programme's skills first, then those of the
// user's other programmes (or of every programme, for someone who
// supervises none), then skills chosen earlier in the picker. A skill just
// chosen in the picker becomes the checked chip.
func (p *portfolioPages) skillChips(c *fiber.Ctx, v *view, progs []portfolioProgramme, onlySupervised bool, other *pickerData) []attestSkillChip {
	me := actor(c).UserID
	var ids []string
	add := func(pr portfolioProgramme) {
		for _, s := range pr.Skills {
			if !slices.Contains(ids, s) && len(ids) < maxAttestSkillTap {
				ids = append(ids, s)
			}
		}
	}
	for _, pr := range progs {
		if pr.ID == v.Val("programme") {
			add(pr)
		}
	}
	for _, pr := range progs {
		if !onlySupervised || pr.supervisedBy(me) {
			add(pr)
		}
	}
	labels := p.chipLabels(c, v.Lang, ids)
	chips := make([]attestSkillChip, 0, len(ids)+1)
	for _, id := range ids {
		chips = append(chips, attestSkillChip{ID: id, Label: labels[id]})
	}
	extraIDs, extraLabels := formList(c, "extra_skill"), formList(c, "extra_label")
	for i, id := range extraIDs {
		if id = strings.TrimSpace(id); id != "" && i < len(extraLabels) && !attestHasChip(chips, id) {
			chips = append(chips, attestSkillChip{ID: id, Label: extraLabels[i], Extra: true})
		}
	}
	if o := attestChosenOther(other); o.ID != "" {
		if !attestHasChip(chips, o.ID) {
			chips = append(chips, o)
		}
		v.Form["skill"] = o.ID
	}
	for i := range chips {
		chips[i].Checked = chips[i].ID == v.Val("skill")
	}
	return chips
}

// attestChosenOther takes the skill just chosen in the picker as a chip,
// emptying the picker for another search.
func attestChosenOther(other *pickerData) attestSkillChip {
	if other.Value == "" || other.Error != "" {
		return attestSkillChip{}
	}
	chip := attestSkillChip{ID: other.Value, Label: other.Text, Extra: true}
	other.Value, other.Text, other.item = "", "", nil
	return chip
}

func attestHasChip(chips []attestSkillChip, id string) bool {
	return slices.ContainsFunc(chips, func(ch attestSkillChip) bool { return ch.ID == id })
}

// chipLabels names skills in lang, asking the matching service for all
// of them at once. A skill it cannot name shows its id.
func (p *portfolioPages) chipLabels(c *fiber.Ctx, lang string, ids []string) map[string]string {
	ctx, token := c.UserContext(), accessToken(c)
	labels := make(map[string]string, len(ids))
	var mu sync.Mutex
	var wg sync.WaitGroup
	for _, id := range ids {
		wg.Go(func() {
			label, _, err := p.lookupChoice(ctx, token, skillsCatalogue, id, lang)
			if err != nil || label == "" {
				label = id
			}
			mu.Lock()
			labels[id] = label
			mu.Unlock()
		})
	}
	wg.Wait()
	return labels
}

// readAttestForm checks the form and turns it into the service's input,
// putting problems next to their fields.
func readAttestForm(v *view) (portfolioAttestation, bool) {
	in := portfolioAttestation{Skill: v.Val("skill"), Programme: v.Val("programme"), Evidence: v.Val("evidence"), Date: v.Val("date")}
	if in.Programme == "" {
		v.addError("programme", v.T("PortfolioErrProgramme"))
	}
	if in.Skill == "" {
		v.addError("skill", v.T("PortfolioErrSkill"))
	}
	level, err := strconv.Atoi(v.Val("level"))
	if err != nil || level < 1 || level > 4 {
		v.addError("level", v.T("PortfolioErrLevel"))
	}
	in.Level = level
	hours, err := strconv.Atoi(v.Val("hours"))
	if err != nil || hours < 0 || hours > maxAttestHours {
		v.addError("hours", v.T("PortfolioErrHours", "Max", maxAttestHours))
	}
	in.Hours = hours
	if utf8.RuneCountInString(in.Evidence) > maxEvidenceRunes {
		v.addError("evidence", v.T("PortfolioErrEvidence", "Max", maxEvidenceRunes))
	}
	if in.Date != "" {
		if _, err := time.Parse(time.DateOnly, in.Date); err != nil {
			v.addError("date", v.T("PortfolioErrDate"))
		}
	}
	return in, len(v.Errors) == 0
}

// attestProblem puts the service's field errors next to their fields.
func attestProblem(v *view, problem *apiProblem) {
	for _, fe := range problem.Errors {
		if !slices.Contains(attestFields, fe.Field) {
			continue
		}
		v.addError(fe.Field, attestFieldMessage(v, fe))
	}
	v.Alert = v.T("ErrCheckFields")
	if len(v.Errors) == 0 {
		v.Alert = v.T("PortfolioAttestRefused")
	}
}

// attestFieldMessage words one of the service's field errors for the user.
func attestFieldMessage(v *view, fe errs.FieldError) string {
	switch fe.Field {
	case "programme":
		return v.T("PortfolioErrProgramme")
	case "skill":
		return v.T("PortfolioErrSkillUnknown")
	case "level":
		return v.T("PortfolioErrLevel")
	case "hours":
		return v.T("PortfolioErrHours", "Max", maxAttestHours)
	case "evidence":
		return v.T("PortfolioErrEvidence", "Max", maxEvidenceRunes)
	case "date":
		if strings.Contains(fe.Message, "future") {
			return v.T("PortfolioErrDateFuture")
		}
		return v.T("PortfolioErrDate")
	}
	return v.T("ErrFieldInvalid")
}
