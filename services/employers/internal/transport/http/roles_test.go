package http

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

func TestCreateRoleAnswersIDStatusVersion(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	a := h.create(t, "A", barista())
	if a.str("id") == "" || a.str("status") != "draft" || a.version() != 1 || a.str("employer_id") != "emp-a" {
		t.Fatalf("created: %v", a.body)
	}
	site := a.body["site"].(map[string]any)
	if site["name"] != "Kortrijk" || site["lat"] == nil {
		t.Fatalf("site not resolved from the gazetteer: %v", site)
	}
	body := barista()
	body["status"] = "open"
	if b := h.create(t, "A", body); b.str("status") != "open" {
		t.Fatalf(`"status":"open" must create it open: %v`, b.body)
	}
	got := h.call(t, "A", "GET", "/api/v1/roles/"+a.str("id"), nil)
	if got.status != 200 || got.str("title") != "Barista" || got.version() != 1 {
		t.Fatalf("get: %d %v", got.status, got.body)
	}
}

func TestRoleFromOccupationTemplate(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	body := barista()
	delete(body, "essential_skills")
	delete(body, "optional_skills")
	a := h.create(t, "A", body)
	ess := a.body["essential_skills"].([]any)
	opt := a.body["optional_skills"].([]any)
	if len(ess) < 3 || len(opt) == 0 || ess[0].(map[string]any)["skill"] != "espresso-preparation" {
		t.Fatalf("template skills not copied: %v / %v", ess, opt)
	}
	body = barista()
	delete(body, "optional_skills")
	if b := h.create(t, "A", body); len(b.body["essential_skills"].([]any)) != 1 {
		t.Fatalf("given essential skills must be kept: %v", b.body["essential_skills"])
	}
}

// TestLifecycle walks every status pair: legal moves succeed and bump the
// version, illegal ones answer 409 listing the allowed next statuses.
func TestLifecycle(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	// The walk leaves many barista roles open in Kortrijk; the role cap
	// has its own tests.
	h.svc.Cap.PerArea = 100
	path := map[string][]string{ // how to reach each status from draft
		"draft": {}, "open": {"open"}, "paused": {"open", "paused"},
		"filled": {"open", "filled"}, "closed": {"closed"},
	}
	allowed := map[string][]string{
		"draft": {"open", "closed"}, "open": {"paused", "filled", "closed"}, "paused": {"open", "filled", "closed"},
		// Within seven days a filled or closed role may go back to its
		// previous status or to open; see TestReopen.
		"filled": {"open"}, "closed": {"draft", "open"},
	}
	for from, steps := range path {
		for _, to := range []string{"draft", "open", "paused", "filled", "closed"} {
			id := h.create(t, "A", barista()).str("id")
			for _, s := range steps {
				if a := h.call(t, "A", "POST", "/api/v1/roles/"+id+"/status", map[string]any{"status": s}); a.status != 200 {
					t.Fatalf("%s: to %s: %d %v", from, s, a.status, a.body)
				}
			}
			a := h.call(t, "A", "POST", "/api/v1/roles/"+id+"/status", map[string]any{"status": to})
			legal := slices.Contains(allowed[from], to)
			switch {
			case legal && (a.status != 200 || a.str("status") != to || a.version() != int64(len(steps))+2):
				t.Errorf("%s → %s: %d %v", from, to, a.status, a.body)
			case !legal:
				var got []string
				for _, s := range a.body["allowed"].([]any) {
					got = append(got, s.(string))
				}
				if a.status != 409 || a.ctype != "application/problem+json" || !slices.Equal(got, allowed[from]) ||
					!strings.Contains(a.str("detail"), "allowed next statuses") {
					t.Errorf("%s → %s: %d %v; want 409 allowing %v", from, to, a.status, a.body, allowed[from])
				}
			}
		}
	}
	id := h.create(t, "A", barista()).str("id")
	if a := h.call(t, "A", "POST", "/api/v1/roles/"+id+"/status", map[string]any{"status": "archived"}); a.status != 400 {
		t.Errorf("unknown status: %d", a.status)
	}
}

