package staff_test

import (
	"testing"

	"github.com/onward-jobs/onward/services/web/internal/pages/staff"
	"github.com/onward-jobs/onward/services/web/internal/webtest"
)

// TestCorrectionsBuiltMessagesExistInEveryLanguage checks the messages
// the corrections pages build from a vocabulary (revocation reasons and
// their hints, the candidate page's notices), which the scan of literal
// ids cannot see.
func TestCorrectionsBuiltMessagesExistInEveryLanguage(t *testing.T) {
	ids := staff.CorrectionsMessageIDs()
	if len(ids) < 10 {
		t.Fatalf("only %d built corrections ids", len(ids))
	}
	webtest.RequireMessages(t, staff.Locales, "corrections.", ids)
}
