package gateway

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/onward-jobs/onward/pkg/errs"
)

type tokens struct{}

func (tokens) Token(_ context.Context, audience string) (string, error) {
	return "tok-" + audience, nil
}

// TestRecipientsContract checks the client against the brief's contract: a
// gateway audience token, inactive members left out, 404 as NotFound and a
// 5xx as Unavailable.
func TestRecipientsContract(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Authorization") != "Bearer tok-gateway" {
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		switch r.URL.Path {
		case "/internal/v1/organisations/o1/recipients":
			_, _ = w.Write([]byte(`{"items":[{"user_id":"u1","email":"u1@x.org","language":"nl","role":"member"},{"user_id":"u2","email":"u2@x.org","language":"en","role":"member","active":false}]}`))
		case "/internal/v1/users/u1/recipient":
			_, _ = w.Write([]byte(`{"user_id":"u1","email":"u1@x.org","language":"nl","organisation_id":"o1","role":"member","active":true}`))
		case "/internal/v1/users/down/recipient":
			w.WriteHeader(http.StatusServiceUnavailable)
		default:
			w.WriteHeader(http.StatusNotFound)
		}
	}))
	defer srv.Close()
	g, err := New(srv.URL, tokens{}, nil, 5*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	people, err := g.Organisation(ctx, "o1")
	if err != nil || len(people) != 1 || people[0].UserID != "u1" || people[0].OrgID != "o1" || people[0].Language != "nl" {
		t.Fatalf("Organisation = %+v, %v", people, err)
	}
	u, err := g.User(ctx, "u1")
	if err != nil || u.Email != "u1@x.org" || u.OrgID != "o1" || !u.Active {
		t.Fatalf("User = %+v, %v", u, err)
	}
	if _, err := g.User(ctx, "gone"); !errors.Is(err, errs.NotFound) {
		t.Errorf("unknown user = %v, want NotFound", err)
	}
	if _, err := g.Organisation(ctx, "gone"); !errors.Is(err, errs.NotFound) {
		t.Errorf("unknown organisation = %v, want NotFound", err)
	}
	if _, err := g.User(ctx, "down"); !errors.Is(err, errs.Unavailable) {
		t.Errorf("a failing gateway = %v, want Unavailable", err)
	}
}
