// Package http is the gateway's JSON API on Fiber: sign-up, sign-in, token
// refresh and logout, the caller's account, organisations and invitations,
// the JWK Set, service tokens, and the reverse proxy to the other services.
// Handlers decode, call a use case and convert the result with a named
// function; errors go to the one problem+json handler in pkg/httpx.
package http
