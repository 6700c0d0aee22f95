package domain

import "slices"

// Change names say what a change to a candidate touched, in terms staff
// understand, so the audit trail reads "identity, day release" rather
// than a list of internal field names. They are a closed list; clients
// translate each into words. An audit entry names changes, never values.
const (
	ChangeIdentity           = "identity"
	ChangeContact            = "contact"
	ChangeSetting            = "setting"
	ChangeDayRelease         = "day_release"
	ChangeAvailability       = "availability"
	ChangeLanguages          = "languages"
	ChangeRestrictions       = "restrictions"
	ChangePreferences        = "preferences"
	ChangeConsent            = "consent"
	ChangeAttestation        = "attestation"
	ChangeAttestationRevoked = "attestation_revoked"
	ChangeProgrammeRecord    = "programme_record"
	ChangeCertificate        = "certificate"
	ChangeProgramme          = "programme"
	ChangeSupervisors        = "supervisors"
	// ChangePlacement is a placement starting or ending, or the
	// candidate's "still looking" mark changing.
	ChangePlacement = "placement"
	// ChangeStatement is the candidate's statement in their own words
	// written, removed or reviewed.
	ChangeStatement = "statement"
)

// ChangeNames lists every change name.
var ChangeNames = []string{
	ChangeIdentity, ChangeContact, ChangeSetting, ChangeDayRelease, ChangeAvailability, ChangeLanguages,
	ChangeRestrictions, ChangePreferences, ChangeConsent, ChangeAttestation, ChangeAttestationRevoked,
	ChangeProgrammeRecord, ChangeCertificate, ChangeProgramme, ChangeSupervisors, ChangePlacement, ChangeStatement,
}

// fieldChanges maps each field of a candidate spec, as the API spells it,
// to the change it belongs to. Audit entries written before change names
// existed hold these field names; ChangesOf reads them as changes too.
var fieldChanges = map[string]string{
	"given_name": ChangeIdentity, "family_name": ChangeIdentity, "preferred_name": ChangeIdentity,
	"date_of_birth": ChangeIdentity, "phone": ChangeContact, "email": ChangeContact,
	"setting": ChangeSetting, "house": ChangeSetting, "day_release": ChangeDayRelease,
	"release": ChangeAvailability, "languages": ChangeLanguages, "excluded_sectors": ChangeRestrictions,
	"preferences": ChangePreferences,
}

// ChangesOf returns the change names of fields, each once, in the order of
// ChangeNames. A name that is a change already stays; a field name becomes
// its change; anything else (a name from a future version) is kept as it
// is, after the known ones, so nothing recorded is hidden.
func ChangesOf(fields []string) []string {
	known := map[string]bool{}
	var unknown []string
	for _, f := range fields {
		switch c, ok := fieldChanges[f]; {
		case ok:
			known[c] = true
		case slices.Contains(ChangeNames, f):
			known[f] = true
		case !slices.Contains(unknown, f):
			unknown = append(unknown, f)
		}
	}
	var out []string
	for _, c := range ChangeNames {
		if known[c] {
			out = append(out, c)
		}
	}
	return append(out, unknown...)
}
