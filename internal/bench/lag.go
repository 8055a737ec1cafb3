package bench

import (
	"context"
	"fmt"
	"sync"
	"time"

	"github.com/connect-cases/terraform-provider-cases/internal/emulator"
)

// LagConfig describes one lane of the detection-lag measurement: its own
// emulator with one activation delay, and one provider instance that creates
// domains against it.
type LagConfig struct {
	Name string
	// Delay is the emulator's activationDelay.
	Delay time.Duration
	// Runs is how many times the lane creates; Concurrent domains are
	// created together in each run (1: one at a time).
	Runs       int
	Concurrent int
	// ThrottleShare of the GetDomain calls (0..1) get 429
	// ThrottlingException, drawn from a generator seeded with Seed.
	ThrottleShare float64
	Seed          uint64
}

// LagResult is what a lane measured.
type LagResult struct {
	Config LagConfig
	// Lags holds, per successful create, the time from the emulator turning
	// the domain Active (its creation time plus Delay) to the provider's
	// Create returning.
	Lags     []time.Duration
	Failures []error
	// GetDomainCalls counts every GetDomain call the emulator saw, throttled
	// ones included; Throttled those answered with 429.
	GetDomainCalls int
	Throttled      int
	// MaxPerSecond is the largest number of GetDomain calls in any
	// one-second window of the lane.
	MaxPerSecond int
	Elapsed      time.Duration
}

// Creates is the number of creates attempted.
func (r LagResult) Creates() int { return r.Config.Runs * max(r.Config.Concurrent, 1) }

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

// MeasureLag runs one lane. Every create goes through the real Create path
// of cases_domain (plan, CreateDomain, tagging, waitDomainActive with the
// shared pacer) against an emulator of its own, so lanes can run
// concurrently without sharing a rate budget.
func MeasureLag(ctx context.Context, cfg LagConfig) LagResult {
	res := LagResult{Config: cfg}
	concurrent := max(cfg.Concurrent, 1)
	started := time.Now()

	// Bounded: every create has the activation delay plus two minutes.
	ctx, cancel := context.WithTimeout(ctx, time.Duration(cfg.Runs)*(cfg.Delay+2*time.Minute))
	defer cancel()

	runtime := emulator.DefaultRuntimeConfig()
	runtime.ActivationDelay = emulator.Duration(cfg.Delay)
	runtime.Quotas.DomainsPerAccountRegion = cfg.Runs*concurrent + 1
	emu, err := emulator.New(emulator.Options{Runtime: runtime})
	if err != nil {
		res.Failures = append(res.Failures, err)
		return res
	}
	recorder := NewCallRecorder(emu, cfg.ThrottleShare, cfg.Seed)
	url, stop, err := serve(recorder)
	if err != nil {
		res.Failures = append(res.Failures, err)
		return res
	}
	defer stop()
	driver, err := NewDriver(ctx, url)
	if err != nil {
		res.Failures = append(res.Failures, err)
		return res
	}

	type outcome struct {
		id       string
		returned time.Time
		err      error
	}
	for run := range cfg.Runs {
		outcomes := make([]outcome, concurrent)
		var wg sync.WaitGroup
		for i := range concurrent {
			wg.Add(1)
			go func() {
				defer wg.Done()
				name := fmt.Sprintf("bench-%s-%d-%d", cfg.Name, run, i)
				id, returned, err := driver.CreateDomain(ctx, name)
				outcomes[i] = outcome{id: id, returned: returned, err: err}
			}()
		}
		wg.Wait()
		domains := map[string]emulator.DomainSnapshot{}
		for _, d := range emu.Domains(Account, Region) {
			domains[d.DomainID] = d
		}
		for _, o := range outcomes {
			if o.err != nil {
				res.Failures = append(res.Failures, o.err)
				continue
			}
			d, ok := domains[o.id]
			if !ok {
				res.Failures = append(res.Failures, fmt.Errorf("created domain %s is not in the emulator", o.id))
				continue
			}
			active := d.CreatedTime.Add(cfg.Delay)
			res.Lags = append(res.Lags, o.returned.Sub(active))
		}
		if ctx.Err() != nil {
			break
		}
	}
	res.Elapsed = time.Since(started)
	calls := recorder.GetDomainCalls(started, time.Now().Add(time.Second))
	res.GetDomainCalls = len(calls)
	res.Throttled = recorder.Throttled()
	res.MaxPerSecond = MaxInWindow(calls, time.Second)
	return res
}

// MeasureLags runs the lanes concurrently and returns their results in the
// order given.
func MeasureLags(ctx context.Context, lanes []LagConfig) []LagResult {
	results := make([]LagResult, len(lanes))
	var wg sync.WaitGroup
	for i, lane := range lanes {
		wg.Add(1)
		go func() {
			defer wg.Done()
			results[i] = MeasureLag(ctx, lane)
		}()
	}
	wg.Wait()
	return results
}
