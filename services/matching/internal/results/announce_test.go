package results_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"maps"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/onward-jobs/onward/pkg/events"
	"github.com/onward-jobs/onward/pkg/redislock"
	"github.com/onward-jobs/onward/pkg/skills"
	"github.com/onward-jobs/onward/pkg/testkit"
	"github.com/onward-jobs/onward/services/matching/internal/adapters/announce"
	mongostore "github.com/onward-jobs/onward/services/matching/internal/adapters/mongo"
	"github.com/onward-jobs/onward/services/matching/internal/engine"
	"github.com/onward-jobs/onward/services/matching/internal/results"
)

// announceRig is a matching instance over the real Mongo-wire server and
// Redis that announces full-match gains on a stream of its own.
type announceRig struct {
	t      *testing.T
	ix     *engine.Index
	store  *mongostore.Store
	rdb    redis.UniversalClient
	locks  redislock.Locks
	stream string
	seen   int
}

func newAnnounceRig(t *testing.T) *announceRig {
	t.Helper()
	store, err := mongostore.NewStore(context.Background(), testkit.MongoDB(t))
	if err != nil {
		t.Fatal(err)
	}
	rdb := testkit.Redis(t)
	return &announceRig{t: t, ix: engine.NewIndex(skills.Default()), store: store, rdb: rdb,
		locks:  redislock.Locks{Redis: rdb, Prefix: testkit.UniqueName(t, "lock") + ":", TTL: 10 * time.Second, Wait: 10 * time.Second},
		stream: testkit.UniqueName(t, "onward.matching")}
}

// instance starts a matching instance (as a start or a restart would)
// over the rig's store, index and stream.
func (g *announceRig) instance() (*results.Results, *announce.Announcer) {
	g.t.Helper()
	pub, err := events.NewPublisher(g.rdb, events.PublisherConfig{})
	if err != nil {
		g.t.Fatal(err)
	}
	ann := announce.New(pub, g.stream, nil)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { _ = ann.Run(ctx); close(done) }()
	g.t.Cleanup(func() { cancel(); <-done })
	res, err := results.New(results.Deps{Index: g.ix, Store: g.store, Programmes: programmes{}, RefKey: refKey,
		Locks: g.locks, Now: clock, Announcer: ann})
	if err != nil {
		g.t.Fatal(err)
	}
	return res, ann
}

// announced waits for ann to publish what it was given and returns the
// events published since the last call, as "type aggregate version",
// sorted, having checked each carries ids and a version only.
func (g *announceRig) announced(ann *announce.Announcer) []string {
	g.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := ann.Flush(ctx); err != nil {
		g.t.Fatal(err)
	}
	msgs, err := g.rdb.XRange(ctx, g.stream, "-", "+").Result()
	if err != nil {
		g.t.Fatal(err)
	}
	var out []string
	for _, m := range msgs[g.seen:] {
		if len(m.Values) != 1 {
			g.t.Errorf("entry %s has fields %v, want only %q", m.ID, slices.Collect(maps.Keys(m.Values)), events.EnvelopeField)
		}
		raw, _ := m.Values[events.EnvelopeField].(string)
		var fields map[string]any
		if err := json.Unmarshal([]byte(raw), &fields); err != nil {
			g.t.Fatal(err)
		}
		keys := slices.Sorted(maps.Keys(fields))
		if want := []string{"aggregate_id", "id", "occurred_at", "producer", "type", "version"}; !slices.Equal(keys, want) {
			g.t.Errorf("event carries %v, want only %v", keys, want)
		}
		if fields["producer"] != "matching" {
			g.t.Errorf("producer %v, want matching", fields["producer"])
		}
		out = append(out, fmt.Sprintf("%v %v %v", fields["type"], fields["aggregate_id"], fields["version"]))
	}
	g.seen = len(msgs)
	slices.Sort(out)
	return out
}

func (g *announceRig) expect(ann *announce.Announcer, step string, want ...string) {
	g.t.Helper()
	got := g.announced(ann)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		g.t.Fatalf("%s: announced %q, want %q", step, got, want)
	}
}

// baristaRole asks espresso at level 2 and milk texturing at level 1.
func baristaRole(id string) engine.Role {
	r := newWorld(1).role(0, 1)
	r.ID, r.DayReleaseOK, r.StartDate = id, true, 0
	r.Essential = []engine.Requirement{{Skill: "espresso-preparation", MinLevel: 2}, {Skill: "milk-texturing", MinLevel: 1}}
	r.Optional = nil
	return r
}

