package launcher

import (
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"os"
	"slices"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/onward-jobs/onward/pkg/api"
	"github.com/onward-jobs/onward/pkg/geo"
	"github.com/onward-jobs/onward/pkg/skills"
	"github.com/onward-jobs/onward/pkg/testkit"
)

// stackTowns are the Flemish towns the benchmark's houses, candidates'
// return regions and roles' sites are drawn from.
var stackTowns = []string{"Kortrijk", "Gent", "Brugge", "Roeselare", "Oudenaarde", "Aalst", "Ieper", "Waregem", "Deinze", "Tielt", "Menen", "Harelbeke"}

// stackOccupations are the trades the benchmark's candidates trained in and
// its roles ask for.
var stackOccupations = []string{"barista", "kitchen-assistant", "warehouse-operative", "gardener", "cleaner", "forklift-driver", "bakers-assistant", "bike-mechanic"}

// BenchmarkRoleToShortlistThroughTheStack measures the end-to-end
// figure on the whole platform (gateway, the four services, Redis and the
// Mongo-wire server): with STACK_CANDIDATES consenting candidates (20,000
// by default) registered through the API, role changes arrive through the
// API at 20 per second for STACK_DURATION (a minute by default), half of
// them new open roles and half edits of open ones; each is timed from the
// API's answer until its shortlist, at that role version, is readable
// through the API. It reports p50 and p99 in milliseconds (target: p99 ≤
// 1 s) and how long seeding took. Registering 20,000 candidates through
// the API takes a quarter of an hour or so on the embedded FerretDB on two
// cores (25 a second at 18,000), so keep STACK_DATA_DIR between runs: a
// later run registers only what is missing. A later run also waits longer for
// the platform to start, while matching loads every candidate in pages
// that FerretDB finds by decoding the whole collection.
// Run it alone:
//
//	cd deploy/local && go test -run '^$' -bench ThroughTheStack -benchtime 1x
func BenchmarkRoleToShortlistThroughTheStack(b *testing.B) {
	n := envInt("STACK_CANDIDATES", 20000)
	duration := envDuration("STACK_DURATION", time.Minute)
	// With STACK_DATA_DIR the platform's data is kept there, so a later
	// run registers only the candidates still missing.
	dataDir := os.Getenv("STACK_DATA_DIR")
	if dataDir == "" {
		dataDir = b.TempDir()
	}
	env := testEnviron(b, dataDir)
	env["REDIS_URL"] = testkit.RedisURL(b)
	env["CANDIDATES_STREAM"] = testkit.UniqueName(b, "candidates")
	env["EMPLOYERS_ROLES_STREAM"] = testkit.UniqueName(b, "roles")
	env["EMPLOYERS_PROFILES_STREAM"] = testkit.UniqueName(b, "profiles")
	env["LOG_LEVEL"] = "warn"
	// One employer opens roles all through the run: a load figure, not a
	// test of the role cap, which would refuse most of them.
	env["ROLE_CAP_PER_AREA"] = "1000"
	env["ONWARD_START_TIMEOUT"] = "10m"
	p := start(b, env)
	seed := newStackSeed(b)
	staffEmail, staff := newProgrammeOrg(b, p, "Transitiehuis West")
	var prog struct{ ID string }
	staff.do("POST", "/api/v1/programmes", map[string]any{"name": "Werkplaats", "kind": "workshop", "site": map[string]any{"place_id": seed.places[0]}}, http.StatusCreated, &prog)

	began := time.Now()
	admin := p.client(b, login(b, p))
	var status struct{ Candidates int }
	admin.do("GET", "/api/v1/matching/status", nil, http.StatusOK, &status)
	if missing := n - status.Candidates; missing > 0 {
		staffSession := &session{client: staff, signedInAt: time.Now(), email: staffEmail}
		seed.registerCandidates(staffSession.current, prog.ID, missing, 6)
	}
	// Seeding outlasts an access token: sign the admin in again.
	admin.token = login(b, p)
	waitIndexed(b, admin, n)
	seeding := time.Since(began)

	_, employer := newEmployer(b, p, "Bakkerij Noord")
	var (
		mu        sync.Mutex
		latencies []time.Duration
		open      []string
		// busy roles have a change in flight; an edit picks another, as
		// two editors of one role would (rightly) get a 409.
		busy = map[string]bool{}
		wg   sync.WaitGroup
	)
	rng := rand.New(rand.NewPCG(7, 7))
	tick := time.NewTicker(50 * time.Millisecond)
	defer tick.Stop()
	b.ResetTimer()
	for b.Loop() {
		deadline := time.Now().Add(duration)
		for i := 0; time.Now().Before(deadline); i++ {
			<-tick.C
			mu.Lock()
			var target string
			if i%2 == 1 && len(open) > 0 {
				if pick := open[rng.IntN(len(open))]; !busy[pick] {
					target = pick
					busy[target] = true
				}
			}
			body := seed.role(rng)
			mu.Unlock()
			wg.Add(1)
			go func() {
				defer wg.Done()
				id, version, at := changeRole(b, employer, target, body)
				waitVersion(b, employer, id, version)
				mu.Lock()
				defer mu.Unlock()
				latencies = append(latencies, time.Since(at))
				if target == "" {
					open = append(open, id)
				}
				delete(busy, target)
			}()
		}
		wg.Wait()
	}
	b.StopTimer()
	slices.Sort(latencies)
	pct := func(q float64) float64 {
		return float64(latencies[int(q*float64(len(latencies)-1))].Microseconds()) / 1000
	}
	b.ReportMetric(pct(0.50), "p50-ms")
	b.ReportMetric(pct(0.99), "p99-ms")
	b.ReportMetric(float64(len(latencies)), "changes")
	// Reported last: the harness drops metrics reported before ResetTimer.
	b.ReportMetric(seeding.Seconds(), "seed-s")
}

