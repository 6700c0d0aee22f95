package loadtest

import (
	"context"
	"encoding/json"
	"math/rand/v2"
	"net/http"
	"strings"
	"sync"

	vegeta "github.com/tsenart/vegeta/v12/lib"
)

// Workload hands vegeta the requests of a mix and keeps what edits need:
// the version each role and candidate is at (PATCH must name the current
// one, or 409) and which have an edit in flight, so two edits of one
// record never race, as two careful editors would not.
type Workload struct {
	base  string
	vocab vocabulary

	mu         sync.Mutex
	rng        *rand.Rand
	schedule   []Kind
	next       int
	roles      []*record          // the seeded roles, owners' tokens
	candidates []*record          // a sample of the seeded candidates, staff tokens
	staff      []string           // each house's staff token
	byPath     map[string]*record // "/roles/{id}" or "/candidates/{id}"
	registered int
}

// record is a role or candidate the workload reads and edits.
type record struct {
	path    string // "/api/v1/roles/{id}" or "/api/v1/candidates/{id}"
	token   string // the owner's (employer's or staff's) access token
	version int64
	busy    bool
	stale   bool // an edit was refused: it is left alone from then on
}

// editableCandidates is how many candidates the workload edits and reads
// suggestions of: their versions are read before the run.
const editableCandidates = 200

// NewWorkload signs every account of w in and reads the versions of the
// roles and of a sample of candidates.
func NewWorkload(ctx context.Context, base string, w World) (*Workload, error) {
	vocab, err := newVocabulary()
	if err != nil {
		return nil, err
	}
	c := newAPIClient(base)
	wl := &Workload{base: base, vocab: vocab, rng: rand.New(rand.NewPCG(w.Params.Seed, 0xface)), byPath: map[string]*record{}}
	for _, e := range w.Employers {
		token, err := c.signIn(ctx, e.Email, userPassword)
		if err != nil {
			return nil, err
		}
		for _, id := range e.Roles {
			if err := wl.track(ctx, c.with(token), "/api/v1/roles/"+id, &wl.roles); err != nil {
				return nil, err
			}
		}
	}
	for _, house := range w.Houses {
		token, err := c.signIn(ctx, house.Email, userPassword)
		if err != nil {
			return nil, err
		}
		wl.staff = append(wl.staff, token)
		for _, id := range house.Candidates[:min(len(house.Candidates), editableCandidates/len(w.Houses)+1)] {
			if err := wl.track(ctx, c.with(token), "/api/v1/candidates/"+id, &wl.candidates); err != nil {
				return nil, err
			}
		}
	}
	return wl, nil
}

// track reads the record at path and adds it to list.
func (wl *Workload) track(ctx context.Context, owner apiClient, path string, list *[]*record) error {
	var v struct{ Version int64 }
	if err := owner.do(ctx, "GET", path, nil, http.StatusOK, &v); err != nil {
		return err
	}
	r := &record{path: path, token: owner.token, version: v.Version}
	*list = append(*list, r)
	wl.byPath[path] = r
	return nil
}

// Targeter returns the requests of mix, in the order of its seeded
// schedule.
func (wl *Workload) Targeter(mix Mix, seed uint64) vegeta.Targeter {
	wl.mu.Lock()
	wl.schedule, wl.next = mix.Schedule(seed), 0
	wl.mu.Unlock()
	return func(t *vegeta.Target) error {
		wl.mu.Lock()
		defer wl.mu.Unlock()
		kind := wl.schedule[wl.next%len(wl.schedule)]
		wl.next++
		wl.fill(t, kind)
		return nil
	}
}

// fill makes t a request of kind. An edit that finds no record free (all
// tried busy or refused) becomes a read instead: rare with the seeded
// numbers, and it shows as more reads in the report.
func (wl *Workload) fill(t *vegeta.Target, kind Kind) {
	switch kind {
	case ShortlistRead:
		r := wl.roles[wl.rng.IntN(len(wl.roles))]
		wl.get(t, r.path+"/shortlist?limit=20", r.token)
	case SuggestionsRead:
		r := wl.candidates[wl.rng.IntN(len(wl.candidates))]
		wl.get(t, r.path+"/suggestions?limit=20", r.token)
	case RoleEdit:
		if r := wl.idle(wl.roles); r != nil {
			wl.send(t, "PATCH", r.path, r.token, wl.vocab.roleEdit(wl.rng, r.version))
			return
		}
		wl.fill(t, ShortlistRead)
	case CandidateUpdate:
		if r := wl.idle(wl.candidates); r != nil {
			wl.send(t, "PATCH", r.path, r.token, map[string]any{"version": r.version, "day_release": dayRelease(10 + wl.rng.IntN(50))})
			return
		}
		wl.fill(t, SuggestionsRead)
	case CandidateRegister:
		h := wl.rng.IntN(len(wl.staff))
		wl.registered++
		wl.send(t, "POST", "/api/v1/candidates", wl.staff[h], wl.vocab.candidate(wl.rng, 1_000_000+wl.registered))
	case RolePost:
		r := wl.roles[wl.rng.IntN(len(wl.roles))]
		wl.send(t, "POST", "/api/v1/roles", r.token, wl.vocab.role(wl.rng))
	}
}

// idle picks a record of list with no edit in flight and marks it busy.
func (wl *Workload) idle(list []*record) *record {
	for range 8 {
		if r := list[wl.rng.IntN(len(list))]; !r.busy && !r.stale {
			r.busy = true
			return r
		}
	}
	return nil
}

func (wl *Workload) get(t *vegeta.Target, path, token string) {
	*t = vegeta.Target{Method: "GET", URL: wl.base + path, Header: http.Header{"Authorization": {"Bearer " + token}}}
}

func (wl *Workload) send(t *vegeta.Target, method, path, token string, body any) {
	raw, _ := json.Marshal(body)
	*t = vegeta.Target{Method: method, URL: wl.base + path, Body: raw, Header: http.Header{
		"Authorization": {"Bearer " + token}, "Content-Type": {"application/json"}}}
}

// Observe takes an edit's answer: the record's new version, or, when the
// edit was refused, the record is left alone from then on.
func (wl *Workload) Observe(res *vegeta.Result) {
	if res.Method != "PATCH" {
		return
	}
	wl.mu.Lock()
	defer wl.mu.Unlock()
	r := wl.byPath[strings.TrimPrefix(res.URL, wl.base)]
	if r == nil {
		return
	}
	r.busy = false
	var v struct{ Version int64 }
	if res.Code == http.StatusOK && json.Unmarshal(res.Body, &v) == nil && v.Version > 0 {
		r.version = v.Version
	} else {
		r.stale = true
	}
}

// Classify names the kind of a request from its method and URL.
func Classify(method, rawURL string) Kind {
	path, _, _ := strings.Cut(rawURL, "?")
	switch {
	case method == "GET" && strings.HasSuffix(path, "/shortlist"):
		return ShortlistRead
	case method == "GET" && strings.HasSuffix(path, "/suggestions"):
		return SuggestionsRead
	case method == "PATCH" && strings.Contains(path, "/api/v1/roles/"):
		return RoleEdit
	case method == "PATCH" && strings.Contains(path, "/api/v1/candidates/"):
		return CandidateUpdate
	case method == "POST" && strings.HasSuffix(path, "/api/v1/roles"):
		return RolePost
	case method == "POST" && strings.HasSuffix(path, "/api/v1/candidates"):
		return CandidateRegister
	}
	return Kind("other")
}
