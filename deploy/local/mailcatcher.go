package launcher

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"sync/atomic"
	"time"

	"github.com/onward-jobs/onward/pkg/mailpit"
)

// mailCatcher is the development mail catcher: Mailpit as a child process,
// catching every mail the services send, and the launcher's own viewer of
// what it caught (the Mailpit Go module ships no built browser UI). It is
// started only when SMTP_URL is unset; a nil or idle mailCatcher stands for
// "no catcher" and says why in the banner.
type mailCatcher struct {
	smtpAddr, viewerAddr string
	// apiURL is Mailpit's REST API, on an internal port.
	apiURL string
	proc   *mailpit.Process
	viewer *http.Server
	// banner is the banner's Mail line.
	banner string
	// stopping is set by Stop, so Mailpit's exit is not taken for a crash.
	stopping atomic.Bool
}

// mailpitStopGrace is how long Mailpit gets to stop after SIGTERM.
const mailpitStopGrace = 5 * time.Second

// installHint says how to get Mailpit where the launcher looks for it.
var installHint = "`make run` installs it into bin/, or run: GOBIN=$PWD/bin go install " + mailpit.Module + "@" + mailpit.Version

// startMailCatcher starts Mailpit and the viewer unless cfg names an SMTP
// server. A missing mailpit binary is not an error: the platform runs
// without mail (the services then keep notifications in the inbox only),
// and the logs and the banner say how to get one.
func startMailCatcher(cfg Config, logger *slog.Logger, logOut io.Writer) (*mailCatcher, error) {
	if cfg.SMTPURL != "" {
		return &mailCatcher{banner: "sent through SMTP_URL (no mail catcher)"}, nil
	}
	bin, ok := findMailpit(cfg.MailpitBin)
	if !ok {
		logger.Warn("no mail catcher: mailpit not found in bin/ or MAILPIT_BIN; mails are not sent. " + installHint)
		return &mailCatcher{banner: "not caught: Mailpit is missing (" + installHint + ")"}, nil
	}
	apiAddr, err := freeLoopbackAddr()
	if err != nil {
		return nil, fmt.Errorf("mail catcher: %w", err)
	}
	proc, err := mailpit.Start(context.Background(), mailpit.Options{
		Binary: bin, SMTPAddr: cfg.MailSMTPAddr, APIAddr: apiAddr,
		Database: filepath.Join(cfg.DataDir, "mailpit.db"), MaxMessages: cfg.MailKeep, Output: logOut,
	})
	if err != nil {
		return nil, fmt.Errorf("mail catcher (set ONWARD_MAIL_SMTP_ADDR to use another address): %w", err)
	}
	m := &mailCatcher{smtpAddr: cfg.MailSMTPAddr, viewerAddr: cfg.MailAddr, apiURL: "http://" + apiAddr, proc: proc}
	ln, err := net.Listen("tcp", cfg.MailAddr)
	if err != nil {
		_ = proc.Stop(mailpitStopGrace)
		return nil, fmt.Errorf("mail viewer cannot listen on %s (set ONWARD_MAIL_ADDR to use another address): %w", cfg.MailAddr, err)
	}
	m.viewer = &http.Server{Handler: newMailViewer(mailpit.NewClient(m.apiURL), m.smtpAddr, logger), ReadHeaderTimeout: 5 * time.Second}
	go func() { _ = m.viewer.Serve(ln) }()
	go m.reportCrash(proc, logger)
	m.banner = localURL(cfg.MailAddr) + "   (every mail is caught by Mailpit on SMTP " + cfg.MailSMTPAddr + ")"
	logger.Info("mail catcher started", "smtp", cfg.MailSMTPAddr, "viewer", localURL(cfg.MailAddr), "mailpit_api", m.apiURL)
	return m, nil
}

// reportCrash logs Mailpit exiting by itself. The platform runs on: the
// services retry their mail, which waits for a restart of the launcher.
func (m *mailCatcher) reportCrash(proc *mailpit.Process, logger *slog.Logger) {
	<-proc.Exited()
	if !m.stopping.Load() {
		logger.Error("the mail catcher (Mailpit) stopped by itself: mails are not caught until the launcher restarts")
	}
}

// Running reports whether mail is being caught.
func (m *mailCatcher) Running() bool { return m != nil && m.proc != nil }

// Banner is what the banner says about mail.
func (m *mailCatcher) Banner() string { return m.banner }

// addTo points the services' SMTP_URL at the catcher, when it runs.
func (m *mailCatcher) addTo(shared map[string]string) {
	if m.Running() {
		shared["SMTP_URL"] = "smtp+plain://" + m.smtpAddr
	}
}

// Stop stops the viewer, then Mailpit (SIGTERM, then a kill after a
// grace period). Call it after the services have stopped, so none loses
// its mail server mid-delivery.
func (m *mailCatcher) Stop() error {
	if !m.Running() {
		return nil
	}
	m.stopping.Store(true)
	ctx, cancel := context.WithTimeout(context.Background(), mailpitStopGrace)
	defer cancel()
	errViewer := m.viewer.Shutdown(ctx)
	errMailpit := m.proc.Stop(mailpitStopGrace)
	m.proc = nil
	return errors.Join(errViewer, errMailpit)
}

// findMailpit returns the mailpit to run: configured (MAILPIT_BIN), else
// bin/mailpit beside the launcher's executable (`make run` builds both into
// bin/), else bin/mailpit under the working directory.
func findMailpit(configured string) (string, bool) {
	candidates := []string{configured}
	if configured == "" {
		if exe, err := os.Executable(); err == nil {
			candidates = append(candidates, filepath.Join(filepath.Dir(exe), "mailpit"))
		}
		candidates = append(candidates, filepath.Join("bin", "mailpit"))
	}
	for _, c := range candidates {
		if info, err := os.Stat(c); c != "" && err == nil && !info.IsDir() && info.Mode()&0o111 != 0 {
			abs, err := filepath.Abs(c)
			return abs, err == nil
		}
	}
	return "", false
}

// freeLoopbackAddr is a loopback address with a port the kernel just
// handed out, for Mailpit's API, which only the launcher calls.
func freeLoopbackAddr() (string, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	defer ln.Close()
	return ln.Addr().String(), nil
}
