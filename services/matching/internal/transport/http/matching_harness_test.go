package http

import (
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	mrand "math/rand/v2"
	"net/http/httptest"
	"net/url"
	"sync"
	"testing"
	"time"

	"github.com/onward-jobs/onward/pkg/auth"
	"github.com/onward-jobs/onward/pkg/errs"
	"github.com/onward-jobs/onward/pkg/geo"
	"github.com/onward-jobs/onward/pkg/httpx"
	"github.com/onward-jobs/onward/pkg/skills"
	"github.com/onward-jobs/onward/pkg/testkit"
	mongoadapter "github.com/onward-jobs/onward/services/matching/internal/adapters/mongo"
	"github.com/onward-jobs/onward/services/matching/internal/engine"
	"github.com/onward-jobs/onward/services/matching/internal/results"
	"github.com/onward-jobs/onward/services/matching/internal/statements"
)

// testNow is the harness's clock.
var testNow = time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)

// Callers of the harness, one token each.
const (
	ownerEmployer  = "owner"    // emp-0, owns role-000 and role-003
	otherEmployer  = "other"    // emp-1
	staffOrg0      = "staff0"   // programme org-0
	staffOrg1      = "staff1"   // programme org-1
	platformAdmin  = "admin"    // platform administrator
	candidateSelf  = "someone"  // a member with no organisation
	candidate0     = "cand0"    // the candidate cand-0000 (org-0) signed in to their own account
	candidateNew   = "candnew"  // the candidate cand-new, whom the index does not hold
	serviceCaller  = "service"  // the placements service
	insightsCaller = "insights" // the insights service
)

// matchingAPI is the matching API over a real index, the MongoDB store and
// the results computed through the port, with tokens for every caller.
type matchingAPI struct {
	server *httpx.Server
	tokens map[string]string
	ix     *engine.Index
	res    *results.Results
	store  *mongoadapter.Store
	// shortlists is what the shortlist routes read: the store through
	// the cache, checked against stamps in the test Redis.
	shortlists *results.ShortlistReader
	stamps     results.RedisStamps
	// deps are what the API was registered with, for another instance.
	deps  Deps
	cands []engine.Candidate
	// owner is the candidates service's answer on consent.
	owner *consentOwner
	// statements are the approved statements the cards show.
	statements *statements.Store
}

// consentOwner answers MatchingConsent as the candidates service would:
// every registered candidate with its organisation and consent, erased
// ones not found.
type consentOwner struct {
	mu      sync.Mutex
	org     map[string]string
	consent map[string]bool
	placed  map[string]bool
}

func (o *consentOwner) set(id, org string, consent bool) {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.org[id], o.consent[id] = org, consent
}

func (o *consentOwner) erase(id string) {
	o.mu.Lock()
	defer o.mu.Unlock()
	delete(o.org, id)
}

func (o *consentOwner) MatchingConsent(_ context.Context, id string) (string, bool, bool, error) {
	o.mu.Lock()
	defer o.mu.Unlock()
	org, ok := o.org[id]
	if !ok {
		return "", false, false, fmt.Errorf("candidate %s: %w", id, errs.NotFound)
	}
	return org, o.consent[id], !o.placed[id], nil
}

// place marks a candidate placed (or available again) as the candidates
// service would report it.
func (o *consentOwner) place(id string, placed bool) {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.placed[id] = placed
}

