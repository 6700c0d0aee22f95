package staff

import (
	"slices"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/api"
	"github.com/onward-jobs/onward/services/web/internal/kit"
)

// candidateDetail is the candidate page: who, where and when, the
// portfolio, the consent, and the ways on to the other staff pages and to
// the portfolio pages (attest, consent, export, audit, erase).
type candidateDetail struct {
	ID, Alias, Name string
	Identity        []reviewLine
	Availability    []reviewLine
	Skills          []skillLine
	Records         []recordLine
	Certificates    []api.Certificate
	Consent         api.Consent
	ConsentDate     string
	IsOrgAdmin      bool
	// Revoked are attestations the organisation withdrew, kept as
	// history; OlderConsent says consent was given on an earlier text.
	Revoked      []*revokedLine
	OlderConsent bool
	// Fits are the roles that fit the candidate (suggestions.go).
	Fits *fitsView
	// Attested confirms an attestation just made, in the attestations
	// section where its redirect lands.
	Attested string
	// Work is the candidate's placements and disclosures
	// (placements_candidate.go).
	Work *candidateWork
	// Account is the candidate's own account (candidate_account.go);
	// Statement their statement in their own words and its review
	// (candidate_statement.go).
	Account   *accountView
	Statement *statementView
}

// skillLine is one attested skill: its level and hours, who attested it
// and when, and the attestation to verify.
type skillLine struct {
	AttestationID, Label, LevelText, Programme string
	Level, Hours                               int
	AttestedBy, AttestedOn                     string
	Signed                                     bool
	// CanRevoke offers revocation to the supervisor who signed and the
	// organisation's administrator, whom the service lets revoke.
	CanRevoke bool
}

// candidateNotices are the notices the candidate page shows after a form
// of this package redirects to it, by query parameter.
var candidateNotices = []struct{ param, id string }{
	{"saved", "StaffSaved"}, {"consent", "StaffConsentRecorded"}, {"certificate", "StaffCertificateAdded"},
	{"account_closed", "AccountClosedNotice"},
}

// displayName is the name staff call the candidate by.
func displayName(k api.Candidate) string {
	first := kit.Deref(k.PreferredName)
	if first == "" {
		first = kit.Deref(k.GivenName)
	}
	return strings.TrimSpace(first + " " + kit.Deref(k.FamilyName))
}

// dateOf is the calendar date of a time as the API sent it.
func dateOf(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.DateOnly)
}

// candidate reads one candidate; the service records the read in the
// candidate's audit trail, with the purpose "case_work".
func (p *Pages) candidate(c *fiber.Ctx, id string) (api.Candidate, error) {
	resp, err := p.kit.API.GetCandidateWithResponse(kit.Ctx(c), id, nil)
	if err != nil {
		return api.Candidate{}, err
	}
	return *resp.JSON200, nil
}

// Candidate is GET /candidates/:id.
func (p *Pages) Candidate(c *fiber.Ctx) error {
	k, err := p.candidate(c, c.Params("id"))
	if err != nil {
		return p.kit.ErrorPage(c, err)
	}
	v := p.kit.NewView(c, candidateURL(k.ID))
	attested := ""
	if c.Query("attested") != "" {
		// The attestation's confirmation shows in its section, where the
		// redirect lands, not at the top (issue 11, item 2.2).
		attested = p.kit.TakeNotice(c, v)
	}
	for _, n := range candidateNotices {
		if c.Query(n.param) != "" && v.Notice == "" {
			v.Notice = v.T(n.id)
		}
	}
	if corrected := c.Query("corrected"); v.Notice == "" && slices.Contains(correctionNotices, corrected) {
		v.Notice = v.T("CorrectionsNotice_" + corrected)
	}
	progNames := p.programmeNames(c)
	d := &candidateDetail{
		ID: k.ID, Alias: k.Alias, Name: displayName(k), Identity: identityLines(v, k), Availability: availabilityLines(v, k),
		Records: recordLines(k.ProgrammeRecords, progNames), Certificates: k.Certificates, Consent: k.Consent,
		ConsentDate: dateOf(kit.Deref(k.Consent.RecordedAt)), IsOrgAdmin: kit.ProgrammeAdmins(kit.ActorOf(c)),
		Attested: attested,
	}
	names := map[string]string{}
	d.Skills = p.skillLines(c, v, k.Skills, progNames, names)
	p.correctionLines(c, v, d, k, progNames, names)
	d.Fits = p.candidateFits(c, v, k.ID)
	d.Work = p.candidateWork(c, v, k.ID)
	d.Account = p.candidateAccount(c, v, k.ID)
	d.Statement = statementOf(v, k)
	statementNotice(c, v, d.Statement)
	v.Data = d
	return p.tmpl.Render(c, fiber.StatusOK, "staff_candidate", v)
}

