package credentials

// Credential is an OpenBadgeCredential as its JSON is written. Only the
// properties Onward fills are here; see the 1EdTech achievementcredential
// schema for the rest.
type Credential struct {
	Context           []string   `json:"@context"`
	ID                string     `json:"id"`
	Type              []string   `json:"type"`
	Name              string     `json:"name"`
	Issuer            Profile    `json:"issuer"`
	IssuanceDate      string     `json:"issuanceDate"`
	AwardedDate       string     `json:"awardedDate,omitempty"`
	CredentialSubject Subject    `json:"credentialSubject"`
	Evidence          []Evidence `json:"evidence,omitempty"`
	CredentialStatus  Status     `json:"credentialStatus"`
	CredentialSchema  []Schema   `json:"credentialSchema,omitempty"`
}

// Profile is an issuer: an organisation, by its stable address.
type Profile struct {
	Context []string `json:"@context,omitempty"`
	ID      string   `json:"id"`
	Type    []string `json:"type"`
	Name    string   `json:"name,omitempty"`
}

// Subject is the AchievementSubject: the recipient, by hashed identity,
// and what they achieved.
type Subject struct {
	Type        []string         `json:"type"`
	Identifier  []IdentityObject `json:"identifier,omitempty"`
	Achievement Achievement      `json:"achievement"`
	Result      []Result         `json:"result,omitempty"`
}

// IdentityObject names the recipient by a salted hash.
type IdentityObject struct {
	Type         string `json:"type"`
	Hashed       bool   `json:"hashed"`
	IdentityHash string `json:"identityHash"`
	IdentityType string `json:"identityType"`
	Salt         string `json:"salt,omitempty"`
}

// Achievement is "a skill at a level".
type Achievement struct {
	ID                string              `json:"id"`
	Type              []string            `json:"type"`
	AchievementType   string              `json:"achievementType,omitempty"`
	Name              string              `json:"name"`
	Description       string              `json:"description"`
	Criteria          Criteria            `json:"criteria"`
	HumanCode         string              `json:"humanCode,omitempty"`
	Alignment         []Alignment         `json:"alignment,omitempty"`
	ResultDescription []ResultDescription `json:"resultDescription,omitempty"`
}

// Criteria says how the achievement is earned.
type Criteria struct {
	Narrative string `json:"narrative"`
}

// Alignment ties the achievement to a framework's node, here ESCO's skill.
type Alignment struct {
	Type            []string `json:"type"`
	TargetName      string   `json:"targetName"`
	TargetURL       string   `json:"targetUrl"`
	TargetFramework string   `json:"targetFramework,omitempty"`
	TargetType      string   `json:"targetType,omitempty"`
}

// ResultDescription declares a result the subject's results refer to.
type ResultDescription struct {
	ID         string   `json:"id"`
	Type       []string `json:"type"`
	Name       string   `json:"name"`
	ResultType string   `json:"resultType"`
}

// Result is one value the recipient earned, here the hours.
type Result struct {
	Type              []string `json:"type"`
	ResultDescription string   `json:"resultDescription,omitempty"`
	Value             string   `json:"value,omitempty"`
}

// Evidence backs the achievement; here, the hours in words.
type Evidence struct {
	Type      []string `json:"type"`
	Name      string   `json:"name,omitempty"`
	Narrative string   `json:"narrative,omitempty"`
}

// Status points at the credential's revocation list.
type Status struct {
	ID   string `json:"id"`
	Type string `json:"type"`
}

// Schema names a JSON Schema the credential follows.
type Schema struct {
	ID   string `json:"id"`
	Type string `json:"type"`
}

// RevocationList is a 1EdTech revocation list: the credentials revoked.
type RevocationList struct {
	ID                 string    `json:"id"`
	RevokedCredentials []Revoked `json:"revokedCredentials"`
}

// Revoked is one entry of a revocation list.
type Revoked struct {
	ID               string `json:"id"`
	RevocationReason string `json:"revocationReason,omitempty"`
}
