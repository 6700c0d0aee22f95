package mongox

import (
	"context"
	"errors"
	"strings"
	"time"

	"go.mongodb.org/mongo-driver/v2/mongo"
)

// transientCodes are MongoDB's error codes for a server that is
// unreachable, shutting down or changing primaries: the same command can
// succeed a moment later.
var transientCodes = map[int]bool{
	6:     true, // HostUnreachable
	7:     true, // HostNotFound
	89:    true, // NetworkTimeout
	91:    true, // ShutdownInProgress
	189:   true, // PrimarySteppedDown
	10107: true, // NotWritablePrimary
	11600: true, // InterruptedAtShutdown
	11602: true, // InterruptedDueToReplStateChange
	13435: true, // NotPrimaryNoSecondaryOk
}

// Transient reports whether err says the server could not do the work
// just now, rather than that the command was wrong: a network error or
// timeout, one of transientCodes, or FerretDB's SQLite backend answering
// that a database file is locked (SQLITE_BUSY), which it does when it
// cannot take a lock without risking a deadlock, without waiting for its
// busy timeout. A cancelled context is not transient: the caller gave up.
func Transient(err error) bool {
	if err == nil || errors.Is(err, context.Canceled) {
		return false
	}
	if mongo.IsNetworkError(err) || mongo.IsTimeout(err) {
		return true
	}
	var se mongo.ServerError
	if !errors.As(err, &se) {
		return false
	}
	for code := range transientCodes {
		if se.HasErrorCode(code) {
			return true
		}
	}
	msg := se.Error()
	return strings.Contains(msg, "database is locked") || strings.Contains(msg, "SQLITE_BUSY")
}

// retryTransient runs op, and again after each of delays in turn for as
// long as it fails with a transient error (Transient) and ctx lasts. It
// returns op's last error; any other error ends it at once.
func retryTransient(ctx context.Context, delays []time.Duration, op func() error) error {
	for attempt := 0; ; attempt++ {
		err := op()
		if err == nil || !Transient(err) || attempt == len(delays) || ctx.Err() != nil {
			return err
		}
		t := time.NewTimer(delays[attempt])
		select {
		case <-ctx.Done():
			t.Stop()
			return err
		case <-t.C:
		}
	}
}
