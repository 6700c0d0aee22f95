package feed

import (
	"context"
	"fmt"
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
