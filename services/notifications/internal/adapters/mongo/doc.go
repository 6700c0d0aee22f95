// Package mongo stores the notifications service's inbox items, deliveries
// and preferences in its own database. Unique indexes carry the service's
// idempotency: one inbox item per (source, user) and one delivery per
// (source, recipient, channel). bson stays in this package.
package mongo
