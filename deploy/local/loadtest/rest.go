package loadtest

import (
	"context"
	"fmt"
	"time"
)

// measureIdle is the platform's CPU seconds per second over d at rest.
func (r *runner) measureIdle(ctx context.Context, d time.Duration) (float64, error) {
	// Seeding (or the last run's backlog) may still be settling.
	if err := sleep(ctx, d); err != nil {
		return 0, err
	}
	before, err := CPUTime(r.p.PID())
	if err != nil {
		return 0, err
	}
	if err := sleep(ctx, d); err != nil {
		return 0, err
	}
	after, err := CPUTime(r.p.PID())
	return (after - before).Seconds() / d.Seconds(), err
}

// waitQuiet waits (up to a minute) until the platform's CPU rate over a
// second is back near its idle rate: the last step's backlog must not be
// counted in, nor slow, the next.
func (r *runner) waitQuiet(ctx context.Context) error {
	for range 60 {
		before, err := CPUTime(r.p.PID())
		if err != nil {
			return err
		}
		if err := sleep(ctx, time.Second); err != nil {
			return err
		}
		after, err := CPUTime(r.p.PID())
		if err != nil {
			return err
		}
		if (after - before).Seconds() <= 1.5*r.idleCPU+0.05 {
			return nil
		}
	}
	fmt.Fprintln(r.out, "(the platform did not come back to rest within a minute; going on)")
	return nil
}

func sleep(ctx context.Context, d time.Duration) error {
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-time.After(d):
		return nil
	}
}
