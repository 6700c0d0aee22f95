package launcher

import (
	"context"
	"net/http"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"
	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"github.com/onward-jobs/onward/pkg/auth"
	"github.com/onward-jobs/onward/pkg/testkit"
)

// kortrijk is a place id from the embedded gazetteer.
const kortrijk = "2794055"

// jan is a candidate whose identity values appear nowhere else, so finding
// one of them in a store or a log can only mean a leak.
var jan = map[string]any{
	"given_name": "Quirijn", "family_name": "Oosterlinck", "preferred_name": "Quiri",
	"date_of_birth": "1988-07-14", "phone": "+32 470 91 82 73", "email": "quirijn.oosterlinck@example.org",
	"setting": "transition_house", "house": map[string]any{"place_id": kortrijk},
	"day_release": map[string]any{"eligible_from": "2027-01-04", "days": []string{"mon", "tue", "wed"}, "start": "07:00", "end": "18:00", "max_commute_km": 25},
	"release":     map[string]any{"expected_date": "2027-09-01", "return_region": map[string]any{"place_id": kortrijk, "radius_km": 30}},
	"languages":   []any{map[string]any{"code": "nl", "level": "C2"}}, "excluded_sectors": []string{"P"},
	"preferences": map[string]any{"sectors": []string{"I"}, "hours_per_week": 32, "contracts": []string{"permanent"}},
}

// personal are the values of jan that must never leave the candidates
// service's sealed fields.
var personal = []string{"Quirijn", "Oosterlinck", "quirijn", "oosterlinck", "Quiri\"", "1988-07-14", "+32 470 91 82 73", "470 91 82"}

// TestCandidatePrivacyAcrossThePlatform runs the whole platform and follows
// one candidate from registration to erasure through the gateway: no
// identity value reaches any database in plain text, any stream entry or
// any log line; another organisation cannot see the candidate; withdrawing
// consent is announced at once and the matching view says so; and after
// erasure no database of any service holds the candidate's id, alias or
// attestation, while a tombstone that names no one remains.
func TestCandidatePrivacyAcrossThePlatform(t *testing.T) {
	env := testEnviron(t, t.TempDir())
	env["REDIS_URL"] = testkit.RedisURL(t)
	env["CANDIDATES_STREAM"] = testkit.UniqueName(t, "candidates")
	env["EMPLOYERS_ROLES_STREAM"] = testkit.UniqueName(t, "roles")
	env["EMPLOYERS_PROFILES_STREAM"] = testkit.UniqueName(t, "profiles")
	p := start(t, env)
	_, staff := newProgrammeOrg(t, p, "Transitiehuis Kortrijk")
	_, stranger := newProgrammeOrg(t, p, "Transitiehuis Gent")

	var prog struct{ ID string }
	staff.do("POST", "/api/v1/programmes", map[string]any{
		"name": "Koffiebranderij", "kind": "coffee_roastery", "site": map[string]any{"place_id": kortrijk},
		"skills": []string{"coffee-roasting", "espresso-preparation"},
	}, http.StatusCreated, &prog)
	var cand struct {
		ID, Alias string
		Version   int64
	}
	staff.do("POST", "/api/v1/candidates", jan, http.StatusCreated, &cand)
	staff.do("POST", "/api/v1/candidates/"+cand.ID+"/programme-records", map[string]any{"programme": prog.ID, "from": "2026-03-01", "hours": 600}, http.StatusCreated, nil)
	staff.do("POST", "/api/v1/candidates/"+cand.ID+"/certificates", map[string]any{"name": "Food hygiene", "issuer": "FAVV", "date": "2026-05-12"}, http.StatusCreated, nil)
	var att struct{ ID string }
	staff.do("POST", "/api/v1/candidates/"+cand.ID+"/skills", map[string]any{"skill": "coffee-roasting", "level": 3, "hours": 600, "programme": prog.ID, "evidence": "Roasts daily batches alone."}, http.StatusCreated, &att)
	staff.do("PUT", "/api/v1/candidates/"+cand.ID+"/consent", map[string]any{"matching": true, "text_version": "2026-11"}, http.StatusOK, nil)
	staff.do("GET", "/api/v1/candidates/"+cand.ID, nil, http.StatusOK, nil)
	staff.do("GET", "/api/v1/candidates/"+cand.ID+"/export", nil, http.StatusOK, nil)
	stranger.do("GET", "/api/v1/candidates/"+cand.ID, nil, http.StatusNotFound, nil)
	stranger.do("GET", "/api/v1/candidates/"+cand.ID+"/export", nil, http.StatusNotFound, nil)

	stores := openStores(t, p)
	t.Run("no identity in plain text in any database", func(t *testing.T) {
		stores.mustNotHold(t, personal, nil)
	})

	// Withdrawal is announced before the request returns, and the view the
	// matching service reads says so.
	staff.do("PUT", "/api/v1/candidates/"+cand.ID+"/consent", map[string]any{"matching": false, "text_version": "2026-11"}, http.StatusOK, nil)
	if got := stores.lastEvent(t, env["CANDIDATES_STREAM"], cand.ID); got != "candidate.consent_changed" {
		t.Errorf("last event about the candidate after withdrawal = %q", got)
	}
	view := internalClient(t, p, "candidates")
	var mv struct {
		Consent struct{ Matching bool }
	}
	view.do("GET", "/internal/v1/candidates/"+cand.ID, nil, http.StatusOK, &mv)
	if mv.Consent.Matching {
		t.Error("the matching view still shows consent after withdrawal")
	}

	staff.do("DELETE", "/api/v1/candidates/"+cand.ID, nil, http.StatusNoContent, nil)
	staff.do("GET", "/api/v1/candidates/"+cand.ID, nil, http.StatusNotFound, nil)
	staff.do("GET", "/api/v1/attestations/"+att.ID+"/verify", nil, http.StatusNotFound, nil)
	view.do("GET", "/internal/v1/candidates/"+cand.ID, nil, http.StatusNotFound, nil)
	if got := stores.lastEvent(t, env["CANDIDATES_STREAM"], cand.ID); got != "candidate.erased" {
		t.Errorf("last event about the candidate after erasure = %q", got)
	}

	t.Run("erasure leaves no record in any database", func(t *testing.T) {
		stores.awaitInsightsForgets(t, cand.ID)
		stores.mustNotHold(t, append([]string{cand.ID, att.ID}, personal...), []string{`"` + cand.Alias + `"`})
		if n := stores.count(t, "onward_candidates", "tombstones"); n != 1 {
			t.Errorf("%d tombstones, want 1", n)
		}
	})
	t.Run("no stream entry or key carries personal data", func(t *testing.T) {
		stores.streamsMustNotHold(t, personal)
	})
	t.Run("no personal data in any log", func(t *testing.T) {
		for _, v := range personal {
			if strings.Contains(p.logs.String(), v) || strings.Contains(p.console.String(), v) {
				t.Errorf("the logs contain %q", v)
			}
		}
	})
}

