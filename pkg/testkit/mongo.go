package testkit

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"log/slog"
	"os"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"github.com/onward-jobs/onward/pkg/ferretsqlite"
)

var (
	ferretOnce sync.Once
	ferretURI  string
	ferretErr  error
)

// MongoURI returns the URI of a Mongo-wire server for this test binary. It
// honours TEST_MONGO_URI (a real MongoDB, for example); otherwise it starts an
// embedded FerretDB on a free loopback port, once per process, with its SQLite
// files in a temporary directory.
func MongoURI(t testing.TB) string {
	t.Helper()
	if uri := os.Getenv("TEST_MONGO_URI"); uri != "" {
		return uri
	}
	ferretOnce.Do(func() { ferretURI, ferretErr = startFerretDB() })
	if ferretErr != nil {
		t.Fatalf("testkit: start embedded FerretDB: %v", ferretErr)
	}
	return ferretURI
}

func startFerretDB() (string, error) {
	dir, err := os.MkdirTemp("", "onward-ferretdb-")
	if err != nil {
		return "", err
	}
	quiet := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelError}))
	f, err := ferretsqlite.Start(ferretsqlite.Config{Dir: dir, Addr: "127.0.0.1:0", Logger: quiet})
	if err != nil {
		return "", err
	}
	return f.URI(), nil
}

// MongoClient connects to the test Mongo-wire server and disconnects when the
// test ends.
func MongoClient(t testing.TB) *mongo.Client {
	t.Helper()
	client, err := mongo.Connect(options.Client().ApplyURI(MongoURI(t)).SetTimeout(30 * time.Second))
	if err != nil {
		t.Fatalf("testkit: connect to mongo: %v", err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if err := client.Ping(ctx, nil); err != nil {
		t.Fatalf("testkit: ping mongo: %v", err)
	}
	t.Cleanup(func() { _ = client.Disconnect(context.Background()) })
	return client
}

// MongoDB returns a fresh, uniquely named database that is dropped when the
// test ends, so tests can run in parallel without seeing each other's data.
func MongoDB(t testing.TB) *mongo.Database {
	t.Helper()
	db := MongoClient(t).Database(UniqueName(t, ""))
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		_ = db.Drop(ctx)
	})
	return db
}

var unsafeChars = regexp.MustCompile(`[^a-zA-Z0-9_]+`)

// UniqueName returns a short name derived from the test's name and a random
// suffix, safe for database names, stream names and consumer groups.
func UniqueName(t testing.TB, prefix string) string {
	t.Helper()
	base := strings.ToLower(unsafeChars.ReplaceAllString(t.Name(), "_"))
	if len(base) > 24 {
		base = base[:24]
	}
	var b [4]byte
	_, _ = rand.Read(b[:])
	if prefix != "" {
		prefix += "_"
	}
	return fmt.Sprintf("%s%s_%s", prefix, base, hex.EncodeToString(b[:]))
}
