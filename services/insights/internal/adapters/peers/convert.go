package peers

import (
	"fmt"
	"time"

	"github.com/onward-jobs/onward/pkg/api"
	"github.com/onward-jobs/onward/pkg/geo"
	"github.com/onward-jobs/onward/services/insights/internal/domain"
	"github.com/onward-jobs/onward/services/insights/internal/service"
)

// ProgressOf converts a candidate's view into their own facts: the
// organisation, the programmes (with the kinds given by programme id),
// the setting, registration and first consent, and the place reduced to
// what the dimensions need. The place is the house for people held in a
// house and the return region for people released or on probation, each
// falling back on the other; it becomes the gazetteer's country, its
// region (country.admin1) and the urban class of its population. Nothing
// else of the view is kept: no alias, skill, place id or place name.
func ProgressOf(v api.MatchingView, kinds map[string]string, places *geo.Gazetteer) domain.Progress {
	p := domain.Progress{CandidateID: v.ID, OrganisationID: v.OrgID, Setting: string(v.Setting),
		CreatedAt: timeOf(v.CreatedAt), ConsentFirstGivenAt: timeOf(v.Consent.FirstGivenAt)}
	for _, id := range programmeIDs(v) {
		p.Programmes = append(p.Programmes, domain.ProgrammeFacts{ID: id, Kind: kinds[id]})
	}
	if place, ok := places.Place(placeIDOf(v)); ok {
		p.Country = place.Country
		if place.Region != "" {
			p.Region = place.Country + "." + place.Region
		}
		p.Urban = domain.UrbanClassOf(int64(place.Population))
	}
	return p
}

// placeIDOf returns the id of the place the candidate's dimensions come
// from, "" when the view names none.
func placeIDOf(v api.MatchingView) string {
	var house, ret string
	if v.House != nil {
		house = v.House.PlaceID
	}
	if v.Release != nil && v.Release.ReturnRegion != nil {
		ret = v.Release.ReturnRegion.PlaceID
	}
	switch v.Setting {
	case api.SettingReleased, api.SettingProbation:
		return firstOf(ret, house)
	}
	return firstOf(house, ret)
}

// programmeIDs returns the programmes the view has records in, each once.
func programmeIDs(v api.MatchingView) []string {
	var out []string
	seen := map[string]bool{}
	for _, r := range v.ProgrammeRecords {
		if r.Programme != "" && !seen[r.Programme] {
			seen[r.Programme] = true
			out = append(out, r.Programme)
		}
	}
	return out
}

// IntroductionOf converts placements' facts of an introduction: ids,
// times, the answer, outcome, placement and follow-ups. The role's
// contract kind and occupation come from the role.
func IntroductionOf(f api.IntroductionFacts) (service.Introduction, error) {
	in := domain.IntroductionFacts{ID: f.ID, RoleID: f.RoleID, EmployerOrgID: f.EmployerOrgID, RequestedAt: f.RequestedAt.UTC()}
	if a := f.Answer; a != nil {
		in.Answer = &domain.AnswerFacts{Accepted: a.Accepted, AnsweredAt: a.AnsweredAt.UTC()}
	}
	if o := f.Outcome; o != nil {
		in.Outcome = &domain.OutcomeFacts{Kind: string(o.Kind), RecordedAt: o.RecordedAt.UTC()}
	}
	if pl := f.Placement; pl != nil {
		start, err := date(pl.StartDate)
		if err != nil {
			return service.Introduction{}, fmt.Errorf("peers: introduction %s: start date: %w", f.ID, err)
		}
		var ended time.Time
		if pl.EndedOn != nil {
			if ended, err = date(*pl.EndedOn); err != nil {
				return service.Introduction{}, fmt.Errorf("peers: introduction %s: end date: %w", f.ID, err)
			}
		}
		in.Placement = &domain.PlacementFacts{ID: pl.ID, RecordedAt: pl.RecordedAt.UTC(), StartDate: start,
			Contract: string(pl.Contract), Status: string(pl.Status), EndedOn: ended}
	}
	for _, fu := range f.Followups {
		in.FollowUps = append(in.FollowUps, domain.FollowUpFacts{Day: int(fu.Day), Side: string(fu.Side), DueAt: fu.DueAt.UTC(),
			StillWorking: fu.StillWorking, AnsweredAt: timeOf(fu.AnsweredAt)})
	}
	return service.Introduction{CandidateID: f.CandidateID, Facts: in}, nil
}

// RoleOf converts a role to its contract kind and occupation.
func RoleOf(r api.Role) service.Role {
	out := service.Role{Contract: string(r.Contract)}
	if r.Occupation != nil {
		out.Occupation = *r.Occupation
	}
	return out
}

// date reads a date ("2006-01-02") as midnight UTC.
func date(s string) (time.Time, error) { return time.Parse(time.DateOnly, s) }

func timeOf(t *time.Time) time.Time {
	if t == nil {
		return time.Time{}
	}
	return t.UTC()
}

func firstOf(a, b string) string {
	if a != "" {
		return a
	}
	return b
}
