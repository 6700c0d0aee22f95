package loadtest

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"net/http"
	"os"
	"path/filepath"
	"sync"
)

// userPassword is the password of every account the seeding makes.
const userPassword = "loadtest-copper-orchard-58"

// SeedParams size the world; with the seed they decide it entirely.
type SeedParams struct {
	Seed             uint64 `json:"seed"`
	Houses           int    `json:"houses"`
	Candidates       int    `json:"candidates"`
	Employers        int    `json:"employers"`
	RolesPerEmployer int    `json:"roles_per_employer"`
}

// World is what the seeding made: who signs in, and the ids the workload
// reads and changes. It is kept in seed.json in the data directory.
type World struct {
	Params    SeedParams `json:"params"`
	Houses    []House    `json:"houses"`
	Employers []Employer `json:"employers"`
}

// House is a programme organisation: its administrator, its programme
// and its candidates.
type House struct {
	Email      string   `json:"email"`
	Programme  string   `json:"programme"`
	Candidates []string `json:"candidates"`
}

// Employer is a verified employer and its open roles.
type Employer struct {
	Email string   `json:"email"`
	Roles []string `json:"roles"`
}

// worldFile is the seeding's record in the data directory.
const worldFile = "seed.json"

// LoadWorld reads the world seeded in dataDir; ok is false when there is
// none (or one of other sizes, which the caller must not reuse).
func LoadWorld(dataDir string, params SeedParams) (World, bool) {
	raw, err := os.ReadFile(filepath.Join(dataDir, worldFile))
	var w World
	if err != nil || json.Unmarshal(raw, &w) != nil || w.Params != params {
		return World{}, false
	}
	return w, true
}

// SaveWorld records w in dataDir.
func SaveWorld(dataDir string, w World) error {
	raw, _ := json.MarshalIndent(w, "", " ")
	return os.WriteFile(filepath.Join(dataDir, worldFile), raw, 0o600)
}

// Seed makes the world of params through the API at base: the houses
// with their staff and programme, the candidates (registered, attested and
// consenting, by several staff sessions at once), the employers (signed
// up and verified) and their open roles.
func Seed(ctx context.Context, base string, params SeedParams, log func(string, ...any)) (World, error) {
	vocab, err := newVocabulary()
	if err != nil {
		return World{}, err
	}
	c := newAPIClient(base)
	adminToken, err := c.signIn(ctx, AdminEmail, AdminPassword)
	if err != nil {
		return World{}, err
	}
	admin := c.with(adminToken)
	w := World{Params: params}
	staff := make([]apiClient, params.Houses)
	for h := range params.Houses {
		house, token, err := seedHouse(ctx, admin, vocab, params.Seed, h)
		if err != nil {
			return World{}, err
		}
		w.Houses, staff[h] = append(w.Houses, house), c.with(token)
	}
	log("seeding %d candidates in %d houses", params.Candidates, params.Houses)
	if err := seedCandidates(ctx, &w, staff, vocab); err != nil {
		return World{}, err
	}
	for e := range params.Employers {
		emp, err := seedEmployer(ctx, admin, vocab, params, e)
		if err != nil {
			return World{}, err
		}
		w.Employers = append(w.Employers, emp)
	}
	return w, nil
}

// seedHouse makes programme organisation h: the administrator creates it
// and invites its staff member, who accepts and creates a programme.
func seedHouse(ctx context.Context, admin apiClient, vocab vocabulary, seed uint64, h int) (House, string, error) {
	house := House{Email: fmt.Sprintf("staff%d.seed%d@house.loadtest", h, seed)}
	var org, inv struct{ ID, Token string }
	if err := admin.do(ctx, "POST", "/api/v1/organisations", map[string]string{"name": fmt.Sprintf("Huis %d", h), "kind": "programme", "programme_type": "transition_house"}, http.StatusCreated, &org); err != nil {
		return house, "", err
	}
	if err := admin.do(ctx, "POST", "/api/v1/organisations/"+org.ID+"/invitations", map[string]string{"email": house.Email, "role": "org_admin"}, http.StatusCreated, &inv); err != nil {
		return house, "", err
	}
	anon := admin.with("")
	if err := anon.do(ctx, "POST", "/api/v1/invitations/"+inv.Token+"/accept", map[string]string{"name": "Mira Jacobs", "password": userPassword}, http.StatusCreated, nil); err != nil {
		return house, "", err
	}
	token, err := anon.signIn(ctx, house.Email, userPassword)
	if err != nil {
		return house, "", err
	}
	var prog struct{ ID string }
	rng := rand.New(rand.NewPCG(seed, uint64(h)))
	if err := anon.with(token).do(ctx, "POST", "/api/v1/programmes", map[string]any{"name": "Werkplaats", "kind": "workshop", "site": map[string]any{"place_id": vocab.place(rng)}}, http.StatusCreated, &prog); err != nil {
		return house, "", err
	}
	house.Programme = prog.ID
	return house, token, nil
}

