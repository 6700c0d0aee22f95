package feed

import (
	"context"
	"fmt"
	"strings"

	"github.com/onward-jobs/onward/pkg/errs"
)

// StreamStatus is how far one consumer group is behind on one stream.
type StreamStatus struct {
	Stream string
	Group  string
	// Lag is how many entries the group has not yet read (-1 when Redis
	// cannot tell); Pending how many it read but has not acknowledged.
	Lag     int64
	Pending int64
}

// StreamStatus reports this instance's own groups and the shared group on
// both streams, from XINFO GROUPS.
func (f *Feed) StreamStatus(ctx context.Context) ([]StreamStatus, error) {
	var out []StreamStatus
	for _, stream := range f.streams() {
		groups, err := f.deps.Redis.XInfoGroups(ctx, stream).Result()
		if err != nil && strings.HasPrefix(err.Error(), "ERR no such key") {
			// Redis restarted empty: the stream and its groups come back
			// when the feed reads again. Until then there is nothing to
			// report, which is a "try again", not a failure.
			return nil, fmt.Errorf("feed: stream %s is being recreated: %w", stream, errs.Unavailable)
		}
		if err != nil {
			return nil, fmt.Errorf("feed: groups of %s: %w", stream, err)
		}
		for _, g := range groups {
			if g.Name == f.IndexGroup() || g.Name == f.cfg.SharedGroup {
				out = append(out, StreamStatus{Stream: stream, Group: g.Name, Lag: g.Lag, Pending: g.Pending})
			}
		}
	}
	return out, nil
}
