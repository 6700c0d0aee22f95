package service

import (
	"github.com/onward-jobs/onward/pkg/skills"
	"github.com/onward-jobs/onward/services/candidates/internal/domain"
	"github.com/onward-jobs/onward/services/candidates/internal/printout"
)

// toPrintedPortfolio picks from c what a printout may show, with skill
// labels in lang. names holds programme names by id, and is empty unless
// the candidate chose to show them. Identity, setting, house, day release
// and restrictions have no way into the result.
func (s *Service) toPrintedPortfolio(c domain.Candidate, names map[string]string, lang skills.Lang) printout.Portfolio {
	out := printout.Portfolio{Alias: c.Alias}
	for _, sk := range c.Skills() {
		out.Skills = append(out.Skills, printout.Skill{Label: s.skillLabel(sk.Skill, lang), Level: sk.Level, Hours: sk.Hours})
	}
	for _, r := range c.ProgrammeRecords {
		out.TotalHours += r.Hours
		out.Records = append(out.Records, printout.Record{Programme: names[r.ProgrammeID], From: r.From, To: r.To, Hours: r.Hours})
	}
	for _, cert := range c.Certificates {
		out.Certificates = append(out.Certificates, printout.Certificate{Name: cert.Name, Issuer: cert.Issuer, Date: cert.Date})
	}
	for _, a := range c.Attestations {
		if a.Revoked() {
			continue
		}
		out.Attestations = append(out.Attestations, printout.Attestation{
			Label: s.skillLabel(a.Skill, lang), Level: a.Level, Hours: a.Hours, Date: a.Date,
			Programme: names[a.ProgrammeID], VerifyURL: s.VerifyURL(a.ID),
		})
	}
	return out
}

// skillLabel names a skill in lang through the vocabulary, or gives its id.
func (s *Service) skillLabel(id string, lang skills.Lang) string {
	if l, ok := s.Vocabulary.(skillLabeler); ok {
		return l.SkillLabel(id, lang)
	}
	return id
}
