package launcher

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/onward-jobs/onward/pkg/api"
	"github.com/onward-jobs/onward/pkg/auth"
	"github.com/onward-jobs/onward/pkg/testkit"
	"github.com/onward-jobs/onward/services/matching"
)

// faultWorld is what the fault suite writes and checks: one programme's
// staff with consenting baristas, and one employer with barista roles
// nearby.
type faultWorld struct {
	staff, employer apiClient
	staffEmail      string
	programme       string
	seeded          []string          // candidates registered before any fault
	aliases         map[string]string // of the seeded candidates
	mu              sync.Mutex
	candidates      []string // every candidate acknowledged so far
	roleIDs         []string // every role acknowledged so far
	recomputes      atomic.Int32
}

func newFaultWorld(t *testing.T, p *platform) *faultWorld {
	t.Helper()
	w := &faultWorld{aliases: map[string]string{}}
	w.staffEmail, w.staff = newProgrammeOrg(t, p, "Transitiehuis Kortrijk")
	var prog struct{ ID string }
	w.staff.do("POST", "/api/v1/programmes", map[string]any{"name": "Koffiebar", "kind": "coffee_roastery", "site": map[string]any{"place_id": kortrijk}, "skills": []string{"espresso-preparation"}}, http.StatusCreated, &prog)
	w.programme = prog.ID
	for i, name := range []string{"Annelies", "Bartholomeus", "Cleopatra", "Dieuwertje"} {
		id, alias := registerBarista(t, w.staff, prog.ID, name, 1+i%4)
		w.seeded, w.aliases[id] = append(w.seeded, id), alias
	}
	w.candidates = slices.Clone(w.seeded)
	_, w.employer = newEmployer(t, p, "Koffiebar De Brug")
	for range 2 {
		var role struct{ ID string }
		w.employer.do("POST", "/api/v1/roles", baristaRole(2), http.StatusCreated, &role)
		w.roleIDs = append(w.roleIDs, role.ID)
	}
	return w
}

// baristaRole is an open barista role in Kortrijk asking espresso at level.
func baristaRole(level int) map[string]any {
	return map[string]any{
		"title": "Barista", "description": "Morning shifts.", "sector": "I", "site": map[string]any{"place_id": kortrijk},
		"essential_skills": []any{map[string]any{"skill": "espresso-preparation", "min_level": level}},
		"schedule":         map[string]any{"days": []string{"mon", "tue", "wed"}, "start": "07:00", "end": "15:00"},
		"hours_per_week":   24, "contract": "permanent", "start_asap": true, "day_release_ok": true, "status": "open",
	}
}

// ledger is what the platform acknowledged while a fault struck.
type ledger struct {
	mu sync.Mutex
	// candidates maps each acknowledged new candidate to its acknowledged
	// attestation ("" when the attestation was not acknowledged).
	candidates map[string]string
	roles      []string
	// consent holds, per toggled candidate, the values its consent may
	// have now: the last acknowledged one and any sent without an answer.
	consent map[string]map[bool]bool
	acks    int
}

func (l *ledger) ack(f func()) {
	l.mu.Lock()
	defer l.mu.Unlock()
	f()
	l.acks++
}

func (l *ledger) count() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.acks
}

func (l *ledger) summary() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return fmt.Sprintf("%d writes: %d candidates, %d roles", l.acks, len(l.candidates), len(l.roles))
}

// writeUntil writes as staff and employer from three goroutines, calls
// fault once n writes have been acknowledged, and stops once the platform
// stops answering or 2n writes have been acknowledged.
func (w *faultWorld) writeUntil(t *testing.T, n int, fault func()) *ledger {
	t.Helper()
	l := &ledger{candidates: map[string]string{}, consent: map[string]map[bool]bool{}}
	for _, id := range w.seeded[:2] {
		l.consent[id] = map[bool]bool{w.consentOf(t, id): true}
	}
	var stop atomic.Bool
	alive := func() bool { return !stop.Load() && l.count() < 2*n }
	var wg sync.WaitGroup
	wg.Go(func() { w.registerWhile(alive, l) })
	wg.Go(func() { w.postRolesWhile(alive, l) })
	wg.Go(func() { w.toggleConsentWhile(alive, l) })
	deadline := time.Now().Add(60 * time.Second)
	for l.count() < n {
		if time.Now().After(deadline) {
			stop.Store(true)
			wg.Wait()
			t.Fatalf("only %s within a minute", l.summary())
		}
		time.Sleep(5 * time.Millisecond)
	}
	fault()
	finished := make(chan struct{})
	go func() { wg.Wait(); close(finished) }()
	select {
	case <-finished:
	case <-time.After(90 * time.Second):
		stop.Store(true)
		<-finished
	}
	w.mu.Lock()
	for id := range l.candidates {
		w.candidates = append(w.candidates, id)
	}
	w.roleIDs = append(w.roleIDs, l.roles...)
	w.mu.Unlock()
	return l
}

