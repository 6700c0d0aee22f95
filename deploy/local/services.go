package launcher

import (
	"context"
	"fmt"
	"io"
	"net"
	"slices"
	"strings"
	"time"

	"github.com/onward-jobs/onward/services/candidates"
	"github.com/onward-jobs/onward/services/employers"
	"github.com/onward-jobs/onward/services/gateway"
	"github.com/onward-jobs/onward/services/insights"
	"github.com/onward-jobs/onward/services/matching"
	"github.com/onward-jobs/onward/services/notifications"
	"github.com/onward-jobs/onward/services/placements"
	"github.com/onward-jobs/onward/services/web"
)

// service is one Onward service run in-process.
type service struct {
	name string
	addr string
	run  func(ctx context.Context, environ map[string]string, logOut io.Writer) error
	// env are settings for this service alone, unless the environment
	// already sets them.
	env map[string]string
	// kind is the service an extra instance is one of (see
	// withInstances); empty means name.
	kind string
	// set are settings the launcher decides for this instance, over
	// everything else: the instance lists of the gateways and web apps.
	set map[string]string
}

// URL is where this process reaches the service.
func (s service) URL() string { return localURL(s.addr) }

// onwardServices lists the services with their listen addresses. The
// gateway prints a generated administrator password, once, on console. It
// believes the browser's address that the web app forwards from this
// machine, so its sign-in throttle counts people, not the web app.
func onwardServices(cfg Config, console io.Writer) []service {
	return []service{
		// The web app's CSRF key is made afresh for each run: forms left
		// open across a restart just ask to be sent again.
		{name: "web", addr: cfg.WebAddr, run: web.Run, env: map[string]string{"WEB_CSRF_KEY": randomSecret()}},
		{name: "gateway", addr: cfg.GatewayAddr, run: func(ctx context.Context, env map[string]string, logOut io.Writer) error {
			return gateway.Run(ctx, env, logOut, console)
		}, env: map[string]string{"TRUSTED_PROXIES": "127.0.0.1,::1"}},
		{name: "employers", addr: cfg.EmployersAddr, run: employers.Run},
		{name: "candidates", addr: cfg.CandidatesAddr, run: func(ctx context.Context, env map[string]string, logOut io.Writer) error {
			return candidates.RunWithClock(ctx, env, logOut, candidatesClock)
		}},
		{name: "matching", addr: cfg.MatchingAddr, run: func(ctx context.Context, env map[string]string, logOut io.Writer) error {
			return matching.RunWithClock(ctx, env, logOut, matchingClock)
		}},
		{name: "notifications", addr: cfg.NotificationsAddr, run: notifications.Run},
		// Placements owns introductions, placements and follow-ups; every
		// service, the gateway included, finds it at PLACEMENTS_URL.
		{name: "placements", addr: cfg.PlacementsAddr, run: func(ctx context.Context, env map[string]string, logOut io.Writer) error {
			return placements.RunWithClock(ctx, env, logOut, placementsClock)
		}},
		// Insights counts outcomes from the others' events and facts; the
		// gateway proxies /api/v1/insights to it at INSIGHTS_URL.
		{name: "insights", addr: cfg.InsightsAddr, run: func(ctx context.Context, env map[string]string, logOut io.Writer) error {
			return insights.RunWithClock(ctx, env, logOut, insightsClock)
		}},
	}
}

// placementsClock, when a platform test sets it before the platform
// starts, is the placements service's clock, so the test can move time to
// expiries and follow-ups (with SWEEP_INTERVAL short); nil is the wall
// clock.
var placementsClock func() time.Time

// candidatesClock and matchingClock, likewise, are the candidates and
// matching services' clocks, so an outcomes test can register people
// and shortlist them in months gone by; nil is the wall clock.
var candidatesClock, matchingClock func() time.Time

// insightsClock, like placementsClock, is the insights service's clock
// when a platform test sets it, so days 30, 90 and 180 of a placement
// come (with DAILY_PASS_INTERVAL short); nil is the wall clock.
var insightsClock func() time.Time

// perServiceKeys are dropped from the shared environment: each service
// gets its own listen address, and keeps its own default database, so a
// MONGO_DB in the shell cannot make four services share one database.
var perServiceKeys = []string{"HTTP_ADDR", "METRICS_ADDR", "MONGO_DB"}

// sharedEnviron is the environment every service starts with: the
// process's, then the stores, the secrets, and the services' addresses
// (which always win, because the launcher decides where the services run).
func sharedEnviron(environ map[string]string, cfg Config, st *stores, secrets map[string]string, svcs []service) map[string]string {
	out := make(map[string]string, len(environ)+16)
	for k, v := range environ {
		out[k] = v
	}
	for _, k := range perServiceKeys {
		delete(out, k)
	}
	for k, v := range secrets {
		out[k] = v
	}
	out["MONGO_URI"], out["REDIS_URL"] = st.MongoURI, st.RedisURL
	out["LOG_FORMAT"] = cfg.LogFormat
	out["ONWARD_PUBLIC_URL"] = cfg.PublicURL
	out["ONWARD_ADMIN_EMAIL"] = cfg.AdminEmail
	for _, s := range svcs {
		if s.kind == "" || s.kind == s.name {
			out[strings.ToUpper(s.name)+"_URL"] = s.URL()
		}
	}
	return out
}

// mailAddrs are the mail catcher's listen addresses, named as services
// for checkPortsFree: none when SMTP_URL names the mail server or there is
// no mailpit to start.
func mailAddrs(cfg Config) []service {
	if _, found := findMailpit(cfg.MailpitBin); cfg.SMTPURL != "" || !found {
		return nil
	}
	return []service{{name: "mail_smtp", addr: cfg.MailSMTPAddr}, {name: "mail", addr: cfg.MailAddr}}
}

// checkPortsFree fails early, with a hint, when a service's port is taken,
// typically by another launcher still running. The services would fail
// too, but only after the stores have started and with a terser message.
func checkPortsFree(svcs []service, more []service) error {
	for _, s := range append(slices.Clone(svcs), more...) {
		ln, err := net.Listen("tcp", s.addr)
		if err != nil {
			return fmt.Errorf("%s cannot listen on %s (is Onward already running? set ONWARD_%s_ADDR to use another address): %w",
				s.name, s.addr, strings.ToUpper(s.name), err)
		}
		_ = ln.Close()
	}
	return nil
}
