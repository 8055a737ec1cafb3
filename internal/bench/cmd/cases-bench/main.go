// Command cases-bench runs the provider's performance measurements and
// prints them as one Markdown table: detection lag of cases_domain creates
// (measured against the emulator and simulated), status-read rate under
// concurrency and throttling, terraform plan overhead against a do-nothing
// fixture provider, emulator throughput, and provider start-up. `make
// bench` (scripts/bench.sh) builds what it needs and runs it.
package main

import (
	"context"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/connectcases"

	"github.com/connect-cases/terraform-provider-cases/internal/bench"
	"github.com/connect-cases/terraform-provider-cases/internal/emulator"
)

type options struct {
	providerDir   string
	fixtureDir    string
	terraform     string
	work          string
	out           string
	profileDir    string
	planResources int
	planRuns      int
	loadClients   int
	loadDuration  time.Duration
	loadRounds    int
	quick         bool
	largeExample  string
	parts         map[string]bool
}

// Parts of the bench, for -run.
const (
	partLag        = "lag"
	partThroughput = "throughput"
	partPlan       = "plan"
	partAliases    = "aliases"
	partLarge      = "large-domain"
)

var allParts = []string{partLag, partThroughput, partPlan, partAliases, partLarge}

func main() {
	// Stand-in for a provider binary, see bench.RunWrapped.
	if target := os.Getenv(bench.WrapExecEnv); target != "" {
		os.Exit(bench.RunWrapped(target, os.Getenv(bench.WrapLogEnv)))
	}

	var o options
	flag.StringVar(&o.providerDir, "provider-dir", "bin", "directory holding terraform-provider-cases")
	flag.StringVar(&o.fixtureDir, "fixture-dir", "", "directory holding terraform-provider-nullfixture (built from internal/bench/nullprovider)")
	flag.StringVar(&o.terraform, "terraform", "terraform", "terraform CLI")
	flag.StringVar(&o.work, "work", "", "scratch directory (default: a new temporary directory, removed at the end)")
	flag.StringVar(&o.out, "out", "", "also write the table to this file")
	flag.StringVar(&o.profileDir, "profile", "", "write CPU profiles of the emulator under load and of the provider during the plan here")
	flag.IntVar(&o.planResources, "plan-resources", 100, "resources in each plan workspace")
	flag.IntVar(&o.planRuns, "plan-runs", 7, "plans per workspace (the median is reported)")
	flag.IntVar(&o.loadClients, "load-clients", 16, "concurrent clients of the throughput measurement")
	flag.DurationVar(&o.loadDuration, "load-duration", 2*time.Second, "measured time of one throughput round")
	flag.IntVar(&o.loadRounds, "load-rounds", 3, "throughput rounds per target, interleaved (the median is reported)")
	flag.BoolVar(&o.quick, "quick", false, "short detection-lag lanes only (a smoke run, not a measurement)")
	flag.StringVar(&o.largeExample, "large-example", "examples/large-domain", "configuration of the large-domain runs")
	runParts := flag.String("run", strings.Join(allParts, ","), "comma-separated parts to run: "+strings.Join(allParts, ", "))
	flag.Parse()
	o.parts = map[string]bool{}
	for _, part := range strings.Split(*runParts, ",") {
		if !slices.Contains(allParts, part) {
			fmt.Fprintf(os.Stderr, "cases-bench: -run: %q is not one of %s\n", part, strings.Join(allParts, ", "))
			os.Exit(2)
		}
		o.parts[part] = true
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	// Bounded: make bench must finish within 15 minutes.
	ctx, cancel := context.WithTimeout(ctx, 14*time.Minute)
	defer cancel()

	rows, err := run(ctx, o)
	if err != nil {
		fmt.Fprintln(os.Stderr, "cases-bench:", err)
		os.Exit(1)
	}
	table := bench.FormatTable(rows)
	fmt.Print(table)
	if o.out != "" {
		if err := os.WriteFile(o.out, []byte(table), 0o644); err != nil {
			fmt.Fprintln(os.Stderr, "cases-bench:", err)
			os.Exit(1)
		}
	}
	for _, r := range rows {
		if r.Status == bench.NotMet {
			fmt.Fprintln(os.Stderr, "cases-bench: not met:", r.Figure)
		}
	}
}

func logf(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "==> "+format+"\n", args...)
}

