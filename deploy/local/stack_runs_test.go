package launcher

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/onward-jobs/onward/pkg/api"
)

// shortlistWait is how long a role change may take to reach its
// shortlist before the benchmark counts it as failed.
const shortlistWait = 30 * time.Second

// changeFailure says why one role change of a run did not reach its
// shortlist: which role and version, at which step, and what the API
// answered last (or that the wait ran out).
type changeFailure struct {
	Role    string
	Version int64
	Step    string
	Status  int
	Answer  string
	Err     error
}

func (f changeFailure) String() string {
	role := f.Role
	if role == "" {
		role = "(new role)"
	}
	s := fmt.Sprintf("%s of role %s", f.Step, role)
	if f.Version > 0 {
		s += fmt.Sprintf(" at version %d", f.Version)
	}
	if f.Status != 0 {
		s += fmt.Sprintf(": API answered %d %s", f.Status, f.Answer)
	}
	if f.Err != nil {
		s += ": " + f.Err.Error()
	}
	return s
}

// runSummary is one minute of role changes.
type runSummary struct {
	Latencies []time.Duration
	Failures  []changeFailure
	// Retried counts openings the employers service answered 409 (another
	// opening by the same employer held the role-cap lock too long) and
	// the benchmark sent again, as a well-behaved client would.
	Retried int
}

// quantile returns the q-quantile of the run's latencies in milliseconds,
// or 0 when the run has none.
func (r runSummary) quantile(q float64) float64 {
	if len(r.Latencies) == 0 {
		return 0
	}
	l := slices.Sorted(slices.Values(r.Latencies))
	return float64(l[int(q*float64(len(l)-1))].Microseconds()) / 1000
}

// line is the run's line of the report: p50, p99, max, how many changes
// reached their shortlist and, for a failed run, why (the first three
// failures; the rest are counted).
func (r runSummary) line(n, of int) string {
	s := fmt.Sprintf("stack run %d/%d: p50 %.1f ms, p99 %.1f ms, max %.1f ms, %d changes, %d openings retried after a 409",
		n, of, r.quantile(0.5), r.quantile(0.99), r.quantile(1), len(r.Latencies), r.Retried)
	if len(r.Failures) == 0 {
		return s
	}
	s += fmt.Sprintf(", FAILED %d (%s):", len(r.Failures), r.failureKinds())
	for i, f := range r.Failures {
		if i == 3 {
			s += fmt.Sprintf("\n    … and %d more", len(r.Failures)-3)
			break
		}
		s += "\n    " + f.String()
	}
	return s
}

// failureKinds counts the run's failures by step and status, most
// frequent first: "POST /api/v1/roles (sent 6 times) 409: 80, …".
func (r runSummary) failureKinds() string {
	counts := map[string]int{}
	for _, f := range r.Failures {
		k := f.Step
		if f.Status != 0 {
			k += fmt.Sprintf(" %d", f.Status)
		}
		counts[k]++
	}
	kinds := slices.SortedFunc(maps.Keys(counts), func(a, b string) int { return counts[b] - counts[a] })
	parts := make([]string, len(kinds))
	for i, k := range kinds {
		parts[i] = fmt.Sprintf("%s: %d", k, counts[k])
	}
	return strings.Join(parts, ", ")
}

// spread is the report's last line: the range of p50 and p99 over the
// runs and how many failed.
func spread(runs []runSummary) string {
	var p50, p99 []float64
	for _, r := range runs {
		p50, p99 = append(p50, r.quantile(0.5)), append(p99, r.quantile(0.99))
	}
	return fmt.Sprintf("stack runs: %d, p50 %.1f–%.1f ms, p99 %.1f–%.1f ms, %d failed",
		len(runs), slices.Min(p50), slices.Max(p50), slices.Min(p99), slices.Max(p99), failedRuns(runs))
}

// failedRuns counts the runs with a change that failed.
func failedRuns(runs []runSummary) int {
	n := 0
	for _, r := range runs {
		if len(r.Failures) > 0 {
			n++
		}
	}
	return n
}

// worstP99 returns the highest p99 of the runs, in milliseconds.
func worstP99(runs []runSummary) float64 {
	worst := 0.0
	for _, r := range runs {
		worst = max(worst, r.quantile(0.99))
	}
	return worst
}

