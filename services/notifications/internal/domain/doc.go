// Package domain holds what the notifications service is about: inbox items,
// deliveries and their states, preferences and the kinds of notification.
// It knows nothing of Fiber, bson or SMTP.
package domain

import "errors"

// ErrDuplicate means the thing was already stored: a redelivered event or a
// handoff seen before. Callers treat it as success, which is what makes
// delivery idempotent.
var ErrDuplicate = errors.New("already stored")
