package launcher

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// TestContractCatchesDisagreements checks the checker the platform tests
// rely on, against a server that answers wrongly in each way it must see:
// a body without a required field, a status the operation does not list,
// an operation the description does not have, a bad line in a stream. A
// right answer and a web page pass.
func TestContractCatchesDisagreements(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/api/v1/me":
			w.Header().Set("Content-Type", "application/json")
			_, _ = io.WriteString(w, `{"user":{"id":"u1","name":"Ana","email":"ana@example.be","role":"member"},"role":"member"}`)
		case "/api/v1/skills/espresso-preparation":
			w.WriteHeader(http.StatusTeapot)
		case "/internal/v1/candidates/versions":
			w.Header().Set("Content-Type", ndjson)
			_, _ = io.WriteString(w, "{\"id\":\"c1\",\"version\":1}\n{\"id\":\"c2\",\"version\":\"two\"}\n{\"end\":true,\"count\":2}\n")
		case "/.well-known/jwks.json":
			w.Header().Set("Content-Type", "application/json")
			_, _ = io.WriteString(w, `{"keys":[]}`)
		case "/":
			w.Header().Set("Content-Type", "text/html")
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	c := loadContract(t)
	client := &http.Client{Transport: c}
	for path, want := range map[string]string{
		"/api/v1/me":                          `getMe (GET /api/v1/me) answered 200`,
		"/api/v1/skills/espresso-preparation": `getSkill (GET /api/v1/skills/espresso-preparation) answered 418`,
		"/api/v1/nowhere":                     `GET /api/v1/nowhere answered 404, but the description has no such operation`,
		"/internal/v1/candidates/versions":    `listCandidateVersions (GET /internal/v1/candidates/versions) answered 200, line 2`,
		"/.well-known/jwks.json":              "",
		"/":                                   "",
	} {
		resp, err := client.Get(srv.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		got := c.takeFailures()
		switch {
		case want == "" && len(got) > 0:
			t.Errorf("GET %s: %q; want no disagreement", path, got)
		case want != "" && (len(got) != 1 || !strings.HasPrefix(got[0], want)):
			t.Errorf("GET %s: %q; want one starting %q", path, got, want)
		}
	}
}