// released is a released candidate near the roles, with skills.
func released(id string, version int64, sk ...engine.Skill) engine.Candidate {
	c := newWorld(2).candidate(0, version)
	c.ID, c.Alias = id, "K-"+id
	c.Housed, c.House, c.DayRelease, c.ReleaseDate = false, nil, nil, 0
	c.ReturnRegion = &engine.Region{Point: kortrijk, RadiusKm: 100}
	c.Skills = sk
	return c
}

func espresso(level int) engine.Skill {
	return engine.Skill{ID: "espresso-preparation", Level: level, Hours: 400, Attested: true}
}

func milk(level int) engine.Skill {
	return engine.Skill{ID: "milk-texturing", Level: level, Hours: 300, Attested: true}
}

// TestFullMatchAnnouncements: a stored list announces a gain of full
// matches once, with a version that only grows, and nothing for partial
// matches, re-rankings, rebuilds and restarts of unchanged lists; a
// candidate who withdraws and consents again is a new gain; a gain made
// while the service was down is announced by the rebuild at start.
func TestFullMatchAnnouncements(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	g := newAnnounceRig(t)
	g.ix.UpsertRole(baristaRole("role-1"))
	g.ix.UpsertCandidate(released("cand-p", 1, espresso(3)))
	res, ann := g.instance()
	if err := res.Rebuild(ctx); err != nil {
		t.Fatal(err)
	}
	g.expect(ann, "a role's first list with a partial match only")
	if sl, err := g.store.Shortlist(ctx, "role-1"); err != nil || len(sl.Entries) != 1 || sl.Entries[0].Match != engine.MatchNear {
		t.Fatalf("the partial candidate is not a near match on the shortlist: %+v %v", sl.Entries, err)
	}

	change := func(c engine.Candidate) {
		t.Helper()
		g.ix.UpsertCandidate(c)
		if err := res.CandidateChanged(ctx, c.ID); err != nil {
			t.Fatal(err)
		}
	}
	change(released("cand-f", 1, espresso(3), milk(2)))
	g.expect(ann, "a new candidate who fully matches",
		"matches.role_full_added role-1 1", "matches.candidate_full_added cand-f 1")

	change(released("cand-q", 1, milk(3)))
	g.expect(ann, "a new partial match")

	change(released("cand-f", 2, espresso(4), milk(2)))
	g.expect(ann, "a full match changing level")

	if err := res.Rebuild(ctx); err != nil {
		t.Fatal(err)
	}
	g.expect(ann, "a rebuild of unchanged lists")
	restarted, ann2 := g.instance()
	if err := restarted.Rebuild(ctx); err != nil {
		t.Fatal(err)
	}
	g.expect(ann2, "a restart that rebuilds unchanged lists")

	g.ix.RemoveCandidate("cand-f")
	if err := res.CandidateChanged(ctx, "cand-f"); err != nil {
		t.Fatal(err)
	}
	g.expect(ann, "a withdrawal")
	change(released("cand-f", 3, espresso(4), milk(2)))
	g.expect(ann, "consent given again",
		"matches.role_full_added role-1 2", "matches.candidate_full_added cand-f 2")

	// While no instance runs, a full match arrives; the rebuild at the
	// next start announces it, and only it.
	g.ix.UpsertCandidate(released("cand-g", 1, espresso(2), milk(1)))
	later, ann3 := g.instance()
	if err := later.Rebuild(ctx); err != nil {
		t.Fatal(err)
	}
	g.expect(ann3, "a gain made while down",
		"matches.role_full_added role-1 3", "matches.candidate_full_added cand-g 1")

	// A new role both fully match: its first list counts, and so do the
	// candidates' suggestions it enters.
	g.ix.UpsertRole(baristaRole("role-2"))
	if err := later.RoleChanged(ctx, "role-2"); err != nil {
		t.Fatal(err)
	}
	if err := later.FlushSuggestions(ctx); err != nil {
		t.Fatal(err)
	}
	g.expect(ann3, "a new role",
		"matches.role_full_added role-2 1", "matches.candidate_full_added cand-f 3", "matches.candidate_full_added cand-g 2")
}

// gainLog is an Announcer that keeps what it hears.
type gainLog struct {
	mu    sync.Mutex
	gains []results.Gain
}

func (l *gainLog) Announce(_ context.Context, g results.Gain) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.gains = append(l.gains, g)
}

func (l *gainLog) take() []results.Gain {
	l.mu.Lock()
	defer l.mu.Unlock()
	out := l.gains
	l.gains = nil
	return out
}

