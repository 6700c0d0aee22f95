package results

import (
	"context"
	"time"

	"github.com/onward-jobs/onward/services/matching/internal/lru"
)

// ShortlistSource reads a role's stored shortlist; the MongoDB store
// implements it.
type ShortlistSource interface {
	Shortlist(ctx context.Context, roleID string) (Shortlist, error)
}

// ShortlistCacheMaxAge is how long a cached shortlist is served before it
// is read from the store again even though its stamp still matches. The
// stamps make the cache exact; this bounds what a Redis that lost its
// newest writes (a failover, a restore from a snapshot) and so answers an
// older stamp can cost.
const ShortlistCacheMaxAge = 30 * time.Second

// ShortlistReader reads stored shortlists for the API, serving from memory
// a list this instance read before when the role's stamp (Stamps) still
// names it. A read costs one stamp lookup in Redis instead of reading and
// decoding the whole list (a hundred entries with cards and explanations).
// Because every writer records a new stamp before it writes, a reader
// never gets a list older than one the store has already answered anyone;
// when the stamp cannot be read (Redis down) the store is read. The lists
// it returns are shared: callers must not change them.
type ShortlistReader struct {
	source ShortlistSource
	stamps Stamps
	cache  *lru.Cache[cachedShortlist]
	now    func() time.Time
}

// NewShortlistReader reads source through a cache of at most size lists,
// checked against stamps. Without stamps or with size 0 it reads source
// every time.
func NewShortlistReader(source ShortlistSource, stamps Stamps, size int) *ShortlistReader {
	r := &ShortlistReader{source: source, stamps: stamps, now: time.Now}
	if stamps != nil && size > 0 {
		r.cache = lru.New[cachedShortlist](size)
	}
	return r
}

// Shortlist returns the role's stored shortlist, or errs.NotFound.
func (r *ShortlistReader) Shortlist(ctx context.Context, roleID string) (Shortlist, error) {
	if r.cache == nil {
		return r.source.Shortlist(ctx, roleID)
	}
	// Detached from the request's context, which Fiber never cancels (the
	// client's read timeout bounds the call): with it, go-redis measured
	// over 100 µs of CPU per lookup under load, without it about 10 µs
	// (BenchmarkShortlistPageRead).
	stamp, err := r.stamps.Stamp(context.WithoutCancel(ctx), roleID)
	if err != nil {
		return r.source.Shortlist(ctx, roleID)
	}
	now := r.now()
	if c, ok := r.cache.Get(roleID); ok && stamp != "" && c.list.Stamp == stamp && now.Sub(c.readAt) < ShortlistCacheMaxAge {
		return c.list, nil
	}
	sl, err := r.source.Shortlist(ctx, roleID)
	if err != nil {
		r.cache.Remove(roleID)
		return sl, err
	}
	// Only a list the stamp names is kept: one read while its successor
	// was being written is served once and forgotten.
	if stamp != "" && sl.Stamp == stamp {
		r.cache.Put(roleID, cachedShortlist{list: sl, readAt: now})
	}
	return sl, nil
}

// Cached returns how many lists the cache holds.
func (r *ShortlistReader) Cached() int {
	if r.cache == nil {
		return 0
	}
	return r.cache.Len()
}

// cachedShortlist is a list and when it was read from the store.
type cachedShortlist struct {
	list   Shortlist
	readAt time.Time
}
