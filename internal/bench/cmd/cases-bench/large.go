package main

import (
	"context"
	"fmt"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/connect-cases/terraform-provider-cases/internal/apimodel"
	"github.com/connect-cases/terraform-provider-cases/internal/bench"
)

// Large-domain runs: examples/large-domain through apply, a refresh-only
// plan and destroy against the emulator at the published default rates.
const (
	largeParallelism = 10
	largeActivation  = time.Second
	largeRefreshRuns = 5
	// Goals of issue 16, target 1.
	largeMaxFloorRatio = 1.2
	largeMaxThrottled  = 0.05
)

// measureLargeDomain runs the example three ways, each against an
// emulator of its own: with no rate limits anywhere (the commands' own
// cost), with the provider's rate control on, and off. Applies and
// destroys run one after another, never side by side; the refresh-only
// plans, short CPU-bound commands that the machine's load moves, run in
// rounds that take each way in turn, and each way reports its median.
func measureLargeDomain(ctx context.Context, o options, tf *bench.Terraform) ([]bench.Row, error) {
	example, err := filepath.Abs(o.largeExample)
	if err != nil {
		return nil, err
	}
	modes := []bench.RateMode{bench.NoRateLimits, bench.RateControlOn, bench.RateControlOff}
	runs := make([]*bench.RateRun, len(modes))
	for i, mode := range modes {
		dir := filepath.Join(o.work, "large-"+strings.ReplaceAll(mode.String(), " ", "-"))
		if runs[i], err = bench.StartRateRun(tf, dir, example, mode, largeParallelism, largeActivation); err != nil {
			return nil, err
		}
		defer runs[i].Close()
	}
	phases := make([][]bench.RatePhase, len(modes)) // per mode: apply, refresh, destroy
	for i, r := range runs {
		logf("large domain: apply, %s", modes[i])
		p, err := r.Phase(ctx, bench.PhaseApply)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", modes[i], err)
		}
		phases[i] = append(phases[i], p)
	}
	logf("large domain: %d rounds of refresh-only plans", largeRefreshRuns)
	refreshes := make([][]bench.RatePhase, len(modes))
	for range largeRefreshRuns {
		for i, r := range runs {
			p, err := r.Phase(ctx, bench.PhaseRefresh)
			if err != nil {
				return nil, fmt.Errorf("%s: %w", modes[i], err)
			}
			refreshes[i] = append(refreshes[i], p)
		}
	}
	for i := range runs {
		phases[i] = append(phases[i], bench.MedianPhase(refreshes[i]))
	}
	for i, r := range runs {
		logf("large domain: destroy, %s", modes[i])
		p, err := r.Phase(ctx, bench.PhaseDestroy)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", modes[i], err)
		}
		phases[i] = append(phases[i], p)
	}
	free := phases[0]
	var rows []bench.Row
	for i, mode := range modes[1:] {
		for j, p := range phases[i+1] {
			rows = append(rows, largeRow(mode, p, free[j]))
		}
	}
	return rows, nil
}

// largeRow reports one phase. Its floor is the larger of the rate floor
// (bench.RateFloor of the requests it made) and the same command with no
// rate limits anywhere.
func largeRow(mode bench.RateMode, p, free bench.RatePhase) bench.Row {
	floor, by := p.Floor, fmt.Sprintf("rate floor of %s", p.FloorOperation)
	if p.FloorOperation != "" {
		q := apimodel.CasesThrottlingQuota(p.FloorOperation)
		by = fmt.Sprintf("rate floor: %d %s at %g/s, burst %d", p.Admitted[p.FloorOperation], p.FloorOperation, q.Rate, q.Burst)
	}
	if free.Wall > floor {
		floor, by = free.Wall, fmt.Sprintf("the same command with no rate limits (rate floor %s)", bench.Seconds(p.Floor))
	}
	ratio := p.Wall.Seconds() / floor.Seconds()
	runs := ""
	if len(p.Walls) > 1 {
		runs = fmt.Sprintf("median of %d runs, interleaved with the other ways (%s); ", len(p.Walls), durations(p.Walls))
		if free.Wall > p.Floor {
			runs += fmt.Sprintf("no-limits runs %s; ", durations(free.Walls))
		}
	}
	row := bench.Row{
		Figure: fmt.Sprintf("large domain, %s, %s", p.Phase, mode),
		Value: fmt.Sprintf("%s, %d requests, %d throttled (%.1f%%), %d errors", bench.Seconds(p.Wall), p.Requests, p.Throttled,
			100*p.ThrottledShare(), p.Errors),
		Baseline: fmt.Sprintf("floor %s: %s", bench.Seconds(floor), by),
		Ratio:    fmt.Sprintf("%.2f", ratio),
		Status:   bench.Info,
		Inputs: runs + fmt.Sprintf("examples/large-domain (100 cases_field, 50 options, 2 layouts, 2 templates), -parallelism=%d, emulator -rate-limits service-defaults (buckets full at the start), activation %s; requests by operation: %s",
			largeParallelism, largeActivation, operations(p)),
	}
	if mode == bench.RateControlOn {
		row.Goal = fmt.Sprintf("<= %.1fx floor, 0 errors, <= %.0f%% throttled", largeMaxFloorRatio, 100*largeMaxThrottled)
		row.Status = bench.Check(ratio <= largeMaxFloorRatio && p.Ok() && p.ThrottledShare() <= largeMaxThrottled)
	}
	return row
}

// operations lists admitted (and throttled) requests per operation, most
// first.
func operations(p bench.RatePhase) string {
	ops := make([]string, 0, len(p.Admitted))
	for op := range p.Admitted {
		ops = append(ops, op)
	}
	for op := range p.ThrottledBy {
		if _, ok := p.Admitted[op]; !ok {
			ops = append(ops, op)
		}
	}
	sort.Slice(ops, func(i, j int) bool {
		a, b := p.Admitted[ops[i]]+p.ThrottledBy[ops[i]], p.Admitted[ops[j]]+p.ThrottledBy[ops[j]]
		if a != b {
			return a > b
		}
		return ops[i] < ops[j]
	})
	parts := make([]string, len(ops))
	for i, op := range ops {
		parts[i] = fmt.Sprintf("%s %d", op, p.Admitted[op])
		if t := p.ThrottledBy[op]; t > 0 {
			parts[i] += fmt.Sprintf(" (+%d throttled)", t)
		}
	}
	return strings.Join(parts, ", ")
}