// checkFullRecords holds a run's announcements and records to what the
// stored lists say: each aggregate's versions count 1, 2, 3… with none
// twice; every stored list's record names exactly its full matches; and
// a restart that rebuilds the unchanged lists announces nothing.
func checkFullRecords(t *testing.T, ix *engine.Index, heard *gainLog, store results.Store) {
	t.Helper()
	ctx := context.Background()
	last := map[string]int64{}
	for _, g := range heard.take() {
		key := string(g.Kind) + "/" + g.ID
		if g.Version != last[key]+1 {
			t.Errorf("%s announced version %d after %d", key, g.Version, last[key])
		}
		last[key] = g.Version
	}
	if len(last) == 0 {
		t.Fatal("no list ever gained a full match: the announcements were never tested")
	}
	roles, _ := store.ShortlistRoles(ctx)
	for _, id := range roles {
		sl, _ := store.Shortlist(ctx, id)
		if fm, _, _ := store.FullMatches(ctx, results.ShortlistKind, id); !slices.Equal(fm.Members, sl.Full()) {
			t.Errorf("shortlist %s records full matches %v, holds %v", id, fm.Members, sl.Full())
		}
	}
	cands, _ := store.SuggestionCandidates(ctx)
	for _, id := range cands {
		sg, _ := store.Suggestions(ctx, id)
		if fm, _, _ := store.FullMatches(ctx, results.SuggestionsKind, results.FullMatchesRecordID(refKey, results.SuggestionsKind, id)); !slices.Equal(fm.Members, sg.Full()) {
			t.Errorf("suggestions of %s record full matches %v, hold %v", id, fm.Members, sg.Full())
		}
	}
	restarted := &gainLog{}
	res, err := results.New(results.Deps{Index: ix, Store: store, Programmes: programmes{}, RefKey: refKey, Now: clock, Announcer: restarted})
	if err != nil {
		t.Fatal(err)
	}
	if err := res.Rebuild(ctx); err != nil {
		t.Fatal(err)
	}
	if g := restarted.take(); len(g) != 0 {
		t.Errorf("a restart over unchanged lists announced %v", g)
	}
}

// TestFailedAnnouncementKeepsTheWrite: with Redis unreachable, a gain is
// logged by id, the lists are written all the same and the change
// succeeds without waiting for the publish.
func TestFailedAnnouncementKeepsTheWrite(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	g := newAnnounceRig(t)
	dead := redis.NewClient(&redis.Options{Addr: testkit.FreeAddr(t), MaxRetries: -1, DialTimeout: 200 * time.Millisecond})
	t.Cleanup(func() { _ = dead.Close() })
	pub, err := events.NewPublisher(dead, events.PublisherConfig{})
	if err != nil {
		t.Fatal(err)
	}
	var logged strings.Builder
	var logMu sync.Mutex
	logger := slog.New(slog.NewJSONHandler(lockedWriter{&logMu, &logged}, nil))
	ann := announce.New(pub, g.stream, logger)
	runCtx, cancel := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() { _ = ann.Run(runCtx); close(done) }()
	t.Cleanup(func() { cancel(); <-done })
	res, err := results.New(results.Deps{Index: g.ix, Store: g.store, Programmes: programmes{}, RefKey: refKey,
		Locks: g.locks, Now: clock, Announcer: ann, Logger: logger})
	if err != nil {
		t.Fatal(err)
	}
	g.ix.UpsertRole(baristaRole("role-1"))
	if err := res.RoleChanged(ctx, "role-1"); err != nil {
		t.Fatal(err)
	}
	g.ix.UpsertCandidate(released("cand-f", 1, espresso(3), milk(2)))
	if err := res.CandidateChanged(ctx, "cand-f"); err != nil {
		t.Fatalf("a failed announcement failed the change: %v", err)
	}
	if sl, err := g.store.Shortlist(ctx, "role-1"); err != nil || len(sl.Full()) != 1 {
		t.Fatalf("shortlist not written: %v %v", sl.Full(), err)
	}
	if _, err := g.store.Suggestions(ctx, "cand-f"); err != nil {
		t.Fatalf("suggestions not written: %v", err)
	}
	flushCtx, stop := context.WithTimeout(ctx, 20*time.Second)
	defer stop()
	if err := ann.Flush(flushCtx); err != nil {
		t.Fatal(err)
	}
	logMu.Lock()
	out := logged.String()
	logMu.Unlock()
	for _, want := range []string{`"id":"role-1"`, `"id":"cand-f"`, "match announcement not published"} {
		if !strings.Contains(out, want) {
			t.Errorf("log lacks %s:\n%s", want, out)
		}
	}
	if strings.Contains(out, "K-cand-f") {
		t.Errorf("log names the candidate's alias:\n%s", out)
	}
}

// lockedWriter serialises writes to w.
type lockedWriter struct {
	mu *sync.Mutex
	w  io.Writer
}

func (l lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}
