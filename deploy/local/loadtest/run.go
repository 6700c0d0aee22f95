package loadtest

import (
	"context"
	"fmt"
	"io"
	"path/filepath"
	"time"

	vegeta "github.com/tsenart/vegeta/v12/lib"
)

// Options are a run's settings; cmd/onward-loadtest fills them from flags.
type Options struct {
	Platform string // the onward-local executable
	DataDir  string // kept between runs: the seeded world
	Params   SeedParams
	Mix      Mix
	// Rates are the mixed steps' request rates, each for StepDuration.
	Rates        []int
	StepDuration time.Duration
	// ShortlistRate is the step of shortlist reads alone (0: none).
	ShortlistRate int
	// KindReadRate, KindWriteRate and KindDuration are the single-kind
	// steps that give each kind's CPU per 1,000 requests: reads are cheap,
	// so they need more requests for a figure above the idle noise.
	KindReadRate, KindWriteRate int
	KindDuration                time.Duration
	// Settle is how long after a step the CPU is still counted: the
	// asynchronous work (events, recomputed lists) its writes caused.
	Settle time.Duration
}

// Result is one store setting's run: its steps and the platform's size.
type Result struct {
	Stores string `json:"stores"`
	Steps  []Step `json:"steps"`
	// IdleCPU is the platform's CPU seconds per second at rest.
	IdleCPU float64 `json:"idle_cpu_s_per_s"`
	// RSSIdle is the platform's resident memory after seeding, at rest;
	// RSSPeak its peak over the run.
	RSSIdle int64 `json:"rss_idle_bytes"`
	RSSPeak int64 `json:"rss_peak_bytes"`
	// StoreBytes is the embedded FerretDB's files for the world.
	StoreBytes int64 `json:"ferretdb_bytes"`
	Candidates int   `json:"candidates"`
}

// runner drives one platform.
type runner struct {
	o       Options
	stores  string
	p       *Platform
	wl      *Workload
	idleCPU float64
	attacks int
	out     io.Writer
}

// Run starts the platform with redisURL ("" embeds miniredis), seeds or
// reuses the world, and runs the steps, writing each table to out as it
// ends. The platform is stopped before Run returns, whatever happens.
func Run(ctx context.Context, o Options, stores, redisURL, streamSuffix string, out io.Writer) (Result, error) {
	res := Result{Stores: stores, Candidates: o.Params.Candidates}
	world, seeded, err := PrepareDataDir(o.DataDir, o.Params)
	if err != nil {
		return res, err
	}
	fmt.Fprintf(out, "\n== %s: starting %s on %s\n", stores, o.Platform, o.DataDir)
	p, err := StartPlatform(ctx, PlatformOptions{Binary: o.Platform, DataDir: o.DataDir, RedisURL: redisURL, StreamSuffix: streamSuffix})
	if err != nil {
		return res, err
	}
	defer p.Stop()
	if err := RequireLoopback(p.GatewayURL); err != nil {
		return res, err
	}
	if !seeded {
		began := time.Now()
		if world, err = Seed(ctx, p.GatewayURL, o.Params, logTo(out)); err != nil {
			return res, fmt.Errorf("seeding: %w", err)
		}
		if err := SaveWorld(o.DataDir, world); err != nil {
			return res, err
		}
		fmt.Fprintf(out, "seeded in %s\n", time.Since(began).Round(time.Second))
	}
	if world, err = WaitMatched(ctx, p.GatewayURL, world, logTo(out)); err != nil {
		return res, err
	}
	r := &runner{o: o, stores: stores, p: p, out: out}
	if r.wl, err = NewWorkload(ctx, p.GatewayURL, world); err != nil {
		return res, err
	}
	if err := r.runSteps(ctx, &res); err != nil {
		return res, err
	}
	if m, err := ReadMemory(p.PID()); err == nil {
		res.RSSPeak = m.Peak
	}
	res.StoreBytes = DirSize(filepath.Join(o.DataDir, "ferretdb"))
	return res, nil
}

func logTo(out io.Writer) func(string, ...any) {
	return func(format string, args ...any) { fmt.Fprintf(out, format+"\n", args...) }
}