func run(ctx context.Context, o options) ([]bench.Row, error) {
	started := time.Now()
	if o.work == "" {
		dir, err := os.MkdirTemp("", "cases-bench-")
		if err != nil {
			return nil, err
		}
		defer os.RemoveAll(dir)
		o.work = dir
	}
	var err error
	if o.work, err = filepath.Abs(o.work); err != nil {
		return nil, err
	}
	if err := os.MkdirAll(o.work, 0o755); err != nil {
		return nil, err
	}
	if o.profileDir != "" {
		if o.profileDir, err = filepath.Abs(o.profileDir); err != nil {
			return nil, err
		}
		if err := os.MkdirAll(o.profileDir, 0o755); err != nil {
			return nil, err
		}
	}
	providerBin, err := filepath.Abs(filepath.Join(o.providerDir, "terraform-provider-cases"))
	if err != nil {
		return nil, err
	}
	fixtureBin, err := filepath.Abs(filepath.Join(o.fixtureDir, "terraform-provider-nullfixture"))
	if err != nil {
		return nil, err
	}
	for _, f := range []string{providerBin, fixtureBin} {
		if _, err := os.Stat(f); err != nil {
			return nil, fmt.Errorf("%s is missing (scripts/bench.sh builds it): %w", f, err)
		}
	}
	tfBin, err := exec.LookPath(o.terraform)
	if err != nil {
		return nil, err
	}
	tfVersion, _ := exec.Command(tfBin, "version").Output()

	cliConfig := filepath.Join(o.work, "bench.tfrc")
	overrides := map[string]string{
		bench.CasesAddress:   filepath.Dir(providerBin),
		bench.FixtureAddress: filepath.Dir(fixtureBin),
	}
	if err := bench.WriteCLIConfig(cliConfig, overrides); err != nil {
		return nil, err
	}
	tf := &bench.Terraform{Bin: tfBin, CLIConfig: cliConfig}

	// 1. Detection lag and the large-domain runs: both mostly wait (for
	// activation, for rate limits), so they run together, each against
	// emulators of its own; nothing CPU-bound runs beside them, so that
	// the waiters' timers fire on time.
	var results []bench.LagResult
	var largeRows []bench.Row
	var largeErr error
	var wg sync.WaitGroup
	if o.parts[partLarge] {
		wg.Add(1)
		go func() {
			defer wg.Done()
			largeRows, largeErr = measureLargeDomain(ctx, o, tf)
		}()
	}
	if o.parts[partLag] {
		lanes := lagLanes(o.quick)
		logf("detection lag: %d lanes of terraform apply at once (longest: D=%s)", len(lanes), longest(lanes))
		results = bench.MeasureLags(ctx, tf, o.work, lanes)
	}
	wg.Wait()
	if ctx.Err() != nil {
		return nil, fmt.Errorf("detection lag and large domain: %w", ctx.Err())
	}
	if largeErr != nil {
		return nil, fmt.Errorf("large domain: %w", largeErr)
	}

	// 2. Emulator throughput against a minimal net/http handler.
	var throughput []bench.Row
	if o.parts[partThroughput] {
		if throughput, err = measureThroughput(ctx, o); err != nil {
			return nil, fmt.Errorf("throughput: %w", err)
		}
	}

	// 3. Plan overhead and start-up.
	var planRows []bench.Row
	if o.parts[partPlan] {
		if planRows, err = measurePlans(ctx, o, tf, overrides, providerBin, fixtureBin); err != nil {
			return nil, fmt.Errorf("plan: %w", err)
		}
	}

	// 4. Plan overhead with many provider configurations.
	var aliasRows []bench.Row
	if o.parts[partAliases] {
		if aliasRows, err = measureAliases(ctx, o, tf, overrides, providerBin, fixtureBin); err != nil {
			return nil, fmt.Errorf("aliases: %w", err)
		}
	}

	var rows []bench.Row
	if o.parts[partLag] {
		rows = append(rows, lagRows(results)...)
	}
	rows = append(rows, planRows...)
	rows = append(rows, aliasRows...)
	rows = append(rows, largeRows...)
	rows = append(rows, throughput...)
	rows = append(rows, bench.Row{
		Figure: "machine",
		Value:  fmt.Sprintf("nproc %d, GOMAXPROCS %d", runtime.NumCPU(), runtime.GOMAXPROCS(0)),
		Status: bench.Info,
		Inputs: fmt.Sprintf("%s, %s/%s, %s; bench wall time %s", runtime.Version(), runtime.GOOS, runtime.GOARCH,
			firstLine(string(tfVersion)), time.Since(started).Round(time.Second)),
	})
	return rows, nil
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}