// stackSeed draws the benchmark's candidates and roles from the real
// taxonomy and gazetteer.
type stackSeed struct {
	places      []string
	occupations []skills.Occupation
}

func newStackSeed(b *testing.B) stackSeed {
	var s stackSeed
	for _, town := range stackTowns {
		if m := geo.Default().Suggest(town, "BE", 1); len(m) > 0 {
			s.places = append(s.places, m[0].Place.ID)
		}
	}
	tax := skills.Default()
	for _, id := range stackOccupations {
		if o, ok := tax.Occupation(id); ok && len(o.Essential) > 0 {
			s.occupations = append(s.occupations, o)
		}
	}
	if len(s.places) < 5 || len(s.occupations) < 4 {
		b.Fatalf("seed data: %d places, %d occupations", len(s.places), len(s.occupations))
	}
	return s
}

// registerCandidates registers n consenting candidates with workers
// concurrent staff sessions, each with one or two attested skills of an
// occupation, in a house of one of the towns. A worker that fails a
// request ends the benchmark (its error is logged) instead of leaving the
// others to wait for it.
func (s stackSeed) registerCandidates(staff func() apiClient, programme string, n, workers int) {
	var (
		wg       sync.WaitGroup
		failOnce sync.Once
	)
	jobs, failed := make(chan int), make(chan struct{})
	for range workers {
		wg.Add(1)
		go func() {
			finished := false
			defer func() {
				if !finished { // Fatalf in registerOne ended this goroutine
					failOnce.Do(func() { close(failed) })
				}
				wg.Done()
			}()
			for i := range jobs {
				s.registerOne(staff(), programme, i)
			}
			finished = true
		}()
	}
feed:
	for i := range n {
		select {
		case jobs <- i:
		case <-failed:
			break feed
		}
	}
	close(jobs)
	wg.Wait()
	select {
	case <-failed:
		staff().t.FailNow()
	default:
	}
}

// session hands out a staff client whose access token (15 minutes) is
// renewed by signing in again after ten, since seeding 20,000 candidates
// takes far longer.
type session struct {
	mu         sync.Mutex
	client     apiClient
	signedInAt time.Time
	email      string
}

func (s *session) current() apiClient {
	s.mu.Lock()
	defer s.mu.Unlock()
	if time.Since(s.signedInAt) > 10*time.Minute {
		var tokens api.Tokens
		anon := s.client
		anon.token = ""
		anon.do("POST", "/api/v1/auth/login", map[string]string{"email": s.email, "password": staffPassword}, http.StatusOK, &tokens)
		s.client.token, s.signedInAt = tokens.AccessToken, time.Now()
	}
	return s.client
}

