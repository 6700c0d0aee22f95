// Package http is the placements service's HTTP API: introductions, their
// threads and outcomes, placements and follow-ups under /api/v1, and the
// internal operations for other services under /internal/v1. Handlers
// decode, call the service and encode with the types generated from
// docs/openapi.yaml; errors go to the one error handler.
package http
