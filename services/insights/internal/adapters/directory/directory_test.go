package directory

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/onward-jobs/onward/pkg/errs"
	"github.com/onward-jobs/onward/services/insights/internal/service"
)

// tokens hands out a token naming its audience, so the fake peers can
// check each call went with a token for them.
type tokens struct{}

func (tokens) Token(_ context.Context, audience string) (string, error) {
	return "token-for-" + audience, nil
}

// peers fakes the gateway's organisations and the candidates service's
// listing of programmes, two to a page, per docs/openapi.yaml.
type peers struct {
	mu         sync.Mutex
	programmes [][2]string // id, org id
	listings   int
	failing    bool
}

func (p *peers) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	p.mu.Lock()
	defer p.mu.Unlock()
	reply := func(status int, body any) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(status)
		_ = json.NewEncoder(w).Encode(body)
	}
	switch {
	case p.failing:
		reply(503, map[string]any{"type": "/problems/unavailable"})
	case strings.HasPrefix(r.URL.Path, "/internal/v1/organisations/"):
		if r.Header.Get("Authorization") != "Bearer token-for-gateway" {
			reply(401, map[string]any{})
			return
		}
		switch id := strings.TrimPrefix(r.URL.Path, "/internal/v1/organisations/"); id {
		case "obs-1":
			reply(200, map[string]any{"id": id, "kind": "observer", "name": "City of Ghent", "status": "verified", "version": 1})
		case "prog-a":
			reply(200, map[string]any{"id": id, "kind": "programme", "status": "verified", "version": 2})
		default:
			reply(404, map[string]any{"type": "/problems/not-found"})
		}
	case r.URL.Path == "/internal/v1/programmes":
		if r.Header.Get("Authorization") != "Bearer token-for-candidates" || r.URL.Query().Get("limit") != "100" {
			reply(400, map[string]any{})
			return
		}
		start := 0
		if c := r.URL.Query().Get("cursor"); c != "" {
			start, _ = strconv.Atoi(c)
		} else {
			p.listings++
		}
		var items []map[string]any
		for _, pr := range p.programmes[start:min(start+2, len(p.programmes))] {
			items = append(items, map[string]any{"id": pr[0], "org_id": pr[1], "name": "Roastery", "kind": "coffee_roastery"})
		}
		page := map[string]any{"items": items}
		if start+2 < len(p.programmes) {
			page["next_cursor"] = strconv.Itoa(start + 2)
		}
		reply(200, page)
	default:
		reply(404, map[string]any{})
	}
}

func newClient(t *testing.T, p *peers) *Client {
	t.Helper()
	srv := httptest.NewServer(p)
	t.Cleanup(srv.Close)
	c, err := New(URLs{Gateway: srv.URL, Candidates: srv.URL}, tokens{}, nil, 5*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// TestOrganisation reads an organisation's kind and name, answers an
// unknown one as not found and a failing gateway as unavailable.
func TestOrganisation(t *testing.T) {
	p := &peers{}
	c := newClient(t, p)
	ctx := context.Background()
	got, err := c.Organisation(ctx, "obs-1")
	if want := (service.Organisation{ID: "obs-1", Kind: "observer", Name: "City of Ghent", Status: "verified"}); err != nil || got != want {
		t.Fatalf("Organisation(obs-1) = %+v, %v; want %+v", got, err, want)
	}
	if got, err := c.Organisation(ctx, "prog-a"); err != nil || got.Kind != "programme" || got.Name != "" {
		t.Fatalf("Organisation(prog-a) = %+v, %v", got, err)
	}
	if _, err := c.Organisation(ctx, "nobody"); !errors.Is(err, errs.NotFound) {
		t.Fatalf("an unknown organisation: %v", err)
	}
	p.failing = true
	if _, err := c.Organisation(ctx, "obs-1"); !errors.Is(err, errs.Unavailable) {
		t.Fatalf("a failing gateway: %v", err)
	}
}

// TestProgrammeOrganisation finds a programme on any page of the listing,
// keeps what it found, answers an unknown programme as not found without
// reading the listing again for a while, and finds a programme created
// since once that while has passed.
func TestProgrammeOrganisation(t *testing.T) {
	p := &peers{programmes: [][2]string{{"p1", "org-a"}, {"p2", "org-a"}, {"p3", "org-b"}, {"p4", "org-c"}, {"p5", "org-c"}}}
	c := newClient(t, p)
	now := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	c.now = func() time.Time { return now }
	ctx := context.Background()
	if org, err := c.ProgrammeOrganisation(ctx, "p5"); err != nil || org != "org-c" {
		t.Fatalf("p5 = %q, %v", org, err)
	}
	if org, err := c.ProgrammeOrganisation(ctx, "p3"); err != nil || org != "org-b" || p.listings != 1 {
		t.Fatalf("p3 = %q, %v after %d listings", org, err, p.listings)
	}
	if _, err := c.ProgrammeOrganisation(ctx, "p6"); !errors.Is(err, errs.NotFound) || p.listings != 1 {
		t.Fatalf("an unknown programme: %v after %d listings", err, p.listings)
	}
	p.programmes = append(p.programmes, [2]string{"p6", "org-a"})
	now = now.Add(relistAfter)
	if org, err := c.ProgrammeOrganisation(ctx, "p6"); err != nil || org != "org-a" || p.listings != 2 {
		t.Fatalf("a new programme = %q, %v after %d listings", org, err, p.listings)
	}
	p.failing = true
	if org, err := c.ProgrammeOrganisation(ctx, "p1"); err != nil || org != "org-a" {
		t.Fatalf("a programme known already, with candidates down = %q, %v", org, err)
	}
	now = now.Add(relistAfter)
	if _, err := c.ProgrammeOrganisation(ctx, "p9"); !errors.Is(err, errs.Unavailable) {
		t.Fatalf("an unknown programme with candidates down: %v", err)
	}
}
