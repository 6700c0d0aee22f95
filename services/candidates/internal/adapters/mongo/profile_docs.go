package mongo

import "github.com/onward-jobs/onward/services/candidates/internal/domain"

// profileDoc is a candidate's profile as stored. The setting is kept at the
// top of the candidate document, where listings filter on it.
type profileDoc struct {
	House           *placeDoc      `bson:"house,omitempty"`
	DayRelease      *dayReleaseDoc `bson:"day_release,omitempty"`
	Release         *releaseDoc    `bson:"release,omitempty"`
	Languages       []languageDoc  `bson:"languages,omitempty"`
	ExcludedSectors []string       `bson:"excluded_sectors,omitempty"`
	Preferences     preferencesDoc `bson:"preferences"`
}

type placeDoc struct {
	PlaceID string  `bson:"place_id"`
	Name    string  `bson:"name"`
	Lat     float64 `bson:"lat"`
	Lon     float64 `bson:"lon"`
}

type dayReleaseDoc struct {
	EligibleFrom string   `bson:"eligible_from"`
	Days         []string `bson:"days,omitempty"`
	Start        string   `bson:"start"`
	End          string   `bson:"end"`
	MaxCommuteKm int      `bson:"max_commute_km"`
}

type releaseDoc struct {
	ExpectedDate string     `bson:"expected_date"`
	ReturnRegion *regionDoc `bson:"return_region,omitempty"`
}

type regionDoc struct {
	Place    placeDoc `bson:"place"`
	RadiusKm int      `bson:"radius_km"`
}

type languageDoc struct {
	Code  string `bson:"code"`
	Level string `bson:"level"`
}

type preferencesDoc struct {
	Sectors      []string `bson:"sectors,omitempty"`
	HoursPerWeek int      `bson:"hours_per_week"`
	Contracts    []string `bson:"contracts,omitempty"`
}

func toProfileDoc(p domain.Profile) profileDoc {
	d := profileDoc{
		ExcludedSectors: p.ExcludedSectors,
		Preferences:     preferencesDoc{Sectors: p.Preferences.Sectors, HoursPerWeek: p.Preferences.HoursPerWeek, Contracts: p.Preferences.Contracts},
	}
	if p.House != nil {
		h := toPlaceDoc(*p.House)
		d.House = &h
	}
	if r := p.DayRelease; r != nil {
		d.DayRelease = &dayReleaseDoc{EligibleFrom: r.EligibleFrom, Days: r.Days, Start: r.Start, End: r.End, MaxCommuteKm: r.MaxCommuteKm}
	}
	if r := p.Release; r != nil {
		d.Release = &releaseDoc{ExpectedDate: r.ExpectedDate}
		if rr := r.ReturnRegion; rr != nil {
			d.Release.ReturnRegion = &regionDoc{Place: toPlaceDoc(rr.Place), RadiusKm: rr.RadiusKm}
		}
	}
	for _, l := range p.Languages {
		d.Languages = append(d.Languages, languageDoc{Code: l.Code, Level: l.Level})
	}
	return d
}

func toDomainProfile(setting string, d profileDoc) domain.Profile {
	p := domain.Profile{
		Setting:         domain.Setting(setting),
		ExcludedSectors: d.ExcludedSectors,
		Preferences:     domain.Preferences{Sectors: d.Preferences.Sectors, HoursPerWeek: d.Preferences.HoursPerWeek, Contracts: d.Preferences.Contracts},
	}
	if d.House != nil {
		h := toDomainPlace(*d.House)
		p.House = &h
	}
	if r := d.DayRelease; r != nil {
		p.DayRelease = &domain.DayRelease{EligibleFrom: r.EligibleFrom, Days: r.Days, Start: r.Start, End: r.End, MaxCommuteKm: r.MaxCommuteKm}
	}
	if r := d.Release; r != nil {
		p.Release = &domain.Release{ExpectedDate: r.ExpectedDate}
		if rr := r.ReturnRegion; rr != nil {
			p.Release.ReturnRegion = &domain.Region{Place: toDomainPlace(rr.Place), RadiusKm: rr.RadiusKm}
		}
	}
	for _, l := range d.Languages {
		p.Languages = append(p.Languages, domain.Language{Code: l.Code, Level: l.Level})
	}
	return p
}

func toPlaceDoc(p domain.Place) placeDoc {
	return placeDoc{PlaceID: p.PlaceID, Name: p.Name, Lat: p.Lat, Lon: p.Lon}
}

func toDomainPlace(d placeDoc) domain.Place {
	return domain.Place{PlaceID: d.PlaceID, Name: d.Name, Lat: d.Lat, Lon: d.Lon}
}
