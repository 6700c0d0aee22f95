package healthcheck

import (
	"context"
	"errors"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"
)

// listenAddr returns the host:port a test server listens on.
func listenAddr(t *testing.T, srv *httptest.Server) string {
	t.Helper()
	return strings.TrimPrefix(srv.URL, "http://")
}

// readiness serves only the readiness endpoint, answering with status.
func readiness(status int) http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET "+Path, func(w http.ResponseWriter, _ *http.Request) {
		w.WriteHeader(status)
	})
	return mux
}

func TestCheck(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		status  int
		wantErr bool
	}{
		{name: "ready", status: http.StatusOK},
		{name: "dependencies down", status: http.StatusServiceUnavailable, wantErr: true},
		{name: "server error", status: http.StatusInternalServerError, wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			srv := httptest.NewServer(readiness(tt.status))
			defer srv.Close()

			err := Check(context.Background(), listenAddr(t, srv))
			if (err != nil) != tt.wantErr {
				t.Fatalf("Check() error = %v, wantErr %v", err, tt.wantErr)
			}
		})
	}
}

func TestCheckWildcardAddressProbesLoopback(t *testing.T) {
	t.Parallel()
	srv := httptest.NewServer(readiness(http.StatusOK))
	defer srv.Close()
	_, port, err := net.SplitHostPort(listenAddr(t, srv))
	if err != nil {
		t.Fatal(err)
	}

	for _, addr := range []string{":" + port, "0.0.0.0:" + port} {
		if err := Check(context.Background(), addr); err != nil {
			t.Errorf("Check(%q) = %v, want nil", addr, err)
		}
	}
}

func TestCheckNothingListening(t *testing.T) {
	t.Parallel()
	srv := httptest.NewServer(readiness(http.StatusOK))
	addr := listenAddr(t, srv)
	srv.Close()

	if err := Check(context.Background(), addr); err == nil {
		t.Fatal("Check() on a closed port = nil, want an error")
	}
}

func TestCheckHonoursDeadline(t *testing.T) {
	t.Parallel()
	release := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-release:
		case <-r.Context().Done():
		}
	}))
	defer srv.Close()
	defer close(release)

	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	err := Check(ctx, listenAddr(t, srv))
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("Check() = %v, want context.DeadlineExceeded", err)
	}
}

func TestProbeURL(t *testing.T) {
	t.Parallel()
	tests := []struct {
		addr    string
		want    string
		wantErr bool
	}{
		{addr: ":8080", want: "http://127.0.0.1:8080/readyz"},
		{addr: "0.0.0.0:8081", want: "http://127.0.0.1:8081/readyz"},
		{addr: "[::]:8082", want: "http://127.0.0.1:8082/readyz"},
		{addr: "127.0.0.1:8083", want: "http://127.0.0.1:8083/readyz"},
		{addr: "[::1]:8083", want: "http://[::1]:8083/readyz"},
		{addr: "8080", wantErr: true},
		{addr: "localhost:", wantErr: true},
	}
	for _, tt := range tests {
		got, err := probeURL(tt.addr)
		if (err != nil) != tt.wantErr {
			t.Errorf("probeURL(%q) error = %v, wantErr %v", tt.addr, err, tt.wantErr)
			continue
		}
		if got != tt.want {
			t.Errorf("probeURL(%q) = %q, want %q", tt.addr, got, tt.want)
		}
	}
}

func TestRequested(t *testing.T) {
	t.Parallel()
	tests := []struct {
		args []string
		want bool
	}{
		{args: nil, want: false},
		{args: []string{"/gateway"}, want: false},
		{args: []string{"/gateway", "serve"}, want: false},
		{args: []string{"/gateway", "healthcheck"}, want: true},
		{args: []string{"/gateway", "healthcheck", "extra"}, want: true},
	}
	for _, tt := range tests {
		if got := Requested(tt.args); got != tt.want {
			t.Errorf("Requested(%q) = %v, want %v", tt.args, got, tt.want)
		}
	}
}

func TestRunIfRequestedReturnsForOtherArguments(t *testing.T) {
	t.Parallel()
	// Returning at all is the assertion: probe mode would have exited.
	RunIfRequested([]string{"/gateway"}, ":1")
}

// TestRunIfRequestedExitCode runs the test binary again as a child that
// calls RunIfRequested, because the function ends its process.
func TestRunIfRequestedExitCode(t *testing.T) {
	if addr := os.Getenv("HEALTHCHECK_CHILD_ADDR"); addr != "" {
		RunIfRequested([]string{"/service", Command}, addr)
		t.Fatal("RunIfRequested returned in probe mode")
	}
	t.Parallel()
	tests := []struct {
		name     string
		status   int
		wantCode int
	}{
		{name: "ready exits 0", status: http.StatusOK, wantCode: 0},
		{name: "not ready exits 1", status: http.StatusServiceUnavailable, wantCode: 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			srv := httptest.NewServer(readiness(tt.status))
			defer srv.Close()

			cmd := exec.Command(os.Args[0], "-test.run=^TestRunIfRequestedExitCode$")
			cmd.Env = append(os.Environ(), "HEALTHCHECK_CHILD_ADDR="+listenAddr(t, srv))
			out, err := cmd.CombinedOutput()
			code := 0
			var exitErr *exec.ExitError
			if errors.As(err, &exitErr) {
				code = exitErr.ExitCode()
			} else if err != nil {
				t.Fatalf("run child: %v", err)
			}
			if code != tt.wantCode {
				t.Fatalf("exit code = %d, want %d; output:\n%s", code, tt.wantCode, out)
			}
		})
	}
}
