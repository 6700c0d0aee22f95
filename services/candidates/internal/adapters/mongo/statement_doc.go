package mongo

import (
	"time"

	"github.com/onward-jobs/onward/services/candidates/internal/domain"
)

// statementDoc is a candidate's statement in their own words as stored,
// with the checker's flags worked out when it was written.
type statementDoc struct {
	Text       string     `bson:"text"`
	Status     string     `bson:"status"`
	Flags      []flagDoc  `bson:"flags,omitempty"`
	WrittenBy  string     `bson:"written_by"`
	WrittenAt  time.Time  `bson:"written_at"`
	ReviewedBy string     `bson:"reviewed_by,omitempty"`
	ReviewedAt *time.Time `bson:"reviewed_at,omitempty"`
	Note       string     `bson:"note,omitempty"`
}

type flagDoc struct {
	Kind  string `bson:"kind"`
	Text  string `bson:"text"`
	Start int    `bson:"start"`
	End   int    `bson:"end"`
}

func toStatementDoc(s *domain.Statement) *statementDoc {
	if s == nil {
		return nil
	}
	d := &statementDoc{
		Text: s.Text, Status: string(s.Status), WrittenBy: s.WrittenBy, WrittenAt: s.WrittenAt,
		ReviewedBy: s.ReviewedBy, Note: s.Note,
	}
	if !s.ReviewedAt.IsZero() {
		at := s.ReviewedAt
		d.ReviewedAt = &at
	}
	for _, f := range s.Flags {
		d.Flags = append(d.Flags, flagDoc{Kind: string(f.Kind), Text: f.Text, Start: f.Start, End: f.End})
	}
	return d
}

func toDomainStatement(d *statementDoc) *domain.Statement {
	if d == nil {
		return nil
	}
	s := &domain.Statement{
		Text: d.Text, Status: domain.StatementStatus(d.Status), Flags: []domain.StatementFlag{},
		WrittenBy: d.WrittenBy, WrittenAt: d.WrittenAt.UTC(), ReviewedBy: d.ReviewedBy, Note: d.Note,
	}
	if d.ReviewedAt != nil {
		s.ReviewedAt = d.ReviewedAt.UTC()
	}
	for _, f := range d.Flags {
		s.Flags = append(s.Flags, domain.StatementFlag{Kind: domain.FlagKind(f.Kind), Text: f.Text, Start: f.Start, End: f.End})
	}
	return s
}
