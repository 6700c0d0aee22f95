package site

import (
	"errors"
	"strconv"
	"strings"

	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/errs"
)

// hoursPage is the wizard's third step: programme hours and skills for a
// candidate who is already registered.
type hoursPage struct {
	ID, Alias, Name string
	New             bool
	Records         []recordLine
	Skills          []skillLine
	RecordProgs     []choice
	SkillProgs      []choice
	Levels          []choice
	Skill           *pickerData
	Level           string
}

// recordLine is one programme record as the pages show it.
type recordLine struct {
	ID, Programme, From, To string
	Hours                   int
}

// registerHoursForm is GET /candidates/:id/register/hours.
func (s *site) registerHoursForm(c *fiber.Ctx) error {
	v := s.newView(c, candidateURL(c.Params("id"), "register", "hours"))
	d := &hoursPage{New: c.Query("new") != "", Level: "2"}
	d.Skill = newPickerData(v, s.skillSpec())
	v.usesPicker = true
	switch c.Query("added") {
	case "record":
		v.Notice = v.T("StaffRecordAdded")
	case "skill":
		v.Notice = v.T("StaffSkillAttested")
	}
	return s.renderHours(c, v, d, "", "", fiber.StatusOK)
}

func (s *site) skillSpec() pickerSpec {
	return pickerSpec{Name: "sk_skill", Kind: skillsCatalogue, LabelID: "StaffField_sk_skill", HintID: "StaffHintAttestSkill"}
}

// postRegisterHours is POST /candidates/:id/register/hours: "add_record"
// records programme hours, "attest" attests a skill; other buttons (the
// skill picker's) show the page again.
func (s *site) postRegisterHours(c *fiber.Ctx) error {
	id := c.Params("id")
	v := s.newView(c, candidateURL(id, "register", "hours"))
	formValues(c, v, "rec_programme", "rec_from", "rec_to", "rec_hours", "sk_programme", "sk_hours", "sk_evidence")
	d := &hoursPage{Level: formText(c, "sk_level"), Skill: s.picker(c, v, s.skillSpec())}
	var err error
	var fields map[string]string
	switch formText(c, "action") {
	case "add_record":
		fields = map[string]string{"programme": "rec_programme", "from": "rec_from", "to": "rec_to", "hours": "rec_hours"}
		in := programmeRecord{Programme: v.Val("rec_programme"), From: v.Val("rec_from"), To: v.Val("rec_to")}
		if in.Hours, err = wholeNumber(v, "rec_hours"); err == nil {
			err = s.candidates.addProgrammeRecord(c.UserContext(), accessToken(c), id, in)
		}
		if err == nil {
			return c.Redirect(candidateURL(id, "register", "hours")+"?added=record", fiber.StatusSeeOther)
		}
	case "attest":
		fields = map[string]string{"skill": "sk_skill_q", "level": "sk_level", "hours": "sk_hours", "programme": "sk_programme",
			"evidence": "sk_evidence", "date": "sk_evidence"}
		in := skillAttestationInput{Skill: d.Skill.Value, Programme: v.Val("sk_programme"), Evidence: v.Val("sk_evidence")}
		in.Level, _ = strconv.Atoi(d.Level)
		if in.Hours, err = wholeNumber(v, "sk_hours"); err == nil {
			err = s.candidates.attestSkill(c.UserContext(), accessToken(c), id, in)
		}
		if err == nil {
			return c.Redirect(candidateURL(id, "register", "hours")+"?added=skill", fiber.StatusSeeOther)
		}
	default:
		return s.renderHours(c, v, d, v.Val("rec_programme"), v.Val("sk_programme"), fiber.StatusOK)
	}
	return s.hoursProblem(c, v, d, fields, err)
}

// hoursProblem explains a refused record or attestation on the page,
// keeping what was typed.
func (s *site) hoursProblem(c *fiber.Ctx, v *view, d *hoursPage, fields map[string]string, err error) error {
	var p *apiProblem
	switch {
	case errors.Is(err, errNotANumber):
	case errors.As(err, &p) && p.Status == fiber.StatusBadRequest:
		for _, fe := range p.Errors {
			field, ok := fields[formField(fe.Field)]
			if !ok {
				v.Alert = v.T("StaffErrUnexpected")
				continue
			}
			msg := v.T("StaffErrPortfolio_" + formField(fe.Field))
			if field == "sk_skill_q" {
				d.Skill.Error = msg
			}
			v.addError(field, msg)
		}
	case errors.Is(err, errs.Forbidden):
		v.Alert = v.T("StaffErrAttestForbidden")
		return s.renderHours(c, v, d, v.Val("rec_programme"), v.Val("sk_programme"), fiber.StatusForbidden)
	default:
		return s.errorPage(c, err)
	}
	if v.Alert == "" {
		v.Alert = v.T("ErrCheckFields")
	}
	return s.renderHours(c, v, d, v.Val("rec_programme"), v.Val("sk_programme"), fiber.StatusUnprocessableEntity)
}

