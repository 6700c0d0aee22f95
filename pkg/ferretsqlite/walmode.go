package ferretsqlite

import (
	"bytes"
	"io"
	"os"
)

// sqliteMagic opens the header of every SQLite database file.
var sqliteMagic = []byte("SQLite format 3\x00")

// inWALMode reports whether the database file at path is complete and in
// write-ahead-log mode: its header names SQLite and gives 2 as the file
// format's write and read versions (bytes 18 and 19), which is what
// FerretDB's journal_mode(wal) writes when it creates the file. A file
// FerretDB has only just created is empty, or still in rollback mode,
// until then; the indexer and the checkpoint leave such a file alone and
// come back to it at their next round, so they never take a lock on a
// file while FerretDB sets it up (see indexPragmas).
func inWALMode(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	header := make([]byte, 20)
	if _, err := io.ReadFull(f, header); err != nil {
		return false
	}
	return bytes.Equal(header[:16], sqliteMagic) && header[18] == 2 && header[19] == 2
}
