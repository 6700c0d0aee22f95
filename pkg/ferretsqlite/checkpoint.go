package ferretsqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"
)

// Erased data must not linger in the files. Every connection, FerretDB's
// and the indexer's, runs with secure_delete, so SQLite overwrites a
// deleted row, and any page it frees, with zeros instead of leaving it in
// free space. That is not enough on its own: in write-ahead-log mode the
// row's earlier versions stay in the log's frames until a checkpoint
// copies the log into the database and the log is truncated. The server
// therefore checkpoints every database whose log holds anything, every
// CheckpointEvery, and Checkpoint does it at once. What the file system
// does with the blocks it frees is beyond SQLite's reach; this is a
// development store (docs/deployment.md says what production's MongoDB
// keeps, and for how long).

// sqlitePragmas are the settings of FerretDB's connections (SQLiteURL): a
// busy timeout, so waiting for a writer is not an error, the write-ahead
// log, and secure_delete.
const sqlitePragmas = "_pragma=busy_timeout(10000)&_pragma=journal_mode(wal)&_pragma=secure_delete(on)"

// indexPragmas are the settings of the indexer's connections: those of
// FerretDB without journal_mode. The write-ahead log is a property of the
// file, set by FerretDB when it creates the file, and this package opens
// only files already in that mode (inWALMode). Asking for it again on a
// file FerretDB is still creating made both connections try to write the
// file's header at once; SQLite answers one of them SQLITE_BUSY at once,
// without waiting for the busy timeout, and when that was FerretDB the
// client's first command on a new database failed ("database is
// locked").
const indexPragmas = "_pragma=busy_timeout(10000)&_pragma=secure_delete(on)"

// checkpointPragmas are indexPragmas with a busy timeout of 50 ms, for
// the checkpoint's own connection (checkpointFile).
const checkpointPragmas = "_pragma=busy_timeout(50)&_pragma=secure_delete(on)"

// runCheckpoints checkpoints every interval until ctx ends. A failed round is logged
// and tried again at the next.
func (s *Server) runCheckpoints(ctx context.Context, every time.Duration) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		if _, err := s.Checkpoint(ctx); err != nil && ctx.Err() == nil {
			s.logger.Warn("ferretsqlite: could not checkpoint", "err", err)
		}
	}
}

// Checkpoint copies every database's write-ahead log into the database
// and truncates the log to nothing (wal_checkpoint(TRUNCATE)), so no
// earlier version of a deleted or changed document is left in it. It
// returns how many logs it truncated; a log a reader still needs is
// reported as an error and left for the next round.
func (s *Server) Checkpoint(ctx context.Context) (int, error) {
	s.checkpointMu.Lock()
	defer s.checkpointMu.Unlock()
	files, err := filepath.Glob(filepath.Join(s.dir, "*.sqlite"))
	if err != nil {
		return 0, err
	}
	done := 0
	var errsOut []error
	for _, f := range files {
		if !inWALMode(f) {
			continue
		}
		if fi, err := os.Stat(f + "-wal"); err != nil || fi.Size() == 0 {
			continue
		}
		if err := checkpointFile(ctx, f); err != nil {
			errsOut = append(errsOut, fmt.Errorf("%s: %w", filepath.Base(f), err))
			continue
		}
		done++
	}
	return done, errors.Join(errsOut...)
}

// checkpointFile truncates one database's write-ahead log, opening the
// file for this alone and closing it again, so a database FerretDB drops
// is never held open.
//
// A truncating checkpoint holds back every writer while it waits for the
// readers to finish, for as long as its busy timeout lets it; with the
// 10 s of FerretDB's own connections a slow reader could make a writer
// give up and the request fail. So the checkpoint waits briefly
// (checkpointPragmas) and, when readers are still busy, leaves the log for
// the next round.
func checkpointFile(ctx context.Context, path string) error {
	db, err := sql.Open("sqlite", "file:"+filepath.ToSlash(path)+"?"+checkpointPragmas)
	if err != nil {
		return err
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	var busy, logFrames, checkpointed int
	if err := db.QueryRowContext(ctx, "PRAGMA wal_checkpoint(TRUNCATE)").Scan(&busy, &logFrames, &checkpointed); err != nil {
		return err
	}
	if busy != 0 {
		return errors.New("checkpoint blocked by a reader or writer")
	}
	return nil
}
