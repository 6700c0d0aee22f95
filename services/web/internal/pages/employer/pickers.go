package employer

import (
	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/api"
	"github.com/onward-jobs/onward/services/web/internal/kit"
)

// emptyPicker is a picker with nothing chosen. A form gets it from the
// kit, which then loads the picker's script with the page; a page that
// only shows a role gets it as bare data.
func (p *Pages) emptyPicker(c *fiber.Ctx, v *kit.View, spec kit.PickerSpec, inForm bool) *kit.Picker {
	if !inForm {
		return &kit.Picker{PickerSpec: spec}
	}
	pk := p.kit.Picker(c, v, spec)
	pk.Clear()
	return pk
}

// placeOf is the site picker showing a role's place, looked up by its id.
// While the place cannot be looked up the id is kept, so an edit loses
// nothing; a place that no longer exists says so.
func (p *Pages) placeOf(c *fiber.Ctx, v *kit.View, site *api.RoleSite, inForm bool) *kit.Picker {
	pk := p.emptyPicker(c, v, sitePicker, inForm)
	if site == nil || kit.Deref(site.PlaceID) == "" {
		return pk
	}
	p.kit.ResolvePicker(c, v, pk, *site.PlaceID)
	return pk
}
