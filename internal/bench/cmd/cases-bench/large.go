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

// measureLargeDomain runs the example with no rate limits anywhere (the
// command's own cost), then with the provider's rate control on, then off,
// each against an emulator of its own.
func measureLargeDomain(ctx context.Context, o options, tf *bench.Terraform) ([]bench.Row, error) {
	example, err := filepath.Abs(o.largeExample)
	if err != nil {
		return nil, err
	}
	logf("large domain: %s with no rate limits (the commands' own cost)", o.largeExample)
	free, err := bench.RunRateLimited(ctx, tf, filepath.Join(o.work, "large-free"), example, bench.NoRateLimits, largeParallelism, largeRefreshRuns, largeActivation)
	if err != nil {
		return nil, fmt.Errorf("no rate limits: %w", err)
	}
	// One mode after the other, never side by side: the refresh-only
	// plan is a short CPU-bound command, and a phase of the other mode
	// running beside it would move its time, not the rate control.
	modes := []bench.RateMode{bench.RateControlOn, bench.RateControlOff}
	results := make([][]bench.RatePhase, len(modes))
	for i, mode := range modes {
		logf("large domain: %s, emulator at service-defaults", mode)
		dir := filepath.Join(o.work, "large-"+strings.ReplaceAll(mode.String(), " ", "-"))
		if results[i], err = bench.RunRateLimited(ctx, tf, dir, example, mode, largeParallelism, largeRefreshRuns, largeActivation); err != nil {
			return nil, fmt.Errorf("%s: %w", mode, err)
		}
	}
	var rows []bench.Row
	for i, mode := range modes {
		for j, p := range results[i] {
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
		runs = fmt.Sprintf("median of %d runs (%s); ", len(p.Walls), durations(p.Walls))
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
