package bench

import (
	"math/rand/v2"
	"time"

	"github.com/connect-cases/terraform-provider-cases/internal/poll"
)

// The provider's status schedule (internal/poll) simulated, and the waiters
// of terraform-provider-aws and terraform-provider-awscc it is compared
// with: used only by the benchmark and its tests.

// Schedule gives the pause before status read number attempt (0-based).
type Schedule func(attempt int) time.Duration

// OurSchedule is this provider's schedule when the service does not throttle.
func OurSchedule(attempt int) time.Duration { return poll.Delay(attempt, 0) }

// AWSProviderSchedule is the default waiter of terraform-provider-aws
// (reads at 0, 0.2, 0.6, 1.4, 3.0, 6.2, 12.6, 22.6 s, then every 10 s),
// the anchor the performance targets compare against.
func AWSProviderSchedule(attempt int) time.Duration {
	ms := time.Millisecond
	steps := []time.Duration{0, 200 * ms, 400 * ms, 800 * ms, 1600 * ms, 3200 * ms, 6400 * ms, 10000 * ms}
	if attempt < len(steps) {
		return steps[attempt]
	}
	return 10 * time.Second
}

// Cloud Control waiter parameters: the aws-sdk-go-v2 cloudcontrol
// ResourceRequestSuccess waiter as terraform-provider-awscc configures it.
const (
	cloudControlMinDelay = 5 * time.Second
	cloudControlMaxDelay = 120 * time.Second
)

// CloudControlSchedule is the waiter of terraform-provider-awscc (Cloud
// Control API): a first read after 5 s, then before read n (n >= 1) a
// random pause between 5 s and 5*2^n s, capped at 120 s (smithy-go's
// waiter.ComputeDelay). rng draws the pauses, so a seeded rng makes a
// simulation reproducible; every call draws afresh, so Simulate over many
// samples averages over as many runs of the waiter.
func CloudControlSchedule(rng *rand.Rand) Schedule {
	return func(attempt int) time.Duration {
		if attempt <= 0 {
			return cloudControlMinDelay
		}
		ceiling := cloudControlMaxDelay
		if attempt < 6 { // 5 s << 5 = 160 s is past the cap already
			ceiling = min(cloudControlMinDelay<<attempt, cloudControlMaxDelay)
		}
		return cloudControlMinDelay + time.Duration(rng.Int64N(int64(ceiling-cloudControlMinDelay)))
	}
}

// Simulation is the outcome of a schedule over activation delays.
type Simulation struct {
	MeanLag   time.Duration // mean time from Active to the read that sees it
	MaxLag    time.Duration
	MeanReads float64 // mean number of status reads until Active is seen
}

// Simulate runs a schedule against activation delays spread evenly over
// [from, to] (samples of them), with reads taking no time, and reports the
// detection lag and the number of reads.
func Simulate(s Schedule, from, to time.Duration, samples int) Simulation {
	var sim Simulation
	var totalLag time.Duration
	var totalReads int
	for i := range samples {
		active := from
		if samples > 1 {
			active += (to - from) * time.Duration(i) / time.Duration(samples-1)
		}
		var at time.Duration
		reads := 0
		for attempt := 0; ; attempt++ {
			at += s(attempt)
			reads++
			if at >= active {
				break
			}
		}
		lag := at - active
		totalLag += lag
		totalReads += reads
		sim.MaxLag = max(sim.MaxLag, lag)
	}
	sim.MeanLag = totalLag / time.Duration(samples)
	sim.MeanReads = float64(totalReads) / float64(samples)
	return sim
}

// ThrottledSimulation is the outcome of one activation delay when the
// service throttles a share of the status reads.
type ThrottledSimulation struct {
	MeanLag   time.Duration // mean time from Active to the first unthrottled read after it
	MeanReads float64       // mean reads per create, throttled ones included
	// ReadsPerSecond is the mean read rate of one waiter over its wait.
	ReadsPerSecond float64
}

// SimulateThrottled runs poll.Delay, with its back-off, against one activation
// delay when each read is throttled with probability share (drawn from
// rng, so that a seeded rng reproduces it), over samples creates. Reads
// take no time and the Pacer is left out: one waiter's pauses are never
// shorter than its minimum spacing. The pacer only ever delays reads, and
// under a high throttled share its widened spacing can outlast the
// waiter's own pause, so the simulated read rate is an upper bound and the
// lag a lower bound. (One waiter's reads never overlap, so each of its
// throttles is a window of its own and would widen the spacing, before and
// after the pacer learnt to react once per window.)
func SimulateThrottled(active time.Duration, share float64, rng *rand.Rand, samples int) ThrottledSimulation {
	var sim ThrottledSimulation
	var totalLag, totalTime time.Duration
	totalReads := 0
	for range samples {
		var at time.Duration
		throttles := 0
		for attempt := 0; ; attempt++ {
			at += poll.Delay(attempt, throttles)
			totalReads++
			if rng.Float64() < share {
				throttles++
				continue
			}
			throttles = 0
			if at >= active {
				break
			}
		}
		totalLag += at - active
		totalTime += at
	}
	sim.MeanLag = totalLag / time.Duration(samples)
	sim.MeanReads = float64(totalReads) / float64(samples)
	sim.ReadsPerSecond = float64(totalReads) / totalTime.Seconds()
	return sim
}
