package loadtest

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"time"
)

// apiClient calls the public API with one bearer token while the world is
// seeded and read back; the load itself goes through vegeta.
type apiClient struct {
	base, token string
	http        *http.Client
}

func newAPIClient(base string) apiClient {
	return apiClient{base: base, http: &http.Client{Timeout: 60 * time.Second}}
}

// with returns the client with another token.
func (c apiClient) with(token string) apiClient {
	c.token = token
	return c
}

// do sends body as JSON and decodes the answer into out (when not nil);
// an answer other than want is an error. A 503 (a store busy under the
// seeding) is retried a few times, as a well-behaved client would.
func (c apiClient) do(ctx context.Context, method, path string, body any, want int, out any) error {
	var raw []byte
	if body != nil {
		raw, _ = json.Marshal(body)
	}
	for attempt := 0; ; attempt++ {
		status, answer, err := c.send(ctx, method, path, raw)
		if err != nil {
			return fmt.Errorf("%s %s: %w", method, path, err)
		}
		if status == http.StatusServiceUnavailable && attempt < 5 {
			time.Sleep(time.Duration(attempt+1) * 200 * time.Millisecond)
			continue
		}
		if status != want {
			return fmt.Errorf("%s %s = %d, want %d: %s", method, path, status, want, tail(string(answer), 300))
		}
		if out != nil {
			if err := json.Unmarshal(answer, out); err != nil {
				return fmt.Errorf("%s %s: %w", method, path, err)
			}
		}
		return nil
	}
}

func (c apiClient) send(ctx context.Context, method, path string, body []byte) (int, []byte, error) {
	req, err := http.NewRequestWithContext(ctx, method, c.base+path, bytes.NewReader(body))
	if err != nil {
		return 0, nil, err
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if c.token != "" {
		req.Header.Set("Authorization", "Bearer "+c.token)
	}
	resp, err := c.http.Do(req)
	if err != nil {
		return 0, nil, err
	}
	defer resp.Body.Close()
	answer, err := io.ReadAll(resp.Body)
	return resp.StatusCode, answer, err
}

// signIn returns an access token for email and password.
func (c apiClient) signIn(ctx context.Context, email, password string) (string, error) {
	var tokens struct {
		AccessToken string `json:"access_token"`
	}
	err := c.with("").do(ctx, "POST", "/api/v1/auth/login", map[string]string{"email": email, "password": password}, http.StatusOK, &tokens)
	return tokens.AccessToken, err
}
