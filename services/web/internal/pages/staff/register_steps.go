package staff

import (
	"errors"
	"strconv"
	"strings"

	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/api"
	"github.com/onward-jobs/onward/pkg/errs"
	"github.com/onward-jobs/onward/services/web/internal/kit"
)

// Steps 3 (programme hours and skills) and 4 (consent) of registering a
// candidate work on the stored candidate.

// hoursPage is the third step: programme hours and skills for a candidate
// who is already registered.
type hoursPage struct {
	ID, Alias, Name string
	New             bool
	Records         []recordLine
	Skills          []skillLine
	RecordProgs     []kit.Choice
	SkillProgs      []kit.Choice
	Levels          []kit.Choice
	Skill           *kit.Picker
	Level           string
	// Section is the section the page answers about: "records" or
	// "skills" show the alerts (a confirmation, a refusal) inside it,
	// where the user is looking; "" shows them at the top.
	Section string
}

// recordLine is one programme record as the pages show it.
type recordLine struct {
	ID, Programme, From, To string
	Hours                   int
}

func recordLines(records []api.ProgrammeRecord, progNames map[string]string) []recordLine {
	out := make([]recordLine, 0, len(records))
	for _, r := range records {
		name := progNames[r.Programme]
		if name == "" {
			name = r.Programme
		}
		out = append(out, recordLine{ID: r.ID, Programme: name, From: r.From, To: kit.Deref(r.To), Hours: r.Hours})
	}
	return out
}

// The sections of the hours step, by id: each is the #fragment its forms
// come back to.
const (
	recordsSection = "records"
	skillsSection  = "skills"
)

var skillSpec = kit.PickerSpec{Name: "sk_skill", Kind: kit.Skills, LabelID: "StaffField_sk_skill", HintID: "StaffHintAttestSkill"}

// HoursForm is GET /candidates/:id/register/hours.
func (p *Pages) HoursForm(c *fiber.Ctx) error {
	v := p.kit.NewView(c, candidateURL(c.Params("id"), "register", "hours"))
	d := &hoursPage{New: c.Query("new") != "", Level: "2", Skill: p.kit.Picker(c, v, skillSpec)}
	switch c.Query("added") {
	case "record":
		v.Notice, d.Section = v.T("StaffRecordAdded"), recordsSection
	case "skill":
		v.Notice, d.Section = v.T("StaffSkillAttested"), skillsSection
	}
	return p.renderHours(c, v, d, "", "", fiber.StatusOK)
}

// AddHours is POST /candidates/:id/register/hours: "add_record" records
// programme hours, "attest" attests a skill; other buttons (the skill
// picker's) show the page again.
func (p *Pages) AddHours(c *fiber.Ctx) error {
	id := c.Params("id")
	v := p.kit.NewView(c, candidateURL(id, "register", "hours"))
	kit.FormValues(c, v, "rec_programme", "rec_from", "rec_to", "rec_hours", "sk_programme", "sk_hours", "sk_evidence")
	d := &hoursPage{Level: kit.FormText(c, "sk_level"), Skill: p.kit.Picker(c, v, skillSpec)}
	var err error
	var fields map[string]string
	switch kit.FormText(c, "action") {
	case "add_record":
		d.Section = recordsSection
		fields = map[string]string{"programme": "rec_programme", "from": "rec_from", "to": "rec_to", "hours": "rec_hours"}
		in := api.AddProgrammeRecordJSONRequestBody{Programme: v.Val("rec_programme"), From: v.Val("rec_from"), To: optional(v.Val("rec_to"))}
		if in.Hours, err = wholeNumber(v, "rec_hours"); err == nil {
			_, err = p.kit.API.AddProgrammeRecordWithResponse(kit.Ctx(c), id, in)
		}
		if err == nil {
			return c.Redirect(candidateURL(id, "register", "hours")+"?added=record#"+recordsSection, fiber.StatusSeeOther)
		}
	case "attest":
		d.Section = skillsSection
		fields = map[string]string{"skill": "sk_skill_q", "level": "sk_level", "hours": "sk_hours", "programme": "sk_programme",
			"evidence": "sk_evidence", "date": "sk_evidence"}
		in := api.AttestSkillJSONRequestBody{Skill: d.Skill.Value, Programme: v.Val("sk_programme"), Evidence: optional(v.Val("sk_evidence"))}
		in.Level, _ = strconv.Atoi(d.Level)
		var hours int
		if hours, err = wholeNumber(v, "sk_hours"); err == nil {
			in.Hours = &hours
			_, err = p.kit.API.AttestSkillWithResponse(kit.Ctx(c), id, in)
		}
		if err == nil {
			return c.Redirect(candidateURL(id, "register", "hours")+"?added=skill#"+skillsSection, fiber.StatusSeeOther)
		}
	default:
		d.Section = skillsSection
		return p.renderHours(c, v, d, v.Val("rec_programme"), v.Val("sk_programme"), fiber.StatusOK)
	}
	return p.hoursProblem(c, v, d, fields, err)
}