func newMatchingAPI(t testing.TB) *matchingAPI {
	t.Helper()
	ctx := context.Background()
	pub, priv, _ := ed25519.GenerateKey(rand.Reader)
	v, err := auth.NewVerifier(auth.VerifierConfig{Issuer: issuer, Audiences: []string{"onward-api", "matching"}, Keys: auth.StaticKeys{"k1": pub}})
	if err != nil {
		t.Fatal(err)
	}
	signer, err := auth.NewSigner("k1", priv)
	if err != nil {
		t.Fatal(err)
	}
	principals := map[string]auth.Principal{
		ownerEmployer: {Subject: "u-owner", OrgID: "emp-0", OrgKind: auth.OrgKindEmployer, Role: auth.RoleMember},
		otherEmployer: {Subject: "u-other", OrgID: "emp-1", OrgKind: auth.OrgKindEmployer, Role: auth.RoleOrgAdmin},
		staffOrg0:     {Subject: "u-staff0", OrgID: "org-0", OrgKind: auth.OrgKindProgramme, Role: auth.RoleMember},
		staffOrg1:     {Subject: "u-staff1", OrgID: "org-1", OrgKind: auth.OrgKindProgramme, Role: auth.RoleOrgAdmin},
		platformAdmin: {Subject: "u-admin", Role: auth.RoleAdmin},
		candidateSelf: {Subject: "u-cand", Role: auth.RoleMember},
		candidate0:    {Subject: "u-cand0", Role: auth.RoleCandidate, CandidateID: "cand-0000"},
		candidateNew:  {Subject: "u-candnew", Role: auth.RoleCandidate, CandidateID: "cand-new"},
	}
	a := &matchingAPI{tokens: map[string]string{}, statements: statements.New(), owner: &consentOwner{org: map[string]string{}, consent: map[string]bool{}, placed: map[string]bool{}}}
	for name, p := range principals {
		tok, err := auth.IssueAccessToken(signer, issuer, []string{"onward-api"}, p, time.Hour)
		if err != nil {
			t.Fatal(err)
		}
		a.tokens[name] = tok
	}
	svcTok, err := auth.IssueServiceToken(signer, issuer, "placements", "matching", 5*time.Minute)
	if err != nil {
		t.Fatal(err)
	}
	a.tokens[serviceCaller] = svcTok
	insightsTok, err := auth.IssueServiceToken(signer, issuer, "insights", "matching", 5*time.Minute)
	if err != nil {
		t.Fatal(err)
	}
	a.tokens[insightsCaller] = insightsTok
	a.store, err = mongoadapter.NewStore(ctx, testkit.MongoDB(t))
	if err != nil {
		t.Fatal(err)
	}
	tax := skills.Default()
	a.ix = engine.NewIndex(tax)
	a.stamps = harnessStamps(t)
	a.shortlists = results.NewShortlistReader(a.store, a.stamps, 16)
	a.res, err = results.New(results.Deps{Index: a.ix, Store: a.store, Programmes: roastery{}, Stamps: a.stamps,
		RefKey: []byte("a key of at least sixteen bytes!"), Now: func() time.Time { return testNow }, Shortlistings: a.store})
	if err != nil {
		t.Fatal(err)
	}
	a.populate(t)
	a.server = httpx.NewServer(httpx.AppConfig{Service: "matching", Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	a.deps = Deps{Verifier: v, Taxonomy: tax, Places: geo.Default(), Results: a.store, Shortlists: a.shortlists, PageCache: 64, Index: a.ix,
		Consent: a.owner, Now: func() time.Time { return testNow }, Shortlistings: a.store, Statements: a.statements}
	Register(a.server.App, a.deps)
	a.server.NotFoundLast()
	return a
}

// anotherInstance returns the API of a second instance of the service
// over the same store and Redis, with caches of its own, answering
// through a.get like the first.
func (a *matchingAPI) anotherInstance() *matchingAPI {
	b := *a
	b.deps.Shortlists = results.NewShortlistReader(a.store, a.stamps, 16)
	b.server = httpx.NewServer(httpx.AppConfig{Service: "matching", Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	Register(b.server.App, b.deps)
	b.server.NotFoundLast()
	return &b
}

// harnessStamps keeps the shortlists' stamps in the test Redis under keys
// of this test alone, deleted when it ends.
func harnessStamps(t testing.TB) results.RedisStamps {
	t.Helper()
	rdb := testkit.Redis(t)
	st := results.RedisStamps{Redis: rdb, Prefix: testkit.UniqueName(t, "stamps") + ":"}
	t.Cleanup(func() {
		ctx := context.Background()
		keys, _ := rdb.Keys(ctx, st.Prefix+"*").Result()
		if len(keys) > 0 {
			_ = rdb.Del(ctx, keys...).Err()
		}
	})
	return st
}

// Free-text names staff gave the programmes of the harness: they may name
// a house and a town, so only staff may read them.
const (
	roasteryName = "Roastery inside Huis Een detention house Gent"
	kitchenName  = "Keuken De Vorst transition house"
)

// roastery trains every skill, in two programmes of staff's naming.
type roastery struct{}

func (roastery) Training(context.Context, string) ([]results.Programme, error) {
	return []results.Programme{{Kind: "coffee_roastery", Name: roasteryName}, {Kind: "catering", Name: kitchenName},
		{Kind: "coffee_roastery", Name: "Zuivere Koffie Kortrijk"}}, nil
}

var baristaSkills = []string{"espresso-preparation", "milk-texturing", "barista-skills", "food-hygiene", "customer-contact", "latte-art", "till-operation"}

// populate registers 160 candidates and 6 roles around Kortrijk through
// the port, as the data flow would.
func (a *matchingAPI) populate(t testing.TB) {
	t.Helper()
	ctx := context.Background()
	rnd := mrand.New(mrand.NewPCG(7, 7))
	today := results.DayOf(testNow)
	near := func() *engine.Point {
		return &engine.Point{Lat: 50.828 + (rnd.Float64()-0.5)*0.2, Lon: 3.265 + (rnd.Float64()-0.5)*0.3}
	}
	for j := range 6 {
		r := engine.Role{ID: fmt.Sprintf("role-%03d", j), EmployerID: fmt.Sprintf("emp-%d", j%3), Version: 1, Open: true,
			Title: fmt.Sprintf("Barista %d", j), Sector: "I", Site: near(), DayReleaseOK: true, HoursPerWeek: 30,
			Essential: []engine.Requirement{{Skill: baristaSkills[j%3], MinLevel: 2}, {Skill: "food-hygiene", MinLevel: 1}},
			Optional:  []engine.Requirement{{Skill: "latte-art", MinLevel: 1}}}
		for d := range 5 {
			r.Shifts = append(r.Shifts, engine.Shift{Weekday: d, Start: 9 * 60, End: 15 * 60})
		}
		a.ix.UpsertRole(r)
	}
	for i := range 160 {
		c := engine.Candidate{ID: fmt.Sprintf("cand-%04d", i), OrgID: fmt.Sprintf("org-%d", i%2), Alias: fmt.Sprintf("K%03d", i),
			Version: 1, Consent: true, ReturnRegion: &engine.Region{Point: *near(), RadiusKm: 40},
			Languages: []engine.Language{{Code: "nl", Rank: 3}}, ProgrammeKinds: []string{"coffee_roastery"},
			Certificates: []string{"Food hygiene certificate"}}
		if i%2 == 0 {
			c.Housed, c.House = true, near()
			c.ReleaseDate = today + engine.Day(200+i)
			c.DayRelease = &engine.DayRelease{EligibleFrom: today - 10 + engine.Day(i%40), Days: 0x1f, Start: 7 * 60, End: 18 * 60, MaxCommuteKm: 40}
		}
		for _, s := range baristaSkills {
			if rnd.IntN(10) < 7 {
				c.Skills = append(c.Skills, engine.Skill{ID: s, Level: 1 + rnd.IntN(4), Hours: 40 + rnd.IntN(800), Attested: rnd.IntN(2) == 0})
			}
		}
		a.ix.UpsertCandidate(c)
		a.owner.set(c.ID, c.OrgID, true)
		a.cands = append(a.cands, c)
	}
	if err := a.res.Rebuild(ctx); err != nil {
		t.Fatal(err)
	}
}

// mAnswer is a decoded answer.
type mAnswer struct {
	status int
	ctype  string
	raw    []byte
	body   map[string]any
}

func (a *matchingAPI) get(t *testing.T, who, path string, params url.Values, header ...string) mAnswer {
	t.Helper()
	target := path
	if len(params) > 0 {
		target += "?" + params.Encode()
	}
	req := httptest.NewRequest("GET", target, nil)
	if who != "" {
		req.Header.Set("Authorization", "Bearer "+a.tokens[who])
	}
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	resp, err := a.server.App.Test(req, -1)
	if err != nil {
		t.Fatal(err)
	}
	raw, _ := io.ReadAll(resp.Body)
	out := mAnswer{status: resp.StatusCode, ctype: resp.Header.Get("Content-Type"), raw: raw}
	_ = json.Unmarshal(raw, &out.body)
	return out
}

func (m mAnswer) items() []map[string]any {
	list, _ := m.body["items"].([]any)
	out := make([]map[string]any, 0, len(list))
	for _, it := range list {
		out = append(out, it.(map[string]any))
	}
	return out
}
