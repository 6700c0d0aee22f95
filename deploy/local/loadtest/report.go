package loadtest

import (
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	vegeta "github.com/tsenart/vegeta/v12/lib"
)

// Row is one operation's figures in a step.
type Row struct {
	Kind       Kind           `json:"kind"`
	Requests   uint64         `json:"requests"`
	Throughput float64        `json:"throughput_per_s"` // successful answers a second
	P50        time.Duration  `json:"p50_ns"`
	P95        time.Duration  `json:"p95_ns"`
	P99        time.Duration  `json:"p99_ns"`
	Errors     map[string]int `json:"errors,omitempty"` // by status; "conn" for no answer
	// CPUPer1000 is the platform's CPU seconds per 1,000 requests of this
	// kind, from the kind's own step (0: not measured).
	CPUPer1000 float64 `json:"cpu_s_per_1000"`
}

// Step is one step's report.
type Step struct {
	Name     string        `json:"name"`
	Stores   string        `json:"stores"`
	Rate     int           `json:"rate_per_s"`
	Duration time.Duration `json:"duration_ns"`
	Rows     []Row         `json:"rows"`
	Total    Row           `json:"total"`
	// RSS is the platform's resident memory at the step's end.
	RSS int64 `json:"rss_bytes"`
}

// collector gathers a step's results per operation and in total.
type collector struct {
	perKind map[Kind]*vegeta.Metrics
	total   vegeta.Metrics
}

func newCollector() *collector { return &collector{perKind: map[Kind]*vegeta.Metrics{}} }

func (c *collector) add(res *vegeta.Result) {
	k := Classify(res.Method, res.URL)
	m := c.perKind[k]
	if m == nil {
		m = &vegeta.Metrics{}
		c.perKind[k] = m
	}
	m.Add(res)
	c.total.Add(res)
}

// rows closes the metrics and returns a row per operation seen, in the
// order of Kinds, and the total row.
func (c *collector) rows(cpu map[Kind]float64) ([]Row, Row) {
	var out []Row
	for _, k := range append(slices.Clone(Kinds), "other") {
		if m := c.perKind[k]; m != nil {
			out = append(out, toRow(k, m, cpu[k]))
		}
	}
	return out, toRow("all", &c.total, 0)
}

func toRow(k Kind, m *vegeta.Metrics, cpuPer1000 float64) Row {
	m.Close()
	errs := map[string]int{}
	for code, n := range m.StatusCodes {
		if code == "0" {
			code = "conn"
		}
		if !strings.HasPrefix(code, "2") {
			errs[code] += n
		}
	}
	return Row{Kind: k, Requests: m.Requests, Throughput: m.Throughput, P50: m.Latencies.P50, P95: m.Latencies.P95,
		P99: m.Latencies.P99, Errors: errs, CPUPer1000: cpuPer1000}
}

// Millis writes d in milliseconds with one decimal.
func Millis(d time.Duration) string {
	return strconv.FormatFloat(float64(d.Microseconds())/1000, 'f', 1, 64)
}

// ErrorSummary writes errors by status, most frequent first ("503×45
// 409×2"), or "-" for none.
func ErrorSummary(errs map[string]int) string {
	var codes []string
	for code, n := range errs {
		if n > 0 {
			codes = append(codes, code)
		}
	}
	if len(codes) == 0 {
		return "-"
	}
	slices.SortFunc(codes, func(a, b string) int {
		if errs[a] != errs[b] {
			return errs[b] - errs[a]
		}
		return strings.Compare(a, b)
	})
	parts := make([]string, len(codes))
	for i, code := range codes {
		parts[i] = fmt.Sprintf("%s×%d", code, errs[code])
	}
	return strings.Join(parts, " ")
}

// WriteTable writes a step as an aligned table.
func WriteTable(w io.Writer, s Step) {
	fmt.Fprintf(w, "\n%s  (%s, %d req/s for %s, platform RSS %d MiB)\n", s.Name, s.Stores, s.Rate, s.Duration, s.RSS>>20)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "operation\trequests\tok/s\tp50 ms\tp95 ms\tp99 ms\tcpu s/1000\terrors\t")
	for _, r := range append(slices.Clone(s.Rows), s.Total) {
		cpu := "-"
		if r.CPUPer1000 > 0 {
			cpu = strconv.FormatFloat(r.CPUPer1000, 'f', 2, 64)
		}
		fmt.Fprintf(tw, "%s\t%d\t%.1f\t%s\t%s\t%s\t%s\t%s\t\n", r.Kind, r.Requests, r.Throughput,
			Millis(r.P50), Millis(r.P95), Millis(r.P99), cpu, ErrorSummary(r.Errors))
	}
	tw.Flush()
}
