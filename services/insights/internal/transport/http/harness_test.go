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
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/onward-jobs/onward/pkg/auth"
	"github.com/onward-jobs/onward/pkg/httpx"
	"github.com/onward-jobs/onward/pkg/testkit"
	"github.com/onward-jobs/onward/services/insights/internal/adapters/directory"
	mongoadapter "github.com/onward-jobs/onward/services/insights/internal/adapters/mongo"
	"github.com/onward-jobs/onward/services/insights/internal/domain"
)

const issuer = "https://onward.test"

// now is the harness's time: reports default to March 2026.
var now = time.Date(2026, 3, 15, 10, 0, 0, 0, time.UTC)

// organisations are what the fake gateway knows: id → kind and name.
var organisations = map[string][2]string{
	"org-a": {"programme", "Kortrijk House"}, "org-b": {"programme", "Vorst House"},
	"obs-1": {"observer", "City of Ghent"}, "obs-2": {"observer", "Probation Flanders"},
	"emp-1": {"employer", "Café Central"},
}

// programmes are what the fake candidates service lists: id → org id.
var programmes = map[string]string{"prog-a1": "org-a", "prog-a2": "org-a", "prog-b1": "org-b"}

// peers fakes the gateway's GET /internal/v1/organisations/{id} and the
// candidates service's GET /internal/v1/programmes, per docs/openapi.yaml.
func peers(w http.ResponseWriter, r *http.Request) {
	reply := func(status int, body any) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(status)
		_ = json.NewEncoder(w).Encode(body)
	}
	if !strings.HasPrefix(r.Header.Get("Authorization"), "Bearer ") {
		reply(401, map[string]any{})
		return
	}
	if id, ok := strings.CutPrefix(r.URL.Path, "/internal/v1/organisations/"); ok {
		if o, ok := organisations[id]; ok {
			reply(200, map[string]any{"id": id, "kind": o[0], "name": o[1], "status": "verified", "version": 1})
			return
		}
	}
	if r.URL.Path == "/internal/v1/programmes" {
		var items []map[string]any
		for id, org := range programmes {
			items = append(items, map[string]any{"id": id, "org_id": org, "name": "Roastery", "kind": "coffee_roastery"})
		}
		reply(200, map[string]any{"items": items})
		return
	}
	reply(404, map[string]any{"type": "/problems/not-found"})
}

type staticTokens struct{}

func (staticTokens) Token(context.Context, string) (string, error) { return "service-token", nil }

// memoryCounts serves the counts of generated candidates, folded with
// domain.ContributionsOf as the read model folds them.
type memoryCounts struct{ counts domain.Counts }

func (m memoryCounts) ScopeSheet(_ context.Context, scope string, from, to domain.Month) (domain.Sheet, error) {
	return domain.SheetOf(m.counts, scope, from, to), nil
}

// population returns 600 candidates of org-a and org-b registered over
// the year to March 2026, at every step of the funnel.
func population() []domain.Progress {
	r := mrand.New(mrand.NewPCG(15, 15))
	pick := func(v ...string) string { return v[r.IntN(len(v))] }
	start := time.Date(2025, 4, 1, 0, 0, 0, 0, time.UTC)
	var out []domain.Progress
	for i := range 600 {
		created := start.Add(time.Duration(r.Int64N(int64(345 * 24 * time.Hour))))
		org := pick("org-a", "org-a", "org-b")
		prog := map[string]string{"org-a": pick("prog-a1", "prog-a2"), "org-b": "prog-b1"}[org]
		p := domain.Progress{CandidateID: fmt.Sprint("c", i), OrganisationID: org, CreatedAt: created,
			Programmes: []domain.ProgrammeFacts{{ID: prog, Kind: "coffee_roastery"}},
			Setting:    pick("detention_house", "transition_house", "released", "", "=HYPERLINK(1)"), Country: "BE",
			Region: pick("VLG", "VLG", "BRU"), Urban: domain.UrbanClassOf(int64(r.IntN(3) * 40_000))}
		if r.IntN(10) < 9 {
			p.ConsentFirstGivenAt = created.Add(48 * time.Hour)
		}
		if !p.ConsentFirstGivenAt.IsZero() && r.IntN(10) < 6 {
			p.FirstShortlistedAt = created.Add(time.Duration(5+r.IntN(40)) * 24 * time.Hour)
			in := domain.IntroductionFacts{ID: fmt.Sprint("i", i), EmployerOrgID: pick("emp-1", "emp-2"),
				RoleContract: pick("permanent", "fixed_term"), RoleOccupation: "barista",
				RequestedAt: p.FirstShortlistedAt.Add(72 * time.Hour)}
			if r.IntN(3) > 0 {
				in.Answer = &domain.AnswerFacts{Accepted: true, AnsweredAt: in.RequestedAt.Add(time.Hour)}
				if r.IntN(2) == 0 {
					in.Outcome = &domain.OutcomeFacts{Kind: domain.OutcomeHired, RecordedAt: in.RequestedAt.Add(72 * time.Hour)}
					in.Placement = &domain.PlacementFacts{ID: "pl" + in.ID, RecordedAt: in.Outcome.RecordedAt,
						StartDate: domain.DayDue(in.Outcome.RecordedAt, 3), Contract: in.RoleContract}
				}
			}
			p.Introductions = []domain.IntroductionFacts{in}
		}
		out = append(out, p)
	}
	return out
}

