package service

import (
	"context"
	"time"
)

// maxPassDays bounds the days one pass catches up, so a service stopped
// for years does not hold the lock for long; the next pass goes on.
const maxPassDays = 400

// Pass is the daily pass: it refolds the candidates whose day 30, 90 or
// 180 (or a fact the owners dated ahead) came since the last pass, day by
// day from the day after the last one passed to today, reading each day's
// index document by id. It returns how many candidates it refolded.
func (s *Service) Pass(ctx context.Context) (int, error) {
	today := midnight(s.now())
	done := 0
	for range maxPassDays {
		more := false
		err := s.locked(ctx, func(meta Meta) error {
			day := today
			if !meta.LastPass.IsZero() {
				day = meta.LastPass.AddDate(0, 0, 1)
			}
			if day.After(today) {
				return nil
			}
			ids, err := s.d.Store.DueCandidates(ctx, meta.Generation, day)
			if err != nil {
				return err
			}
			if err := s.refold(ctx, meta, tasksOf(ids)); err != nil {
				return err
			}
			done += len(ids)
			more = true
			return s.d.Store.DoneDay(ctx, meta.Generation, day)
		})
		if err != nil || !more {
			return done, err
		}
	}
	return done, nil
}

// midnight returns the start of t's day in UTC.
func midnight(t time.Time) time.Time {
	y, m, d := t.UTC().Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}
