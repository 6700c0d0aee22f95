package ferretsqlite

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"
)

// TestFilesBeingCreatedAreLeftAlone: neither the indexer nor the
// checkpoint opens a database file that FerretDB has not yet put in
// write-ahead-log mode. Opening it asked for the write-ahead log a second
// time, so both connections tried to write the new file's header and
// SQLite answered FerretDB's "database is locked" at once.
func TestFilesBeingCreatedAreLeftAlone(t *testing.T) {
	s, client, dir := start(t)
	ctx := context.Background()
	fill(t, client.Database("ready").Collection("items"), 3)

	empty := filepath.Join(dir, "fresh.sqlite")
	if err := os.WriteFile(empty, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	rollback := filepath.Join(dir, "halfway.sqlite")
	conn, err := sql.Open("sqlite", "file:"+filepath.ToSlash(rollback)+"?_pragma=journal_mode(delete)")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := conn.Exec(`CREATE TABLE items (_ferretdb_sjson TEXT)`); err != nil {
		t.Fatal(err)
	}
	if err := conn.Close(); err != nil {
		t.Fatal(err)
	}
	before, err := os.ReadFile(rollback)
	if err != nil {
		t.Fatal(err)
	}

	added, err := s.IndexIDs(ctx)
	if err != nil || added != 1 {
		t.Fatalf("IndexIDs = %d, %v; want only the ready database's table indexed", added, err)
	}
	if _, err := s.Checkpoint(ctx); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Stat(empty); err != nil || fi.Size() != 0 {
		t.Fatalf("the empty file was written to: %v, %v", fi, err)
	}
	if after, err := os.ReadFile(rollback); err != nil || string(after) != string(before) {
		t.Fatalf("the file still in rollback mode was changed (%v)", err)
	}
	for _, f := range []string{empty, rollback} {
		for _, suffix := range []string{"-wal", "-shm"} {
			if _, err := os.Stat(f + suffix); err == nil {
				t.Fatalf("%s%s exists: the file was opened", filepath.Base(f), suffix)
			}
		}
	}
	if !inWALMode(filepath.Join(dir, "ready.sqlite")) || inWALMode(empty) || inWALMode(rollback) || inWALMode(filepath.Join(dir, "none.sqlite")) {
		t.Fatal("inWALMode should hold for FerretDB's database only")
	}
}

// TestNewDatabasesOpenWhileIndexingAndCheckpointing creates many
// databases at once, each with an index as a service does at start, while
// the indexer and the checkpoint run every millisecond. It reproduced the
// fresh-clone failure ("database is locked" from FerretDB opening a new
// file) about once in ten runs before the fix.
func TestNewDatabasesOpenWhileIndexingAndCheckpointing(t *testing.T) {
	if testing.Short() {
		t.Skip("a stress test")
	}
	t.Parallel()
	const servers, databases = 4, 25
	var wg sync.WaitGroup
	failures := make(chan error, servers*databases)
	for i := range servers {
		dir := t.TempDir()
		s, err := Start(Config{Dir: dir, Addr: "127.0.0.1:0", IndexEvery: time.Millisecond, CheckpointEvery: time.Millisecond})
		if err != nil {
			t.Fatal(err)
		}
		client, err := mongo.Connect(options.Client().ApplyURI(s.URI()).SetTimeout(30 * time.Second))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() {
			_ = client.Disconnect(context.Background())
			if err := s.Stop(); err != nil {
				t.Error(err)
			}
		})
		for j := range databases {
			wg.Add(1)
			go func() {
				defer wg.Done()
				coll := client.Database(fmt.Sprintf("db%d", j)).Collection("users")
				ctx := context.Background()
				if _, err := coll.Indexes().CreateOne(ctx, mongo.IndexModel{Keys: bson.D{{Key: "email", Value: 1}}}); err != nil {
					failures <- fmt.Errorf("server %d, database %d: %w", i, j, err)
					return
				}
				if _, err := coll.InsertOne(ctx, bson.D{{Key: "email", Value: "a@example.org"}}); err != nil {
					failures <- fmt.Errorf("server %d, database %d: %w", i, j, err)
				}
			}()
		}
	}
	wg.Wait()
	close(failures)
	for err := range failures {
		t.Error(err)
	}
}
