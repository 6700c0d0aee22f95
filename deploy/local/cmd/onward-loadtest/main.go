// Command onward-loadtest runs the load test of issue 17 against the
// platform started as a child process on loopback ports: a seeded, mixed
// workload at stepped rates, once on the embedded stores and once on the
// real Redis of REDIS_URL, with a table per step on the console and in
// -out, and every figure in -json. `make loadtest` runs it; see package
// loadtest and docs/deployment.md ("Sizing: what a load needs").
package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/onward-jobs/onward/deploy/local/loadtest"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	go func() { <-ctx.Done(); stop() }() // a second Ctrl-C ends at once
	if err := run(ctx); err != nil {
		fmt.Fprintln(os.Stderr, "onward-loadtest:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context) error {
	o, f, err := parseFlags()
	if err != nil {
		return err
	}
	if f.fromJSON != "" {
		return summariseFile(f.fromJSON)
	}
	ctx, cancel := context.WithTimeout(ctx, f.maxDuration)
	defer cancel()
	if err := os.MkdirAll(filepath.Dir(f.out), 0o755); err != nil {
		return err
	}
	txt, err := os.Create(f.out)
	if err != nil {
		return err
	}
	defer txt.Close()
	out := io.MultiWriter(os.Stdout, txt)
	fmt.Fprintf(out, "onward-loadtest %s\nmix: %s\nseed %d: %d candidates in %d houses, %d employers × %d roles\n",
		time.Now().UTC().Format(time.RFC3339), o.Mix, o.Params.Seed, o.Params.Candidates, o.Params.Houses, o.Params.Employers, o.Params.RolesPerEmployer)
	fmt.Fprintln(out, "figures are this machine's at this moment: on a shared machine they are noisy")
	var results []loadtest.Result
	for _, stores := range f.stores {
		res, err := runStores(ctx, o, stores, f.redisURL, out)
		results = append(results, res)
		if err != nil {
			return errors.Join(err, writeJSON(f.json, results))
		}
	}
	return writeJSON(f.json, results)
}

// runStores runs the steps on one store setting: "embedded" (FerretDB and
// miniredis in the platform) or "redis" (redisURL, with streams of this
// run's own, deleted afterwards).
func runStores(ctx context.Context, o loadtest.Options, stores, redisURL string, out io.Writer) (loadtest.Result, error) {
	if stores == "embedded" {
		res, err := loadtest.Run(ctx, o, "embedded FerretDB + miniredis", "", "", out)
		return res, summarise(out, res, err)
	}
	if redisURL == "" {
		return loadtest.Result{}, errors.New("-stores redis needs -redis-url or REDIS_URL")
	}
	if err := loadtest.RequireLoopback(redisURL); err != nil {
		return loadtest.Result{}, err
	}
	suffix := strconv.FormatInt(time.Now().UnixNano(), 36)
	defer cleanUpStreams(redisURL, suffix, out)
	res, err := loadtest.Run(ctx, o, "embedded FerretDB + Redis "+redisHost(redisURL), redisURL, suffix, out)
	return res, summarise(out, res, err)
}

// summarise writes a successful run's sizing inputs to out and passes err on.
func summarise(out io.Writer, res loadtest.Result, err error) error {
	if err == nil {
		writeSummary(out, res)
	}
	return err
}

// cleanUpStreams says how many entries and bytes the run's streams hold
// (the Redis capacity events need) and removes them, with their consumer
// groups: the Redis may be shared.
func cleanUpStreams(redisURL, suffix string, out io.Writer) {
	opts, err := redis.ParseURL(redisURL)
	if err != nil {
		return
	}
	c := redis.NewClient(opts)
	defer c.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	var keys []string
	var entries, bytes int64
	for _, name := range loadtest.Streams(suffix) {
		keys = append(keys, name)
		entries += c.XLen(ctx, name).Val()
		bytes += c.MemoryUsage(ctx, name).Val()
	}
	if entries > 0 {
		fmt.Fprintf(out, "  Redis streams: %d entries, %d KiB (%d bytes an event)\n", entries, bytes>>10, bytes/entries)
	}
	c.Del(ctx, keys...)
}

func redisHost(redisURL string) string {
	if opts, err := redis.ParseURL(redisURL); err == nil {
		return opts.Addr
	}
	return "?"
}

// writeSummary prints the figures the sizing section of
// docs/deployment.md is computed from.
func writeSummary(out io.Writer, r loadtest.Result) {
	fmt.Fprintf(out, "\nsizing inputs (%s):\n", r.Stores)
	fmt.Fprintf(out, "  platform at rest: %.3f CPU s/s; RSS after seeding %d MiB, peak %d MiB\n", r.IdleCPU, r.RSSIdle>>20, r.RSSPeak>>20)
	if r.Candidates > 0 {
		fmt.Fprintf(out, "  FerretDB files: %d MiB for %d candidates (%d KiB each, roles and audit included)\n",
			r.StoreBytes>>20, r.Candidates, r.StoreBytes/int64(r.Candidates)>>10)
	}
	cpu := map[loadtest.Kind]float64{}
	for _, s := range r.Steps {
		kind := loadtest.Kind(strings.TrimPrefix(s.Name, "alone: "))
		if perK, ok := s.CPUOf(kind); ok && strings.HasPrefix(s.Name, "alone: ") {
			cpu[kind] = perK
			fmt.Fprintf(out, "  %-20s %.2f CPU s per 1,000 requests\n", kind, perK)
		}
	}
	fmt.Fprintf(out, "  1,000 shortlist reads a second need %.1f cores at 60%% utilisation\n",
		loadtest.CoresFor(map[loadtest.Kind]float64{loadtest.ShortlistRead: 1000}, cpu))
	fmt.Fprintln(out, "\nsizing for the busy-hour model of docs/deployment.md (cores at 60% utilisation; memory: RSS at rest + index):")
	loadtest.WriteSizing(out, r, cpu)
}

func writeJSON(path string, results []loadtest.Result) error {
	if path == "" {
		return nil
	}
	raw, err := json.MarshalIndent(results, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(path, raw, 0o644)
}

// summariseFile prints the sizing inputs and sizing of each store setting
// of an earlier run's JSON, e.g. after the model's constants changed.
func summariseFile(path string) error {
	raw, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	var results []loadtest.Result
	if err := json.Unmarshal(raw, &results); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	for _, r := range results {
		writeSummary(os.Stdout, r)
	}
	return nil
}
