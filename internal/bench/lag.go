package bench

import (
	"context"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/connect-cases/terraform-provider-cases/internal/emulator"
)

// LagConfig describes one lane of the detection-lag measurement: an
// emulator of its own with one activation delay, and `terraform apply` runs
// that create domains against it.
type LagConfig struct {
	Name string
	// Delay is the emulator's activationDelay.
	Delay time.Duration
	// Runs is how many applies the lane runs, one after the other; each
	// creates Concurrent domains (count = Concurrent, so one provider
	// process creates them together).
	Runs       int
	Concurrent int
	// ThrottleShare of the GetDomain calls (0..1) are answered with 429
	// ThrottlingException by an emulator fault rule seeded with Seed.
	ThrottleShare float64
	Seed          uint64
	// Budget, when set, stops the lane from starting another apply once
	// it has run this long (a throttled waiter's lag has a long tail).
	Budget time.Duration
}

// LagResult is what a lane measured.
type LagResult struct {
	Config LagConfig
	// Runs is how many applies were started.
	Runs int
	// Lags holds, per created domain, the time from the emulator turning
	// it Active (its creation time plus Delay) to the answer of the last
	// successful GetDomain of it: the read that saw Active, after which
	// the provider's Create returns at once.
	Lags     []time.Duration
	Failures []error
	// Applies holds the wall time of each terraform apply.
	Applies []time.Duration
	// GetDomainCalls counts every GetDomain call the emulator saw,
	// throttled ones included; Throttled those answered with 429.
	GetDomainCalls int
	Throttled      int
	// MaxPerSecond is the largest number of GetDomain calls that arrived in
	// any one-second window of the lane.
	MaxPerSecond int
	// Waiting sums, over the created domains, the time from creation to
	// the read that saw Active: the time the waiters spent reading.
	Waiting time.Duration
	Elapsed time.Duration
}

// WaitingReadRate is the GetDomain calls per second of waiting: how fast
// the waiters read, whatever the apply spent around them.
func (r LagResult) WaitingReadRate() float64 {
	if r.Waiting <= 0 {
		return 0
	}
	return float64(r.GetDomainCalls) / r.Waiting.Seconds()
}

// Creates is the number of creates attempted.
func (r LagResult) Creates() int { return r.Runs * max(r.Config.Concurrent, 1) }

// MeanLag is the mean of Lags (0 without any).
func (r LagResult) MeanLag() time.Duration { return mean(r.Lags) }

// MaxLag is the largest of Lags.
func (r LagResult) MaxLag() time.Duration {
	var m time.Duration
	for _, l := range r.Lags {
		m = max(m, l)
	}
	return m
}

// ReadsPerCreate is the mean number of GetDomain calls per create.
func (r LagResult) ReadsPerCreate() float64 {
	if r.Creates() == 0 {
		return 0
	}
	return float64(r.GetDomainCalls) / float64(r.Creates())
}

// MeasureLag runs one lane in dir: `terraform apply` (through tf, whose CLI
// configuration points at the provider binary) against an emulator of its
// own, so lanes can run concurrently without sharing a rate budget.
func MeasureLag(ctx context.Context, tf *Terraform, dir string, cfg LagConfig) LagResult {
	res := LagResult{Config: cfg}
	concurrent := max(cfg.Concurrent, 1)
	started := time.Now()

	runtime := emulator.DefaultRuntimeConfig()
	runtime.ActivationDelay = emulator.Duration(cfg.Delay)
	runtime.Quotas.DomainsPerAccountRegion = cfg.Runs*concurrent + 1
	emu, err := emulator.New(emulator.Options{Runtime: runtime})
	if err != nil {
		res.Failures = append(res.Failures, err)
		return res
	}
	if cfg.ThrottleShare > 0 {
		// The emulator's own fault rules, as PUT /_emulator/faults sets them.
		err := emu.SetFaults(emulator.FaultConfig{Seed: cfg.Seed, Rules: []emulator.FaultRule{{
			Operations:  []string{"GetDomain"},
			Probability: cfg.ThrottleShare,
			Action:      emulator.FaultError,
			Code:        emulator.CodeThrottling,
		}}})
		if err != nil {
			res.Failures = append(res.Failures, err)
			return res
		}
	}
	recorder := NewCallRecorder(emu)
	url, stop, err := serve(recorder)
	if err != nil {
		res.Failures = append(res.Failures, err)
		return res
	}
	defer stop()

	for run := range cfg.Runs {
		if ctx.Err() != nil {
			res.Failures = append(res.Failures, ctx.Err())
			break
		}
		if cfg.Budget > 0 && run > 0 && time.Since(started) > cfg.Budget {
			break
		}
		res.Runs++
		ws := filepath.Join(dir, fmt.Sprintf("run-%d", run))
		if err := os.MkdirAll(ws, 0o755); err != nil {
			res.Failures = append(res.Failures, err)
			continue
		}
		config := CasesProviderBlock(url) + fmt.Sprintf(`
resource "cases_domain" "d" {
  count = %d
  name  = "bench-%s-%d-${count.index}"
}
`, concurrent, cfg.Name, run)
		if err := os.WriteFile(filepath.Join(ws, "main.tf"), []byte(config), 0o644); err != nil {
			res.Failures = append(res.Failures, err)
			continue
		}
		elapsed, code, out, err := tf.Run(ctx, ws, nil, "apply", "-auto-approve", "-input=false", "-lock=false", "-no-color")
		switch {
		case err != nil:
			res.Failures = append(res.Failures, err)
		case code != 0:
			res.Failures = append(res.Failures, fmt.Errorf("terraform apply exited %d: %s", code, strings.TrimSpace(tail(out, 8))))
		default:
			res.Applies = append(res.Applies, elapsed)
		}
	}
	res.Elapsed = time.Since(started)

	calls := recorder.Calls(started, time.Now().Add(time.Second))
	res.GetDomainCalls = len(calls)
	for _, c := range calls {
		if c.Status == http.StatusTooManyRequests {
			res.Throttled++
		}
	}
	res.MaxPerSecond = MaxInWindow(Arrivals(calls), time.Second)
	seen := LastAnswered(calls)
	for _, d := range emu.Domains(Account, Region) {
		answered, ok := seen[d.DomainID]
		if !ok {
			res.Failures = append(res.Failures, fmt.Errorf("domain %s (%s) was never read successfully", d.DomainID, d.Name))
			continue
		}
		res.Lags = append(res.Lags, answered.Sub(d.CreatedTime.Add(cfg.Delay)))
		res.Waiting += answered.Sub(d.CreatedTime)
	}
	return res
}

// MeasureLags runs the lanes concurrently, each in a directory of its own
// under dir, and returns their results in the order given.
func MeasureLags(ctx context.Context, tf *Terraform, dir string, lanes []LagConfig) []LagResult {
	results := make([]LagResult, len(lanes))
	var wg sync.WaitGroup
	for i, lane := range lanes {
		wg.Add(1)
		go func() {
			defer wg.Done()
			results[i] = MeasureLag(ctx, tf, filepath.Join(dir, "lag-"+lane.Name), lane)
		}()
	}
	wg.Wait()
	return results
}
