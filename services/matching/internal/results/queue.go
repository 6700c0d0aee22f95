package results

import (
	"context"
	"errors"
	"hash/fnv"
	"slices"
	"strconv"
	"sync"
	"time"
)

// suggestionQueue holds the roles whose change may have made candidates'
// stored suggestions stale, and the candidates found so. A role change can
// touch thousands of candidates' lists; queueing the role keeps its own
// shortlist (what an employer waits for) prompt and the shared consumer
// free for the next change, and a candidate queued by many role changes in
// a row is rewritten once.
type suggestionQueue struct {
	mu    sync.Mutex
	roles map[string]struct{}
	dirty map[string]struct{}
	wake  chan struct{}
}

func newSuggestionQueue() *suggestionQueue {
	return &suggestionQueue{roles: map[string]struct{}{}, dirty: map[string]struct{}{}, wake: make(chan struct{}, 1)}
}

// add queues candidates whose suggestions are to be rewritten.
func (q *suggestionQueue) add(ids ...string) { q.put(q.dirty, ids) }

// addRoles queues roles whose candidates are yet to be found.
func (q *suggestionQueue) addRoles(ids ...string) { q.put(q.roles, ids) }

func (q *suggestionQueue) put(set map[string]struct{}, ids []string) {
	if len(ids) == 0 {
		return
	}
	q.mu.Lock()
	for _, id := range ids {
		set[id] = struct{}{}
	}
	q.mu.Unlock()
	select {
	case q.wake <- struct{}{}:
	default:
	}
}

// takeRoles removes and returns every queued role, sorted.
func (q *suggestionQueue) takeRoles() []string {
	q.mu.Lock()
	defer q.mu.Unlock()
	out := make([]string, 0, len(q.roles))
	for id := range q.roles {
		out = append(out, id)
	}
	clear(q.roles)
	slices.Sort(out)
	return out
}

// take removes and returns up to max queued ids, in no particular order.
func (q *suggestionQueue) take(max int) []string {
	q.mu.Lock()
	defer q.mu.Unlock()
	out := make([]string, 0, min(max, len(q.dirty)))
	for id := range q.dirty {
		if len(out) == max {
			break
		}
		out = append(out, id)
		delete(q.dirty, id)
	}
	return out
}

// suggestionsBatch is how many queued candidates one round rewrites before
// looking at the context again.
const suggestionsBatch = 200

// suggestionsPoll bounds how long a queued candidate waits when a wake-up
// was missed.
const suggestionsPoll = 2 * time.Second

// FlushSuggestions finds the candidates of every queued role, rewrites the
// suggestions of every queued candidate and returns when the queue is
// empty. A role or candidate that fails is queued again for the next
// round.
func (r *Results) FlushSuggestions(ctx context.Context) error {
	today := r.today()
	var failed []error
	if err := r.ensureMembership(ctx); err != nil {
		return err
	}
	for {
		for _, roleID := range r.queue.takeRoles() {
			if err := r.queueSuggestionsFor(ctx, roleID, today); err != nil {
				failed = append(failed, err)
				defer r.queue.addRoles(roleID)
			}
		}
		ids := r.queue.take(suggestionsBatch)
		if len(ids) == 0 {
			return errors.Join(failed...)
		}
		for _, id := range ids {
			if err := r.refreshSuggestions(ctx, id, today); err != nil {
				failed = append(failed, err)
				defer r.queue.add(id)
			}
		}
		if ctx.Err() != nil {
			return ctx.Err()
		}
	}
}

// RunSuggestions rewrites queued suggestions in the background until ctx
// ends; run it beside the data flow. Failures are logged and retried.
func (r *Results) RunSuggestions(ctx context.Context) error {
	tick := time.NewTicker(suggestionsPoll)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-r.queue.wake:
		case <-tick.C:
		}
		if err := r.FlushSuggestions(ctx); err != nil && ctx.Err() == nil {
			r.log.WarnContext(ctx, "suggestions left for the next round", "error", err.Error())
		}
	}
}

// fingerprint identifies what a stored suggestion list says: the
// candidate's version and each entry's role, role version, score and
// match. Rewriting a list whose fingerprint did not change is skipped.
func (s Suggestions) fingerprint(candidateVersion int64, roleVersion func(id string) int64) uint64 {
	h := fnv.New64a()
	h.Write(strconv.AppendInt(nil, candidateVersion, 10))
	for _, e := range s.Entries {
		h.Write([]byte{0})
		h.Write([]byte(e.RoleID))
		h.Write(strconv.AppendInt([]byte{1}, roleVersion(e.RoleID), 10))
		h.Write(strconv.AppendInt([]byte{2}, int64(e.Score), 10))
		h.Write([]byte(e.Match))
	}
	return h.Sum64()
}

// writtenLists remembers the fingerprint of each suggestion list this
// instance last wrote or deleted (0 for deleted), so an unchanged list is
// not written again. With several instances sharing the work another one
// may have written the list since, so a fingerprint is trusted only for
// ttl (0: for ever, right for one instance), as the cut-offs are.
type writtenLists struct {
	ttl time.Duration
	now func() time.Time
	mu  sync.Mutex
	fp  map[string]writtenList
}

type writtenList struct {
	fp uint64
	at time.Time
}

func (w *writtenLists) same(id string, fp uint64) bool {
	w.mu.Lock()
	defer w.mu.Unlock()
	old, ok := w.fp[id]
	return ok && old.fp == fp && (w.ttl == 0 || w.now().Sub(old.at) < w.ttl)
}

func (w *writtenLists) set(id string, fp uint64) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.fp == nil {
		w.fp = map[string]writtenList{}
	}
	w.fp[id] = writtenList{fp: fp, at: w.now()}
}

// forget drops what is remembered of the lists of ids, so that the next
// refresh writes them whatever their fingerprint.
func (w *writtenLists) forget(ids ...string) {
	w.mu.Lock()
	defer w.mu.Unlock()
	for _, id := range ids {
		delete(w.fp, id)
	}
}
