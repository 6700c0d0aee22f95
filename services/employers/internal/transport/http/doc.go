// Package http is the employers service's HTTP API: the public /api/v1
// routes for employers, programme staff and administrators, and the
// /internal/v1 routes other services call with service tokens. Handlers
// decode, call the service and encode; errors go to the shared handler.
package http
