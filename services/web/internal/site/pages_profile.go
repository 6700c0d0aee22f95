package site

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/gofiber/fiber/v2"
)

// maxProfileSites bounds the site rows the profile form shows.
const maxProfileSites = 20

// profilePage is the employer profile editor.
type profilePage struct {
	Version     int
	Sectors     []choice
	SizeBands   []choice
	Commitments []choice
	Sites       []profileSiteRow
	Stale       bool
}

// profileSiteRow is one named site with its place picker.
type profileSiteRow struct {
	Index int
	Name  string
	Place *pickerData
}

// NameField is the form field of the site's name.
func (r profileSiteRow) NameField() string { return "site_name_" + strconv.Itoa(r.Index) }

// sitePicker is the place picker of site row i.
func (s *site) sitePicker(c *fiber.Ctx, v *view, i int) *pickerData {
	return s.picker(c, v, pickerSpec{Name: fmt.Sprintf("site_%d", i), Kind: placesCatalogue, LabelID: "Field_site_place"})
}

// profileForm is GET /employer/profile: the profile as the service keeps
// it, in the form.
func (s *site) profileForm(c *fiber.Ctx) error {
	p, err := s.employers.myProfile(c.UserContext(), accessToken(c))
	if err != nil {
		return s.errorPage(c, err)
	}
	v := s.newView(c, "/employer/profile")
	d := &profilePage{Version: p.Version}
	if p.DisplayName == "" {
		// A new profile starts with the name the business signed up with.
		if acct, err := s.accounts.me(c.UserContext(), accessToken(c)); err == nil && acct.Organisation != nil {
			p.DisplayName = acct.Organisation.Name
		}
	}
	v.Form["display_name"], v.Form["description"], v.Form["website"] = p.DisplayName, p.Description, p.Website
	v.Form["statement"] = p.FairChance.Statement
	v.Form["contact_name"], v.Form["contact_email"], v.Form["contact_phone"] = p.Contact.Name, p.Contact.Email, p.Contact.Phone
	for i, st := range p.Sites {
		row := profileSiteRow{Index: i, Name: st.Name, Place: s.sitePicker(c, v, i)}
		if st.PlaceID != "" {
			s.resolveChoice(c, v, row.Place, st.PlaceID)
		}
		d.Sites = append(d.Sites, row)
	}
	return s.renderProfile(c, v, d, p.Sectors, p.SizeBand, p.FairChance.Commitments, fiber.StatusOK)
}

// saveProfile is POST /employer/profile. "Add a site" and "remove" only
// show the form again; "save" sends the whole profile with its version.
func (s *site) saveProfile(c *fiber.Ctx) error {
	v := s.newView(c, "/employer/profile")
	formValues(c, v, "display_name", "website", "statement", "contact_name", "contact_email", "contact_phone")
	v.Form["description"] = strings.TrimSpace(c.FormValue("description"))
	d := &profilePage{}
	d.Version, _ = strconv.Atoi(formText(c, "version"))
	d.Sites = s.readSiteRows(c, v)
	sectors, band := onlyKnown(formList(c, "sectors"), naceSections), formText(c, "size_band")
	chosen := onlyKnown(formList(c, "commitments"), commitments)
	if c.FormValue("action") != "save" {
		return s.renderProfile(c, v, d, sectors, band, chosen, fiber.StatusOK)
	}
	in := employerProfile{
		DisplayName: v.Val("display_name"), Sectors: nonNil(sectors), Description: v.Val("description"), Website: v.Val("website"),
		SizeBand: band, FairChance: fairChance{Statement: v.Val("statement"), Commitments: nonNil(chosen)},
		Contact: contactPerson{Name: v.Val("contact_name"), Email: v.Val("contact_email"), Phone: v.Val("contact_phone")},
		Version: d.Version, Sites: []employerSite{},
	}
	for _, r := range d.Sites {
		if r.Name != "" || r.Place.Value != "" {
			in.Sites = append(in.Sites, employerSite{Name: r.Name, PlaceID: r.Place.Value})
		}
	}
	_, err := s.employers.saveProfile(c.UserContext(), accessToken(c), in)
	var p *apiProblem
	switch {
	case err == nil:
		setFlash(c, &flash{Kind: flashProfileSaved})
		return c.Redirect("/home", fiber.StatusSeeOther)
	case errors.As(err, &p) && p.Status == fiber.StatusConflict:
		d.Stale, v.Alert = true, v.T("ErrProfileStale")
		return s.renderProfile(c, v, d, sectors, band, chosen, fiber.StatusConflict)
	case errors.As(err, &p):
		profileProblem(v, d, p)
		return s.renderProfile(c, v, d, sectors, band, chosen, fiber.StatusUnprocessableEntity)
	}
	return s.errorPage(c, err)
}

// readSiteRows reads the posted site rows, applying "add a site" and
// "remove".
func (s *site) readSiteRows(c *fiber.Ctx, v *view) []profileSiteRow {
	n, _ := strconv.Atoi(formText(c, "site_count"))
	n = min(max(n, 0), maxProfileSites)
	removed := -1
	if r, err := strconv.Atoi(formText(c, "remove_site")); err == nil {
		removed = r
	}
	var rows []profileSiteRow
	for i := 0; i < n; i++ {
		if i == removed {
			continue
		}
		rows = append(rows, profileSiteRow{Index: i, Name: formText(c, fmt.Sprintf("site_name_%d", i)), Place: s.sitePicker(c, v, i)})
	}
	if c.FormValue("action") == "add_site" && n < maxProfileSites {
		rows = append(rows, profileSiteRow{Index: n, Place: s.sitePicker(c, v, n)})
	}
	return rows
}

// profileFieldMessages explain the service's field errors on the profile.
var profileFieldMessages = map[string]string{
	"display_name": "ErrDisplayName", "website": "ErrWebsite", "sites": "ErrProfileSites",
	"contact_email": "ErrEmailInvalid", "sectors": "ErrChoice", "size_band": "ErrChoice", "commitments": "ErrChoice",
}

// profileProblem shows the service's field errors next to the profile's
// fields.
func profileProblem(v *view, d *profilePage, p *apiProblem) {
	v.Alert = v.T("ErrCheckFields")
	for _, fe := range p.Errors {
		field := formField(fe.Field)
		switch {
		case strings.HasPrefix(fe.Field, "contact."):
			field = "contact_" + formField(strings.TrimPrefix(fe.Field, "contact."))
		case strings.HasPrefix(fe.Field, "fair_chance."):
			field = formField(strings.TrimPrefix(fe.Field, "fair_chance."))
		}
		msg := v.T("ErrFieldInvalid")
		if id, ok := profileFieldMessages[field]; ok {
			msg = v.T(id)
		}
		v.addError(field, msg)
	}
}

func (s *site) renderProfile(c *fiber.Ctx, v *view, d *profilePage, sectors []string, band string, chosen []string, status int) error {
	d.Sectors = s.sectorChoices(c, v, sectors...)
	d.SizeBands = choices(v, "SizeBand_", sizeBands, band)
	d.Commitments = choices(v, "Commitment_", commitments, chosen...)
	for i := range d.Commitments {
		d.Commitments[i].Hint = v.T("CommitmentHint_" + d.Commitments[i].Value)
	}
	v.usesPicker = true
	v.Data = d
	return s.render(c, status, "profile", v)
}

// nonNil sends an empty list rather than null.
func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