func (s stackSeed) registerOne(staff apiClient, programme string, i int) {
	rng := rand.New(rand.NewPCG(uint64(i), 11))
	place := s.places[rng.IntN(len(s.places))]
	body := map[string]any{
		"given_name": fmt.Sprintf("Kandidaat%d", i), "family_name": "Test", "setting": "transition_house",
		"house":       map[string]any{"place_id": place},
		"day_release": map[string]any{"eligible_from": "2026-01-05", "days": []string{"mon", "tue", "wed", "thu", "fri"}, "start": "06:00", "end": "20:00", "max_commute_km": 10 + rng.IntN(50)},
		"release":     map[string]any{"expected_date": "2027-06-01", "return_region": map[string]any{"place_id": s.places[rng.IntN(len(s.places))], "radius_km": 20 + rng.IntN(60)}},
		"languages":   []any{map[string]any{"code": "nl", "level": "C2"}},
	}
	var c struct{ ID string }
	staff.doPatiently("POST", "/api/v1/candidates", body, http.StatusCreated, &c)
	occ := s.occupations[rng.IntN(len(s.occupations))]
	for j, req := range occ.Essential {
		if j > 0 && rng.IntN(2) == 0 {
			break
		}
		staff.doPatiently("POST", "/api/v1/candidates/"+c.ID+"/skills", map[string]any{"skill": req.Skill, "level": 1 + rng.IntN(4), "hours": 50 + rng.IntN(900), "programme": programme}, http.StatusCreated, nil)
	}
	staff.doPatiently("PUT", "/api/v1/candidates/"+c.ID+"/consent", map[string]any{"matching": true, "text_version": "2026-11"}, http.StatusOK, nil)
}

// role returns the body of an open role for one of the occupations.
func (s stackSeed) role(rng *rand.Rand) map[string]any {
	occ := s.occupations[rng.IntN(len(s.occupations))]
	var essential []any
	for _, req := range occ.Essential[:min(len(occ.Essential), 2)] {
		essential = append(essential, map[string]any{"skill": req.Skill, "min_level": 1 + rng.IntN(3)})
	}
	return map[string]any{
		"title": occ.ID, "description": "Benchmark role.", "sector": "I", "site": map[string]any{"place_id": s.places[rng.IntN(len(s.places))]},
		"essential_skills": essential, "schedule": map[string]any{"days": []string{"mon", "tue", "wed"}, "start": "08:00", "end": "16:00"},
		"hours_per_week": 16 + rng.IntN(24), "contract": "permanent", "start_asap": true, "day_release_ok": true,
	}
}

// changeRole opens a new role (target "") or edits an open one, and
// returns its id, its version after the change and when the API answered.
func changeRole(b *testing.B, employer apiClient, target string, body map[string]any) (string, int64, time.Time) {
	var r struct {
		ID      string
		Version int64
	}
	if target == "" {
		body["status"] = "open"
		employer.do("POST", "/api/v1/roles", body, http.StatusCreated, &r)
		return r.ID, r.Version, time.Now()
	}
	var cur struct{ Version int64 }
	employer.do("GET", "/api/v1/roles/"+target, nil, http.StatusOK, &cur)
	patch := map[string]any{"version": cur.Version, "hours_per_week": body["hours_per_week"], "essential_skills": body["essential_skills"]}
	employer.do("PATCH", "/api/v1/roles/"+target, patch, http.StatusOK, &r)
	return r.ID, r.Version, time.Now()
}

// waitVersion polls the role's shortlist until it is computed for version.
func waitVersion(b *testing.B, employer apiClient, roleID string, version int64) {
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		req, _ := http.NewRequest("GET", employer.base+"/api/v1/roles/"+roleID+"/shortlist?limit=1", nil)
		req.Header.Set("Authorization", "Bearer "+employer.token)
		if resp, err := employer.http.Do(req); err == nil {
			var s api.Shortlist
			raw, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK && json.Unmarshal(raw, &s) == nil && s.RoleVersion >= version {
				return
			}
		}
		time.Sleep(10 * time.Millisecond)
	}
	b.Errorf("the shortlist of role %s never reached version %d", roleID, version)
}

// waitIndexed waits until the matching service has indexed n candidates.
func waitIndexed(b *testing.B, admin apiClient, n int) {
	deadline := time.Now().Add(5 * time.Minute)
	var status struct{ Candidates int }
	for time.Now().Before(deadline) {
		admin.do("GET", "/api/v1/matching/status", nil, http.StatusOK, &status)
		if status.Candidates >= n {
			return
		}
		time.Sleep(500 * time.Millisecond)
	}
	b.Fatalf("matching indexed %d of %d candidates", status.Candidates, n)
}

func envInt(key string, def int) int {
	if v, err := strconv.Atoi(os.Getenv(key)); err == nil && v > 0 {
		return v
	}
	return def
}

func envDuration(key string, def time.Duration) time.Duration {
	if v, err := time.ParseDuration(os.Getenv(key)); err == nil && v > 0 {
		return v
	}
	return def
}
