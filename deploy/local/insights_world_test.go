package launcher

import (
	"fmt"
	"net/http"
	"slices"
	"sync/atomic"
	"testing"
	"time"

	"github.com/onward-jobs/onward/pkg/api"
)

// stored returns t as the services store it (UTC, whole milliseconds),
// so the test counts days from the same instants the services recorded
// rather than from its own reading of the clock a moment later.
func stored(t time.Time) time.Time { return t.UTC().Truncate(time.Millisecond) }

// testClock is the business clock of the services an outcomes test
// moves through the months: the wall clock plus an offset the test sets.
// It keeps ticking, so the services' own waits (sweeps, relays) still
// pass while a simulated day lasts.
type testClock struct{ offset atomic.Int64 }

// Now is the services' time.
func (c *testClock) Now() time.Time { return time.Now().Add(time.Duration(c.offset.Load())).UTC() }

// Set moves the clock to t.
func (c *testClock) Set(t time.Time) { c.offset.Store(int64(time.Until(t))) }

// outcomePlace is a place of the outcomes test: far enough from every
// other (more than the commute and return radius the candidates are
// given) that a role there shortlists only the candidates who live there.
type outcomePlace struct {
	id, country, region, urban string
}

// outcomePlaces are eight places over three countries, five regions and
// the three urban classes the gazetteer's population gives.
var outcomePlaces = []outcomePlace{
	{"2794055", "BE", "BE.VLG", "urban"}, // Kortrijk, 73,879
	{"2790471", "BE", "BE.WAL", "urban"}, // Namur, 106,284
	{"2799851", "BE", "BE.WAL", "rural"}, // Daverdisse, 1,299
	{"2796491", "BE", "BE.VLG", "urban"}, // Hasselt, 69,222
	{"2803073", "BE", "BE.WAL", "town"},  // Arlon, 26,179
	{"2745912", "NL", "NL.09", "urban"},  // Utrecht, 290,529
	{"2745906", "NL", "NL.05", "town"},   // Vaals, 6,970
	{"2925177", "DE", "DE.01", "urban"},  // Freiburg, 215,966
}

// outcomeSettings are the settings the candidates are spread over.
var outcomeSettings = []string{"detention_house", "transition_house", "released", "probation"}

// outcomeProgramme is a programme of one of the test's organisations.
type outcomeProgramme struct{ id, kind string }

// outcomeOrg is a programme organisation of the test.
type outcomeOrg struct {
	id, email  string
	staff      apiClient // its admin, who registers, answers and reads the report
	programmes []outcomeProgramme
}

// outcomeRole is an employer's open role at one place.
type outcomeRole struct {
	id, contract, occupation string
	employer                 int
}

// person is one generated candidate and everything the test did with
// them, with the business time of each step: the test's own record, from
// which the expected report is counted.
type person struct {
	idx       int
	id, alias string
	org       int
	programme outcomeProgramme
	setting   string
	place     int
	consents  bool

	registered, consented, shortlisted time.Time
	// The request to meet, if any.
	intro                        string
	role                         *outcomeRole
	asked, answered              time.Time
	accepted                     bool
	outcome                      string
	outcomeAt                    time.Time
	placement                    string
	startDate, endedOn           time.Time
	placementContract            string
	answers                      []followUpAnswer
	followUps                    map[string]bool // follow-up ids answered
	declineNext, hireNext, askMe bool
}

// followUpAnswer is one side's answer for one day, as the test gave it.
type followUpAnswer struct {
	day     int
	side    string
	working bool
	at      time.Time
}

// outcomesWorld drives the outcomes test: two programme organisations,
// two employers with a role at every place, an observer, and 200
// candidates registered over twelve months.
type outcomesWorld struct {
	t        *testing.T
	p        *platform
	clock    *testClock
	first    time.Time // the first day of the first month
	platform apiClient
	orgs     []*outcomeOrg
	employer []apiClient
	roles    []*outcomeRole // one per outcomePlaces entry
	people   []*person
}

// monthDay returns 10:00 UTC on the given day of month m of the test.
func (w *outcomesWorld) monthDay(m, day int) time.Time {
	return w.first.AddDate(0, m, day-1).Add(10 * time.Hour)
}

// at moves the business clock to the given day of month m.
func (w *outcomesWorld) at(m, day int) { w.clock.Set(w.monthDay(m, day)) }