// Activation delays of the measured lanes.
var lagDelays = []time.Duration{500 * time.Millisecond, 2 * time.Second, 10 * time.Second, 60 * time.Second}

const (
	concurrentCreates = 5
	concurrentDelay   = 20 * time.Second
	throttleShare     = 0.5
	throttleDelay     = 10 * time.Second
)

func lagLanes(quick bool) []bench.LagConfig {
	runs := map[time.Duration]int{500 * time.Millisecond: 6, 2 * time.Second: 5, 10 * time.Second: 4, 60 * time.Second: 3}
	delays := lagDelays
	concurrent, throttled := concurrentDelay, throttleDelay
	if quick {
		runs = map[time.Duration]int{500 * time.Millisecond: 2, 2 * time.Second: 1}
		delays = delays[:2]
		concurrent, throttled = 2*time.Second, 2*time.Second
	}
	var lanes []bench.LagConfig
	for _, d := range delays {
		lanes = append(lanes, bench.LagConfig{Name: "d" + d.String(), Delay: d, Runs: runs[d], Concurrent: 1})
	}
	lanes = append(lanes,
		bench.LagConfig{Name: "concurrent", Delay: concurrent, Runs: 3, Concurrent: concurrentCreates},
		bench.LagConfig{Name: "throttled", Delay: throttled, Runs: 4, Concurrent: 1, ThrottleShare: throttleShare, Seed: 1, Budget: 3 * time.Minute},
	)
	return lanes
}

func longest(lanes []bench.LagConfig) time.Duration {
	var d time.Duration
	for _, l := range lanes {
		d = max(d, l.Delay)
	}
	return d
}

// Simulation parameters: activation delays uniform in 0.5..120 s.
const (
	simFrom    = 500 * time.Millisecond
	simTo      = 120 * time.Second
	simSamples = 20000
	simSeed    = 1
)

func cloudControl() bench.Schedule {
	return bench.CloudControlSchedule(rand.New(rand.NewPCG(simSeed, simSeed)))
}

