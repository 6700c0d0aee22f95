// Package peerstest is a fake of the owners insights reads from: one
// in-memory world of candidates' views, first shortlistings,
// introductions' facts, roles and programmes, changed by the same steps
// the real services take, each returning the events the owner would
// publish. It serves the owners' internal API over HTTP (the same JSON and
// JSON lines) for tests of the whole path, and answers in-process as a
// service.Owners for benchmarks of the fold apart from HTTP.
package peerstest

import (
	"fmt"
	"slices"
	"sync"
	"time"

	"github.com/google/uuid"

	"github.com/onward-jobs/onward/pkg/api"
	"github.com/onward-jobs/onward/pkg/events"
)

// World is the owners' state. It is safe for concurrent use.
type World struct {
	mu         sync.Mutex
	now        func() time.Time
	views      map[string]api.MatchingView
	shortlists map[string]api.CandidateShortlisting
	facts      map[string]api.IntroductionFacts
	roles      map[string]api.Role
	programmes map[string]api.InternalProgramme
	versions   map[string]int64
	// calls counts the requests served, by path pattern.
	calls map[string]int
}

// NewWorld returns an empty world whose steps happen at now().
func NewWorld(now func() time.Time) *World {
	return &World{now: now, views: map[string]api.MatchingView{}, shortlists: map[string]api.CandidateShortlisting{},
		facts: map[string]api.IntroductionFacts{}, roles: map[string]api.Role{}, programmes: map[string]api.InternalProgramme{},
		versions: map[string]int64{}, calls: map[string]int{}}
}

// event returns the envelope an owner publishes about aggregate id,
// numbering its versions. The caller holds w.mu.
func (w *World) event(typ, id, producer string) events.Envelope {
	w.versions[id]++
	e, err := events.NewEnvelope(typ, id, w.versions[id], producer)
	if err != nil {
		panic(err)
	}
	e.OccurredAt = w.now().UTC()
	return e
}

// AddProgramme adds a work programme of an organisation.
func (w *World) AddProgramme(id, orgID, kind string) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.programmes[id] = api.InternalProgramme{ID: id, OrgID: orgID, Kind: api.ProgrammeKind(kind), Name: "Programme " + id}
}

// AddRole adds a role of an employer.
func (w *World) AddRole(id, employerID, contract, occupation string) {
	w.mu.Lock()
	defer w.mu.Unlock()
	occ := occupation
	w.roles[id] = api.Role{ID: id, EmployerID: employerID, Contract: api.Contract(contract), Occupation: &occ, Title: "Role " + id}
}

// ChangeRole changes a role's contract kind and occupation.
func (w *World) ChangeRole(id, contract, occupation string) events.Envelope {
	w.mu.Lock()
	defer w.mu.Unlock()
	r := w.roles[id]
	occ := occupation
	r.Contract, r.Occupation = api.Contract(contract), &occ
	w.roles[id] = r
	return w.event("role.changed", id, "employers")
}

// Register registers a candidate of an organisation, in a setting, with
// records in programmes, held in the house at houseID and returning to
// returnID (either "" for none).
func (w *World) Register(orgID, setting string, programmes []string, houseID, returnID string) (string, events.Envelope) {
	w.mu.Lock()
	defer w.mu.Unlock()
	id := uuid.NewString()
	now := w.now().UTC()
	v := api.MatchingView{ID: id, OrgID: orgID, Alias: "Fox " + id[:4], Setting: api.Setting(setting), CreatedAt: &now}
	for _, p := range programmes {
		v.ProgrammeRecords = append(v.ProgrammeRecords, api.MatchingProgrammeRecord{Programme: p, From: "2024-01-01", Hours: 100})
	}
	if houseID != "" {
		v.House = &api.GeoPlace{PlaceID: houseID, Name: "a house"}
	}
	if returnID != "" {
		v.Release = &api.MatchingRelease{ReturnRegion: &api.GeoRegion{PlaceID: returnID, Name: "a region", RadiusKm: 20}}
	}
	w.views[id] = v
	return id, w.event("candidate.changed", id, "candidates")
}

// Consent records the candidate's consent to matching (withdrawn when
// false); the first time it was given is kept through withdrawals.
func (w *World) Consent(id string, given bool) events.Envelope {
	w.mu.Lock()
	defer w.mu.Unlock()
	v := w.views[id]
	v.Consent.Matching = given
	if given && v.Consent.FirstGivenAt == nil {
		now := w.now().UTC()
		v.Consent.FirstGivenAt = &now
	}
	w.views[id] = v
	return w.event("candidate.consent_changed", id, "candidates")
}

// ChangeSetting moves the candidate to another setting.
func (w *World) ChangeSetting(id, setting string) events.Envelope {
	w.mu.Lock()
	defer w.mu.Unlock()
	v := w.views[id]
	v.Setting = api.Setting(setting)
	w.views[id] = v
	return w.event("candidate.changed", id, "candidates")
}

