package mongo

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"github.com/onward-jobs/onward/pkg/ferretsqlite"
	"github.com/onward-jobs/onward/pkg/testkit"
	"github.com/onward-jobs/onward/services/candidates/internal/domain"
)

// TestErasureLeavesNothingInTheEmbeddedStoreFiles erases a candidate
// through the embedded store that make run and the tests use (FerretDB on
// SQLite, in a directory of its own) and then reads every byte of its
// files: a text found only in the erased record is in none of them, not
// in a free page of the database nor in the write-ahead log.
func TestErasureLeavesNothingInTheEmbeddedStoreFiles(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	dir := t.TempDir()
	srv, err := ferretsqlite.Start(ferretsqlite.Config{Dir: dir, Addr: "127.0.0.1:0", CheckpointEvery: time.Hour})
	if err != nil {
		t.Fatal(err)
	}
	client, err := mongo.Connect(options.Client().ApplyURI(srv.URI()).SetTimeout(30 * time.Second))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		_ = client.Disconnect(context.Background())
		if err := srv.Stop(); err != nil {
			t.Error(err)
		}
	})
	f := newFixtureOn(t, client.Database(testkit.UniqueName(t, "cand")))

	marker := "evidence-only-in-the-erased-record-" + testkit.UniqueName(t, "")
	c := fullCandidate(erasedID, "org-a", "K7Q2")
	c.Attestations[0].Evidence = marker
	insert(t, f.Store, c)
	insert(t, f.Store, minimalCandidate("c2", "org-a", "B3D4"))
	if err := f.AppendAudit(ctx, auditEntry(c, domain.ActionRead)); err != nil {
		t.Fatal(err)
	}
	if !filesContain(t, dir, marker) {
		t.Fatal("the marker is not in the store's files before the erasure: the scan proves nothing")
	}

	tomb, e := erasure(t)
	if err := f.EraseCandidate(ctx, erasedID, tomb, e); err != nil {
		t.Fatal(err)
	}
	if err := f.MarkPublished(ctx, e); err != nil {
		t.Fatal(err)
	}
	if _, err := srv.Checkpoint(ctx); err != nil {
		t.Fatal(err)
	}
	if filesContain(t, dir, marker) {
		t.Fatal("the erased record's text is still in the embedded store's files")
	}
}

// filesContain reports whether any file in dir holds text.
func filesContain(t *testing.T, dir, text string) bool {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if bytes.Contains(data, []byte(text)) {
			t.Logf("found in %s", e.Name())
			return true
		}
	}
	return false
}
