// Package httpx is the HTTP plumbing every Onward service shares: a Fiber app
// with one error handler answering application/problem+json (RFC 9457), strict
// JSON decoding with field-level validation errors, request ids, structured
// request logs without personal data, /healthz and /readyz, Prometheus
// /metrics and graceful shutdown. It holds no business rules.
package httpx
