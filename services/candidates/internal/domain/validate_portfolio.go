package domain

import (
	"fmt"
	"regexp"
)

var textVersionPattern = regexp.MustCompile(`^[A-Za-z0-9._-]{1,32}$`)

// Validate checks an attestation before it is signed. The service checks
// that the programme exists and belongs to the organisation.
func (a *Attestation) Validate(v Vocabulary, today string) error {
	c := &checker{}
	c.check(!v.SkillExists(a.Skill), "skill", "is not a known skill id")
	c.check(a.Level < 1 || a.Level > 4, "level", "must be between 1 and 4")
	c.check(a.Hours < 0 || a.Hours > MaxHours, "hours", "must be between 0 and %d", MaxHours)
	c.check(a.ProgrammeID == "", "programme", "is required: an attestation is made within a programme")
	c.text("evidence", a.Evidence, false, MaxEvidence)
	if a.Date != "" && c.date("date", a.Date) {
		c.check(a.Date > today, "date", "must not be in the future")
	}
	return c.err()
}

// Validate checks a programme record.
func (r ProgrammeRecord) Validate(today string) error {
	c := &checker{}
	c.check(r.ProgrammeID == "", "programme", "is required")
	if c.date("from", r.From) {
		c.check(r.From > today, "from", "must not be in the future")
	}
	if r.To != "" && c.date("to", r.To) && validDate(r.From) {
		c.check(r.To < r.From, "to", "must not be before from")
	}
	c.check(r.Hours < 0 || r.Hours > MaxHours, "hours", "must be between 0 and %d", MaxHours)
	return c.err()
}

// Validate checks a certificate.
func (ct Certificate) Validate(today string) error {
	c := &checker{}
	c.text("name", ct.Name, true, MaxCertificate)
	c.text("issuer", ct.Issuer, false, MaxCertificate)
	if c.date("date", ct.Date) {
		c.check(ct.Date > today, "date", "must not be in the future")
	}
	return c.err()
}

// ValidateConsentText checks the version of the consent text shown.
func ValidateConsentText(version string) error {
	c := &checker{}
	c.check(!textVersionPattern.MatchString(version), "text_version", "is required: letters, digits, '.', '_' or '-', at most %d characters", MaxTextVersion)
	return c.err()
}

// Validate checks a programme spec and fills its site from the gazetteer.
func (s *ProgrammeSpec) Validate(v Vocabulary) error {
	c := &checker{}
	c.text("name", s.Name, true, MaxProgrammeName)
	c.check(!validKind(s.Kind), "kind", "must be one of %v", ProgrammeKinds)
	checkPlace(c, v, "site.place_id", &s.Site)
	c.check(len(s.Skills) > MaxSkills, "skills", "may list at most %d skills", MaxSkills)
	seen := map[string]bool{}
	for i, id := range s.Skills {
		f := fmt.Sprintf("skills[%d]", i)
		c.check(!v.SkillExists(id), f, "is not a known skill id")
		c.check(seen[id], f, "is named twice")
		seen[id] = true
	}
	c.check(len(s.Supervisors) > MaxSupervisors, "supervisors", "may list at most %d people", MaxSupervisors)
	for i, u := range s.Supervisors {
		c.check(!uuidPattern.MatchString(u), fmt.Sprintf("supervisors[%d]", i), "must be a user id")
	}
	return c.err()
}

var uuidPattern = regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$`)

func validKind(k string) bool {
	for _, x := range ProgrammeKinds {
		if x == k {
			return true
		}
	}
	return false
}
