package http

import "github.com/onward-jobs/onward/services/candidates/internal/domain"

// placeBody is a gazetteer place. Requests name it by place_id; name is
// filled from the gazetteer in answers and ignored in requests, so a
// client may send back what it read.
type placeBody struct {
	PlaceID string `json:"place_id"`
	Name    string `json:"name,omitempty"`
}

// regionBody is a place and a radius around it.
type regionBody struct {
	PlaceID  string `json:"place_id"`
	Name     string `json:"name,omitempty"`
	RadiusKm int    `json:"radius_km"`
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

func toDomainPlace(b *placeBody) *domain.Place {
	if b == nil {
		return nil
	}
	return &domain.Place{PlaceID: b.PlaceID}
}

func (b *dayReleaseBody) toDomain() *domain.DayRelease {
	if b == nil {
		return nil
	}
	return &domain.DayRelease{EligibleFrom: b.EligibleFrom, Days: b.Days, Start: b.Start, End: b.End, MaxCommuteKm: b.MaxCommuteKm}
}

func (b *releaseBody) toDomain() *domain.Release {
	if b == nil {
		return nil
	}
	r := &domain.Release{ExpectedDate: b.ExpectedDate}
	if b.ReturnRegion != nil {
		r.ReturnRegion = &domain.Region{Place: domain.Place{PlaceID: b.ReturnRegion.PlaceID}, RadiusKm: b.ReturnRegion.RadiusKm}
	}
	return r
}

func toDomainLanguages(list []languageBody) []domain.Language {
	if list == nil {
		return nil
	}
	out := make([]domain.Language, 0, len(list))
	for _, l := range list {
		out = append(out, domain.Language{Code: l.Code, Level: l.Level})
	}
	return out
}

func (b *preferencesBody) toDomain() domain.Preferences {
	if b == nil {
		return domain.Preferences{}
	}
	return domain.Preferences{Sectors: b.Sectors, HoursPerWeek: b.HoursPerWeek, Contracts: b.Contracts}
}

func toPlaceBody(p domain.Place) placeBody {
	return placeBody{PlaceID: p.PlaceID, Name: p.Name}
}

func toOptionalPlaceBody(p *domain.Place) *placeBody {
	if p == nil {
		return nil
	}
	b := toPlaceBody(*p)
	return &b
}

func toDayReleaseBody(d *domain.DayRelease) *dayReleaseBody {
	if d == nil {
		return nil
	}
	return &dayReleaseBody{EligibleFrom: d.EligibleFrom, Days: nonNil(d.Days), Start: d.Start, End: d.End, MaxCommuteKm: d.MaxCommuteKm}
}

func toReleaseBody(r *domain.Release) *releaseBody {
	if r == nil {
		return nil
	}
	out := &releaseBody{ExpectedDate: r.ExpectedDate}
	if g := r.ReturnRegion; g != nil {
		out.ReturnRegion = &regionBody{PlaceID: g.PlaceID, Name: g.Name, RadiusKm: g.RadiusKm}
	}
	return out
}

func toLanguageBodies(list []domain.Language) []languageBody {
	out := make([]languageBody, 0, len(list))
	for _, l := range list {
		out = append(out, languageBody{Code: l.Code, Level: l.Level})
	}
	return out
}

func toPreferencesBody(p domain.Preferences) preferencesBody {
	return preferencesBody{Sectors: nonNil(p.Sectors), HoursPerWeek: p.HoursPerWeek, Contracts: nonNil(p.Contracts)}
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
