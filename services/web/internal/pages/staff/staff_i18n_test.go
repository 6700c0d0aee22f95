package staff_test

import (
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/onward-jobs/onward/services/web/internal/pages/staff"
	"github.com/onward-jobs/onward/services/web/internal/webtest"
)

// TestStaffMessagesExistInEveryLanguage checks that the staff. family has
// the same messages in all four languages.
func TestStaffMessagesExistInEveryLanguage(t *testing.T) {
	en := webtest.Messages(t, staff.Locales, "staff.en")
	webtest.RequireMessages(t, staff.Locales, "staff.", slices.Sorted(maps.Keys(en)))
	for _, lang := range webtest.Languages[1:] {
		for id := range webtest.Messages(t, staff.Locales, "staff."+lang) {
			if en[id] == nil {
				t.Errorf("staff message %q exists in staff.%s.json only", id, lang)
			}
		}
	}
}

// TestStaffMessagesInUseAreTranslated checks the ids the staff pages
// build from a value, in every language.
func TestStaffMessagesInUseAreTranslated(t *testing.T) {
	ids := staff.StaffMessageIDs()
	labels := 0
	for _, id := range ids {
		if strings.HasPrefix(id, "StaffField_") {
			labels++
		}
	}
	if labels < 20 {
		t.Fatalf("found only %d field labels in the templates; is the scan broken?", labels)
	}
	webtest.RequireMessages(t, staff.Locales, "staff.", ids)
}