func lagRows(results []bench.LagResult) []bench.Row {
	var rows []bench.Row
	ours := bench.Simulate(bench.OurSchedule, simFrom, simTo, simSamples)
	aws := bench.Simulate(bench.AWSProviderSchedule, simFrom, simTo, simSamples)
	cc := bench.Simulate(cloudControl(), simFrom, simTo, simSamples)
	rows = append(rows, bench.Row{
		Figure:   "mean detection lag, D uniform 0.5..120 s (simulated)",
		Value:    fmt.Sprintf("%s (max %s), %.1f reads/create", bench.Seconds(ours.MeanLag), bench.Seconds(ours.MaxLag), ours.MeanReads),
		Baseline: fmt.Sprintf("aws %s, %.1f reads; cloud control %s, %.1f reads", bench.Seconds(aws.MeanLag), aws.MeanReads, bench.Seconds(cc.MeanLag), cc.MeanReads),
		Ratio:    fmt.Sprintf("%s vs aws, %s vs cc", bench.Ratio(ours.MeanLag.Seconds(), aws.MeanLag.Seconds()), bench.Ratio(ours.MeanLag.Seconds(), cc.MeanLag.Seconds())),
		Goal:     "<= 0.50 vs aws (<= 2.4 s)",
		Status:   bench.Check(ours.MeanLag*2 <= aws.MeanLag),
		Inputs:   fmt.Sprintf("bench.Simulate, %d delays evenly spread; cloud control seeded (PCG %d), one waiter run per delay", simSamples, simSeed),
	})

	byName := map[string]bench.LagResult{}
	var deviation []time.Duration
	for _, r := range results {
		byName[r.Config.Name] = r
		if r.Config.Concurrent != 1 || r.Config.ThrottleShare > 0 {
			continue
		}
		d := r.Config.Delay
		simOurs := bench.Simulate(bench.OurSchedule, d, d, 1)
		simAWS := bench.Simulate(bench.AWSProviderSchedule, d, d, 1)
		simCC := bench.Simulate(cloudControl(), d, d, 2000)
		status := bench.Info
		if len(r.Failures) > 0 {
			status = bench.NotMet
		}
		if len(r.Lags) > 0 {
			deviation = append(deviation, r.MeanLag()-simOurs.MeanLag)
		}
		rows = append(rows, bench.Row{
			Figure:   fmt.Sprintf("detection lag, D=%s (measured)", d),
			Value:    fmt.Sprintf("mean %s, max %s, %.1f reads/create", bench.Seconds(r.MeanLag()), bench.Seconds(r.MaxLag()), r.ReadsPerCreate()),
			Baseline: fmt.Sprintf("sim: ours %s, aws %s, cloud control %s", bench.Seconds(simOurs.MeanLag), bench.Seconds(simAWS.MeanLag), bench.Seconds(simCC.MeanLag)),
			Ratio:    bench.Ratio(r.MeanLag().Seconds(), simAWS.MeanLag.Seconds()) + " vs aws",
			Status:   status,
			Inputs:   fmt.Sprintf("%d/%d creates ok, one terraform apply each (median apply %s); lag = Active to the answer of the read that saw it", len(r.Lags), r.Creates(), bench.Seconds(bench.Median(r.Applies))) + failureNote(r),
		})
	}
	if len(deviation) > 0 {
		var sum time.Duration
		worst := time.Duration(0)
		for _, d := range deviation {
			sum += d
			if d.Abs() > worst.Abs() {
				worst = d
			}
		}
		rows = append(rows, bench.Row{
			Figure: "measured minus simulated lag (ours, same D)",
			Value:  fmt.Sprintf("mean %+.3f s, worst %+.3f s", (sum / time.Duration(len(deviation))).Seconds(), worst.Seconds()),
			Status: bench.Info,
			Inputs: "how far the real Create path (request latency, pacer) is from the pure schedule the simulation uses",
		})
	}

	if r, ok := byName["concurrent"]; ok {
		rate := float64(r.GetDomainCalls) / r.Elapsed.Seconds()
		rows = append(rows, bench.Row{
			Figure:   fmt.Sprintf("%d concurrent creates, one provider (D=%s)", r.Config.Concurrent, r.Config.Delay),
			Value:    fmt.Sprintf("max %d GetDomain in any 1 s window; %.2f/s overall; lag mean %s", r.MaxPerSecond, rate, bench.Seconds(r.MeanLag())),
			Baseline: "service config-API rate 2/s",
			Ratio:    bench.Ratio(float64(r.MaxPerSecond), 2),
			Goal:     "<= 2 in every 1 s window",
			Status:   bench.Check(r.MaxPerSecond <= 2 && len(r.Failures) == 0),
			Inputs:   fmt.Sprintf("%d terraform applies of %d cases_domain (count), %d/%d ok, %d GetDomain arrivals recorded in front of the emulator", r.Runs, r.Config.Concurrent, len(r.Lags), r.Creates(), r.GetDomainCalls) + failureNote(r),
		})
	}
	if r, ok := byName["throttled"]; ok {
		base := byName["d"+r.Config.Delay.String()]
		rate, baseRate := r.WaitingReadRate(), base.WaitingReadRate()
		slowed := baseRate > 0 && rate < baseRate
		baseline := "no unthrottled lane at the same D"
		if baseRate > 0 {
			baseline = fmt.Sprintf("unthrottled D=%s: %.2f reads/s, lag %s", base.Config.Delay, baseRate, bench.Seconds(base.MeanLag()))
		}
		sim := bench.SimulateThrottled(r.Config.Delay, r.Config.ThrottleShare, rand.New(rand.NewPCG(simSeed, simSeed)), simSamples)
		baseline += fmt.Sprintf("; simulated at %.0f%%: lag %s, %.2f reads/s", r.Config.ThrottleShare*100, bench.Seconds(sim.MeanLag), sim.ReadsPerSecond)
		rows = append(rows, bench.Row{
			Figure:   fmt.Sprintf("throttling: %.0f%% of GetDomain answered 429 (D=%s)", r.Config.ThrottleShare*100, r.Config.Delay),
			Value:    fmt.Sprintf("%d/%d creates ok; %.2f reads/s (%d of %d throttled); lag mean %s", len(r.Lags), r.Creates(), rate, r.Throttled, r.GetDomainCalls, bench.Seconds(r.MeanLag())),
			Baseline: baseline,
			Ratio:    bench.Ratio(rate, baseRate) + " read rate",
			Goal:     "every create succeeds, reads slow down",
			Status:   bench.Check(len(r.Failures) == 0 && len(r.Lags) == r.Creates() && slowed),
			Inputs:   fmt.Sprintf("reads/s = GetDomain calls per second of waiting (creation to the read that saw Active); %d terraform applies (at most %d, none started after %s); emulator fault rule: GetDomain, action error, ThrottlingException (429), probability %.2f, seed %d", r.Runs, r.Config.Runs, r.Config.Budget, r.Config.ThrottleShare, r.Config.Seed) + failureNote(r),
		})
	}
	return rows
}

