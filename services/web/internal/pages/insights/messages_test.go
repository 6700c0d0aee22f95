package insights

import (
	"encoding/json"
	"strconv"
	"testing"

	"github.com/onward-jobs/onward/pkg/api"
)

// TestEveryBuiltMessageIDIsInEveryLanguage checks the message ids the
// pages build from a prefix and a value (a step, a dimension, a form
// field, a month, a setting), which the app's scan of literal ids cannot
// see, in each language's file.
func TestEveryBuiltMessageIDIsInEveryLanguage(t *testing.T) {
	var ids []string
	add := func(prefix string, values ...string) {
		for _, v := range values {
			ids = append(ids, prefix+v)
		}
	}
	for _, s := range []api.InsightsStep{"registered", "consenting", "shortlisted", "asked", "accepted", "met", "hired", "working_30", "working_90", "working_180"} {
		add("InsightsStep_", string(s))
	}
	for _, d := range dimensions {
		add("InsightsDim_", string(d))
	}
	add("InsightsField_", append(reportFields, "line")...)
	add("InsightsErr_", reportFields...)
	for m := 1; m <= 12; m++ {
		add("InsightsMonthShort_", strconv.Itoa(m))
	}
	add("InsightsFair_", "shortlisted", "asked", "hired")
	for _, s := range medianSteps {
		add("InsightsMedian_", string(s))
	}
	add("Insights_setting_", "detention_house", "transition_house", "released", "probation")
	add("Insights_urban_", "urban", "town", "rural")
	add("Insights_contract_", "permanent", "fixed_term", "temporary", "apprenticeship", "work_placement", "trial", "day_release")
	add("InsightsRegion_", "BE_VLG", "BE_WAL", "BE_BRU")
	for _, lang := range []string{"en", "nl", "fr", "de"} {
		buf, err := Locales.ReadFile("locales/insights." + lang + ".json")
		if err != nil {
			t.Fatal(err)
		}
		var msgs map[string]any
		if err := json.Unmarshal(buf, &msgs); err != nil {
			t.Fatalf("%s: %v", lang, err)
		}
		for _, id := range ids {
			if _, ok := msgs[id]; !ok {
				t.Errorf("insights.%s.json lacks %q", lang, id)
			}
		}
	}
}
