package launcher

import (
	"errors"
	"fmt"
	"io"
	"log/slog"
	"path/filepath"

	"github.com/alicebob/miniredis/v2"

	"github.com/onward-jobs/onward/pkg/ferretsqlite"
)

// stores are the MongoDB and Redis the services use: the ones named by
// MONGO_URI and REDIS_URL, or embedded ones started for this run.
type stores struct {
	MongoURI string
	RedisURL string
	// Mongo and Redis describe the stores in the banner.
	Mongo, Redis string
	stops        []func() error
}

// startStores starts an embedded FerretDB unless cfg names a MongoDB, and an
// embedded miniredis unless cfg names a Redis. On error, whatever was
// started is stopped again.
func startStores(cfg Config, logger *slog.Logger, logOut io.Writer) (*stores, error) {
	s := &stores{MongoURI: cfg.MongoURI, RedisURL: cfg.RedisURL, Mongo: "from MONGO_URI", Redis: "from REDIS_URL"}
	if s.MongoURI == "" {
		dir := filepath.Join(cfg.DataDir, "ferretdb")
		uri, stop, err := startFerretDB(dir, cfg.FerretDBAddr, cfg.LogFormat, logOut)
		if err != nil {
			return nil, err
		}
		s.MongoURI, s.Mongo = uri, "embedded FerretDB (SQLite files in "+dir+")"
		s.stops = append(s.stops, stop)
		logger.Info("embedded FerretDB started", "uri", uri, "dir", dir)
	}
	if s.RedisURL == "" {
		url, stop, err := startMiniredis()
		if err != nil {
			_ = s.Stop()
			return nil, err
		}
		s.RedisURL, s.Redis = url, "embedded miniredis (in memory; queue state is lost on exit)"
		s.stops = append(s.stops, stop)
		logger.Warn("embedded miniredis started: queue state is in memory only and is lost on exit; set REDIS_URL to keep it", "url", url)
	}
	return s, nil
}

// Stop stops the embedded stores, newest first. Call it only after every
// service has stopped, so none loses its database mid-request.
func (s *stores) Stop() error {
	var errsOut []error
	for i := len(s.stops) - 1; i >= 0; i-- {
		errsOut = append(errsOut, s.stops[i]())
	}
	s.stops = nil
	return errors.Join(errsOut...)
}

// startFerretDB runs FerretDB with its SQLite backend in dir, so data
// survives restarts, with the _id index FerretDB v1 lacks (see package
// ferretsqlite). Its own logs are kept to errors: at warning level it dumps
// a whole wire message each time a client ends its sessions, a command
// FerretDB v1 does not implement.
func startFerretDB(dir, addr, logFormat string, logOut io.Writer) (string, func() error, error) {
	opts := &slog.HandlerOptions{Level: slog.LevelError}
	var h slog.Handler = slog.NewJSONHandler(logOut, opts)
	if logFormat == "text" {
		h = slog.NewTextHandler(logOut, opts)
	}
	f, err := ferretsqlite.Start(ferretsqlite.Config{Dir: dir, Addr: addr, Logger: slog.New(h).With("service", "ferretdb")})
	if err != nil {
		return "", nil, fmt.Errorf("embedded %w", err)
	}
	return f.URI(), f.Stop, nil
}

// startMiniredis runs miniredis on a free loopback port. ClockTTL makes key
// expiry follow the wall clock as in Redis; miniredis otherwise never
// expires keys, and the gateway's sign-in throttle would never reset.
func startMiniredis() (string, func() error, error) {
	m := miniredis.NewMiniRedis()
	m.ClockTTL(true)
	if err := m.StartAddr("127.0.0.1:0"); err != nil {
		return "", nil, fmt.Errorf("embedded miniredis: %w", err)
	}
	return "redis://" + m.Addr() + "/0", func() error { m.Close(); return nil }, nil
}
