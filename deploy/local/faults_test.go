package launcher

import (
	"context"
	"net/http"
	"os"
	"testing"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"github.com/onward-jobs/onward/pkg/testkit"
)

// TestFaults is the fault part of the standing security and reliability
// suite (issue 12). One platform, in a process of its own on a Redis of
// its own, meets three faults in turn:
//
//   - it is killed (SIGKILL) while staff and an employer are writing, and
//     started again on the same data;
//   - Redis restarts empty under it, losing every event not yet read and
//     every revocation it held;
//   - an event is lost: a candidate's consent changes in the owner's store
//     without one.
//
// After each, every write the platform acknowledged is there, a token
// revoked before the fault stays refused, and within one minute every
// stored shortlist and suggestion list equals what a matching instance
// computing from scratch answers.
func TestFaults(t *testing.T) {
	rds := testkit.StartOwnRedis(t)
	env := testEnviron(t, t.TempDir())
	env["REDIS_URL"] = rds.URL
	// The secrets are made here, as the launcher would, so the
	// recomputing matching instance shares them with the platform.
	if err := os.MkdirAll(env["ONWARD_DATA_DIR"], 0o700); err != nil {
		t.Fatal(err)
	}
	secrets, err := loadSecrets(env["ONWARD_DATA_DIR"], env)
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range secrets {
		env[k] = v
	}
	p := startChild(t, env)
	w := newFaultWorld(t, p.platform)

	t.Run("killed mid-write", func(t *testing.T) {
		l := w.writeUntil(t, 30, func() { p.kill(t) })
		t.Logf("acknowledged before the kill: %s", l.summary())
		p.start(t)
		w.mustHold(t, l)
		w.listsConverge(t, p.platform, rds.URL)
	})

	t.Run("Redis restarted empty", func(t *testing.T) {
		revoked := w.revokedToken(t)
		l := w.writeUntil(t, 12, func() {
			rds.Stop()
			rds.Start(t)
		})
		t.Logf("acknowledged around the restart: %s", l.summary())
		w.mustRefuse(t, revoked)
		w.mustHold(t, l)
		w.listsConverge(t, p.platform, rds.URL)
	})

	t.Run("an event lost", func(t *testing.T) {
		id := w.consenting(t)
		loseConsentEvent(t, p.platform, id)
		w.listsConverge(t, p.platform, rds.URL)
		for _, role := range w.roles() {
			if w.onShortlist(t, role, w.aliases[id]) {
				t.Errorf("the candidate whose consent was withdrawn is still on the shortlist of role %s", role)
			}
		}
	})
}

// loseConsentEvent withdraws candidate id's consent to matching in the
// candidates service's own store, as a write whose event was lost on the
// way would leave it: a new version, and no event.
func loseConsentEvent(t *testing.T, p *platform, id string) {
	t.Helper()
	mc, err := mongo.Connect(options.Client().ApplyURI("mongodb://" + p.env["ONWARD_FERRETDB_ADDR"] + "/"))
	if err != nil {
		t.Fatal(err)
	}
	defer mc.Disconnect(context.Background())
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	res, err := mc.Database("onward_candidates").Collection("candidates").UpdateOne(ctx, bson.D{{Key: "_id", Value: id}},
		bson.D{{Key: "$set", Value: bson.D{{Key: "consent.matching", Value: false}}}, {Key: "$inc", Value: bson.D{{Key: "version", Value: 1}}}})
	if err != nil || res.MatchedCount != 1 {
		t.Fatalf("withdraw consent in the store: %v (matched %d)", err, res.MatchedCount)
	}
}

// statusOf is the status of a request, or 0 when the platform did not
// answer.
func statusOf(c apiClient, method, path string) int {
	req, _ := http.NewRequest(method, c.base+path, nil)
	req.Header.Set("Authorization", "Bearer "+c.token)
	resp, err := httpClient.Do(req)
	if err != nil {
		return 0
	}
	resp.Body.Close()
	return resp.StatusCode
}
