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
// candidates and placements services create per second, and how long each
// takes from the employer's request to the item in the staff's inbox
// (target: p99 ≤ 2 s). INTRO_CANDIDATES consenting baristas (30 by
// default) are on the shortlists of INTRO_ROLES open roles (20); the
// employer asks to meet up to ten of each role's candidates, the most a
// role may have open, from four workers at once. A poller reads the
// staff's inbox every 50 ms and notes when each request first appears.
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
		mu      sync.Mutex
		created = map[string]time.Time{} // introduction link → when the API answered
		seen    = map[string]time.Time{}
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
			if status, _ := staff.try("GET", "/api/v1/notifications?limit=100", nil, &page); status != http.StatusOK {
				continue
			}
			now := time.Now()
			mu.Lock()
			for _, n := range page.Items {
				if _, ok := seen[n.Link]; !ok {
					seen[n.Link] = now
				}
			}
			mu.Unlock()
		}
	}()

	b.ResetTimer()
	began := time.Now()
	for b.Loop() {
		work := make(chan [2]string)
		var wg sync.WaitGroup
		var failures []string
		for range 4 {
			wg.Go(func() {
				for r := range work {
					var intro api.Introduction
					status, raw := employer.try("POST", "/api/v1/roles/"+r[0]+"/introductions", map[string]any{"candidate_ref": r[1], "meeting": meeting}, &intro)
					mu.Lock()
					if status == http.StatusCreated {
						created["/introductions/"+intro.ID] = time.Now()
					} else {
						failures = append(failures, fmt.Sprintf("%d %s", status, raw))
					}
					mu.Unlock()
				}
			})
		}
		for _, r := range refs {
			work <- r
		}
		close(work)
		wg.Wait()
		if len(failures) > 0 {
			b.Fatalf("%d requests to meet failed, the first: %s", len(failures), failures[0])
		}
	}
	elapsed := time.Since(began)
	b.StopTimer()
	deadline := time.Now().Add(30 * time.Second)
	for {
		mu.Lock()
		missing := 0
		for link := range created {
			if _, ok := seen[link]; !ok {
				missing++
			}
		}
		mu.Unlock()
		if missing == 0 {
			break
		}
		if time.Now().After(deadline) {
			b.Fatalf("%d of %d requests never reached the staff's inbox", missing, len(created))
		}
		time.Sleep(100 * time.Millisecond)
	}
	close(stop)
	<-polled
	var latencies []time.Duration
	for link, at := range created {
		latencies = append(latencies, max(0, seen[link].Sub(at)))
	}
	slices.Sort(latencies)
	pct := func(q float64) float64 {
		return float64(latencies[int(q*float64(len(latencies)-1))].Microseconds()) / 1000
	}
	b.ReportMetric(float64(len(created))/elapsed.Seconds(), "introductions/s")
	b.ReportMetric(pct(0.50), "inbox-p50-ms")
	b.ReportMetric(pct(0.99), "inbox-p99-ms")
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