func (w *faultWorld) registerWhile(alive func() bool, l *ledger) {
	for i := 0; alive(); i++ {
		body := map[string]any{}
		for k, v := range jan {
			body[k] = v
		}
		body["given_name"], body["family_name"], body["email"] = "Ferdinand", "Claeys", fmt.Sprintf("ferdinand.%d@example.org", i)
		var c struct{ ID string }
		status, err := try(w.staff, "POST", "/api/v1/candidates", body, &c)
		if err != nil {
			return
		}
		if status != http.StatusCreated {
			continue
		}
		l.ack(func() { l.candidates[c.ID] = "" })
		var a struct{ ID string }
		status, err = try(w.staff, "POST", "/api/v1/candidates/"+c.ID+"/skills", map[string]any{"skill": "espresso-preparation", "level": 3, "hours": 300, "programme": w.programme}, &a)
		if err != nil {
			return
		}
		if status == http.StatusCreated {
			l.ack(func() { l.candidates[c.ID] = a.ID })
		}
		if _, err := try(w.staff, "PUT", "/api/v1/candidates/"+c.ID+"/consent", map[string]any{"matching": true, "text_version": "2026-11"}, nil); err != nil {
			return
		}
	}
}

func (w *faultWorld) postRolesWhile(alive func() bool, l *ledger) {
	for i := 0; alive(); i++ {
		var r struct{ ID string }
		status, err := try(w.employer, "POST", "/api/v1/roles", baristaRole(1+i%4), &r)
		if err != nil {
			return
		}
		if status == http.StatusCreated {
			l.ack(func() { l.roles = append(l.roles, r.ID) })
		}
	}
}

func (w *faultWorld) toggleConsentWhile(alive func() bool, l *ledger) {
	for i := 0; alive(); i++ {
		id, value := w.seeded[i%2], (i/2)%2 == 1
		l.mu.Lock()
		l.consent[id][value] = true
		l.mu.Unlock()
		status, err := try(w.staff, "PUT", "/api/v1/candidates/"+id+"/consent", map[string]any{"matching": value, "text_version": "2026-11"}, nil)
		if err != nil {
			return
		}
		if status == http.StatusOK {
			l.ack(func() { l.consent[id] = map[bool]bool{value: true} })
		}
	}
}

// mustHold checks that every write in l is there.
func (w *faultWorld) mustHold(t *testing.T, l *ledger) {
	t.Helper()
	for id, attestation := range l.candidates {
		raw := w.staff.doPatiently("GET", "/api/v1/candidates/"+id, nil, http.StatusOK, nil)
		if attestation != "" && !bytes.Contains(raw, []byte(attestation)) {
			t.Errorf("candidate %s lost its acknowledged attestation %s", id, attestation)
		}
	}
	for _, id := range l.roles {
		w.employer.doPatiently("GET", "/api/v1/roles/"+id, nil, http.StatusOK, nil)
	}
	for id, allowed := range l.consent {
		if got := w.consentOf(t, id); !allowed[got] {
			t.Errorf("candidate %s has consent %v; the acknowledged value is not kept (%v)", id, got, allowed)
		}
	}
}

// consentOf is candidate id's consent to matching.
func (w *faultWorld) consentOf(t *testing.T, id string) bool {
	t.Helper()
	var c struct {
		Consent struct{ Matching bool } `json:"consent"`
	}
	w.staff.doPatiently("GET", "/api/v1/candidates/"+id, nil, http.StatusOK, &c)
	return c.Consent.Matching
}

// consenting is a seeded candidate the writers leave alone, consenting.
func (w *faultWorld) consenting(t *testing.T) string {
	t.Helper()
	for _, id := range w.seeded[2:] {
		if w.consentOf(t, id) {
			return id
		}
	}
	t.Fatal("no untouched candidate consents any more")
	return ""
}

