package owners

import (
	"fmt"
	"slices"

	"github.com/onward-jobs/onward/pkg/vocab"
	"github.com/onward-jobs/onward/services/matching/internal/engine"
)

// candidateView is the candidates service's matching view as its internal
// API answers it (GET /internal/v1/candidates/{id} and the pages of
// /internal/v1/candidates/views). It has no identity field.
type candidateView struct {
	ID               string            `json:"id"`
	OrgID            string            `json:"org_id"`
	Alias            string            `json:"alias"`
	Version          int64             `json:"version"`
	Setting          string            `json:"setting"`
	House            *placeBody        `json:"house,omitempty"`
	DayRelease       *dayReleaseBody   `json:"day_release,omitempty"`
	Release          *releaseBody      `json:"release,omitempty"`
	Languages        []languageBody    `json:"languages"`
	ExcludedSectors  []string          `json:"excluded_sectors"`
	Preferences      preferencesBody   `json:"preferences"`
	Skills           []skillBody       `json:"skills"`
	ProgrammeRecords []recordBody      `json:"programme_records"`
	Certificates     []certificateBody `json:"certificates"`
	Consent          candidateConsent  `json:"consent"`
}

type placeBody struct {
	PlaceID string  `json:"place_id"`
	Name    string  `json:"name"`
	Lat     float64 `json:"lat"`
	Lon     float64 `json:"lon"`
}

type regionBody struct {
	placeBody
	RadiusKm int `json:"radius_km"`
}

type dayReleaseBody struct {
	EligibleFrom string   `json:"eligible_from"`
	Days         []string `json:"days"`
	Start        string   `json:"start"`
	End          string   `json:"end"`
	MaxCommuteKm int      `json:"max_commute_km"`
}

type releaseBody struct {
	ExpectedDate string      `json:"expected_date,omitempty"`
	ReturnRegion *regionBody `json:"return_region,omitempty"`
}

type languageBody struct {
	Code  string `json:"code"`
	Level string `json:"level"`
}

type preferencesBody struct {
	Sectors      []string `json:"sectors"`
	HoursPerWeek int      `json:"hours_per_week"`
	Contracts    []string `json:"contracts"`
}

type skillBody struct {
	Skill     string `json:"skill"`
	Level     int    `json:"level"`
	Hours     int    `json:"hours"`
	Programme string `json:"programme"`
	Date      string `json:"date"`
	Attested  bool   `json:"attested"`
}

type recordBody struct {
	Programme string `json:"programme"`
	From      string `json:"from"`
	To        string `json:"to,omitempty"`
	Hours     int    `json:"hours"`
}

type certificateBody struct {
	Name   string `json:"name"`
	Issuer string `json:"issuer"`
	Date   string `json:"date"`
}

type candidateConsent struct {
	Matching bool `json:"matching"`
}

// housedSettings are the settings in which a candidate lives in a house,
// so day release applies.
var housedSettings = []string{"detention_house", "transition_house"}

// toEngineCandidate converts a matching view. kindOf names the kind of a
// programme ("" when unknown), for the card's programme kinds. A candidate
// without consent converts with Consent false; the index drops it.
func toEngineCandidate(v candidateView, kindOf func(programmeID string) string) (engine.Candidate, error) {
	c := engine.Candidate{
		ID: v.ID, OrgID: v.OrgID, Alias: v.Alias, Version: v.Version, Consent: v.Consent.Matching,
		Housed:           slices.Contains(housedSettings, v.Setting),
		ExcludedSectors:  v.ExcludedSectors,
		PreferredSectors: v.Preferences.Sectors, HoursPerWeek: v.Preferences.HoursPerWeek, Contracts: v.Preferences.Contracts,
	}
	if v.ID == "" || v.Version < 1 {
		return c, fmt.Errorf("owners: candidate view without id or version")
	}
	var err error
	if c.Housed {
		if v.House != nil {
			c.House = &engine.Point{Lat: v.House.Lat, Lon: v.House.Lon}
		}
		if c.DayRelease, err = toEngineDayRelease(v.DayRelease); err != nil {
			return c, fmt.Errorf("owners: candidate %s: %w", v.ID, err)
		}
	}
	if r := v.Release; r != nil {
		if c.Housed {
			if c.ReleaseDate, err = toDay("release.expected_date", r.ExpectedDate); err != nil {
				return c, fmt.Errorf("owners: candidate %s: %w", v.ID, err)
			}
		}
		if g := r.ReturnRegion; g != nil {
			c.ReturnRegion = &engine.Region{Point: engine.Point{Lat: g.Lat, Lon: g.Lon}, RadiusKm: g.RadiusKm}
		}
	}
	for _, l := range v.Languages {
		rank := vocab.CEFRRank(l.Level)
		if rank < 0 {
			return c, fmt.Errorf("owners: candidate %s: language level is not CEFR", v.ID)
		}
		c.Languages = append(c.Languages, engine.Language{Code: l.Code, Rank: rank})
	}
	for _, s := range v.Skills {
		c.Skills = append(c.Skills, engine.Skill{ID: s.Skill, Level: s.Level, Hours: s.Hours, Attested: s.Attested})
	}
	for _, cert := range v.Certificates {
		c.Certificates = append(c.Certificates, cert.Name)
	}
	c.ProgrammeKinds = programmeKinds(v, kindOf)
	return c, nil
}

// toEngineDayRelease converts a day-release window; nil stays nil.
func toEngineDayRelease(b *dayReleaseBody) (*engine.DayRelease, error) {
	if b == nil {
		return nil, nil
	}
	d := &engine.DayRelease{MaxCommuteKm: b.MaxCommuteKm}
	var err error
	if d.EligibleFrom, err = toDay("day_release.eligible_from", b.EligibleFrom); err != nil {
		return nil, err
	}
	for _, name := range b.Days {
		wd, err := toWeekday("day_release.days", name)
		if err != nil {
			return nil, err
		}
		d.Days |= 1 << wd
	}
	if d.Start, err = toMinutes("day_release.start", b.Start); err != nil {
		return nil, err
	}
	if d.End, err = toMinutes("day_release.end", b.End); err != nil {
		return nil, err
	}
	return d, nil
}

// programmeKinds are the distinct kinds of the programmes the candidate
// trained or was attested in, sorted.
func programmeKinds(v candidateView, kindOf func(string) string) []string {
	var kinds []string
	add := func(programmeID string) {
		if programmeID == "" || kindOf == nil {
			return
		}
		if k := kindOf(programmeID); k != "" && !slices.Contains(kinds, k) {
			kinds = append(kinds, k)
		}
	}
	for _, s := range v.Skills {
		add(s.Programme)
	}
	for _, r := range v.ProgrammeRecords {
		add(r.Programme)
	}
	slices.Sort(kinds)
	return kinds
}
