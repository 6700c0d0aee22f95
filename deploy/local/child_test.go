package launcher

import (
	"context"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"os/signal"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/onward-jobs/onward/pkg/config"
	"github.com/onward-jobs/onward/pkg/testkit"
)

// childMarker, in a test binary's environment, makes it run the launcher
// instead of tests: the fault suite starts the platform that way, as a
// process of its own that it can kill without warning.
const childMarker = "ONWARD_TEST_LAUNCHER_CHILD"

// runLauncherIfChild runs the launcher and exits when this process was
// started as a child platform; otherwise it returns at once.
func runLauncherIfChild() {
	if os.Getenv(childMarker) != "1" {
		return
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := Run(ctx, config.Environ(), os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "launcher:", err)
		os.Exit(1)
	}
	os.Exit(0)
}

// child is the platform running in a process of its own.
type child struct {
	*platform
	cmd  *exec.Cmd
	exit chan error
}

// startChild starts the whole platform as a child process on env and waits
// until every service is ready. The child is killed when t ends, also
// after restarts.
func startChild(t *testing.T, env map[string]string) *child {
	t.Helper()
	c := &child{platform: &platform{env: env, http: contractClient(t)}}
	c.http.Timeout = 30 * time.Second
	t.Cleanup(func() { c.kill(t) })
	c.start(t)
	return c
}

// start runs the platform process and waits until every service is ready;
// after kill it starts the platform again on the same data.
func (c *child) start(t *testing.T) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	for _, kv := range os.Environ() {
		key, _, _ := strings.Cut(kv, "=")
		if _, ours := c.env[key]; !ours && key != "MONGO_URI" && key != "REDIS_URL" {
			cmd.Env = append(cmd.Env, kv)
		}
	}
	for k, v := range c.env {
		cmd.Env = append(cmd.Env, k+"="+v)
	}
	cmd.Env = append(cmd.Env, childMarker+"=1")
	c.cmd, c.exit = cmd, make(chan error, 1)
	c.console, c.logs = &testkit.LogBuffer{}, &testkit.LogBuffer{}
	cmd.Stdout, cmd.Stderr = c.console, c.logs
	if err := cmd.Start(); err != nil {
		t.Fatalf("start the platform: %v", err)
	}
	go func() { c.exit <- cmd.Wait() }()
	deadline := time.Now().Add(120 * time.Second)
	for !strings.Contains(c.console.String(), "Ctrl-C to stop") {
		select {
		case err := <-c.exit:
			c.exit <- err
			t.Fatalf("the platform exited at start: %v\n%s", err, c.logs)
		default:
		}
		if time.Now().After(deadline) {
			t.Fatalf("the platform was not ready within 120s\n%s", c.logs)
		}
		time.Sleep(50 * time.Millisecond)
	}
	c.checkAllReady(t)
}

// kill ends the child at once (SIGKILL: no shutdown, no flushing) and
// waits for it. A data race its race detector reported fails the test.
func (c *child) kill(t *testing.T) {
	t.Helper()
	if c.cmd == nil {
		return
	}
	select {
	case err := <-c.exit:
		c.exit <- err // already gone
	default:
		_ = c.cmd.Process.Kill()
		c.exit <- <-c.exit
	}
	if strings.Contains(c.logs.String(), "WARNING: DATA RACE") {
		t.Errorf("the platform reported a data race:\n%s", c.logs)
	}
}

// httpClient is a plain client for requests that may meet a dead platform.
var httpClient = &http.Client{Timeout: 10 * time.Second}
