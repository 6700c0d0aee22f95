package employer

import (
	"errors"

	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/api"
	"github.com/onward-jobs/onward/pkg/errs"
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
	if site == nil || deref(site.PlaceID) == "" {
		return pk
	}
	p.resolvePlace(c, v, pk, *site.PlaceID)
	return pk
}

// resolvePlace fills a place picker with the place id, as the kit does
// for a place chosen in the form.
func (p *Pages) resolvePlace(c *fiber.Ctx, v *kit.View, pk *kit.Picker, id string) {
	place, err := p.kit.Place(kit.Ctx(c), id)
	switch {
	case err == nil:
		pk.Value, pk.Text = id, place.Name
	case errors.Is(err, errs.NotFound):
		pk.Error = v.T("PickerGone")
	default:
		pk.Value, pk.Error = id, v.T("PickerUnavailable")
		p.logFailure(c, "place lookup", err)
	}
}
