package feed

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/onward-jobs/onward/pkg/events"
)

// Run creates this instance's groups, loads the index, reports ready, then
// consumes both streams in its own groups and the shared group and
// reconciles every interval, until ctx ends. It then destroys its own
// groups and returns nil. Owner and Redis failures never end it: the load
// retries with a backoff and the consumers recover by themselves.
func (f *Feed) Run(ctx context.Context) error {
	// The groups exist before the load starts, at the streams' ends, so
	// every event published from here on reaches this instance.
	if err := f.createIndexGroups(ctx); err != nil {
		return nil // ctx ended while Redis was unreachable.
	}
	defer f.destroyIndexGroups()
	if !f.load(ctx) {
		return nil
	}
	subs, err := f.subscribers()
	if err != nil {
		return err
	}
	var wg sync.WaitGroup
	if f.deps.Lists != nil {
		wg.Go(func() { f.rebuildLists(ctx) })
	}
	for _, s := range subs {
		wg.Go(func() { _ = s.Run(ctx) })
	}
	wg.Go(func() { f.reconcileEvery(ctx) })
	wg.Wait()
	f.leaveSharedGroup()
	return nil
}

// createIndexGroups creates this instance's group on both streams at their
// ends ("$"), retrying until Redis answers or ctx ends. A group left by an
// earlier run under the same instance id is kept with its position.
func (f *Feed) createIndexGroups(ctx context.Context) error {
	delay := time.Duration(0)
	for {
		err := f.createGroups(ctx)
		if err == nil {
			return nil
		}
		if ctx.Err() != nil {
			return ctx.Err()
		}
		delay = backoff(delay)
		f.log.Warn("feed: cannot create consumer groups; retrying", "error", err.Error(), "retry_in", delay)
		sleep(ctx, delay)
	}
}

func (f *Feed) createGroups(ctx context.Context) error {
	for _, stream := range f.streams() {
		err := f.deps.Redis.XGroupCreateMkStream(ctx, stream, f.IndexGroup(), "$").Err()
		if err != nil && !strings.HasPrefix(err.Error(), "BUSYGROUP") {
			return fmt.Errorf("create group %s on %s: %w", f.IndexGroup(), stream, err)
		}
	}
	return nil
}

// destroyIndexGroups removes this instance's own groups on a graceful
// shutdown: nobody else reads them, and a group left behind would hold
// its pending list forever.
func (f *Feed) destroyIndexGroups() {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	for _, stream := range f.streams() {
		if err := f.deps.Redis.XGroupDestroy(ctx, stream, f.IndexGroup()).Err(); err != nil {
			f.log.Warn("feed: could not destroy own consumer group", "stream", stream, "group", f.IndexGroup(), "error", err.Error())
		}
	}
	f.log.Info("feed: own consumer groups destroyed", "group", f.IndexGroup())
}

// leaveSharedGroup removes this instance's consumer from the shared group
// when it holds no pending entry, so the group does not collect the names
// of instances long gone. Pending entries stay for another instance to
// claim, which deleting the consumer would lose.
func (f *Feed) leaveSharedGroup() {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	for _, stream := range f.streams() {
		consumers, err := f.deps.Redis.XInfoConsumers(ctx, stream, f.cfg.SharedGroup).Result()
		if err != nil {
			continue
		}
		for _, c := range consumers {
			if c.Name == f.cfg.InstanceID && c.Pending == 0 {
				f.deps.Redis.XGroupDelConsumer(ctx, stream, f.cfg.SharedGroup, c.Name)
			}
		}
	}
}

func (f *Feed) streams() []string { return []string{f.cfg.CandidatesStream, f.cfg.RolesStream} }

// subscribers are the four consumers: own group and shared group on each
// stream. The instance id names this consumer in every group.
func (f *Feed) subscribers() ([]*events.Subscriber, error) {
	t := f.cfg.Subscriber
	base := events.SubscriberConfig{
		Consumer: f.cfg.InstanceID, Block: t.Block, ClaimMinIdle: t.ClaimMinIdle,
		MaxDeliveries: t.MaxDeliveries, Logger: f.cfg.Logger,
		// A group created again means Redis lost what it held, events
		// not yet read among it: the owners are asked at once.
		OnGroupRecreated: f.requestReconciliation,
	}
	specs := []struct {
		stream, group string
		dedup         time.Duration
		handler       events.Handler
	}{
		{f.cfg.CandidatesStream, f.IndexGroup(), t.IndexDedupTTL, f.indexCandidates},
		{f.cfg.RolesStream, f.IndexGroup(), t.IndexDedupTTL, f.indexRoles},
		{f.cfg.CandidatesStream, f.cfg.SharedGroup, 0, f.sharedCandidates},
		{f.cfg.RolesStream, f.cfg.SharedGroup, 0, f.sharedRoles},
	}
	out := make([]*events.Subscriber, 0, len(specs))
	for _, sp := range specs {
		cfg := base
		cfg.Stream, cfg.Group, cfg.DedupTTL = sp.stream, sp.group, sp.dedup
		s, err := events.NewSubscriber(f.deps.Redis, cfg, sp.handler)
		if err != nil {
			return nil, fmt.Errorf("feed: subscriber for %s in %s: %w", sp.stream, sp.group, err)
		}
		out = append(out, s)
	}
	return out, nil
}

// rebuildLists recomputes every stored list once the index has loaded: a
// change whose event was lost before a restart is in the index now, and
// only a comparison of the lists with it brings them in step. A failed
// rebuild (a list still locked by an instance that was killed, a store
// that is busy) is tried again with a growing pause until it succeeds.
func (f *Feed) rebuildLists(ctx context.Context) {
	start, delay := time.Now(), time.Duration(0)
	for {
		err := f.deps.Lists.Rebuild(ctx)
		if err == nil {
			f.log.Info("feed: stored lists rebuilt from the loaded index", "took_ms", time.Since(start).Milliseconds())
			return
		}
		if ctx.Err() != nil {
			return
		}
		delay = backoff(delay)
		f.log.Warn("feed: rebuilding the stored lists after the load failed; retrying", "error", err.Error(), "retry_in", delay)
		sleep(ctx, delay)
	}
}