// roles are every acknowledged role.
func (w *faultWorld) roles() []string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return slices.Clone(w.roleIDs)
}

// revokedToken signs the staff member in afresh, signs that session out,
// and returns a client with its now revoked access token, once the
// revocation has reached the gateway and the service behind it. A
// service trusts its last answer about a session for up to
// auth.DefaultRevocationCache, and the token was used just before the
// sign-out, so a fault shorter than that window would otherwise be
// followed by the service's cached "not revoked" (which is the window
// the platform promises, not a fault's doing).
func (w *faultWorld) revokedToken(t *testing.T) apiClient {
	t.Helper()
	anon := apiClient{t: t, base: w.staff.base, http: w.staff.http}
	var tokens api.Tokens
	anon.do("POST", "/api/v1/auth/login", map[string]string{"email": w.staffEmail, "password": staffPassword}, http.StatusOK, &tokens)
	revoked := apiClient{t: t, base: w.staff.base, token: tokens.AccessToken, http: w.staff.http}
	revoked.do("GET", "/api/v1/candidates", nil, http.StatusOK, nil)
	anon.do("POST", "/api/v1/auth/logout", map[string]string{"refresh_token": tokens.RefreshToken}, http.StatusNoContent, nil)
	deadline := time.Now().Add(2*auth.DefaultRevocationCache + time.Second)
	for _, path := range []string{"/api/v1/me", "/api/v1/candidates"} {
		for statusOf(revoked, "GET", path)/100 == 2 {
			if time.Now().After(deadline) {
				t.Fatalf("GET %s still accepts a token %s after its session was signed out", path, 2*auth.DefaultRevocationCache+time.Second)
			}
			time.Sleep(100 * time.Millisecond)
		}
	}
	return revoked
}

// mustRefuse checks that c's token gets no answer but a refusal, from the
// gateway and from a service behind it, for ten seconds after a fault.
func (w *faultWorld) mustRefuse(t *testing.T, c apiClient) {
	t.Helper()
	for end := time.Now().Add(10 * time.Second); time.Now().Before(end); time.Sleep(200 * time.Millisecond) {
		for _, path := range []string{"/api/v1/me", "/api/v1/candidates"} {
			if status := statusOf(c, "GET", path); status/100 == 2 {
				t.Fatalf("a revoked token was accepted by GET %s (%d) after the fault", path, status)
			}
		}
	}
}

// onShortlist reports whether the candidate with alias is on role's
// shortlist as the employer reads it.
func (w *faultWorld) onShortlist(t *testing.T, role, alias string) bool {
	t.Helper()
	var s api.Shortlist
	w.employer.do("GET", "/api/v1/roles/"+role+"/shortlist?limit=100", nil, http.StatusOK, &s)
	return slices.Contains(aliases(s), alias)
}

// listsConverge starts a matching instance of its own, on a database of
// its own and on streams nobody writes, which loads every candidate and
// role from the owners and computes every list from scratch; then it waits
// up to a minute for every stored shortlist and suggestion list of the
// platform to equal that instance's.
func (w *faultWorld) listsConverge(t *testing.T, p *platform, redisURL string) {
	t.Helper()
	fresh, logs := w.startRecompute(t, p, redisURL)
	platformAt := func(c apiClient) apiClient { return c }
	freshAt := func(c apiClient) apiClient { c.base = fresh; c.http = httpClient; return c }
	var diff string
	began := time.Now()
	deadline := began.Add(time.Minute)
	for {
		diff = w.listsDiffer(t, platformAt, freshAt)
		if diff == "" {
			t.Logf("every stored list equals the recomputation %s after the check began", time.Since(began).Round(100*time.Millisecond))
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("a minute after the fault the stored lists still differ from a recomputation: %s\nthe recomputing instance's logs:\n%s", diff, logs)
		}
		time.Sleep(time.Second)
	}
}

