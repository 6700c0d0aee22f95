package launcher

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"slices"
	"strings"
	"time"
)

// exit is a service's Run returning.
type exit struct {
	name string
	err  error
}

// group is the set of running services. Only the launcher's goroutine uses
// it; the services' goroutines only send on exits.
type group struct {
	services []service
	exits    chan exit
	running  map[string]bool
	// stopping holds exits received after the launcher was told to stop,
	// for wait to judge with the rest.
	stopping []exit
}

// newGroup is a group with room for n services, none started yet.
func newGroup(n int) *group {
	return &group{exits: make(chan exit, n), running: make(map[string]bool, n)}
}

// start runs svcs, each in its own goroutine, as members of g.
func (g *group) start(ctx context.Context, svcs []service, shared map[string]string, logOut io.Writer) {
	g.services = append(g.services, svcs...)
	for _, s := range svcs {
		g.running[s.name] = true
		env := make(map[string]string, len(shared)+1)
		for k, v := range shared {
			env[k] = v
		}
		for k, v := range s.env {
			if env[k] == "" {
				env[k] = v
			}
		}
		for k, v := range s.set {
			env[k] = v
		}
		env["HTTP_ADDR"], env["METRICS_ADDR"] = s.addr, metricsAddr(s.addr)
		go func() { g.exits <- exit{name: s.name, err: s.run(ctx, env, logOut)} }()
	}
}

// metricsAddr is where a service of the one-process platform serves
// /metrics: a free port on the host of its public address, which its
// "metrics listening" log line names. The services share one process, so
// the containers' common :9090 would collide.
func metricsAddr(addr string) string {
	host, _, _ := net.SplitHostPort(addr)
	return net.JoinHostPort(host, "0")
}

// exited judges a service that stopped while the launcher was starting or
// running (ctx is the launcher's context): before ctx ends that is a
// failure, named in the error; after, it is part of shutting down and is
// left for wait.
func (g *group) exited(ctx context.Context, e exit) error {
	delete(g.running, e.name)
	switch {
	case ctx.Err() != nil:
		g.stopping = append(g.stopping, e)
		return nil
	case e.err == nil:
		return fmt.Errorf("%s stopped unexpectedly", e.name)
	default:
		return fmt.Errorf("%s: %w", e.name, e.err)
	}
}

// watch blocks until ctx ends (nil) or a service stops by itself (an error).
func (g *group) watch(ctx context.Context) error {
	select {
	case <-ctx.Done():
		return nil
	case e := <-g.exits:
		return g.exited(ctx, e)
	}
}

// wait collects the services still running after their context was
// cancelled, and reports those that failed or did not stop within timeout.
func (g *group) wait(timeout time.Duration) error {
	deadline := time.After(timeout)
	var errsOut []error
	judge := func(e exit) {
		if e.err != nil && !errors.Is(e.err, context.Canceled) {
			errsOut = append(errsOut, fmt.Errorf("%s: %w", e.name, e.err))
		}
	}
	for _, e := range g.stopping {
		judge(e)
	}
	g.stopping = nil
	for len(g.running) > 0 {
		select {
		case e := <-g.exits:
			delete(g.running, e.name)
			judge(e)
		case <-deadline:
			still := make([]string, 0, len(g.running))
			for name := range g.running {
				still = append(still, name)
			}
			slices.Sort(still)
			return errors.Join(append(errsOut, fmt.Errorf("did not stop within %s (ONWARD_STOP_TIMEOUT): %s", timeout, strings.Join(still, ", ")))...)
		}
	}
	return errors.Join(errsOut...)
}
