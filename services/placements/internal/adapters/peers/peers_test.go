package peers

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/onward-jobs/onward/pkg/errs"
	"github.com/onward-jobs/onward/services/placements/internal/service"
)

type tokens struct{}

func (tokens) Token(context.Context, string) (string, error) { return "svc", nil }

// TestStatusesBecomeCategories maps each answer of a peer to the error
// category the service acts on.
func TestStatusesBecomeCategories(t *testing.T) {
	status := http.StatusOK
	var auth string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		auth = r.Header.Get("Authorization")
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(status)
		_, _ = w.Write([]byte(`{"errors":[{"field":"disclose","message":"no phone"}]}`))
	}))
	defer srv.Close()
	c, err := New(URLs{Employers: srv.URL, Matching: srv.URL, Candidates: srv.URL, Gateway: srv.URL}, tokens{}, nil, time.Second)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	for code, want := range map[int]error{404: errs.NotFound, 409: errs.Conflict, 503: errs.Unavailable, 400: errs.InvalidArgument} {
		status = code
		if err := c.RecordPlacement(ctx, "r1", "p1"); !errors.Is(err, want) {
			t.Errorf("%d = %v, want %v", code, err, want)
		}
	}
	if auth != "Bearer svc" {
		t.Errorf("the call carried %q, not the service token", auth)
	}
	status = 401
	if err := c.SetPlacement(ctx, "c1", "p1", true, false); err == nil || errors.Is(err, errs.NotFound) {
		t.Errorf("401 = %v", err)
	}
	status = 200
	if flags := c.Check(ctx, "a clean record"); flags != nil {
		t.Errorf("a check without the caller's token = %v", flags)
	}
	c.Check(service.WithBearer(ctx, "user-token"), "text")
	if auth != "Bearer user-token" {
		t.Errorf("the wording check carried %q, not the caller's token", auth)
	}
	if _, err := New(URLs{Employers: "not a url"}, tokens{}, nil, time.Second); err == nil {
		t.Error("a bad URL was accepted")
	}
}
