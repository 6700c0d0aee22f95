// Package auth issues and verifies Onward's access tokens.
//
// The gateway is the only issuer. It signs short-lived JWT access tokens
// (RFC 9068, header typ "at+jwt") with an Ed25519 key and publishes the
// public half as a JWK Set. Every service verifies tokens locally with a
// Verifier fed by a JWKSCache, so no request needs a round trip to the
// gateway and a key rotation only needs the new key to appear in the set.
//
// Verification is deliberately narrow: only EdDSA is accepted, exp, iss,
// aud, sub, kid and typ are all required, and oversize tokens are refused
// before any parsing. Every failure is an errs.Unauthenticated, and no error
// message repeats the token, so errors are safe to log and to return.
//
// Services call each other with service tokens: tokens whose audience is
// the target service and whose subject is "service:<caller>". A
// ServiceTokenSource obtains and caches them from the gateway, and
// ServiceTransport attaches them to outgoing HTTP requests.
//
// Fiber appears only in middleware.go; the rest of the package can be used
// by service layers and workers that never see an HTTP request.
package auth