// newOutcomesWorld creates the organisations, programmes, employers and
// roles at the start of the first month.
func newOutcomesWorld(t *testing.T, p *platform, clock *testClock, first time.Time) *outcomesWorld {
	w := &outcomesWorld{t: t, p: p, clock: clock, first: first, platform: p.client(t, login(t, p))}
	w.at(0, 1)
	kinds := [][]string{{"coffee_roastery", "catering"}, {"garden"}}
	for i, name := range []string{"Transitiehuis Noord", "Detentiehuis Zuid"} {
		email, staff := newProgrammeOrg(t, p, name)
		var me api.Account
		staff.do("GET", "/api/v1/me", nil, http.StatusOK, &me)
		org := &outcomeOrg{id: me.Organisation.ID, email: email, staff: staff}
		for j, kind := range kinds[i] {
			var prog struct{ ID string }
			staff.do("POST", "/api/v1/programmes", map[string]any{"name": fmt.Sprintf("Werkplaats %d", j+1), "kind": kind,
				"site": map[string]any{"place_id": kortrijk}, "skills": []string{"espresso-preparation"}}, http.StatusCreated, &prog)
			org.programmes = append(org.programmes, outcomeProgramme{id: prog.ID, kind: kind})
		}
		w.orgs = append(w.orgs, org)
	}
	for _, name := range []string{"Koffiebar De Haven", "Brasserie Het Plein"} {
		_, emp := newEmployer(t, p, name)
		w.employer = append(w.employer, emp)
	}
	contracts := []string{"permanent", "temporary", "work_placement", "permanent"}
	for i, pl := range outcomePlaces {
		r := &outcomeRole{employer: i % 2, contract: contracts[i%len(contracts)]}
		if i%3 != 2 {
			r.occupation = "barista"
		}
		body := map[string]any{
			"title": "Barista", "description": "Morning shifts.", "sector": "I", "site": map[string]any{"place_id": pl.id},
			"essential_skills": []any{map[string]any{"skill": "espresso-preparation", "min_level": 2}},
			"schedule":         map[string]any{"days": []string{"mon", "tue", "wed"}, "start": "07:00", "end": "15:00"},
			"hours_per_week":   24, "contract": r.contract, "start_asap": true, "day_release_ok": true, "status": "open", "positions": 100,
		}
		if r.occupation != "" {
			body["occupation"] = r.occupation
		}
		if r.contract != "permanent" {
			body["end_date"] = w.clock.Now().AddDate(2, 0, 0).Format(time.DateOnly)
		}
		var role struct{ ID string }
		w.employer[r.employer].do("POST", "/api/v1/roles", body, http.StatusCreated, &role)
		r.id = role.ID
		w.roles = append(w.roles, r)
	}
	return w
}

// register registers the n candidates of month m: spread over the
// organisations, programmes, settings and places; six in seven consent
// to matching.
func (w *outcomesWorld) register(m, n int) []*person {
	w.at(m, 2)
	var cohort []*person
	for range n {
		idx := len(w.people)
		pr := &person{idx: idx, org: idx % 5 / 3, setting: outcomeSettings[idx%4], place: idx % len(outcomePlaces), consents: idx%7 != 3,
			followUps: map[string]bool{}}
		org := w.orgs[pr.org]
		pr.programme = org.programmes[idx%len(org.programmes)]
		place := outcomePlaces[pr.place].id
		body := map[string]any{
			"given_name": fmt.Sprintf("Kandidaat%03d", idx), "family_name": "Verbeke", "date_of_birth": "1990-03-14",
			"setting": pr.setting, "languages": []any{map[string]any{"code": "nl", "level": "C2"}},
		}
		today := w.clock.Now().Format(time.DateOnly)
		if pr.setting == "detention_house" || pr.setting == "transition_house" {
			body["house"] = map[string]any{"place_id": place}
			body["day_release"] = map[string]any{"eligible_from": w.clock.Now().AddDate(0, 0, -7).Format(time.DateOnly),
				"days": []string{"mon", "tue", "wed", "thu", "fri"}, "start": "06:00", "end": "20:00", "max_commute_km": 20}
		} else {
			body["release"] = map[string]any{"return_region": map[string]any{"place_id": place, "radius_km": 20}}
		}
		var c struct {
			ID, Alias string
			CreatedAt time.Time `json:"created_at"`
		}
		org.staff.do("POST", "/api/v1/candidates", body, http.StatusCreated, &c)
		pr.id, pr.alias, pr.registered = c.ID, c.Alias, stored(c.CreatedAt)
		org.staff.do("POST", "/api/v1/candidates/"+c.ID+"/programme-records", map[string]any{"programme": pr.programme.id, "from": today, "hours": 300}, http.StatusCreated, nil)
		org.staff.do("POST", "/api/v1/candidates/"+c.ID+"/skills", map[string]any{"skill": "espresso-preparation", "level": 3, "hours": 300, "programme": pr.programme.id}, http.StatusCreated, nil)
		if pr.consents {
			org.staff.do("PUT", "/api/v1/candidates/"+c.ID+"/consent", map[string]any{"matching": true, "text_version": "2026-11"}, http.StatusOK, nil)
			pr.consented = w.clock.Now()
		}
		w.people = append(w.people, pr)
		cohort = append(cohort, pr)
	}
	return cohort
}

