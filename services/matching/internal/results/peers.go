package results

import (
	"context"
	"fmt"
	"strconv"
	"time"

	"github.com/redis/go-redis/v9"
)

// Peers tells an instance whether other instances write stored lists too,
// through heartbeats in a Redis sorted set (instance id → time of its last
// beat). An instance that is alone wrote every list itself, so its
// membership in memory is current and reloading it, which on FerretDB v1
// decodes every stored list (8 s at 20,000 candidates), can be skipped.
type Peers struct {
	Redis redis.UniversalClient
	// Key is the sorted set shared by every instance.
	Key string
	// Self is this instance's id.
	Self string
	// Every is how often instances beat (the membership refresh).
	Every time.Duration
}

// Beat records this instance as alive and reports whether another one
// beat within the last two intervals, so an instance that stopped is still
// counted at the next refresh after its last beat, which then reads what
// it wrote. Instances silent for ten intervals are forgotten.
func (p Peers) Beat(ctx context.Context) (others bool, err error) {
	now := time.Now()
	ms := func(t time.Time) string { return strconv.FormatInt(t.UnixMilli(), 10) }
	var recent *redis.StringSliceCmd
	_, err = p.Redis.TxPipelined(ctx, func(pipe redis.Pipeliner) error {
		pipe.ZAdd(ctx, p.Key, redis.Z{Score: float64(now.UnixMilli()), Member: p.Self})
		pipe.ZRemRangeByScore(ctx, p.Key, "-inf", "("+ms(now.Add(-10*p.Every)))
		recent = pipe.ZRangeByScore(ctx, p.Key, &redis.ZRangeBy{Min: ms(now.Add(-2 * p.Every)), Max: "+inf"})
		return nil
	})
	if err != nil {
		return true, fmt.Errorf("matching heartbeat: %w", err)
	}
	for _, id := range recent.Val() {
		if id != p.Self {
			return true, nil
		}
	}
	return false, nil
}