// listsDiffer compares every role's shortlist and every candidate's
// suggestions as the platform and the recomputation answer them, and
// describes the first difference ("" when there is none).
func (w *faultWorld) listsDiffer(t *testing.T, platform, fresh func(apiClient) apiClient) string {
	t.Helper()
	w.mu.Lock()
	roles, candidates := slices.Clone(w.roleIDs), slices.Clone(w.candidates)
	w.mu.Unlock()
	compare := func(c apiClient, path string) string {
		a, b := listAnswer(platform(c), path), listAnswer(fresh(c), path)
		if a != b {
			return fmt.Sprintf("GET %s\n stored:     %s\n recomputed: %s", path, a, b)
		}
		return ""
	}
	for _, id := range roles {
		if d := compare(w.employer, "/api/v1/roles/"+id+"/shortlist?limit=100"); d != "" {
			return d
		}
	}
	for _, id := range candidates {
		if d := compare(w.staff, "/api/v1/candidates/"+id+"/suggestions?limit=100"); d != "" {
			return d
		}
	}
	return ""
}

// listAnswer is the status and body of a list, without when it was
// computed or the request's id (a refusal has one).
func listAnswer(c apiClient, path string) string {
	req, _ := http.NewRequest("GET", c.base+path, nil)
	req.Header.Set("Authorization", "Bearer "+c.token)
	resp, err := httpClient.Do(req)
	if err != nil {
		return err.Error()
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	var body map[string]any
	if json.Unmarshal(raw, &body) != nil {
		return fmt.Sprintf("%d %s", resp.StatusCode, raw)
	}
	delete(body, "computed_at")
	delete(body, "request_id")
	out, _ := json.Marshal(body)
	return fmt.Sprintf("%d %s", resp.StatusCode, out)
}

// startRecompute runs the recomputing matching instance until the test
// ends and returns its address once it is ready.
func (w *faultWorld) startRecompute(t *testing.T, p *platform, redisURL string) (string, *testkit.LogBuffer) {
	t.Helper()
	cfg, err := LoadConfig(p.env)
	if err != nil {
		t.Fatal(err)
	}
	st := &stores{MongoURI: "mongodb://" + p.env["ONWARD_FERRETDB_ADDR"] + "/", RedisURL: redisURL}
	env := sharedEnviron(p.env, cfg, st, nil, onwardServices(cfg, io.Discard))
	n := w.recomputes.Add(1)
	addr := testkit.FreeAddr(t)
	for k, v := range map[string]string{
		"HTTP_ADDR": addr, "METRICS_ADDR": "127.0.0.1:0", "MONGO_DB": fmt.Sprintf("onward_matching_recompute_%d", n),
		"MATCHING_INSTANCE_ID": fmt.Sprintf("recompute-%d", n), "RECONCILE_INTERVAL": "1h",
		"CANDIDATES_STREAM": testkit.UniqueName(t, "unused.candidates"), "EMPLOYERS_ROLES_STREAM": testkit.UniqueName(t, "unused.roles"),
	} {
		env[k] = v
	}
	ctx, cancel := context.WithCancel(context.Background())
	logs := &testkit.LogBuffer{}
	done := make(chan error, 1)
	go func() { done <- matching.Run(ctx, env, logs) }()
	t.Cleanup(func() {
		cancel()
		select {
		case <-done:
		case <-time.After(30 * time.Second):
			t.Error("the recomputing matching instance did not stop within 30s")
		}
	})
	url := "http://" + addr
	for deadline := time.Now().Add(90 * time.Second); ; time.Sleep(100 * time.Millisecond) {
		if resp, err := httpClient.Get(url + "/readyz"); err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return url, logs
			}
		}
		select {
		case err := <-done:
			t.Fatalf("the recomputing matching instance stopped: %v\n%s", err, logs)
		default:
		}
		if time.Now().After(deadline) {
			t.Fatalf("the recomputing matching instance was not ready within 90s\n%s", logs)
		}
	}
}

// try sends body as JSON with c's token and decodes a 2xx answer into out.
// The error is set only when the platform did not answer at all.
func try(c apiClient, method, path string, body, out any) (int, error) {
	raw, _ := json.Marshal(body)
	req, _ := http.NewRequest(method, c.base+path, bytes.NewReader(raw))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer "+c.token)
	resp, err := httpClient.Do(req)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	answer, err := io.ReadAll(resp.Body)
	if err != nil {
		return 0, err
	}
	if resp.StatusCode/100 == 2 && out != nil {
		if err := json.Unmarshal(answer, out); err != nil {
			return 0, fmt.Errorf("%s %s: %w", method, path, err)
		}
	}
	return resp.StatusCode, nil
}