// settleShortlists waits until every role's shortlist holds every
// consenting candidate of its place not seen on it yet, and records the
// time each was first seen there. Nobody is shortlisted unseen: the test
// looks right after registering, no shortlist can overflow (a place holds
// at most 25 people, one page of the list 100), and what happens to a person's
// place on the list later (a request answered no, a score that ages)
// does not change when they were first on one. No shortlist can overflow (a place holds at
// most 25 people, a shortlist 50), so nobody is shortlisted unseen.
func (w *outcomesWorld) settleShortlists() {
	w.t.Helper()
	for i, r := range w.roles {
		want := map[string]*person{}
		for _, pr := range w.people {
			if pr.place == i && pr.consents && pr.shortlisted.IsZero() {
				want[pr.alias] = pr
			}
		}
		var on []string
		for deadline := time.Now().Add(45 * time.Second); ; time.Sleep(200 * time.Millisecond) {
			var s api.Shortlist
			w.employer[r.employer].do("GET", "/api/v1/roles/"+r.id+"/shortlist?limit=100", nil, http.StatusOK, &s)
			on = aliases(s)
			missing := 0
			for a := range want {
				if !slices.Contains(on, a) {
					missing++
				}
			}
			if missing == 0 {
				break
			}
			if time.Now().After(deadline) {
				for a, pr := range want {
					if !slices.Contains(on, a) {
						w.t.Errorf("candidate %d (%s, %s, registered %s, asked %v, outcome %q) is not on the shortlist of the role at place %d",
							pr.idx, a, pr.setting, monthName(pr.registered), !pr.asked.IsZero(), pr.outcome, i)
					}
				}
				w.t.FailNow()
			}
		}
		for _, pr := range w.people {
			if pr.place == i && slices.Contains(on, pr.alias) && pr.shortlisted.IsZero() {
				pr.shortlisted = w.clock.Now()
			}
		}
	}
}

// ask has the employers ask to meet three in five of the shortlisted
// candidates registered in month m who were never asked.
func (w *outcomesWorld) ask(m int) []*person {
	var asked []*person
	for _, pr := range w.people {
		if pr.shortlisted.IsZero() || pr.intro != "" || !sameMonth(pr.registered, w.monthDay(m, 1)) || pr.idx%5 >= 3 {
			continue
		}
		r := w.roles[pr.place]
		emp := w.employer[r.employer]
		var s api.Shortlist
		emp.do("GET", "/api/v1/roles/"+r.id+"/shortlist?limit=100", nil, http.StatusOK, &s)
		card := cardOf(w.t, s, pr.alias)
		now := w.clock.Now()
		meeting := map[string]any{"mode": "at_site", "windows": []any{map[string]any{
			"start": now.Add(72 * time.Hour).Format(time.RFC3339), "end": now.Add(73 * time.Hour).Format(time.RFC3339)}}}
		var in api.Introduction
		emp.do("POST", "/api/v1/roles/"+r.id+"/introductions", map[string]any{"candidate_ref": card.CandidateRef, "meeting": meeting}, http.StatusCreated, &in)
		pr.intro, pr.role, pr.asked = in.ID, r, stored(in.RequestedAt)
		asked = append(asked, pr)
	}
	return asked
}

// answer has staff accept three in four requests and decline the rest.
func (w *outcomesWorld) answer(asked []*person) {
	for _, pr := range asked {
		staff := w.orgs[pr.org].staff
		pr.accepted = pr.idx%4 != 1
		body := map[string]any{"accept": false, "decline_reason": "not_now"}
		if pr.accepted {
			body = map[string]any{"accept": true, "consent_text_version": "2026-12", "contact": "through_staff"}
		}
		var in api.Introduction
		staff.do("POST", "/api/v1/introductions/"+pr.intro+"/answer", body, http.StatusOK, &in)
		if in.Answer == nil {
			w.t.Fatalf("the answer to %s was not recorded: %+v", pr.intro, in)
		}
		pr.answered = stored(in.Answer.AnsweredAt)
	}
}

