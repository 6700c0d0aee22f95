package app_test

import (
	"encoding/base64"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/onward-jobs/onward/services/gateway/internal/gatewaytest"
)

// handoff is one message the gateway handed to the notifications service,
// as the contract of POST /internal/v1/messages describes it, with the
// claims of the service token it came with.
type handoff struct {
	ID   string `json:"id"`
	Kind string `json:"kind"`
	To   struct {
		Email       string `json:"email"`
		Language    string `json:"language"`
		UserID      string `json:"user_id"`
		CandidateID string `json:"candidate_id"`
	} `json:"to"`
	Params struct {
		Link         string `json:"link"`
		Organisation string `json:"organisation"`
	} `json:"params"`
	Subject  string
	Audience []string
}

// receiver stands in for the notifications service at the HTTP boundary:
// it records every handoff and answers 202, and answers any other request
// with a fixed JSON body, as a proxied upstream would.
type receiver struct {
	*httptest.Server
	mu   sync.Mutex
	got  []handoff
	seen chan struct{}
}

func startReceiver(t *testing.T) *receiver {
	t.Helper()
	r := &receiver{seen: make(chan struct{}, 100)}
	r.Server = httptest.NewServer(http.HandlerFunc(r.serve))
	t.Cleanup(r.Close)
	return r
}

func (r *receiver) serve(w http.ResponseWriter, req *http.Request) {
	if req.Method != http.MethodPost || req.URL.Path != "/internal/v1/messages" {
		w.Header().Set("Content-Type", "application/json")
		_, _ = io.WriteString(w, `{"upstream":"notifications","path":"`+req.URL.Path+`"}`)
		return
	}
	var h handoff
	if err := json.NewDecoder(req.Body).Decode(&h); err != nil {
		w.WriteHeader(http.StatusBadRequest)
		return
	}
	h.Subject, h.Audience = tokenClaims(strings.TrimPrefix(req.Header.Get("Authorization"), "Bearer "))
	r.mu.Lock()
	r.got = append(r.got, h)
	r.mu.Unlock()
	r.seen <- struct{}{}
	w.WriteHeader(http.StatusAccepted)
}

// tokenClaims reads the subject and audience of a JWT without checking
// it: the notifications service checks it; here we see what was minted.
func tokenClaims(token string) (string, []string) {
	parts := strings.Split(token, ".")
	if len(parts) != 3 {
		return "", nil
	}
	raw, err := base64.RawURLEncoding.DecodeString(parts[1])
	if err != nil {
		return "", nil
	}
	var c struct {
		Sub string `json:"sub"`
		Aud any    `json:"aud"`
	}
	_ = json.Unmarshal(raw, &c)
	switch a := c.Aud.(type) {
	case string:
		return c.Sub, []string{a}
	case []any:
		var out []string
		for _, s := range a {
			str, _ := s.(string)
			out = append(out, str)
		}
		return c.Sub, out
	}
	return c.Sub, nil
}

// waitFor returns the first handoff of kind to email, waiting up to five
// seconds for it.
func (r *receiver) waitFor(t *testing.T, kind, email string) handoff {
	t.Helper()
	deadline := time.After(5 * time.Second)
	for {
		if h, ok := r.find(kind, email); ok {
			return h
		}
		select {
		case <-r.seen:
		case <-deadline:
			t.Fatalf("no %s handoff to %s within 5s; got %+v", kind, email, r.all())
		}
	}
}

func (r *receiver) find(kind, email string) (handoff, bool) {
	for _, h := range r.all() {
		if h.Kind == kind && h.To.Email == email {
			return h, true
		}
	}
	return handoff{}, false
}

// count is how many handoffs of kind to email arrived, after a pause long
// enough for the ones that would come.
func (r *receiver) count(kind, email string) int {
	time.Sleep(700 * time.Millisecond)
	n := 0
	for _, h := range r.all() {
		if h.Kind == kind && h.To.Email == email {
			n++
		}
	}
	return n
}

func (r *receiver) all() []handoff {
	r.mu.Lock()
	defer r.mu.Unlock()
	return slices.Clone(r.got)
}

// startWithReceiver starts a gateway that hands off to a new receiver.
func startWithReceiver(t *testing.T, env map[string]string) (*gatewaytest.Gateway, *receiver) {
	t.Helper()
	r := startReceiver(t)
	all := map[string]string{"NOTIFICATIONS_URL": r.URL}
	for k, v := range env {
		all[k] = v
	}
	return gatewaytest.Start(t, all), r
}

// resetToken is the token at the end of a password-reset link.
func resetToken(t *testing.T, g *gatewaytest.Gateway, h handoff) string {
	t.Helper()
	prefix := g.Config.PublicURL + "/password-reset/"
	if !strings.HasPrefix(h.Params.Link, prefix) {
		t.Fatalf("reset link %q does not start with %q", h.Params.Link, prefix)
	}
	return strings.TrimPrefix(h.Params.Link, prefix)
}

// serviceToken asks the gateway for a token of service for audience.
func serviceToken(t *testing.T, g *gatewaytest.Gateway, service, audience string) string {
	t.Helper()
	req, _ := http.NewRequest(http.MethodPost, g.URL+"/internal/v1/service-tokens",
		strings.NewReader(`{"service":"`+service+`","audience":"`+audience+`"}`))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer "+g.Config.ServiceSecret)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var body struct {
		AccessToken string `json:"access_token"`
	}
	if resp.StatusCode != http.StatusOK || json.NewDecoder(resp.Body).Decode(&body) != nil {
		t.Fatalf("service token for %s → %s: status %d", service, audience, resp.StatusCode)
	}
	return body.AccessToken
}
