package site

import (
	"slices"
	"strings"
)

// The audit trail in words. Each entry names the changes it made by the
// candidates service's change names (identity, day_release, ...), which
// the page translates, "CorrectionsChange_<name>"; a name the page does
// not know yet is shown as it is, so nothing recorded is hidden. The
// actions that corrections added are translated the same way,
// "CorrectionsAction_<action>".

// auditChanges are the service's change names.
var auditChanges = []string{
	"identity", "contact", "setting", "day_release", "availability", "languages", "restrictions",
	"preferences", "consent", "attestation", "attestation_revoked", "programme_record", "certificate",
	"programme", "supervisors",
}

// correctionActions are the audit actions corrections added.
var correctionActions = []string{"update", "remove", "revoke"}

// auditActionText names an action in the reader's language.
func auditActionText(v *view, action string) string {
	if slices.Contains(correctionActions, action) {
		return v.T("CorrectionsAction_" + action)
	}
	return v.TOr("PortfolioAction_"+action, action)
}

// auditChangesText names an entry's changes in the reader's language.
func auditChangesText(v *view, fields []string) string {
	out := make([]string, 0, len(fields))
	for _, f := range fields {
		if slices.Contains(auditChanges, f) {
			out = append(out, v.T("CorrectionsChange_"+f))
		} else {
			out = append(out, f)
		}
	}
	return strings.Join(out, ", ")
}