// meet records the outcome of every accepted request of month m: half
// hired (starting today, on a contract of their own), three in ten not
// hired, the rest did not take place.
func (w *outcomesWorld) meet(m int) {
	contracts := []string{"permanent", "fixed_term", "day_release"}
	for _, pr := range w.people {
		if !pr.accepted || pr.outcome != "" || !sameMonth(pr.asked, w.monthDay(m, 1)) {
			continue
		}
		emp := w.employer[pr.role.employer]
		var body map[string]any
		switch pr.idx % 10 {
		case 0, 2, 4, 6, 8:
			pr.outcome = "hired"
			pr.placementContract = contracts[pr.idx%3]
			pr.startDate = dateOf(w.clock.Now())
			body = map[string]any{"outcome": "hired", "placement": map[string]any{"start_date": pr.startDate.Format(time.DateOnly), "contract": pr.placementContract, "hours_per_week": 24}}
		case 1, 3, 5:
			pr.outcome = "not_hired"
			body = map[string]any{"outcome": "not_hired", "reason": "skills"}
		default:
			pr.outcome = "did_not_take_place"
			body = map[string]any{"outcome": "did_not_take_place"}
		}
		var in api.Introduction
		emp.do("POST", "/api/v1/introductions/"+pr.intro+"/outcome", body, http.StatusOK, &in)
		if in.Outcome == nil {
			w.t.Fatalf("the outcome of %s was not recorded: %+v", pr.intro, in)
		}
		pr.outcomeAt = stored(in.Outcome.RecordedAt)
		if pr.outcome == "hired" {
			if in.PlacementID == nil {
				w.t.Fatalf("hired gave no placement: %+v", in)
			}
			pr.placement = *in.PlacementID
		}
	}
}

// answerFollowUps answers the follow-ups that have come due, as each side
// finds them in its list: by candidate, the employer says still working,
// the employer says not working, the programme says still working, or
// nobody answers. One in nine placements is ended early by staff instead,
// once it is fifty days old.
func (w *outcomesWorld) answerFollowUps() {
	today := w.clock.Now()
	byPlacement := map[string]*person{}
	for _, pr := range w.people {
		if pr.placement == "" || !pr.endedOn.IsZero() {
			continue
		}
		if pr.idx%9 == 4 && today.Sub(pr.startDate) > 50*24*time.Hour {
			end := dateOf(today).AddDate(0, 0, -3)
			w.orgs[pr.org].staff.do("POST", "/api/v1/placements/"+pr.placement+"/end", map[string]any{"ended_on": end.Format(time.DateOnly), "reason": "moved_job"}, http.StatusOK, nil)
			pr.endedOn = end
			continue
		}
		byPlacement[pr.placement] = pr
	}
	sides := map[string][]apiClient{"employer": w.employer, "programme": {w.orgs[0].staff, w.orgs[1].staff}}
	for side, clients := range sides {
		for _, client := range clients {
			for _, f := range openFollowUps(w.t, client, today) {
				pr := byPlacement[f.PlacementID]
				if pr == nil || string(f.Audience) != side || pr.followUps[f.ID] {
					continue
				}
				policy := pr.idx / 2 % 4
				if policy == 3 || (policy == 2) != (side == "programme") {
					continue
				}
				working := policy != 1
				body := map[string]any{"still_working": working}
				if !working {
					body["reason"] = "left"
				}
				client.do("POST", "/api/v1/followups/"+f.ID, body, http.StatusOK, nil)
				pr.followUps[f.ID] = true
				pr.answers = append(pr.answers, followUpAnswer{day: int(f.Day), side: side, working: working, at: w.clock.Now()})
			}
		}
	}
}

// openFollowUps lists every open follow-up of the caller's side due by
// today, page by page.
func openFollowUps(t *testing.T, client apiClient, today time.Time) []api.FollowUp {
	var out []api.FollowUp
	cursor := ""
	for {
		path := "/api/v1/followups?status=open&limit=100&due_before=" + today.AddDate(0, 0, 1).Format(time.DateOnly)
		if cursor != "" {
			path += "&cursor=" + cursor
		}
		var page api.FollowUpPage
		client.do("GET", path, nil, http.StatusOK, &page)
		out = append(out, page.Items...)
		if page.NextCursor == nil || *page.NextCursor == "" {
			return out
		}
		cursor = *page.NextCursor
	}
}

// sameMonth reports whether a and b fall in the same UTC month.
func sameMonth(a, b time.Time) bool {
	return !a.IsZero() && a.UTC().Year() == b.UTC().Year() && a.UTC().Month() == b.UTC().Month()
}

// dateOf returns midnight UTC of t's day.
func dateOf(t time.Time) time.Time {
	y, m, d := t.UTC().Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// monthName is a month as the report writes it.
func monthName(t time.Time) string { return t.UTC().Format("2006-01") }

// orgOf names a person's organisation for the organisation dimension.
func (w *outcomesWorld) orgOf(pr *person) string { return w.orgs[pr.org].id }