func TestRolesPastClosingDateCloseThemselves(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	today := time.Now().UTC().Format(time.DateOnly)
	body := barista()
	body["closing_date"] = today
	body["status"] = "open"
	due := h.create(t, "A", body).str("id")
	later := h.create(t, "A", barista()).str("id")
	filledBody := barista()
	filledBody["closing_date"] = today
	filled := h.create(t, "A", filledBody).str("id")
	h.call(t, "A", "POST", "/api/v1/roles/"+filled+"/status", map[string]any{"status": "closed"})

	if n, err := h.svc.CloseExpired(context.Background()); err != nil || n != 0 {
		t.Fatalf("a role closing today is still open today: %d %v", n, err)
	}
	h.svc.Now = func() time.Time { return time.Now().Add(24 * time.Hour) }
	if n, err := h.svc.CloseExpired(context.Background()); err != nil || n != 1 {
		t.Fatalf("closed %d roles, %v; want 1", n, err)
	}
	if a := h.call(t, "A", "GET", "/api/v1/roles/"+due, nil); a.str("status") != "closed" || a.version() != 2 {
		t.Fatalf("due role: %v", a.body)
	}
	if a := h.call(t, "A", "GET", "/api/v1/roles/"+later, nil); a.str("status") != "draft" || a.version() != 1 {
		t.Fatalf("role closing later: %v", a.body)
	}
	evs := h.streamEvents(t, h.roles)
	if last := evs[len(evs)-1]; last.AggregateID != due || last.Version != 2 || last.Type != "role.changed" {
		t.Fatalf("no event for the auto-close: %+v", last)
	}
}

func TestConcurrentPatchesOneWins(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	id := h.create(t, "A", barista()).str("id")
	var wg sync.WaitGroup
	statuses := make([]int, 2)
	for i := range statuses {
		wg.Add(1)
		go func() {
			defer wg.Done()
			statuses[i] = h.call(t, "A", "PATCH", "/api/v1/roles/"+id, map[string]any{"version": 1, "title": fmt.Sprintf("Barista %d", i)}).status
		}()
	}
	wg.Wait()
	slices.Sort(statuses)
	if !slices.Equal(statuses, []int{200, 409}) {
		t.Fatalf("two PATCHes at version 1: %v; want one 200 and one 409", statuses)
	}
	a := h.call(t, "A", "GET", "/api/v1/roles/"+id, nil)
	if a.version() != 2 || !strings.HasPrefix(a.str("title"), "Barista ") {
		t.Fatalf("after the race: %v", a.body)
	}
	if stale := h.call(t, "A", "PATCH", "/api/v1/roles/"+id, map[string]any{"version": 1, "positions": 2}); stale.status != 409 {
		t.Fatalf("stale version: %d", stale.status)
	}
	ok := h.call(t, "A", "PATCH", "/api/v1/roles/"+id, map[string]any{"version": 2, "positions": 3})
	if ok.status != 200 || ok.version() != 3 || ok.body["positions"].(float64) != 3 || !strings.HasPrefix(ok.str("title"), "Barista ") {
		t.Fatalf("patch at the current version: %d %v", ok.status, ok.body)
	}
	if a := h.call(t, "A", "PATCH", "/api/v1/roles/"+id, map[string]any{"title": "x"}); a.status != 400 || !slices.Contains(a.fields(), "version") {
		t.Fatalf("patch without version: %d %v", a.status, a.body)
	}
}

