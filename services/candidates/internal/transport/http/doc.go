// Package http is the candidates service's HTTP API: the public /api/v1
// routes for programme staff (programmes, candidates, their portfolios,
// consent, export, erasure and the audit trail, and attestation checks for
// anyone signed in) and the /internal/v1 routes other services call with
// service tokens. Handlers decode, call the service and encode; errors go
// to the shared handler in pkg/httpx.
package http
