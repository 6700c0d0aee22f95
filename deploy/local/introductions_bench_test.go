package launcher

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/onward-jobs/onward/pkg/api"
	"github.com/onward-jobs/onward/pkg/testkit"
)

// BenchmarkIntroductionsThroughTheStack measures issue 14's two figures on
// the whole platform: how many requests to meet the gateway, matching,
// candidates and placements services create per second (a burst from four
// clients, timed until all are in the inbox), and how long each takes from
// the employer's request to the item in the staff's inbox at a steady
// INTRO_RATE a second (target: p99 ≤ 2 s). INTRO_CANDIDATES consenting
// baristas (30 by default) are on the shortlists of INTRO_ROLES open roles
// (20); the employer asks to meet up to ten of each role's candidates, the
// most a role may have open: half in the burst, half paced. A poller reads
// the staff's newest 30 inbox items every 50 ms and notes when each request
// first appears.
// Run it alone:
//
//	cd deploy/local && go test -run '^$' -bench IntroductionsThroughTheStack -benchtime 1x
func BenchmarkIntroductionsThroughTheStack(b *testing.B) {
	nCand, nRoles := envInt("INTRO_CANDIDATES", 30), envInt("INTRO_ROLES", 20)
	env := testEnviron(b, b.TempDir())
	env["REDIS_URL"] = testkit.RedisURL(b)
	for _, k := range []string{"CANDIDATES_STREAM", "EMPLOYERS_ROLES_STREAM", "EMPLOYERS_PROFILES_STREAM", "PLACEMENTS_STREAM", "GATEWAY_STREAM"} {
		env[k] = testkit.UniqueName(b, strings.ToLower(k))
	}
	env["LOG_LEVEL"] = "warn"
	env["ROLE_CAP_PER_AREA"] = "1000"
	p := start(b, env)
	_, staff := newProgrammeOrg(b, p, "Transitiehuis Oost")
	var prog struct{ ID string }
	staff.do("POST", "/api/v1/programmes", map[string]any{"name": "Koffiebar", "kind": "coffee_roastery", "site": map[string]any{"place_id": kortrijk}, "skills": []string{"espresso-preparation"}}, http.StatusCreated, &prog)
	for i := range nCand {
		registerBarista(b, staff, prog.ID, fmt.Sprintf("Kandidaat%02d", i), 2+i%3)
	}
	_, employer := newEmployer(b, p, "Koffiebar Oost")
	var refs [][2]string // role id, candidate ref
	for range nRoles {
		role := openBaristaRole(b, employer, 1)
		s := waitShortlist(b, employer, role, func(s api.Shortlist) bool { return len(s.Items) >= min(nCand, 10) })
		for _, it := range s.Items[:min(len(s.Items), 10)] {
			refs = append(refs, [2]string{role, it.CandidateRef})
		}
	}
	meeting := map[string]any{"mode": "at_programme", "windows": []any{map[string]any{
		"start": time.Now().Add(48 * time.Hour).UTC().Format(time.RFC3339), "end": time.Now().Add(49 * time.Hour).UTC().Format(time.RFC3339)}}}

	var (
		mu   sync.Mutex
		seen = map[string]time.Time{} // introduction link → when the inbox first showed it
		made = map[string]time.Time{} // introduction link → the item's created_at
	)
	stop := make(chan struct{})
	polled := make(chan struct{})
	go func() { // the staff's inbox, as the header badge would poll it
		defer close(polled)
		for {
			select {
			case <-stop:
				return
			case <-time.After(50 * time.Millisecond):
			}
			var page api.NotificationPage
			if status, _ := staff.try("GET", "/api/v1/notifications?limit=30", nil, &page); status != http.StatusOK {
				continue
			}
			now := time.Now()
			mu.Lock()
			for _, n := range page.Items {
				if _, ok := seen[n.Link]; !ok {
					seen[n.Link], made[n.Link] = now, n.CreatedAt
				}
			}
			mu.Unlock()
		}
	}()

	// ask sends the requests of pairs from workers goroutines, each waiting
	// for its tick, and notes when each was answered.
	ask := func(pairs [][2]string, workers int, tick <-chan time.Time) map[string]time.Time {
		work := make(chan [2]string)
		out := map[string]time.Time{}
		var wg sync.WaitGroup
		var failures []string
		for range workers {
			wg.Go(func() {
				for r := range work {
					var intro api.Introduction
					status, raw := employer.try("POST", "/api/v1/roles/"+r[0]+"/introductions", map[string]any{"candidate_ref": r[1], "meeting": meeting}, &intro)
					mu.Lock()
					if status == http.StatusCreated {
						out["/introductions/"+intro.ID] = time.Now()
					} else {
						failures = append(failures, fmt.Sprintf("%d %s", status, raw))
					}
					mu.Unlock()
				}
			})
		}
		for _, r := range pairs {
			if tick != nil {
				<-tick
			}
			work <- r
		}
		close(work)
		wg.Wait()
		if len(failures) > 0 {
			b.Fatalf("%d requests to meet failed, the first: %s", len(failures), failures[0])
		}
		return out
	}
	// drained waits until every request of links is in the inbox.
	drained := func(links map[string]time.Time) {
		for deadline := time.Now().Add(60 * time.Second); ; time.Sleep(100 * time.Millisecond) {
			mu.Lock()
			missing := 0
			for link := range links {
				if _, ok := seen[link]; !ok {
					missing++
				}
			}
			mu.Unlock()
			if missing == 0 {
				return
			}
			if time.Now().After(deadline) {
				b.Fatalf("%d of %d requests never reached the staff's inbox", missing, len(links))
			}
		}
	}

	// Throughput: half the pairs as fast as four clients can send them.
	burst, paced := refs[:len(refs)/2], refs[len(refs)/2:]
	b.ResetTimer()
	var elapsed time.Duration
	for b.Loop() {
		began := time.Now()
		drained(ask(burst, 4, nil))
		elapsed = time.Since(began)
	}
	b.StopTimer()
	// Latency: the other half at INTRO_RATE a second (4 by default, far
	// above what a platform of ten houses sees), each timed to its inbox
	// item, so the figure is the pipeline's, not a queue's.
	tick := time.NewTicker(time.Second / time.Duration(envInt("INTRO_RATE", 4)))
	defer tick.Stop()
	created := ask(paced, 2, tick.C)
	drained(created)
	close(stop)
	<-polled
	var latencies, pipeline []time.Duration
	for link, at := range created {
		latencies = append(latencies, max(0, seen[link].Sub(at)))
		pipeline = append(pipeline, max(0, made[link].Sub(at)))
	}
	pct := func(d []time.Duration, q float64) float64 {
		slices.Sort(d)
		return float64(d[int(q*float64(len(d)-1))].Microseconds()) / 1000
	}
	b.ReportMetric(float64(len(burst))/elapsed.Seconds(), "introductions/s")
	b.ReportMetric(pct(latencies, 0.50), "inbox-p50-ms")
	b.ReportMetric(pct(latencies, 0.99), "inbox-p99-ms")
	// The same, to when the notifications service wrote the item (its
	// created_at): the rest of inbox-p* is the poller's and the read's.
	b.ReportMetric(pct(pipeline, 0.99), "written-p99-ms")
}

// try sends body as JSON and returns the status and the answer, decoded
// into out on success; unlike do it never fails the test, so goroutines
// other than the test's may use it.
func (c apiClient) try(method, path string, body any, out any) (int, []byte) {
	var r io.Reader
	if body != nil {
		raw, _ := json.Marshal(body)
		r = bytes.NewReader(raw)
	}
	req, err := http.NewRequest(method, c.base+path, r)
	if err != nil {
		return 0, []byte(err.Error())
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	req.Header.Set("Authorization", "Bearer "+c.token)
	resp, err := c.http.Do(req)
	if err != nil {
		return 0, []byte(err.Error())
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	if resp.StatusCode < 300 && out != nil {
		if err := json.Unmarshal(raw, out); err != nil {
			return 0, []byte(err.Error())
		}
	}
	return resp.StatusCode, raw
}
