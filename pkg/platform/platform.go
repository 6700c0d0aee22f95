// Package platform starts the parts every Onward service has in common: a
// logger, the MongoDB client and the service's own database, the Redis
// client, and the HTTP server with health checks on both. A service's
// composition root calls Start, adds its routes and consumers, then Serve.
package platform

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"time"

	"github.com/redis/go-redis/v9"
	"go.mongodb.org/mongo-driver/v2/mongo"

	"github.com/onward-jobs/onward/pkg/config"
	"github.com/onward-jobs/onward/pkg/httpx"
	"github.com/onward-jobs/onward/pkg/mongox"
)

// Runtime is a started service's shared infrastructure.
type Runtime struct {
	Name   string
	Config config.Base
	Logger *slog.Logger
	Mongo  *mongo.Client
	DB     *mongo.Database
	Redis  redis.UniversalClient
	Server *httpx.Server
}

// Start connects to MongoDB and Redis and builds the HTTP server. fullConfig
// is the service's whole config struct, logged with secrets masked.
func Start(ctx context.Context, name string, base config.Base, fullConfig any, logOut io.Writer) (*Runtime, error) {
	logger := httpx.NewLogger(logOut, base.LogFormat, base.LogLevel, name)
	logger.Info("starting", config.Attrs(fullConfig)...)
	client, err := mongox.Connect(ctx, base.MongoURI)
	if err != nil {
		return nil, err
	}
	rdb, err := ConnectRedis(ctx, base.RedisURL)
	if err != nil {
		_ = client.Disconnect(context.Background())
		return nil, err
	}
	server := newServer(name, logger, base.Server,
		httpx.Check{Name: "mongo", Probe: mongox.Probe(client)},
		httpx.Check{Name: "redis", Probe: func(ctx context.Context) error { return rdb.Ping(ctx).Err() }})
	return &Runtime{Name: name, Config: base, Logger: logger, Mongo: client, DB: client.Database(base.MongoDB), Redis: rdb, Server: server}, nil
}

// StartWithoutStore is Start for a service that owns no database (the web
// app): it connects to Redis only, and Mongo and DB stay nil.
func StartWithoutStore(ctx context.Context, name string, srv config.Server, fullConfig any, logOut io.Writer) (*Runtime, error) {
	logger := httpx.NewLogger(logOut, srv.LogFormat, srv.LogLevel, name)
	logger.Info("starting", config.Attrs(fullConfig)...)
	rdb, err := ConnectRedis(ctx, srv.RedisURL)
	if err != nil {
		return nil, err
	}
	server := newServer(name, logger, srv,
		httpx.Check{Name: "redis", Probe: func(ctx context.Context) error { return rdb.Ping(ctx).Err() }})
	return &Runtime{Name: name, Config: config.Base{Server: srv}, Logger: logger, Redis: rdb, Server: server}, nil
}

func newServer(name string, logger *slog.Logger, srv config.Server, checks ...httpx.Check) *httpx.Server {
	return httpx.NewServer(httpx.AppConfig{
		Service: name, Logger: logger, BodyLimit: srv.BodyLimit,
		ReadTimeout: srv.ReadTimeout, WriteTimeout: srv.WriteTimeout, TrustedProxies: srv.TrustedProxies,
		MetricsAddr: srv.MetricsAddr, Checks: checks,
	})
}

// Serve answers HTTP until ctx is cancelled, shuts the server down
// gracefully, waits for the background workers to return, then closes
// Redis and MongoDB. Workers get ctx and must return when it ends.
func (r *Runtime) Serve(ctx context.Context, workers ...func(context.Context) error) error {
	r.Server.NotFoundLast()
	errc := make(chan error, len(workers)+1)
	wctx, stopWorkers := context.WithCancel(ctx)
	for _, w := range workers {
		go func() { errc <- w(wctx) }()
	}
	serveErr := r.Server.Serve(ctx, r.Config.HTTPAddr, r.Config.ShutdownTimeout)
	stopWorkers()
	var errsOut []error
	if serveErr != nil {
		errsOut = append(errsOut, serveErr)
	}
	for range workers {
		if err := <-errc; err != nil && !errors.Is(err, context.Canceled) {
			errsOut = append(errsOut, err)
		}
	}
	errsOut = append(errsOut, r.Close())
	r.Logger.Info("stopped")
	return errors.Join(errsOut...)
}

// Close releases the Redis and MongoDB clients.
func (r *Runtime) Close() error {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if r.Mongo == nil {
		return r.Redis.Close()
	}
	return errors.Join(r.Redis.Close(), r.Mongo.Disconnect(ctx))
}

// Every returns a background worker for Serve that runs job every interval
// until ctx ends, then returns ctx's error (which Serve ignores). job
// reports its own failures: a failed round never stops the worker.
func Every(interval time.Duration, job func(ctx context.Context)) func(context.Context) error {
	return func(ctx context.Context) error {
		t := time.NewTicker(interval)
		defer t.Stop()
		for {
			select {
			case <-ctx.Done():
				return ctx.Err()
			case <-t.C:
				job(ctx)
			}
		}
	}
}

// EveryLogged is Every for a job that reports how much it did: a failed
// round is logged as a warning and a round that did something as info,
// with name as the message.
func EveryLogged(logger *slog.Logger, interval time.Duration, name string, job func(context.Context) (int, error)) func(context.Context) error {
	return Every(interval, func(ctx context.Context) {
		if n, err := job(ctx); err != nil {
			logger.WarnContext(ctx, name+" failed", "error", err.Error())
		} else if n > 0 {
			logger.InfoContext(ctx, name, "count", n)
		}
	})
}
