package mongo

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/onward-jobs/onward/services/candidates/internal/domain"
)

// statementDoc is a candidate's statement in their own words as stored.
// Its words (the text, the checker's flags, which quote it, and the
// reviewer's note) are sealed together under the candidate document's
// identity key, as the identity is: a statement waiting for review may
// still name a person, a place or an offence. Who wrote and reviewed it,
// when, and its status stay plain.
type statementDoc struct {
	Words      []byte     `bson:"words"`
	Status     string     `bson:"status"`
	WrittenBy  string     `bson:"written_by"`
	WrittenAt  time.Time  `bson:"written_at"`
	ReviewedBy string     `bson:"reviewed_by,omitempty"`
	ReviewedAt *time.Time `bson:"reviewed_at,omitempty"`
}

// statementWords is what statementDoc.Words seals, as JSON.
type statementWords struct {
	Text  string    `json:"text"`
	Flags []flagDoc `json:"flags,omitempty"`
	Note  string    `json:"note,omitempty"`
}

type flagDoc struct {
	Kind  string `json:"kind"`
	Text  string `json:"text"`
	Start int    `json:"start"`
	End   int    `json:"end"`
}

// sealStatement converts a statement for storage, sealing its words with
// the current identity key (the one toCandidateDoc names).
func (s *Store) sealStatement(candidateID string, st *domain.Statement) *statementDoc {
	if st == nil {
		return nil
	}
	w := statementWords{Text: st.Text, Note: st.Note}
	for _, f := range st.Flags {
		w.Flags = append(w.Flags, flagDoc{Kind: string(f.Kind), Text: f.Text, Start: f.Start, End: f.End})
	}
	plain, _ := json.Marshal(w) // strings and ints only: cannot fail
	_, sealed := s.opts.Identity.Seal(plain, sealContext(candidateID, "statement"))
	d := &statementDoc{Words: sealed, Status: string(st.Status), WrittenBy: st.WrittenBy, WrittenAt: st.WrittenAt, ReviewedBy: st.ReviewedBy}
	if !st.ReviewedAt.IsZero() {
		at := st.ReviewedAt
		d.ReviewedAt = &at
	}
	return d
}

// openStatement reverses sealStatement. The error names the candidate,
// never the words.
func (s *Store) openStatement(candidateID, keyID string, d *statementDoc) (*domain.Statement, error) {
	if d == nil {
		return nil, nil
	}
	plain, err := s.opts.Identity.Open(keyID, d.Words, sealContext(candidateID, "statement"))
	if err != nil {
		return nil, fmt.Errorf("open the statement of candidate %s: %w", candidateID, err)
	}
	var w statementWords
	if err := json.Unmarshal(plain, &w); err != nil {
		return nil, fmt.Errorf("read the statement of candidate %s: %w", candidateID, err)
	}
	st := &domain.Statement{
		Text: w.Text, Status: domain.StatementStatus(d.Status), Flags: make([]domain.StatementFlag, 0, len(w.Flags)),
		WrittenBy: d.WrittenBy, WrittenAt: d.WrittenAt.UTC(), ReviewedBy: d.ReviewedBy, Note: w.Note,
	}
	if d.ReviewedAt != nil {
		st.ReviewedAt = d.ReviewedAt.UTC()
	}
	for _, f := range w.Flags {
		st.Flags = append(st.Flags, domain.StatementFlag{Kind: domain.FlagKind(f.Kind), Text: f.Text, Start: f.Start, End: f.End})
	}
	return st, nil
}

// approvedStatement opens a stored statement for a matching view, which
// holds only an approved one: any other is not opened at all.
func (s *Store) approvedStatement(candidateID, keyID string, d *statementDoc) (*domain.Statement, error) {
	if d == nil || domain.StatementStatus(d.Status) != domain.StatementApproved {
		return nil, nil
	}
	return s.openStatement(candidateID, keyID, d)
}
