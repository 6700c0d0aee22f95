// Package healthcheck lets a service binary probe itself, so that images
// built on distroless bases (no shell, no curl, no wget) can still carry a
// container health check. The image's HEALTHCHECK and the compose file run
// the binary again with the single argument "healthcheck"; that second
// process asks the running server's readiness endpoint and exits 0 or 1.
//
// The probe uses /readyz rather than /healthz on purpose: compose starts a
// dependent service only when this one is healthy, and "healthy" should mean
// that MongoDB and Redis are reachable, not merely that the process is alive.
//
// The package uses only the standard library so that it adds nothing to a
// service's dependency graph.
package healthcheck

import (
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"time"
)

// Command is the first argument that switches a service binary into probe
// mode: `/gateway healthcheck`.
const Command = "healthcheck"

// Path is the endpoint the probe asks. It answers 200 only when the service
// can reach its MongoDB database and Redis.
const Path = "/readyz"

// Timeout bounds one probe, including connecting. It is kept below the
// compose healthcheck timeout so that the probe reports a failure itself
// rather than being killed.
const Timeout = 3 * time.Second

// RunIfRequested probes the server listening on addr and exits the process
// when args (normally os.Args) ask for it, that is when args[1] is
// "healthcheck". It exits 0 if the readiness endpoint answers 200 and 1
// otherwise. With any other arguments it returns at once and the caller
// starts the server as usual.
//
// Call it first thing in main, before loading configuration or opening
// connections, with the same listen address the server uses (HTTP_ADDR or
// the service's default, such as ":8081").
func RunIfRequested(args []string, addr string) {
	if !Requested(args) {
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), Timeout)
	err := Check(ctx, addr)
	cancel()
	if err != nil {
		fmt.Fprintf(os.Stderr, "healthcheck: %v\n", err)
		os.Exit(1)
	}
	os.Exit(0)
}

// Requested reports whether args ask for a probe rather than a server.
func Requested(args []string) bool {
	return len(args) > 1 && args[1] == Command
}

// Check asks the readiness endpoint of the server listening on addr and
// returns nil only for a 200 answer. A wildcard or empty host (":8080",
// "0.0.0.0:8080", "[::]:8080") is probed on the loopback interface, because
// the probe runs inside the same container as the server.
func Check(ctx context.Context, addr string) error {
	url, err := probeURL(addr)
	if err != nil {
		return err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return fmt.Errorf("build request for %s: %w", url, err)
	}
	client := &http.Client{Timeout: Timeout}
	resp, err := client.Do(req)
	if err != nil {
		return fmt.Errorf("get %s: %w", url, err)
	}
	defer resp.Body.Close()
	// Drain a little so the connection closes cleanly; the body is not needed.
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 4096))
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("get %s: status %d", url, resp.StatusCode)
	}
	return nil
}

// probeURL turns a listen address into the URL of its readiness endpoint.
func probeURL(addr string) (string, error) {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return "", fmt.Errorf("listen address %q: %w", addr, err)
	}
	if port == "" {
		return "", fmt.Errorf("listen address %q has no port", addr)
	}
	if ip := net.ParseIP(host); host == "" || (ip != nil && ip.IsUnspecified()) {
		host = "127.0.0.1"
	}
	return "http://" + net.JoinHostPort(host, port) + Path, nil
}