// skillLines names the skills, their programmes and, when names is not
// nil, the colleagues who attested them.
func (p *Pages) skillLines(c *fiber.Ctx, v *kit.View, skills []api.Attestation, progNames, names map[string]string) []skillLine {
	ids := make([]string, 0, len(skills))
	for _, a := range skills {
		ids = append(ids, a.Skill)
	}
	labels := p.skillLabels(c, v, ids)
	out := make([]skillLine, 0, len(skills))
	for i, a := range skills {
		l := skillLine{AttestationID: a.ID, Label: labels[i].Label, Level: a.Level, LevelText: levelText(v, a.Level),
			Hours: a.Hours, Programme: progNames[a.Programme], AttestedOn: dateOf(a.AttestedAt), Signed: a.Signature != ""}
		if names != nil && a.AttestedBy != "" {
			l.AttestedBy = p.colleagueName(c, names, a.AttestedBy)
		}
		out = append(out, l)
	}
	return out
}

// lines collects the labelled values of a summary, leaving out empty
// ones.
type lines struct {
	v   *kit.View
	out []reviewLine
}

func (l *lines) add(labelID, value string) {
	if value != "" {
		l.out = append(l.out, reviewLine{Label: l.v.T(labelID), Value: value})
	}
}

func identityLines(v *kit.View, k api.Candidate) []reviewLine {
	l := &lines{v: v}
	l.add("StaffField_given_name", kit.Deref(k.GivenName))
	l.add("StaffField_family_name", kit.Deref(k.FamilyName))
	l.add("StaffField_preferred_name", kit.Deref(k.PreferredName))
	l.add("StaffField_date_of_birth", kit.Deref(k.DateOfBirth))
	l.add("StaffField_phone", kit.Deref(k.Phone))
	l.add("StaffField_email", kit.Deref(k.Email))
	return l.out
}

func availabilityLines(v *kit.View, k api.Candidate) []reviewLine {
	l := &lines{v: v}
	if setting := string(kit.Deref(k.Setting)); slices.Contains(candidateSettings, setting) {
		l.add("StaffField_setting", v.T("StaffSetting_"+setting))
	}
	if k.House != nil {
		l.add("StaffField_house", placeText(*k.House))
	}
	if d := k.DayRelease; d != nil {
		days := []string{}
		for _, day := range onlyKnown(weekdayStrings(d.Days), weekdays) {
			days = append(days, v.T("Day_"+day))
		}
		l.add("StaffDayReleaseHeading", strings.Join([]string{
			v.T("StaffFromDate", "Text", d.EligibleFrom), strings.Join(days, ", "), d.Start + "–" + d.End,
			v.T("StaffCommuteKm", "Count", d.MaxCommuteKm)}, " · "))
	}
	if r := k.Release; r != nil {
		l.add("StaffField_rel_date", kit.Deref(r.ExpectedDate))
		if rr := r.ReturnRegion; rr != nil {
			l.add("StaffField_region", placeText(api.CandidatePlace{PlaceID: rr.PlaceID, Name: rr.Name})+" · "+v.T("StaffWithinKm", "Count", rr.RadiusKm))
		}
	}
	langs := []string{}
	for _, lang := range kit.Deref(k.Languages) {
		langs = append(langs, kit.LanguageName(v, lang.Code)+" "+string(lang.Level))
	}
	l.add("StaffLanguagesHeading", strings.Join(langs, ", "))
	prefs := kit.Deref(k.Preferences)
	l.add("StaffField_excluded_sectors", sectorNames(v, kit.Deref(k.ExcludedSectors)))
	l.add("StaffField_pref_sectors", sectorNames(v, kit.Deref(prefs.Sectors)))
	if hours := kit.Deref(prefs.HoursPerWeek); hours > 0 {
		l.add("StaffField_pref_hours", v.T("StaffHoursPerWeek", "Count", hours))
	}
	var kinds []string
	for _, ct := range onlyKnown(contractStrings(kit.Deref(prefs.Contracts)), contracts) {
		kinds = append(kinds, v.T("Contract_"+ct))
	}
	l.add("StaffField_pref_contracts", strings.Join(kinds, ", "))
	return l.out
}

func sectorNames(v *kit.View, sectors []string) string {
	var out []string
	for _, s := range onlyKnown(sectors, naceSections) {
		out = append(out, v.T("Nace_"+s))
	}
	return strings.Join(out, ", ")
}

// placeText is a place's name, or its id when the service sent no name.
func placeText(p api.CandidatePlace) string {
	if name := kit.Deref(p.Name); name != "" {
		return name
	}
	return p.PlaceID
}

func weekdayStrings(days []api.Weekday) []string {
	out := make([]string, 0, len(days))
	for _, d := range days {
		out = append(out, string(d))
	}
	return out
}

func contractStrings(kinds []api.Contract) []string {
	out := make([]string, 0, len(kinds))
	for _, k := range kinds {
		out = append(out, string(k))
	}
	return out
}
