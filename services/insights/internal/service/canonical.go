package service

import (
	"cmp"
	"reflect"
	"slices"
	"time"

	"github.com/onward-jobs/onward/services/insights/internal/domain"
)

// canonical returns p in the one form it is stored and compared in:
// times in UTC to the millisecond (what the store keeps), lists sorted by
// id, day and side, and empty lists nil. Two progress documents with the
// same facts are then equal whatever order the owners listed them in.
func canonical(p domain.Progress) domain.Progress {
	p.CreatedAt, p.ConsentFirstGivenAt, p.FirstShortlistedAt = ms(p.CreatedAt), ms(p.ConsentFirstGivenAt), ms(p.FirstShortlistedAt)
	p.Programmes = nilIfEmpty(slices.Clone(p.Programmes))
	slices.SortFunc(p.Programmes, func(a, b domain.ProgrammeFacts) int { return cmp.Compare(a.ID, b.ID) })
	intros := make([]domain.IntroductionFacts, len(p.Introductions))
	for i, in := range p.Introductions {
		intros[i] = canonicalIntroduction(in)
	}
	slices.SortFunc(intros, func(a, b domain.IntroductionFacts) int { return cmp.Compare(a.ID, b.ID) })
	p.Introductions = nilIfEmpty(intros)
	return p
}

func canonicalIntroduction(in domain.IntroductionFacts) domain.IntroductionFacts {
	in.RequestedAt = ms(in.RequestedAt)
	if a := in.Answer; a != nil {
		in.Answer = &domain.AnswerFacts{Accepted: a.Accepted, AnsweredAt: ms(a.AnsweredAt)}
	}
	if o := in.Outcome; o != nil {
		in.Outcome = &domain.OutcomeFacts{Kind: o.Kind, RecordedAt: ms(o.RecordedAt)}
	}
	if pl := in.Placement; pl != nil {
		c := *pl
		c.RecordedAt, c.StartDate, c.EndedOn = ms(c.RecordedAt), ms(c.StartDate), ms(c.EndedOn)
		in.Placement = &c
	}
	fs := make([]domain.FollowUpFacts, len(in.FollowUps))
	for i, f := range in.FollowUps {
		f.DueAt, f.AnsweredAt = ms(f.DueAt), ms(f.AnsweredAt)
		if f.StillWorking != nil {
			w := *f.StillWorking
			f.StillWorking = &w
		}
		fs[i] = f
	}
	slices.SortFunc(fs, func(a, b domain.FollowUpFacts) int {
		return cmp.Or(cmp.Compare(a.Day, b.Day), cmp.Compare(a.Side, b.Side))
	})
	in.FollowUps = nilIfEmpty(fs)
	return in
}

// sameProgress reports whether a and b hold the same facts.
func sameProgress(a, b domain.Progress) bool {
	return reflect.DeepEqual(canonical(a), canonical(b))
}

// ms returns t in UTC to the millisecond; a zero time stays zero.
func ms(t time.Time) time.Time {
	if t.IsZero() {
		return time.Time{}
	}
	return t.UTC().Truncate(time.Millisecond)
}

func nilIfEmpty[S ~[]E, E any](s S) S {
	if len(s) == 0 {
		return nil
	}
	return s
}
