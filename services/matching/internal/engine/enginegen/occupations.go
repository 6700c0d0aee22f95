package enginegen

import (
	"cmp"
	"slices"
	"strings"

	"github.com/onward-jobs/onward/pkg/skills"
)

// occupation is a taxonomy occupation with what generation adds to it.
type occupation struct {
	id, title           string
	essential, optional []skills.Requirement
	kind                string // programme kind, for cards
	sector              string // NACE section of a typical employer
}

// commonTrades are the occupations work programmes train for most, most
// common first; they head the popularity ranking. Ids missing from the
// taxonomy are skipped, so the list may outlive a taxonomy change.
var commonTrades = []string{
	"kitchen-assistant", "warehouse-operative", "cleaner", "green-space-maintenance-worker",
	"order-picker", "packer", "catering-assistant", "production-operator", "laundry-worker",
	"gardener", "assembly-worker", "dishwasher", "shelf-stacker", "bike-refurbisher",
	"coffee-roaster", "barista", "recycling-sorter", "construction-labourer", "office-cleaner",
	"retail-assistant", "parcel-sorter", "forklift-driver", "line-cook", "bakers-assistant",
}

// rankOccupations orders the taxonomy's occupations by popularity:
// commonTrades first, the rest by id.
func rankOccupations(tax *skills.Taxonomy) []occupation {
	all := tax.Occupations()
	rank := func(id string) int {
		if i := slices.Index(commonTrades, id); i >= 0 {
			return i
		}
		return len(commonTrades)
	}
	slices.SortStableFunc(all, func(a, b skills.Occupation) int {
		return cmp.Or(cmp.Compare(rank(a.ID), rank(b.ID)), cmp.Compare(a.ID, b.ID))
	})
	out := make([]occupation, 0, len(all))
	for _, o := range all {
		if len(o.Essential) == 0 {
			continue
		}
		kind, sector := tradeOf(o.ID)
		out = append(out, occupation{
			id: o.ID, title: o.Label(skills.EN), essential: o.Essential, optional: o.Optional,
			kind: kind, sector: sector,
		})
	}
	if len(out) == 0 {
		panic("enginegen: the taxonomy has no occupation with essential skills")
	}
	return out
}

// trades maps words in an occupation id to its programme kind and the NACE
// section of a typical employer; the first match wins.
var trades = []struct{ word, kind, sector string }{
	{"coffee", "coffee_roastery", "C"}, {"barista", "coffee_roastery", "I"},
	{"baker", "bakery", "C"}, {"butcher", "catering", "C"}, {"sandwich", "catering", "I"},
	{"cook", "catering", "I"}, {"kitchen", "catering", "I"}, {"catering", "catering", "I"},
	{"dishwasher", "catering", "I"}, {"waiter", "catering", "I"},
	{"greenhouse", "garden", "A"}, {"vegetable", "garden", "A"}, {"garden-centre", "retail", "G"},
	{"green-space", "green_maintenance", "N"}, {"landscaping", "green_maintenance", "N"}, {"gardener", "garden", "N"},
	{"bike", "bike_repair", "S"}, {"cycle", "logistics", "H"},
	{"laundry", "laundry", "S"}, {"ironing", "laundry", "S"}, {"hotel", "cleaning", "I"}, {"clean", "cleaning", "N"},
	{"print", "printing", "C"}, {"bookbinding", "printing", "C"},
	{"assembl", "assembly", "C"}, {"production", "assembly", "C"}, {"e-waste", "assembly", "E"},
	{"recycling", "logistics", "E"}, {"second-hand", "retail", "G"},
	{"carpenter", "woodwork", "F"}, {"joiner", "woodwork", "C"}, {"furniture", "woodwork", "C"},
	{"metal", "metalwork", "C"}, {"weld", "metalwork", "C"},
	{"construction", "construction", "F"}, {"painter", "construction", "F"}, {"facility", "other", "N"},
	{"sewing", "textiles", "C"}, {"textile", "textiles", "C"},
	{"retail", "retail", "G"}, {"cashier", "retail", "G"}, {"shelf", "retail", "G"},
	{"data-entry", "office", "N"}, {"receptionist", "office", "N"},
	{"warehouse", "logistics", "H"}, {"picker", "logistics", "H"}, {"forklift", "logistics", "H"},
	{"reach-truck", "logistics", "H"}, {"packer", "logistics", "H"}, {"parcel", "logistics", "H"},
	{"stock", "logistics", "H"}, {"driver", "logistics", "H"}, {"removals", "logistics", "H"},
}

func tradeOf(occupationID string) (kind, sector string) {
	for _, t := range trades {
		if strings.Contains(occupationID, t.word) {
			return t.kind, t.sector
		}
	}
	return "other", "N"
}

// rankSkills returns the transversal skills and all skills, each ordered by
// how many occupations name them (most first, then by id), so the extra
// skills candidates pick up follow the same skew as the occupations.
func rankSkills(tax *skills.Taxonomy) (transversal, all []string) {
	uses := map[string]int{}
	for _, o := range tax.Occupations() {
		for _, r := range o.Essential {
			uses[r.Skill] += 2
		}
		for _, r := range o.Optional {
			uses[r.Skill]++
		}
	}
	byUse := func(a, b string) int { return cmp.Or(cmp.Compare(uses[b], uses[a]), cmp.Compare(a, b)) }
	for _, s := range tax.Skills() {
		all = append(all, s.ID)
		if s.Kind == skills.KindTransversal {
			transversal = append(transversal, s.ID)
		}
	}
	slices.SortFunc(all, byUse)
	slices.SortFunc(transversal, byUse)
	if len(transversal) == 0 {
		transversal = all[:min(10, len(all))]
	}
	return transversal, all
}
