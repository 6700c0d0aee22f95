package auth

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/onward-jobs/onward/pkg/api"
	"github.com/onward-jobs/onward/pkg/errs"
)

const testSecret = "s3cret-for-candidates"

// fakeGateway issues real service tokens the way the gateway will, and
// records what each caller asked for.
type fakeGateway struct {
	*httptest.Server
	mu        sync.Mutex
	audiences []string
}

func newFakeGateway(t *testing.T, signer *Signer) *fakeGateway {
	g := &fakeGateway{}
	g.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var req api.ServiceTokenRequest
		switch {
		case r.Method != http.MethodPost || r.URL.Path != ServiceTokenPath:
			http.Error(w, "wrong endpoint", http.StatusNotFound)
			return
		case r.Header.Get("Authorization") != "Bearer "+testSecret:
			http.Error(w, "bad secret", http.StatusUnauthorized)
			return
		case json.NewDecoder(r.Body).Decode(&req) != nil || req.Service != api.ServiceNameCandidates:
			http.Error(w, "bad request", http.StatusBadRequest)
			return
		}
		g.mu.Lock()
		g.audiences = append(g.audiences, string(req.Audience))
		g.mu.Unlock()
		token, err := IssueServiceToken(signer, testIssuer, string(req.Service), string(req.Audience), MaxServiceTokenTTL)
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		json.NewEncoder(w).Encode(api.ServiceToken{AccessToken: token, ExpiresIn: int(MaxServiceTokenTTL.Seconds())})
	}))
	t.Cleanup(g.Close)
	return g
}

func (g *fakeGateway) requested() []string {
	g.mu.Lock()
	defer g.mu.Unlock()
	return append([]string(nil), g.audiences...)
}

func newTestTokenSource(t *testing.T, gatewayURL, secret string, clock *fakeClock) *ServiceTokenSource {
	t.Helper()
	src, err := NewServiceTokenSource(ServiceTokenConfig{GatewayURL: gatewayURL + "/", ServiceName: "candidates", Secret: secret})
	if err != nil {
		t.Fatal(err)
	}
	src.now = clock.now
	return src
}

func TestServiceTokenSourceCachesPerAudience(t *testing.T) {
	ctx := context.Background()
	key := newTestKey(t, "k1")
	gw := newFakeGateway(t, key.signer(t))
	clock := newFakeClock()
	src := newTestTokenSource(t, gw.URL, testSecret, clock)

	var wg sync.WaitGroup
	tokens := make([]string, 20)
	for i := range tokens {
		wg.Go(func() {
			tok, err := src.Token(ctx, "matching")
			if err != nil {
				t.Error(err)
			}
			tokens[i] = tok
		})
	}
	wg.Wait()
	for _, tok := range tokens[1:] {
		if tok != tokens[0] {
			t.Fatal("concurrent callers got different tokens for one audience")
		}
	}
	if _, err := src.Token(ctx, "employers"); err != nil {
		t.Fatal(err)
	}
	clock.advance(MaxServiceTokenTTL - serviceTokenMargin - time.Second)
	if tok, _ := src.Token(ctx, "matching"); tok != tokens[0] {
		t.Error("token replaced before its refresh time")
	}
	if got, want := strings.Join(gw.requested(), ","), "matching,employers"; got != want {
		t.Fatalf("gateway asked for %s, want %s", got, want)
	}

	clock.advance(2 * time.Second)
	fresh, err := src.Token(ctx, "matching")
	if err != nil || fresh == tokens[0] {
		t.Fatalf("token not renewed 30s before expiry: err %v", err)
	}

	// The token the target service receives is a valid service token.
	claims, err := newTestVerifier(t, StaticKeys{key.kid: key.pub}, "matching").Verify(ctx, fresh)
	if err != nil {
		t.Fatal(err)
	}
	if p := claims.Principal(); p.ServiceName() != "candidates" {
		t.Errorf("principal = %+v, want service candidates", p)
	}
}

func TestServiceTokenSourceErrors(t *testing.T) {
	gw := newFakeGateway(t, newTestKey(t, "k1").signer(t))
	down := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusBadGateway)
	}))
	defer down.Close()

	tests := []struct {
		name, url, secret string
		wantUnavailable   bool
	}{
		{"wrong secret", gw.URL, "guess", false},
		{"gateway failing", down.URL, testSecret, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := newTestTokenSource(t, tt.url, tt.secret, newFakeClock()).Token(context.Background(), "matching")
			switch {
			case err == nil:
				t.Fatal("Token succeeded")
			case errors.Is(err, errs.Unauthenticated):
				t.Error("gateway refusal blames the end user (Unauthenticated)")
			case errors.Is(err, errs.Unavailable) != tt.wantUnavailable:
				t.Errorf("err = %v, want Unavailable %v", err, tt.wantUnavailable)
			case strings.Contains(err.Error(), tt.secret):
				t.Error("error leaks the secret")
			}
		})
	}
}

func TestServiceTransportAddsBearerToken(t *testing.T) {
	key := newTestKey(t, "k1")
	src := newTestTokenSource(t, newFakeGateway(t, key.signer(t)).URL, testSecret, newFakeClock())
	verifier := newTestVerifier(t, StaticKeys{key.kid: key.pub}, "matching")
	matching := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		raw, _ := bearerToken(r.Header.Get("Authorization"))
		if _, err := verifier.Verify(r.Context(), raw); err != nil {
			http.Error(w, err.Error(), http.StatusUnauthorized)
		}
	}))
	defer matching.Close()

	client := &http.Client{Transport: ServiceTransport(src, "matching", nil)}
	req, _ := http.NewRequest(http.MethodGet, matching.URL, nil)
	resp, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Errorf("status = %d, want 200", resp.StatusCode)
	}
	if req.Header.Get("Authorization") != "" {
		t.Error("transport modified the caller's request")
	}
}