func failureNote(r bench.LagResult) string {
	if len(r.Failures) == 0 {
		return ""
	}
	return fmt.Sprintf("; %d failed, first: %v", len(r.Failures), r.Failures[0])
}

func measureThroughput(ctx context.Context, o options) ([]bench.Row, error) {
	base, err := bench.BaselineTarget(ctx)
	if err != nil {
		return nil, err
	}
	defer base.Stop()
	// The emulator targets: GetDomain (the provider's most frequent call),
	// then the data plane, CreateCase and SearchCases over 10,000 cases.
	starts := []func(context.Context) (*bench.Target, error){bench.EmulatorTarget, bench.CreateCaseTarget, bench.SearchCasesTarget}
	goals := []float64{0.5, 0.2, 0.005}
	figures := []string{"emulator GetDomain throughput", "emulator CreateCase throughput", fmt.Sprintf("emulator SearchCases throughput over %d cases", bench.SearchCasesCorpus)}
	inputs := []string{"", "; each request creates a case checked against a template with a required field and a required rule",
		fmt.Sprintf("; %d cases, filter andAll(equalTo on a single-select, greaterThan on a number), sort on the number, page of 25 with 2 fields", bench.SearchCasesCorpus)}
	var emus []*bench.Target
	for _, start := range starts {
		logf("starting throughput target %d/%d", len(emus)+1, len(starts))
		t, err := start(ctx)
		if err != nil {
			return nil, err
		}
		defer t.Stop()
		emus = append(emus, t)
	}
	cfg := bench.LoadConfig{Clients: o.loadClients, Duration: o.loadDuration, Warmup: 300 * time.Millisecond, MaxRequests: 1_000_000}

	// Rounds alternate between the targets; each ratio is the median of
	// the per-round ratios to the baseline of the same round, so a busy
	// phase of the machine weighs on both sides of a pair.
	emuRounds := make([][]bench.LoadResult, len(emus))
	ratios := make([][]float64, len(emus))
	var baseRounds []bench.LoadResult
	for round := range o.loadRounds {
		logf("throughput round %d/%d: %s, %d clients, %s", round+1, o.loadRounds, base.Name, cfg.Clients, cfg.Duration)
		b, err := bench.Load(ctx, base, cfg)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", base.Name, err)
		}
		baseRounds = append(baseRounds, b)
		for i, t := range emus {
			logf("throughput round %d/%d: %s, %d clients, %s", round+1, o.loadRounds, t.Name, cfg.Clients, cfg.Duration)
			r, err := bench.Load(ctx, t, cfg)
			if err != nil {
				return nil, fmt.Errorf("%s: %w", t.Name, err)
			}
			emuRounds[i] = append(emuRounds[i], r)
			ratios[i] = append(ratios[i], r.PerSecond/b.PerSecond)
		}
	}
	if o.profileDir != "" {
		path := filepath.Join(o.profileDir, "emulator.cpu.pprof")
		logf("profiling the emulator under load: %s", path)
		f, err := os.Create(path)
		if err != nil {
			return nil, err
		}
		if err := pprof.StartCPUProfile(f); err != nil {
			return nil, err
		}
		_, err = bench.Load(ctx, emus[0], cfg)
		pprof.StopCPUProfile()
		_ = f.Close()
		if err != nil {
			return nil, err
		}
	}
	b := bench.MedianRound(baseRounds)
	var rows []bench.Row
	for i := range emus {
		ratio := bench.MedianFloat(ratios[i])
		e := bench.MedianRound(emuRounds[i])
		errs := 0
		for j := range emuRounds[i] {
			errs += emuRounds[i][j].Errors + baseRounds[j].Errors
		}
		rows = append(rows, bench.Row{
			Figure:   fmt.Sprintf("%s, %d clients", figures[i], cfg.Clients),
			Value:    fmt.Sprintf("%.0f req/s, p50 %s, p99 %s", e.PerSecond, bench.Millis(e.P50), bench.Millis(e.P99)),
			Baseline: fmt.Sprintf("net/http JSON handler %.0f req/s, p50 %s, p99 %s", b.PerSecond, bench.Millis(b.P50), bench.Millis(b.P99)),
			Ratio:    fmt.Sprintf("%.2f", ratio),
			Goal:     fmt.Sprintf(">= %.2f", goals[i]),
			Status:   bench.Check(ratio >= goals[i] && errs == 0),
			Inputs: fmt.Sprintf("raw HTTP/1.1 over loopback, keep-alive, SigV4 header signed once (auth any), client in the same process; %d interleaved rounds of %s after %s warm-up, ratio = median of per-round ratios (%s), figures from the median round; %d errors%s",
				o.loadRounds, cfg.Duration, cfg.Warmup, floats(ratios[i]), errs, inputs[i]),
		})
	}
	return rows, nil
}

