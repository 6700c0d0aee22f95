package portfolio

import (
	"slices"
	"strings"
	"sync"

	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/api"
	"github.com/onward-jobs/onward/services/web/internal/kit"
)

// maxAttestSkillTap caps the skills offered as chips.
const maxAttestSkillTap = 24

// attestSkillChip is one skill offered as a tap target. Extra chips came
// from the picker and are carried in hidden fields.
type attestSkillChip struct {
	ID, Label      string
	Checked, Extra bool
}

// skillChips offers the chosen programme's skills first, then those of the
// user's other programmes (or of every programme, for someone who
// supervises none), then skills chosen earlier in the picker. A skill just
// chosen in the picker becomes the checked chip.
func (p *Pages) skillChips(c *fiber.Ctx, v *kit.View, progs []api.Programme, onlySupervised bool, other *kit.Picker) []attestSkillChip {
	me := kit.ActorOf(c).UserID
	var ids []string
	add := func(pr api.Programme) {
		for _, s := range pr.Skills {
			if !slices.Contains(ids, s) && len(ids) < maxAttestSkillTap {
				ids = append(ids, s)
			}
		}
	}
	for _, pr := range progs {
		if pr.ID == v.Val("programme") {
			add(pr)
		}
	}
	for _, pr := range progs {
		if !onlySupervised || supervises(pr, me) {
			add(pr)
		}
	}
	labels := p.chipLabels(c, v.Lang, ids)
	chips := make([]attestSkillChip, 0, len(ids)+1)
	for _, id := range ids {
		chips = append(chips, attestSkillChip{ID: id, Label: labels[id]})
	}
	extraIDs, extraLabels := kit.FormList(c, "extra_skill"), kit.FormList(c, "extra_label")
	for i, id := range extraIDs {
		if id = strings.TrimSpace(id); id != "" && i < len(extraLabels) && !hasChip(chips, id) {
			chips = append(chips, attestSkillChip{ID: id, Label: extraLabels[i], Extra: true})
		}
	}
	if o := chosenOther(other); o.ID != "" {
		if !hasChip(chips, o.ID) {
			chips = append(chips, o)
		}
		v.Form["skill"] = o.ID
	}
	for i := range chips {
		chips[i].Checked = chips[i].ID == v.Val("skill")
	}
	return chips
}

// chosenOther takes the skill just chosen in the picker as a chip,
// emptying the picker for another search.
func chosenOther(other *kit.Picker) attestSkillChip {
	if other.Value == "" || other.Error != "" {
		return attestSkillChip{}
	}
	chip := attestSkillChip{ID: other.Value, Label: other.Text, Extra: true}
	other.Clear()
	return chip
}

func hasChip(chips []attestSkillChip, id string) bool {
	return slices.ContainsFunc(chips, func(ch attestSkillChip) bool { return ch.ID == id })
}

// chipLabels names skills in lang, asking for all of them at once. A
// skill that cannot be named shows its id.
func (p *Pages) chipLabels(c *fiber.Ctx, lang string, ids []string) map[string]string {
	ctx := kit.Ctx(c)
	labels := make(map[string]string, len(ids))
	var mu sync.Mutex
	var wg sync.WaitGroup
	for _, id := range ids {
		wg.Go(func() {
			label := id
			if skill, err := p.k.Skill(ctx, id, lang); err == nil && skill.Label != "" {
				label = skill.Label
			}
			mu.Lock()
			labels[id] = label
			mu.Unlock()
		})
	}
	wg.Wait()
	return labels
}
