// Package credentials turns a signed attestation into an Open Badges 3.0
// OpenBadgeCredential (a W3C Verifiable Credential, data model 1.1),
// signs it as a VC-JWT with the attesting organisation's Ed25519 key, and
// reads one back. It is pure: the service finds the attestation, the key
// and the candidate's name and decides who may ask.
package credentials

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"
	"time"

	"golang.org/x/text/unicode/norm"
)

// The JSON-LD contexts every credential names, in this order, as Open
// Badges 3.0 requires.
const (
	ContextVC = "https://www.w3.org/2018/credentials/v1"
	ContextOB = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"
)

// SchemaID is the 1EdTech JSON Schema a credential says it follows.
const SchemaID = "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json"

// StatusType is the credentialStatus type of Open Badges 3.0 revocation
// lists.
const StatusType = "1EdTechRevocationList"

// hoursResultID names, within a credential, the result that holds the
// hours of practice behind the attestation.
const hoursResultID = "urn:onward:result:hours"

// Facts are what a credential states, taken from an attestation.
type Facts struct {
	AttestationID string
	OrgID         string
	// Skill is the taxonomy id, SkillLabel its English label and ESCOURI
	// its ESCO concept ("" where the taxonomy has none).
	Skill      string
	SkillLabel string
	ESCOURI    string
	Level      int
	// LevelText says what the level means, in English ("Works
	// independently").
	LevelText string
	Hours     int
	// Date is the day attested, YYYY-MM-DD; AttestedAt when it was signed.
	Date       string
	AttestedAt time.Time
	// Recipient is the candidate's name; only its salted hash leaves.
	Recipient string
	Salt      string
}

// Addresses builds the stable public addresses a credential names from
// the platform's public URL (ONWARD_PUBLIC_URL).
type Addresses struct{ Base string }

// Credential is the credential's id and the address its QR code and
// verification page resolve.
func (a Addresses) Credential(attestationID string) string {
	return strings.TrimRight(a.Base, "/") + "/api/v1/credentials/" + attestationID
}

// Status is the address of the credential's revocation list.
func (a Addresses) Status(attestationID string) string {
	return a.Credential(attestationID) + "/status"
}

// Issuer is the organisation's issuer profile, the credential's issuer id.
func (a Addresses) Issuer(orgID string) string {
	return strings.TrimRight(a.Base, "/") + "/api/v1/issuers/" + orgID
}

// IssuerKeys is the JWK Set of the organisation's public keys.
func (a Addresses) IssuerKeys(orgID string) string { return a.Issuer(orgID) + "/jwks" }

// OrgOf returns the organisation an issuer id names, if it is one of this
// platform's issuer addresses.
func (a Addresses) OrgOf(issuer string) (string, bool) {
	org, ok := strings.CutPrefix(issuer, a.Issuer(""))
	return org, ok && org != "" && !strings.ContainsAny(org, "/?#")
}

// AttestationOf returns the attestation a credential id names, if it is one
// of this platform's credential addresses.
func (a Addresses) AttestationOf(credentialID string) (string, bool) {
	id, ok := strings.CutPrefix(credentialID, a.Credential(""))
	return id, ok && id != "" && !strings.ContainsAny(id, "/?#")
}

// AchievementID names the achievement "skill at level": the same for every
// candidate who reaches it.
func AchievementID(skill string, level int) string {
	return fmt.Sprintf("urn:onward:achievement:%s:level-%d", skill, level)
}

// IdentityHash is the Open Badges hash of a recipient's name with salt:
// "sha256$" and the hex SHA-256 of the normalised name followed by the
// salt. The name is normalised to NFC, lower case, single spaces.
func IdentityHash(name, salt string) string {
	sum := sha256.Sum256([]byte(NormaliseName(name) + salt))
	return "sha256$" + hex.EncodeToString(sum[:])
}

// NormaliseName is the form of a name the identity hash covers.
func NormaliseName(name string) string {
	return strings.Join(strings.Fields(strings.ToLower(norm.NFC.String(name))), " ")
}

