package portfolio

import (
	"slices"
	"strings"

	"github.com/onward-jobs/onward/services/web/internal/kit"
)

// The audit trail in words. Each entry names its action and the changes
// it made by the candidates service's names (attest, identity,
// day_release, ...), which the page translates: "PortfolioAction_<action>",
// "PortfolioPurpose_<purpose>" and "PortfolioChange_<name>". A name the
// page does not know yet is shown as it is, so nothing recorded is hidden.

var (
	// auditActions are the service's actions.
	auditActions = []string{"read", "export", "create", "update", "remove", "revoke", "consent", "attest",
		"programme_record", "certificate", "read_audit", "erase", "disclose", "read_disclosure", "withdraw_disclosure", "review"}
	// auditPurposes are the purposes a record is read or changed for.
	auditPurposes = []string{"case_work", "attestation", "data_subject_request", "matching_review", "supervision", "support", "introduction"}
	// auditChanges are the service's change names.
	auditChanges = []string{
		"identity", "contact", "setting", "day_release", "availability", "languages", "restrictions",
		"preferences", "consent", "attestation", "attestation_revoked", "programme_record", "certificate",
		"programme", "supervisors", "placement", "statement",
	}
)

// auditActionText names an action in the reader's language.
func auditActionText(v *kit.View, action string) string {
	return v.TOr("PortfolioAction_"+action, action)
}

// auditChangesText names an entry's changes in the reader's language.
func auditChangesText(v *kit.View, fields []string) string {
	out := make([]string, 0, len(fields))
	for _, f := range fields {
		if slices.Contains(auditChanges, f) {
			out = append(out, v.T("PortfolioChange_"+f))
		} else {
			out = append(out, f)
		}
	}
	return strings.Join(out, ", ")
}