// runSteps measures the idle rate, warms up, measures each kind alone,
// then runs the mixed steps and the shortlist step, each from a quiet
// platform.
func (r *runner) runSteps(ctx context.Context, res *Result) error {
	idle, err := r.measureIdle(ctx, 5*time.Second)
	if err != nil {
		return err
	}
	r.idleCPU, res.IdleCPU = idle, idle
	if m, err := ReadMemory(r.p.PID()); err == nil {
		res.RSSIdle = m.RSS
	}
	fmt.Fprintf(r.out, "platform at rest: %.3f CPU s/s, RSS %d MiB\n", idle, res.RSSIdle>>20)
	if idle > 0.1 {
		fmt.Fprintln(r.out, "warning: the platform is busy at rest (work left from seeding or start-up); the CPU per request below is blurred by it. Re-run when it has settled.")
	}
	if _, _, err := r.attack(ctx, "warm-up", r.o.Mix, 100, 3*time.Second); err != nil {
		return err
	}
	cpu := map[Kind]float64{}
	for _, share := range r.o.Mix {
		if share.Weight == 0 {
			continue
		}
		rate := r.o.KindWriteRate
		if share.Kind == ShortlistRead || share.Kind == SuggestionsRead {
			rate = r.o.KindReadRate
		}
		step, perK, err := r.attack(ctx, "alone: "+string(share.Kind), OnlyKind(share.Kind), rate, r.o.KindDuration)
		if err != nil {
			return err
		}
		cpu[share.Kind] = perK
		step.setCPU(cpu)
		r.record(res, step)
	}
	for _, rate := range r.o.Rates {
		step, _, err := r.attack(ctx, fmt.Sprintf("mixed at %d/s", rate), r.o.Mix, rate, r.o.StepDuration)
		if err != nil {
			return err
		}
		step.setCPU(cpu)
		r.record(res, step)
	}
	if r.o.ShortlistRate > 0 {
		step, _, err := r.attack(ctx, fmt.Sprintf("shortlist reads alone at %d/s", r.o.ShortlistRate), OnlyKind(ShortlistRead), r.o.ShortlistRate, r.o.StepDuration)
		if err != nil {
			return err
		}
		step.setCPU(cpu)
		r.record(res, step)
	}
	return nil
}

// setCPU puts each kind's CPU per 1,000 requests on its row.
func (s *Step) setCPU(cpu map[Kind]float64) {
	for i := range s.Rows {
		s.Rows[i].CPUPer1000 = cpu[s.Rows[i].Kind]
	}
}

// CPUOf is the CPU per 1,000 requests of kind in the step ("alone"
// steps), and whether the step has that kind.
func (s Step) CPUOf(kind Kind) (float64, bool) {
	for _, row := range s.Rows {
		if row.Kind == kind {
			return row.CPUPer1000, true
		}
	}
	return 0, false
}

func (r *runner) record(res *Result, s Step) {
	res.Steps = append(res.Steps, s)
	WriteTable(r.out, s)
}

// attack runs mix at rate for d and returns the step's report and the
// platform's CPU seconds per 1,000 of its requests, idle subtracted,
// counting Settle after the step for the work its writes set off.
func (r *runner) attack(ctx context.Context, name string, mix Mix, rate int, d time.Duration) (Step, float64, error) {
	r.attacks++
	step := Step{Name: name, Stores: r.stores, Rate: rate, Duration: d}
	// An attacker serves one attack: it stops itself at the end.
	attacker := vegeta.NewAttacker(vegeta.Timeout(10*time.Second), vegeta.KeepAlive(true))
	stop := context.AfterFunc(ctx, func() { attacker.Stop() })
	defer stop()
	if err := r.waitQuiet(ctx); err != nil {
		return step, 0, err
	}
	c := newCollector()
	began := time.Now()
	before, err := CPUTime(r.p.PID())
	if err != nil {
		return step, 0, err
	}
	for res := range attacker.Attack(r.wl.Targeter(mix, r.o.Params.Seed+uint64(r.attacks)), vegeta.Rate{Freq: rate, Per: time.Second}, d, name) {
		r.wl.Observe(res)
		c.add(res)
	}
	if ctx.Err() != nil {
		return step, 0, ctx.Err()
	}
	time.Sleep(r.o.Settle)
	after, err := CPUTime(r.p.PID())
	if err != nil || !r.p.Alive() {
		return step, 0, fmt.Errorf("the platform died during %q: %v\n%s", name, err, r.p.Logs())
	}
	step.Rows, step.Total = c.rows(nil)
	busy := (after - before).Seconds() - r.idleCPU*time.Since(began).Seconds()
	perK := 0.0
	if step.Total.Requests > 0 {
		perK = max(0, busy) / float64(step.Total.Requests) * 1000
	}
	step.Total.CPUPer1000 = perK
	if m, err := ReadMemory(r.p.PID()); err == nil {
		step.RSS = m.RSS
	}
	return step, perK, nil
}