// TestBadRoleInput sends every kind of bad input the issue lists; each is a
// 400 problem naming the field, and none leaves a role behind.
func TestBadRoleInput(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	yesterday := time.Now().UTC().AddDate(0, 0, -1).Format(time.DateOnly)
	manySkills := []any{}
	for _, s := range []string{"accepting-feedback", "accuracy", "aerial-work-platform", "allergen-management", "assembly-work",
		"bakery-work", "bar-service", "barcode-scanning", "barista-skills", "basic-electrical-tasks", "basic-literacy",
		"basic-numeracy", "basic-sewing", "basic-skills", "bench-fitting", "bike-assembly", "bike-cleaning", "bike-lighting",
		"bike-parts-knowledge", "bike-refurbishment", "bike-repair", "bike-safety-check", "bike-workshop-reception",
		"binding-machines", "bookbinding", "brake-adjustment", "bread-baking", "breakfast-service", "bricklaying-basic",
		"brush-roller-technique", "brushcutter-operation"} {
		manySkills = append(manySkills, map[string]any{"skill": s, "min_level": 1})
	}
	cases := []struct {
		name   string
		change func(map[string]any)
		field  string
	}{
		{"unknown skill", func(b map[string]any) {
			b["essential_skills"] = []any{map[string]any{"skill": "espresso-preparation", "min_level": 2}, map[string]any{"skill": "juggling", "min_level": 1}}
		}, "essential_skills[1].skill"},
		{"unknown optional skill", func(b map[string]any) { b["optional_skills"] = []any{map[string]any{"skill": "nope", "min_level": 1}} }, "optional_skills[0].skill"},
		{"unknown occupation", func(b map[string]any) { b["occupation"] = "astronaut" }, "occupation"},
		{"unknown place", func(b map[string]any) { b["site"] = map[string]any{"place_id": "999999999"} }, "site.place_id"},
		{"level 0", func(b map[string]any) {
			b["essential_skills"] = []any{map[string]any{"skill": "espresso-preparation", "min_level": 0}}
		}, "essential_skills[0].min_level"},
		{"level 5", func(b map[string]any) {
			b["optional_skills"] = []any{map[string]any{"skill": "latte-art", "min_level": 5}}
		}, "optional_skills[0].min_level"},
		{"start in the past", func(b map[string]any) { b["start_date"] = yesterday }, "start_date"},
		{"end before start", func(b map[string]any) {
			b["contract"] = "fixed_term"
			b["end_date"] = time.Now().UTC().AddDate(0, 1, 0).Format(time.DateOnly)
		}, "end_date"},
		{"fixed term without end", func(b map[string]any) { b["contract"] = "temporary" }, "end_date"},
		{"window ends before it starts", func(b map[string]any) {
			b["schedule"] = map[string]any{"days": []string{"mon"}, "start": "15:00", "end": "07:00"}
		}, "schedule.end"},
		{"shift ends before it starts", func(b map[string]any) {
			b["schedule"] = map[string]any{"shifts": []any{map[string]any{"day": "sat", "start": "22:00", "end": "06:00"}}}
		}, "schedule.shifts[0].end"},
		{"more than 30 skills", func(b map[string]any) { b["essential_skills"] = manySkills }, "essential_skills"},
		{"title over 120", func(b map[string]any) { b["title"] = strings.Repeat("é", 121) }, "title"},
		{"description over 5000", func(b map[string]any) { b["description"] = strings.Repeat("a", 5001) }, "description"},
		{"sector", func(b map[string]any) { b["sector"] = "Z" }, "sector"},
		{"language code", func(b map[string]any) { b["languages"] = []any{map[string]any{"code": "xx", "min_level": "B1"}} }, "languages[0].code"},
		{"language level", func(b map[string]any) { b["languages"] = []any{map[string]any{"code": "nl", "min_level": "D1"}} }, "languages[0].min_level"},
		{"day", func(b map[string]any) {
			b["schedule"] = map[string]any{"days": []string{"monday"}, "start": "07:00", "end": "15:00"}
		}, "schedule.days[0]"},
		{"hours", func(b map[string]any) { b["hours_per_week"] = 61 }, "hours_per_week"},
		{"contract", func(b map[string]any) { b["contract"] = "zero_hours" }, "contract"},
		{"positions", func(b map[string]any) { b["positions"] = 0 }, "positions"},
		{"closing in the past", func(b map[string]any) { b["closing_date"] = yesterday }, "closing_date"},
		{"no site", func(b map[string]any) { delete(b, "site") }, "site"},
		{"coordinates out of range", func(b map[string]any) { b["site"] = map[string]any{"name": "Yard", "lat": 91, "lon": 3} }, "site.lat"},
		{"unknown field", func(b map[string]any) { b["salary"] = 10 }, "salary"},
		{"wrong type", func(b map[string]any) { b["positions"] = "two" }, "positions"},
		{"status", func(b map[string]any) { b["status"] = "filled" }, "status"},
	}
	for _, tc := range cases {
		body := barista()
		tc.change(body)
		a := h.call(t, "A", "POST", "/api/v1/roles", body)
		if a.status != 400 || a.ctype != "application/problem+json" || !slices.Contains(a.fields(), tc.field) {
			t.Errorf("%s: %d %v; want 400 naming %s", tc.name, a.status, a.body, tc.field)
		}
	}
	body := barista()
	body["title"] = strings.Repeat("x", 121)
	body["positions"] = 0
	body["essential_skills"] = []any{map[string]any{"skill": "nope", "min_level": 9}}
	a := h.call(t, "A", "POST", "/api/v1/roles", body)
	for _, f := range []string{"title", "positions", "essential_skills[0].skill", "essential_skills[0].min_level"} {
		if !slices.Contains(a.fields(), f) {
			t.Errorf("all field errors in one answer: missing %s in %v", f, a.fields())
		}
	}
	if list := h.call(t, "A", "GET", "/api/v1/roles", nil); len(list.items()) != 0 {
		t.Fatalf("a rejected create left %d roles behind", len(list.items()))
	}
	if evs := h.streamEvents(t, h.roles); len(evs) != 0 {
		t.Fatalf("a rejected create published %d events", len(evs))
	}
	// A bad PATCH changes nothing either.
	id := h.create(t, "A", barista()).str("id")
	if a := h.call(t, "A", "PATCH", "/api/v1/roles/"+id, map[string]any{"version": 1, "title": "New", "hours_per_week": 0}); a.status != 400 ||
		!slices.Contains(a.fields(), "hours_per_week") {
		t.Fatalf("bad patch: %d %v", a.status, a.body)
	}
	if a := h.call(t, "A", "GET", "/api/v1/roles/"+id, nil); a.str("title") != "Barista" || a.version() != 1 {
		t.Fatalf("a rejected patch changed the role: %v", a.body)
	}
}