// hoursProblem explains a refused record or attestation on the page,
// keeping what was typed.
func (p *Pages) hoursProblem(c *fiber.Ctx, v *kit.View, d *hoursPage, fields map[string]string, err error) error {
	var prob *kit.Problem
	switch {
	case errors.Is(err, errNotANumber):
	case errors.As(err, &prob) && prob.Status == fiber.StatusBadRequest:
		for _, fe := range prob.Errors {
			field, ok := fields[formField(fe.Field)]
			if !ok {
				v.Alert = v.T("StaffErrUnexpected")
				continue
			}
			msg := v.T("StaffErrPortfolio_" + formField(fe.Field))
			if field == "sk_skill_q" {
				d.Skill.Error = msg
			}
			v.AddError(field, msg)
		}
	case errors.Is(err, errs.Forbidden):
		v.Alert = v.T("StaffErrAttestForbidden")
		return p.renderHours(c, v, d, v.Val("rec_programme"), v.Val("sk_programme"), fiber.StatusForbidden)
	default:
		return p.kit.ErrorPage(c, err)
	}
	if v.Alert == "" {
		v.Alert = v.T("ErrCheckFields")
	}
	return p.renderHours(c, v, d, v.Val("rec_programme"), v.Val("sk_programme"), fiber.StatusUnprocessableEntity)
}

// errNotANumber marks a number field the page itself refused.
var errNotANumber = errors.New("not a whole number")

// wholeNumber reads a non-negative whole number from v's form, or puts an
// error at the field.
func wholeNumber(v *kit.View, field string) (int, error) {
	if v.Val(field) == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(v.Val(field))
	if err != nil || n < 0 {
		v.AddError(field, v.T("ErrWholeNumber"))
		return 0, errNotANumber
	}
	return n, nil
}

// renderHours loads the candidate (what is recorded so far) and the
// organisation's programmes, and shows the page.
func (p *Pages) renderHours(c *fiber.Ctx, v *kit.View, d *hoursPage, recProg, skProg string, status int) error {
	k, err := p.candidate(c, c.Params("id"))
	if err != nil {
		return p.kit.ErrorPage(c, err)
	}
	d.ID, d.Alias, d.Name = k.ID, k.Alias, displayName(k)
	// The skill picker's buttons come back to the skills section.
	d.Skill.Action = candidateURL(k.ID, "register", "hours") + "#" + skillsSection
	progNames := map[string]string{}
	for _, pr := range p.programmes(c) {
		progNames[pr.ID] = pr.Name
		d.RecordProgs = append(d.RecordProgs, kit.Choice{Value: pr.ID, Label: pr.Name, Selected: pr.ID == recProg})
		d.SkillProgs = append(d.SkillProgs, kit.Choice{Value: pr.ID, Label: pr.Name, Selected: pr.ID == skProg})
	}
	d.Records = recordLines(k.ProgrammeRecords, progNames)
	d.Skills = p.skillLines(c, v, k.Skills, progNames, nil)
	for _, l := range skillLevels {
		d.Levels = append(d.Levels, kit.Choice{Value: strconv.Itoa(l), Label: levelText(v, l), Selected: strconv.Itoa(l) == d.Level})
	}
	v.Data = d
	return p.tmpl.Render(c, status, "staff_register_hours", v)
}

// consentPage is the last step: the current consent text, which the
// service records by its version with the consent.
type consentPage struct {
	ID      string
	Text    kit.ConsentText
	Consent bool
}

// ConsentForm is GET /candidates/:id/register/consent.
func (p *Pages) ConsentForm(c *fiber.Ctx) error {
	v := p.kit.NewView(c, candidateURL(c.Params("id"), "register", "consent"))
	return p.renderConsent(c, v, &consentPage{ID: strings.Clone(c.Params("id"))}, fiber.StatusOK)
}

// renderConsent shows the step with the current consent text, the
// candidate's alias filled in.
func (p *Pages) renderConsent(c *fiber.Ctx, v *kit.View, d *consentPage, status int) error {
	k, err := p.candidate(c, d.ID)
	if err != nil {
		return p.kit.ErrorPage(c, err)
	}
	texts, err := p.kit.ConsentTexts(c)
	if err != nil {
		return p.kit.ErrorPage(c, err)
	}
	d.Text = texts.CurrentIn(v, k.Alias)
	v.Data = d
	return p.tmpl.Render(c, status, "staff_register_consent", v)
}

// RecordConsent is POST /candidates/:id/register/consent: with the box
// ticked, it records the candidate's consent to matching with the version
// of the text the page showed, then shows the candidate. A text the
// service no longer takes shows the step again with the current one.
func (p *Pages) RecordConsent(c *fiber.Ctx) error {
	id := strings.Clone(c.Params("id"))
	v := p.kit.NewView(c, candidateURL(id, "register", "consent"))
	d := &consentPage{ID: id}
	if c.FormValue("matching") == "" {
		v.Alert = v.T("ErrCheckFields")
		v.AddError("matching", v.T("StaffErrConsentTick"))
		return p.renderConsent(c, v, d, fiber.StatusUnprocessableEntity)
	}
	in := api.SetConsentJSONRequestBody{Matching: true, TextVersion: kit.FormText(c, "text_version")}
	_, err := p.kit.API.SetConsentWithResponse(kit.Ctx(c), id, in)
	switch {
	case err == nil:
		return c.Redirect(candidateURL(id)+"?consent=1", fiber.StatusSeeOther)
	case errors.Is(err, errs.InvalidArgument):
		v.Alert = v.T("CorrectionsConsentTextChanged")
		return p.renderConsent(c, v, d, fiber.StatusUnprocessableEntity)
	}
	return p.kit.ErrorPage(c, err)
}
