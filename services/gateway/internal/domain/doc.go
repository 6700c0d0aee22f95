// Package domain holds the gateway's entities and rules: accounts,
// organisations, invitations and refresh-token families. It knows nothing
// about HTTP or storage.
package domain
