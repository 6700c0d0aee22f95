// Package http is the matching service's JSON API on Fiber. It serves the
// shared vocabulary of roles and portfolios: skill, occupation and place
// search for any signed-in user. Handlers validate the query, call the
// taxonomy or gazetteer and convert results with named functions; errors go
// to the one problem+json handler in pkg/httpx.
package http
