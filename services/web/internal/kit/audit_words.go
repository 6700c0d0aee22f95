package kit

import (
	"slices"
	"strings"
)

// The audit trail in words, for the staff's audit page and the
// candidate's "who read my record"; the messages are the portfolio
// pages' (portfolio.*.json), in the one bundle. Each entry names its action and the changes
// it made by the candidates service's names (attest, identity,
// day_release, ...), which the page translates: "PortfolioAction_<action>",
// "PortfolioPurpose_<purpose>" and "PortfolioChange_<name>". A name the
// page does not know yet is shown as it is, so nothing recorded is hidden.

var (
	// AuditActions are the service's actions.
	AuditActions = []string{"read", "export", "create", "update", "remove", "revoke", "consent", "attest",
		"programme_record", "certificate", "read_audit", "erase", "disclose", "read_disclosure", "withdraw_disclosure", "review"}
	// AuditPurposes are the purposes a record is read or changed for.
	AuditPurposes = []string{"case_work", "attestation", "data_subject_request", "matching_review", "supervision", "support", "introduction"}
	// AuditChanges are the service's change names.
	AuditChanges = []string{
		"identity", "contact", "setting", "day_release", "availability", "languages", "restrictions",
		"preferences", "consent", "attestation", "attestation_revoked", "programme_record", "certificate",
		"programme", "supervisors", "placement", "statement",
	}
)

// AuditActionText names an action in the reader's language.
func AuditActionText(v *View, action string) string {
	return v.TOr("PortfolioAction_"+action, action)
}

// AuditChangesText names an entry's changes in the reader's language.
func AuditChangesText(v *View, fields []string) string {
	out := make([]string, 0, len(fields))
	for _, f := range fields {
		if slices.Contains(AuditChanges, f) {
			out = append(out, v.T("PortfolioChange_"+f))
		} else {
			out = append(out, f)
		}
	}
	return strings.Join(out, ", ")
}

// AuditPurposeText names the purpose of a read or change in the reader's
// language.
func AuditPurposeText(v *View, purpose string) string {
	return v.TOr("PortfolioPurpose_"+purpose, purpose)
}
