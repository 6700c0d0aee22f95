package employer

import (
	"strings"

	"github.com/onward-jobs/onward/pkg/api"
	"github.com/onward-jobs/onward/services/web/internal/kit"
)

// profileInput is the whole profile as the form holds it, for PUT
// /api/v1/employers/me: every field is sent, so an emptied one is
// cleared.
func profileInput(v *kit.View, d *profilePage, sectors []string, band string, chosen []string) api.EmployerProfile {
	in := api.EmployerProfile{
		DisplayName: kit.Ptr(v.Val("display_name")), Sectors: kit.Ptr(nonNil(sectors)), Description: kit.Ptr(v.Val("description")),
		Website: kit.Ptr(v.Val("website")), SizeBand: kit.Ptr(api.EmployerProfileSizeBand(band)), Version: kit.Ptr(d.Version),
	}
	contact := alloc(&in.Contact)
	contact.Name, contact.Email, contact.Phone = kit.Ptr(v.Val("contact_name")), kit.Ptr(v.Val("contact_email")), kit.Ptr(v.Val("contact_phone"))
	fair := alloc(&in.FairChance)
	fair.Statement = kit.Ptr(v.Val("statement"))
	commitments := make([]api.EmployerProfileFairChanceCommitments, 0, len(chosen))
	for _, c := range chosen {
		commitments = append(commitments, api.EmployerProfileFairChanceCommitments(c))
	}
	fair.Commitments = &commitments
	sites := alloc(&in.Sites)
	for _, r := range d.Sites {
		if r.Name != "" || r.Place.Value != "" {
			site := appendZero(sites)
			site.Name, site.PlaceID = kit.Ptr(r.Name), kit.Ptr(r.Place.Value)
		}
	}
	return in
}

// alloc points *p at a new zero value and returns it: a way to fill the
// generated types' nested structs, which have no names of their own.
func alloc[T any](p **T) *T {
	*p = new(T)
	return *p
}

// appendZero appends a zero element to *s and returns it.
func appendZero[T any](s *[]T) *T {
	*s = append(*s, *new(T))
	return &(*s)[len(*s)-1]
}

// profileFieldMessages explain the service's field errors on the profile.
var profileFieldMessages = map[string]string{
	"display_name": "ErrDisplayName", "website": "ErrWebsite", "sites": "ErrProfileSites",
	"contact_email": "ErrEmailInvalid", "sectors": "ErrChoice", "size_band": "ErrChoice", "commitments": "ErrChoice",
}

// profileProblem shows the service's field errors next to the profile's
// fields.
func profileProblem(v *kit.View, p *kit.Problem) {
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
		v.AddError(field, msg)
	}
}
