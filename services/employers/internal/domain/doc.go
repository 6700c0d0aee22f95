// Package domain holds the employers service's entities and rules: employer
// profiles, roles, the role lifecycle and the validation of what an employer
// posts. It knows nothing of HTTP or storage.
package domain