// Build returns the OpenBadgeCredential stating facts, issued under addr.
func Build(f Facts, addr Addresses) Credential {
	name := fmt.Sprintf("%s, level %d", f.SkillLabel, f.Level)
	achievement := Achievement{
		ID: AchievementID(f.Skill, f.Level), Type: []string{"Achievement"}, AchievementType: "Competency",
		Name: name,
		Description: fmt.Sprintf("%s at level %d of 4 on Onward's scale (1 works under supervision, 2 independently, "+
			"3 experienced and consistent, 4 can instruct others): %s.", f.SkillLabel, f.Level, f.LevelText),
		Criteria:  Criteria{Narrative: "A supervisor of a work programme observed the work and signed this attestation with the organisation's key."},
		HumanCode: f.Skill,
		ResultDescription: []ResultDescription{{
			ID: hoursResultID, Type: []string{"ResultDescription"}, Name: "Hours of supervised practice", ResultType: "ext:Hours",
		}},
	}
	if f.ESCOURI != "" {
		achievement.Alignment = []Alignment{{
			Type: []string{"Alignment"}, TargetName: f.SkillLabel, TargetURL: f.ESCOURI,
			TargetFramework: "ESCO", TargetType: "ext:ESCOSkill",
		}}
	}
	return Credential{
		Context:      []string{ContextVC, ContextOB},
		ID:           addr.Credential(f.AttestationID),
		Type:         []string{"VerifiableCredential", "OpenBadgeCredential"},
		Name:         name,
		Issuer:       Profile{ID: addr.Issuer(f.OrgID), Type: []string{"Profile"}},
		IssuanceDate: f.AttestedAt.UTC().Format(time.RFC3339),
		AwardedDate:  f.Date + "T00:00:00Z",
		CredentialSubject: Subject{
			Type: []string{"AchievementSubject"},
			Identifier: []IdentityObject{{
				Type: "IdentityObject", Hashed: true, IdentityHash: IdentityHash(f.Recipient, f.Salt),
				IdentityType: "ext:name", Salt: f.Salt,
			}},
			Achievement: achievement,
			Result:      []Result{{Type: []string{"Result"}, ResultDescription: hoursResultID, Value: fmt.Sprint(f.Hours)}},
		},
		Evidence: []Evidence{{
			Type: []string{"Evidence"}, Name: "Hours of supervised practice",
			Narrative: fmt.Sprintf("%d hours of supervised practice in a work programme.", f.Hours),
		}},
		CredentialStatus: Status{ID: addr.Status(f.AttestationID), Type: StatusType},
		CredentialSchema: []Schema{{ID: SchemaID, Type: "1EdTechJsonSchemaValidator2019"}},
	}
}

// Stated is what a credential vouches for, read back from it.
type Stated struct {
	Skill string
	Level int
	Hours int
	// Date is the day awarded, YYYY-MM-DD.
	Date    string
	ESCOURI string
}

// Stated reads back the skill, level, hours and date c states; ok is false
// when c lacks any of them (it is not one this package built).
func (c Credential) Stated() (st Stated, ok bool) {
	a := c.CredentialSubject.Achievement
	rest, found := strings.CutPrefix(a.ID, "urn:onward:achievement:")
	skill, level, cut := strings.Cut(rest, ":level-")
	if !found || !cut || skill == "" {
		return Stated{}, false
	}
	if _, err := fmt.Sscan(level, &st.Level); err != nil {
		return Stated{}, false
	}
	st.Skill = skill
	hours := false
	for _, r := range c.CredentialSubject.Result {
		if r.ResultDescription == hoursResultID {
			_, err := fmt.Sscan(r.Value, &st.Hours)
			hours = err == nil
		}
	}
	if len(c.AwardedDate) < len(time.DateOnly) || !hours {
		return Stated{}, false
	}
	st.Date = c.AwardedDate[:len(time.DateOnly)]
	for _, al := range a.Alignment {
		if al.TargetFramework == "ESCO" {
			st.ESCOURI = al.TargetURL
		}
	}
	return st, true
}
