package feed_test

import (
	"context"
	"io"
	"log/slog"
	"sync"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/onward-jobs/onward/pkg/auth"
	"github.com/onward-jobs/onward/pkg/events"
	"github.com/onward-jobs/onward/pkg/skills"
	"github.com/onward-jobs/onward/pkg/testkit"
	"github.com/onward-jobs/onward/services/matching/internal/adapters/owners"
	"github.com/onward-jobs/onward/services/matching/internal/adapters/owners/ownerstest"
	"github.com/onward-jobs/onward/services/matching/internal/engine"
	"github.com/onward-jobs/onward/services/matching/internal/feed"
	"github.com/onward-jobs/onward/services/matching/internal/statements"
)

var _ feed.Index = (*engine.Index)(nil)

// harness is one Redis with fresh streams and one fake of the owners,
// shared by the instances a test starts.
type harness struct {
	fake       *ownerstest.Fake
	rdb        *redis.Client
	pub        *events.Publisher
	candidates string // stream
	roles      string // stream
	tuning     feed.SubscriberTuning
	lists      feed.Lists // given to the instances start runs; nil for none
}

func newHarness(t *testing.T) *harness {
	t.Helper()
	h := &harness{
		fake: ownerstest.New(t), rdb: testkit.Redis(t),
		candidates: testkit.UniqueName(t, "onward.candidates"), roles: testkit.UniqueName(t, "onward.employers.roles"),
		tuning: feed.SubscriberTuning{Block: 50 * time.Millisecond, ClaimMinIdle: 2 * time.Second, MaxDeliveries: 3},
	}
	t.Cleanup(func() {
		h.rdb.Del(context.Background(), h.candidates, h.roles, events.DeadLetterStream(h.candidates), events.DeadLetterStream(h.roles))
	})
	h.fake.PutProgramme(ownerstest.Roastery())
	pub, err := events.NewPublisher(h.rdb, events.PublisherConfig{})
	if err != nil {
		t.Fatal(err)
	}
	h.pub = pub
	return h
}

// instance is one matching instance's feed with its own index.
type instance struct {
	feed    *feed.Feed
	index   *engine.Index
	results *recorder
	// statements holds the approved statements the feed keeps beside the
	// index.
	statements *statements.Store
	done       chan struct{}
	stop       context.CancelFunc
}

// start runs a feed named id until the test ends (or stop is called).
func (h *harness) start(t *testing.T, id string, reconcile time.Duration) *instance {
	t.Helper()
	tokens, err := auth.NewServiceTokenSource(auth.ServiceTokenConfig{GatewayURL: h.fake.URL(), ServiceName: "matching", Secret: ownerstest.Secret})
	if err != nil {
		t.Fatal(err)
	}
	cands, err := owners.NewCandidates(h.fake.URL(), tokens, owners.Options{})
	if err != nil {
		t.Fatal(err)
	}
	roles, err := owners.NewRoles(h.fake.URL(), tokens, owners.Options{})
	if err != nil {
		t.Fatal(err)
	}
	in := &instance{index: engine.NewIndex(skills.Default()), statements: statements.New(), done: make(chan struct{})}
	in.results = &recorder{index: in.index, calls: map[string]int{}}
	in.feed, err = feed.New(feed.Config{
		CandidatesStream: h.candidates, RolesStream: h.roles, InstanceID: id, ReconcileInterval: reconcile,
		Subscriber: h.tuning, Logger: slog.New(slog.NewTextHandler(io.Discard, nil)),
	}, feed.Deps{Index: in.index, Candidates: cands, Roles: roles, Results: in.results, Lists: h.lists, Redis: h.rdb,
		Statements: in.statements})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	in.stop = func() { cancel(); <-in.done }
	go func() {
		defer close(in.done)
		if err := in.feed.Run(ctx); err != nil {
			t.Errorf("Run: %v", err)
		}
	}()
	t.Cleanup(in.stop)
	return in
}

// waitReady waits until the instance has loaded its index.
func (in *instance) waitReady(t *testing.T) {
	t.Helper()
	eventually(t, "the index is loaded", func() bool { return in.feed.Ready(context.Background()) == nil })
}

// publish appends an event about aggregate id at version to stream.
func (h *harness) publish(t *testing.T, stream, eventType, id string, version int64) {
	t.Helper()
	e, err := events.NewEnvelope(eventType, id, version, "test")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := h.pub.Publish(context.Background(), stream, e); err != nil {
		t.Fatal(err)
	}
}

// caughtUp reports whether every group on both streams has read and
// acknowledged everything.
func (h *harness) caughtUp(t *testing.T) bool {
	t.Helper()
	for _, s := range []string{h.candidates, h.roles} {
		groups, err := h.rdb.XInfoGroups(context.Background(), s).Result()
		if err != nil {
			t.Fatal(err)
		}
		for _, g := range groups {
			if g.Lag != 0 || g.Pending != 0 {
				return false
			}
		}
	}
	return true
}

// recorder is a Results that counts calls and checks that the calling
// instance's index already reflects the change.
type recorder struct {
	index      *engine.Index
	mu         sync.Mutex
	calls      map[string]int // "method id"
	total      int
	violations []string
}

// record counts a call; total counts the calls made once per event (not
// CandidateErased, which every instance makes).
func (r *recorder) record(method, id string, wantPresent, present bool) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.calls[method+" "+id]++
	if method != "CandidateErased" {
		r.total++
	}
	if wantPresent != present {
		r.violations = append(r.violations, method+" "+id)
	}
	return nil
}

func (r *recorder) RoleChanged(_ context.Context, id string) error {
	_, ok := r.index.Role(id)
	return r.record("RoleChanged", id, true, ok)
}

func (r *recorder) RoleRemoved(_ context.Context, id string) error {
	_, ok := r.index.Role(id)
	return r.record("RoleRemoved", id, false, ok)
}

func (r *recorder) CandidateChanged(_ context.Context, id string) error {
	_, ok := r.index.Candidate(id)
	return r.record("CandidateChanged", id, true, ok)
}

func (r *recorder) CandidateRemoved(_ context.Context, id string) error {
	_, ok := r.index.Candidate(id)
	return r.record("CandidateRemoved", id, false, ok)
}

func (r *recorder) CandidateErased(_ context.Context, id string) error {
	_, ok := r.index.Candidate(id)
	return r.record("CandidateErased", id, false, ok)
}

func (r *recorder) count(call string) int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.calls[call]
}

func (r *recorder) totals() (int, []string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.total, append([]string(nil), r.violations...)
}

func eventually(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for time.Now().Before(deadline) {
		if cond() {
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatalf("timed out waiting until %s", what)
}

// ownerVersions are the fake owners' versions, to compare an index with.
func (h *harness) ownerVersions(ids ...string) map[string]int64 {
	out := map[string]int64{}
	for _, id := range ids {
		if c, ok := h.fake.Candidate(id); ok {
			out[id] = c.Version
		}
		if r, ok := h.fake.Role(id); ok {
			out[id] = r.Version
		}
	}
	return out
}

// redisXAdd writes a raw envelope field, as a broken producer might.
type redisXAdd struct{ stream, raw string }

func (x redisXAdd) args() *redis.XAddArgs {
	return &redis.XAddArgs{Stream: x.stream, Values: []any{events.EnvelopeField, x.raw}}
}