func TestAlternativeSitesAndSchedules(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	body := barista()
	body["site"] = map[string]any{"name": "Depot", "lat": 50.9, "lon": 3.3}
	body["schedule"] = map[string]any{"shifts": []any{map[string]any{"day": "sat", "start": "06:00", "end": "14:00"}}}
	body["contract"] = "fixed_term"
	body["end_date"] = time.Now().UTC().AddDate(1, 0, 0).Format(time.DateOnly)
	h.create(t, "A", body)
	body = barista()
	delete(body, "site")
	delete(body, "start_date")
	body["remote"] = true
	body["start_asap"] = true
	if a := h.create(t, "A", body); a.body["site"] != nil || a.body["start_asap"] != true {
		t.Fatalf("remote role: %v", a.body)
	}
}

func TestEditsAfterDatesHavePassed(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	today := time.Now().UTC().Format(time.DateOnly)
	body := barista()
	body["start_date"], body["closing_date"], body["status"] = today, today, "open"
	id := h.create(t, "A", body).str("id")
	if a := h.call(t, "A", "POST", "/api/v1/roles/"+id+"/status", map[string]any{"status": "paused"}); a.status != 200 {
		t.Fatalf("pause: %d %v", a.status, a.body)
	}
	h.svc.Now = func() time.Time { return time.Now().Add(48 * time.Hour) }
	if a := h.call(t, "A", "PATCH", "/api/v1/roles/"+id, map[string]any{"version": 2, "title": "Barista (mornings)"}); a.status != 200 {
		t.Fatalf("an edit that keeps a passed start date must be accepted: %d %v", a.status, a.body)
	}
	if a := h.call(t, "A", "POST", "/api/v1/roles/"+id+"/status", map[string]any{"status": "open"}); a.status != 400 || !slices.Contains(a.fields(), "closing_date") {
		t.Fatalf("reopening past the closing date: %d %v", a.status, a.body)
	}
	if a := h.call(t, "A", "PATCH", "/api/v1/roles/"+id, map[string]any{"version": 3, "start_date": time.Now().UTC().AddDate(0, 0, -1).Format(time.DateOnly)}); a.status != 400 || !slices.Contains(a.fields(), "start_date") {
		t.Fatalf("moving the start date into the past: %d %v", a.status, a.body)
	}
	later := time.Now().UTC().AddDate(0, 1, 0).Format(time.DateOnly)
	if a := h.call(t, "A", "PATCH", "/api/v1/roles/"+id, map[string]any{"version": 3, "closing_date": later}); a.status != 200 {
		t.Fatalf("new closing date: %d %v", a.status, a.body)
	}
	if a := h.call(t, "A", "POST", "/api/v1/roles/"+id+"/status", map[string]any{"status": "open"}); a.status != 200 || a.version() != 5 {
		t.Fatalf("reopen: %d %v", a.status, a.body)
	}
}
