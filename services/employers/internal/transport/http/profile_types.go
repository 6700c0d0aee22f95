package http

import (
	"time"

	"github.com/onward-jobs/onward/services/employers/internal/domain"
)

// profileBody is a profile as PUT /employers/me takes it: the whole profile
// and the version it was read at.
type profileBody struct {
	Version     *int64         `json:"version" validate:"required"`
	DisplayName string         `json:"display_name"`
	Sectors     []string       `json:"sectors"`
	Description string         `json:"description"`
	Website     string         `json:"website"`
	SizeBand    string         `json:"size_band"`
	Sites       []siteBody     `json:"sites"`
	FairChance  fairChanceBody `json:"fair_chance"`
	Contact     contactBody    `json:"contact"`
}

type fairChanceBody struct {
	Statement   string   `json:"statement"`
	Commitments []string `json:"commitments"`
}

type contactBody struct {
	Name  string `json:"name"`
	Email string `json:"email"`
	Phone string `json:"phone"`
}

func (b profileBody) toDomain() domain.ProfileDetails {
	d := domain.ProfileDetails{
		DisplayName: b.DisplayName, Sectors: b.Sectors, Description: b.Description, Website: b.Website, SizeBand: b.SizeBand,
		FairChance: domain.FairChance{Statement: b.FairChance.Statement, Commitments: b.FairChance.Commitments},
		Contact:    domain.Contact{Name: b.Contact.Name, Email: b.Contact.Email, Phone: b.Contact.Phone},
	}
	for _, s := range b.Sites {
		d.Sites = append(d.Sites, *toDomainSite(s))
	}
	return d
}

// profileResponse is a profile as the API answers it. Contact is left out
// for callers who may not see it.
type profileResponse struct {
	ID          string         `json:"id"`
	Version     int64          `json:"version"`
	CreatedAt   time.Time      `json:"created_at"`
	UpdatedAt   time.Time      `json:"updated_at"`
	DisplayName string         `json:"display_name"`
	Sectors     []string       `json:"sectors"`
	Description string         `json:"description"`
	Website     string         `json:"website"`
	SizeBand    string         `json:"size_band,omitempty"`
	Sites       []siteBody     `json:"sites"`
	FairChance  fairChanceBody `json:"fair_chance"`
	Contact     *contactBody   `json:"contact,omitempty"`
}

func toProfileResponse(p domain.Profile, withContact bool) profileResponse {
	d := p.Details
	out := profileResponse{
		ID: p.ID, Version: p.Version, CreatedAt: p.CreatedAt, UpdatedAt: p.UpdatedAt, DisplayName: d.DisplayName,
		Sectors: nonNil(d.Sectors), Description: d.Description, Website: d.Website, SizeBand: d.SizeBand, Sites: []siteBody{},
		FairChance: fairChanceBody{Statement: d.FairChance.Statement, Commitments: nonNil(d.FairChance.Commitments)},
	}
	for _, s := range d.Sites {
		out.Sites = append(out.Sites, *toSiteBody(s))
	}
	if withContact {
		out.Contact = &contactBody{Name: d.Contact.Name, Email: d.Contact.Email, Phone: d.Contact.Phone}
	}
	return out
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
