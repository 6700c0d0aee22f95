package employer

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/services/web/internal/kit"
)

// maxProfileSites bounds the site rows the profile form shows.
const maxProfileSites = 20

// profilePage is the employer profile editor.
type profilePage struct {
	Version     int64
	Sectors     []kit.Choice
	SizeBands   []kit.Choice
	Commitments []kit.Choice
	Sites       []profileSiteRow
	Stale       bool
}

// profileSiteRow is one named site with its place picker.
type profileSiteRow struct {
	Index int
	Name  string
	Place *kit.Picker
}

// NameField is the form field of the site's name.
func (r profileSiteRow) NameField() string { return "site_name_" + strconv.Itoa(r.Index) }

// sitePickerAt is the place picker of site row i.
func (p *Pages) sitePickerAt(c *fiber.Ctx, v *kit.View, i int) *kit.Picker {
	return p.kit.Picker(c, v, kit.PickerSpec{Name: fmt.Sprintf("site_%d", i), Kind: kit.Places, LabelID: "Field_site_place"})
}

// ProfileForm is GET /employer/profile: the profile as the service keeps
// it, in the form.
func (p *Pages) ProfileForm(c *fiber.Ctx) error {
	resp, err := p.kit.API.GetMyEmployerWithResponse(kit.Ctx(c))
	if err != nil {
		return p.kit.ErrorPage(c, err)
	}
	prof := *resp.JSON200
	v := p.kit.NewView(c, "/employer/profile")
	d := &profilePage{Version: kit.Deref(prof.Version)}
	name := kit.Deref(prof.DisplayName)
	if name == "" {
		// A new profile starts with the name the business signed up with.
		if me, err := p.kit.API.GetMeWithResponse(kit.Ctx(c)); err == nil && me.JSON200.Organisation != nil {
			name = me.JSON200.Organisation.Name
		}
	}
	v.Form["display_name"], v.Form["description"], v.Form["website"] = name, kit.Deref(prof.Description), kit.Deref(prof.Website)
	var chosen []string
	if fc := prof.FairChance; fc != nil {
		v.Form["statement"] = kit.Deref(fc.Statement)
		for _, c := range kit.Deref(fc.Commitments) {
			chosen = append(chosen, string(c))
		}
	}
	if ct := prof.Contact; ct != nil {
		v.Form["contact_name"], v.Form["contact_email"], v.Form["contact_phone"] = kit.Deref(ct.Name), kit.Deref(ct.Email), kit.Deref(ct.Phone)
	}
	for i, st := range kit.Deref(prof.Sites) {
		row := profileSiteRow{Index: i, Name: kit.Deref(st.Name), Place: p.sitePickerAt(c, v, i)}
		if id := kit.Deref(st.PlaceID); id != "" {
			p.kit.ResolvePicker(c, v, row.Place, id)
		}
		d.Sites = append(d.Sites, row)
	}
	return p.renderProfile(c, v, d, kit.Deref(prof.Sectors), string(kit.Deref(prof.SizeBand)), chosen, fiber.StatusOK)
}

// SaveProfile is POST /employer/profile. "Add a site" and "remove" only
// show the form again; "save" sends the whole profile with its version.
func (p *Pages) SaveProfile(c *fiber.Ctx) error {
	v := p.kit.NewView(c, "/employer/profile")
	kit.FormValues(c, v, "display_name", "website", "statement", "contact_name", "contact_email", "contact_phone")
	v.Form["description"] = strings.TrimSpace(c.FormValue("description"))
	d := &profilePage{}
	d.Version, _ = strconv.ParseInt(kit.FormText(c, "version"), 10, 64)
	d.Sites = p.readSiteRows(c, v)
	sectors, band := onlyKnown(kit.FormList(c, "sectors"), naceSections), kit.FormText(c, "size_band")
	chosen := onlyKnown(kit.FormList(c, "commitments"), commitments)
	if c.FormValue("action") != "save" {
		return p.renderProfile(c, v, d, sectors, band, chosen, fiber.StatusOK)
	}
	_, err := p.kit.API.PutMyEmployerWithResponse(kit.Ctx(c), profileInput(v, d, sectors, band, chosen))
	var pr *kit.Problem
	switch {
	case err == nil:
		kit.SetFlash(c, &kit.Flash{Kind: kit.FlashProfileSaved})
		return c.Redirect("/home", fiber.StatusSeeOther)
	case errors.As(err, &pr) && pr.Status == fiber.StatusConflict:
		d.Stale, v.Alert = true, v.T("ErrProfileStale")
		return p.renderProfile(c, v, d, sectors, band, chosen, fiber.StatusConflict)
	case errors.As(err, &pr):
		profileProblem(v, pr)
		return p.renderProfile(c, v, d, sectors, band, chosen, fiber.StatusUnprocessableEntity)
	}
	return p.kit.ErrorPage(c, err)
}

// readSiteRows reads the posted site rows, applying "add a site" and
// "remove".
func (p *Pages) readSiteRows(c *fiber.Ctx, v *kit.View) []profileSiteRow {
	n, _ := strconv.Atoi(kit.FormText(c, "site_count"))
	n = min(max(n, 0), maxProfileSites)
	removed := -1
	if r, err := strconv.Atoi(kit.FormText(c, "remove_site")); err == nil {
		removed = r
	}
	var rows []profileSiteRow
	for i := 0; i < n; i++ {
		if i == removed {
			continue
		}
		rows = append(rows, profileSiteRow{Index: i, Name: kit.FormText(c, fmt.Sprintf("site_name_%d", i)), Place: p.sitePickerAt(c, v, i)})
	}
	if c.FormValue("action") == "add_site" && n < maxProfileSites {
		rows = append(rows, profileSiteRow{Index: n, Place: p.sitePickerAt(c, v, n)})
	}
	return rows
}

func (p *Pages) renderProfile(c *fiber.Ctx, v *kit.View, d *profilePage, sectors []string, band string, chosen []string, status int) error {
	d.Sectors = p.sectorChoices(c, v, sectors...)
	d.SizeBands = kit.Choices(v, "SizeBand_", sizeBands, band)
	d.Commitments = kit.Choices(v, "Commitment_", commitments, chosen...)
	for i := range d.Commitments {
		d.Commitments[i].Hint = v.T("CommitmentHint_" + d.Commitments[i].Value)
	}
	v.Data = d
	return p.templates.Render(c, status, "profile", v)
}
