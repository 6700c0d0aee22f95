package mongox

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"github.com/onward-jobs/onward/pkg/ferretsqlite"
	"github.com/onward-jobs/onward/pkg/testkit"
)

// locked is what FerretDB's SQLite backend answers when it finds a file locked.
var locked = mongo.CommandError{Code: 1, Name: "InternalError", Message: "[opendb.go:57 pool.openDB] database is locked (5) (SQLITE_BUSY)"}

func TestTransientTellsContentionFromMistakes(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name string
		err  error
		want bool
	}{
		{"sqlite busy", fmt.Errorf("create: %w", locked), true},
		{"network", mongo.CommandError{Labels: []string{"NetworkError"}}, true},
		{"shutting down", mongo.CommandError{Code: 91, Name: "ShutdownInProgress"}, true},
		{"operation timeout", fmt.Errorf("op: %w", context.DeadlineExceeded), true},
		{"index options conflict", mongo.CommandError{Code: 85, Name: "IndexOptionsConflict"}, false},
		{"index key specs conflict", mongo.CommandError{Code: 86, Name: "IndexKeySpecsConflict"}, false},
		{"bad value", mongo.CommandError{Code: 2, Name: "BadValue", Message: "bad index key pattern"}, false},
		{"duplicate key", mongo.WriteException{WriteErrors: []mongo.WriteError{{Code: 11000}}}, false},
		{"cancelled", fmt.Errorf("op: %w", context.Canceled), false},
		{"plain", errors.New("database is locked"), false},
		{"nil", nil, false},
	}
	for _, c := range cases {
		if got := Transient(c.err); got != c.want {
			t.Errorf("%s: Transient = %t, want %t", c.name, got, c.want)
		}
	}
}

func TestRetryTransientIsBounded(t *testing.T) {
	t.Parallel()
	delays := []time.Duration{time.Millisecond, time.Millisecond, time.Millisecond}
	ctx := context.Background()
	count := func(errs ...error) (func() error, *int) {
		n := 0
		return func() error {
			n++
			if n <= len(errs) {
				return errs[n-1]
			}
			return nil
		}, &n
	}

	op, n := count(locked, locked)
	if err := retryTransient(ctx, delays, op); err != nil || *n != 3 {
		t.Fatalf("two busy answers then success: %v after %d attempts, want nil after 3", err, *n)
	}
	op, n = count(locked, locked, locked, locked, locked)
	if err := retryTransient(ctx, delays, op); err == nil || err.Error() != locked.Error() || *n != 4 {
		t.Fatalf("always busy: %v after %d attempts, want the busy error after 4", err, *n)
	}
	mistake := mongo.CommandError{Code: 85, Name: "IndexOptionsConflict"}
	op, n = count(mistake)
	if err := retryTransient(ctx, delays, op); err == nil || err.Error() != mistake.Error() || *n != 1 {
		t.Fatalf("a client mistake: %v after %d attempts, want it returned after 1", err, *n)
	}
	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	op, n = count(locked, locked)
	if err := retryTransient(cancelled, delays, op); err == nil || err.Error() != locked.Error() || *n != 1 {
		t.Fatalf("a cancelled context: %v after %d attempts, want no retry", err, *n)
	}
}

// TestEnsureIndexesWaitsOutALockedNewDatabase reproduces what failed a
// gateway's start: FerretDB, opening a brand-new database file for the
// first index, finds the file locked and answers SQLITE_BUSY at once. A
// connection holding a write lock on the new file stands in for the
// contention; EnsureIndexes tries again and succeeds once it is released.
func TestEnsureIndexesWaitsOutALockedNewDatabase(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	server, err := ferretsqlite.Start(ferretsqlite.Config{Dir: dir, Addr: "127.0.0.1:0", IndexEvery: time.Hour, CheckpointEvery: time.Hour})
	if err != nil {
		t.Fatal(err)
	}
	client, err := mongo.Connect(options.Client().ApplyURI(server.URI()).SetTimeout(30 * time.Second))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		_ = client.Disconnect(context.Background())
		if err := server.Stop(); err != nil {
			t.Error(err)
		}
	})
	ctx := context.Background()

	file := filepath.Join(dir, "fresh.sqlite")
	if err := os.WriteFile(file, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	holder, err := sql.Open("sqlite", "file:"+filepath.ToSlash(file))
	if err != nil {
		t.Fatal(err)
	}
	defer holder.Close()
	conn, err := holder.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := conn.ExecContext(ctx, "BEGIN IMMEDIATE"); err != nil {
		t.Fatal(err)
	}
	users := client.Database("fresh").Collection("users")
	email := mongo.IndexModel{Keys: bson.D{{Key: "email", Value: 1}}, Options: options.Index().SetUnique(true)}

	// The premise: the server answers a transient error at once.
	_, err = users.Indexes().CreateOne(ctx, email)
	if !Transient(err) || !strings.Contains(err.Error(), "database is locked") {
		t.Fatalf("a locked new database: %v, want a transient SQLITE_BUSY", err)
	}

	released := make(chan error, 1)
	go func() {
		time.Sleep(300 * time.Millisecond)
		_, err := conn.ExecContext(ctx, "ROLLBACK")
		released <- errors.Join(err, conn.Close())
	}()
	if err := EnsureIndexes(ctx, users, email); err != nil {
		t.Fatalf("EnsureIndexes should wait out the lock: %v", err)
	}
	if err := <-released; err != nil {
		t.Fatal(err)
	}
	if _, err := users.InsertOne(ctx, bson.D{{Key: "email", Value: "a@example.org"}}); err != nil {
		t.Fatal(err)
	}
	if _, err := users.InsertOne(ctx, bson.D{{Key: "email", Value: "a@example.org"}}); !mongo.IsDuplicateKeyError(err) {
		t.Fatalf("the unique index should hold after the retry, got %v", err)
	}
}

// TestEnsureIndexesReturnsAMistakeAtOnce: an index that conflicts with an
// existing one is the caller's mistake, never tried again.
func TestEnsureIndexesReturnsAMistakeAtOnce(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	coll := testkit.MongoDB(t).Collection("people")
	keys := bson.D{{Key: "email", Value: 1}}
	if err := EnsureIndexes(ctx, coll, mongo.IndexModel{Keys: keys, Options: options.Index().SetName("by_email")}); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	err := ensureIndexes(ctx, coll, []time.Duration{time.Minute}, mongo.IndexModel{Keys: keys, Options: options.Index().SetName("email_again")})
	if err == nil || Transient(err) {
		t.Fatalf("a conflicting index: %v, want a client error", err)
	}
	if waited := time.Since(start); waited > 20*time.Second {
		t.Fatalf("a conflicting index was tried again (%s)", waited)
	}
}
