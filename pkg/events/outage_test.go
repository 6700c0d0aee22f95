package events_test

import (
	"io"
	"net"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/redis/go-redis/v9"

	"github.com/onward-jobs/onward/pkg/testkit"
)

// outageProxy forwards TCP connections to Redis and can cut them all and turn
// new ones away, which a client sees exactly as a Redis restart. The shared
// test server itself must never be restarted.
type outageProxy struct {
	ln      net.Listener
	target  string
	down    atomic.Bool
	refused atomic.Int64
	mu      sync.Mutex
	conns   map[net.Conn]struct{}
	wg      sync.WaitGroup
}

func newOutageProxy(t *testing.T, target string) *outageProxy {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatalf("listen: %v", err)
	}
	p := &outageProxy{ln: ln, target: target, conns: map[net.Conn]struct{}{}}
	p.wg.Go(p.accept)
	t.Cleanup(func() {
		_ = ln.Close()
		p.cut()
		p.wg.Wait()
	})
	return p
}

func (p *outageProxy) accept() {
	for {
		client, err := p.ln.Accept()
		if err != nil {
			return // Listener closed.
		}
		if p.down.Load() {
			p.refused.Add(1)
			_ = client.Close()
			continue
		}
		server, err := net.Dial("tcp", p.target)
		if err != nil {
			_ = client.Close()
			continue
		}
		p.track(client, server)
		p.wg.Go(func() { p.pipe(server, client) })
		p.wg.Go(func() { p.pipe(client, server) })
	}
}

// pipe copies until either side fails, then closes both so the other
// direction's copy ends too.
func (p *outageProxy) pipe(dst, src net.Conn) {
	_, _ = io.Copy(dst, src)
	_ = dst.Close()
	_ = src.Close()
}

func (p *outageProxy) track(conns ...net.Conn) {
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, c := range conns {
		p.conns[c] = struct{}{}
	}
}

// cut closes every open connection.
func (p *outageProxy) cut() {
	p.mu.Lock()
	defer p.mu.Unlock()
	for c := range p.conns {
		_ = c.Close()
	}
	clear(p.conns)
}

// TestRunSurvivesRedisOutage cuts the subscriber off from Redis, publishes
// during the outage and checks that Run kept retrying and consumes the event
// once Redis is reachable again.
func TestRunSurvivesRedisOutage(t *testing.T) {
	t.Parallel()
	rdb := testkit.Redis(t)
	stream := newStream(t, rdb)
	opts, err := redis.ParseURL(testkit.RedisURL(t))
	if err != nil {
		t.Fatalf("parse REDIS_URL: %v", err)
	}
	proxy := newOutageProxy(t, opts.Addr)
	opts.Addr = proxy.ln.Addr().String()
	viaProxy := redis.NewClient(opts)
	t.Cleanup(func() { _ = viaProxy.Close() })

	group := testkit.UniqueName(t, "g")
	done := newTally()
	stop := start(t, viaProxy, testConfig(t, stream, group, "c1"), done.recorder(group))
	_, firstID := publish(t, rdb, stream, "cand-1")
	eventually(t, "the first event is handled", func() bool {
		return groupCaughtUp(t, rdb, stream, group, firstID)
	})

	proxy.down.Store(true)
	proxy.cut()
	during, lastID := publish(t, rdb, stream, "cand-2")
	eventually(t, "the subscriber has retried several times", func() bool {
		return proxy.refused.Load() >= 3
	})
	proxy.down.Store(false)

	eventually(t, "the event published during the outage is handled", func() bool {
		return done.get(group, during.ID) == 1 && groupCaughtUp(t, rdb, stream, group, lastID)
	})
	if err := stop(); err != nil {
		t.Fatalf("Run returned %v, want nil", err)
	}
}
