package launcher

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"slices"
	"strings"
	"time"
)

// pollInterval is how often a service not yet ready is asked again.
const pollInterval = 100 * time.Millisecond

// waitReady polls every service's /readyz until all answer 200. It fails as
// soon as a service stops (its start-up error says why), when ctx ends, or
// after timeout, naming the services that were not ready.
func (g *group) waitReady(ctx context.Context, timeout time.Duration) error {
	deadline := time.NewTimer(timeout)
	defer deadline.Stop()
	client := &http.Client{Timeout: 2 * time.Second}
	pending := make(map[string]string, len(g.services))
	for _, s := range g.services {
		pending[s.name] = s.URL() + "/readyz"
	}
	tick := time.NewTicker(pollInterval)
	defer tick.Stop()
	for {
		for name, url := range pending {
			if isReady(ctx, client, url) {
				delete(pending, name)
			}
		}
		if len(pending) == 0 {
			return nil
		}
		select {
		case e := <-g.exits:
			return g.exited(ctx, e)
		case <-ctx.Done():
			return ctx.Err()
		case <-deadline.C:
			return fmt.Errorf("not ready within %s (ONWARD_START_TIMEOUT): %s", timeout, names(pending))
		case <-tick.C:
		}
	}
}

// isReady reports whether url answers 200.
func isReady(ctx context.Context, client *http.Client, url string) bool {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return false
	}
	resp, err := client.Do(req)
	if err != nil {
		return false
	}
	defer resp.Body.Close()
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 4096))
	return resp.StatusCode == http.StatusOK
}

func names(m map[string]string) string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return strings.Join(out, ", ")
}
