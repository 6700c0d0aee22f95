package loadtest

import (
	"bytes"
	"context"
	"fmt"
	"net"
	"os"
	"os/exec"
	"strings"
	"sync"
	"syscall"
	"time"
)

// Admin is the platform administrator the platform is started with.
const (
	AdminEmail    = "admin@loadtest.local"
	AdminPassword = "loadtest-admin-walnut-51"
)

// Platform is bin/onward-local run as a child process on free loopback
// ports.
type Platform struct {
	// GatewayURL is the public entry, http://127.0.0.1:<port>.
	GatewayURL string
	cmd        *exec.Cmd
	exited     chan struct{}
	console    *syncBuffer
	logs       *syncBuffer
}

// PlatformOptions say which executable to run, on which data, against
// which Redis ("" embeds miniredis).
type PlatformOptions struct {
	Binary, DataDir, RedisURL string
	// Streams suffixes the event streams' names, so a run on a shared Redis
	// uses streams of its own (see Streams).
	StreamSuffix string
}

// streamVars are the environment variables naming the platform's streams.
var streamVars = map[string]string{
	"CANDIDATES_STREAM": "onward.candidates", "EMPLOYERS_ROLES_STREAM": "onward.employers.roles",
	"EMPLOYERS_PROFILES_STREAM": "onward.employers.profiles", "GATEWAY_STREAM": "onward.gateway",
	"MATCHING_STREAM": "onward.matching", "PLACEMENTS_STREAM": "onward.placements",
}

// Streams are the stream names a run with suffix uses.
func Streams(suffix string) map[string]string {
	out := map[string]string{}
	for k, v := range streamVars {
		out[k] = v + ".loadtest." + suffix
	}
	return out
}

// StartPlatform starts the platform and waits (up to ten minutes: matching
// loads every candidate first) until it says it is ready. The child gets
// SIGKILL if this process dies, and Stop ends it otherwise.
func StartPlatform(ctx context.Context, o PlatformOptions) (*Platform, error) {
	env, gateway, err := platformEnviron(o)
	if err != nil {
		return nil, err
	}
	p := &Platform{GatewayURL: "http://" + gateway, exited: make(chan struct{}), console: &syncBuffer{}, logs: &syncBuffer{}}
	p.cmd = exec.Command(o.Binary)
	p.cmd.Env, p.cmd.Stdout, p.cmd.Stderr = env, p.console, p.logs
	// A process group of its own: Ctrl-C in the terminal reaches this
	// process, which stops the platform in order; Pdeathsig covers a crash.
	p.cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGKILL}
	if err := p.cmd.Start(); err != nil {
		return nil, fmt.Errorf("start %s: %w", o.Binary, err)
	}
	go func() { _ = p.cmd.Wait(); close(p.exited) }()
	deadline := time.After(10 * time.Minute)
	for !strings.Contains(p.console.String(), "Ctrl-C to stop") {
		select {
		case <-p.exited:
			return nil, fmt.Errorf("the platform exited at start:\n%s", tail(p.logs.String(), 3000))
		case <-ctx.Done():
			p.Stop()
			return nil, ctx.Err()
		case <-deadline:
			p.Stop()
			return nil, fmt.Errorf("the platform was not ready within 10 minutes:\n%s", tail(p.logs.String(), 3000))
		case <-time.After(100 * time.Millisecond):
		}
	}
	return p, nil
}

// platformEnviron is this process's environment without the stores'
// settings, plus the platform's: loopback ports, the data directory, the
// administrator, long tokens (a run outlasts 15 minutes) and throttles
// lifted (every request comes from 127.0.0.1).
func platformEnviron(o PlatformOptions) ([]string, string, error) {
	set := map[string]string{
		"ONWARD_DATA_DIR": o.DataDir, "ONWARD_ADMIN_EMAIL": AdminEmail, "ONWARD_ADMIN_PASSWORD": AdminPassword,
		"ONWARD_START_TIMEOUT": "10m", "LOG_LEVEL": "warn", "ACCESS_TOKEN_TTL": "12h",
		// No mail catcher: mails are not the load, and Mailpit's CPU would blur the figures.
		"MAILPIT_BIN": "/nonexistent/mailpit", "REDIS_URL": o.RedisURL,
		// Matching's periodic comparison with the owners (every 30 s, and
		// over FerretDB a scan of whole collections: 12-19 s of CPU at 1,000
		// candidates) would land inside steps at random and blur the CPU per
		// request; the load test runs without it. Its cost is not a request's.
		"RECONCILE_INTERVAL": "1h",
	}
	for _, limit := range []string{"LOGIN_IP_LIMIT", "LOGIN_ACCOUNT_LIMIT", "SIGNUP_IP_LIMIT", "INVITE_IP_LIMIT", "INVITE_ORG_LIMIT", "CANDIDATE_JOIN_IP_LIMIT", "PASSWORD_RESET_IP_LIMIT", "ROLE_CAP_PER_AREA"} {
		set[limit] = "1000"
	}
	if o.StreamSuffix != "" {
		for k, v := range Streams(o.StreamSuffix) {
			set[k] = v
		}
	}
	for _, key := range []string{"ONWARD_FERRETDB_ADDR", "ONWARD_WEB_ADDR", "ONWARD_GATEWAY_ADDR", "ONWARD_EMPLOYERS_ADDR", "ONWARD_CANDIDATES_ADDR", "ONWARD_MATCHING_ADDR", "ONWARD_NOTIFICATIONS_ADDR", "ONWARD_PLACEMENTS_ADDR", "ONWARD_INSIGHTS_ADDR", "ONWARD_MAIL_SMTP_ADDR", "ONWARD_MAIL_ADDR"} {
		addr, err := freeLoopbackAddr()
		if err != nil {
			return nil, "", err
		}
		set[key] = addr
	}
	var env []string
	for _, kv := range os.Environ() {
		key, _, _ := strings.Cut(kv, "=")
		if _, ours := set[key]; !ours && key != "MONGO_URI" && key != "SMTP_URL" {
			env = append(env, kv)
		}
	}
	for k, v := range set {
		if v != "" {
			env = append(env, k+"="+v)
		}
	}
	return env, set["ONWARD_GATEWAY_ADDR"], nil
}

func freeLoopbackAddr() (string, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	defer ln.Close()
	return ln.Addr().String(), nil
}

// PID is the platform's process id.
func (p *Platform) PID() int { return p.cmd.Process.Pid }

// Alive reports whether the platform still runs.
func (p *Platform) Alive() bool {
	select {
	case <-p.exited:
		return false
	default:
		return true
	}
}

// Logs are the platform's last logs, for an error message.
func (p *Platform) Logs() string { return tail(p.logs.String(), 3000) }

// Stop asks the platform to stop (SIGTERM), and kills its process group
// after 30 seconds.
func (p *Platform) Stop() {
	_ = syscall.Kill(-p.cmd.Process.Pid, syscall.SIGTERM)
	select {
	case <-p.exited:
	case <-time.After(30 * time.Second):
		_ = syscall.Kill(-p.cmd.Process.Pid, syscall.SIGKILL)
		<-p.exited
	}
}

// syncBuffer is a bytes.Buffer the child's output goroutines and the
// readiness loop share.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.buf.Len() > 1<<20 { // keep the newest megabyte
		rest := append([]byte(nil), b.buf.Bytes()[b.buf.Len()/2:]...)
		b.buf.Reset()
		b.buf.Write(rest)
	}
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

func tail(s string, n int) string {
	if len(s) > n {
		return "…" + s[len(s)-n:]
	}
	return s
}
