package loadtest

import (
	"fmt"
	"net"
	"net/url"
)

// RequireLoopback returns an error unless rawURL names a loopback host
// (127.0.0.0/8, ::1 or localhost): a load test must never be pointed at a
// machine other people use.
func RequireLoopback(rawURL string) error {
	u, err := url.Parse(rawURL)
	if err != nil {
		return fmt.Errorf("loopback guard: %w", err)
	}
	host := u.Hostname()
	if host == "" {
		return fmt.Errorf("loopback guard: %q names no host", rawURL)
	}
	if host == "localhost" {
		return nil
	}
	if ip := net.ParseIP(host); ip != nil && ip.IsLoopback() {
		return nil
	}
	return fmt.Errorf("loopback guard: %s is not a loopback address; the load test only runs against this machine", host)
}
