// Package ferretsqlite runs FerretDB v1 on SQLite inside the process, for
// `make run` and the tests, and makes up for the one thing that makes it
// slow as collections grow.
//
// FerretDB v1.24 indexes _id on SQLite as `_ferretdb_sjson->"_id"` but looks
// a document up with `_ferretdb_sjson->'$._id' = ?`. SQLite uses an index on
// an expression only when the query names the same expression, so every
// find, update, replace or delete by _id scans its whole table (measured:
// 20 ms per lookup at 4,000 documents of 2 KB, rising in step). The server
// here adds an index on the expression FerretDB queries by to every table
// of every database, when it starts and whenever new tables appear, and a
// lookup by _id then costs the same at any size. The index lives in the
// SQLite files beside FerretDB's own; FerretDB does not list it and drops
// it with its table.
//
// It also keeps erased data out of the files: secure_delete on every
// connection and a regular checkpoint that empties the write-ahead log
// (checkpoint.go).
package ferretsqlite

import (
	"context"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/FerretDB/FerretDB/ferretdb"
)

// stopTimeout bounds how long FerretDB may take to close its connections
// and its SQLite files.
const stopTimeout = 10 * time.Second

// newMu serialises ferretdb.New, which sets a package-level variable of
// FerretDB's without a lock: two servers started at once in one process
// (parallel tests) would race on it.
var newMu sync.Mutex

// Config is where the server listens and keeps its files.
type Config struct {
	// Dir holds one SQLite file per database; it is created if missing.
	Dir string
	// Addr is the TCP address to listen on; "127.0.0.1:0" picks a port.
	Addr string
	// Logger receives FerretDB's own logs.
	Logger *slog.Logger
	// IndexEvery is how often tables created since the last round get
	// their _id index. Defaults to two seconds.
	IndexEvery time.Duration
	// CheckpointEvery is how often every write-ahead log that holds
	// anything is copied into its database and truncated, so a deleted
	// document's earlier versions leave the files. Defaults to ten
	// seconds.
	CheckpointEvery time.Duration
}

// Server is a running FerretDB.
type Server struct {
	uri          string
	dir          string
	logger       *slog.Logger
	cancel       context.CancelFunc
	done         chan error
	indexer      *indexer
	wg           sync.WaitGroup
	checkpointMu sync.Mutex
}

// Start runs FerretDB with its SQLite backend in cfg.Dir and begins
// indexing _id in its tables and checkpointing its logs.
func Start(cfg Config) (*Server, error) {
	if cfg.IndexEvery <= 0 {
		cfg.IndexEvery = 2 * time.Second
	}
	if cfg.CheckpointEvery <= 0 {
		cfg.CheckpointEvery = 10 * time.Second
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	if err := os.MkdirAll(cfg.Dir, 0o700); err != nil {
		return nil, fmt.Errorf("FerretDB: %w", err)
	}
	newMu.Lock()
	f, err := ferretdb.New(&ferretdb.Config{
		Listener:  ferretdb.ListenerConfig{TCP: cfg.Addr},
		Handler:   "sqlite",
		SQLiteURL: "file:" + filepath.ToSlash(cfg.Dir) + "/?" + sqlitePragmas,
		Logger:    cfg.Logger,
	})
	newMu.Unlock()
	if err != nil {
		return nil, fmt.Errorf("FerretDB on %s: %w", cfg.Addr, err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	s := &Server{uri: f.MongoDBURI(), dir: cfg.Dir, logger: cfg.Logger, cancel: cancel, done: make(chan error, 1), indexer: newIndexer(cfg.Dir, cfg.Logger)}
	go func() { s.done <- f.Run(ctx) }()
	s.wg.Add(2)
	go func() {
		defer s.wg.Done()
		s.indexer.run(ctx, cfg.IndexEvery)
	}()
	go func() {
		defer s.wg.Done()
		s.runCheckpoints(ctx, cfg.CheckpointEvery)
	}()
	return s, nil
}

// URI is the mongodb:// address of the server.
func (s *Server) URI() string { return s.uri }

// IndexIDs adds the _id index to every table that lacks it now, rather
// than at the next round, and returns how many it added.
func (s *Server) IndexIDs(ctx context.Context) (int, error) { return s.indexer.round(ctx) }

// Stop stops indexing and checkpoints and then FerretDB. Call it only after every client
// has stopped, so none loses its database mid-request.
func (s *Server) Stop() error {
	s.cancel()
	s.wg.Wait()
	select {
	case err := <-s.done:
		return err
	case <-time.After(stopTimeout):
		return fmt.Errorf("FerretDB did not stop within %s", stopTimeout)
	}
}
