package fake

// NearMatchExplanation is the near match of issue 11 (2.1), as the one
// explanation model sends it: of seven essential skills two are met,
// three partly met (through a sibling, through a parent, and below the
// level asked) and two missing; of four optional skills one is met, one
// partly met and two missing.
func NearMatchExplanation(summary string) map[string]any {
	essential := SkillGroup(
		[]any{
			SkillFit("coffee-roasting", "Coffee roasting", 2, "met", 3, map[string]any{"hours": 420, "attested": true}),
			SkillFit("espresso-preparation", "Espresso preparation", 2, "met", 2, map[string]any{"hours": 120}),
		},
		[]any{
			SkillFit("coffee-cupping", "Coffee cupping", 1, "partly", 0, map[string]any{"relation": "sibling",
				"related": map[string]any{"skill": "coffee-roasting", "label": "Coffee roasting", "level": 3, "hours": 420, "attested": true,
					"family": map[string]any{"skill": "coffee-production", "label": "Coffee production"}}}),
			SkillFit("latte-art", "Latte art", 2, "partly", 0, map[string]any{"relation": "parent",
				"related": map[string]any{"skill": "barista", "label": "Barista", "level": 3, "hours": 300, "attested": false}}),
			SkillFit("milk-texturing", "Milk texturing", 2, "partly", 1, map[string]any{"relation": "below_level", "hours": 40}),
		},
		[]any{
			SkillFit("forklift", "Forklift licence", 2, "missing", 0, TrainedAt("logistics", "Logistics workshop")),
			SkillFit("food-hygiene", "Food hygiene", 1, "missing", 0, TrainedAt("catering", "Catering kitchen")),
		})
	optional := SkillGroup(
		[]any{SkillFit("cash-handling", "Cash handling", 1, "met", 2, nil)},
		[]any{SkillFit("customer-service", "Customer service", 3, "partly", 1, map[string]any{"relation": "below_level"})},
		[]any{
			SkillFit("bookkeeping", "Bookkeeping", 1, "missing", 0, nil),
			SkillFit("stock-keeping", "Stock keeping", 2, "missing", 0, TrainedAt("logistics", "")),
		})
	return map[string]any{
		"summary": summary, "skills": map[string]any{"essential": essential, "optional": optional},
		"distance_band": "15-30 km", "available_from": "2027-01", "schedule_fit": "full", "language_fit": "full", "day_release": false,
	}
}

// The summary the service writes for NearMatchExplanation.
const NearMatchSummary = "Near match: essential skills 2 met, 3 partly met, 2 missing of 7; optional skills 1 met, 1 partly met, 2 missing of 4; 15-30 km away"

// NearMatchPartly and NearMatchMissing are NearMatchExplanation's skills partly met
// and missing.
var (
	NearMatchPartly  = []string{"Coffee cupping", "Latte art", "Milk texturing", "Customer service"}
	NearMatchMissing = []string{"Forklift licence", "Food hygiene", "Bookkeeping", "Stock keeping"}
)
