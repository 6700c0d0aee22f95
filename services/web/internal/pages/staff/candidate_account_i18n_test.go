package staff_test

import (
	"testing"

	"github.com/onward-jobs/onward/services/web/internal/pages/staff"
	"github.com/onward-jobs/onward/services/web/internal/webtest"
)

// TestCandidateAccountBuiltMessagesExist checks the account statuses,
// statement statuses, checker's flags and review outcomes the candidate
// page words, in every language.
func TestCandidateAccountBuiltMessagesExist(t *testing.T) {
	var ids []string
	for _, s := range []string{"none", "invited", "active"} {
		ids = append(ids, "AccountStatus_"+s)
	}
	for _, s := range []string{"pending", "approved", "rejected"} {
		ids = append(ids, "StatementStatus_"+s)
	}
	for _, k := range []string{"name", "place", "digits"} {
		ids = append(ids, "StatementFlag_"+k)
	}
	for _, d := range []string{"approve", "reject", "changed"} {
		ids = append(ids, "StatementReviewDone_"+d)
	}
	webtest.RequireMessages(t, staff.Locales, "candidate_account.", ids)
}
