package results

import (
	"context"
	"slices"
	"sync"
	"time"
)

// fullBefore is what was recorded of a list's full matches before a
// write. fromStore says it was read from the store under the list's lock
// (exact); otherwise it is what this instance remembers (exact for one
// instance, trusted for the cut-off TTL with several). recorded is false
// when the store held no record and the stored list itself was read
// instead (lists written before records were kept): the record is then
// written even if nothing changed, since the list about to be written
// could no longer tell. ok is false when it could not be read.
type fullBefore struct {
	FullMatches
	fromStore, recorded, ok bool
}

// fullRecords remembers, per list, the record this instance last read or
// wrote, so that a write that changes no full match costs no read.
type fullRecords struct {
	ttl time.Duration
	now func() time.Time
	mu  sync.Mutex
	m   map[string]fullRecord
}

type fullRecord struct {
	FullMatches
	at time.Time
}

func recordKey(kind ListKind, id string) string { return string(kind) + "/" + id }

func (f *fullRecords) get(kind ListKind, id string) (FullMatches, bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	r, ok := f.m[recordKey(kind, id)]
	if !ok || (f.ttl > 0 && f.now().Sub(r.at) >= f.ttl) {
		return FullMatches{}, false
	}
	return r.FullMatches, true
}

func (f *fullRecords) set(kind ListKind, id string, fm FullMatches) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.m == nil {
		f.m = map[string]fullRecord{}
	}
	f.m[recordKey(kind, id)] = fullRecord{FullMatches: fm, at: f.now()}
}

func (f *fullRecords) forget(kind ListKind, id string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	delete(f.m, recordKey(kind, id))
}

// fullMatchesBefore returns what was recorded of the list's full matches;
// call it under the list's lock before the list is written. Without an
// announcer nothing is tracked.
func (r *Results) fullMatchesBefore(ctx context.Context, kind ListKind, id string) fullBefore {
	if r.announcer == nil {
		return fullBefore{}
	}
	if fm, ok := r.fulls.get(kind, id); ok {
		return fullBefore{FullMatches: fm, recorded: true, ok: true}
	}
	return r.readFullMatches(ctx, kind, id, true)
}

// readFullMatches reads the list's record, or, without one and when
// fallback is set, the full matches of the stored list itself.
func (r *Results) readFullMatches(ctx context.Context, kind ListKind, id string, fallback bool) fullBefore {
	fm, found, err := r.store.FullMatches(ctx, kind, r.recordID(kind, id))
	if err != nil {
		r.log.WarnContext(ctx, "full matches of a list not read; its gains wait for its next write",
			"list", string(kind), "id", id, "error", err.Error())
		return fullBefore{}
	}
	if found || !fallback {
		return fullBefore{FullMatches: fm, fromStore: true, recorded: found, ok: true}
	}
	members, err := r.storedFull(ctx, kind, id)
	if err != nil {
		r.log.WarnContext(ctx, "stored list not read; its gains wait for its next write",
			"list", string(kind), "id", id, "error", err.Error())
		return fullBefore{}
	}
	return fullBefore{FullMatches: FullMatches{Members: members}, fromStore: true, ok: true}
}

// storedFull returns the full matches of the stored list; none when there
// is no list.
func (r *Results) storedFull(ctx context.Context, kind ListKind, id string) ([]string, error) {
	var (
		full []string
		err  error
	)
	if kind == ShortlistKind {
		var s Shortlist
		if s, err = r.store.Shortlist(ctx, id); err == nil {
			full = s.Full()
		}
	} else {
		var s Suggestions
		if s, err = r.store.Suggestions(ctx, id); err == nil {
			full = s.Full()
		}
	}
	if isNotFound(err) {
		return nil, nil
	}
	return full, err
}

// noteFullMatches compares the full matches of the list just written
// (now, sorted; nil for a deleted list) with before, records a change and
// announces a gain, under the list's lock. It never fails the write: a
// record that cannot be read or written is logged by id and the next
// write of the list compares again, so a gain is announced late rather
// than twice, and a version is announced only once it is stored.
func (r *Results) noteFullMatches(ctx context.Context, kind ListKind, id string, before fullBefore, now []string) {
	if r.announcer == nil || !before.ok {
		return
	}
	if unchanged(before, now) {
		r.fulls.set(kind, id, before.FullMatches)
		return
	}
	if !before.fromStore {
		// What this instance remembers may be stale (another instance
		// wrote since): the store, read under the lock, decides.
		fresh := r.readFullMatches(ctx, kind, id, false)
		if !fresh.ok {
			r.fulls.forget(kind, id)
			return
		}
		if fresh.recorded {
			before = fresh
		}
	}
	added := gained(before.Members, now)
	next := FullMatches{Members: now, Version: before.Version}
	if len(added) > 0 {
		next.Version++
	}
	if unchanged(before, now) {
		r.fulls.set(kind, id, next)
		return
	}
	if err := r.store.SaveFullMatches(ctx, kind, r.recordID(kind, id), next); err != nil {
		r.fulls.forget(kind, id)
		r.log.WarnContext(ctx, "full matches of a list not recorded; its gains wait for its next write",
			"list", string(kind), "id", id, "error", err.Error())
		return
	}
	r.fulls.set(kind, id, next)
	if len(added) > 0 {
		r.announcer.Announce(ctx, Gain{Kind: kind, ID: id, Version: next.Version})
	}
}

// unchanged reports whether the record before already says now. No record
// says "no full matches"; a list read in its place must be recorded.
func unchanged(before fullBefore, now []string) bool {
	return slices.Equal(before.Members, now) && (before.recorded || len(now) == 0)
}

// recordID is the id a list's record of full matches is stored under.
func (r *Results) recordID(kind ListKind, id string) string {
	return FullMatchesRecordID(r.refKey, kind, id)
}

// FullMatchesRecordID is the id the record of a list's full matches is
// stored under, with the candidate-reference key: a role's id as it is, a
// candidate's as a keyed hash. The record outlives the list so that
// versions never repeat, and so it must not hold a candidate's id: once
// the candidate is erased, the hash names no one.
func FullMatchesRecordID(refKey []byte, kind ListKind, id string) string {
	if kind != SuggestionsKind {
		return id
	}
	return candidateRef(refKey, "full-matches record", id)
}
