package owners

import (
	"fmt"
	"slices"

	"github.com/onward-jobs/onward/pkg/api"
	"github.com/onward-jobs/onward/pkg/vocab"
	"github.com/onward-jobs/onward/services/matching/internal/engine"
)

// housedSettings are the settings in which a candidate lives in a house,
// so day release applies.
var housedSettings = []api.Setting{api.SettingDetentionHouse, api.SettingTransitionHouse}

// toEngineCandidate converts a matching view. kindOf names the kind of a
// programme ("" when unknown), for the card's programme kinds. A candidate
// without consent converts with Consent false, a placed one not still
// looking with Unavailable true; the index drops both.
func toEngineCandidate(v api.MatchingView, kindOf func(programmeID string) string) (engine.Candidate, error) {
	p := v.Preferences
	c := engine.Candidate{
		ID: v.ID, OrgID: v.OrgID, Alias: v.Alias, Version: v.Version, Consent: v.Consent.Matching,
		Unavailable:      v.Available != nil && !*v.Available,
		Housed:           slices.Contains(housedSettings, v.Setting),
		ExcludedSectors:  v.ExcludedSectors,
		PreferredSectors: value(p.Sectors), HoursPerWeek: value(p.HoursPerWeek), Contracts: enumStrings(value(p.Contracts)),
		Statement: value(v.Statement),
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
			if c.ReleaseDate, err = toDay("release.expected_date", value(r.ExpectedDate)); err != nil {
				return c, fmt.Errorf("owners: candidate %s: %w", v.ID, err)
			}
		}
		if g := r.ReturnRegion; g != nil {
			c.ReturnRegion = &engine.Region{Point: engine.Point{Lat: g.Lat, Lon: g.Lon}, RadiusKm: g.RadiusKm}
		}
	}
	for _, l := range v.Languages {
		rank := vocab.CEFRRank(string(l.Level))
		if rank < 0 {
			return c, fmt.Errorf("owners: candidate %s: language level is not CEFR", v.ID)
		}
		c.Languages = append(c.Languages, engine.Language{Code: l.Code, Rank: rank})
	}
	for _, s := range v.Skills {
		c.Skills = append(c.Skills, engine.Skill{ID: s.Skill, Level: s.Level, Hours: s.Hours, Attested: bool(s.Attested)})
	}
	for _, cert := range v.Certificates {
		c.Certificates = append(c.Certificates, cert.Name)
	}
	c.ProgrammeKinds = programmeKinds(v, kindOf)
	return c, nil
}

// toEngineDayRelease converts a day-release window; nil stays nil.
func toEngineDayRelease(b *api.DayRelease) (*engine.DayRelease, error) {
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
func programmeKinds(v api.MatchingView, kindOf func(string) string) []string {
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
