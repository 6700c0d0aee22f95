package http

import (
	"encoding/json"

	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/httpx"
	"github.com/onward-jobs/onward/services/candidates/internal/domain"
)

// candidateBody is a candidate as POST and PATCH take it. Every field is a
// pointer so that a PATCH names only what changes; present lists the
// top-level fields the JSON named, in candidateFields order, because a
// field sent as null is present too: it clears.
type candidateBody struct {
	Version         *int64           `json:"version"`
	GivenName       *string          `json:"given_name"`
	FamilyName      *string          `json:"family_name"`
	PreferredName   *string          `json:"preferred_name"`
	DateOfBirth     *string          `json:"date_of_birth"`
	Phone           *string          `json:"phone"`
	Email           *string          `json:"email"`
	Setting         *string          `json:"setting"`
	House           *placeBody       `json:"house"`
	DayRelease      *dayReleaseBody  `json:"day_release"`
	Release         *releaseBody     `json:"release"`
	Languages       *[]languageBody  `json:"languages"`
	ExcludedSectors *[]string        `json:"excluded_sectors"`
	Preferences     *preferencesBody `json:"preferences"`

	present []string
}

// candidateFields are the top-level fields of a candidate spec, as JSON
// spells them. Version is not one: it guards a change, it is not changed.
var candidateFields = []string{
	"given_name", "family_name", "preferred_name", "date_of_birth", "phone", "email", "setting",
	"house", "day_release", "release", "languages", "excluded_sectors", "preferences",
}

// decodeCandidateBody decodes strictly (unknown fields, wrong types and
// trailing data are 400s naming the field) and then reads the body once
// more as a plain object to learn which fields it names, which the typed
// decode cannot tell from null.
func decodeCandidateBody(c *fiber.Ctx) (candidateBody, error) {
	var b candidateBody
	if err := httpx.DecodeJSON(c, &b); err != nil {
		return b, err
	}
	var named map[string]json.RawMessage
	// The strict decode succeeded, so the body is one JSON value; a null
	// body leaves named empty.
	_ = json.Unmarshal(c.Body(), &named)
	for _, f := range candidateFields {
		if _, ok := named[f]; ok {
			b.present = append(b.present, f)
		}
	}
	return b, nil
}

// applyTo writes the fields the body names onto s, a null clearing the
// field, and returns their names for the audit entry.
func (b candidateBody) applyTo(s *domain.Spec) []string {
	id, pr := &s.Identity, &s.Profile
	for _, f := range b.present {
		switch f {
		case "given_name":
			id.GivenName = deref(b.GivenName)
		case "family_name":
			id.FamilyName = deref(b.FamilyName)
		case "preferred_name":
			id.PreferredName = deref(b.PreferredName)
		case "date_of_birth":
			id.DateOfBirth = deref(b.DateOfBirth)
		case "phone":
			id.Phone = deref(b.Phone)
		case "email":
			id.Email = deref(b.Email)
		case "setting":
			pr.Setting = domain.Setting(deref(b.Setting))
		case "house":
			pr.House = toDomainPlace(b.House)
		case "day_release":
			pr.DayRelease = b.DayRelease.toDomain()
		case "release":
			pr.Release = b.Release.toDomain()
		case "languages":
			pr.Languages = toDomainLanguages(deref(b.Languages))
		case "excluded_sectors":
			pr.ExcludedSectors = deref(b.ExcludedSectors)
		case "preferences":
			pr.Preferences = b.Preferences.toDomain()
		}
	}
	return b.present
}

// deref returns *p, or the zero value for a field sent as null.
func deref[T any](p *T) T {
	var zero T
	if p == nil {
		return zero
	}
	return *p
}
