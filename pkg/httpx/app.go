package httpx

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/gofiber/fiber/v2/middleware/recover"
)

// AppConfig describes one service's HTTP server.
type AppConfig struct {
	Service      string
	Logger       *slog.Logger
	BodyLimit    int
	ReadTimeout  time.Duration
	WriteTimeout time.Duration
	Checks       []Check
	// TrustedProxies lists the addresses or CIDR ranges whose
	// X-Forwarded-For header is believed for the client address (c.IP()),
	// and whose X-Forwarded-Proto and X-Forwarded-Host are believed for
	// c.Protocol() and c.Hostname(). Empty means the peer is the client
	// and no forwarded header is believed from anyone. A trusted proxy
	// must replace the headers with what it saw, not append to what its
	// own client sent, since the first address in them is believed.
	TrustedProxies []string
	// MetricsAddr is where /metrics listens, apart from the public port:
	// the gateway proxies public paths to the services, so nothing on a
	// service's public port may be for operators only. Empty serves no
	// metrics port (tests read Metrics.Handler directly).
	MetricsAddr string
}

// Server is a Fiber app with Onward's middleware, health and metrics.
type Server struct {
	App     *fiber.App
	Health  *Health
	Metrics *Metrics
	logger  *slog.Logger
	// metricsAddr is AppConfig.MetricsAddr.
	metricsAddr string
}

// NewServer builds the Fiber app: recovery from panics (answered as a 500
// problem), request ids, access logs, metrics, the problem+json error
// handler, and /healthz and /readyz. /metrics is served on its own port by
// Serve (AppConfig.MetricsAddr), never here. Routes are added by the caller.
func NewServer(cfg AppConfig) *Server {
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	s := &Server{Health: &Health{checks: cfg.Checks}, Metrics: NewMetrics(cfg.Service), logger: cfg.Logger, metricsAddr: cfg.MetricsAddr}
	trusted := trimmed(cfg.TrustedProxies)
	s.App = fiber.New(fiber.Config{
		AppName:      "onward-" + cfg.Service,
		ErrorHandler: ErrorHandler(cfg.Logger),
		BodyLimit:    cfg.BodyLimit,
		// 8 KiB of request headers: room for a bearer token up to the
		// verifier's own limit, so an oversize token gets a clear 401 and
		// anything larger a 431 from the server.
		ReadBufferSize:        8192,
		ReadTimeout:           cfg.ReadTimeout,
		WriteTimeout:          cfg.WriteTimeout,
		IdleTimeout:           2 * cfg.WriteTimeout,
		DisableStartupMessage: true,
		// Strings from the context are copies, not views of fasthttp's
		// request buffers, which the next request on the connection
		// overwrites: a method kept as a metric label turned "POST" into
		// "GETT" and broke /metrics. Nothing kept past a request can
		// change under its holder.
		Immutable:     true,
		StrictRouting: false,
		// Always on: with the check off Fiber believes X-Forwarded-Proto
		// and X-Forwarded-Host from any peer, so anyone could make a
		// plain-HTTP request look like HTTPS. With it on and no proxy
		// listed, no peer is trusted.
		EnableTrustedProxyCheck: true,
		TrustedProxies:          trusted,
		ProxyHeader:             proxyHeader(trusted),
		// From a trusted proxy, c.IP() is the first valid address of its
		// X-Forwarded-For, or the proxy's own address when the header has
		// none, never the raw header (which may be empty or "a, b").
		EnableIPValidation: len(trusted) > 0,
	})
	s.App.Use(requestIDMiddleware, accessLog(cfg.Logger), s.Metrics.middleware, recover.New())
	s.App.Get("/healthz", s.Health.live)
	s.App.Get("/readyz", s.Health.ready)
	return s
}

// trimmed drops the spaces an operator may leave around the entries of
// a comma-separated list ("10.0.0.1, 10.0.0.2"); Fiber would compare them
// as written and never match.
func trimmed(list []string) []string {
	var out []string
	for _, s := range list {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

func proxyHeader(trusted []string) string {
	if len(trusted) == 0 {
		return ""
	}
	return fiber.HeaderXForwardedFor
}

// NotFoundLast adds the final handler that answers unknown paths with a 404
// problem. Call it after every route is registered.
func (s *Server) NotFoundLast() {
	s.App.Use(func(c *fiber.Ctx) error {
		return fiber.NewError(fiber.StatusNotFound, "no such endpoint")
	})
}

// Serve listens on addr, and serves /metrics on the metrics address when
// one is set, until ctx is cancelled, then drains readiness and shuts down
// gracefully within timeout.
func (s *Server) Serve(ctx context.Context, addr string, timeout time.Duration) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("listen %s: %w", addr, err)
	}
	if s.metricsAddr == "" {
		return s.ServeListener(ctx, ln, timeout)
	}
	mln, err := net.Listen("tcp", s.metricsAddr)
	if err != nil {
		_ = ln.Close()
		return fmt.Errorf("listen for metrics %s: %w", s.metricsAddr, err)
	}
	stop := s.serveMetrics(mln)
	defer stop()
	return s.ServeListener(ctx, ln, timeout)
}

// ServeListener is Serve on a listener the caller opened (tests use port 0).
func (s *Server) ServeListener(ctx context.Context, ln net.Listener, timeout time.Duration) error {
	errc := make(chan error, 1)
	go func() { errc <- s.App.Listener(ln) }()
	s.logger.Info("listening", "addr", ln.Addr().String())
	select {
	case err := <-errc:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	s.Health.Drain()
	if err := s.App.ShutdownWithTimeout(timeout); err != nil && !errors.Is(err, context.Canceled) {
		return fmt.Errorf("shutdown: %w", err)
	}
	return nil
}
