package owners

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/onward-jobs/onward/pkg/errs"
	"github.com/onward-jobs/onward/services/notifications/internal/service"
)

type tokens struct{}

func (tokens) Token(_ context.Context, audience string) (string, error) {
	return "tok-" + audience, nil
}

// TestIntroductionContract checks the introduction lookup against the
// placements service's GET /internal/v1/introductions/{id}: a placements
// audience token, the two organisations and the role read, 404 as
// NotFound, a 5xx as Unavailable and an answer without both sides refused.
func TestIntroductionContract(t *testing.T) {
	t.Parallel()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Authorization") != "Bearer tok-placements" {
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		switch r.URL.Path {
		case "/internal/v1/introductions/i1":
			_, _ = w.Write([]byte(`{"id":"i1","role_id":"r1","employer_org_id":"emp-1","candidate_id":"c1","candidate_org_id":"prog-1","status":"requested"}`))
		case "/internal/v1/introductions/half":
			_, _ = w.Write([]byte(`{"id":"half","role_id":"r1","employer_org_id":"emp-1","candidate_id":"c1","status":"requested"}`))
		case "/internal/v1/introductions/down":
			w.WriteHeader(http.StatusBadGateway)
		default:
			w.WriteHeader(http.StatusNotFound)
		}
	}))
	defer srv.Close()
	c, err := New(URLs{Employers: "http://127.0.0.1:1", Candidates: "http://127.0.0.1:1", Placements: srv.URL}, tokens{}, nil, 5*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	got, err := c.Introduction(ctx, "i1")
	want := service.IntroductionRef{ID: "i1", RoleID: "r1", EmployerOrgID: "emp-1", CandidateID: "c1", CandidateOrgID: "prog-1", Status: "requested"}
	if err != nil || got != want {
		t.Fatalf("Introduction = %+v, %v; want %+v", got, err, want)
	}
	if _, err := c.Introduction(ctx, "gone"); !errors.Is(err, errs.NotFound) {
		t.Errorf("unknown introduction = %v, want NotFound", err)
	}
	if _, err := c.Introduction(ctx, "down"); !errors.Is(err, errs.Unavailable) {
		t.Errorf("a failing placements service = %v, want Unavailable", err)
	}
	if _, err := c.Introduction(ctx, "half"); err == nil || errors.Is(err, errs.NotFound) {
		t.Errorf("an answer without the candidate's organisation = %v, want an error", err)
	}
}

func TestNewNeedsEveryURL(t *testing.T) {
	t.Parallel()
	if _, err := New(URLs{Employers: "http://e", Candidates: "http://c"}, tokens{}, nil, time.Second); err == nil {
		t.Error("a client without the placements URL")
	}
}