// errNotANumber marks a number field the page itself refused.
var errNotANumber = errors.New("not a whole number")

// wholeNumber reads a non-negative whole number from v's form, or puts
// an error at the field.
func wholeNumber(v *view, field string) (int, error) {
	if v.Val(field) == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(v.Val(field))
	if err != nil || n < 0 {
		v.addError(field, v.T("ErrWholeNumber"))
		return 0, errNotANumber
	}
	return n, nil
}

// renderHours loads the candidate (what is recorded so far) and the
// organisation's programmes, and shows the page.
func (s *site) renderHours(c *fiber.Ctx, v *view, d *hoursPage, recProg, skProg string, status int) error {
	k, err := s.candidates.getCandidate(c.UserContext(), accessToken(c), c.Params("id"))
	if err != nil {
		return s.errorPage(c, err)
	}
	d.ID, d.Alias, d.Name = k.ID, k.Alias, displayName(k)
	progs := s.programmeChoices(c, "")
	progNames := map[string]string{}
	for _, p := range progs {
		progNames[p.Value] = p.Label
		d.RecordProgs = append(d.RecordProgs, choice{Value: p.Value, Label: p.Label, Selected: p.Value == recProg})
		d.SkillProgs = append(d.SkillProgs, choice{Value: p.Value, Label: p.Label, Selected: p.Value == skProg})
	}
	d.Records = recordLines(k.Records, progNames)
	d.Skills = s.skillLines(c, v, k.Skills, progNames, nil)
	for _, l := range skillLevels {
		d.Levels = append(d.Levels, choice{Value: strconv.Itoa(l), Label: levelText(v.localizer, l), Selected: strconv.Itoa(l) == d.Level})
	}
	v.Data = d
	return s.render(c, status, "staff_register_hours", v)
}

func recordLines(records []programmeRecord, progNames map[string]string) []recordLine {
	out := make([]recordLine, 0, len(records))
	for _, r := range records {
		name := progNames[r.Programme]
		if name == "" {
			name = r.Programme
		}
		out = append(out, recordLine{ID: r.ID, Programme: name, From: r.From, To: r.To, Hours: r.Hours})
	}
	return out
}

// consentPage is the wizard's last step: the current consent text,
// which the service records by its version with the consent.
type consentPage struct {
	ID      string
	Text    consentTextView
	Consent bool
}

// registerConsentForm is GET /candidates/:id/register/consent.
func (s *site) registerConsentForm(c *fiber.Ctx) error {
	v := s.newView(c, candidateURL(c.Params("id"), "register", "consent"))
	return s.renderRegisterConsent(c, v, &consentPage{ID: strings.Clone(c.Params("id"))}, fiber.StatusOK)
}

// renderRegisterConsent shows the step with the current consent text,
// the candidate's alias filled in.
func (s *site) renderRegisterConsent(c *fiber.Ctx, v *view, d *consentPage, status int) error {
	k, err := s.candidates.getCandidate(c.UserContext(), accessToken(c), d.ID)
	if err != nil {
		return s.errorPage(c, err)
	}
	if d.Text, _, err = s.currentConsentText(c, v, k.Alias); err != nil {
		return s.errorPage(c, err)
	}
	v.Data = d
	return s.render(c, status, "staff_register_consent", v)
}

// postRegisterConsent is POST /candidates/:id/register/consent: with the
// box ticked, it records the candidate's consent to matching with the
// version of the text the page showed, then shows the candidate. A text
// the service no longer takes shows the step again with the current one.
func (s *site) postRegisterConsent(c *fiber.Ctx) error {
	id := strings.Clone(c.Params("id"))
	v := s.newView(c, candidateURL(id, "register", "consent"))
	d := &consentPage{ID: id}
	if c.FormValue("matching") == "" {
		v.Alert = v.T("ErrCheckFields")
		v.addError("matching", v.T("StaffErrConsentTick"))
		return s.renderRegisterConsent(c, v, d, fiber.StatusUnprocessableEntity)
	}
	err := s.candidates.setConsent(c.UserContext(), accessToken(c), id, consentInput{Matching: true, TextVersion: formText(c, "text_version")})
	var p *apiProblem
	switch {
	case err == nil:
		return c.Redirect(candidateURL(id)+"?consent=1", fiber.StatusSeeOther)
	case errors.As(err, &p) && p.Status == fiber.StatusBadRequest:
		v.Alert = v.T("CorrectionsConsentTextChanged")
		return s.renderRegisterConsent(c, v, d, fiber.StatusUnprocessableEntity)
	}
	return s.errorPage(c, err)
}