// internalClient returns a client of service's internal API holding a
// service token the gateway issued for the launcher's service secret.
func internalClient(t testing.TB, p *platform, service string) apiClient {
	t.Helper()
	secrets, err := readEnvFile(filepath.Join(p.env["ONWARD_DATA_DIR"], SecretsFile))
	if err != nil {
		t.Fatal(err)
	}
	src, err := auth.NewServiceTokenSource(auth.ServiceTokenConfig{GatewayURL: p.url("gateway"), ServiceName: "matching", Secret: secrets[serviceSecretKey]})
	if err != nil {
		t.Fatal(err)
	}
	tok, err := src.Token(context.Background(), service)
	if err != nil {
		t.Fatal(err)
	}
	return apiClient{t: t, base: p.url(service), token: tok, http: p.http}
}

// platformStores reaches the platform's Mongo-wire server and Redis
// directly, as someone holding a database dump would.
type platformStores struct {
	mongo *mongo.Client
	redis *redis.Client
}

func openStores(t testing.TB, p *platform) platformStores {
	t.Helper()
	mc, err := mongo.Connect(options.Client().ApplyURI("mongodb://" + p.env["ONWARD_FERRETDB_ADDR"] + "/"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = mc.Disconnect(context.Background()) })
	opt, err := redis.ParseURL(p.env["REDIS_URL"])
	if err != nil {
		t.Fatal(err)
	}
	rc := redis.NewClient(opt)
	t.Cleanup(func() { _ = rc.Close() })
	return platformStores{mongo: mc, redis: rc}
}

