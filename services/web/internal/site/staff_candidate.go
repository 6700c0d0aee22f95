package site

import (
	"net/url"
	"slices"
	"strings"

	"github.com/gofiber/fiber/v2"
)

// candidateDetail is the candidate page: who, where and when, the
// portfolio, the consent, and the ways on to the other staff pages.
type candidateDetail struct {
	ID, Alias, Name string
	Identity        []reviewLine
	Availability    []reviewLine
	Skills          []skillLine
	Records         []recordLine
	Certificates    []certificate
	Consent         consentState
	ConsentDate     string
	IsOrgAdmin      bool
	// Revoked are attestations the organisation withdrew, kept as
	// history; OlderConsent says consent was given on an earlier text.
	Revoked      []*revokedLine
	OlderConsent bool
	// Fits are the roles that fit the candidate (matching_suggestions.go).
	Fits *fitsView
	// Attested confirms an attestation just made, in the attestations
	// section where its redirect lands.
	Attested string
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

// displayName is the name staff call the candidate by.
func displayName(k candidate) string {
	first := k.PreferredName
	if first == "" {
		first = k.GivenName
	}
	return strings.TrimSpace(first + " " + k.FamilyName)
}

// showCandidate is GET /candidates/:id. The service records the read in
// the candidate's audit trail, with the purpose "case_work".
func (s *site) showCandidate(c *fiber.Ctx) error {
	k, err := s.candidates.getCandidate(c.UserContext(), accessToken(c), c.Params("id"))
	if err != nil {
		return s.errorPage(c, err)
	}
	v := s.newView(c, candidateURL(k.ID))
	attested := ""
	switch {
	case c.Query("attested") != "":
		// The attestation's confirmation shows in its section, where the
		// redirect lands, not at the top.
		attested = takePortfolioNotice(c, v.localizer)
	case c.Query("saved") != "":
		v.Notice = v.T("StaffSaved")
	case c.Query("consent") != "":
		v.Notice = v.T("StaffConsentRecorded")
	case c.Query("certificate") != "":
		v.Notice = v.T("StaffCertificateAdded")
	case slices.Contains(correctionNotices, c.Query("corrected")):
		v.Notice = v.T("CorrectionsNotice_" + c.Query("corrected"))
	}
	progNames := map[string]string{}
	for _, p := range s.programmeChoices(c, "") {
		progNames[p.Value] = p.Label
	}
	d := &candidateDetail{
		ID: k.ID, Alias: k.Alias, Name: displayName(k), Identity: identityLines(v, k), Availability: availabilityLines(v, k),
		Records: recordLines(k.Records, progNames), Certificates: k.Certificates, Consent: k.Consent,
		ConsentDate: datePart(k.Consent.RecordedAt), IsOrgAdmin: isProgrammeAdmin(actor(c)), Attested: attested,
	}
	names := map[string]string{}
	d.Skills = s.skillLines(c, v, k.Skills, progNames, names)
	s.correctionLines(c, v, d, k, progNames, names)
	d.Fits = s.candidateFits(c, v, k.ID)
	v.Data = d
	return s.render(c, fiber.StatusOK, "staff_candidate", v)
}

// skillLines names the skills, their programmes and, when names is not
// nil, the colleagues who attested them.
func (s *site) skillLines(c *fiber.Ctx, v *view, skills []attestation, progNames, names map[string]string) []skillLine {
	ids := make([]string, 0, len(skills))
	for _, a := range skills {
		ids = append(ids, a.Skill)
	}
	labels := s.skillLabels(c, v, ids)
	out := make([]skillLine, 0, len(skills))
	for i, a := range skills {
		l := skillLine{AttestationID: a.ID, Label: labels[i].Label, Level: a.Level, LevelText: levelText(v.localizer, a.Level),
			Hours: a.Hours, Programme: progNames[a.Programme], AttestedOn: datePart(a.AttestedAt), Signed: a.Signature != ""}
		if names != nil && a.AttestedBy != "" {
			l.AttestedBy = s.colleagueName(c, names, a.AttestedBy)
		}
		out = append(out, l)
	}
	return out
}

// datePart is the date of an RFC 3339 timestamp.
func datePart(ts string) string {
	if len(ts) >= 10 {
		return ts[:10]
	}
	return ts
}

func identityLines(v *view, k candidate) []reviewLine {
	var lines []reviewLine
	add := func(labelID, value string) {
		if value != "" {
			lines = append(lines, reviewLine{Label: v.T(labelID), Value: value})
		}
	}
	add("StaffField_given_name", k.GivenName)
	add("StaffField_family_name", k.FamilyName)
	add("StaffField_preferred_name", k.PreferredName)
	add("StaffField_date_of_birth", k.DateOfBirth)
	add("StaffField_phone", k.Phone)
	add("StaffField_email", k.Email)
	return lines
}

func availabilityLines(v *view, k candidate) []reviewLine {
	var lines []reviewLine
	add := func(labelID, value string) {
		if value != "" {
			lines = append(lines, reviewLine{Label: v.T(labelID), Value: value})
		}
	}
	if slices.Contains(candidateSettings, k.Setting) {
		add("StaffField_setting", v.T("StaffSetting_"+k.Setting))
	}
	if k.House != nil {
		add("StaffField_house", placeText(*k.House))
	}
	if d := k.DayRelease; d != nil {
		days := make([]string, 0, len(d.Days))
		for _, day := range onlyKnown(d.Days, weekdays) {
			days = append(days, v.T("Day_"+day))
		}
		add("StaffDayReleaseHeading", strings.Join([]string{
			v.T("StaffFromDate", "Text", d.EligibleFrom), strings.Join(days, ", "), d.Start + "–" + d.End,
			v.T("StaffCommuteKm", "Count", d.MaxCommuteKm)}, " · "))
	}
	if r := k.Release; r != nil {
		add("StaffField_rel_date", r.ExpectedDate)
		if rr := r.ReturnRegion; rr != nil {
			add("StaffField_region", placeText(namedPlace{PlaceID: rr.PlaceID, Name: rr.Name})+" · "+v.T("StaffWithinKm", "Count", rr.RadiusKm))
		}
	}
	langs := make([]string, 0, len(k.Languages))
	for _, l := range k.Languages {
		langs = append(langs, languageName(v, l.Code)+" "+l.Level)
	}
	add("StaffLanguagesHeading", strings.Join(langs, ", "))
	add("StaffField_excluded_sectors", sectorNames(v, k.ExcludedSectors))
	add("StaffField_pref_sectors", sectorNames(v, k.Preferences.Sectors))
	if k.Preferences.HoursPerWeek > 0 {
		add("StaffField_pref_hours", v.T("StaffHoursPerWeek", "Count", k.Preferences.HoursPerWeek))
	}
	var kinds []string
	for _, ct := range onlyKnown(k.Preferences.Contracts, contracts) {
		kinds = append(kinds, v.T("Contract_"+ct))
	}
	add("StaffField_pref_contracts", strings.Join(kinds, ", "))
	return lines
}

func sectorNames(v *view, sectors []string) string {
	var out []string
	for _, s := range onlyKnown(sectors, naceSections) {
		out = append(out, v.T("Nace_"+s))
	}
	return strings.Join(out, ", ")
}

// attestationPage is what the verify endpoint says about one attestation.
type attestationPage struct {
	verification
	Label, LevelText string
	// RevokedOn, Reason, Note and RevokedBy describe a revocation.
	RevokedOn, Reason, Note, RevokedBy string
}

// showAttestation is GET /attestations/:id: it asks the candidates
// service to check the attestation's signature and shows the answer.
func (s *site) showAttestation(c *fiber.Ctx) error {
	res, err := s.candidates.verifyAttestation(c.UserContext(), accessToken(c), c.Params("id"))
	if err != nil {
		return s.errorPage(c, err)
	}
	v := s.newView(c, "/attestations/"+url.PathEscape(c.Params("id")))
	d := &attestationPage{verification: res, Label: res.Skill, LevelText: levelText(v.localizer, res.Level)}
	if rows := s.skillLabels(c, v, []string{res.Skill}); len(rows) == 1 {
		d.Label = rows[0].Label
	}
	s.describeRevocation(c, v, d)
	v.Data = d
	return s.render(c, fiber.StatusOK, "staff_attestation", v)
}
