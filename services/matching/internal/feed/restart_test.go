package feed_test

import (
	"context"
	"io"
	"log/slog"
	"testing"
	"time"

	"github.com/onward-jobs/onward/pkg/auth"
	"github.com/onward-jobs/onward/pkg/skills"
	"github.com/onward-jobs/onward/pkg/testkit"
	mongoadapter "github.com/onward-jobs/onward/services/matching/internal/adapters/mongo"
	"github.com/onward-jobs/onward/services/matching/internal/adapters/owners"
	"github.com/onward-jobs/onward/services/matching/internal/adapters/owners/ownerstest"
	"github.com/onward-jobs/onward/services/matching/internal/engine"
	"github.com/onward-jobs/onward/services/matching/internal/feed"
	"github.com/onward-jobs/onward/services/matching/internal/results"
)

// TestRestartTakesALostWithdrawalOffEveryList: a candidate on stored
// shortlists withdraws consent while matching is down and the event is
// lost. After a restart on the same stores, whose load leaves the
// candidate out of the index, the candidate is gone from every stored
// shortlist and its suggestions are gone, without any event.
func TestRestartTakesALostWithdrawalOffEveryList(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	for i := range 12 {
		h.fake.PutCandidate(ownerstest.NewCandidate(cid(i), i))
	}
	for i := range 4 {
		h.fake.PutRole(ownerstest.NewRole(rid(i), i))
	}
	store, err := mongoadapter.NewStore(context.Background(), testkit.MongoDB(t))
	if err != nil {
		t.Fatal(err)
	}
	first := h.startWithResults(t, "first", store, -1)
	eventually(t, "the first run's index is loaded", func() bool { return first.feed.Ready(context.Background()) == nil })
	if err := first.results.Rebuild(context.Background()); err != nil {
		t.Fatal(err)
	}
	withdrawn, lists := "", []string(nil)
	for i := range 12 {
		if got, _ := store.ShortlistsWith(context.Background(), cid(i)); len(got) > len(lists) {
			withdrawn, lists = cid(i), got
		}
	}
	if len(lists) < 2 {
		t.Fatalf("no candidate on two stored shortlists: %q on %v", withdrawn, lists)
	}
	first.stop()

	// The withdrawal the owner records while matching is down, whose
	// event is lost.
	c, _ := h.fake.Candidate(withdrawn)
	c.Version++
	c.Consent.Matching = false
	h.fake.PutCandidate(c)

	second := h.startWithResults(t, "second", store, 100*time.Millisecond)
	eventually(t, withdrawn+" is off every stored list", func() bool {
		on, err := store.ShortlistsWith(context.Background(), withdrawn)
		if err != nil || len(on) > 0 {
			return false
		}
		_, err = store.Suggestions(context.Background(), withdrawn)
		return err != nil
	})
	for _, role := range lists {
		sl, err := store.Shortlist(context.Background(), role)
		if err != nil {
			t.Fatalf("shortlist of %s: %v", role, err)
		}
		if len(sl.Entries) == 0 {
			t.Fatalf("the shortlist of %s was emptied, not rebuilt", role)
		}
	}
	_ = second
}

// listsInstance is a feed over real Results on a MongoDB store.
type listsInstance struct {
	feed    *feed.Feed
	results *results.Results
	stop    func()
}

// startWithResults runs a feed named id whose Results write to store and
// keep the stored lists in line with the index.
func (h *harness) startWithResults(t *testing.T, id string, store *mongoadapter.Store, reconcile time.Duration) *listsInstance {
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
	index := engine.NewIndex(skills.Default())
	res, err := results.New(results.Deps{Index: index, Store: store, RefKey: []byte("a key of at least sixteen bytes!"),
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		t.Fatal(err)
	}
	if err := res.RefreshMembership(context.Background()); err != nil {
		t.Fatal(err)
	}
	fd, err := feed.New(feed.Config{
		CandidatesStream: h.candidates, RolesStream: h.roles, InstanceID: id, ReconcileInterval: reconcile,
		Subscriber: h.tuning, Logger: slog.New(slog.NewTextHandler(io.Discard, nil)),
	}, feed.Deps{Index: index, Candidates: cands, Roles: roles, Results: res, Lists: res, Redis: h.rdb})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	in := &listsInstance{feed: fd, results: res, stop: func() { cancel(); <-done }}
	go func() {
		defer close(done)
		if err := fd.Run(ctx); err != nil {
			t.Errorf("Run: %v", err)
		}
	}()
	t.Cleanup(in.stop)
	return in
}
