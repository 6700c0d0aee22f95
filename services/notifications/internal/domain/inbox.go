package domain

import "time"

// Subject kinds: what an inbox item is about. An item holds the id only;
// its message is rendered when read.
const (
	SubjectRole      = "role"
	SubjectCandidate = "candidate"
	// SubjectIntroduction is an employer's request to meet a candidate
	// and what followed it (meeting, placement, follow-ups).
	SubjectIntroduction = "introduction"
)

// InboxItem is one notification in a user's inbox. It holds ids and a
// message key, never names or text, so an erasure elsewhere needs nothing
// here and the message is rendered in the reader's language.
type InboxItem struct {
	ID          string
	UserID      string
	SourceID    string
	Kind        string
	MessageKey  string
	SubjectType string
	SubjectID   string
	Link        string
	// CandidateID is the candidate an item about an introduction
	// concerns, kept only so that the candidate's erasure reaches the
	// item (ForgetSubject); it is never shown.
	CandidateID string
	CreatedAt   time.Time
	ReadAt      time.Time
	// DigestPending marks an item that waits for the user's daily digest.
	DigestPending bool
}
