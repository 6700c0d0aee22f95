package verify

import (
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/api"
	"github.com/onward-jobs/onward/services/web/internal/kit"
)

// verdict is the API's answer in the page's words: its status (one of
// Statuses; anything else counts as malformed) and, for a valid or
// revoked credential, what it vouches for.
type verdict struct {
	Status string
	// Trusted is true for a valid credential only: the page shows it as
	// good news, every other status as a warning.
	Trusted bool
	Claim   *claim
}

// claim is what a credential vouches for, ready to show.
type claim struct {
	Skill, LevelText string
	Level, Hours     int
	Date, RevokedOn  string
}

// verdictOf words the API's verification. The skill is named from the
// vocabulary in the reader's language when the reader is signed in (the
// vocabulary is not public); otherwise from its id.
func (p *Pages) verdictOf(c *fiber.Ctx, v *kit.View, res api.CredentialVerification) *verdict {
	d := &verdict{Status: string(res.Status)}
	if !slices.Contains(Statuses, d.Status) {
		d.Status = string(api.CredentialVerificationStatusMalformed)
	}
	d.Trusted = d.Status == string(api.CredentialVerificationStatusValid) && res.Valid
	showClaim := d.Status == string(api.CredentialVerificationStatusValid) || d.Status == string(api.CredentialVerificationStatusRevoked)
	if cr := res.Credential; cr != nil && showClaim {
		d.Claim = &claim{Skill: readableID(cr.Skill), Level: kit.ClampLevel(cr.Level), Hours: cr.Hours, Date: v.Date(cr.Date)}
		d.Claim.LevelText = v.T("Level_" + strconv.Itoa(d.Claim.Level))
		if kit.SignedIn(c) {
			if it, err := p.k.Skill(kit.Ctx(c), cr.Skill, v.Lang); err == nil {
				d.Claim.Skill = kit.SkillName(it.Label, d.Claim.Skill)
			}
		}
		if cr.RevokedAt != nil {
			d.Claim.RevokedOn = v.Date(cr.RevokedAt.UTC().Format(time.RFC3339))
		}
	}
	return d
}

// readableID writes a vocabulary id such as "barista-skills" as words,
// "Barista skills", for readers the vocabulary does not answer.
func readableID(id string) string {
	words := strings.Join(strings.FieldsFunc(id, func(r rune) bool { return r == '-' || r == '_' }), " ")
	if words == "" {
		return id
	}
	return strings.ToUpper(words[:1]) + words[1:]
}
