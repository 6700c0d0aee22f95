package me

import (
	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/api"
	"github.com/onward-jobs/onward/services/web/internal/kit"
)

// skillsPage is /me/skills: the skills staff confirmed, with level,
// hours and who confirmed them, the hours in each programme and the
// certificates.
type skillsPage struct {
	Skills       []skillLine
	Records      []recordLine
	Certificates []api.Certificate
}

// recordLine is the hours of one stretch in a programme, its dates in
// the reader's words.
type recordLine struct {
	Hours    int
	From, To string
}

// skillLine is one confirmed skill.
type skillLine struct {
	AttestationID, Label, ConfirmedBy, ConfirmedOn string
	Level, Hours                                   int
}

// Skills is GET /me/skills.
func (p *Pages) Skills(c *fiber.Ctx) error {
	return p.show(c, "/me/skills", "me_skills", func(v *kit.View, k api.Candidate) any {
		d := &skillsPage{Certificates: k.Certificates}
		for _, r := range k.ProgrammeRecords {
			l := recordLine{Hours: r.Hours, From: v.Date(r.From)}
			if r.To != nil {
				l.To = v.Date(*r.To)
			}
			d.Records = append(d.Records, l)
		}
		for _, a := range k.Skills {
			label := p.skillLabel(c, v, a.Skill)
			by := ""
			if a.AttestedBy != "" {
				by = p.k.ColleagueName(c, a.AttestedBy)
			}
			d.Skills = append(d.Skills, skillLine{AttestationID: a.ID, Label: label, ConfirmedBy: by,
				ConfirmedOn: v.Date(a.AttestedAt.Format("2006-01-02")), Level: kit.ClampLevel(a.Level), Hours: a.Hours})
		}
		return d
	})
}
