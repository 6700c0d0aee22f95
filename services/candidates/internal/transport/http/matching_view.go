package http

import (
	"time"

	"github.com/onward-jobs/onward/services/candidates/internal/domain"
)

// matchingViewResponse is what the matching service may know of a
// candidate. It is built from domain.MatchingView alone, which has no
// identity field, so no name, birth date, phone or e-mail can reach it.
type matchingViewResponse struct {
	ID               string                  `json:"id"`
	OrgID            string                  `json:"org_id"`
	Alias            string                  `json:"alias"`
	Version          int64                   `json:"version"`
	Setting          string                  `json:"setting"`
	House            *geoPlaceBody           `json:"house,omitempty"`
	DayRelease       *dayReleaseBody         `json:"day_release,omitempty"`
	Release          *matchingReleaseBody    `json:"release,omitempty"`
	Languages        []languageBody          `json:"languages"`
	ExcludedSectors  []string                `json:"excluded_sectors"`
	Preferences      preferencesBody         `json:"preferences"`
	Skills           []matchingSkillBody     `json:"skills"`
	ProgrammeRecords []matchingRecordBody    `json:"programme_records"`
	Certificates     []matchingCertificate   `json:"certificates"`
	Consent          matchingConsentResponse `json:"consent"`
	// Available is false while the candidate is placed and not still
	// looking; matching leaves such a candidate out of every list.
	Available bool `json:"available"`
	// CreatedAt is when the candidate was registered, for insights.
	CreatedAt *time.Time `json:"created_at,omitempty"`
	// Statement is the candidate's statement in their own words, only
	// while an approved one stands.
	Statement string `json:"statement,omitempty"`
}

// geoPlaceBody is a place with its coordinates, which matching measures
// distances with.
type geoPlaceBody struct {
	PlaceID string  `json:"place_id"`
	Name    string  `json:"name"`
	Lat     float64 `json:"lat"`
	Lon     float64 `json:"lon"`
}

type geoRegionBody struct {
	geoPlaceBody
	RadiusKm int `json:"radius_km"`
}

type matchingReleaseBody struct {
	ExpectedDate string         `json:"expected_date,omitempty"`
	ReturnRegion *geoRegionBody `json:"return_region,omitempty"`
}

// matchingSkillBody is a candidate's current level in a skill. Attested is
// always true: every skill here comes from a signed attestation.
type matchingSkillBody struct {
	Skill     string `json:"skill"`
	Level     int    `json:"level"`
	Hours     int    `json:"hours"`
	Programme string `json:"programme"`
	Date      string `json:"date"`
	Attested  bool   `json:"attested"`
}

type matchingRecordBody struct {
	Programme string `json:"programme"`
	From      string `json:"from"`
	To        string `json:"to,omitempty"`
	Hours     int    `json:"hours"`
}

type matchingCertificate struct {
	Name   string `json:"name"`
	Issuer string `json:"issuer"`
	Date   string `json:"date"`
}

// matchingConsentResponse is the consent to matching; first_given_at, the
// first time it was given, is left out if it never was.
type matchingConsentResponse struct {
	Matching     bool       `json:"matching"`
	FirstGivenAt *time.Time `json:"first_given_at,omitempty"`
}

func toMatchingViewResponse(v domain.MatchingView) matchingViewResponse {
	out := matchingViewResponse{
		ID: v.ID, OrgID: v.OrgID, Alias: v.Alias, Version: v.Version, Setting: string(v.Setting),
		DayRelease: toDayReleaseBody(v.DayRelease), Languages: toLanguageBodies(v.Languages),
		ExcludedSectors: nonNil(v.ExcludedSectors), Preferences: toPreferencesBody(v.Preferences),
		Skills:           make([]matchingSkillBody, 0, len(v.Skills)),
		ProgrammeRecords: make([]matchingRecordBody, 0, len(v.ProgrammeRecords)),
		Certificates:     make([]matchingCertificate, 0, len(v.Certificates)),
		Consent:          matchingConsentResponse{Matching: v.ConsentMatching, FirstGivenAt: optionalTime(v.ConsentFirstGivenAt)},
		Available:        v.Available,
		CreatedAt:        optionalTime(v.CreatedAt),
		Statement:        v.Statement,
	}
	if v.House != nil {
		h := toGeoPlaceBody(*v.House)
		out.House = &h
	}
	if r := v.Release; r != nil {
		out.Release = &matchingReleaseBody{ExpectedDate: r.ExpectedDate}
		if g := r.ReturnRegion; g != nil {
			out.Release.ReturnRegion = &geoRegionBody{geoPlaceBody: toGeoPlaceBody(g.Place), RadiusKm: g.RadiusKm}
		}
	}
	for _, s := range v.Skills {
		out.Skills = append(out.Skills, matchingSkillBody{
			Skill: s.Skill, Level: s.Level, Hours: s.Hours, Programme: s.ProgrammeID, Date: s.Date, Attested: true,
		})
	}
	for _, r := range v.ProgrammeRecords {
		out.ProgrammeRecords = append(out.ProgrammeRecords, matchingRecordBody{Programme: r.ProgrammeID, From: r.From, To: r.To, Hours: r.Hours})
	}
	for _, c := range v.Certificates {
		out.Certificates = append(out.Certificates, matchingCertificate{Name: c.Name, Issuer: c.Issuer, Date: c.Date})
	}
	return out
}

func toGeoPlaceBody(p domain.Place) geoPlaceBody {
	return geoPlaceBody{PlaceID: p.PlaceID, Name: p.Name, Lat: p.Lat, Lon: p.Lon}
}

// optionalTime is nil for a zero time, which the view leaves out.
func optionalTime(t time.Time) *time.Time {
	if t.IsZero() {
		return nil
	}
	return &t
}
