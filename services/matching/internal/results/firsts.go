package results

import (
	"context"
	"errors"
	"fmt"
)

// shortlistingLock names the lock a candidate's first shortlisting is
// recorded and forgotten under, so an erasure and a list write racing on
// another instance cannot leave a record behind.
func shortlistingLock(candidateID string) string { return "matching/shortlisted/" + candidateID }

// noteShortlistings records the first shortlisting of every candidate on
// the shortlist just stored who has no record yet; call it after the list
// is saved. The candidates this instance knows to be recorded cost
// nothing, so rewriting a list of known candidates makes no query. A
// record that cannot be written fails the write, so the change is
// retried (the list write is idempotent) rather than its first time lost.
func (r *Results) noteShortlistings(ctx context.Context, s Shortlist) error {
	if r.firsts == nil || len(s.Entries) == 0 {
		return nil
	}
	if err := r.recorded.load(ctx, r.firsts); err != nil {
		return err
	}
	var failed []error
	for _, id := range r.recorded.unknown(s.Entries) {
		first := Shortlisting{CandidateID: id, FirstAt: s.ComputedAt, FirstRoleID: s.RoleID}
		if err := r.recordShortlisting(ctx, first); err != nil {
			failed = append(failed, err)
		}
	}
	return errors.Join(failed...)
}

// recordShortlisting writes one candidate's first shortlisting unless it
// exists, and announces it when this call created it. An erasure takes
// the candidate out of this instance's index before it forgets the record
// under the same lock, so a candidate the index no longer holds is not
// recorded again.
func (r *Results) recordShortlisting(ctx context.Context, first Shortlisting) error {
	unlock, err := r.locks.Lock(ctx, shortlistingLock(first.CandidateID))
	if err != nil {
		return fmt.Errorf("lock the shortlisting of candidate %s: %w", first.CandidateID, err)
	}
	defer unlock()
	if _, ok := r.ix.Candidate(first.CandidateID); !ok {
		return nil
	}
	created, err := r.firsts.RecordShortlisting(ctx, first)
	if err != nil {
		return fmt.Errorf("record the first shortlisting of candidate %s: %w", first.CandidateID, err)
	}
	r.recorded.add(first.CandidateID)
	if created && r.listedAnnouncer != nil {
		r.listedAnnouncer.AnnounceShortlisted(ctx, first.CandidateID)
	}
	return nil
}

// CandidateErased forgets what matching keeps of an erased candidate
// beside the stored lists (CandidateRemoved takes it off those): the
// record of its first shortlisting. The data flow calls it on every
// instance once that instance's index has let the candidate go, and once
// more with the lists; a candidate without a record is no error.
func (r *Results) CandidateErased(ctx context.Context, candidateID string) error {
	if r.firsts == nil {
		return nil
	}
	unlock, err := r.locks.Lock(ctx, shortlistingLock(candidateID))
	if err != nil {
		return fmt.Errorf("lock the shortlisting of candidate %s: %w", candidateID, err)
	}
	defer unlock()
	r.recorded.drop(candidateID)
	if err := r.firsts.ForgetShortlisting(ctx, candidateID); err != nil {
		return fmt.Errorf("forget the shortlisting of an erased candidate: %w", err)
	}
	return nil
}
