package poll

import "time"

// Schedule gives the pause before status read number attempt (0-based).
type Schedule func(attempt int) time.Duration

// OurSchedule is this provider's schedule when the service does not throttle.
func OurSchedule(attempt int) time.Duration { return Delay(attempt, 0) }

// AWSProviderSchedule is the default waiter of terraform-provider-aws
// (reads at 0, 0.2, 0.6, 1.4, 3.0, 6.2, 12.6, 22.6 s, then every 10 s),
// the anchor the performance targets compare against.
func AWSProviderSchedule(attempt int) time.Duration {
	steps := []time.Duration{0, 200, 400, 800, 1600, 3200, 6400, 10000}
	if attempt < len(steps) {
		return steps[attempt] * time.Millisecond
	}
	return 10 * time.Second
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