// awaitInsightsForgets waits, up to 30 seconds, until the insights read
// model no longer holds id: it hears of an erasure through the candidates'
// stream and folds it in with its next batch, a moment after the owners
// forgot. A copy that outlives the wait is then reported by mustNotHold.
func (s platformStores) awaitInsightsForgets(t testing.TB, id string) {
	t.Helper()
	for deadline := time.Now().Add(30 * time.Second); time.Now().Before(deadline); time.Sleep(200 * time.Millisecond) {
		held := false
		s.eachDocument(t, "onward_insights", func(_, doc string) bool {
			held = strings.Contains(doc, id)
			return !held
		})
		if !held {
			return
		}
	}
}

// mustNotHold reads every document of every collection of every database
// as extended JSON and fails on each one containing a value of anywhere
// (as a substring) or exact (as written, quotes included).
func (s platformStores) mustNotHold(t testing.TB, anywhere, exact []string) {
	t.Helper()
	dbs, err := s.mongo.ListDatabaseNames(context.Background(), bson.D{})
	if err != nil {
		t.Fatal(err)
	}
	values := append(slices.Clone(anywhere), exact...)
	seen := 0
	for _, name := range dbs {
		seen += s.eachDocument(t, name, func(coll, doc string) bool {
			for _, v := range values {
				if strings.Contains(doc, v) {
					t.Errorf("%s.%s holds %q", name, coll, v)
				}
			}
			return true
		})
	}
	if seen == 0 {
		t.Fatal("read no documents at all; the scan is not looking at the platform's databases")
	}
}

// eachDocument calls fn with every document of every collection of the
// database db, as canonical extended JSON, until fn returns false, and
// returns how many documents it read.
func (s platformStores) eachDocument(t testing.TB, db string, fn func(coll, doc string) bool) int {
	t.Helper()
	ctx := context.Background()
	colls, err := s.mongo.Database(db).ListCollectionNames(ctx, bson.D{})
	if err != nil {
		t.Fatal(err)
	}
	read := 0
	for _, coll := range colls {
		cur, err := s.mongo.Database(db).Collection(coll).Find(ctx, bson.D{})
		if err != nil {
			t.Fatal(err)
		}
		more := true
		for more && cur.Next(ctx) {
			read++
			doc, _ := bson.MarshalExtJSON(cur.Current, false, false)
			more = fn(coll, string(doc))
		}
		_ = cur.Close(ctx)
		if !more {
			break
		}
	}
	return read
}

func (s platformStores) count(t testing.TB, db, coll string) int64 {
	t.Helper()
	n, err := s.mongo.Database(db).Collection(coll).CountDocuments(context.Background(), bson.D{})
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// lastEvent returns the type of the newest event about aggregate on stream.
func (s platformStores) lastEvent(t testing.TB, stream, aggregate string) string {
	t.Helper()
	msgs, err := s.redis.XRevRange(context.Background(), stream, "+", "-").Result()
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range msgs {
		for _, v := range m.Values {
			raw, _ := v.(string)
			if strings.Contains(raw, `"aggregate_id":"`+aggregate+`"`) {
				_, after, _ := strings.Cut(raw, `"type":"`)
				typ, _, _ := strings.Cut(after, `"`)
				return typ
			}
		}
	}
	return ""
}

// streamsMustNotHold reads every stream in Redis, dead-letter streams
// included, and every key name, and fails on any personal value. It
// asks Redis for the streams by type rather than asking each key's type:
// the dedup keys of every consumer group number in the hundred thousands
// by the end of a run, and one round trip for each outlasted the minute.
func (s platformStores) streamsMustNotHold(t testing.TB, values []string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	keys := s.redis.Scan(ctx, 0, "*", 10000).Iterator()
	for keys.Next(ctx) {
		for _, v := range values {
			if strings.Contains(keys.Val(), v) {
				t.Errorf("Redis key %q holds %q", keys.Val(), v)
			}
		}
	}
	if err := keys.Err(); err != nil {
		t.Fatal(err)
	}
	streams := s.redis.ScanType(ctx, 0, "*", 1000, "stream").Iterator()
	entries := 0
	for streams.Next(ctx) {
		key := streams.Val()
		msgs, err := s.redis.XRange(ctx, key, "-", "+").Result()
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range msgs {
			entries++
			for field, val := range m.Values {
				raw, _ := val.(string)
				for _, v := range values {
					if strings.Contains(raw, v) || strings.Contains(field, v) {
						t.Errorf("stream %s entry %s holds %q", key, m.ID, v)
					}
				}
			}
		}
	}
	if err := streams.Err(); err != nil {
		t.Fatal(err)
	}
	if entries == 0 {
		t.Fatal("read no stream entries at all; the scan is not looking at the platform's streams")
	}
}
