// Package http is the notifications service's HTTP API: the public
// /api/v1/notifications routes for signed-in people (their own inbox and
// preferences; deliveries for administrators) and the internal
// /internal/v1/messages route where the gateway hands off account mails.
// Handlers decode, call the service and encode; errors go to the shared
// handler.
package http
