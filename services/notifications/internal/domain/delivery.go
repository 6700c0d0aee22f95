package domain

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"time"
)

// ChannelEmail is the only delivery channel so far.
const ChannelEmail = "email"

// Status is where a delivery stands.
type Status string

// Delivery states. A delivery starts queued; a worker that claims it holds
// it as sending under a lease; it ends sent or failed. A sending delivery
// whose lease ran out (its worker died) is claimable again.
const (
	Queued  Status = "queued"
	Sending Status = "sending"
	Sent    Status = "sent"
	Failed  Status = "failed"
)

// Error classes stored in LastError: a class, never the server's text,
// which may quote an address.
const (
	ErrConnection = "connection"
	ErrRejected   = "rejected"
	ErrTimeout    = "timeout"
)

// Delivery is one message to one recipient over one channel. SourceID is
// the event id, handoff id or digest key it came from; (SourceID,
// Recipient, Channel) is unique, so a redelivered event or a repeated
// handoff never sends twice. Address and Params (which hold the link) are
// erased once the delivery is sent or finally failed.
type Delivery struct {
	ID            string
	SourceID      string
	Recipient     string // the user id, or a hash of the address when there is none
	Channel       string
	Kind          string
	UserID        string
	OrgID         string
	CandidateID   string // the candidate a candidate_invitation is for; erasure forgets the delivery
	Language      string
	Address       string
	Params        map[string]string
	Status        Status
	Attempts      int
	NextAttemptAt time.Time
	LeaseUntil    time.Time
	LeaseOwner    string // who holds the lease, so a late worker cannot finish another's claim
	LastError     string
	CreatedAt     time.Time
	SentAt        time.Time
}

// RecipientKey names a recipient without storing an address: the user id
// when known, else a SHA-256 of the normalised address, so the unique index
// still holds once the address is erased.
func RecipientKey(userID, address string) string {
	if userID != "" {
		return "user:" + userID
	}
	sum := sha256.Sum256([]byte(strings.ToLower(strings.TrimSpace(address))))
	return "addr:" + hex.EncodeToString(sum[:])
}

// RetryPolicy says when a failed attempt is tried again.
type RetryPolicy struct {
	// Delays are the waits after the first, second, ... failed attempt;
	// after len(Delays) retries the delivery fails for good.
	Delays []time.Duration
}

// Next returns when to try again after attempts failed attempts, and false
// when none is left.
func (p RetryPolicy) Next(now time.Time, attempts int) (time.Time, bool) {
	if attempts < 1 || attempts > len(p.Delays) {
		return time.Time{}, false
	}
	return now.Add(p.Delays[attempts-1]), true
}

// DeliveryFilter narrows the admins' list: OrgID "" means every
// organisation, Status "" every status.
type DeliveryFilter struct {
	OrgID  string
	Status Status
}

// ValidStatus reports whether s is one of the delivery states.
func ValidStatus(s Status) bool { return s == Queued || s == Sending || s == Sent || s == Failed }
