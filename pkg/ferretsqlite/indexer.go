package ferretsqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	// The SQLite driver FerretDB itself uses, so both open the files alike.
	_ "modernc.org/sqlite"
)

// idExpression is the expression FerretDB v1.24's SQLite backend looks
// documents up by (metadata.IDColumn); the index must name it exactly.
const idExpression = `_ferretdb_sjson->'$._id'`

// indexSuffix names the added index after its table.
const indexSuffix = "_onward_id"

// indexer remembers, per SQLite file, when it last found every table
// indexed, and opens a file again only once it has changed since.
type indexer struct {
	dir    string
	logger *slog.Logger
	mu     sync.Mutex
	done   map[string]time.Time
}

func newIndexer(dir string, logger *slog.Logger) *indexer {
	return &indexer{dir: dir, logger: logger, done: map[string]time.Time{}}
}

// run indexes new tables every interval until ctx ends. A failed round is
// logged and tried again: the index only makes lookups faster.
func (x *indexer) run(ctx context.Context, every time.Duration) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		if _, err := x.round(ctx); err != nil && ctx.Err() == nil {
			x.logger.Warn("ferretsqlite: could not index _id", "err", err)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// round indexes every table of every database file that lacks the index.
func (x *indexer) round(ctx context.Context) (int, error) {
	x.mu.Lock()
	defer x.mu.Unlock()
	files, err := filepath.Glob(filepath.Join(x.dir, "*.sqlite"))
	if err != nil {
		return 0, err
	}
	added := 0
	var errsOut []error
	for _, f := range files {
		changed := modified(f)
		if changed.IsZero() || changed.Equal(x.done[f]) || !inWALMode(f) {
			continue
		}
		n, err := indexFile(ctx, f)
		added += n
		if err != nil {
			errsOut = append(errsOut, fmt.Errorf("%s: %w", filepath.Base(f), err))
			continue
		}
		x.done[f] = changed
	}
	return added, errors.Join(errsOut...)
}

// modified is the later modification time of a database file and its
// write-ahead log, where a new table first appears; zero if it is gone.
func modified(path string) time.Time {
	var latest time.Time
	for _, p := range []string{path, path + "-wal"} {
		if fi, err := os.Stat(p); err == nil && fi.ModTime().After(latest) {
			latest = fi.ModTime()
		}
	}
	return latest
}

// indexFile creates the missing indexes of one database. FerretDB's own
// tables start with "_ferretdb_"; every other table is a collection. The
// file is opened with indexPragmas and closed again, so a database
// FerretDB drops is never held open.
func indexFile(ctx context.Context, path string) (int, error) {
	db, err := sql.Open("sqlite", "file:"+filepath.ToSlash(path)+"?"+indexPragmas)
	if err != nil {
		return 0, err
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	rows, err := db.QueryContext(ctx, `SELECT t.name FROM sqlite_master t
		WHERE t.type = 'table' AND t.name NOT LIKE '\_ferretdb\_%' ESCAPE '\'
		AND NOT EXISTS (SELECT 1 FROM sqlite_master i WHERE i.type = 'index' AND i.name = t.name || ?)`, indexSuffix)
	if err != nil {
		return 0, err
	}
	var tables []string
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			rows.Close()
			return 0, err
		}
		tables = append(tables, name)
	}
	if err := errors.Join(rows.Err(), rows.Close()); err != nil {
		return 0, err
	}
	for i, table := range tables {
		q := fmt.Sprintf(`CREATE INDEX IF NOT EXISTS %s ON %s (%s)`, quote(table+indexSuffix), quote(table), idExpression)
		if _, err := db.ExecContext(ctx, q); err != nil {
			return i, fmt.Errorf("index %s: %w", table, err)
		}
	}
	return len(tables), nil
}

// quote makes a SQLite identifier of a table or index name.
func quote(name string) string { return `"` + strings.ReplaceAll(name, `"`, `""`) + `"` }
