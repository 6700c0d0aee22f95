package mailpit

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os/exec"
	"strings"
	"syscall"
	"time"
)

// Options say how to run Mailpit.
type Options struct {
	// Binary is the mailpit executable.
	Binary string
	// SMTPAddr and APIAddr are the host:port its SMTP server and its HTTP
	// API listen on.
	SMTPAddr, APIAddr string
	// Database is its SQLite file; it is created when missing.
	Database string
	// MaxMessages caps how many mails it keeps, oldest pruned first; 0
	// keeps them all (tests that count mails must never lose one).
	MaxMessages int
	// Output gets its logs; nil discards them.
	Output io.Writer
	// ReadyTimeout bounds the wait for its API to answer; 0 means 15s.
	ReadyTimeout time.Duration
}

// Process is a running Mailpit.
type Process struct {
	cmd    *exec.Cmd
	exited chan struct{}
	err    error // the exit status, once exited is closed
}

// Start runs Mailpit and returns once its API answers /readyz, or fails
// (having killed it) when it exits or does not answer in time.
func Start(ctx context.Context, o Options) (*Process, error) {
	args := []string{
		"--database", o.Database, "--smtp", o.SMTPAddr, "--listen", o.APIAddr,
		"--max", fmt.Sprint(o.MaxMessages),
		// Offline and quick: no release check against GitHub, no reverse
		// DNS lookup of each SMTP client.
		"--disable-version-check", "--smtp-disable-rdns",
	}
	// Mailpit answers /readyz even when its SMTP server cannot listen (it
	// then exits a moment later), so a taken port is caught here first.
	for _, addr := range []string{o.SMTPAddr, o.APIAddr} {
		ln, err := net.Listen("tcp", addr)
		if err != nil {
			return nil, fmt.Errorf("mailpit: cannot listen on %s: %w", addr, err)
		}
		_ = ln.Close()
	}
	cmd := exec.Command(o.Binary, args...)
	cmd.Stdout, cmd.Stderr = o.Output, o.Output
	if o.Output == nil {
		cmd.Stdout, cmd.Stderr = io.Discard, io.Discard
	}
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("mailpit: start %s: %w", o.Binary, err)
	}
	p := &Process{cmd: cmd, exited: make(chan struct{})}
	go func() { p.err = cmd.Wait(); close(p.exited) }()

	timeout := o.ReadyTimeout
	if timeout == 0 {
		timeout = 15 * time.Second
	}
	if err := p.waitReady(ctx, o, timeout); err != nil {
		_ = p.Stop(0)
		return nil, err
	}
	return p, nil
}

// waitReady polls until the API answers /readyz with 200 and the SMTP
// server greets as Mailpit, so mail sent right after Start is caught.
func (p *Process) waitReady(ctx context.Context, o Options, timeout time.Duration) error {
	client := &http.Client{Timeout: time.Second}
	deadline := time.NewTimer(timeout)
	defer deadline.Stop()
	for {
		if apiReady(client, "http://"+o.APIAddr+"/readyz") && smtpGreets(o.SMTPAddr) {
			return nil
		}
		select {
		case <-p.exited:
			return fmt.Errorf("mailpit: exited at start: %v (is a port taken?)", p.err)
		case <-ctx.Done():
			return ctx.Err()
		case <-deadline.C:
			return fmt.Errorf("mailpit: API not ready within %s", timeout)
		case <-time.After(50 * time.Millisecond):
		}
	}
}

func apiReady(client *http.Client, url string) bool {
	resp, err := client.Get(url)
	if err != nil {
		return false
	}
	resp.Body.Close()
	return resp.StatusCode == http.StatusOK
}

// smtpGreets reports whether the server at addr sends Mailpit's greeting.
func smtpGreets(addr string) bool {
	conn, err := net.DialTimeout("tcp", addr, time.Second)
	if err != nil {
		return false
	}
	defer conn.Close()
	_ = conn.SetDeadline(time.Now().Add(time.Second))
	line, err := bufio.NewReader(conn).ReadString('\n')
	if err != nil || !strings.HasPrefix(line, "220 ") || !strings.Contains(line, "Mailpit") {
		return false
	}
	_, _ = conn.Write([]byte("QUIT\r\n"))
	return true
}

// Exited is closed when Mailpit has exited, for whatever reason.
func (p *Process) Exited() <-chan struct{} { return p.exited }

// Stop asks Mailpit to stop (SIGTERM), kills it if it has not exited
// within grace, and waits for it. Stop(0) kills it at once, like a crash.
// An exit caused by Stop is not an error.
func (p *Process) Stop(grace time.Duration) error {
	select {
	case <-p.exited:
		return p.exitError()
	default:
	}
	if grace > 0 {
		_ = p.cmd.Process.Signal(syscall.SIGTERM)
		select {
		case <-p.exited:
			return nil
		case <-time.After(grace):
		}
	}
	_ = p.cmd.Process.Kill()
	<-p.exited
	return nil
}

// exitError is how Mailpit ended by itself: nil for a clean exit.
func (p *Process) exitError() error {
	var exitErr *exec.ExitError
	if p.err == nil || (errors.As(p.err, &exitErr) && exitErr.Success()) {
		return nil
	}
	return fmt.Errorf("mailpit: %w", p.err)
}
