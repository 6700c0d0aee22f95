package testkit

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/onward-jobs/onward/pkg/mailpit"
)

// MailpitBinary returns the path of a mailpit executable of
// mailpit.Version: MAILPIT_BIN when set, else one built once per machine
// with `go install` into the user cache directory (a minute or more the
// first time, with the module proxy; instant afterwards). Test processes
// running in parallel wait for one build instead of racing.
func MailpitBinary(t testing.TB) string {
	t.Helper()
	if bin := os.Getenv("MAILPIT_BIN"); bin != "" {
		return bin
	}
	bin := mailpitCachePath()
	dir := filepath.Dir(bin)
	if _, err := os.Stat(bin); err == nil {
		return bin
	}
	if err := buildMailpit(t, dir, bin); err != nil {
		t.Fatalf("testkit: %v", err)
	}
	return bin
}

// mailpitCachePath is where MailpitBinary keeps the build of
// mailpit.Version; scripts/build-mailpit.sh builds into the same place.
func mailpitCachePath() string {
	cache, err := os.UserCacheDir()
	if err != nil {
		cache = os.TempDir()
	}
	return filepath.Join(cache, "onward", "mailpit", mailpit.Version, "mailpit")
}

// buildMailpit installs Mailpit into dir under a file lock, unless another
// process did while this one waited for the lock. It builds into a
// temporary GOBIN and renames, so a build killed halfway leaves no
// half-written binary behind.
func buildMailpit(t testing.TB, dir, bin string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("mailpit cache: %w", err)
	}
	lock, err := os.OpenFile(filepath.Join(dir, ".lock"), os.O_CREATE|os.O_RDWR, 0o644)
	if err != nil {
		return fmt.Errorf("mailpit cache lock: %w", err)
	}
	defer lock.Close()
	if err := syscall.Flock(int(lock.Fd()), syscall.LOCK_EX); err != nil {
		return fmt.Errorf("mailpit cache lock: %w", err)
	}
	if _, err := os.Stat(bin); err == nil {
		return nil // built by another process while this one waited
	}
	gobin, err := os.MkdirTemp(dir, "build-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(gobin)
	t.Logf("testkit: building Mailpit %s once for this machine into %s", mailpit.Version, dir)
	started := time.Now()
	cmd := exec.Command("go", "install", mailpit.Module+"@"+mailpit.Version)
	// Outside any module or workspace, with the module's own go.mod; the
	// toolchain stays the one running the tests.
	cmd.Dir = gobin
	cmd.Env = append(os.Environ(), "GOBIN="+gobin, "GOFLAGS=-mod=mod", "GOWORK=off", "GOTOOLCHAIN=local")
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("go install %s@%s: %w\n%s", mailpit.Module, mailpit.Version, err, out)
	}
	if err := os.Rename(filepath.Join(gobin, "mailpit"), bin); err != nil {
		return err
	}
	t.Logf("testkit: Mailpit built in %s", time.Since(started).Round(time.Second))
	return nil
}
