// Package fake holds stand-ins for the services behind the gateway
// (employers, candidates, matching) for the web app's black-box tests.
// Each fake is an httptest server the test points the gateway at (its URL
// goes into EMPLOYERS_URL, CANDIDATES_URL or MATCHING_URL); it keeps its
// data in memory, answers as the real service's public API does, refuses
// requests without a bearer token, and records what it was asked so a
// test can check what the web app sent. Only tests import it.
package fake

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
)

// Request is one request a fake saw, with its JSON body decoded.
type Request struct {
	Method, Path string
	Query        url.Values
	Body         map[string]any
}

// callerID reads the user id from the bearer token, unverified: the
// gateway has verified it, and the fake only needs to know who asks.
func callerID(r *http.Request) string { return callerOf(r).Sub }

// answer writes v as a JSON answer.
func answer(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(v)
}

// problem answers status with a plain problem document.
func problem(w http.ResponseWriter, status int) {
	w.Header().Set("Content-Type", "application/problem+json")
	w.WriteHeader(status)
	fmt.Fprintf(w, `{"type":"about:blank","title":%q,"status":%d}`, http.StatusText(status), status)
}

// fieldProblem answers 400 with a validation problem naming the fields.
func fieldProblem(w http.ResponseWriter, fields map[string]string) {
	var errors []map[string]string
	for f, m := range fields {
		errors = append(errors, map[string]string{"field": f, "message": m})
	}
	w.Header().Set("Content-Type", "application/problem+json")
	w.WriteHeader(http.StatusBadRequest)
	_ = json.NewEncoder(w).Encode(map[string]any{"type": "validation", "title": "Invalid input", "status": 400, "errors": errors})
}

// conflict answers 409, with the statuses allowed when there are any.
func conflict(w http.ResponseWriter, allowed []string) {
	w.Header().Set("Content-Type", "application/problem+json")
	w.WriteHeader(http.StatusConflict)
	p := map[string]any{"type": "conflict", "title": "Conflict", "status": 409}
	if allowed != nil {
		p["allowed"] = allowed
	}
	_ = json.NewEncoder(w).Encode(p)
}