// seedCandidates registers the candidates, candidate i in house i mod
// houses, with eight sessions at once; the first error ends it.
func seedCandidates(ctx context.Context, w *World, staff []apiClient, vocab vocabulary) error {
	n := w.Params.Candidates
	ids := make([]string, n)
	jobs := make(chan int)
	var (
		wg       sync.WaitGroup
		mu       sync.Mutex
		firstErr error
	)
	for range 8 {
		wg.Go(func() {
			for i := range jobs {
				h := i % len(staff)
				id, err := registerCandidate(ctx, staff[h], vocab, w.Params.Seed, i, w.Houses[h].Programme)
				mu.Lock()
				ids[i] = id
				firstErr = errors.Join(firstErr, err)
				mu.Unlock()
			}
		})
	}
	for i := 0; i < n && ctx.Err() == nil; i++ {
		mu.Lock()
		failed := firstErr != nil
		mu.Unlock()
		if failed {
			break
		}
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	if err := errors.Join(firstErr, ctx.Err()); err != nil {
		return err
	}
	for i, id := range ids {
		h := i % len(staff)
		w.Houses[h].Candidates = append(w.Houses[h].Candidates, id)
	}
	return nil
}

// registerCandidate registers candidate i, attests their skills and
// records their consent to matching.
func registerCandidate(ctx context.Context, staff apiClient, vocab vocabulary, seed uint64, i int, programme string) (string, error) {
	rng := rand.New(rand.NewPCG(seed, uint64(i)+1<<32))
	var c struct{ ID string }
	if err := staff.do(ctx, "POST", "/api/v1/candidates", vocab.candidate(rng, i), http.StatusCreated, &c); err != nil {
		return "", err
	}
	for _, skill := range vocab.skills(rng, programme) {
		if err := staff.do(ctx, "POST", "/api/v1/candidates/"+c.ID+"/skills", skill, http.StatusCreated, nil); err != nil {
			return "", err
		}
	}
	consent := map[string]any{"matching": true, "text_version": "2026-11"}
	return c.ID, staff.do(ctx, "PUT", "/api/v1/candidates/"+c.ID+"/consent", consent, http.StatusOK, nil)
}

// seedEmployer signs employer e up, has the administrator verify it, and
// opens its roles.
func seedEmployer(ctx context.Context, admin apiClient, vocab vocabulary, params SeedParams, e int) (Employer, error) {
	emp := Employer{Email: fmt.Sprintf("owner%d.seed%d@employer.loadtest", e, params.Seed)}
	anon := admin.with("")
	signup := map[string]string{"organisation_name": fmt.Sprintf("Werkgever %d", e), "name": "Ana Peeters", "email": emp.Email, "password": userPassword}
	if err := anon.do(ctx, "POST", "/api/v1/auth/signup", signup, http.StatusAccepted, nil); err != nil {
		return emp, err
	}
	token, err := anon.signIn(ctx, emp.Email, userPassword)
	if err != nil {
		return emp, err
	}
	employer := anon.with(token)
	var me struct{ Organisation struct{ ID string } }
	if err := employer.do(ctx, "GET", "/api/v1/me", nil, http.StatusOK, &me); err != nil {
		return emp, err
	}
	checks := map[string]string{"register_country": "BE", "register_number": "0123.456.789", "contact_name": "Ana Peeters", "contacted_on": "2026-12-01"}
	if err := admin.do(ctx, "POST", "/api/v1/organisations/"+me.Organisation.ID+"/verify", checks, http.StatusOK, nil); err != nil {
		return emp, err
	}
	rng := rand.New(rand.NewPCG(params.Seed, uint64(e)+2<<32))
	for range params.RolesPerEmployer {
		var role struct{ ID string }
		if err := employer.do(ctx, "POST", "/api/v1/roles", vocab.role(rng), http.StatusCreated, &role); err != nil {
			return emp, err
		}
		emp.Roles = append(emp.Roles, role.ID)
	}
	return emp, nil
}
