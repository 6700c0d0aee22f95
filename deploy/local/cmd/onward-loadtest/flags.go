package main

import (
	"flag"
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/onward-jobs/onward/deploy/local/loadtest"
)

// files are the settings of the command itself, beside loadtest.Options.
type files struct {
	stores      []string
	redisURL    string
	out, json   string
	fromJSON    string
	maxDuration time.Duration
}

func parseFlags() (loadtest.Options, files, error) {
	var (
		o                  loadtest.Options
		f                  files
		stores, rates, mix string
		seed               uint64
	)
	flag.StringVar(&o.Platform, "platform", "bin/onward-local", "the onward-local executable to start")
	flag.StringVar(&o.DataDir, "data-dir", "bin/loadtest-data", "the platform's data, kept between runs with the seeded world")
	flag.StringVar(&stores, "stores", "embedded,redis", "store settings to run: embedded (FerretDB and miniredis), redis (REDIS_URL)")
	flag.StringVar(&f.redisURL, "redis-url", os.Getenv("REDIS_URL"), "the real Redis for -stores redis (loopback only)")
	flag.Uint64Var(&seed, "seed", 1, "the seed of the world and of the request order")
	flag.IntVar(&o.Params.Candidates, "candidates", 2000, "consenting candidates to seed")
	flag.IntVar(&o.Params.Houses, "houses", 4, "programme organisations (transition houses) to seed")
	flag.IntVar(&o.Params.Employers, "employers", 10, "verified employers to seed")
	flag.IntVar(&o.Params.RolesPerEmployer, "roles-per-employer", 10, "open roles each employer has")
	flag.StringVar(&mix, "mix", mixFlag(loadtest.DefaultMix), "the workload's proportions, kind=weight,...")
	flag.StringVar(&rates, "rates", "250,500,750,1000,1250", "the mixed steps' request rates a second")
	flag.DurationVar(&o.StepDuration, "step", 20*time.Second, "how long each mixed step (and the shortlist step) lasts")
	flag.IntVar(&o.ShortlistRate, "shortlist-rate", 1000, "the rate of the step of shortlist reads alone (0: no such step)")
	flag.IntVar(&o.KindReadRate, "kind-read-rate", 200, "the rate of each read kind's own step, for its CPU per 1,000 requests")
	flag.IntVar(&o.KindWriteRate, "kind-write-rate", 10, "the rate of each write kind's own step")
	flag.DurationVar(&o.KindDuration, "kind-step", 5*time.Second, "how long each kind's own step lasts")
	flag.DurationVar(&o.Settle, "settle", 2*time.Second, "CPU counted after a step, for the work its writes set off")
	flag.StringVar(&f.out, "out", "bin/loadtest.txt", "where the tables are written too")
	flag.StringVar(&f.json, "json", "bin/loadtest.json", "where every figure is written as JSON (empty: nowhere)")
	flag.StringVar(&f.fromJSON, "summarise", "", "print the sizing inputs and sizing of an earlier run's -json file, and run nothing")
	flag.DurationVar(&f.maxDuration, "max-duration", time.Hour, "the run ends after this, whatever is left")
	flag.Parse()
	o.Params.Seed = seed
	f.stores = strings.Split(stores, ",")
	for _, s := range f.stores {
		if s != "embedded" && s != "redis" {
			return o, f, fmt.Errorf("-stores: unknown %q", s)
		}
	}
	var err error
	if o.Mix, err = loadtest.ParseMix(mix); err != nil {
		return o, f, err
	}
	for r := range strings.SplitSeq(rates, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(r))
		if err != nil || n <= 0 {
			return o, f, fmt.Errorf("-rates: %q is not a rate", r)
		}
		o.Rates = append(o.Rates, n)
	}
	if o.Params.Candidates < 1 || o.Params.Houses < 1 || o.Params.Employers < 1 || o.Params.RolesPerEmployer < 1 || o.KindReadRate < 1 || o.KindWriteRate < 1 {
		return o, f, fmt.Errorf("sizes and -kind-*-rate must be at least 1")
	}
	return o, f, nil
}

func mixFlag(m loadtest.Mix) string {
	var parts []string
	for _, s := range m {
		parts = append(parts, fmt.Sprintf("%s=%d", s.Kind, s.Weight))
	}
	return strings.Join(parts, ",")
}
