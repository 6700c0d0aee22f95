package loadtest

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// ownedMarker marks a data directory the load test made, which it may wipe
// when its world is missing or of other sizes.
const ownedMarker = ".onward-loadtest"

// PrepareDataDir returns the world already seeded in dir for params, or
// an empty directory of the load test's own to seed one in. A directory it
// did not make is never wiped.
func PrepareDataDir(dir string, params SeedParams) (World, bool, error) {
	if w, ok := LoadWorld(dir, params); ok {
		return w, true, nil
	}
	entries, err := os.ReadDir(dir)
	switch {
	case err == nil && len(entries) > 0:
		if _, err := os.Stat(filepath.Join(dir, ownedMarker)); err != nil {
			return World{}, false, fmt.Errorf("data directory %s holds no world of these sizes and was not made by the load test: choose another -data-dir", dir)
		}
		if err := os.RemoveAll(dir); err != nil {
			return World{}, false, err
		}
	case err != nil && !os.IsNotExist(err):
		return World{}, false, err
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return World{}, false, err
	}
	return World{}, false, os.WriteFile(filepath.Join(dir, ownedMarker), nil, 0o600)
}

// DirSize is the bytes of the files under dir: the embedded FerretDB's
// SQLite files, for the storage a candidate takes.
func DirSize(dir string) int64 {
	var n int64
	_ = filepath.WalkDir(dir, func(_ string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			if info, err := d.Info(); err == nil {
				n += info.Size()
			}
		}
		return nil
	})
	return n
}
