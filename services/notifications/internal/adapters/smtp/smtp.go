// Package smtp sends the service's e-mails over SMTP with go-mail. SMTP_URL
// chooses the server and its TLS mode; errors are reduced to a class
// (connection, rejected, timeout) before they are stored, because an SMTP
// server's text may quote an address.
package smtp

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/mail"
	"net/url"
	"strconv"
	"strings"
	"time"

	gomail "github.com/wneessen/go-mail"

	"github.com/onward-jobs/onward/services/notifications/internal/domain"
	"github.com/onward-jobs/onward/services/notifications/internal/service"
)

// Mailer sends messages to one SMTP server; it implements service.Mailer. It dials per message, which
// suits the service's small volume and survives a server restart.
type Mailer struct {
	host    string
	opts    []gomail.Option
	from    string
	timeout time.Duration
}

// Settings describe the server: URL is SMTP_URL and From is MAIL_FROM.
type Settings struct {
	URL     string
	From    string
	Timeout time.Duration
}

// New parses s.URL: smtp://[user:pass@]host:port uses STARTTLS when the
// server offers it, smtp+starttls:// requires it, smtps:// is implicit TLS
// and smtp+plain:// never encrypts (for development catchers only).
func New(s Settings) (*Mailer, error) {
	u, err := url.Parse(s.URL)
	if err != nil || u.Hostname() == "" {
		return nil, errors.New("SMTP_URL is not a URL such as smtp://host:587")
	}
	if _, err := mail.ParseAddress(s.From); err != nil {
		return nil, fmt.Errorf("MAIL_FROM is not an address: %w", err)
	}
	if s.Timeout <= 0 {
		s.Timeout = 30 * time.Second
	}
	opts := []gomail.Option{gomail.WithTimeout(s.Timeout)}
	defaultPort := 587
	switch u.Scheme {
	case "smtp":
		opts = append(opts, gomail.WithTLSPolicy(gomail.TLSOpportunistic))
	case "smtp+starttls":
		opts = append(opts, gomail.WithTLSPolicy(gomail.TLSMandatory))
	case "smtps":
		opts = append(opts, gomail.WithSSL())
		defaultPort = 465
	case "smtp+plain":
		opts = append(opts, gomail.WithTLSPolicy(gomail.NoTLS))
		defaultPort = 25
	default:
		return nil, fmt.Errorf("SMTP_URL scheme %q is not smtp, smtp+starttls, smtps or smtp+plain", u.Scheme)
	}
	port := defaultPort
	if p := u.Port(); p != "" {
		if port, err = strconv.Atoi(p); err != nil || port < 1 || port > 65535 {
			return nil, errors.New("SMTP_URL has a bad port")
		}
	}
	opts = append(opts, gomail.WithPort(port))
	if u.User != nil && u.User.Username() != "" {
		pass, _ := u.User.Password()
		opts = append(opts, gomail.WithSMTPAuth(gomail.SMTPAuthAutoDiscover),
			gomail.WithUsername(u.User.Username()), gomail.WithPassword(pass))
	}
	return &Mailer{host: u.Hostname(), opts: opts, from: s.From, timeout: s.Timeout}, nil
}

// Send delivers m, or returns an error whose Class says what went wrong.
func (m *Mailer) Send(ctx context.Context, msg service.Mail) error {
	out := gomail.NewMsg()
	if err := out.From(m.from); err != nil {
		return fmt.Errorf("from address: %w", err)
	}
	if err := out.To(msg.To); err != nil {
		return &classified{class: domain.ErrRejected, err: errors.New("recipient address refused")}
	}
	out.Subject(msg.Subject)
	out.SetMessageIDWithValue(msg.MessageID)
	out.SetDate()
	out.SetBodyString(gomail.TypeTextPlain, msg.Text)
	out.AddAlternativeString(gomail.TypeTextHTML, msg.HTML)
	client, err := gomail.NewClient(m.host, m.opts...)
	if err != nil {
		return fmt.Errorf("smtp client: %w", err)
	}
	ctx, cancel := context.WithTimeout(ctx, m.timeout)
	defer cancel()
	// A connection lost after the server accepted the body (its 250 to the
	// final dot), during RSET or QUIT, still fails the call; the mail went,
	// so that is a success and must not be retried.
	if err := client.DialAndSendWithContext(ctx, out); err != nil && !out.IsDelivered() {
		return &classified{class: Classify(err), err: err}
	}
	return nil
}

// classified is a send error with its class.
type classified struct {
	class string
	err   error
}

func (c *classified) Error() string { return "smtp: " + c.class }
func (c *classified) Unwrap() error { return c.err }

// Class is the error's class, as service.ErrorClass reads it.
func (c *classified) Class() string { return c.class }

// Classify reduces an SMTP error to a class: timeout, connection (the
// server could not be reached or hung up) or rejected (it answered no).
func Classify(err error) string {
	var ne net.Error
	switch {
	case errors.Is(err, context.DeadlineExceeded), errors.As(err, &ne) && ne.Timeout():
		return domain.ErrTimeout
	case isConnection(err):
		return domain.ErrConnection
	}
	return domain.ErrRejected
}

func isConnection(err error) bool {
	var op *net.OpError
	if errors.As(err, &op) {
		return true
	}
	s := err.Error()
	return strings.Contains(s, "connection refused") || strings.Contains(s, "EOF") ||
		strings.Contains(s, "connection reset") || strings.Contains(s, "dial")
}