// harness is the insights API on a fresh database, with fake peers, the
// counts of a generated population and tokens for every kind of caller.
type harness struct {
	app    *httpx.Server
	shares *mongoadapter.Shares
	tokens map[string]string
}

func newHarness(t *testing.T) *harness {
	t.Helper()
	fake := httptest.NewServer(http.HandlerFunc(peers))
	t.Cleanup(fake.Close)
	dir, err := directory.New(directory.URLs{Gateway: fake.URL, Candidates: fake.URL}, staticTokens{}, nil, 5*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	counts := domain.NewCounts()
	for _, p := range population() {
		counts.Apply(domain.ContributionsOf(p, now).Counts())
	}
	pub, priv, _ := ed25519.GenerateKey(rand.Reader)
	v, err := auth.NewVerifier(auth.VerifierConfig{Issuer: issuer, Audiences: []string{"onward-api", "insights"}, Keys: auth.StaticKeys{"k1": pub}})
	if err != nil {
		t.Fatal(err)
	}
	signer, err := auth.NewSigner("k1", priv)
	if err != nil {
		t.Fatal(err)
	}
	h := &harness{shares: mongoadapter.NewShares(testkit.MongoDB(t)), tokens: map[string]string{}}
	for name, p := range map[string]auth.Principal{
		"admin":     {Subject: "root", Role: auth.RoleAdmin},
		"adminA":    {Subject: "ua", OrgID: "org-a", OrgKind: auth.OrgKindProgramme, Role: auth.RoleOrgAdmin},
		"staffA":    {Subject: "sa", OrgID: "org-a", OrgKind: auth.OrgKindProgramme, Role: auth.RoleMember},
		"adminB":    {Subject: "ub", OrgID: "org-b", OrgKind: auth.OrgKindProgramme, Role: auth.RoleOrgAdmin},
		"observer1": {Subject: "o1", OrgID: "obs-1", OrgKind: auth.OrgKindObserver, Role: auth.RoleMember},
		"observer2": {Subject: "o2", OrgID: "obs-2", OrgKind: auth.OrgKindObserver, Role: auth.RoleOrgAdmin},
		"employer":  {Subject: "ue", OrgID: "emp-1", OrgKind: auth.OrgKindEmployer, Role: auth.RoleOrgAdmin},
		"candidate": {Subject: "uc", Role: auth.RoleMember},
		// self is a candidate signed in to their own account.
		"self": {Subject: "us-cand", Role: auth.RoleCandidate, CandidateID: "cand-1"},
	} {
		tok, err := auth.IssueAccessToken(signer, issuer, []string{"onward-api"}, p, time.Hour)
		if err != nil {
			t.Fatal(err)
		}
		h.tokens[name] = tok
	}
	if h.tokens["service"], err = auth.IssueServiceToken(signer, issuer, "placements", "insights", 5*time.Minute); err != nil {
		t.Fatal(err)
	}
	logger := slog.New(slog.NewTextHandler(io.Discard, nil))
	h.app = httpx.NewServer(httpx.AppConfig{Service: "insights", Logger: logger})
	Register(h.app.App, Deps{Verifier: v, Counts: memoryCounts{counts}, Shares: h.shares, Directory: dir,
		Logger: logger, Clock: func() time.Time { return now }})
	h.app.NotFoundLast()
	return h
}

type answer struct {
	status int
	header http.Header
	raw    string
	body   map[string]any
}

// call sends a request as who (a key of h.tokens, or "" for none).
func (h *harness) call(t *testing.T, who, method, path string) answer {
	t.Helper()
	req := httptest.NewRequest(method, path, nil)
	if who != "" {
		req.Header.Set("Authorization", "Bearer "+h.tokens[who])
	}
	resp, err := h.app.App.Test(req, -1)
	if err != nil {
		t.Fatal(err)
	}
	raw, _ := io.ReadAll(resp.Body)
	out := answer{status: resp.StatusCode, header: resp.Header, raw: string(raw)}
	_ = json.Unmarshal(raw, &out.body)
	return out
}

// field returns the first invalid field a problem names.
func (a answer) field() string {
	list, _ := a.body["errors"].([]any)
	if len(list) == 0 {
		return ""
	}
	f, _ := list[0].(map[string]any)["field"].(string)
	return f
}