// planMaxRatio is the goal of the 100-domain plan against the fixture
// (issue 16, target 3).
const planMaxRatio = 1.15

func measurePlans(ctx context.Context, o options, tf *bench.Terraform, overrides map[string]string, providerBin, fixtureBin string) ([]bench.Row, error) {

	// The emulator the plans refresh against: activation delay 0, quota
	// raised to hold every domain.
	runtimeCfg := emulator.DefaultRuntimeConfig()
	runtimeCfg.ActivationDelay = 0
	runtimeCfg.Quotas.DomainsPerAccountRegion = o.planResources + 10
	emu, err := emulator.New(emulator.Options{Runtime: runtimeCfg})
	if err != nil {
		return nil, err
	}
	srv, err := emulator.Start(emu, "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	defer srv.Close()

	// Domains are created straight through the SDK (no waiting), then
	// imported, so that setting up costs seconds, not the waiter's pace.
	logf("plan overhead: creating %d domains and importing them", o.planResources+1)
	client := connectcases.New(connectcases.Options{
		Region:       bench.Region,
		BaseEndpoint: aws.String(srv.URL()),
		Credentials:  credentials.NewStaticCredentialsProvider(bench.Account, bench.SecretKey, ""),
	})
	const namePrefix = "bench-plan-"
	var ids []string
	for i := range o.planResources + 1 {
		name := fmt.Sprintf("%s%d", namePrefix, i)
		out, err := client.CreateDomain(ctx, &connectcases.CreateDomainInput{Name: aws.String(name)})
		if err != nil {
			return nil, fmt.Errorf("creating %s: %w", name, err)
		}
		ids = append(ids, aws.ToString(out.DomainId))
	}
	n := o.planResources
	cases, err := bench.SetupCasesWorkspace(ctx, tf, filepath.Join(o.work, "plan-cases"), srv.URL(), namePrefix, 0, ids[:n])
	if err != nil {
		return nil, err
	}
	logf("plan overhead: applying %d %s, %d %s and %d terraform_data", n, bench.FixtureItem, n, bench.FixtureDomain, n)
	fixture, err := bench.SetupFixtureWorkspace(ctx, tf, filepath.Join(o.work, "plan-fixture-item"), bench.FixtureItem, n)
	if err != nil {
		return nil, err
	}
	shaped, err := bench.SetupFixtureWorkspace(ctx, tf, filepath.Join(o.work, "plan-fixture-domain"), bench.FixtureDomain, n)
	if err != nil {
		return nil, err
	}
	// The same workspace again, with the fixture's SDK logs off as the
	// cases provider turns them off: like for like with cases_domain.
	shapedQuiet := &bench.Workspace{Name: bench.FixtureDomain + " (SDK logs off)", Dir: shaped.Dir, Env: bench.QuietSDKLogs}
	tfdata, err := bench.SetupTerraformDataWorkspace(ctx, tf, filepath.Join(o.work, "plan-terraform-data"), n)
	if err != nil {
		return nil, err
	}
	workspaces := []*bench.Workspace{cases, fixture, shaped, shapedQuiet, tfdata}
	logf("plan overhead: %d rounds of %d plans", o.planRuns, len(workspaces))
	times, err := bench.TimePlans(ctx, tf, workspaces, o.planRuns)
	if err != nil {
		return nil, err
	}
	tc, tf1, ts, tq, tt := times[0], times[1], times[2], times[3], times[4]
	mc, mf, ms, mq, mt := bench.Median(tc), bench.Median(tf1), bench.Median(ts), bench.Median(tq), bench.Median(tt)
	vsFixture := bench.MedianRatio(tc, tf1)

	if o.profileDir != "" {
		prefix := filepath.Join(o.profileDir, "provider.cpu.pprof")
		logf("profiling the provider during one more plan: %s.<pid>", prefix)
		if _, err := tf.Plan(ctx, cases.Dir, []string{"CASES_PROVIDER_CPUPROFILE=" + prefix}); err != nil {
			return nil, err
		}
	}

	// Start-up: one domain in state, every provider process wrapped.
	logf("provider start-up: one-resource plans with the provider processes wrapped")
	one, err := bench.SetupCasesWorkspace(ctx, tf, filepath.Join(o.work, "startup-cases"), srv.URL(), namePrefix, n, ids[n:])
	if err != nil {
		return nil, err
	}
	oneFixture, err := bench.SetupFixtureWorkspace(ctx, tf, filepath.Join(o.work, "startup-fixture"), bench.FixtureItem, 1)
	if err != nil {
		return nil, err
	}
	self, err := os.Executable()
	if err != nil {
		return nil, err
	}
	startCases, err := bench.MeasureStartup(ctx, tf, one, o.work, self, bench.CasesAddress, providerBin, overrides)
	if err != nil {
		return nil, fmt.Errorf("start-up of the cases provider: %w", err)
	}
	startFixture, err := bench.MeasureStartup(ctx, tf, oneFixture, o.work, self, bench.FixtureAddress, fixtureBin, overrides)
	if err != nil {
		return nil, fmt.Errorf("start-up of the fixture: %w", err)
	}

	planInputs := fmt.Sprintf("terraform plan (refresh), parallelism 10, no changes (exit 0); %d rounds, each plans every workspace in turn; ratio = median of the per-round ratios; emulator in-process, activation delay 0; every workspace has count = %d and names from count.index", o.planRuns, o.planResources)
	rows := []bench.Row{
		{
			Figure:   fmt.Sprintf("terraform plan, %d cases_domain in state", n),
			Value:    "median " + bench.Seconds(mc),
			Baseline: fmt.Sprintf("%d %s (stock framework fixture): median %s", n, bench.FixtureItem, bench.Seconds(mf)),
			Ratio:    fmt.Sprintf("%.2f", vsFixture),
			Goal:     fmt.Sprintf("<= %.2f", planMaxRatio),
			Status:   bench.Check(vsFixture <= planMaxRatio),
			Inputs:   planInputs + "; cases " + durations(tc) + "; fixture " + durations(tf1),
		},
		{
			Figure:   fmt.Sprintf("plan: what the cases_domain schema shape costs (%d %s vs %d %s)", n, bench.FixtureDomain, n, bench.FixtureItem),
			Value:    "median " + bench.Seconds(ms),
			Baseline: "median " + bench.Seconds(mf),
			Ratio:    fmt.Sprintf("%.2f", bench.MedianRatio(ts, tf1)),
			Status:   bench.Info,
			Inputs:   "both fixtures do nothing, SDK logs at their default; " + bench.FixtureDomain + " has the attributes, timeouts block and plan modifiers of cases_domain; runs " + durations(ts),
		},
		{
			Figure:   fmt.Sprintf("plan: what the cases provider's own work costs (cases_domain vs %s, SDK logs off in both)", bench.FixtureDomain),
			Value:    "median " + bench.Seconds(mc),
			Baseline: "median " + bench.Seconds(mq),
			Ratio:    fmt.Sprintf("%.2f", bench.MedianRatio(tc, tq)),
			Status:   bench.Info,
			Inputs:   "same schema, same logging: the rest is Configure, 100 GetDomain calls and their decoding; fixture runs " + durations(tq),
		},
		{
			Figure:   fmt.Sprintf("terraform plan, %d cases_domain vs %d terraform_data", n, n),
			Value:    "median " + bench.Seconds(mc),
			Baseline: fmt.Sprintf("terraform_data median %s; %s/terraform_data %.2f", bench.Seconds(mt), bench.FixtureItem, bench.MedianRatio(tf1, tt)),
			Ratio:    fmt.Sprintf("%.2f", bench.MedianRatio(tc, tt)),
			Status:   bench.Info,
			Inputs:   "terraform_data is served by terraform itself, no plugin process; runs " + durations(tt),
		},
		startupRow("provider start-up, one-domain plan", startCases, startFixture),
	}
	return rows, nil
}

func startupRow(figure string, c, f bench.StartupResult) bench.Row {
	describe := func(r bench.StartupResult) string {
		return fmt.Sprintf("%d processes, handshake median %s, max %s, peak RSS %.1f MiB, CPU %s, plan %s",
			len(r.Processes), bench.Millis(r.MedianHandshake()), bench.Millis(r.MaxHandshake()), float64(r.MaxRSSKiB())/1024, bench.Millis(r.TotalCPU()), bench.Seconds(r.Plan))
	}
	return bench.Row{
		Figure:   figure,
		Value:    describe(c),
		Baseline: "fixture: " + describe(f),
		Ratio: fmt.Sprintf("handshake median %s, RSS %s", bench.Ratio(c.MedianHandshake().Seconds(), f.MedianHandshake().Seconds()),
			bench.Ratio(float64(c.MaxRSSKiB()), float64(f.MaxRSSKiB()))),
		Status: bench.Info,
		Inputs: "each provider process run by a wrapper: handshake = exec to first stdout line, RSS = getrusage ru_maxrss",
	}
}

func durations(ds []time.Duration) string {
	parts := make([]string, len(ds))
	for i, d := range ds {
		parts[i] = fmt.Sprintf("%.2f", d.Seconds())
	}
	return strings.Join(parts, ", ") + " s"
}

func floats(fs []float64) string {
	parts := make([]string, len(fs))
	for i, f := range fs {
		parts[i] = fmt.Sprintf("%.2f", f)
	}
	return strings.Join(parts, ", ")
}
