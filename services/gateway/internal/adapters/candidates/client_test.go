package candidates

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/onward-jobs/onward/pkg/errs"
)

// TestCandidateOrg reads the organisation from the matching view, with a
// token meant for the candidates service, and maps the answers to error
// categories.
func TestCandidateOrg(t *testing.T) {
	t.Parallel()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Authorization") != "Bearer tok-candidates" {
			http.Error(w, "wrong token", http.StatusUnauthorized)
			return
		}
		switch r.URL.Path {
		case "/internal/v1/candidates/c1":
			_, _ = w.Write([]byte(`{"id":"c1","org_id":"prog-1","alias":"Kestrel","skills":[]}`))
		case "/internal/v1/candidates/half":
			_, _ = w.Write([]byte(`{"id":"half"}`))
		case "/internal/v1/candidates/down":
			http.Error(w, "down", http.StatusBadGateway)
		default:
			http.Error(w, "not found", http.StatusNotFound)
		}
	}))
	t.Cleanup(srv.Close)
	c, err := New(srv.URL, func(audience string) (string, error) { return "tok-" + audience, nil }, time.Second)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	if org, err := c.CandidateOrg(ctx, "c1"); err != nil || org != "prog-1" {
		t.Fatalf("CandidateOrg(c1) = %q, %v; want prog-1", org, err)
	}
	if _, err := c.CandidateOrg(ctx, "erased"); !errors.Is(err, errs.NotFound) {
		t.Errorf("an erased candidate = %v, want NotFound", err)
	}
	if _, err := c.CandidateOrg(ctx, "down"); !errors.Is(err, errs.Unavailable) {
		t.Errorf("a failing candidates service = %v, want Unavailable", err)
	}
	if _, err := c.CandidateOrg(ctx, "half"); err == nil || errors.Is(err, errs.NotFound) {
		t.Errorf("an answer without the organisation = %v, want an error", err)
	}
	srv.Close()
	if _, err := c.CandidateOrg(ctx, "c1"); !errors.Is(err, errs.Unavailable) {
		t.Errorf("an unreachable candidates service = %v, want Unavailable", err)
	}
}
