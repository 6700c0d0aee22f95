package domain

import (
	"fmt"
	"net/mail"
	"net/url"
	"slices"
	"time"
	"unicode/utf8"
)

// Limits on what a profile may hold.
const (
	MaxDisplayName = 120
	MaxProfileText = 5000
	MaxSites       = 20
)

// Profile is an employer organisation's public face. ID is the
// organisation's id from the gateway's tokens. Contact is shown only to the
// employer itself, programme staff and administrators.
type Profile struct {
	ID        string
	Version   int64
	CreatedAt time.Time
	UpdatedAt time.Time
	Details   ProfileDetails
}

// ProfileDetails is what an employer writes about itself.
type ProfileDetails struct {
	DisplayName string
	Sectors     []string
	Description string
	Website     string
	SizeBand    string
	Sites       []Site
	FairChance  FairChance
	Contact     Contact
}

// FairChance is the employer's fair-chance statement and the commitments it
// ticks.
type FairChance struct {
	Statement   string
	Commitments []string
}

// Contact is the person programme staff call about a role.
type Contact struct {
	Name  string
	Email string
	Phone string
}

// Validate checks the details and returns every problem at once. It fills
// the name and coordinates of gazetteer sites.
func (d *ProfileDetails) Validate(v Vocabulary) error {
	c := &checker{}
	n := utf8.RuneCountInString(d.DisplayName)
	c.check(n == 0 || n > MaxDisplayName, "display_name", "is required, at most %d characters", MaxDisplayName)
	for i, s := range d.Sectors {
		c.check(!ValidSector(s) || slices.Index(d.Sectors, s) != i, fmt.Sprintf("sectors[%d]", i), "must be a NACE Rev. 2 section letter A–U, listed once")
	}
	c.check(utf8.RuneCountInString(d.Description) > MaxProfileText, "description", "must be at most %d characters long", MaxProfileText)
	if d.Website != "" {
		u, err := url.Parse(d.Website)
		c.check(err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "", "website", "must be an http or https URL")
	}
	c.check(d.SizeBand != "" && !slices.Contains(SizeBands, d.SizeBand), "size_band", "must be one of: %v", SizeBands)
	c.check(len(d.Sites) > MaxSites, "sites", "may list at most %d sites", MaxSites)
	for i := range d.Sites {
		spec := RoleSpec{Site: &d.Sites[i]}
		sub := &checker{}
		spec.validateSite(sub, v)
		for _, f := range sub.fields {
			c.add(fmt.Sprintf("sites[%d]%s", i, f.Field[len("site"):]), "%s", f.Message)
		}
	}
	c.check(utf8.RuneCountInString(d.FairChance.Statement) > MaxProfileText, "fair_chance.statement", "must be at most %d characters long", MaxProfileText)
	for i, cm := range d.FairChance.Commitments {
		c.check(!slices.Contains(Commitments, cm) || slices.Index(d.FairChance.Commitments, cm) != i,
			fmt.Sprintf("fair_chance.commitments[%d]", i), "must be one of %v, listed once", Commitments)
	}
	c.check(utf8.RuneCountInString(d.Contact.Name) > MaxDisplayName, "contact.name", "must be at most %d characters long", MaxDisplayName)
	if d.Contact.Email != "" {
		a, err := mail.ParseAddress(d.Contact.Email)
		c.check(err != nil || a.Address != d.Contact.Email, "contact.email", "must be an e-mail address")
	}
	c.check(len(d.Contact.Phone) > 40, "contact.phone", "must be at most 40 characters long")
	return c.err()
}
