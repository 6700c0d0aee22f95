package domain

import (
	"fmt"
	"strings"
	"time"

	"github.com/onward-jobs/onward/pkg/errs"
)

// Limits on a statement and its review, in characters (runes).
const (
	MaxStatement     = 600
	MaxStatementNote = 280
)

// Statement is a short text in the candidate's own words, shown on the
// card employers see once programme staff approved it: a reviewer checks
// that it names no person, place or offence. Flags are the checker's
// hints for that review, worked out when the text was written. The text
// is personal data: it is never logged and never put on an event.
type Statement struct {
	Text       string
	Status     StatementStatus
	Flags      []StatementFlag
	WrittenBy  string
	WrittenAt  time.Time
	ReviewedBy string
	ReviewedAt time.Time
	// Note is the reviewer's note; a rejection always has one.
	Note string
}

// StatementStatus is where a statement is in its review.
type StatementStatus string

// The review statuses. Only an approved statement reaches employers.
const (
	StatementPending  StatementStatus = "pending"
	StatementApproved StatementStatus = "approved"
	StatementRejected StatementStatus = "rejected"
)

// ReviewDecision is what a reviewer decides about a pending statement.
type ReviewDecision string

// The decisions.
const (
	DecisionApprove ReviewDecision = "approve"
	DecisionReject  ReviewDecision = "reject"
)

// NewStatement validates text (trimmed, 1 to MaxStatement characters) and
// returns it as a pending statement with the checker's flags.
func NewStatement(text, by string, at time.Time, places PlaceNames) (Statement, error) {
	text = strings.TrimSpace(text)
	var c checker
	c.text("text", text, true, MaxStatement)
	if err := c.err(); err != nil {
		return Statement{}, err
	}
	return Statement{Text: text, Status: StatementPending, Flags: CheckStatement(text, places), WrittenBy: by, WrittenAt: at}, nil
}

// ValidateReview checks a decision and its note before anything is
// loaded: a rejection needs a note, so whoever rewrites the statement
// knows what to change.
func ValidateReview(decision ReviewDecision, note string) error {
	var c checker
	c.check(decision != DecisionApprove && decision != DecisionReject, "decision", "must be approve or reject")
	c.text("note", note, decision == DecisionReject, MaxStatementNote)
	return c.err()
}

// Review records the decision on a pending statement. A statement that is
// not pending (approved or rejected already) is an errs.Conflict: there is
// nothing waiting for a review.
func (s *Statement) Review(decision ReviewDecision, note, by string, at time.Time) error {
	if s.Status != StatementPending {
		return fmt.Errorf("the statement is %s, not waiting for a review: %w", s.Status, errs.Conflict)
	}
	s.Status = StatementApproved
	if decision == DecisionReject {
		s.Status = StatementRejected
	}
	s.ReviewedBy, s.ReviewedAt, s.Note = by, at, note
	return nil
}

// SameText reports whether t is what the statement already says, so
// writing it again changes nothing (and does not send an approved
// statement back to review).
func (s *Statement) SameText(t string) bool {
	return s != nil && s.Text == strings.TrimSpace(t) && s.Status != StatementRejected
}

// ApprovedStatement returns the text employers may see: the statement if
// it is approved, "" otherwise.
func (c Candidate) ApprovedStatement() string {
	if c.Statement == nil || c.Statement.Status != StatementApproved {
		return ""
	}
	return c.Statement.Text
}