// ask sends one request and returns the status and the answer, decoding
// it into out on want; unlike apiClient.do it never ends the benchmark, so
// a change running beside others can report what went wrong.
func ask(c apiClient, method, path string, body any, want int, out any) (int, string, error) {
	var r io.Reader
	if body != nil {
		raw, _ := json.Marshal(body)
		r = bytes.NewReader(raw)
	}
	req, err := http.NewRequest(method, c.base+path, r)
	if err != nil {
		return 0, "", err
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	req.Header.Set("Authorization", "Bearer "+c.token)
	resp, err := c.http.Do(req)
	if err != nil {
		return 0, "", err
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	answer := strings.TrimSpace(string(raw))
	if len(answer) > 300 {
		answer = answer[:300] + "…"
	}
	if resp.StatusCode != want {
		return resp.StatusCode, answer, fmt.Errorf("want %d", want)
	}
	if out != nil {
		if err := json.Unmarshal(raw, out); err != nil {
			return resp.StatusCode, answer, err
		}
	}
	return resp.StatusCode, answer, nil
}

// openingRetries is how often an opening answered 409 is sent again.
const openingRetries = 5

// openOrEdit opens a new role (target "") or edits an open one, and
// returns its id, its version after the change, when the API answered and
// how often an opening was sent again after a 409. The employers service
// opens one employer's roles one at a time under a lock (the role cap)
// and answers 409 "try again" to an opening that waited for it too long
// (WRITE_LOCK_WAIT); that was why a run failed outright, so an opening is
// retried like a client would, and the retries are reported.
func openOrEdit(employer apiClient, target string, body map[string]any) (string, int64, time.Time, int, *changeFailure) {
	var r struct {
		ID      string
		Version int64
	}
	if target == "" {
		body["status"] = "open"
		for retried := 0; ; retried++ {
			status, answer, err := ask(employer, "POST", "/api/v1/roles", body, http.StatusCreated, &r)
			if err == nil {
				return r.ID, r.Version, time.Now(), retried, nil
			}
			if status != http.StatusConflict || retried == openingRetries {
				return "", 0, time.Time{}, retried, &changeFailure{Step: fmt.Sprintf("POST /api/v1/roles (sent %d times)", retried+1), Status: status, Answer: answer, Err: err}
			}
			time.Sleep(time.Duration(retried+1) * 100 * time.Millisecond)
		}
	}
	var cur struct{ Version int64 }
	if status, answer, err := ask(employer, "GET", "/api/v1/roles/"+target, nil, http.StatusOK, &cur); err != nil {
		return "", 0, time.Time{}, 0, &changeFailure{Role: target, Step: "GET the role", Status: status, Answer: answer, Err: err}
	}
	patch := map[string]any{"version": cur.Version, "hours_per_week": body["hours_per_week"], "essential_skills": body["essential_skills"]}
	if status, answer, err := ask(employer, "PATCH", "/api/v1/roles/"+target, patch, http.StatusOK, &r); err != nil {
		return "", 0, time.Time{}, 0, &changeFailure{Role: target, Version: cur.Version, Step: "PATCH the role", Status: status, Answer: answer, Err: err}
	}
	return r.ID, r.Version, time.Now(), 0, nil
}

// awaitShortlist polls the role's shortlist until it is computed for
// version; after shortlistWait it returns what the API answered last.
func awaitShortlist(employer apiClient, roleID string, version int64) *changeFailure {
	deadline := time.Now().Add(shortlistWait)
	last := changeFailure{Role: roleID, Version: version, Step: "waiting for the shortlist"}
	for time.Now().Before(deadline) {
		var s api.Shortlist
		status, answer, err := ask(employer, "GET", "/api/v1/roles/"+roleID+"/shortlist?limit=1", nil, http.StatusOK, &s)
		if err == nil && s.RoleVersion >= version {
			return nil
		}
		last.Status, last.Answer, last.Err = status, answer, err
		if err == nil {
			last.Answer = fmt.Sprintf("a shortlist of version %d", s.RoleVersion)
		}
		time.Sleep(10 * time.Millisecond)
	}
	if last.Err != nil {
		last.Err = fmt.Errorf("not at version %d after %v; the last read: %w", version, shortlistWait, last.Err)
	} else {
		last.Err = fmt.Errorf("not at version %d after %v", version, shortlistWait)
	}
	return &last
}
