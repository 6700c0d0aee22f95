package service

import (
	"context"
	"errors"

	"github.com/onward-jobs/onward/services/notifications/internal/domain"
)

// ErrorClass returns the class a Mailer's error carries (connection,
// rejected, timeout), or connection when it carries none.
func ErrorClass(err error) string {
	var c interface{ Class() string }
	if errors.As(err, &c) {
		return c.Class()
	}
	return domain.ErrConnection
}

// DeliverDue sends every delivery that is due, one claim at a time, and
// returns how many it sent. Running it on several instances is safe: a
// claim is a lease only one of them gets.
func (s *Service) DeliverDue(ctx context.Context) (int, error) {
	if s.d.Mailer == nil {
		return 0, nil
	}
	sent := 0
	for ctx.Err() == nil {
		d, ok, err := s.d.Deliveries.ClaimDue(ctx, s.d.Now(), s.d.Lease, s.d.Worker)
		if err != nil || !ok {
			return sent, err
		}
		ok, err = s.deliver(ctx, d)
		if err != nil {
			return sent, err
		}
		if ok {
			sent++
		}
	}
	return sent, nil
}

// deliver sends one claimed delivery and records the outcome. It reports
// whether the mail went; the error is a storage failure only.
func (s *Service) deliver(ctx context.Context, d domain.Delivery) (bool, error) {
	log := s.d.Logger.With("delivery_id", d.ID, "kind", d.Kind, "attempt", d.Attempts+1)
	m, err := s.d.Catalog.Compose(d.Language, d.Kind, d.Params)
	if err != nil {
		log.Error("delivery cannot be written; failed", "error", err)
		return false, s.d.Deliveries.MarkFailed(ctx, d, domain.ErrRejected)
	}
	err = s.d.Mailer.Send(ctx, Mail{MessageID: d.ID + "@" + s.d.MailDomain, To: d.Address, Subject: m.Subject, Text: m.Text, HTML: m.HTML})
	if err == nil {
		log.Info("delivery sent")
		return true, s.d.Deliveries.MarkSent(ctx, d, s.d.Now())
	}
	class := ErrorClass(err)
	if next, ok := s.d.Retry.Next(s.d.Now(), d.Attempts+1); ok {
		log.Warn("delivery attempt failed; will retry", "error_class", class, "next_attempt_at", next)
		return false, s.d.Deliveries.MarkRetry(ctx, d, next, class)
	}
	log.Error("delivery failed after the last retry", "error_class", class)
	return false, s.d.Deliveries.MarkFailed(ctx, d, class)
}
