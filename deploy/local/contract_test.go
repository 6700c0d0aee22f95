package launcher

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"
	"github.com/getkin/kin-openapi/routers/legacy"

	"github.com/onward-jobs/onward/pkg/testkit"
)

// ndjson is the media type of the owners' streamed listings: one JSON value
// a line, each checked against the description's schema for the stream.
const ndjson = "application/x-ndjson"

func init() {
	// A stream is checked line by line (see contract.check), so its
	// decoder reads one JSON value.
	openapi3filter.RegisterBodyDecoder(ndjson, openapi3filter.JSONBodyDecoder)
}

// contract checks every answer the platform tests receive against
// docs/openapi.yaml with kin-openapi: the call must be a described
// operation, its status one the operation lists, and its headers and body
// what the description says. It remembers each disagreement and fails the
// test at its end, naming the operation, the status and the error, so the
// description cannot drift from the code.
type contract struct {
	router routers.Router
	base   http.RoundTripper

	mu       sync.Mutex
	checked  int
	failures []string
}

// contractClient returns an HTTP client whose answers are checked against
// docs/openapi.yaml; t fails at its end when any answer disagreed.
func contractClient(t testing.TB) *http.Client {
	t.Helper()
	c := loadContract(t)
	t.Cleanup(func() {
		for _, f := range c.takeFailures() {
			t.Errorf("an answer disagrees with docs/openapi.yaml: %s", f)
		}
		c.mu.Lock()
		defer c.mu.Unlock()
		t.Logf("%d answers checked against docs/openapi.yaml", c.checked)
	})
	return &http.Client{Transport: c}
}

// loadContract reads docs/openapi.yaml into a contract over
// http.DefaultTransport.
func loadContract(t testing.TB) *contract {
	t.Helper()
	doc, err := openapi3.NewLoader().LoadFromFile(filepath.Join(testkit.RepoRoot(t), "docs", "openapi.yaml"))
	if err != nil {
		t.Fatalf("load docs/openapi.yaml: %v", err)
	}
	doc.Servers = nil // The platform under test listens on ports of its own.
	router, err := legacy.NewRouter(doc)
	if err != nil {
		t.Fatalf("route docs/openapi.yaml: %v", err)
	}
	return &contract{router: router, base: http.DefaultTransport}
}

// takeFailures returns the disagreements seen so far and forgets them.
func (c *contract) takeFailures() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	f := c.failures
	c.failures = nil
	return f
}

// RoundTrip sends req and checks the answer, which it hands back unread.
func (c *contract) RoundTrip(req *http.Request) (*http.Response, error) {
	resp, err := c.base.RoundTrip(req)
	if err != nil {
		return resp, err
	}
	body, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	resp.Body = io.NopCloser(bytes.NewReader(body))
	if err != nil {
		return resp, nil // The caller meets the same short body.
	}
	if problem := c.check(req, resp, body); problem != "" {
		c.mu.Lock()
		c.failures = append(c.failures, problem)
		c.mu.Unlock()
	}
	return resp, nil
}

// check returns what is wrong with resp as an answer to req, or "".
// Requests outside the API (web pages, assets) are not checked.
func (c *contract) check(req *http.Request, resp *http.Response, body []byte) string {
	call := req.Method + " " + req.URL.Path
	route, params, err := c.router.FindRoute(req)
	if err != nil {
		if isAPI(req.URL.Path) {
			return fmt.Sprintf("%s answered %d, but the description has no such operation (%v)", call, resp.StatusCode, err)
		}
		return ""
	}
	operation := route.Operation.OperationID
	c.mu.Lock()
	c.checked++
	c.mu.Unlock()
	validate := func(b []byte) error {
		in := &openapi3filter.ResponseValidationInput{
			RequestValidationInput: &openapi3filter.RequestValidationInput{Request: req, PathParams: params, Route: route},
			Status:                 resp.StatusCode,
			Header:                 resp.Header,
			Options:                &openapi3filter.Options{IncludeResponseStatus: true, MultiError: true},
		}
		return openapi3filter.ValidateResponse(context.Background(), in.SetBodyBytes(b))
	}
	if !strings.HasPrefix(resp.Header.Get("Content-Type"), ndjson) {
		if err := validate(body); err != nil {
			return fmt.Sprintf("%s (%s) answered %d: %v", operation, call, resp.StatusCode, err)
		}
		return ""
	}
	sc := bufio.NewScanner(bytes.NewReader(body))
	sc.Buffer(nil, 4<<20)
	for n := 1; sc.Scan(); n++ {
		if err := validate(sc.Bytes()); err != nil {
			return fmt.Sprintf("%s (%s) answered %d, line %d: %v", operation, call, resp.StatusCode, n, err)
		}
	}
	return ""
}

// isAPI reports whether path is one the description must cover, as
// pkg/apispec counts them.
func isAPI(path string) bool {
	for _, prefix := range []string{"/api/", "/.well-known/", "/internal/", "/healthz", "/readyz", "/metrics"} {
		if strings.HasPrefix(path, prefix) {
			return true
		}
	}
	return false
}
