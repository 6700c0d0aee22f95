package staff_test

import (
	"testing"

	"github.com/onward-jobs/onward/services/web/internal/pages/staff"
	"github.com/onward-jobs/onward/services/web/internal/webtest"
)

// TestIntroductionsBuiltMessagesExistInEveryLanguage checks the messages
// the staff's introduction, placement and follow-up pages build from a
// vocabulary (reasons, contracts, statuses, ways of contact), which the
// scan of literal ids cannot see.
func TestIntroductionsBuiltMessagesExistInEveryLanguage(t *testing.T) {
	ids := staff.IntroductionsMessageIDs()
	if len(ids) < 40 {
		t.Fatalf("only %d built introductions ids", len(ids))
	}
	webtest.RequireMessages(t, staff.Locales, "introductions.", ids)
}