// Shortlist records the candidate's first shortlisting, on roleID; a
// later one changes nothing and announces nothing.
func (w *World) Shortlist(id, roleID string) []events.Envelope {
	w.mu.Lock()
	defer w.mu.Unlock()
	if _, ok := w.shortlists[id]; ok {
		return nil
	}
	w.shortlists[id] = api.CandidateShortlisting{CandidateID: id, FirstAt: w.now().UTC(), FirstRoleID: roleID}
	return []events.Envelope{w.event("matches.candidate_shortlisted", id, "matching")}
}

// Ask records an employer's request to meet the candidate for a role and
// returns the introduction's id.
func (w *World) Ask(candidateID, roleID string) (string, events.Envelope) {
	w.mu.Lock()
	defer w.mu.Unlock()
	id := uuid.NewString()
	v := w.views[candidateID]
	w.facts[id] = api.IntroductionFacts{ID: id, CandidateID: candidateID, CandidateOrgID: v.OrgID, RoleID: roleID,
		EmployerOrgID: w.roles[roleID].EmployerID, RequestedAt: w.now().UTC(), Status: "requested", Followups: []api.IntroductionFactsFollowUp{}}
	return id, w.event("introduction.requested", id, "placements")
}

// Answer records the candidate's answer to a request.
func (w *World) Answer(introID string, accepted bool) events.Envelope {
	return w.change(introID, "introduction.answered", func(f *api.IntroductionFacts) {
		f.Answer = &api.IntroductionFactsAnswer{Accepted: accepted, AnsweredAt: w.now().UTC()}
		f.Status = map[bool]api.IntroductionStatus{true: "accepted", false: "declined"}[accepted]
	})
}

// Meet records how the meeting went: hired, not_hired or
// did_not_take_place.
func (w *World) Meet(introID, outcome string) events.Envelope {
	return w.change(introID, "meeting.recorded", func(f *api.IntroductionFacts) {
		f.Outcome = &api.IntroductionFactsOutcome{Kind: api.MeetingOutcomeKind(outcome), RecordedAt: w.now().UTC()}
	})
}

// Hire records a placement starting on start, with its six follow-ups.
func (w *World) Hire(introID string, start time.Time, contract string) events.Envelope {
	return w.change(introID, "placement.started", func(f *api.IntroductionFacts) {
		f.Placement = &api.IntroductionFactsPlacement{ID: uuid.NewString(), RecordedAt: w.now().UTC(), StartDate: start.Format(time.DateOnly),
			Contract: api.ContractKind(contract), Status: "active"}
		for _, day := range []int{30, 90, 180} {
			for _, side := range []string{"employer", "programme"} {
				y, m, d := start.Date()
				f.Followups = append(f.Followups, api.IntroductionFactsFollowUp{Day: api.IntroductionFactsFollowUpDay(day),
					Side: api.PartySide(side), DueAt: time.Date(y, m, d+day, 0, 0, 0, 0, time.UTC)})
			}
		}
	})
}

// AnswerFollowUp records one side's answer for a day.
func (w *World) AnswerFollowUp(introID string, day int, side string, working bool) events.Envelope {
	return w.change(introID, "followup.recorded", func(f *api.IntroductionFacts) {
		for i := range f.Followups {
			if int(f.Followups[i].Day) == day && string(f.Followups[i].Side) == side {
				now := w.now().UTC()
				f.Followups[i].StillWorking, f.Followups[i].AnsweredAt = &working, &now
			}
		}
	})
}

// End records the placement's end on endedOn.
func (w *World) End(introID string, endedOn time.Time) events.Envelope {
	return w.change(introID, "placement.ended", func(f *api.IntroductionFacts) {
		s := endedOn.Format(time.DateOnly)
		f.Placement.Status, f.Placement.EndedOn = "ended", &s
	})
}

// change applies fn to an introduction and returns its event.
func (w *World) change(introID, typ string, fn func(*api.IntroductionFacts)) events.Envelope {
	w.mu.Lock()
	defer w.mu.Unlock()
	f, ok := w.facts[introID]
	if !ok {
		panic(fmt.Sprintf("peerstest: no introduction %s", introID))
	}
	fn(&f)
	w.facts[introID] = f
	return w.event(typ, introID, "placements")
}

// Erase forgets the candidate everywhere, as the owners do on erasure.
func (w *World) Erase(id string) events.Envelope {
	w.mu.Lock()
	defer w.mu.Unlock()
	delete(w.views, id)
	delete(w.shortlists, id)
	for iid, f := range w.facts {
		if f.CandidateID == id {
			delete(w.facts, iid)
		}
	}
	return w.event("candidate.erased", id, "candidates")
}

// Candidates returns the ids of the living candidates.
func (w *World) Candidates() []string {
	w.mu.Lock()
	defer w.mu.Unlock()
	out := make([]string, 0, len(w.views))
	for id := range w.views {
		out = append(out, id)
	}
	slices.Sort(out)
	return out
}

// Calls returns how many requests the HTTP fake served for a pattern.
func (w *World) Calls(pattern string) int {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.calls[pattern]
}
